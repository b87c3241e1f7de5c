"""Recipe ``scratch``: own tokenizer, small GPT-2, servable artifact, resumable, stoppable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import torch
from pydantic import ValidationError
from recipe_data import recipe_inputs, write_dataset

from likeness.core.chat import render_chat
from likeness.trainer.artifacts import tokenizer_sha256
from likeness.trainer.datasets.spec import BuiltDataset
from likeness.trainer.encoding import IGNORE
from likeness.trainer.recipes.registry import get_recipe
from likeness.trainer.recipes.scratch import (
    BOS,
    EOS,
    TOKENIZER_DIR,
    PadCollator,
    ScratchConfig,
    preview,
    train_tokenizer,
)

POSTS = [
    "I walked along the river this morning and thought about old friends.",
    "Short sentences. Dry humour. No emoji.",
    "Hello! How are you today? I am fine, thank you very much.",
    "The quick brown fox jumps over the lazy dog!!!",
    "Les élèves étudient à l'école; naïve café déjà vu.",
    "Coffee first. Opinions later.",
]


def completion_dataset(root: Path) -> BuiltDataset:
    train, heldout = POSTS[:4] * 3, POSTS[4:]
    rows = [[{"text": t, "meta": {"post_id": 1}} for t in part] for part in (train, heldout)]
    return write_dataset(root, *rows, kind="persona-completion", persona="alice")


def _config(**overrides: Any) -> ScratchConfig:
    values: dict[str, Any] = {
        "max_steps": 4,
        "batch_size": 4,
        "save_steps": 2,
        "logging_steps": 1,
        "vocab_size": 320,
        "n_layer": 1,
        "n_embd": 32,
        "n_head": 2,
        "n_positions": 64,
        "max_length": 48,
    }
    return ScratchConfig(**{**values, **overrides})


def test_registered_without_a_base_model_and_validates_heads() -> None:
    recipe = get_recipe("scratch")
    assert recipe.config_type is ScratchConfig and recipe.needs_base_model is False
    with pytest.raises(ValidationError, match="multiple of n_head"):
        ScratchConfig(n_embd=30, n_head=4)


def test_tokenizer_is_byte_level_with_plain_special_tokens() -> None:
    tokenizer = train_tokenizer(POSTS, 320)
    assert (tokenizer.bos_token, tokenizer.eos_token, tokenizer.pad_token) == (BOS, EOS, "<|pad|>")
    assert "<|im_start|>" not in tokenizer.get_vocab()
    unseen = "Ω unseen ☕ text"  # bytes never seen in training still round-trip
    ids = tokenizer(unseen, add_special_tokens=False)["input_ids"]
    assert tokenizer.decode(ids) == unseen


def test_preview_starts_at_bos_and_learns_every_token_after_it(tmp_path: Path) -> None:
    examples = preview(None, [completion_dataset(tmp_path / "ds")], _config(), 2)
    assert [e.target_text for e in examples] == POSTS[:2]
    tokenizer = train_tokenizer(POSTS[:4] * 3, 320)
    first = examples[0]
    assert first.input_ids[0] == tokenizer.bos_token_id and first.labels[0] == IGNORE
    assert first.labels[1:] == first.input_ids[1:]
    assert first.input_ids[-1] == tokenizer.eos_token_id


def test_collator_pads_dynamically_and_masks_pads() -> None:
    collate = PadCollator(pad_token_id=0)
    batch = collate(
        [
            {"input_ids": [5, 6, 7], "labels": [IGNORE, 6, 7], "attention_mask": [1, 1, 1]},
            {"input_ids": [5, 8], "labels": [IGNORE, 8], "attention_mask": [1, 1]},
        ]
    )
    assert batch["input_ids"].tolist() == [[5, 6, 7], [5, 8, 0]]
    assert batch["attention_mask"].tolist() == [[1, 1, 1], [1, 1, 0]]
    assert batch["labels"].tolist() == [[IGNORE, 6, 7], [IGNORE, 8, IGNORE]]


def test_trains_and_saves_a_servable_model(tmp_path: Path) -> None:
    from transformers import AutoModelForCausalLM, AutoTokenizer

    inputs = recipe_inputs(tmp_path, "", _config(learning_rate=5e-3))
    result = get_recipe("scratch").train(inputs, [completion_dataset(tmp_path / "ds")])

    assert result.model_kind == "scratch" and result.base_model == ""
    assert result.outcome.global_step == 4 and result.outcome.real_tokens > 0
    assert result.metrics["heldout_loss"] > 0
    assert result.metrics["heldout_perplexity"] == pytest.approx(
        torch.tensor(result.metrics["heldout_loss"]).exp().item(), rel=1e-4
    )

    tokenizer = AutoTokenizer.from_pretrained(inputs.artifact_dir)
    model: Any = AutoModelForCausalLM.from_pretrained(inputs.artifact_dir)
    assert model.config.model_type == "gpt2" and model.config.n_layer == 1
    assert tokenizer_sha256(tokenizer) == tokenizer_sha256(result.tokenizer)
    prompt = render_chat(
        tokenizer, [{"role": "system", "content": "card"}, {"role": "user", "content": "hi"}]
    )
    assert prompt == BOS
    ids = torch.tensor([tokenizer(prompt, add_special_tokens=False)["input_ids"]])
    out = model.generate(ids, max_new_tokens=5, do_sample=False)
    assert out.shape[1] > 1


def test_stop_saves_a_checkpoint_and_a_second_call_resumes_with_the_same_tokenizer(
    tmp_path: Path,
) -> None:
    datasets = [completion_dataset(tmp_path / "ds")]
    stops = iter([False, True])
    stopped = get_recipe("scratch").train(
        recipe_inputs(tmp_path, "", _config(), should_stop=lambda: next(stops, True)), datasets
    )
    assert stopped.outcome.stopped and stopped.outcome.global_step == 2
    assert (tmp_path / "run" / "checkpoints" / "checkpoint-2").is_dir()
    assert (tmp_path / "run" / TOKENIZER_DIR / "tokenizer.json").exists()
    assert not (tmp_path / "run" / "final").exists()

    resumed = get_recipe("scratch").train(recipe_inputs(tmp_path, "", _config()), datasets)
    assert resumed.outcome.resumed_from is not None
    assert resumed.outcome.resumed_from.name == "checkpoint-2"
    assert resumed.outcome.global_step == 4
    assert tokenizer_sha256(resumed.tokenizer) == tokenizer_sha256(stopped.tokenizer)
    assert (tmp_path / "run" / "final" / "model.safetensors").exists()
