"""The work behind the OpenAI endpoints, free of HTTP: resolve the model, check the parameters,
run the engine requests, count tokens, build the response objects.

    serving = OpenAIServing(engine, db_engine, metrics=ServingMetrics(CollectorRegistry()))
    response = await serving.create_chat_completion(ChatCompletionRequest(...))
    # a ChatCompletionResponse, or a ChunkStream of ChatCompletionStreamResponse when stream=True

``model`` is a persona slug (its card becomes the first system message and its adapter, if any,
is applied) or the id of the served base model. ``n`` choices are ``n`` engine requests. Every
problem is raised as an ``OpenAIError`` carrying its HTTP status and OpenAI error type, which
the app turns into ``{"error": {...}}`` in one place.
"""

from __future__ import annotations

import asyncio
import time
import uuid
from collections.abc import AsyncIterator, Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Generic, TypeVar

import anyio
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from sqlalchemy import Engine as DbEngine

from likeness.core.chat import persona_messages
from likeness.inference.engines.base import (
    AdapterMismatch,
    Delta,
    Engine,
    GenerationRequest,
    SamplingParams,
)
from likeness.inference.openai_api.protocol import (
    ChatCompletionChoice,
    ChatCompletionMessage,
    ChatCompletionRequest,
    ChatCompletionResponse,
    ChatCompletionStreamChoice,
    ChatCompletionStreamResponse,
    ChatMessage,
    CompletionChoice,
    CompletionRequest,
    CompletionResponse,
    DeltaMessage,
    ErrorInfo,
    ErrorResponse,
    ModelCard,
    ModelList,
    Usage,
)
from likeness.inference.personas import PersonaNotFound, list_personas, load_persona

MAX_STOP_SEQUENCES = 4  # as the OpenAI API
MAX_N = 16
DEFAULT_COMPLETION_MAX_TOKENS = 16  # the OpenAI default for /v1/completions


class OpenAIError(Exception):
    """A failure with its HTTP status and the OpenAI error object that describes it."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        type: str = "invalid_request_error",
        param: str | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type
        self.param = param
        self.code = code

    def to_response(self) -> ErrorResponse:
        return ErrorResponse(
            error=ErrorInfo(message=self.message, type=self.type, param=self.param, code=self.code)
        )


def bad_request(message: str, param: str | None = None) -> OpenAIError:
    return OpenAIError(400, message, param=param, code="invalid_value" if param else None)


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


@dataclass(frozen=True, slots=True)
class ServedModel:
    """What a request's ``model`` resolved to."""

    id: str
    card: str | None  # the persona card; None for the bare base model
    adapter: str | None  # adapter name known to the engine; None = base weights


class _Slot:
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


class _Admission:
    """The engine slots of one API request; ``release`` is idempotent and frees all of them."""

    def __init__(self, serving: OpenAIServing, endpoint: str, cost: int) -> None:
        self._serving = serving
        self.endpoint = endpoint
        self.started = time.perf_counter()
        self.slots = [_Slot(serving.metrics) for _ in range(cost)]
        self._released = False

    def release(self) -> None:
        if self._released:
            return
        self._released = True
        for slot in self.slots:
            slot.finish()
        self._serving._in_flight -= len(self.slots)
        self._serving.metrics.latency.labels(self.endpoint).observe(
            time.perf_counter() - self.started
        )


T = TypeVar("T")


class ChunkStream(Generic[T]):
    """The chunks of a streamed response.

    ``aclose`` must be called (the router does so in a ``finally``): it aborts the engine
    requests still running and frees the admission even when the stream was never iterated,
    which a bare async generator cannot promise (closing an unstarted generator runs nothing).
    """

    def __init__(
        self, chunks: AsyncIterator[T], release: Callable[[], None], include_usage: bool
    ) -> None:
        self._chunks = chunks
        self._release = release
        self.include_usage = include_usage

    def __aiter__(self) -> ChunkStream[T]:
        return self

    async def __anext__(self) -> T:
        return await self._chunks.__anext__()

    async def aclose(self) -> None:
        try:
            aclose = getattr(self._chunks, "aclose", None)
            if aclose is not None:
                await aclose()
        finally:
            self._release()


@dataclass(slots=True)
class _Event:
    """A delta of choice ``index``, or its end (``delta`` None), or its failure."""

    index: int
    delta: Delta | None = None
    error: BaseException | None = None


class OpenAIServing:
    """Chat and text completions over one engine, for every persona in the database."""

    def __init__(
        self,
        engine: Engine,
        db_engine: DbEngine,
        *,
        metrics: ServingMetrics,
        max_tokens_limit: int = 2048,
        max_queue: int = 64,
        model_adapters: Mapping[str, str] | None = None,
    ) -> None:
        self.engine = engine
        self.db_engine = db_engine
        self.metrics = metrics
        self.max_tokens_limit = max_tokens_limit
        self.max_queue = max_queue
        self.model_adapters = dict(model_adapters or {})
        self._in_flight = 0
        self._loaded_adapters: set[str] = set()
        self._adapter_lock = asyncio.Lock()

    @property
    def in_flight(self) -> int:
        """Engine requests admitted and not yet finished."""
        return self._in_flight

    # --- models ---------------------------------------------------------------------------------

    async def list_models(self) -> ModelList:
        personas = await anyio.to_thread.run_sync(list_personas, self.db_engine)
        cards = [ModelCard(id=self.engine.model_id)]
        cards += [ModelCard(id=p.slug) for p in personas if p.slug != self.engine.model_id]
        return ModelList(data=cards)

    async def resolve_model(self, model: str) -> ServedModel:
        """The base model or the persona named ``model``; 404 for anything else."""
        if model == self.engine.model_id:
            return ServedModel(id=model, card=None, adapter=None)
        try:
            persona = await anyio.to_thread.run_sync(load_persona, self.db_engine, model)
        except PersonaNotFound:
            raise OpenAIError(
                404,
                f"The model '{model}' does not exist: use a persona slug or "
                f"'{self.engine.model_id}' (GET /v1/models lists them).",
                param="model",
                code="model_not_found",
            ) from None
        adapter = self.model_adapters.get(persona.slug)
        if adapter is None and persona.adapter is not None:
            await self._ensure_adapter(persona.adapter)
            adapter = persona.adapter.name
        return ServedModel(id=persona.slug, card=persona.card, adapter=adapter)

    async def _ensure_adapter(self, info: Any) -> None:
        # Loaded once per process; the lock keeps concurrent first requests from loading twice.
        async with self._adapter_lock:
            if info.name in self._loaded_adapters:
                return
            try:
                await self.engine.load_adapter(info)
            except AdapterMismatch as exc:
                raise OpenAIError(
                    500, f"the persona's adapter cannot be served: {exc}", type="server_error"
                ) from exc
            self._loaded_adapters.add(info.name)

    # --- chat -----------------------------------------------------------------------------------

    async def render_chat_prompt(self, served: ServedModel, messages: Sequence[ChatMessage]) -> str:
        """The exact prompt text the engine receives for this chat."""
        plain = _plain_messages(messages)
        if served.card is not None:
            plain = persona_messages(served.card, plain)
        try:
            return self.engine.render_chat(plain)
        except ValueError as exc:  # e.g. a tokenizer without a chat template
            raise bad_request(f"cannot render this chat for the served model: {exc}") from exc

    async def create_chat_completion(
        self, request: ChatCompletionRequest
    ) -> ChatCompletionResponse | ChunkStream[ChatCompletionStreamResponse]:
        _refuse_unsupported_chat(request)
        n = _check_n(request.n)
        sampling = self._sampling(
            max_tokens=(request.max_tokens, "max_tokens"),
            max_completion_tokens=(request.max_completion_tokens, "max_completion_tokens"),
            default_max_tokens=self.max_tokens_limit,
            temperature=request.temperature,
            top_p=request.top_p,
            stop=request.stop,
            seed=request.seed,
        )
        served = await self.resolve_model(request.model)
        prompt = await self.render_chat_prompt(served, request.messages)
        response_id = f"chatcmpl-{uuid.uuid4().hex}"
        self._check_prompt(prompt, "messages")
        requests = [
            GenerationRequest(
                f"{response_id}-{i}", prompt, _choice_sampling(sampling, i), served.adapter
            )
            for i in range(n)
        ]
        admission = self._admit("chat", len(requests))
        if request.stream:
            include_usage = bool(request.stream_options and request.stream_options.include_usage)
            chunks = self._chat_chunks(response_id, served.id, requests, admission, include_usage)
            return ChunkStream(chunks, admission.release, include_usage)
        try:
            results = await self._collect(requests, admission)
        finally:
            admission.release()
        choices = [
            ChatCompletionChoice(
                index=i,
                message=ChatCompletionMessage(content=text),
                finish_reason=last.finish_reason,
            )
            for i, (text, last) in enumerate(results)
        ]
        return ChatCompletionResponse(
            id=response_id, model=served.id, choices=choices, usage=_usage(results, per_prompt=n)
        )

    async def _chat_chunks(
        self,
        response_id: str,
        model: str,
        requests: list[GenerationRequest],
        admission: _Admission,
        include_usage: bool,
    ) -> AsyncIterator[ChatCompletionStreamResponse]:
        created = int(time.time())

        def chunk(
            choices: list[ChatCompletionStreamChoice], usage: Usage | None = None
        ) -> ChatCompletionStreamResponse:
            return ChatCompletionStreamResponse(
                id=response_id, created=created, model=model, choices=choices, usage=usage
            )

        # The role comes first, before any token, as OpenAI sends it (and clients expect it).
        for i in range(len(requests)):
            role = DeltaMessage(role="assistant", content="")
            yield chunk([ChatCompletionStreamChoice(index=i, delta=role)])
        lasts: list[Delta | None] = [None] * len(requests)
        async for index, delta in self._merged(requests, admission):
            if delta.text:
                content = DeltaMessage(content=delta.text)
                yield chunk([ChatCompletionStreamChoice(index=index, delta=content)])
            if delta.finished:
                lasts[index] = delta
                _check_not_aborted(delta)
                yield chunk(
                    [
                        ChatCompletionStreamChoice(
                            index=index, delta=DeltaMessage(), finish_reason=delta.finish_reason
                        )
                    ]
                )
        if include_usage:
            results = [("", last) for last in lasts if last is not None]
            yield chunk([], usage=_usage(results, per_prompt=len(requests)))

    # --- completions ----------------------------------------------------------------------------

    async def create_completion(
        self, request: CompletionRequest
    ) -> CompletionResponse | ChunkStream[CompletionResponse]:
        prompts = _completion_prompts(request)
        _refuse_unsupported_completion(request)
        n = _check_n(request.n)
        sampling = self._sampling(
            max_tokens=(request.max_tokens, "max_tokens"),
            max_completion_tokens=(None, "max_completion_tokens"),
            default_max_tokens=DEFAULT_COMPLETION_MAX_TOKENS,
            temperature=request.temperature,
            top_p=request.top_p,
            stop=request.stop,
            seed=request.seed,
        )
        # A persona's adapter applies here too; its card does not, as the prompt is raw text.
        served = await self.resolve_model(request.model)
        response_id = f"cmpl-{uuid.uuid4().hex}"
        for prompt in prompts:
            self._check_prompt(prompt, "prompt")
        # Choice index = prompt index * n + sample index, as in the OpenAI API.
        requests = [
            GenerationRequest(
                f"{response_id}-{p * n + i}", prompt, _choice_sampling(sampling, i), served.adapter
            )
            for p, prompt in enumerate(prompts)
            for i in range(n)
        ]
        admission = self._admit("completions", len(requests))
        if request.stream:
            include_usage = bool(request.stream_options and request.stream_options.include_usage)
            chunks = self._completion_chunks(
                response_id, served.id, requests, admission, include_usage, n
            )
            return ChunkStream(chunks, admission.release, include_usage)
        try:
            results = await self._collect(requests, admission)
        finally:
            admission.release()
        choices = [
            CompletionChoice(index=i, text=text, finish_reason=last.finish_reason)
            for i, (text, last) in enumerate(results)
        ]
        return CompletionResponse(
            id=response_id, model=served.id, choices=choices, usage=_usage(results, per_prompt=n)
        )

    async def _completion_chunks(
        self,
        response_id: str,
        model: str,
        requests: list[GenerationRequest],
        admission: _Admission,
        include_usage: bool,
        n: int,
    ) -> AsyncIterator[CompletionResponse]:
        created = int(time.time())
        lasts: list[Delta | None] = [None] * len(requests)
        async for index, delta in self._merged(requests, admission):
            if delta.finished:
                lasts[index] = delta
                _check_not_aborted(delta)
            if delta.text or delta.finished:
                choice = CompletionChoice(
                    index=index, text=delta.text, finish_reason=delta.finish_reason
                )
                yield CompletionResponse(
                    id=response_id, created=created, model=model, choices=[choice]
                )
        if include_usage:
            results = [("", last) for last in lasts if last is not None]
            yield CompletionResponse(
                id=response_id,
                created=created,
                model=model,
                choices=[],
                usage=_usage(results, per_prompt=n),
            )

    # --- engine requests ------------------------------------------------------------------------

    def _admit(self, endpoint: str, cost: int) -> _Admission:
        """Reserve ``cost`` engine slots or refuse with 429; no await, so check-and-take is atomic
        on the event loop."""
        if cost > self.max_queue:
            raise bad_request(
                f"this request needs {cost} generations; the server runs at most "
                f"{self.max_queue} at once",
                param="n",
            )
        if self._in_flight + cost > self.max_queue:
            raise OpenAIError(
                429,
                f"the server is busy ({self._in_flight} generations in flight, limit "
                f"{self.max_queue}); retry shortly",
                type="rate_limit_error",
                code="rate_limit_exceeded",
            )
        self._in_flight += cost
        return _Admission(self, endpoint, cost)

    async def _generate(self, request: GenerationRequest, slot: _Slot) -> AsyncIterator[Delta]:
        """The engine's deltas for one request, with metrics; an early exit aborts it."""
        started = time.perf_counter()
        finished = False
        stream = self.engine.generate(request)
        try:
            async for delta in stream:
                if slot.state == "waiting":
                    slot.start()
                    self.metrics.time_to_first_token.observe(time.perf_counter() - started)
                if delta.finished:
                    finished = True
                    self.metrics.prompt_tokens.inc(delta.prompt_tokens)
                    self.metrics.completion_tokens.inc(delta.completion_tokens)
                yield delta
                if finished:
                    return
        finally:
            slot.finish()
            # Shielded: this runs while the request is being cancelled (client went away), and
            # the engine must still hear about it or the request keeps its slot.
            with anyio.CancelScope(shield=True):
                aclose = getattr(stream, "aclose", None)
                if aclose is not None:
                    await aclose()
                if not finished:
                    await self.engine.abort(request.request_id)

    async def _collect(
        self, requests: list[GenerationRequest], admission: _Admission
    ) -> list[tuple[str, Delta]]:
        async def one(request: GenerationRequest, slot: _Slot) -> tuple[str, Delta]:
            parts: list[str] = []
            last: Delta | None = None
            async for delta in self._generate(request, slot):
                parts.append(delta.text)
                last = delta
            if last is None:
                raise OpenAIError(500, "the engine returned no output", type="server_error")
            _check_not_aborted(last)
            return "".join(parts), last

        return list(
            await asyncio.gather(
                *(one(r, s) for r, s in zip(requests, admission.slots, strict=True))
            )
        )

    async def _merged(
        self, requests: list[GenerationRequest], admission: _Admission
    ) -> AsyncIterator[tuple[int, Delta]]:
        """The deltas of all requests, interleaved as they come, tagged with the choice index."""
        queue: asyncio.Queue[_Event] = asyncio.Queue()

        async def pump(index: int, request: GenerationRequest, slot: _Slot) -> None:
            try:
                async for delta in self._generate(request, slot):
                    queue.put_nowait(_Event(index, delta))
            except Exception as exc:
                queue.put_nowait(_Event(index, error=exc))
                return
            queue.put_nowait(_Event(index))

        tasks = [
            asyncio.create_task(pump(i, r, s))
            for i, (r, s) in enumerate(zip(requests, admission.slots, strict=True))
        ]
        try:
            remaining = len(tasks)
            while remaining:
                event = await queue.get()
                if event.error is not None:
                    raise event.error
                if event.delta is None:
                    remaining -= 1
                    continue
                yield event.index, event.delta
        finally:
            # Cancelling a pump runs its ``_generate`` finally, which aborts the engine request.
            with anyio.CancelScope(shield=True):
                for task in tasks:
                    task.cancel()
                await asyncio.gather(*tasks, return_exceptions=True)

    def _check_prompt(self, prompt: str, param: str) -> None:
        """Refuse prompts the engine would refuse, while a 400 can still be sent (a stream's
        status line goes out before the engine sees the prompt)."""
        if not prompt:
            raise bad_request("the prompt is empty", param=param)
        context = int(getattr(self.engine, "max_context", 0) or 0)
        if context:
            tokens = self.engine.count_tokens(prompt)
            if tokens >= context:
                raise OpenAIError(
                    400,
                    f"the prompt has {tokens} tokens; the model's context is {context} tokens",
                    param=param,
                    code="context_length_exceeded",
                )

    # --- parameters -----------------------------------------------------------------------------

    def _sampling(
        self,
        *,
        max_tokens: tuple[int | None, str],
        max_completion_tokens: tuple[int | None, str],
        default_max_tokens: int,
        temperature: float | None,
        top_p: float | None,
        stop: str | list[str] | None,
        seed: int | None,
    ) -> SamplingParams:
        limits = []
        for value, name in (max_tokens, max_completion_tokens):
            if value is None:
                continue
            if value < 1:
                raise bad_request(f"{name} must be at least 1, got {value}", param=name)
            limits.append(value)
        # Both given: the stricter wins. Either way the server's own limit caps it.
        wanted = min(limits) if limits else default_max_tokens
        if temperature is None:
            temperature = 1.0
        if not 0.0 <= temperature <= 2.0:
            raise bad_request(
                f"temperature must be between 0 and 2, got {temperature}", param="temperature"
            )
        if top_p is None:
            top_p = 1.0
        if not 0.0 < top_p <= 1.0:
            raise bad_request(f"top_p must be in (0, 1], got {top_p}", param="top_p")
        return SamplingParams(
            max_tokens=min(wanted, self.max_tokens_limit),
            temperature=temperature,
            top_p=top_p,
            stop=_stop_sequences(stop),
            seed=seed,
        )


# --- helpers ------------------------------------------------------------------------------------


def _choice_sampling(sampling: SamplingParams, index: int) -> SamplingParams:
    """Choice ``i`` samples with ``seed + i``: the choices differ, and choice 0 with seed s
    is the same text a request with n=1 and seed s gets."""
    if sampling.seed is None or index == 0:
        return sampling
    return SamplingParams(
        max_tokens=sampling.max_tokens,
        temperature=sampling.temperature,
        top_p=sampling.top_p,
        stop=sampling.stop,
        seed=sampling.seed + index,
    )


def _check_n(n: int | None) -> int:
    n = 1 if n is None else n
    if not 1 <= n <= MAX_N:
        raise bad_request(f"n must be between 1 and {MAX_N}, got {n}", param="n")
    return n


def _stop_sequences(stop: str | list[str] | None) -> tuple[str, ...]:
    if stop is None:
        return ()
    sequences = [stop] if isinstance(stop, str) else list(stop)
    if len(sequences) > MAX_STOP_SEQUENCES:
        raise bad_request(
            f"at most {MAX_STOP_SEQUENCES} stop sequences are allowed, got {len(sequences)}",
            param="stop",
        )
    if any(not s for s in sequences):
        raise bad_request("stop sequences must not be empty", param="stop")
    return tuple(sequences)


def _plain_messages(messages: Sequence[ChatMessage]) -> list[dict[str, str]]:
    if not messages:
        raise bad_request("messages must contain at least one message", param="messages")
    plain = []
    for i, message in enumerate(messages):
        role = "system" if message.role == "developer" else message.role
        if role not in ("system", "user", "assistant"):
            raise bad_request(
                f"messages[{i}].role {message.role!r} is not supported "
                "(use system, developer, user or assistant)",
                param=f"messages[{i}].role",
            )
        content = message.content
        if isinstance(content, list):
            texts = []
            for part in content:
                if part.type != "text" or part.text is None:
                    raise bad_request(
                        f"messages[{i}] has a {part.type!r} part; only text is supported",
                        param=f"messages[{i}].content",
                    )
                texts.append(part.text)
            content = "".join(texts)
        plain.append({"role": role, "content": content or ""})
    return plain


def _completion_prompts(request: CompletionRequest) -> list[str]:
    prompt = request.prompt
    if isinstance(prompt, str):
        return [prompt]
    if prompt and all(isinstance(p, str) for p in prompt):
        return [p for p in prompt if isinstance(p, str)]
    if not prompt:
        raise bad_request("prompt must not be an empty list", param="prompt")
    raise bad_request("token-id prompts are not supported; send text", param="prompt")


def _refuse(param: str, what: str) -> OpenAIError:
    return bad_request(f"{param} is not supported by this server ({what})", param=param)


def _refuse_unsupported_sampling(request: ChatCompletionRequest | CompletionRequest) -> None:
    # Neutral values pass (SDKs send them); anything else would be silently ignored otherwise.
    if request.frequency_penalty:
        raise _refuse("frequency_penalty", "only 0")
    if request.presence_penalty:
        raise _refuse("presence_penalty", "only 0")
    if request.logit_bias:
        raise _refuse("logit_bias", "only empty")


def _refuse_unsupported_chat(request: ChatCompletionRequest) -> None:
    _refuse_unsupported_sampling(request)
    if request.logprobs:
        raise _refuse("logprobs", "only false")
    if request.top_logprobs:
        raise _refuse("top_logprobs", "only 0")
    if request.tools:
        raise _refuse("tools", "no tool calling")
    if request.tool_choice not in (None, "none", "auto"):
        raise _refuse("tool_choice", "no tool calling")
    if request.response_format and request.response_format.get("type") not in (None, "text"):
        raise _refuse("response_format", "only text")


def _refuse_unsupported_completion(request: CompletionRequest) -> None:
    _refuse_unsupported_sampling(request)
    if request.logprobs:
        raise _refuse("logprobs", "only null")
    if request.echo:
        raise _refuse("echo", "only false")
    if request.suffix:
        raise _refuse("suffix", "only null")
    if request.best_of is not None and request.best_of != (request.n or 1):
        raise _refuse("best_of", "only equal to n")


def _check_not_aborted(last: Delta) -> None:
    if last.finish_reason == "abort":
        # Only the engine aborts a request we did not abort ourselves: it is shutting down.
        raise OpenAIError(
            503, "the engine aborted the request (shutting down?)", type="server_error"
        )


def _usage(results: Sequence[tuple[str, Delta]], *, per_prompt: int) -> Usage:
    """Prompt tokens count once per distinct prompt (not once per choice), as OpenAI counts."""
    prompt = sum(last.prompt_tokens for i, (_, last) in enumerate(results) if i % per_prompt == 0)
    completion = sum(last.completion_tokens for _, last in results)
    return Usage(
        prompt_tokens=prompt, completion_tokens=completion, total_tokens=prompt + completion
    )
