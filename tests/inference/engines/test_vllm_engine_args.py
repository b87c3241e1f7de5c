"""The vLLM engine arguments the settings produce (no engine is started): tensor parallelism and
the GPU memory share reach vLLM's ``AsyncEngineArgs``."""

from __future__ import annotations

from pathlib import Path

import pytest

from likeness.core.settings import Settings
from likeness.inference.engines.loading import load_engine
from likeness.inference.engines.vllm_engine import VllmEngine


def _vllm(settings: Settings) -> VllmEngine:
    engine = load_engine(settings, enable_lora=False)
    assert isinstance(engine, VllmEngine)
    return engine


def test_tensor_parallel_size_and_gpu_memory_share_reach_the_engine_args(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    settings = Settings(
        data_dir=tmp_path,
        engine="vllm",
        model=str(tiny_model_dir),
        vllm_tensor_parallel_size=4,
        vllm_gpu_memory_utilization=0.45,
    )
    args = _vllm(settings)._engine_args
    assert args.tensor_parallel_size == 4
    assert args.gpu_memory_utilization == 0.45


def test_defaults_leave_one_gpu_and_vllms_own_memory_share(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    from vllm import AsyncEngineArgs

    settings = Settings(data_dir=tmp_path, engine="vllm", model=str(tiny_model_dir))
    args = _vllm(settings)._engine_args
    assert args.tensor_parallel_size == 1
    default = AsyncEngineArgs(model=str(tiny_model_dir)).gpu_memory_utilization
    assert args.gpu_memory_utilization == default


def test_the_settings_come_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIKENESS_VLLM_TENSOR_PARALLEL_SIZE", "8")
    monkeypatch.setenv("LIKENESS_VLLM_GPU_MEMORY_UTILIZATION", "0.5")
    settings = Settings()
    assert settings.vllm_tensor_parallel_size == 8
    assert settings.vllm_gpu_memory_utilization == 0.5
    monkeypatch.setenv("LIKENESS_VLLM_TENSOR_PARALLEL_SIZE", "0")
    with pytest.raises(ValueError, match="vllm_tensor_parallel_size"):
        Settings()
