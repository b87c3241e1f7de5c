"""The normaliser from labels in the database: SFT, then a reward model, then RL or DPO on top
of the SFT adapter, each through the runner, each registered; the two starts pinned per run."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from persona_corpus import make_persona
from sqlalchemy import Engine

from likeness.core.registry import list_models
from likeness.core.settings import Settings
from likeness.trainer.recipes.base import RunContext
from likeness.trainer.recipes.normalizer_rl import REWARD_PIN
from likeness.trainer.recipes.policy import START_PIN
from likeness.trainer.runner import TrainingResult, run_training

LABELED = [  # (cleaned post, what the person stood behind, the proposals it beat)
    (
        "RT @bob: I walked along the river this morning",
        "I walked along the river this morning",
        ["RT I walked along the river", "walked river"],
    ),
    (
        "Hello! How are you today? https://t.co/x",
        "Hello! How are you today?",
        ["Hello! How are you today? https://t.co/x"],
    ),
    ("@amy The quick brown fox #fox", "The quick brown fox", ["@amy The quick brown fox"]),
    (
        "I am fine, thank you very much!!! #blessed",
        "I am fine, thank you very much!!!",
        ["I am fine, thank you very much"],
    ),
    ("old friends http://x.co", "old friends", ["old friends http://x.co"]),
    ("RT @cat: dry humour, no emoji", "dry humour, no emoji", ["RT @cat: dry humour"]),
    (
        "Tea, wind, and the long view north. #sea",
        "Tea, wind, and the long view north.",
        ["Tea wind north"],
    ),
    ("@dan Storm tonight. Candles ready", "Storm tonight. Candles ready", ["@dan Storm"]),
]
ACTIONS = ["accept", "edit", "accept", "own", "accept", "edit", "accept", "accept"]
SMALL = {"max_steps": 2, "batch_size": 2, "logging_steps": 1, "save_steps": 10}
# The tiny tokenizer spends many tokens on the normaliser's system prompt.
LONG = {"max_length": 2048}


@pytest.fixture
def settings(tmp_path: Path, db_url: str, tiny_model_dir: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", database_url=db_url, model=str(tiny_model_dir))


@pytest.fixture
def labeled(engine: Engine) -> str:
    corpus = make_persona(engine, "mags")
    for day, ((post, chosen, beaten), action) in enumerate(zip(LABELED, ACTIONS, strict=True)):
        pid = corpus.add(post, day=day)
        corpus.judge(pid, action, chosen=chosen, rejected=beaten, minute=day)
    return corpus.slug


def _train(
    engine: Engine, settings: Settings, recipe: str, persona: str, config: dict[str, Any], name: str
) -> tuple[TrainingResult, Path]:
    run_dir = settings.data_dir / "runs" / name
    ctx = RunContext(run_dir=run_dir, data_dir=settings.data_dir, device="cpu")
    result = run_training(engine, settings, recipe, persona, config, ctx)
    assert result.model_id and not result.stopped, recipe
    return result, run_dir


def test_sft_then_reward_then_rl_and_dpo_from_judgments(
    engine: Engine, settings: Settings, labeled: str
) -> None:
    sft, _ = _train(engine, settings, "normalizer-sft", labeled, {**SMALL, **LONG}, "sft")
    assert [d.kind for d in sft.datasets] == ["normalizer-sft"]
    assert sft.datasets[0].train_rows + sft.datasets[0].heldout_rows == len(LABELED)

    reward, _ = _train(engine, settings, "reward-model", labeled, {**SMALL, **LONG}, "reward")
    prefs = reward.datasets[0]
    assert prefs.kind == "normalizer-prefs"
    assert prefs.train_rows + prefs.heldout_rows == sum(len(b) for _, _, b in LABELED)

    rl_config = {
        **SMALL,
        **LONG,
        "num_generations": 2,
        "max_completion_length": 6,
        "heldout_prompts": 1,
    }
    rl, rl_dir = _train(engine, settings, "normalizer-rl", labeled, rl_config, "rl")
    # Found in the models table by themselves: the SFT adapter to start from, the reward model.
    assert (rl_dir / START_PIN).read_text() == str(sft.artifact_dir)
    assert (rl_dir / REWARD_PIN).read_text() == str(reward.artifact_dir)
    assert {"heldout_reward", "heldout_start_reward"} <= set(rl.metrics)

    dpo, dpo_dir = _train(engine, settings, "normalizer-dpo", labeled, SMALL | LONG, "dpo")
    assert (dpo_dir / START_PIN).read_text() == str(sft.artifact_dir)
    assert "heldout_reward_accuracy" in dpo.metrics

    registered = {m.id: m for m in list_models(engine, labeled)}
    assert {sft.model_id, reward.model_id, rl.model_id, dpo.model_id} <= set(registered)
    kinds = [registered[r.model_id].kind for r in (sft, reward, rl, dpo)]
    assert kinds == ["normalizer", "reward", "normalizer", "normalizer"]
    for result in (rl, dpo):  # LoRAs on the base they were trained on, SFT's rank and targets
        manifest = json.loads((result.artifact_dir / "likeness.json").read_text())
        assert manifest["base_model"] == str(settings.model)
        adapter = json.loads((result.artifact_dir / "adapter_config.json").read_text())
        sft_adapter = json.loads((sft.artifact_dir / "adapter_config.json").read_text())
        assert adapter["r"] == sft_adapter["r"]
