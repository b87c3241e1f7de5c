"""The recipes by name, and the small surface each one implements.

A recipe module defines ``RECIPE = Recipe(...)``:

- ``config_type``: its typed config (a ``RecipeConfig`` subclass with per-device defaults);
- ``dataset_specs(persona, config)``: the datasets it reads (built and hashed by the runner);
- ``preview(tokenizer, datasets, config, n)``: its first ``n`` examples exactly as encoded;
- ``train(inputs, datasets)``: trains, saves the final weights into ``inputs.artifact_dir``
  and returns what to record.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from likeness.core.registry import ModelKind
from likeness.trainer.datasets.spec import BuiltDataset, DatasetSpec
from likeness.trainer.encoding import Encoded
from likeness.trainer.recipes.base import RecipeConfig, RunContext, TrainOutcome

RECIPE_MODULES = {
    "persona-sft": "likeness.trainer.recipes.persona_sft",
    "normalizer-sft": "likeness.trainer.recipes.normalizer_sft",
    "reward-model": "likeness.trainer.recipes.reward_model",
    "normalizer-rl": "likeness.trainer.recipes.normalizer_rl",
    "normalizer-dpo": "likeness.trainer.recipes.normalizer_dpo",
    "scratch": "likeness.trainer.recipes.scratch",
}


class UnknownRecipe(ValueError):
    """No recipe by that name."""


@dataclass(slots=True)
class RecipeInputs:
    db: Engine
    persona: str
    config: RecipeConfig
    base_model: str  # resolved: a folder or hub id (the default model's folder when unset)
    ctx: RunContext
    artifact_dir: Path  # where the final weights (adapter or model) + tokenizer go


@dataclass(slots=True)
class RecipeResult:
    model_kind: ModelKind
    base_model: str  # what the artifact must be served on ("" for a self-contained model)
    tokenizer: Any  # the tokenizer the artifact was trained with (hashed into the manifest)
    outcome: TrainOutcome
    metrics: dict[str, float] = field(default_factory=dict)


def finished(
    inputs: RecipeInputs,
    kind: ModelKind,
    tokenizer: Any,
    outcome: TrainOutcome,
    metrics: dict[str, float],
    save: Callable[[Path], Any] | None = None,
    *,
    self_contained: bool = False,
) -> RecipeResult:
    """What a recipe returns; a completed run first saves the weights (``save(artifact_dir)``)
    and the tokenizer beside them. ``self_contained``: the artifact needs no base model to be
    served (its ``base_model`` is "")."""
    if save is not None and not outcome.stopped:
        save(inputs.artifact_dir)
        tokenizer.save_pretrained(inputs.artifact_dir)
    base_model = "" if self_contained else inputs.base_model
    return RecipeResult(kind, base_model, tokenizer, outcome, metrics)


def reads(kind: str) -> Callable[[str, RecipeConfig], list[DatasetSpec]]:
    """The ``dataset_specs`` of a recipe that reads the one dataset ``kind``."""
    return lambda persona, config: [dataset_spec(kind, persona, config)]


def dataset_spec(kind: str, persona: str, config: RecipeConfig) -> DatasetSpec:
    """The persona's dataset ``kind``, split and limited as the recipe config says."""
    return DatasetSpec(
        kind=kind,  # type: ignore[arg-type]
        persona=persona,
        heldout_fraction=config.heldout_fraction,
        limit=config.limit,
    )


@dataclass(frozen=True, slots=True)
class Recipe:
    name: str
    summary: str
    config_type: type[RecipeConfig]
    dataset_specs: Callable[[str, Any], list[DatasetSpec]]
    preview: Callable[[Any, list[BuiltDataset], Any, int], list[Encoded]]
    train: Callable[[RecipeInputs, list[BuiltDataset]], RecipeResult]
    needs_base_model: bool = True


def recipe_names() -> list[str]:
    return list(RECIPE_MODULES)


def get_recipe(name: str) -> Recipe:
    module = RECIPE_MODULES.get(name)
    if module is None:
        raise UnknownRecipe(f"unknown recipe {name!r}; choose one of {', '.join(RECIPE_MODULES)}")
    return importlib.import_module(module).RECIPE  # type: ignore[no-any-return]


@dataclass(frozen=True, slots=True)
class RecipeOption:
    """One field of a recipe's config, as ``--set NAME=VALUE`` takes it."""

    name: str
    type: str
    default: Any
    description: str


def _type_name(annotation: Any) -> str:
    if isinstance(annotation, type):
        return annotation.__name__
    return str(annotation).replace("typing.", "")


def recipe_options(name: str) -> list[RecipeOption]:
    """The options of recipe ``name`` in the order its config declares them (shared ones
    first), with their defaults and descriptions."""
    fields = get_recipe(name).config_type.model_fields
    return [
        RecipeOption(
            name=field_name,
            type=_type_name(info.annotation),
            default=info.get_default(call_default_factory=True),
            description=info.description or "",
        )
        for field_name, info in fields.items()
    ]


def parse_config(name: str, config: dict[str, Any] | None) -> RecipeConfig:
    """The recipe's typed config from JSON-ish input (unknown keys are an error)."""
    return get_recipe(name).config_type.model_validate(config or {})
