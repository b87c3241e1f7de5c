"""The model registry: the ``models`` table, owned here. The trainer registers what it trained,
inference activates and serves it, and both go through these functions.

    model_id = register(db, NewModel(kind=ModelKind.PERSONA_LORA, persona="alice",
                                     base_model="Qwen/Qwen2.5-0.5B-Instruct",
                                     adapter_path="/data/runs/x/adapter", ...))
    list_models(db, persona="alice")        # [ModelInfo], oldest first
    get_model(db, model_id)                 # ModelInfo, or ModelNotFound
    activate(db, model_id)                  # the one active model of its persona and kind
    active_model(db, "alice", ModelKind.PERSONA_LORA)   # ModelInfo | None
    active_model(db, "alice", ModelKind.NORMALIZER)     # the persona's normaliser, if any
    newest_model(db, "alice", ModelKind.REWARD)          # its newest reward model, if any
    trained_prompt_version(db, model_id)    # the normaliser prompt a normalizer was trained on

A persona has two independent slots: its persona adapter (``persona-lora``, what chat and post
generation run through) and its normaliser (``normalizer``, what proposals and batch
normalisation run through). Activating a model fills the slot of its kind and never touches the
other one.

Activation here changes the database only; checking that the running engine can serve an adapter
(same base model and chat template, files loadable) is the inference service's job
(``likeness.inference.activation``), done before it calls ``activate``.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import Engine, Select, select, update
from sqlalchemy.orm import Session

from likeness.core.db.models import Model, Persona
from likeness.core.errors import ModelNotFound
from likeness.core.personas import persona_id
from likeness.core.prompts import NORMALIZER_PROMPT_VERSIONS
from likeness.core.reports import latest_metrics, numbers

__all__ = [
    "ACTIVATABLE",
    "ModelInfo",
    "ModelKind",
    "ModelNotFound",
    "NewModel",
    "NotAnAdapter",
    "activatable",
    "activate",
    "active_model",
    "get_model",
    "list_models",
    "newest_model",
    "register",
    "require_activatable",
    "trained_prompt_version",
]


class ModelKind(StrEnum):
    """What a registered model is; stored as its value in ``models.kind``."""

    PERSONA_LORA = "persona-lora"  # a persona adapter, served by inference
    PERSONA_FULL = "persona-full"  # a full fine-tune of the base for a persona
    NORMALIZER = "normalizer"  # rewrites posts into the normalised corpus
    REWARD = "reward"  # scores normaliser outputs (RL recipes)
    SCRATCH = "scratch"  # a small model trained from nothing


#: The kinds that can be made active, each in a slot of its own per persona: the persona
#: adapter (chat, posts) and the persona's normaliser (proposals, batch normalisation).
ACTIVATABLE = frozenset({ModelKind.PERSONA_LORA, ModelKind.NORMALIZER})

#: The prompt version of a normaliser whose config records none: it was trained before models
#: recorded their prompt version, when v1 was the only normaliser prompt.
UNRECORDED_PROMPT_VERSION = "normalizer-v1"


class NotAnAdapter(ValueError):
    """The model cannot be activated: not an adapter of an activatable kind (a reward or scratch
    model), without a persona or adapter files, or a normaliser trained on a prompt version
    this code does not know."""


@dataclass(slots=True)
class NewModel:
    """What the trainer knows about a model it is about to register."""

    kind: ModelKind | str
    persona: str  # "" for a model of no persona
    base_model: str
    adapter_path: str | None
    chat_template_sha256: str = ""
    tokenizer_sha256: str = ""
    dataset_sha256: str = ""
    config: dict[str, Any] = field(default_factory=dict)
    metrics: dict[str, Any] = field(default_factory=dict)
    id: str = field(default_factory=lambda: uuid.uuid4().hex)


@dataclass(slots=True)
class ModelInfo:
    """A registered model as every service and client sees it."""

    id: str
    persona: str
    kind: str
    base_model: str
    adapter_path: str
    chat_template_sha256: str
    dataset_sha256: str
    active: bool
    metrics: dict[str, float] = field(default_factory=dict)
    #: the figures of its newest report card (``likeness.core.reports``; empty: none yet)
    report: dict[str, float] = field(default_factory=dict)
    served_now: bool = False  # loaded into the running engine (said by inference only)


def _info(model: Model, persona: str | None) -> ModelInfo:
    return ModelInfo(
        id=model.id,
        persona=persona or "",
        kind=model.kind,
        base_model=model.base_model,
        adapter_path=model.adapter_path or "",
        chat_template_sha256=model.chat_template_sha256,
        dataset_sha256=model.dataset_sha256,
        active=model.active,
        metrics={k: float(v) for k, v in model.metrics.items() if isinstance(v, int | float)},
    )


def _with_persona() -> Select[tuple[Model, str | None]]:
    return select(Model, Persona.slug).outerjoin(Persona, Model.persona_id == Persona.id)


def register(db: Engine, model: NewModel) -> str:
    """Add the model to the registry, inactive; returns its id. Raises PersonaNotFound."""
    with Session(db) as session, session.begin():
        owner = persona_id(session, model.persona) if model.persona else None
        session.add(
            Model(
                id=model.id,
                persona_id=owner,
                kind=str(model.kind),
                base_model=model.base_model,
                adapter_path=model.adapter_path,
                chat_template_sha256=model.chat_template_sha256,
                tokenizer_sha256=model.tokenizer_sha256,
                dataset_sha256=model.dataset_sha256,
                config=model.config,
                metrics=model.metrics,
                active=False,
            )
        )
    return model.id


def list_models(
    db: Engine, persona: str | None = None, kind: ModelKind | str | None = None
) -> list[ModelInfo]:
    """The registered models, oldest first, optionally of one persona and/or kind."""
    query = _with_persona()
    if persona:
        query = query.where(Persona.slug == persona)
    if kind:
        query = query.where(Model.kind == str(kind))
    with Session(db) as session:
        rows = session.execute(query.order_by(Model.created_at)).all()
        found = [_info(model, slug) for model, slug in rows]
    reports = latest_metrics(db, [info.id for info in found])
    for info in found:
        info.report = numbers(reports.get(info.id, {}))
    return found


def get_model(db: Engine, model_id: str) -> ModelInfo:
    """The model with this id; raises ModelNotFound."""
    with Session(db) as session:
        row = session.execute(_with_persona().where(Model.id == model_id)).first()
        if row is None:
            raise ModelNotFound(f"no model {model_id!r}")
        info = _info(row[0], row[1])
    info.report = numbers(latest_metrics(db, [model_id]).get(model_id, {}))
    return info


def require_activatable(info: ModelInfo) -> None:
    """Raise NotAnAdapter unless ``info`` can be made its persona's active model of its kind
    (a persona adapter or a normaliser, with a persona and adapter files)."""
    if info.kind not in ACTIVATABLE:
        raise NotAnAdapter(
            f"model {info.id!r} is a {info.kind}, not a persona adapter or a normaliser"
        )
    if not info.persona or not info.adapter_path:
        raise NotAnAdapter(f"model {info.id!r} has no persona or no adapter files to serve")


def trained_prompt_version(db: Engine, model_id: str) -> str:
    """The normaliser prompt version ``model_id`` was trained on (``config["prompt_version"]``,
    written by the trainer from its dataset); a normaliser must be served with exactly that
    prompt. Raises ModelNotFound, or NotAnAdapter for a version this code cannot render."""
    with Session(db) as session:
        config = session.scalar(select(Model.config).where(Model.id == model_id))
    if config is None:
        raise ModelNotFound(f"no model {model_id!r}")
    version = str(config.get("prompt_version") or UNRECORDED_PROMPT_VERSION)
    if version not in NORMALIZER_PROMPT_VERSIONS:
        known = ", ".join(NORMALIZER_PROMPT_VERSIONS)
        raise NotAnAdapter(
            f"model {model_id!r} was trained on normaliser prompt {version!r}, which this "
            f"version of likeness cannot render (known: {known})"
        )
    return version


def activatable(db: Engine, model_id: str) -> ModelInfo:
    """The model, if it can be activated: ``require_activatable``, and for a normaliser a prompt
    version it can be served with. Raises ModelNotFound or NotAnAdapter."""
    info = get_model(db, model_id)
    require_activatable(info)
    if info.kind == ModelKind.NORMALIZER:
        trained_prompt_version(db, model_id)
    return info


def activate(db: Engine, model_id: str) -> ModelInfo:
    """Make the model the one active model of its persona and kind, in the database only: a
    normaliser replaces the persona's normaliser, a persona adapter its persona adapter, and
    neither touches the other slot.

    Raises ModelNotFound or NotAnAdapter (then nothing changed). A running inference service
    picks the change up the next time it resolves the persona (if it runs with LoRA), any other
    one when it starts.
    """
    info = activatable(db, model_id)
    with Session(db) as session, session.begin():
        owner = session.scalar(select(Model.persona_id).where(Model.id == model_id))
        session.execute(
            update(Model)
            .where(Model.persona_id == owner, Model.kind == info.kind, Model.id != model_id)
            .values(active=False)
        )
        session.execute(update(Model).where(Model.id == model_id).values(active=True))
    info.active = True
    return info


def active_model(db: Engine, persona: str, kind: ModelKind | str) -> ModelInfo | None:
    """The persona's active model of ``kind``, if it has one."""
    query = _with_persona().where(
        Persona.slug == persona, Model.kind == str(kind), Model.active.is_(True)
    )
    with Session(db) as session:
        row = session.execute(query.order_by(Model.created_at.desc()).limit(1)).first()
        return _info(row[0], row[1]) if row else None


def newest_model(
    db: Engine,
    persona: str,
    kind: ModelKind | str,
    accept: Callable[[Model], bool] = lambda _: True,
) -> ModelInfo | None:
    """The persona's newest model of ``kind`` with files (an ``adapter_path``) that ``accept``
    takes, active or not: what a run builds on (its reward model, its starting adapter) and
    what inference scores proposals with (the persona's newest reward model)."""
    query = _with_persona().where(
        Persona.slug == persona, Model.kind == str(kind), Model.adapter_path.is_not(None)
    )
    with Session(db) as session:
        for model, slug in session.execute(query.order_by(Model.created_at.desc())):
            if model.adapter_path and accept(model):
                return _info(model, slug)
    return None
