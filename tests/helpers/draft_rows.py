"""Drafts written straight into the table, as the inference service's GeneratePosts writes them.

ids = add_drafts(db, persona_id, ["one", "two"])      # pending, one minute apart, oldest first
add_drafts(db, persona_id, ["one"], ids=["a1" * 16])  # fixed ids (snapshots)
"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from likeness.core.db.models import Draft

T0 = datetime(2026, 1, 1, 12, 0, tzinfo=UTC)


def add_drafts(
    db: Engine, persona_id: int, texts: list[str], *, start: int = 0, ids: list[str] | None = None
) -> list[str]:
    """Drafts one minute apart from ``T0 + start`` minutes (the first oldest), pending, with a
    model id and a topic; their ids (``ids``, default random) in the same order."""
    ids = list(ids) if ids is not None else [uuid.uuid4().hex for _ in texts]
    with Session(db) as session, session.begin():
        session.add_all(
            Draft(
                id=draft_id,
                persona_id=persona_id,
                model_id="base-model",
                topic="the sea",
                text=text,
                state="pending",
                created_at=T0 + timedelta(minutes=start + n),
            )
            for n, (draft_id, text) in enumerate(zip(ids, texts, strict=True))
        )
    return ids


def draft_states(db: Engine, ids: list[str]) -> list[str]:
    """The stored state of each draft, in the order of ``ids``."""
    with Session(db) as session:
        found = dict(session.execute(select(Draft.id, Draft.state).where(Draft.id.in_(ids))).all())
    return [found[i] for i in ids]
