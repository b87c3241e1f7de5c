"""Trained models as the inference service sees them: listing, and activating a persona adapter.

Activation checks the adapter against the served base model and chat template first (nothing
changes if it does not fit), loads it into the running engine and marks it the persona's one
active adapter. A vLLM engine started without LoRA (no adapter was active when it started)
restarts itself with LoRA enabled for the first one (``VllmEngine.enable_lora``).
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from sqlalchemy import Engine as DbEngine
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from likeness.core.db.models import Model, Persona
from likeness.inference.engines.base import AdapterInfo, Engine, check_adapter_fits

logger = logging.getLogger(__name__)
PERSONA_ADAPTER = "persona-lora"


class ModelNotFound(LookupError):
    """No model with that id."""


class NotAnAdapter(ValueError):
    """The model is not a persona adapter (a normaliser, reward or scratch model)."""


@dataclass(slots=True)
class ModelInfo:
    id: str
    persona: str
    kind: str
    base_model: str
    adapter_path: str
    chat_template_sha256: str
    dataset_sha256: str
    active: bool
    metrics: dict[str, float] = field(default_factory=dict)
    served_now: bool = False  # loaded into the running engine


def _info(model: Model, persona: str) -> ModelInfo:
    return ModelInfo(
        id=model.id,
        persona=persona,
        kind=model.kind,
        base_model=model.base_model,
        adapter_path=model.adapter_path or "",
        chat_template_sha256=model.chat_template_sha256,
        dataset_sha256=model.dataset_sha256,
        active=model.active,
        metrics={k: float(v) for k, v in model.metrics.items() if isinstance(v, int | float)},
    )


def adapter_info(model: Model) -> AdapterInfo:
    """The engine-side description of a persona adapter (the name the engine knows it by)."""
    return AdapterInfo(
        name=f"persona-{model.id}",
        path=model.adapter_path or "",
        base_model=model.base_model,
        chat_template_sha256=model.chat_template_sha256,
    )


def list_models(db: DbEngine, persona: str | None = None) -> list[ModelInfo]:
    with Session(db) as session:
        query = select(Model, Persona.slug).outerjoin(Persona, Model.persona_id == Persona.id)
        if persona:
            query = query.where(Persona.slug == persona)
        rows = session.execute(query.order_by(Model.created_at)).all()
        return [_info(model, slug or "") for model, slug in rows]


def _adapter_row(db: DbEngine, model_id: str) -> tuple[Model, str]:
    """The model and its persona's slug, if it is a persona adapter that can be activated."""
    with Session(db) as session:
        row = session.execute(
            select(Model, Persona.slug)
            .outerjoin(Persona, Model.persona_id == Persona.id)
            .where(Model.id == model_id)
        ).first()
    if row is None:
        raise ModelNotFound(f"no model {model_id!r}")
    model, slug = row
    if model.kind != PERSONA_ADAPTER or model.persona_id is None or not model.adapter_path:
        raise NotAnAdapter(f"model {model_id!r} is a {model.kind}, not a persona adapter")
    return model, slug or ""


def mark_active(db: DbEngine, model_id: str) -> ModelInfo:
    """Make the adapter its persona's one active adapter, in the database only.

    No engine is involved: a running inference service picks it up the next time it resolves
    the persona (if it runs with LoRA), any other one when it starts.
    """
    model, slug = _adapter_row(db, model_id)
    with Session(db) as session, session.begin():
        session.execute(
            update(Model)
            .where(Model.persona_id == model.persona_id, Model.kind == PERSONA_ADAPTER)
            .values(active=False)
        )
        session.execute(update(Model).where(Model.id == model_id).values(active=True))
    info = _info(model, slug)
    info.active = True
    return info


async def activate_model(db: DbEngine, engine: Engine, model_id: str) -> ModelInfo:
    model, _slug = _adapter_row(db, model_id)
    adapter = adapter_info(model)
    check_adapter_fits(adapter, engine.model_id, engine.chat_template_sha256)
    await engine.load_adapter(adapter)
    info = mark_active(db, model_id)
    info.served_now = True
    return info
