"""Personas as the inference service serves them: the card (system prompt) and active persona
adapter (the persona's normaliser is ``likeness.inference.normalizers``'s)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine as DbEngine
from sqlalchemy import select
from sqlalchemy.orm import Session

from likeness.core.db.models import Model, Persona
from likeness.core.errors import PersonaNotFound
from likeness.core.personas import get_persona
from likeness.core.registry import ModelKind
from likeness.inference.activation import adapter_info
from likeness.inference.engines.base import AdapterInfo

#: The kinds of adapter the inference service serves: persona adapters and normalisers.
SERVED_ADAPTER_KINDS = (ModelKind.PERSONA_LORA, ModelKind.NORMALIZER)

__all__ = [
    "PersonaNotFound",
    "ServedPersona",
    "any_active_adapter",
    "list_personas",
    "load_persona",
]


@dataclass(frozen=True, slots=True)
class ServedPersona:
    slug: str
    display_name: str
    card: str
    adapter: AdapterInfo | None  # the persona's active adapter, if one is trained and active


def load_persona(db: DbEngine, slug: str) -> ServedPersona:
    with Session(db) as session:
        persona = get_persona(session, slug)
        model = session.scalar(
            select(Model).where(
                Model.persona_id == persona.id,
                Model.active.is_(True),
                Model.kind == ModelKind.PERSONA_LORA,
            )
        )
        return ServedPersona(
            slug=persona.slug,
            display_name=persona.display_name,
            card=persona.card,
            adapter=adapter_info(model) if model is not None and model.adapter_path else None,
        )


def list_personas(db: DbEngine) -> list[ServedPersona]:
    with Session(db) as session:
        slugs = list(session.scalars(select(Persona.slug).order_by(Persona.slug)))
    return [load_persona(db, slug) for slug in slugs]


def any_active_adapter(db: DbEngine) -> bool:
    """Whether some persona has an active adapter, a persona adapter or a normaliser (the
    engine then needs LoRA enabled).

    LoRA costs base throughput (on the CPU build, base traffic must also go through an
    all-zero adapter to stay correct), so engines start without it when nothing needs it.
    """
    with Session(db) as session:
        found = session.scalar(
            select(Model.id)
            .where(Model.active.is_(True), Model.kind.in_(SERVED_ADAPTER_KINDS))
            .limit(1)
        )
    return found is not None
