"""persona-sft on a tiny model: masking, artifact, stop/resume, and a real kill-and-resume."""

from __future__ import annotations

import math
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import torch
from recipe_data import CARD, POSTS, chat_row, persona_dataset, recipe_inputs
from safetensors.torch import load_file

from likeness.core.chat import persona_messages, render_chat
from likeness.core.copying import COPY_INDEX_FILE, CopyIndex, words
from likeness.trainer.encoding import IGNORE, encode_chat
from likeness.trainer.recipes.persona_sft import RECIPE, PersonaSftConfig

DRIVER = Path(__file__).with_name("_resume_driver.py")


def test_prompt_is_the_serving_prompt_and_only_the_answer_is_trained(tiny_tokenizer) -> None:
    row = chat_row(POSTS[0], "fog")
    encoded = encode_chat(tiny_tokenizer, row["messages"], max_length=512)
    serving = render_chat(
        tiny_tokenizer,
        persona_messages(CARD, [{"role": "user", "content": "Write a post about fog"}]),
    )
    assert encoded.prompt_text == serving
    trained = [
        t for t, label in zip(encoded.input_ids, encoded.labels, strict=True) if label != IGNORE
    ]
    masked = [
        t for t, label in zip(encoded.input_ids, encoded.labels, strict=True) if label == IGNORE
    ]
    assert tiny_tokenizer.decode(trained) == POSTS[0] + "<|im_end|>\n"
    assert tiny_tokenizer.decode(masked) == serving
    assert encoded.labels[: len(masked)] == [IGNORE] * len(masked)


def test_persona_sft_trains_saves_and_measures_heldout_loss(tiny_model_dir, tmp_path) -> None:
    dataset = persona_dataset(tmp_path / "ds")
    config = PersonaSftConfig(max_steps=6, save_steps=3, batch_size=4, logging_steps=1)
    reports = []
    inputs = recipe_inputs(tmp_path, tiny_model_dir, config, report=reports.append)
    result = RECIPE.train(inputs, [dataset])
    assert result.model_kind == "persona-lora"
    assert result.outcome.global_step == 6 and not result.outcome.stopped
    assert (inputs.artifact_dir / "adapter_config.json").is_file()
    assert (inputs.artifact_dir / "tokenizer_config.json").is_file()
    # The copy index of the training posts lies with the adapter; held-out posts are not in it.
    index = CopyIndex.load(inputs.artifact_dir / COPY_INDEX_FILE)
    assert index.copies(f"Well. {POSTS[0].upper()} Again.")  # a training post
    assert len(words(POSTS[7])) >= index.n and not index.copies(POSTS[7])  # a held-out one
    assert math.isfinite(result.metrics["heldout_loss"]) and result.metrics["heldout_loss"] > 0
    assert result.outcome.real_tokens > 0 and result.outcome.tokens_per_s > 0
    steps = [r.step for r in reports if r.total]
    assert steps and steps[-1] == 6 and all(r.total == 6 for r in reports if r.total)
    # Real tokens only: padding never counts.
    per_example = [
        len(encode_chat(result.tokenizer, r["messages"], 192).input_ids) for r in dataset.rows()
    ]
    assert result.outcome.real_tokens == pytest.approx(
        sum(per_example) * 6 * 4 / len(per_example), rel=0.5
    )


def test_stop_request_saves_a_checkpoint_and_the_next_run_resumes(tiny_model_dir, tmp_path) -> None:
    dataset = persona_dataset(tmp_path / "ds")
    config = PersonaSftConfig(max_steps=8, save_steps=100, batch_size=4, logging_steps=1)
    calls = {"n": 0}

    def stop_after_three() -> bool:
        calls["n"] += 1
        return calls["n"] >= 3

    run_dir = tmp_path / "run"
    first = RECIPE.train(
        recipe_inputs(tmp_path, tiny_model_dir, config, should_stop=stop_after_three), [dataset]
    )
    assert first.outcome.stopped and first.outcome.global_step == 3
    assert (run_dir / "checkpoints" / "checkpoint-3").is_dir()
    assert not (run_dir / "final" / "adapter_config.json").exists()
    second = RECIPE.train(recipe_inputs(tmp_path, tiny_model_dir, config), [dataset])
    assert (
        second.outcome.resumed_from is not None
        and second.outcome.resumed_from.name == "checkpoint-3"
    )
    assert second.outcome.global_step == 8 and not second.outcome.stopped


def _run_driver(model_dir: Path, run_dir: Path, data_dir: Path, slow: bool) -> subprocess.Popen:
    return subprocess.Popen(
        [
            sys.executable,
            str(DRIVER),
            str(model_dir),
            str(run_dir),
            str(data_dir),
            "1" if slow else "0",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        env={**os.environ, "TOKENIZERS_PARALLELISM": "false"},
    )


@pytest.mark.slow
def test_kill_and_resume_ends_where_an_uninterrupted_run_ends(tiny_model_dir, tmp_path) -> None:
    # Reference: the same run, never interrupted.
    ref = _run_driver(tiny_model_dir, tmp_path / "ref", tmp_path / "ref-data", slow=False)
    out, _ = ref.communicate(timeout=240)
    assert ref.returncode == 0, out
    # The victim: SIGKILLed once its second checkpoint is on disk (no chance to clean up).
    run_dir = tmp_path / "victim"
    victim = _run_driver(tiny_model_dir, run_dir, tmp_path / "victim-data", slow=True)
    deadline = time.monotonic() + 240
    while not (run_dir / "checkpoints" / "checkpoint-4" / "trainer_state.json").exists():
        assert victim.poll() is None, victim.communicate()[0]
        assert time.monotonic() < deadline
        time.sleep(0.05)
    victim.send_signal(signal.SIGKILL)
    victim.wait(timeout=30)
    assert not (run_dir / "final").exists()
    optimizer_at_kill = torch.load(
        run_dir / "checkpoints" / "checkpoint-4" / "optimizer.pt", weights_only=True
    )
    assert {s["step"].item() for s in optimizer_at_kill["state"].values()} == {4.0}
    resumed = _run_driver(tiny_model_dir, run_dir, tmp_path / "victim-data", slow=False)
    out, _ = resumed.communicate(timeout=240)
    assert resumed.returncode == 0, out
    assert "done step=8" in out
    final_optimizer = torch.load(
        sorted(
            (run_dir / "checkpoints").glob("checkpoint-*"), key=lambda p: int(p.name.split("-")[1])
        )[-1]
        / "optimizer.pt",
        weights_only=True,
    )
    assert {s["step"].item() for s in final_optimizer["state"].values()} == {8.0}
    got = load_file(run_dir / "final" / "adapter_model.safetensors")
    want = load_file(tmp_path / "ref" / "final" / "adapter_model.safetensors")
    assert got.keys() == want.keys()
    for name in want:
        torch.testing.assert_close(got[name], want[name], rtol=1e-4, atol=1e-5)
