"""``normalizer-sft``: teach the normaliser from people's accepted, edited and own texts.

Rows pair the one versioned normaliser prompt (``likeness.core.prompts.normalizer_messages``,
the prompt labeling and batch normalisation use, at the current version unless
``prompt_version`` names another) with the text a person stood behind.
"""

from __future__ import annotations

from pydantic import Field

from likeness.core.registry import ModelKind
from likeness.trainer.recipes.normalizer_prompt import NormalizerPromptOption, reads_normalizer
from likeness.trainer.recipes.sft import SftConfig, sft_recipe


class NormalizerSftConfig(SftConfig, NormalizerPromptOption):
    max_length: int = Field(384, ge=8, description="Prompt (system + post) and answer.")


RECIPE = sft_recipe(
    "normalizer-sft",
    "Fine-tune the normaliser on accepted, edited and own texts from labeling.",
    NormalizerSftConfig,
    reads_normalizer("normalizer-sft"),
    adapter_kind=ModelKind.NORMALIZER,
    full_kind=ModelKind.NORMALIZER,
)
