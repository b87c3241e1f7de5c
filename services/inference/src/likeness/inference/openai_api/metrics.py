"""The Prometheus series of the OpenAI API."""

from __future__ import annotations

from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram


class ServingMetrics:
    """The Prometheus series of one app; a registry per app keeps test apps apart."""

    def __init__(self, registry: CollectorRegistry) -> None:
        self.registry = registry
        self.requests = Counter(
            "likeness_openai_requests",
            "HTTP requests answered, by endpoint and status code.",
            ["endpoint", "status"],
            registry=registry,
        )
        self.errors = Counter(
            "likeness_openai_errors",
            "Requests that ended in an error (status >= 400, or an error inside a stream).",
            ["endpoint", "status"],
            registry=registry,
        )
        self.prompt_tokens = Counter(
            "likeness_openai_prompt_tokens", "Prompt tokens processed.", registry=registry
        )
        self.completion_tokens = Counter(
            "likeness_openai_completion_tokens", "Completion tokens generated.", registry=registry
        )
        self.time_to_first_token = Histogram(
            "likeness_openai_time_to_first_token_seconds",
            "From admission of an engine request to its first delta.",
            buckets=(0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60),
            registry=registry,
        )
        self.latency = Histogram(
            "likeness_openai_request_latency_seconds",
            "From admission of an API request to its last token, by endpoint.",
            ["endpoint"],
            buckets=(0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120, 300),
            registry=registry,
        )
        self.waiting = Gauge(
            "likeness_openai_requests_waiting",
            "Engine requests admitted that have not produced a token yet (queue depth).",
            registry=registry,
        )
        self.running = Gauge(
            "likeness_openai_requests_running",
            "Engine requests producing tokens.",
            registry=registry,
        )
