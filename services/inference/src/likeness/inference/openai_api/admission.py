"""Admission control: at most ``max_queue`` engine requests in flight, the rest get 429.

admission = control.admit("chat", cost=n)      # or raises OpenAIError 429
...                                            # one Slot per engine request
admission.release()                            # idempotent
"""

from __future__ import annotations

import time

from likeness.inference.openai_api.errors import OpenAIError, bad_request
from likeness.inference.openai_api.metrics import ServingMetrics


class Slot:
    """One engine request's place in the gauges: waiting → running → done, each step once."""

    def __init__(self, metrics: ServingMetrics) -> None:
        self._metrics = metrics
        self.state = "waiting"
        metrics.waiting.inc()

    def start(self) -> None:
        if self.state == "waiting":
            self._metrics.waiting.dec()
            self._metrics.running.inc()
            self.state = "running"

    def finish(self) -> None:
        if self.state == "waiting":
            self._metrics.waiting.dec()
        elif self.state == "running":
            self._metrics.running.dec()
        self.state = "done"


class Admission:
    """The engine slots of one API request; ``release`` is idempotent and frees all of them."""

    def __init__(self, control: AdmissionControl, endpoint: str, cost: int) -> None:
        self._control = control
        self.endpoint = endpoint
        self.started = time.perf_counter()
        self.slots = [Slot(control.metrics) for _ in range(cost)]
        self._released = False

    def release(self) -> None:
        if self._released:
            return
        self._released = True
        for slot in self.slots:
            slot.finish()
        self._control.in_flight -= len(self.slots)
        self._control.metrics.latency.labels(self.endpoint).observe(
            time.perf_counter() - self.started
        )


class AdmissionControl:
    """The in-flight count shared by every endpoint of one app."""

    def __init__(self, metrics: ServingMetrics, max_queue: int) -> None:
        self.metrics = metrics
        self.max_queue = max_queue
        self.in_flight = 0  # engine requests admitted and not yet finished

    def admit(self, endpoint: str, cost: int) -> Admission:
        """Reserve ``cost`` engine slots or refuse with 429; no await, so check-and-take is
        atomic on the event loop."""
        if cost > self.max_queue:
            raise bad_request(
                f"this request needs {cost} generations; the server runs at most "
                f"{self.max_queue} at once",
                param="n",
            )
        if self.in_flight + cost > self.max_queue:
            raise OpenAIError(
                429,
                f"the server is busy ({self.in_flight} generations in flight, limit "
                f"{self.max_queue}); retry shortly",
                type="rate_limit_error",
                code="rate_limit_exceeded",
            )
        self.in_flight += cost
        return Admission(self, endpoint, cost)
