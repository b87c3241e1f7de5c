"""The copy guard: a persona must not hand out its training posts verbatim.

Every persona adapter is trained with a copy index of its training posts beside its weights
(``likeness.core.copying``, ``COPY_INDEX_FILE``). While serving that adapter, a generation that
shares a span of ``index.n`` (8) words or more with a training post is resampled with another
seed, at most ``retries`` times (``LIKENESS_COPY_GUARD_RETRIES``); the guard is on unless
``LIKENESS_COPY_GUARD=false``. An adapter without an index is served unguarded (logged once).
Every transport (gRPC Chat/Generate/GeneratePosts, the OpenAI chat and completion endpoints)
goes through ``ModelResolver.generate``, which hands persona requests to this guard:

- **Whole answers** (non-streamed): the finished text is checked; a copy is generated again
  from scratch, and after the last try the least-copying candidate is returned.
- **Streams**: the text goes out as it comes, except the words that could still be the start of
  a copied span: the last ``n - 1`` words and the word still being written are held back (a
  stream runs about eight words behind the engine). When a copied span completes, nothing of it
  has been sent: the guard drops it and resamples the rest of the answer from just before it
  (the prompt plus the text kept so far, another seed). If the last try copies too, it is
  served as it comes.

A greedy request (temperature 0) would copy again on every try, so its resamples sample at
``RESAMPLE_TEMPERATURE``. Resamples and copies served (a copy that survived every retry) are
counted per persona: ``likeness_copy_guard_resamples_total`` and
``likeness_copy_guard_copies_served_total``, exported with the HTTP app's ``/metrics``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import hashlib
import logging
import threading
from collections.abc import AsyncIterator, Callable
from contextlib import aclosing
from pathlib import Path

import numpy as np
from prometheus_client import CollectorRegistry, Counter

from likeness.core.copying import COPY_INDEX_FILE, CopyIndex, CopyIndexError, word_spans
from likeness.core.settings import Settings
from likeness.inference.engines.base import AdapterInfo, Delta, GenerationRequest, is_greedy

log = logging.getLogger(__name__)

#: The temperature a greedy request's resamples use (greedy would write the same copy again).
RESAMPLE_TEMPERATURE = 0.8

Generate = Callable[[GenerationRequest], AsyncIterator[Delta]]


class CopyGuardMetrics:
    """The guard's Prometheus counters, by persona; an app exports them by ``register``ing
    them in its registry (one guard may serve gRPC and HTTP together)."""

    def __init__(self) -> None:
        self.resamples = Counter(
            "likeness_copy_guard_resamples",
            "Generations resampled because they copied a span of a training post, by persona.",
            ["persona"],
            registry=None,
        )
        self.copies_served = Counter(
            "likeness_copy_guard_copies_served",
            "Generations served although they copy a training post (every retry copied too), "
            "by persona.",
            ["persona"],
            registry=None,
        )

    def register(self, registry: CollectorRegistry) -> None:
        for counter in (self.resamples, self.copies_served):
            with contextlib.suppress(ValueError):  # already registered in this registry
                registry.register(counter)


class CopyGuard:
    """Resamples persona generations that copy a training post (see the module doc)."""

    def __init__(
        self, *, enabled: bool = True, retries: int = 3, metrics: CopyGuardMetrics | None = None
    ) -> None:
        if retries < 0:
            raise ValueError(f"retries must be at least 0, got {retries}")
        self.enabled = enabled
        self.retries = retries
        self.metrics = metrics or CopyGuardMetrics()
        self._indexes: dict[str, CopyIndex | None] = {}  # adapter path -> its index (None: none)
        self._loading = threading.Lock()
        self._running: dict[str, str] = {}  # request id -> the engine request now running for it
        self._cancelled: set[str] = set()

    @classmethod
    def from_settings(cls, settings: Settings) -> CopyGuard:
        return cls(enabled=settings.copy_guard, retries=settings.copy_guard_retries)

    def cached_index(self, adapter: AdapterInfo) -> tuple[bool, CopyIndex | None]:
        """(known, index): whether the adapter's index was looked up already, and what it is."""
        return adapter.path in self._indexes, self._indexes.get(adapter.path)

    def index(self, adapter: AdapterInfo) -> CopyIndex | None:
        """The copy index stored with ``adapter``, read once (blocking: call it in a thread);
        None when the guard is off, or the adapter has none (the guard is then off for it)."""
        if not self.enabled:
            return None
        with self._loading:  # one read (and one log line) per adapter, whatever the threads
            known, index = self.cached_index(adapter)
            if known:
                return index
            try:
                index = CopyIndex.load(Path(adapter.path) / COPY_INDEX_FILE)
            except FileNotFoundError:
                log.warning(
                    "adapter %s has no copy index (%s): served without the copy guard; "
                    "retrain it to get one",
                    adapter.name,
                    COPY_INDEX_FILE,
                )
            except CopyIndexError as exc:
                log.error("adapter %s: served without the copy guard: %s", adapter.name, exc)
            self._indexes[adapter.path] = index
            return index

    def generate(
        self,
        generate: Generate,
        request: GenerationRequest,
        *,
        index: CopyIndex | None,
        persona: str,
        stream: bool,
        count_tokens: Callable[[str], int],
    ) -> AsyncIterator[Delta]:
        """``generate(request)``'s deltas, guarded against copies of ``index``'s texts when
        there is an index. ``stream``: the text goes out as it comes (bar the words held back);
        otherwise the answer comes as one delta once it is known not to copy (or the best of
        the tries). ``count_tokens`` counts the tokens of the text a stream keeps."""
        if index is None or not self.enabled:
            return generate(request)
        if stream:
            return self._streamed(generate, request, index, persona, count_tokens)
        return self._whole(generate, request, index, persona)

    def cancel(self, request_id: str) -> str:
        """The engine request to abort for ``request_id`` (its current try); no further try
        starts for it. Call it on the engine's event loop."""
        current = self._running.get(request_id)
        if current is None:
            return request_id
        self._cancelled.add(request_id)
        return current

    # -- whole answers -------------------------------------------------------------------------
    async def _whole(
        self, generate: Generate, request: GenerationRequest, index: CopyIndex, persona: str
    ) -> AsyncIterator[Delta]:
        rid = request.request_id
        best: tuple[int, str, Delta] | None = None
        try:
            for attempt in range(self.retries + 1):
                current = request if attempt == 0 else _resample(request, attempt)
                self._running[rid] = current.request_id
                text, last = await _collect(generate(current))
                if last is None:
                    return
                if last.finish_reason == "abort":  # the caller went away: no more tries
                    yield dataclasses.replace(last, text=text)
                    return
                span = index.longest_copied_span(text)
                if best is None or span < best[0]:
                    best = (span, text, last)
                if span < index.n or attempt == self.retries or rid in self._cancelled:
                    break
                self.metrics.resamples.labels(persona).inc()
            assert best is not None
            span, text, last = best
            if span >= index.n:
                self.metrics.copies_served.labels(persona).inc()
                log.info(
                    "persona %s: served a %d-word copy after %d resamples",
                    persona,
                    span,
                    self.retries,
                )
            yield dataclasses.replace(last, text=text)
        finally:
            self._running.pop(rid, None)
            self._cancelled.discard(rid)

    # -- streams -------------------------------------------------------------------------------
    async def _streamed(
        self,
        generate: Generate,
        request: GenerationRequest,
        index: CopyIndex,
        persona: str,
        count_tokens: Callable[[str], int],
    ) -> AsyncIterator[Delta]:
        rid = request.request_id
        scan = _StreamScan(index)
        answer = ""  # the answer so far: the text kept from earlier tries, then this try's
        sent = 0  # characters of ``answer`` handed out
        prompt_tokens: int | None = None  # of the request's own prompt
        kept_tokens = 0  # tokens of the text kept from earlier tries
        guarding = True
        attempt = 0
        current = request
        self._running[rid] = rid
        try:
            while True:
                copied_at: int | None = None
                async with aclosing(generate(current)) as deltas:
                    async for delta in deltas:
                        if prompt_tokens is None:
                            prompt_tokens = delta.prompt_tokens
                        answer += delta.text
                        final = delta.finished
                        safe = len(answer)
                        if guarding and delta.finish_reason != "abort":
                            copied_at = scan.update(answer, sent, final=final)
                            if copied_at is not None:
                                if attempt < self.retries and rid not in self._cancelled:
                                    break  # resample from just before the copy
                                guarding, copied_at = False, None  # the last try: serve it
                                self.metrics.copies_served.labels(persona).inc()
                                log.info(
                                    "persona %s: streamed a copy after %d resamples",
                                    persona,
                                    attempt,
                                )
                            else:
                                safe = scan.safe(answer, final=final)
                        if safe > sent or final:
                            yield Delta(
                                answer[sent:safe],
                                prompt_tokens,
                                kept_tokens + delta.completion_tokens,
                                delta.finish_reason,
                            )
                            sent = safe
                        if final:
                            return
                if copied_at is None:  # the engine's stream ended without a last delta
                    if sent < len(answer):
                        yield Delta(answer[sent:], prompt_tokens or 0, kept_tokens, None)
                    return
                attempt += 1
                self.metrics.resamples.labels(persona).inc()
                answer = answer[:copied_at].rstrip()
                scan.reset(answer)
                kept_tokens = count_tokens(answer) if answer else 0
                left = request.sampling.max_tokens - kept_tokens
                if left < 1:  # the kept text already used the answer's tokens
                    yield Delta(answer[sent:], prompt_tokens or 0, kept_tokens, "length")
                    return
                current = _resample(request, attempt, kept=answer, max_tokens=left)
                self._running[rid] = current.request_id
        finally:
            self._running.pop(rid, None)
            self._cancelled.discard(rid)


class _StreamScan:
    """A streamed answer against the index, word by word as words become final.

    A word is final once whitespace follows it (words and URLs never span whitespace); each
    n-gram of final words is checked once. ``safe`` is how much of the answer may go out: up to
    the first of the last ``n - 1`` final words, which may still begin a copied span.
    """

    def __init__(self, index: CopyIndex) -> None:
        self.index = index
        self.spans: list[tuple[int, int, str]] = []  # the final words
        self.final_end = 0  # the words of answer[:final_end] are final
        self.checked = 0  # n-grams of final words checked (by start)

    def reset(self, answer: str) -> None:
        """Start over on ``answer``, every n-gram of whose final words is known clean."""
        self.final_end = _last_space(answer, 0)
        self.spans = word_spans(answer[: self.final_end])
        self.checked = max(0, len(self.spans) - self.index.n + 1)

    def update(self, answer: str, sent: int, *, final: bool) -> int | None:
        """Take in the answer so far; where a copied span starts, if one has completed (one
        that starts before ``sent`` is out already and left alone)."""
        end = len(answer) if final else _last_space(answer, self.final_end)
        if end > self.final_end:
            offset = self.final_end
            self.spans += [
                (start + offset, stop + offset, word)
                for start, stop, word in word_spans(answer[offset:end])
            ]
            self.final_end = end
        first, grams = self.checked, len(self.spans) - self.index.n + 1
        if grams <= first:
            return None
        self.checked = grams
        found = self.index.hits([word for _, _, word in self.spans[first:]])
        for j in np.flatnonzero(found):
            start = self.spans[first + int(j)][0]
            if start >= sent:
                return start
        return None

    def safe(self, answer: str, *, final: bool) -> int:
        if final:
            return len(answer)
        open_from = max(0, len(self.spans) - self.index.n + 1)
        cut = self.spans[open_from][0] if open_from < len(self.spans) else self.final_end
        while cut > 0 and answer[cut - 1].isspace():
            cut -= 1
        return cut


def _last_space(text: str, start: int) -> int:
    """The offset of the last whitespace character at or after ``start``; else ``start``."""
    for i in range(len(text) - 1, start - 1, -1):
        if text[i].isspace():
            return i
    return start


async def _collect(deltas: AsyncIterator[Delta]) -> tuple[str, Delta | None]:
    parts: list[str] = []
    last: Delta | None = None
    async with aclosing(deltas):  # type: ignore[type-var]
        async for delta in deltas:
            parts.append(delta.text)
            last = delta
    return "".join(parts), last


def _resample(
    request: GenerationRequest, attempt: int, *, kept: str = "", max_tokens: int | None = None
) -> GenerationRequest:
    """Try ``attempt`` of ``request``: another seed (derived from the request's, so a seeded
    request stays reproducible), sampled even when the request was greedy, continuing ``kept``."""
    sampling = request.sampling
    seed = None
    if sampling.seed is not None:
        digest = hashlib.blake2b(f"{sampling.seed}:{attempt}".encode(), digest_size=8).digest()
        seed = int.from_bytes(digest, "little", signed=True)
    sampling = dataclasses.replace(
        sampling,
        seed=seed,
        temperature=RESAMPLE_TEMPERATURE if is_greedy(sampling) else sampling.temperature,
        max_tokens=max_tokens or sampling.max_tokens,
    )
    return GenerationRequest(
        f"{request.request_id}~copy{attempt}", request.prompt + kept, sampling, request.adapter
    )
