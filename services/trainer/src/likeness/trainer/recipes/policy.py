"""Where a normaliser policy (RL or DPO) starts: the normaliser-SFT adapter, or the bare base.

The normaliser is trained SFT first, then RL or DPO. By default (``start_from="auto"``) those
recipes continue from the persona's newest ``normalizer-sft`` LoRA adapter that was trained on
the same base model and chat template, and fall back to the bare base when there is none. With a
starting adapter, trl copies it into a frozen ``ref`` adapter, so the KL/DPO reference is the SFT
model (not the base) and no second model is loaded; the adapter's own rank and targets apply.

    start, model, peft_config = start_policy(inputs, config, tokenizer)
    trainer = DPOTrainer(model=model, peft_config=peft_config, ...)
    save_policy(trainer.model, artifact_dir)
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import Engine

from likeness.core.chat import chat_template_sha256
from likeness.core.db.models import Model
from likeness.core.registry import ModelKind
from likeness.inference.engines.base import AdapterInfo, check_adapter_fits, same_model
from likeness.trainer.artifacts import MANIFEST, read_manifest
from likeness.trainer.recipes.lora import LoraOptions, lora_config
from likeness.trainer.recipes.registered import newest_registered, pinned
from likeness.trainer.recipes.registry import RecipeInputs

logger = logging.getLogger(__name__)

START_PIN = "start_adapter.txt"
SFT_RECIPE = "normalizer-sft"
START = "start"  # the starting adapter, loaded beside the trained one for comparison


class PolicyStartOptions(BaseModel):
    start_from: str = Field(
        "auto",
        description=(
            "auto: the persona's newest normalizer-sft adapter on this base (else the base); "
            "base: the bare base model; or the folder of a LoRA adapter to continue from."
        ),
    )


def _is_adapter(path: str) -> bool:
    return (Path(path) / "adapter_config.json").is_file()


def _fits(row: Model, base_model: str, template_sha256: str) -> bool:
    return (
        (row.config or {}).get("recipe") == SFT_RECIPE
        and same_model(row.base_model, base_model)
        and row.chat_template_sha256 == template_sha256
        and bool(row.adapter_path)
        and _is_adapter(row.adapter_path or "")
    )


def check_start_adapter(path: str, base_model: str, template_sha256: str) -> None:
    """Refuse a starting adapter that is not a LoRA folder, or whose manifest names another
    base model or chat template than this run's."""
    if not _is_adapter(path):
        raise FileNotFoundError(f"start_from={path!r}: no adapter_config.json in that folder")
    if (Path(path) / MANIFEST).is_file():
        manifest = read_manifest(Path(path))
        info = AdapterInfo(
            name=path,
            path=path,
            base_model=manifest.get("base_model", ""),
            chat_template_sha256=manifest.get("chat_template_sha256", ""),
        )
        check_adapter_fits(info, base_model, template_sha256)


def resolve_start_adapter(
    db: Engine,
    persona: str,
    base_model: str,
    template_sha256: str,
    options: PolicyStartOptions,
    run_dir: Path,
) -> str | None:
    """The adapter folder the policy starts from (None: the bare base), pinned for resumes."""
    choice = options.start_from.strip()
    if choice == "base":
        return None
    if choice == "auto":

        def newest() -> str | None:
            return newest_registered(
                db,
                persona,
                ModelKind.NORMALIZER,
                lambda row: _fits(row, base_model, template_sha256),
            )

        return pinned(run_dir, START_PIN, newest)
    check_start_adapter(choice, base_model, template_sha256)
    return choice


class PolicyConfig(LoraOptions, PolicyStartOptions):
    """What a normaliser policy recipe (RL, DPO) configures about its LoRA and its start."""


def start_policy(
    inputs: RecipeInputs, config: PolicyConfig, tokenizer: Any
) -> tuple[str | None, Any, Any | None]:
    """(starting adapter or None, model, peft_config for the trainer) for a run's inputs."""
    start = resolve_start_adapter(
        inputs.db,
        inputs.persona,
        inputs.base_model,
        chat_template_sha256(tokenizer),
        config,
        inputs.ctx.run_dir,
    )
    logger.info("policy starts from %s", start or f"the bare base {inputs.base_model}")
    model, peft_config = load_policy(inputs.base_model, start, config)
    return start, model, peft_config


def load_policy(
    base_model: str, start_adapter: str | None, lora: LoraOptions
) -> tuple[Any, Any | None]:
    """(model, peft_config for the trainer): a trainable copy of the starting adapter on the
    base, or the bare base plus a new LoRA config."""
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(base_model, dtype=torch.float32)
    if start_adapter is None:
        return model, lora_config(lora)
    return PeftModel.from_pretrained(model, start_adapter, is_trainable=True), None


@contextlib.contextmanager
def starting_point(model: Any, start_adapter: str | None) -> Iterator[None]:
    """Run the trained PeftModel as it was before this run (for before/after metrics): the
    starting adapter, loaded again beside the trained one, or the bare base."""
    from trl.trainer.utils import use_adapter

    if start_adapter is None:
        with model.disable_adapter():
            yield
        return
    if START not in model.peft_config:
        model.load_adapter(start_adapter, adapter_name=START)
    with use_adapter(model, START):
        yield


def save_policy(model: Any, artifact_dir: Path) -> None:
    """Save the trained adapter only (not trl's frozen reference or the comparison copy)."""
    model.save_pretrained(artifact_dir, selected_adapters=["default"])
