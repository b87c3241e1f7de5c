"""Pick and load the configured engine: vLLM by default, transformers as the fallback."""

from __future__ import annotations

from likeness.core.default_model import resolve_model
from likeness.core.settings import Settings
from likeness.inference.engines.base import Engine


def load_engine(
    settings: Settings, model: str | None = None, *, enable_lora: bool = True
) -> Engine:
    """The engine named by ``LIKENESS_ENGINE`` for ``model`` (default: the configured model)."""
    name = model or resolve_model(settings)
    if settings.engine == "transformers":
        from likeness.inference.engines.transformers_engine import TransformersEngine

        return TransformersEngine.load(name)  # adapters cost it nothing when unused
    if settings.engine == "vllm":
        from likeness.inference.engines.vllm_engine import VllmEngine

        return VllmEngine.load(
            name,
            enable_lora=enable_lora,
            tensor_parallel_size=settings.vllm_tensor_parallel_size,
            gpu_memory_utilization=settings.vllm_gpu_memory_utilization,
        )
    raise ValueError(f"unknown engine {settings.engine!r}: use 'vllm' or 'transformers'")
