"""Arena pairs written as the trainer's ``arena`` job stores them, and votes on them, for tests
that need pairs without generating them.

corpus = make_persona(db, "mags")
model = add_persona_model(db, "mags")
ids = add_pairs(db, corpus, model, "real", 3)               # three held-out posts, three pairs
set_votes(db, {ids[0]: "a", ids[1]: "tie"})                  # as if someone voted them
"""

from __future__ import annotations

import random
from datetime import UTC, datetime

from persona_corpus import Corpus
from registered_models import add_model
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session

from likeness.core.arena import REAL, NewPair, store_pairs
from likeness.core.db.models import Comparison, Post


def add_persona_model(db: Engine, persona: str, *, hours_ago: float = 0.0) -> str:
    return add_model(
        db, persona, f"/runs/{persona}/final", kind="persona-lora", hours_ago=hours_ago
    )


def heldout_post(corpus: Corpus, text: str, day: float) -> str:
    """A post of ``corpus`` in the held-out split."""
    pid = corpus.add(text, day=day)
    with Session(corpus.db) as session, session.begin():
        session.execute(update(Post).where(Post.id == pid).values(split="heldout"))
    return pid


def add_pairs(
    db: Engine,
    corpus: Corpus,
    model_id: str,
    opponent: str,
    count: int,
    *,
    seed: int = 0,
    first_day: int = 100,
) -> list[str]:
    """``count`` pairs of ``model_id`` against ``opponent`` on new held-out posts (texts say
    which side and which post: ``model 0`` / ``real 0`` / ``opponent 0``); their ids."""
    pairs = []
    for n in range(count):
        real = f"the author's post {n} about tea"
        pid = heldout_post(corpus, real, first_day + n)
        other = real if opponent == REAL else f"{opponent[:6]} answer {n}"
        pairs.append(
            NewPair(
                pid, f"Write a post about tea {n}", model_id, f"model answer {n}", opponent, other
            )
        )
    return store_pairs(db, corpus.slug, pairs, rng=random.Random(seed))


def set_votes(db: Engine, votes: dict[str, str], annotator: str = "ann") -> None:
    """Store ``votes`` (pair id -> a | b | tie | both_bad) directly."""
    with Session(db) as session, session.begin():
        for pair_id, vote in votes.items():
            session.execute(
                update(Comparison)
                .where(Comparison.id == pair_id)
                .values(vote=vote, annotator=annotator, voted_at=datetime.now(UTC))
            )


def model_side(db: Engine, pair_id: str) -> str:
    """The vote that picks the model side of a pair: ``a`` or ``b``."""
    with Session(db) as session:
        pair = session.get(Comparison, pair_id)
        assert pair is not None
        return "a" if pair.a_is_model else "b"
