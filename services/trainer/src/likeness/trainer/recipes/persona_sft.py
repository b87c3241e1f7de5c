"""``persona-sft``: teach a base model to write as the persona (LoRA by default).

Reads the persona's posts as topic → post chat examples (the persona card as system prompt,
"Write a post about <topics>" as the request — the same request the serving side sends), and
optionally as plain text, essay chunks, or synthetic Q&A (the runner starts the generator
engine that writes the questions, then stops it before training). The result is a ``persona-lora``
adapter the inference service serves for the persona (``persona-full`` for a full fine-tune).
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from likeness.core.registry import ModelKind
from likeness.trainer.datasets.spec import (
    DEFAULT_QUESTION_SHARE,
    DEFAULT_TOPIC_EXTRACTOR,
    DatasetSpec,
    QuestionShare,
    TopicExtractorField,
)
from likeness.trainer.recipes.registry import dataset_spec
from likeness.trainer.recipes.sft import SftConfig, sft_recipe

Format = Literal["chat", "completion", "essay", "qa"]
FORMAT_KINDS = {
    "chat": "persona-chat",
    "completion": "persona-completion",
    "essay": "persona-essay",
    "qa": "persona-qa",
}


class PersonaSftConfig(SftConfig):
    formats: list[Format] = Field(
        default_factory=lambda: ["chat"],
        description="Example formats: chat (topic → post), completion, essay, qa (synthetic).",
    )
    max_length: int = Field(192, ge=8, description="Tokens per example; posts are short.")
    topic_extractor: TopicExtractorField = DEFAULT_TOPIC_EXTRACTOR
    question_share: QuestionShare = DEFAULT_QUESTION_SHARE
    evaluate: bool = Field(
        True,
        description="Queue an evaluation (the report card the serving gate reads) once the "
        "model is registered; `likeness train --no-eval` turns it off.",
    )
    qa_generator: str = Field(
        "",
        description=(
            "Model that writes the synthetic questions of format qa (id or folder); empty: the "
            "served model (LIKENESS_MODEL, else the default). Runs on LIKENESS_ENGINE."
        ),
    )


def dataset_specs(persona: str, config: PersonaSftConfig) -> list[DatasetSpec]:
    formats = dict.fromkeys(config.formats)  # each once, in the order given
    specs = [dataset_spec(FORMAT_KINDS[fmt], persona, config) for fmt in formats]
    chat = {"topic_extractor": config.topic_extractor, "question_share": config.question_share}
    return [s.model_copy(update=chat) if s.kind == "persona-chat" else s for s in specs]


RECIPE = sft_recipe(
    "persona-sft",
    "Fine-tune a base model on the persona's posts (LoRA, QLoRA or full).",
    PersonaSftConfig,
    dataset_specs,
    adapter_kind=ModelKind.PERSONA_LORA,
    full_kind=ModelKind.PERSONA_FULL,
)
