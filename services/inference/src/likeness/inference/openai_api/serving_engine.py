"""What the chat and completion endpoints share: engine requests with metrics, admission,
non-streamed collection, streamed merging, usage (vLLM's ``serving_engine``).

Validation, model resolution and error types come from ``likeness.inference.serving``, the layer
the gRPC servicer uses too; this module adds only what is HTTP/OpenAI-specific.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Callable, Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

import anyio

from likeness.inference.engines.base import Delta, Engine, GenerationRequest, SamplingParams
from likeness.inference.openai_api.admission import Admission, AdmissionControl, Slot
from likeness.inference.openai_api.errors import OpenAIError, check_not_aborted
from likeness.inference.openai_api.protocol import SamplingRequest, Usage
from likeness.inference.openai_api.serving_models import OpenAIServingModels
from likeness.inference.serving import ServedModel, choice_sampling, sampling_params

T = TypeVar("T")
R = TypeVar("R")
Results = list[tuple[str, Delta]]


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


#: Makes a stream's chunks from its admitted requests and whether usage was asked for.
ChunkMaker = Callable[[Admission, bool], AsyncIterator[T]]


class OpenAIServing:
    """The base of the chat and completion servings: one engine, shared admission."""

    def __init__(
        self,
        engine: Engine,
        models: OpenAIServingModels,
        admission: AdmissionControl,
        *,
        max_tokens_limit: int,
    ) -> None:
        self.engine = engine
        self.models = models
        self.admission = admission
        self.metrics = admission.metrics
        self.max_tokens_limit = max_tokens_limit

    def _sampling(
        self,
        request: SamplingRequest,
        default_max_tokens: int,
        max_completion_tokens: int | None = None,
    ) -> SamplingParams:
        return sampling_params(
            max_tokens={
                "max_tokens": request.max_tokens,
                "max_completion_tokens": max_completion_tokens,
            },
            temperature=request.temperature,
            top_p=request.top_p,
            stop=request.stop,
            seed=request.seed,
            default_max_tokens=default_max_tokens,
            max_tokens_limit=self.max_tokens_limit,
        )

    @staticmethod
    def _requests(
        response_id: str,
        prompts: Sequence[str],
        n: int,
        sampling: SamplingParams,
        adapter: str | None,
    ) -> list[GenerationRequest]:
        # Choice index = prompt index * n + sample index, as in the OpenAI API.
        return [
            GenerationRequest(
                f"{response_id}-{p * n + i}", prompt, choice_sampling(sampling, i), adapter
            )
            for p, prompt in enumerate(prompts)
            for i in range(n)
        ]

    async def _serve(
        self,
        endpoint: str,
        requests: list[GenerationRequest],
        request: SamplingRequest,
        chunks: ChunkMaker[T],
        respond: Callable[[Results, Usage], R],
        per_prompt: int,
        served: ServedModel,
    ) -> R | ChunkStream[T]:
        """Admit ``requests``; stream them through ``chunks``, or collect them for ``respond``
        (with their usage; ``per_prompt`` choices share each prompt)."""
        admission = self.admission.admit(endpoint, len(requests))
        if request.stream:
            include_usage = bool(request.stream_options and request.stream_options.include_usage)
            return ChunkStream(chunks(admission, include_usage), admission.release, include_usage)
        try:
            results = await self._collect(requests, admission, served)
        finally:
            admission.release()
        return respond(results, Usage.of([last for _, last in results], per_prompt=per_prompt))

    async def _generate(
        self, request: GenerationRequest, slot: Slot, served: ServedModel, *, stream: bool
    ) -> AsyncIterator[Delta]:
        """The deltas for one request (through the serving layer's copy guard), with metrics;
        an early exit aborts it."""
        started = time.perf_counter()
        finished = False
        deltas = self.models.resolver.generate(request, served, stream=stream)
        try:
            async for delta in deltas:
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
                aclose = getattr(deltas, "aclose", None)
                if aclose is not None:
                    await aclose()
                if not finished:
                    await self.models.resolver.abort(request.request_id)

    async def _collect(
        self, requests: list[GenerationRequest], admission: Admission, served: ServedModel
    ) -> Results:
        async def one(request: GenerationRequest, slot: Slot) -> tuple[str, Delta]:
            parts: list[str] = []
            last: Delta | None = None
            async for delta in self._generate(request, slot, served, stream=False):
                parts.append(delta.text)
                last = delta
            if last is None:
                raise OpenAIError(500, "the engine returned no output", type="server_error")
            check_not_aborted(last)
            return "".join(parts), last

        return list(
            await asyncio.gather(
                *(one(r, s) for r, s in zip(requests, admission.slots, strict=True))
            )
        )

    async def _merged(
        self, requests: list[GenerationRequest], admission: Admission, served: ServedModel
    ) -> AsyncIterator[tuple[int, Delta]]:
        """The deltas of all requests, interleaved as they come, tagged with the choice index."""
        queue: asyncio.Queue[_Event] = asyncio.Queue()

        async def pump(index: int, request: GenerationRequest, slot: Slot) -> None:
            try:
                async for delta in self._generate(request, slot, served, stream=True):
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
