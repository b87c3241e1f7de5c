"""A plain transformers engine: the CPU fallback, the engine for tiny test models, and the baseline
that benchmarks compare vLLM against.

    engine = TransformersEngine.load("/data/models/SmolLM2-135M-Instruct", max_batch=8)
    await engine.start()
    await engine.load_adapter(AdapterInfo("alice", "/data/adapters/alice", base, digest))
    async for delta in engine.generate(GenerationRequest("r1", prompt, adapter="alice")):
        print(delta.text, end="")
    await engine.close()

How it works. One worker thread owns the model, so torch never blocks the event loop; results go
back through ``loop.call_soon_threadsafe`` into one asyncio queue per request. The worker keeps a
running batch with a KV cache (left-padded, with an attention mask). Between two decode steps it
drops aborted and finished rows and admits waiting requests: they are prefilled together, then
their cache is left-padded to the running batch's length and concatenated to it, so a new request
never waits for a long batch to finish. When the batch is empty, the worker waits ``batch_wait_ms``
after the first arrival so that requests sent together are prefilled together.

Adapters (PEFT LoRA) share one base model. A batch mixes adapters freely through peft's mixed-batch
inference (``adapter_names=[...]``, ``"__base__"`` for the base model): the LoRA delta is added only
to the rows of its adapter, so base rows get exactly the base model's output.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
import time
from collections import deque
from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from typing import Any

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer, DynamicCache
from transformers.cache_utils import DynamicLayer

from likeness.core import chat
from likeness.inference.engines.base import (
    AdapterInfo,
    Delta,
    EngineFailed,
    FinishReason,
    GenerationRequest,
    check_adapter_fits,
    is_greedy,
)

log = logging.getLogger(__name__)

BASE_ADAPTER = "__base__"  # peft's name for "no adapter" in a mixed batch
REPLACEMENT_CHAR = "\ufffd"  # what a partial UTF-8 sequence decodes to


@dataclass(slots=True)
class EngineStats:
    """Counters the worker updates; read them for metrics and in tests (reads are not locked)."""

    max_batch_seen: int = 0  # largest number of rows decoded in one step
    prefills: int = 0  # forward passes that admitted new requests
    decode_steps: int = 0
    active: int = 0  # rows in the running batch
    pending: int = 0  # requests waiting for a slot
    finished: dict[str, int] = field(default_factory=lambda: {"stop": 0, "length": 0, "abort": 0})


@dataclass(slots=True)
class _Slot:
    """One request's state; only the worker thread touches it after submission."""

    request: GenerationRequest
    prompt_ids: list[int]
    loop: asyncio.AbstractEventLoop
    queue: asyncio.Queue[Delta | BaseException]
    generator: torch.Generator
    generated: list[int] = field(default_factory=list)
    sent: str = ""  # text already streamed
    next_token: int | None = None  # sampled but not yet fed through the model
    cached: int = 0  # real (non-pad) tokens in the KV cache for this row

    @property
    def adapter(self) -> str:
        return self.request.adapter or BASE_ADAPTER


class TransformersEngine:
    """``Engine`` over a Hugging Face causal LM (folder or hub id), batched in a worker thread."""

    def __init__(
        self,
        model: Any,
        tokenizer: Any,
        *,
        model_id: str,
        max_batch: int = 8,
        batch_wait_ms: float = 5.0,
        device: str = "cpu",
    ) -> None:
        self._model = model.eval()
        self.tokenizer = tokenizer
        self.model_id = model_id
        self.chat_template_sha256 = chat.chat_template_sha256(tokenizer)
        self.max_batch = max_batch
        self.batch_wait_ms = batch_wait_ms
        self.device = torch.device(device)
        self.stats = EngineStats()
        self._config = model.config  # peft wraps the model later; keep the plain config
        self.max_context = int(getattr(model.config, "max_position_embeddings", 0) or 0)
        self._eos_ids = _eos_token_ids(model, tokenizer)
        self._pad_id = _pad_token_id(tokenizer, self._eos_ids)
        self._adapters: dict[str, AdapterInfo] = {}
        # The worker holds this during every forward pass; adapter loading takes it too, because
        # peft rewrites the model's modules in place.
        self._model_lock = threading.Lock()
        self._cond = threading.Condition()
        self._pending: deque[_Slot] = deque()
        self._aborts: set[str] = set()
        self._live: set[str] = set()  # request ids submitted and not yet finished
        self._stopping = False
        self._thread: threading.Thread | None = None
        self._failure: BaseException | None = None  # why the worker died, if it did

    @classmethod
    def load(
        cls,
        model: str,
        *,
        max_batch: int = 8,
        batch_wait_ms: float = 5.0,
        device: str = "cpu",
        dtype: torch.dtype | str = "auto",
    ) -> TransformersEngine:
        """Load model and tokenizer from a folder or hub id (blocking; call before ``start``).

        ``dtype="auto"`` keeps the checkpoint's dtype (bf16 for the default model).
        """
        tokenizer = AutoTokenizer.from_pretrained(model)
        loaded: Any = AutoModelForCausalLM.from_pretrained(model, dtype=dtype)
        loaded = loaded.to(device)
        return cls(
            loaded,
            tokenizer,
            model_id=model,
            max_batch=max_batch,
            batch_wait_ms=batch_wait_ms,
            device=device,
        )

    # --- Engine protocol -------------------------------------------------------------------

    async def start(self) -> None:
        if self._thread is not None:
            return
        self._stopping = False
        self._thread = threading.Thread(target=self._run, name="transformers-engine", daemon=True)
        self._thread.start()

    async def close(self) -> None:
        thread = self._thread
        if thread is None:
            return
        with self._cond:
            self._stopping = True
            self._cond.notify_all()
        await asyncio.to_thread(thread.join)
        self._thread = None

    async def generate(self, request: GenerationRequest) -> AsyncIterator[Delta]:
        if self._thread is None:
            raise RuntimeError("engine not started: await engine.start() first")
        if self._failure is not None:
            raise EngineFailed("the engine's worker failed; restart the engine") from self._failure
        if request.adapter is not None and request.adapter not in self._adapters:
            raise ValueError(f"unknown adapter {request.adapter!r}; load it with load_adapter")
        prompt_ids = self._encode(request.prompt)
        if not prompt_ids:
            raise ValueError("empty prompt")
        if self.max_context and len(prompt_ids) >= self.max_context:
            raise ValueError(
                f"prompt has {len(prompt_ids)} tokens; the model's context is {self.max_context}"
            )
        generator = torch.Generator(device=self.device)
        if request.sampling.seed is None:
            generator.seed()
        else:
            generator.manual_seed(request.sampling.seed)
        slot = _Slot(
            request=request,
            prompt_ids=prompt_ids,
            loop=asyncio.get_running_loop(),
            queue=asyncio.Queue(),
            generator=generator,
        )
        with self._cond:
            if request.request_id in self._live:
                raise ValueError(f"request id {request.request_id!r} is already running")
            self._live.add(request.request_id)
            self._pending.append(slot)
            self.stats.pending = len(self._pending)
            self._cond.notify_all()
        finished = False
        try:
            while True:
                item = await slot.queue.get()
                if isinstance(item, BaseException):
                    finished = True
                    raise item
                finished = item.finished
                yield item
                if finished:
                    return
        finally:
            # A consumer that stopped iterating (client gone, task cancelled) frees its slot.
            if not finished:
                self._request_abort(request.request_id)

    async def abort(self, request_id: str) -> None:
        self._request_abort(request_id)

    def healthy(self) -> bool:
        thread = self._thread
        return thread is not None and thread.is_alive() and self._failure is None

    def count_tokens(self, text: str) -> int:
        return len(self._encode(text))

    async def load_adapter(self, adapter: AdapterInfo) -> None:
        self.check_adapter(adapter)
        await asyncio.to_thread(self._load_adapter_sync, adapter)

    def render_chat(self, messages: list[dict[str, str]]) -> str:
        return chat.render_chat(self.tokenizer, messages)

    # --- adapters --------------------------------------------------------------------------

    @property
    def adapters(self) -> list[str]:
        return sorted(self._adapters)

    def check_adapter(self, adapter: AdapterInfo) -> None:
        """Raise AdapterMismatch unless the adapter was trained on this base and chat template."""
        if adapter.name == BASE_ADAPTER or not adapter.name:
            raise ValueError(f"invalid adapter name {adapter.name!r}")
        check_adapter_fits(adapter, self.model_id, self.chat_template_sha256)

    def _load_adapter_sync(self, adapter: AdapterInfo) -> None:
        from peft import PeftModel

        with self._model_lock:
            if adapter.name in self._adapters:
                self._model.delete_adapter(adapter.name)
            if isinstance(self._model, PeftModel):
                self._model.load_adapter(adapter.path, adapter_name=adapter.name)
            else:
                self._model = PeftModel.from_pretrained(
                    self._model, adapter.path, adapter_name=adapter.name
                )
            self._model.eval()
            self._adapters[adapter.name] = adapter

    # --- worker ----------------------------------------------------------------------------

    def _encode(self, text: str) -> list[int]:
        # The rendered prompt already holds the template's special tokens; adding BOS again would
        # change the prompt the model was trained on.
        return list(self.tokenizer(text, add_special_tokens=False)["input_ids"])

    def _request_abort(self, request_id: str) -> None:
        with self._cond:
            if request_id in self._live:
                self._aborts.add(request_id)
                self._cond.notify_all()

    def _run(self) -> None:
        batch = _Batch()
        try:
            with torch.inference_mode():
                while True:
                    admitted, aborts = self._next_work(batch)
                    if admitted is None:
                        break
                    for slot in batch.remove({s.request.request_id for s in batch.slots} & aborts):
                        self._finish(slot, "", "abort")
                    try:
                        if admitted:
                            self._prefill(batch, admitted)
                        if batch.slots:
                            self._decode_step(batch)
                    except Exception as exc:
                        # A failed forward pass fails the requests it carried, never the engine.
                        in_batch = batch.ids()
                        failed = [*batch.slots]
                        failed += [s for s in admitted if s.request.request_id not in in_batch]
                        log.exception("engine step failed; failing its %d requests", len(failed))
                        batch.remove(in_batch)
                        for slot in failed:
                            self._fail(slot, exc)
                    self.stats.active = len(batch.slots)
        except BaseException as exc:  # a broken model must not leave clients waiting forever
            self._failure = exc
            for slot in [*batch.slots, *self._drain_pending()]:
                self._send(slot, exc)
            raise
        finally:
            for slot in [*batch.slots, *self._drain_pending()]:
                self._finish(slot, "", "abort")
            self.stats.active = 0

    def _next_work(self, batch: _Batch) -> tuple[list[_Slot] | None, set[str]]:
        """Wait for work; return (requests to admit, aborted ids), or (None, _) to stop."""
        with self._cond:
            while not (self._stopping or self._pending or self._aborts or batch.slots):
                self._cond.wait()
            if self._stopping:
                return None, set()
            if not batch.slots and self._pending:
                # Idle engine: give requests sent together a moment to arrive, then prefill them
                # in one forward pass.
                deadline = time.monotonic() + self.batch_wait_ms / 1000
                while len(self._pending) < self.max_batch and not self._stopping:
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        break
                    self._cond.wait(remaining)
            aborts, self._aborts = self._aborts, set()
            for slot in [s for s in self._pending if s.request.request_id in aborts]:
                self._pending.remove(slot)
                self._finish(slot, "", "abort")
            room = self.max_batch - len(batch.slots) + len(aborts & batch.ids())
            if batch.slots and not batch.accepts_new_rows:
                room = 0
            admitted = [self._pending.popleft() for _ in range(min(room, len(self._pending)))]
            self.stats.pending = len(self._pending)
            return admitted, aborts

    def _drain_pending(self) -> list[_Slot]:
        with self._cond:
            drained = list(self._pending)
            self._pending.clear()
            self.stats.pending = 0
            return drained

    def _forward(
        self,
        input_ids: torch.Tensor,
        attention_mask: torch.Tensor,
        position_ids: torch.Tensor,
        cache: DynamicCache,
        adapters: list[str],
    ) -> torch.Tensor:
        """Logits of the last position of every row (float32)."""
        kwargs: dict[str, Any] = {}
        with self._model_lock:
            if self._adapters:
                kwargs["adapter_names"] = adapters
            out = self._model(
                input_ids=input_ids.to(self.device),
                attention_mask=attention_mask.to(self.device),
                position_ids=position_ids.to(self.device),
                past_key_values=cache,
                use_cache=True,
                logits_to_keep=1,
                **kwargs,
            )
        return out.logits[:, -1, :].float()

    def _prefill(self, batch: _Batch, slots: list[_Slot]) -> None:
        width = max(len(s.prompt_ids) for s in slots)
        ids = torch.full((len(slots), width), self._pad_id, dtype=torch.long)
        mask = torch.zeros((len(slots), width), dtype=torch.long)
        for row, slot in enumerate(slots):  # left padding: every row ends at the last column
            n = len(slot.prompt_ids)
            ids[row, width - n :] = torch.tensor(slot.prompt_ids, dtype=torch.long)
            mask[row, width - n :] = 1
        # Positions count real tokens only, so a padded row sees the same positions as alone.
        positions = (mask.cumsum(-1) - 1).clamp(min=0)
        cache = DynamicCache(config=self._config)
        logits = self._forward(ids, mask, positions, cache, [s.adapter for s in slots])
        self.stats.prefills += 1
        for slot in slots:
            slot.cached = len(slot.prompt_ids)
        batch.merge(slots, cache, mask)
        self.stats.max_batch_seen = max(self.stats.max_batch_seen, len(batch.slots))
        self._accept(batch, slots, logits)

    def _decode_step(self, batch: _Batch) -> None:
        slots = batch.slots
        ids = torch.tensor([[s.next_token] for s in slots], dtype=torch.long)
        positions = torch.tensor([[s.cached] for s in slots], dtype=torch.long)
        batch.mask = torch.cat([batch.mask, torch.ones((len(slots), 1), dtype=torch.long)], dim=1)
        assert batch.cache is not None
        logits = self._forward(ids, batch.mask, positions, batch.cache, [s.adapter for s in slots])
        self.stats.decode_steps += 1
        self.stats.max_batch_seen = max(self.stats.max_batch_seen, len(slots))
        for slot in slots:
            slot.cached += 1
        self._accept(batch, list(slots), logits)

    def _accept(self, batch: _Batch, slots: list[_Slot], logits: torch.Tensor) -> None:
        """Sample the next token of each row, stream its text, and retire finished rows."""
        done: set[str] = set()
        for row, slot in enumerate(slots):
            try:
                token = _sample(logits[row], slot)
                slot.generated.append(token)
                slot.next_token = token
                finished = self._advance(slot, token)
            except Exception as exc:  # this request's failure is its own: the others go on
                log.exception("request %s failed", slot.request.request_id)
                self._fail(slot, exc)
                finished = True
            if finished:
                done.add(slot.request.request_id)
        batch.remove(done)

    def _advance(self, slot: _Slot, token: int) -> bool:
        """Stream new text for ``slot``; True when the request finished."""
        params = slot.request.sampling
        if token in self._eos_ids:
            self._finish(slot, self._decode(slot.generated[:-1])[len(slot.sent) :], "stop")
            return True
        text = self._decode(slot.generated)
        cut = _first_stop(text, params.stop)
        if cut is not None:
            self._finish(slot, text[len(slot.sent) : cut], "stop")
            return True
        total = len(slot.prompt_ids) + len(slot.generated)
        if len(slot.generated) >= params.max_tokens or (
            self.max_context and total >= self.max_context
        ):
            self._finish(slot, text[len(slot.sent) :], "length")
            return True
        safe = len(text) - _held_back(text, params.stop)
        if safe > len(slot.sent):
            new, slot.sent = text[len(slot.sent) : safe], text[:safe]
            self._send(slot, Delta(new, len(slot.prompt_ids), len(slot.generated)))
        return False

    def _decode(self, ids: list[int]) -> str:
        # Decoding the whole completion (not token by token) keeps word pieces and multi-byte
        # characters intact; the caller streams only the new suffix.
        return self.tokenizer.decode(
            ids, skip_special_tokens=True, clean_up_tokenization_spaces=False
        )

    def _finish(self, slot: _Slot, text: str, reason: FinishReason) -> None:
        with self._cond:
            self._live.discard(slot.request.request_id)
            self._aborts.discard(slot.request.request_id)
        self.stats.finished[reason] += 1
        self._send(slot, Delta(text, len(slot.prompt_ids), len(slot.generated), reason))

    def _fail(self, slot: _Slot, exc: Exception) -> None:
        with self._cond:
            self._live.discard(slot.request.request_id)
            self._aborts.discard(slot.request.request_id)
        self._send(slot, exc)

    @staticmethod
    def _send(slot: _Slot, item: Delta | BaseException) -> None:
        # The consumer's loop may already be gone (asyncio.run returned); nobody is listening then.
        with contextlib.suppress(RuntimeError):
            slot.loop.call_soon_threadsafe(slot.queue.put_nowait, item)


class _Batch:
    """The running batch: its rows, their shared KV cache and the attention mask over it."""

    def __init__(self) -> None:
        self.slots: list[_Slot] = []
        self.cache: DynamicCache | None = None
        self.mask = torch.zeros((0, 0), dtype=torch.long)

    def ids(self) -> set[str]:
        return {s.request.request_id for s in self.slots}

    def merge(self, slots: list[_Slot], cache: DynamicCache, mask: torch.Tensor) -> None:
        """Append freshly prefilled rows, left-padding whichever side is shorter."""
        if self.cache is None or not self.slots:
            self.slots, self.cache, self.mask = list(slots), cache, mask
            return
        old_layers, new_layers = _plain_layers(self.cache), _plain_layers(cache)
        if old_layers is None or new_layers is None:  # _next_work does not let this happen
            raise RuntimeError("cannot merge sliding-window or hybrid caches")
        width = max(self.mask.shape[1], mask.shape[1])
        layers = []
        for old, new in zip(old_layers, new_layers, strict=True):
            (old_k, old_v), (new_k, new_v) = _kv(old), _kv(new)
            keys = torch.cat([_pad_left(old_k, width), _pad_left(new_k, width)], dim=0)
            values = torch.cat([_pad_left(old_v, width), _pad_left(new_v, width)], dim=0)
            layers.append((keys, values))
        self.cache = DynamicCache(layers)
        self.mask = torch.cat([_pad_left(self.mask, width), _pad_left(mask, width)], dim=0)
        self.slots.extend(slots)

    def remove(self, request_ids: set[str]) -> list[_Slot]:
        """Drop rows (finished or aborted); returns the dropped slots."""
        gone = [s for s in self.slots if s.request.request_id in request_ids]
        if not gone:
            return []
        keep = [i for i, s in enumerate(self.slots) if s.request.request_id not in request_ids]
        self.slots = [self.slots[i] for i in keep]
        if not keep:
            self.cache, self.mask = None, torch.zeros((0, 0), dtype=torch.long)
            return gone
        index = torch.tensor(keep, dtype=torch.long)
        assert self.cache is not None
        self.cache.batch_select_indices(index.to(self.mask.device))
        self.mask = self.mask[index]
        # Columns that are padding for every remaining row only cost attention time.
        real = self.mask.any(dim=0).nonzero()
        start = int(real[0]) if len(real) else 0
        layers = _plain_layers(self.cache)
        if start and layers is not None:
            self.mask = self.mask[:, start:]
            for layer in layers:
                keys, values = _kv(layer)
                layer.keys, layer.values = keys[..., start:, :], values[..., start:, :]
        return gone

    @property
    def accepts_new_rows(self) -> bool:
        """Whether waiting requests can join now: only plain full-attention caches can be merged
        (sliding-window and hybrid models admit new requests when the batch drains)."""
        return self.cache is None or _plain_layers(self.cache) is not None


def _plain_layers(cache: DynamicCache) -> list[DynamicLayer] | None:
    """The cache's layers if all are plain ``DynamicLayer`` with tensors, else None."""
    layers = [layer for layer in cache.layers if type(layer) is DynamicLayer]
    if len(layers) != len(cache.layers) or any(layer.keys is None for layer in layers):
        return None
    return layers


def _kv(layer: DynamicLayer) -> tuple[torch.Tensor, torch.Tensor]:
    assert layer.keys is not None and layer.values is not None  # _plain_layers checked this
    return layer.keys, layer.values


def _pad_left(t: torch.Tensor, width: int) -> torch.Tensor:
    """Left-pad a mask [B, T] or a key/value tensor [B, H, T, D] with zeros to ``width``."""
    dim = 1 if t.dim() == 2 else -2
    missing = width - t.shape[dim]
    if missing <= 0:
        return t
    shape = list(t.shape)
    shape[dim] = missing
    return torch.cat([t.new_zeros(shape), t], dim=dim)


def _sample(logits: torch.Tensor, slot: _Slot) -> int:
    params = slot.request.sampling
    if is_greedy(params):
        return int(torch.argmax(logits))
    probs = torch.softmax(logits / params.temperature, dim=-1)
    if params.top_p < 1.0:
        sorted_probs, order = torch.sort(probs, descending=True)
        # Keep the smallest prefix whose mass reaches top_p (always at least the top token).
        outside = sorted_probs.cumsum(-1) - sorted_probs >= params.top_p
        sorted_probs[outside] = 0.0
        probs = torch.zeros_like(probs).scatter_(0, order, sorted_probs)
    return int(torch.multinomial(probs, 1, generator=slot.generator))


def _first_stop(text: str, stops: tuple[str, ...]) -> int | None:
    hits = [i for s in stops if s and (i := text.find(s)) != -1]
    return min(hits) if hits else None


def _held_back(text: str, stops: tuple[str, ...]) -> int:
    """How many trailing characters must wait: a partial character or a stop string's prefix."""
    hold = len(text) - len(text.rstrip(REPLACEMENT_CHAR))
    for stop in stops:
        for k in range(min(len(stop) - 1, len(text)), 0, -1):
            if text.endswith(stop[:k]):
                hold = max(hold, k)
                break
    return hold


def _eos_token_ids(model: Any, tokenizer: Any) -> set[int]:
    ids: set[int] = set()
    generation_config = getattr(model, "generation_config", None)
    configured = getattr(generation_config, "eos_token_id", None)
    if isinstance(configured, int):
        ids.add(configured)
    elif isinstance(configured, list | tuple):
        ids.update(int(i) for i in configured)
    if tokenizer.eos_token_id is not None:
        ids.add(int(tokenizer.eos_token_id))
    return ids


def _pad_token_id(tokenizer: Any, eos_ids: set[int]) -> int:
    # The pad id only fills masked positions, so any valid id works.
    if tokenizer.pad_token_id is not None:
        return int(tokenizer.pad_token_id)
    return min(eos_ids) if eos_ids else 0
