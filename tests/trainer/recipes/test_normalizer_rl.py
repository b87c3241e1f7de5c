"""Recipe ``normalizer-rl``: GRPO/RLOO against a reward model found in the models table."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import Any

import pytest
from persona_corpus import make_persona
from preference_data import pref_row, write_prefs
from pydantic import ValidationError
from recipe_data import recipe_inputs
from registered_models import add_model
from sqlalchemy import Engine, create_engine

from likeness.core.chat import render_chat
from likeness.core.db import create_db_engine
from likeness.core.jobs import ProgressReport
from likeness.core.prompts import normalizer_messages
from likeness.trainer.datasets.spec import BuiltDataset
from likeness.trainer.encoding import IGNORE
from likeness.trainer.recipes.normalizer_rl import (
    REWARD_PIN,
    NormalizerRLConfig,
    RewardModelMissing,
    preview,
    prompt_texts,
    resolve_reward_model,
)
from likeness.trainer.recipes.registry import get_recipe

POSTS = [
    ("RT @bob: I walked along the river this morning", "I walked along the river this morning"),
    ("Hello! How are you today? https://t.co/x", "Hello! How are you today?"),
    ("@amy The quick brown fox #fox", "The quick brown fox"),
    ("old friends http://x.co", "old friends"),
]


def prefs_dataset(root: Path) -> BuiltDataset:
    # Two pairs share the first post (one proposal beat two others); a stale system prompt
    # in a row must not leak into RL, which rebuilds prompts with normalizer_messages.
    stale = pref_row(POSTS[0][0], "I walked", system="old prompt")
    train = [pref_row(*POSTS[0]), stale, pref_row(*POSTS[1])]
    heldout = [pref_row(*POSTS[2]), pref_row(*POSTS[3])]
    return write_prefs(root, train, heldout)


def _register(engine: Engine, persona: str, kinds_paths: list[tuple[str, str]]) -> None:
    """The persona, and its models in the order listed (the last one is the newest)."""
    make_persona(engine, persona)
    for age, (kind, path) in enumerate(reversed(kinds_paths)):
        add_model(engine, persona, path, kind=kind, hours_ago=age)


def _config(**overrides: Any) -> NormalizerRLConfig:
    values: dict[str, Any] = {
        "max_steps": 2,
        "batch_size": 2,
        "num_generations": 2,
        "max_completion_length": 6,
        "save_steps": 1,
        "logging_steps": 1,
        "heldout_prompts": 2,
        "lora_r": 4,
        "lora_alpha": 8,
        "max_length": 2048,  # the tiny tokenizer spends ~1,200 tokens on the v2 prompt
        "start_from": "base",  # most tests here have no models table (see test_policy)
    }
    return NormalizerRLConfig(**{**values, **overrides})


def test_config_keeps_generation_groups_whole() -> None:
    assert get_recipe("normalizer-rl").config_type is NormalizerRLConfig
    assert NormalizerRLConfig().algorithm == "grpo"
    with pytest.raises(ValidationError, match="multiple of num_generations"):
        NormalizerRLConfig(batch_size=6, num_generations=4)
    with pytest.raises(ValidationError):
        NormalizerRLConfig(algorithm="ppo")  # type: ignore[arg-type]


def test_prompts_are_unique_posts_rebuilt_with_the_normaliser_prompt(
    tmp_path: Path, tiny_tokenizer: Any
) -> None:
    datasets = [prefs_dataset(tmp_path / "ds")]
    assert prompt_texts(datasets, "train") == [POSTS[0][0], POSTS[1][0]]
    assert prompt_texts(datasets, "heldout") == [POSTS[2][0], POSTS[3][0]]
    examples = preview(tiny_tokenizer, datasets, _config(), 5)
    assert len(examples) == 2
    first = examples[0]
    assert "old prompt" not in first.prompt_text
    assert first.prompt_text == render_chat(tiny_tokenizer, normalizer_messages(POSTS[0][0]))
    prompt_len = len(tiny_tokenizer(first.prompt_text, add_special_tokens=False)["input_ids"])
    assert first.labels[:prompt_len] == [IGNORE] * prompt_len
    assert first.target_text.startswith(POSTS[0][1])


def test_resolves_the_newest_reward_model_and_pins_it(tmp_path: Path, engine: Engine) -> None:
    _register(
        engine,
        "alice",
        [("reward", "/old/reward"), ("normalizer", "/not/a/reward"), ("reward", "/new/reward")],
    )
    run_dir = tmp_path / "run"
    assert resolve_reward_model(engine, "alice", _config(), run_dir) == "/new/reward"
    assert (run_dir / REWARD_PIN).read_text() == "/new/reward"
    # An explicit path wins over the table.
    explicit = _config(reward_model_path="/given")
    assert resolve_reward_model(engine, "alice", explicit, run_dir) == "/given"
    # A resumed run keeps its pinned reward model even when a newer one appears.
    _register(engine, "alice-2", [("reward", "/other")])
    assert resolve_reward_model(engine, "alice", _config(), run_dir) == "/new/reward"


def test_without_a_reward_model_the_error_says_what_to_do(tmp_path: Path, engine: Engine) -> None:
    _register(engine, "bob", [("normalizer", "/a/normaliser")])
    with pytest.raises(RewardModelMissing) as raised:
        resolve_reward_model(engine, "bob", _config(), tmp_path / "run")
    assert "train a reward model first: likeness train reward --persona bob" in str(raised.value)


def test_grpo_trains_against_the_registered_reward_model(
    tmp_path: Path, sqlite_template: Path, tiny_model_dir: Path, reward_dir: Path
) -> None:
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    shutil.copy(sqlite_template, tmp_path / "db.sqlite")
    db = create_db_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    _register(db, "alice", [("reward", str(reward_dir))])
    reports: list[ProgressReport] = []
    config = _config(start_from="auto")  # no SFT adapter registered: the bare base
    inputs = recipe_inputs(tmp_path, tiny_model_dir, config, db=db, report=reports.append)
    result = get_recipe("normalizer-rl").train(inputs, [prefs_dataset(tmp_path / "ds")])
    db.dispose()

    assert result.model_kind == "normalizer" and result.base_model == str(tiny_model_dir)
    assert result.outcome.global_step == 2 and not result.outcome.stopped
    assert isinstance(result.metrics["mean_reward"], float)
    # Prompts + generated answers, as trl counts them; the progress reports show the rate.
    assert result.outcome.real_tokens > 0 and result.outcome.tokens_per_s > 0
    assert any(r.tokens_per_s > 0 for r in reports if r.step)
    assert {"heldout_reward", "heldout_start_reward"} <= set(result.metrics)
    assert (inputs.artifact_dir / "adapter_config.json").exists()
    base = AutoModelForCausalLM.from_pretrained(tiny_model_dir)
    assert isinstance(PeftModel.from_pretrained(base, inputs.artifact_dir), PeftModel)


def test_rloo_runs_too(tmp_path: Path, tiny_model_dir: Path, reward_dir: Path) -> None:
    config = _config(algorithm="rloo", reward_model_path=str(reward_dir), max_steps=1)
    config.heldout_prompts = 0
    inputs = recipe_inputs(tmp_path, tiny_model_dir, config, db=create_engine("sqlite://"))
    result = get_recipe("normalizer-rl").train(inputs, [prefs_dataset(tmp_path / "ds")])
    assert result.outcome.global_step == 1
    assert "mean_reward" in result.metrics and "heldout_reward" not in result.metrics
    assert (inputs.artifact_dir / "adapter_model.safetensors").exists()


def test_stop_saves_a_checkpoint_and_a_second_call_resumes(
    tmp_path: Path, tiny_model_dir: Path, reward_dir: Path
) -> None:
    datasets = [prefs_dataset(tmp_path / "ds")]
    config = _config(reward_model_path=str(reward_dir), max_steps=3, heldout_prompts=0)
    db = create_engine("sqlite://")
    stopped = get_recipe("normalizer-rl").train(
        recipe_inputs(tmp_path, tiny_model_dir, config, db=db, should_stop=lambda: True), datasets
    )
    assert stopped.outcome.stopped and stopped.outcome.global_step == 1
    assert (tmp_path / "run" / "checkpoints" / "checkpoint-1").is_dir()
    assert not (tmp_path / "run" / "final").exists()

    resumed = get_recipe("normalizer-rl").train(
        recipe_inputs(tmp_path, tiny_model_dir, config, db=db), datasets
    )
    assert resumed.outcome.resumed_from is not None
    assert resumed.outcome.resumed_from.name == "checkpoint-1"
    assert resumed.outcome.global_step == 3
    assert (tmp_path / "run" / "final" / "adapter_config.json").exists()
