"""Normaliser RL and DPO continue the persona's normaliser-SFT adapter, against it as reference."""

from __future__ import annotations

import json
import math
import shutil
from pathlib import Path
from typing import Any

import pytest
import torch
from preference_data import prefs_dataset
from recipe_data import recipe_inputs
from registered_models import add_model
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from likeness.core.chat import chat_template_sha256
from likeness.core.db import create_db_engine
from likeness.core.db.models import Persona
from likeness.inference.engines.base import AdapterMismatch
from likeness.trainer.artifacts import MANIFEST
from likeness.trainer.recipes.normalizer_dpo import NormalizerDPOConfig
from likeness.trainer.recipes.normalizer_rl import NormalizerRLConfig
from likeness.trainer.recipes.policy import (
    START_PIN,
    PolicyStartOptions,
    resolve_start_adapter,
)
from likeness.trainer.recipes.registry import get_recipe


@pytest.fixture
def template_sha(tiny_tokenizer: Any) -> str:
    return chat_template_sha256(tiny_tokenizer)


@pytest.fixture
def db(tmp_path: Path, sqlite_template: Path) -> Engine:
    shutil.copy(sqlite_template, tmp_path / "db.sqlite")
    engine = create_db_engine(f"sqlite:///{tmp_path / 'db.sqlite'}")
    with Session(engine) as session, session.begin():
        session.add(Persona(slug="alice", display_name="Alice"))
    yield engine
    engine.dispose()


def _adapter(root: Path, name: str) -> str:
    path = root / name
    path.mkdir(parents=True)
    (path / "adapter_config.json").write_text("{}", "utf-8")
    return str(path)


def _register(db: Engine, path: str, **fields: Any) -> None:
    add_model(db, "alice", path, **fields)


def test_auto_takes_the_newest_sft_adapter_on_this_base_and_template_and_pins_it(
    tmp_path: Path, db: Engine
) -> None:
    base, sha = "org/base", "t" * 64
    good_old = _adapter(tmp_path, "sft-old")
    good_new = _adapter(tmp_path, "sft-new")
    _register(db, good_old, recipe="normalizer-sft", base=base, template=sha, hours_ago=9)
    _register(db, good_new, recipe="normalizer-sft", base=base, template=sha, hours_ago=5)
    # Newer, but each unusable as a start: another recipe, another base, another template,
    # a folder that is not an adapter.
    other = _adapter(tmp_path, "dpo")
    _register(db, other, recipe="normalizer-dpo", base=base, template=sha, hours_ago=4)
    _register(db, good_new, recipe="normalizer-sft", base="org/other", template=sha, hours_ago=3)
    _register(db, good_new, recipe="normalizer-sft", base=base, template="x" * 64, hours_ago=2)
    _register(db, str(tmp_path), recipe="normalizer-sft", base=base, template=sha, hours_ago=1)

    run_dir = tmp_path / "run"
    auto = PolicyStartOptions()
    assert resolve_start_adapter(db, "alice", base, sha, auto, run_dir) == good_new
    assert (run_dir / START_PIN).read_text() == good_new
    # A resumed run keeps its start even when a newer SFT adapter is registered.
    newest = _adapter(tmp_path, "sft-newest")
    _register(db, newest, recipe="normalizer-sft", base=base, template=sha, hours_ago=0)
    assert resolve_start_adapter(db, "alice", base, sha, auto, run_dir) == good_new
    assert resolve_start_adapter(db, "alice", base, sha, auto, tmp_path / "run2") == newest
    base_only = PolicyStartOptions(start_from="base")
    assert resolve_start_adapter(db, "alice", base, sha, base_only, tmp_path / "run3") is None


def test_auto_without_an_sft_adapter_starts_from_the_base_for_the_whole_run(
    tmp_path: Path, db: Engine
) -> None:
    run_dir = tmp_path / "run"
    auto = PolicyStartOptions()
    assert resolve_start_adapter(db, "alice", "org/base", "t" * 64, auto, run_dir) is None
    late = _adapter(tmp_path, "late")
    _register(db, late, recipe="normalizer-sft", base="org/base", template="t" * 64, hours_ago=0)
    # The run began on the bare base; resuming it on an adapter would change the model under it.
    assert resolve_start_adapter(db, "alice", "org/base", "t" * 64, auto, run_dir) is None


def test_an_explicit_start_must_be_an_adapter_trained_on_this_base(
    tmp_path: Path, db: Engine
) -> None:
    run_dir = tmp_path / "run"
    with pytest.raises(FileNotFoundError, match=r"no adapter_config\.json"):
        resolve_start_adapter(
            db, "alice", "org/base", "t", PolicyStartOptions(start_from=str(tmp_path)), run_dir
        )
    path = _adapter(tmp_path, "elsewhere")
    manifest = {"base_model": "org/other", "chat_template_sha256": "t"}
    (Path(path) / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    with pytest.raises(AdapterMismatch, match="org/other"):
        resolve_start_adapter(
            db, "alice", "org/base", "t", PolicyStartOptions(start_from=path), run_dir
        )
    manifest["base_model"] = "org/base"
    (Path(path) / MANIFEST).write_text(json.dumps(manifest), "utf-8")
    options = PolicyStartOptions(start_from=path)
    assert resolve_start_adapter(db, "alice", "org/base", "t", options, run_dir) == path


def _lora_weights(path: Path) -> dict[str, torch.Tensor]:
    from safetensors.torch import load_file

    return load_file(str(path / "adapter_model.safetensors"))


@pytest.fixture
def sft_adapter(
    db: Engine, tiny_model_dir: Path, tiny_adapter_dir: Path, template_sha: str
) -> Path:
    """The tiny LoRA (non-zero B), registered as the persona's normaliser-SFT adapter."""
    _register(
        db,
        str(tiny_adapter_dir),
        recipe="normalizer-sft",
        base=str(tiny_model_dir),
        template=template_sha,
        hours_ago=0,
    )
    return tiny_adapter_dir


def test_dpo_continues_the_sft_adapter_against_it_as_reference(
    tmp_path: Path, db: Engine, tiny_model_dir: Path, sft_adapter: Path
) -> None:
    config = NormalizerDPOConfig(
        max_steps=2,
        batch_size=2,
        logging_steps=1,
        save_steps=10,
        learning_rate=1e-3,
        max_length=2048,  # the tiny tokenizer spends ~1,200 tokens on the v2 prompt
    )
    inputs = recipe_inputs(tmp_path, tiny_model_dir, config, db=db)
    result = get_recipe("normalizer-dpo").train(inputs, [prefs_dataset(tmp_path / "ds")])

    assert (inputs.ctx.run_dir / START_PIN).read_text() == str(sft_adapter)
    # Policy and reference are the same model before the first update: DPO's loss is ln 2.
    # Had the reference been the bare base, the SFT adapter's (non-zero) change would show.
    first = next(e for e in result.outcome.log_history if "loss" in e)
    assert first["loss"] == pytest.approx(math.log(2), abs=1e-3)
    saved = json.loads((inputs.artifact_dir / "adapter_config.json").read_text())
    assert saved["r"] == 8 and set(saved["target_modules"]) == {"q_proj", "v_proj", "o_proj"}
    assert not (inputs.artifact_dir / "ref").exists()  # trl's frozen copy is not the artifact
    start, trained = _lora_weights(sft_adapter), _lora_weights(inputs.artifact_dir)
    assert start.keys() == trained.keys()
    assert any(not torch.equal(start[k], trained[k]) for k in start)


def test_grpo_continues_the_sft_adapter_with_no_kl_at_the_start(
    tmp_path: Path, db: Engine, tiny_model_dir: Path, sft_adapter: Path, reward_dir: Path
) -> None:
    config = NormalizerRLConfig(
        reward_model_path=str(reward_dir),
        max_steps=1,
        batch_size=2,
        num_generations=2,
        max_completion_length=6,
        logging_steps=1,
        heldout_prompts=2,
        max_length=2048,
    )
    inputs = recipe_inputs(tmp_path, tiny_model_dir, config, db=db)
    result = get_recipe("normalizer-rl").train(inputs, [prefs_dataset(tmp_path / "ds")])

    first = next(e for e in result.outcome.log_history if "kl" in e)
    assert first["kl"] == pytest.approx(0.0, abs=1e-6)  # the reference is the SFT adapter
    assert {"heldout_reward", "heldout_start_reward"} <= set(result.metrics)
    saved = json.loads((inputs.artifact_dir / "adapter_config.json").read_text())
    assert saved["r"] == 8
    assert not (inputs.artifact_dir / "ref").exists()
    assert not (inputs.artifact_dir / "start").exists()
