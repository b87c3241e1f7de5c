"""What an evaluation takes (``EvalConfig``), and which models it takes: kept apart from the
evaluation itself so the job queue and the CLI validate a request without loading its
libraries (scikit-learn, matplotlib, torch)."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import Engine

from likeness.core import registry
from likeness.core.copying import DEFAULT_COPY_TOKENS
from likeness.core.registry import ModelInfo, ModelKind

EVALUATED_KINDS = (ModelKind.PERSONA_LORA, ModelKind.PERSONA_FULL)
MIN_CLASS_TEXTS = 5  # texts a class of the style judge needs to train on


class EvalConfig(BaseModel):
    """What ``likeness eval`` and an ``eval`` job take."""

    model_config = ConfigDict(extra="forbid")

    model_id: str = Field(description="The persona model to evaluate.")
    against: str = Field(
        "",
        description="Compare with this registered model (an adapter on the same base) instead "
        "of the bare base model.",
    )
    samples: int = Field(
        100, ge=1, le=5000, description="Held-out posts to generate for (at most)."
    )
    negatives: int = Field(
        300,
        ge=MIN_CLASS_TEXTS,
        le=5000,
        description="Base-model posts for training topics (judge negatives).",
    )
    chat_samples: int = Field(
        2, ge=1, le=20, description="Answers generated per fixed chat question, by each model."
    )
    max_tokens: int = Field(120, ge=8, le=1024, description="Tokens per generated post.")
    temperature: float = Field(0.9, ge=0.0, le=2.0, description="As post generation serves.")
    top_p: float = Field(0.95, gt=0.0, le=1.0)
    copy_tokens: int = Field(
        DEFAULT_COPY_TOKENS, ge=3, le=64, description="Words a shared span needs to be a copy."
    )
    guard_retries: int = Field(3, ge=0, le=10, description="Resamples of a copying generation.")
    seed: int = Field(0, ge=0)


class NotEvaluable(ValueError):
    """The model is not a persona model (a normaliser, a reward model, ...)."""


def resolve_models(db: Engine, config: EvalConfig) -> tuple[ModelInfo, ModelInfo | None]:
    """The model to evaluate and the one to compare with (None: its base model)."""
    model = registry.get_model(db, config.model_id)
    if model.kind not in EVALUATED_KINDS:
        raise NotEvaluable(
            f"model {model.id} is a {model.kind}; only persona models "
            f"({', '.join(EVALUATED_KINDS)}) get a fidelity report"
        )
    if not model.adapter_path:
        raise NotEvaluable(f"model {model.id} has no files to evaluate")
    if not config.against:
        return model, None
    other = registry.get_model(db, config.against)
    if other.kind != ModelKind.PERSONA_LORA or model.kind != ModelKind.PERSONA_LORA:
        raise NotEvaluable("--against compares two persona adapters (persona-lora models)")
    if other.base_model != model.base_model:
        raise NotEvaluable(
            f"--against {other.id} was trained on {other.base_model}, model {model.id} on "
            f"{model.base_model}: compare models of one base"
        )
    return model, other
