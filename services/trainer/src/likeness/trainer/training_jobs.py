"""Training jobs as every front (CLI, gRPC servicer, TUI) sees them: submit, preview, activate.

    job_id = submit_training(db, "persona-sft", "alice", {"epochs": 2})   # validated, queued
    preview = preview_job(db, settings, "persona-sft", "alice", {}, n=3)  # nothing queued
    info = activate(db, settings, model_id, inference=InferenceClient(addr, key))

Submitting checks the recipe, its config and the persona first, so a typo fails at once with a
clear message instead of as a failed job minutes later. The queue itself is
``likeness.core.jobs``; the work is done by ``likeness.trainer.worker``. Activation goes through
the model registry, and through the running inference service when the transport layer hands
one in (anything with ``activate(model_id) -> ModelInfo``, i.e. ``InferenceClient``): this
module makes no call and imports nothing of the inference service.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Any, Protocol

from pydantic import ValidationError
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from likeness.core import jobs, registry
from likeness.core.errors import GateFailed, NoReport
from likeness.core.gate import require_gate
from likeness.core.grpc_client import ServiceError
from likeness.core.jobs import JobInfo, ProgressReport
from likeness.core.personas import persona_id
from likeness.core.registry import ModelInfo
from likeness.core.settings import Settings
from likeness.trainer.encoding import IGNORE, Encoded
from likeness.trainer.recipes.base import RecipeConfig
from likeness.trainer.recipes.registry import UnknownRecipe, parse_config

logger = logging.getLogger(__name__)


class InvalidConfig(ValueError):
    """The recipe's config does not validate (unknown key, wrong type, out of range)."""


class ActivationRefused(RuntimeError):
    """The inference service would not serve the adapter (other base or chat template, files
    missing) or could not be reached; nothing was changed."""


def describe_validation_error(recipe: str, exc: ValidationError) -> str:
    """One line per problem, named by field, instead of pydantic's multi-line report."""
    problems = []
    for error in exc.errors():
        where = ".".join(str(part) for part in error["loc"]) or "config"
        got = f" (got {error['input']!r})" if error["type"] != "extra_forbidden" else ""
        problems.append(f"{where}: {error['msg']}{got}")
    return f"bad config for recipe {recipe!r}: " + "; ".join(problems)


def check_config(recipe: str, config: dict[str, Any] | None) -> RecipeConfig:
    """The recipe's typed config; raises UnknownRecipe or InvalidConfig."""
    try:
        return parse_config(recipe, config)
    except ValidationError as exc:
        raise InvalidConfig(describe_validation_error(recipe, exc)) from None
    except ImportError as exc:
        # A recipe listed in the registry whose module (or one of its dependencies) is missing.
        raise UnknownRecipe(f"recipe {recipe!r} is not available here: {exc}") from exc


def check_persona(db: Engine, persona: str) -> None:
    with Session(db) as session:
        persona_id(session, persona)


def submit_training(
    db: Engine,
    recipe: str,
    persona: str,
    config: dict[str, Any] | None,
    *,
    priority: int = 0,
    max_attempts: int = 3,
) -> str:
    """Validate, then queue a training job; returns its id. The stored config is the submitted
    one (defaults are filled in by the run, whose plan records the full config). Recipe
    ``eval`` queues an evaluation of ``config["model_id"]`` (``fidelity.jobs.submit_eval``; the
    persona is the model's); recipe ``arena`` queues blind-arena pairs
    (``fidelity.arena.submit_arena``)."""
    from likeness.trainer.fidelity.arena import ARENA_KIND, submit_arena
    from likeness.trainer.fidelity.jobs import EVAL_KIND, submit_eval

    if recipe == EVAL_KIND:
        return submit_eval(db, None, config, priority=priority, max_attempts=max_attempts)
    if recipe == ARENA_KIND:
        return submit_arena(db, persona, config, priority=priority, max_attempts=max_attempts)
    check_config(recipe, config)
    if not persona:
        raise ValueError("a training job needs a persona")
    check_persona(db, persona)
    return jobs.submit(
        db,
        recipe,
        persona=persona,
        config=dict(config or {}),
        priority=priority,
        max_attempts=max_attempts,
    )


# --- progress as watchers see it ---------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class JobEvent:
    """One update of a watched job (the same from the queue and from WatchJob)."""

    job_id: str
    status: str
    progress: ProgressReport

    @property
    def done(self) -> bool:
        return self.status in jobs.TERMINAL


def event_from_job(job: JobInfo) -> JobEvent:
    return JobEvent(job.id, job.status, job.report)


# --- preview (--dry-run) -------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TokenPiece:
    text: str
    trained: bool  # the loss is taken on it


@dataclass(frozen=True, slots=True)
class ExamplePreview:
    pieces: list[TokenPiece]
    tokens: int
    trained_tokens: int
    truncated: bool


@dataclass(slots=True)
class TrainingPreview:
    recipe: str
    base_model: str
    examples: list[ExamplePreview]
    train_examples: int
    heldout_examples: int
    train_tokens: int
    trained_tokens: int
    truncated: int
    steps: int
    estimated_seconds: float
    extra: dict[str, Any] = field(default_factory=dict)


def token_pieces(tokenizer: Any, encoded: Encoded) -> list[TokenPiece]:
    """The example decoded token by token. Byte-level tokenizers split some characters over
    several tokens, so a token that decodes to half a character is joined with the next ones."""
    if tokenizer is None:  # the recipe encodes with its own tokenizer: show the two texts
        return [
            piece
            for piece in (
                TokenPiece(encoded.prompt_text, False),
                TokenPiece(encoded.target_text, True),
            )
            if piece.text
        ]
    pieces: list[TokenPiece] = []
    pending: list[int] = []
    trained = False
    for token, label in zip(encoded.input_ids, encoded.labels, strict=True):
        if not pending:
            trained = label != IGNORE
        pending.append(token)
        text = tokenizer.decode(
            pending, skip_special_tokens=False, clean_up_tokenization_spaces=False
        )
        if "\ufffd" in text and len(pending) < 4:
            continue
        pieces.append(TokenPiece(text, trained))
        pending = []
    if pending:
        pieces.append(TokenPiece(tokenizer.decode(pending, skip_special_tokens=False), trained))
    return pieces


def preview_job(
    db: Engine,
    settings: Settings,
    recipe: str,
    persona: str,
    config: dict[str, Any] | None,
    *,
    n: int = 3,
    time_it: bool = True,
) -> TrainingPreview:
    """What ``submit_training`` would train on, without queueing anything."""
    from likeness.trainer.runner import preview_training

    check_config(recipe, config)
    check_persona(db, persona)
    preview = preview_training(db, settings, recipe, persona, config, n=n, time_it=time_it)
    return TrainingPreview(
        recipe=preview.recipe,
        base_model=preview.base_model,
        examples=[
            ExamplePreview(
                pieces=token_pieces(preview.tokenizer, example),
                tokens=len(example.input_ids),
                trained_tokens=example.loss_tokens,
                truncated=example.truncated,
            )
            for example in preview.examples
        ],
        train_examples=preview.train_examples,
        heldout_examples=preview.heldout_examples,
        train_tokens=preview.train_tokens,
        trained_tokens=preview.loss_tokens,
        truncated=preview.truncated,
        steps=preview.steps,
        estimated_seconds=preview.estimated_seconds,
    )


# --- activation ----------------------------------------------------------------------------------


class ModelActivator(Protocol):
    """What activation needs of the inference service (``InferenceClient`` is one)."""

    def activate(self, model_id: str, *, force: bool = False) -> ModelInfo: ...


def activate(
    db: Engine,
    settings: Settings,
    model_id: str,
    inference: ModelActivator | None = None,
    *,
    force: bool = False,
) -> ModelInfo:
    """Make a persona adapter its persona's active one, or a normaliser its persona's
    normaliser (the two slots are independent: neither deactivates the other).

    The registry says first whether the model exists and can be activated (ModelNotFound,
    NotAnAdapter, also for a normaliser trained on an unknown prompt version: no round trip),
    then the serving gate whether a persona model's report card passes (NoReport, GateFailed;
    ``force`` activates it anyway).
    With ``inference`` the running service then checks the adapter against what it serves,
    loads it and marks it active (ActivationRefused if it would not, or could not be reached;
    nothing changed); without, only the database changes.
    """
    require_gate(db, settings, registry.activatable(db, model_id), force=force)
    if inference is None:
        if settings.inference_addr:
            logger.warning(
                "LIKENESS_INFERENCE_ADDR is set but no inference client was passed: model %s is "
                "marked active in the database only",
                model_id,
            )
        return registry.activate(db, model_id)
    try:
        return inference.activate(model_id, force=force)
    except (registry.ModelNotFound, registry.NotAnAdapter, NoReport, GateFailed):
        raise
    except ServiceError as exc:  # unreachable, refused key, or an error of its own
        raise ActivationRefused(str(exc)) from None
    except (RuntimeError, ValueError, OSError) as exc:
        # Another base or chat template, adapter files missing, the engine failed loading it.
        raise ActivationRefused(f"the inference service refused: {exc}") from None
