"""``normalizer-sft``: teach the normaliser from people's accepted, edited and own texts.

Rows pair the one versioned normaliser prompt (``likeness.core.prompts.normalizer_messages``,
the prompt labeling and batch normalisation use) with the text a person stood behind.
"""

from __future__ import annotations

from pydantic import Field

from likeness.trainer.datasets.spec import DatasetSpec
from likeness.trainer.recipes.registry import Recipe, RecipeInputs, RecipeResult
from likeness.trainer.recipes.sft import SftConfig, preview_sft, train_sft


class NormalizerSftConfig(SftConfig):
    max_length: int = Field(384, ge=8, description="Prompt (system + post) and answer.")


def dataset_specs(persona: str, config: NormalizerSftConfig) -> list[DatasetSpec]:
    return [
        DatasetSpec(
            kind="normalizer-sft",
            persona=persona,
            heldout_fraction=config.heldout_fraction,
            limit=config.limit,
        )
    ]


def train(inputs: RecipeInputs, datasets: list) -> RecipeResult:  # type: ignore[type-arg]
    return train_sft(inputs, datasets, adapter_kind="normalizer", full_kind="normalizer")


RECIPE = Recipe(
    name="normalizer-sft",
    summary="Fine-tune the normaliser on accepted, edited and own texts from labeling.",
    config_type=NormalizerSftConfig,
    dataset_specs=dataset_specs,
    preview=preview_sft,
    train=train,
)
