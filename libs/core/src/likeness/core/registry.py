"""The model registry: the ``models`` table, owned here. The trainer registers what it trained,
inference activates and serves it, and both go through these functions.

    model_id = register(db, NewModel(kind=ModelKind.PERSONA_LORA, persona="alice",
                                     base_model="Qwen/Qwen2.5-0.5B-Instruct",
                                     adapter_path="/data/runs/x/adapter", ...))
    list_models(db, persona="alice")        # [ModelInfo], oldest first
    get_model(db, model_id)                 # ModelInfo, or ModelNotFound
    activate(db, model_id)                  # the one active model of its persona and kind
    active_model(db, "alice", ModelKind.PERSONA_LORA)   # ModelInfo | None

Activation here changes the database only; checking that the running engine can serve an adapter
(same base model and chat template, files loadable) is the inference service's job
(``likeness.inference.activation``), done before it calls ``activate``.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from sqlalchemy import Engine, Select, select, update
from sqlalchemy.orm import Session

from likeness.core.db.models import Model, Persona
from likeness.core.errors import ModelNotFound
from likeness.core.personas import persona_id

__all__ = [
    "ACTIVATABLE",
    "ModelInfo",
    "ModelKind",
    "ModelNotFound",
    "NewModel",
    "NotAnAdapter",
    "activate",
    "active_model",
    "get_model",
    "list_models",
    "register",
    "require_activatable",
]


class ModelKind(StrEnum):
    """What a registered model is; stored as its value in ``models.kind``."""

    PERSONA_LORA = "persona-lora"  # a persona adapter, served by inference
    PERSONA_FULL = "persona-full"  # a full fine-tune of the base for a persona
    NORMALIZER = "normalizer"  # rewrites posts into the normalised corpus
    REWARD = "reward"  # scores normaliser outputs (RL recipes)
    SCRATCH = "scratch"  # a small model trained from nothing


#: The kinds that can be made active (served for their persona).
ACTIVATABLE = frozenset({ModelKind.PERSONA_LORA})


class NotAnAdapter(ValueError):
    """The model cannot be activated: not a persona adapter (a normaliser, reward or scratch
    model), or without a persona or adapter files."""


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
        return [_info(model, slug) for model, slug in rows]


def get_model(db: Engine, model_id: str) -> ModelInfo:
    """The model with this id; raises ModelNotFound."""
    with Session(db) as session:
        row = session.execute(_with_persona().where(Model.id == model_id)).first()
        if row is None:
            raise ModelNotFound(f"no model {model_id!r}")
        return _info(row[0], row[1])


def require_activatable(info: ModelInfo) -> None:
    """Raise NotAnAdapter unless ``info`` can be made its persona's active model."""
    if info.kind not in ACTIVATABLE or not info.persona or not info.adapter_path:
        raise NotAnAdapter(f"model {info.id!r} is a {info.kind}, not a persona adapter")


def activate(db: Engine, model_id: str) -> ModelInfo:
    """Make the model the one active model of its persona and kind, in the database only.

    Raises ModelNotFound or NotAnAdapter (then nothing changed). A running inference service
    picks the change up the next time it resolves the persona (if it runs with LoRA), any other
    one when it starts.
    """
    info = get_model(db, model_id)
    require_activatable(info)
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
