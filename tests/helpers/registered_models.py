"""Rows in the ``models`` table as finished runs leave them, for tests that look models up.

add_model(db, "alice", "/runs/r1/final", recipe="normalizer-sft", hours_ago=2)
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from likeness.core.db.models import Model, Persona


def add_model(
    db: Engine,
    persona: str,
    path: str,
    *,
    kind: str = "normalizer",
    base: str = "base",
    template: str = "",
    recipe: str | None = None,
    hours_ago: float = 0.0,
) -> str:
    """A model of the (existing) persona, registered ``hours_ago``; returns its id."""
    model_id = uuid.uuid4().hex
    with Session(db) as session, session.begin():
        persona_id = session.query(Persona.id).filter_by(slug=persona).scalar()
        session.add(
            Model(
                id=model_id,
                persona_id=persona_id,
                kind=kind,
                base_model=base,
                adapter_path=path,
                chat_template_sha256=template,
                config={} if recipe is None else {"recipe": recipe},
                created_at=datetime.now(UTC) - timedelta(hours=hours_ago),
            )
        )
    return model_id
