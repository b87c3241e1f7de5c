"""The normaliser recipes' ``prompt_version`` option: which normaliser prompt the rows are
built with (empty: the current one), so a run can train on ``normalizer-v1`` rows on purpose.

    RECIPE = Recipe(..., dataset_specs=reads_normalizer("normalizer-prefs"), ...)
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, Field, field_validator

from likeness.core.prompts import NORMALIZER_PROMPT_VERSIONS
from likeness.trainer.datasets.spec import DatasetSpec
from likeness.trainer.recipes.registry import dataset_spec


class NormalizerPromptOption(BaseModel):
    prompt_version: str = Field(
        "",
        description="Normaliser prompt the rows are built with "
        f"({', '.join(NORMALIZER_PROMPT_VERSIONS)}); empty = the current one.",
    )

    @field_validator("prompt_version")
    @classmethod
    def _known(cls, value: str) -> str:
        if value and value not in NORMALIZER_PROMPT_VERSIONS:
            known = ", ".join(NORMALIZER_PROMPT_VERSIONS)
            raise ValueError(f"unknown prompt_version {value!r}; known: {known}")
        return value


def reads_normalizer(kind: str) -> Callable[[str, Any], list[DatasetSpec]]:
    """The ``dataset_specs`` of a normaliser recipe that reads the one dataset ``kind``, built
    with the config's ``prompt_version``."""

    def specs(persona: str, config: Any) -> list[DatasetSpec]:
        spec = dataset_spec(kind, persona, config)
        version = config.prompt_version or None
        return [DatasetSpec.model_validate({**spec.model_dump(), "prompt_version": version})]

    return specs
