"""A persona with posts and judgments written straight into the database, for dataset tests.

corpus = make_persona(db, "mags")
pid = corpus.add("The fog came in early.", day=3)
corpus.judge(pid, "accept", chosen="The fog came in early.")
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from sqlalchemy import Engine, update
from sqlalchemy.orm import Session

from likeness.core.db.models import Judgment, Persona, Post, Proposal
from likeness.core.ids import post_id

CARD = "Mags. Short sentences, dry humour, no emoji."
DAY0 = datetime(2021, 1, 1, 12, 0, tzinfo=UTC)


@dataclass
class Corpus:
    db: Engine
    slug: str
    persona_id: int
    card: str = CARD

    def add(
        self,
        text: str,
        *,
        day: float | None,
        flags: int = 0,
        platform: str = "mastodon",
        normalized: str | None = None,
        approved: bool = False,
        external_id: str | None = None,
        extra: dict[str, Any] | None = None,
    ) -> str:
        external = external_id or uuid.uuid4().hex
        pid = post_id(self.slug, platform, external)
        with Session(self.db) as session, session.begin():
            session.add(
                Post(
                    id=pid,
                    persona_id=self.persona_id,
                    platform=platform,
                    external_id=external,
                    created_at=None if day is None else DAY0 + timedelta(days=day),
                    raw_text=text,
                    clean_text=text,
                    normalized_text=normalized,
                    normalized_approved=approved,
                    flags=flags,
                    extra=extra or {},
                )
            )
        return pid

    def set_clean_text(self, pid: str, text: str) -> None:
        with Session(self.db) as session, session.begin():
            session.execute(update(Post).where(Post.id == pid).values(clean_text=text))

    def judge(
        self,
        pid: str,
        action: str,
        chosen: str = "",
        rejected: Sequence[str] = (),
        *,
        annotator: str = "ann",
        minute: int = 0,
        proposal_id: str | None = None,
        undone: bool = False,
    ) -> str:
        """A judgment (``proposal_id``: the proposal an edit started from; ``undone``: taken
        back by Undo)."""
        jid = uuid.uuid4().hex
        when = DAY0 + timedelta(days=400, minutes=minute)
        with Session(self.db) as session, session.begin():
            session.add(
                Judgment(
                    id=jid,
                    persona_id=self.persona_id,
                    post_id=pid,
                    annotator=annotator,
                    action=action,
                    chosen=chosen,
                    rejected=list(rejected),
                    proposal_id=proposal_id,
                    undone_at=when + timedelta(seconds=30) if undone else None,
                    created_at=when,
                )
            )
        return jid

    def propose(self, pid: str, text: str, *, position: int = 0) -> str:
        """A stored proposal for the post; its id, for ``judge(..., proposal_id=...)``."""
        proposal = uuid.uuid4().hex
        with Session(self.db) as session, session.begin():
            session.add(
                Proposal(
                    id=proposal,
                    persona_id=self.persona_id,
                    post_id=pid,
                    position=position,
                    text=text,
                )
            )
        return proposal


def make_persona(db: Engine, slug: str, settings: dict[str, Any] | None = None) -> Corpus:
    with Session(db) as session, session.begin():
        persona = Persona(slug=slug, display_name=slug.title(), card=CARD, settings=settings or {})
        session.add(persona)
        session.flush()
        persona_id = persona.id
    return Corpus(db, slug, persona_id)
