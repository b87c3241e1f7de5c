"""Recipe ``reward-model``: learns preference pairs, saves a standalone scorer, resumes, stops."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from preference_data import pref_row, write_prefs
from recipe_data import recipe_inputs

from likeness.core.prompts import normalizer_messages
from likeness.trainer.datasets.spec import BuiltDataset
from likeness.trainer.encoding import IGNORE
from likeness.trainer.recipes.registry import get_recipe, parse_config
from likeness.trainer.recipes.reward_model import (
    RewardModelConfig,
    load_reward_model,
    preview,
    score,
)

POSTS = [
    ("RT @bob: I walked along the river this morning", "I walked along the river this morning"),
    ("Hello! How are you today? https://t.co/x", "Hello! How are you today?"),
    ("@amy The quick brown fox #fox", "The quick brown fox"),
    ("I am fine, thank you very much!!! #blessed", "I am fine, thank you very much!!!"),
    (
        "RT @cat: Persona cards describe how someone writes",
        "Persona cards describe how someone writes",
    ),
    ("old friends http://x.co", "old friends"),
]


def _row(noisy: str, clean: str) -> dict[str, Any]:
    meta = {"post_id": 1, "created_at": "2024-01-01"}
    return pref_row(noisy, clean, rejected=noisy + " extra words", meta=meta)


def prefs_dataset(root: Path) -> BuiltDataset:
    train = [_row(n, c) for n, c in POSTS[:4]]
    heldout = [_row(n, c) for n, c in POSTS[4:]]
    return write_prefs(root, train, heldout)


def _config(**overrides: Any) -> RewardModelConfig:
    values: dict[str, Any] = {
        "max_steps": 4,
        "batch_size": 2,
        "save_steps": 2,
        "logging_steps": 1,
        "learning_rate": 3e-3,
        "max_length": 2048,  # the tiny tokenizer spends ~1,200 tokens on the v2 prompt
    }
    return RewardModelConfig(**{**values, **overrides})


def test_registered_with_its_config() -> None:
    recipe = get_recipe("reward-model")
    assert recipe.config_type is RewardModelConfig
    assert parse_config("reward-model", {"method": "full"}).method == "full"  # type: ignore[attr-defined]
    with pytest.raises(ValueError):
        parse_config("reward-model", {"nonsense": 1})


def test_preview_masks_the_prompt_and_keeps_the_chosen_answer(
    tmp_path: Path, tiny_tokenizer: Any
) -> None:
    examples = preview(tiny_tokenizer, [prefs_dataset(tmp_path / "ds")], _config(), 2)
    assert len(examples) == 2
    first = examples[0]
    prompt_len = len(tiny_tokenizer(first.prompt_text, add_special_tokens=False)["input_ids"])
    assert first.labels[:prompt_len] == [IGNORE] * prompt_len
    assert first.target_text.startswith(POSTS[0][1])
    kept = [t for t in first.labels if t != IGNORE]
    assert tiny_tokenizer.decode(kept).startswith(POSTS[0][1])


def test_trains_saves_a_standalone_scorer_and_reports_heldout_accuracy(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    inputs = recipe_inputs(tmp_path, tiny_model_dir, _config())
    result = get_recipe("reward-model").train(inputs, [prefs_dataset(tmp_path / "ds")])

    assert result.model_kind == "reward"
    assert result.base_model == ""
    assert result.outcome.global_step == 4 and not result.outcome.stopped
    assert result.outcome.real_tokens > 0
    assert 0.0 <= result.metrics["heldout_accuracy"] <= 1.0
    assert result.metrics["heldout_loss"] > 0
    assert (inputs.artifact_dir / "config.json").exists()
    assert not (inputs.artifact_dir / "adapter_config.json").exists()  # merged, not an adapter

    model, tokenizer = load_reward_model(inputs.artifact_dir)
    assert model.config.num_labels == 1
    prompt = normalizer_messages(POSTS[0][0])
    chosen, rejected = (
        score(model, tokenizer, prompt, POSTS[0][1]),
        score(model, tokenizer, prompt, POSTS[0][0] + " extra words"),
    )
    assert chosen != rejected
    # Trained at a high rate on these very pairs: it has learned to prefer the clean answer.
    assert chosen > rejected


def test_stop_saves_a_checkpoint_and_a_second_call_resumes(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    datasets = [prefs_dataset(tmp_path / "ds")]
    stops = iter([False, True])  # stop at the end of the second step
    stopped = get_recipe("reward-model").train(
        recipe_inputs(tmp_path, tiny_model_dir, _config(), should_stop=lambda: next(stops, True)),
        datasets,
    )
    assert stopped.outcome.stopped and stopped.outcome.global_step == 2
    assert (tmp_path / "run" / "checkpoints" / "checkpoint-2").is_dir()
    assert not (tmp_path / "run" / "final").exists()

    resumed = get_recipe("reward-model").train(
        recipe_inputs(tmp_path, tiny_model_dir, _config()), datasets
    )
    assert resumed.outcome.resumed_from is not None
    assert resumed.outcome.resumed_from.name == "checkpoint-2"
    assert resumed.outcome.global_step == 4 and not resumed.outcome.stopped
    assert (tmp_path / "run" / "final" / "config.json").exists()


def test_full_fine_tuning_saves_a_plain_model(tmp_path: Path, tiny_model_dir: Path) -> None:
    inputs = recipe_inputs(tmp_path, tiny_model_dir, _config(method="full", max_steps=1))
    get_recipe("reward-model").train(inputs, [prefs_dataset(tmp_path / "ds")])
    model, tokenizer = load_reward_model(inputs.artifact_dir)
    assert isinstance(score(model, tokenizer, normalizer_messages("hi"), "hi"), float)


def test_pairs_that_all_exceed_max_length_are_a_clear_error(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    inputs = recipe_inputs(tmp_path, tiny_model_dir, _config(max_length=8))
    with pytest.raises(ValueError, match="longer than max_length=8"):
        get_recipe("reward-model").train(inputs, [prefs_dataset(tmp_path / "ds")])
