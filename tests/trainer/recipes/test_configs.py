"""Recipe configs explain themselves and share one set of LoRA options."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, get_args

import pytest
from pydantic import BaseModel, ValidationError

from likeness.trainer.recipes.lora import LoraOptions, lora_config
from likeness.trainer.recipes.registry import get_recipe, parse_config, recipe_names, recipe_options
from likeness.trainer.recipes.sft import SftConfig, peft_config


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    """The pydantic models an annotation holds (``Sub``, ``list[Sub]``, ``Sub | None`` ...)."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in get_args(annotation):
        yield from _models_in(arg)


def undescribed(model: type[BaseModel], prefix: str = "") -> list[str]:
    """Dotted names of the fields of ``model``, nested models included, with no description."""
    missing = []
    for name, info in model.model_fields.items():
        if not (info.description or "").strip():
            missing.append(prefix + name)
        for nested in _models_in(info.annotation):
            missing += undescribed(nested, f"{prefix}{name}.")
    return missing


@pytest.mark.parametrize("name", recipe_names())
def test_every_recipe_option_has_a_description(name: str) -> None:
    assert undescribed(get_recipe(name).config_type) == []
    assert all(option.description for option in recipe_options(name))


def test_the_walk_finds_undescribed_fields_in_nested_models() -> None:
    class Inner(BaseModel):
        bare: int = 1

    class Outer(BaseModel):
        inner: list[Inner] | None = None

    assert undescribed(Outer) == ["inner", "inner.bare"]


def test_sft_uses_the_shared_lora_options_and_builder() -> None:
    assert issubclass(SftConfig, LoraOptions)
    config = parse_config("persona-sft", {"lora_r": 4, "lora_alpha": 8})
    built = peft_config(config)  # type: ignore[arg-type]
    shared = lora_config(config)  # type: ignore[arg-type]
    assert (built.r, built.lora_alpha, built.lora_dropout) == (4, 8, 0.0)
    assert built.to_dict() == shared.to_dict()
    assert peft_config(parse_config("persona-sft", {"method": "full"})) is None  # type: ignore[arg-type]


@pytest.mark.parametrize("name", ["persona-sft", "reward-model", "normalizer-rl", "normalizer-dpo"])
def test_one_set_of_lora_defaults(name: str) -> None:
    config = parse_config(name, {})
    assert isinstance(config, LoraOptions)
    assert config.model_dump(include=set(LoraOptions.model_fields)) == LoraOptions().model_dump()


def test_the_sft_recipes_old_target_modules_key_still_works() -> None:
    config = parse_config("normalizer-sft", {"target_modules": ["q_proj", "v_proj"]})
    assert isinstance(config, LoraOptions)
    assert config.lora_target_modules == ["q_proj", "v_proj"]


@pytest.mark.parametrize("name", ["reward-model", "normalizer-rl", "normalizer-dpo", "scratch"])
def test_a_recipe_default_keeps_the_shared_bounds_and_description(name: str) -> None:
    base = {o.name: o for o in recipe_options("persona-sft")}
    options = {o.name: o for o in recipe_options(name)}
    assert options["learning_rate"].description == "Peak learning rate (cosine decay)."
    assert options["weight_decay"].description == base["weight_decay"].description
    for bad in ({"learning_rate": 0}, {"warmup_ratio": 1}, {"weight_decay": -1}, {"epochs": 0}):
        with pytest.raises(ValidationError):
            parse_config(name, bad)
