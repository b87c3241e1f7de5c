"""Recipe ``normalizer-dpo``: a LoRA trained with DPO, saved as an adapter, resumable, stoppable."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import torch
from preference_data import POSTS, prefs_dataset
from recipe_data import recipe_inputs

from likeness.trainer.encoding import IGNORE
from likeness.trainer.recipes.normalizer_dpo import NormalizerDPOConfig, preview
from likeness.trainer.recipes.registry import get_recipe, parse_config


def _config(**overrides: Any) -> NormalizerDPOConfig:
    values: dict[str, Any] = {
        "max_steps": 4,
        "batch_size": 2,
        "save_steps": 2,
        "logging_steps": 1,
        "learning_rate": 1e-3,
        "max_length": 2048,  # the tiny tokenizer spends ~1,200 tokens on the v2 prompt
        "lora_r": 4,
        "lora_alpha": 8,
        "start_from": "base",  # no models table here (see test_policy for the SFT start)
    }
    return NormalizerDPOConfig(**{**values, **overrides})


def test_registered_with_a_configurable_beta() -> None:
    assert get_recipe("normalizer-dpo").config_type is NormalizerDPOConfig
    assert parse_config("normalizer-dpo", {"beta": 0.3}).beta == 0.3  # type: ignore[attr-defined]
    with pytest.raises(ValueError):
        parse_config("normalizer-dpo", {"beta": 0})


def test_preview_masks_the_prompt_and_keeps_the_chosen_answer(
    tmp_path: Path, tiny_tokenizer: Any
) -> None:
    examples = preview(tiny_tokenizer, [prefs_dataset(tmp_path / "ds")], _config(), 3)
    assert [e.target_text.split("<|im_end|>")[0] for e in examples] == [p[1] for p in POSTS[:3]]
    for example in examples:
        prompt_len = len(tiny_tokenizer(example.prompt_text, add_special_tokens=False)["input_ids"])
        assert prompt_len > 0
        assert example.labels[:prompt_len] == [IGNORE] * prompt_len
        assert all(label != IGNORE for label in example.labels[prompt_len:])


def test_trains_a_lora_that_reloads_on_its_base(tmp_path: Path, tiny_model_dir: Path) -> None:
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    inputs = recipe_inputs(tmp_path, tiny_model_dir, _config())
    result = get_recipe("normalizer-dpo").train(inputs, [prefs_dataset(tmp_path / "ds")])

    assert result.model_kind == "normalizer"
    assert result.base_model == str(tiny_model_dir)
    assert result.outcome.global_step == 4 and result.outcome.real_tokens > 0
    assert 0.0 <= result.metrics["heldout_reward_accuracy"] <= 1.0
    assert "heldout_reward_margin" in result.metrics and "heldout_loss" in result.metrics
    assert (inputs.artifact_dir / "adapter_config.json").exists()
    assert (inputs.artifact_dir / "tokenizer.json").exists()

    base = AutoModelForCausalLM.from_pretrained(tiny_model_dir)
    ids = torch.tensor([[1, 2, 3, 4]])
    before = base(ids).logits
    tuned = PeftModel.from_pretrained(base, inputs.artifact_dir)
    assert not torch.allclose(tuned(ids).logits, before)  # the adapter learned something


def test_stop_saves_a_checkpoint_and_a_second_call_resumes(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    datasets = [prefs_dataset(tmp_path / "ds")]
    stops = iter([True])
    stopped = get_recipe("normalizer-dpo").train(
        recipe_inputs(tmp_path, tiny_model_dir, _config(), should_stop=lambda: next(stops, True)),
        datasets,
    )
    assert stopped.outcome.stopped and stopped.outcome.global_step == 1
    assert (tmp_path / "run" / "checkpoints" / "checkpoint-1").is_dir()
    assert not (tmp_path / "run" / "final").exists()

    resumed = get_recipe("normalizer-dpo").train(
        recipe_inputs(tmp_path, tiny_model_dir, _config()), datasets
    )
    assert resumed.outcome.resumed_from is not None
    assert resumed.outcome.resumed_from.name == "checkpoint-1"
    assert resumed.outcome.global_step == 4
    assert (tmp_path / "run" / "final" / "adapter_config.json").exists()
