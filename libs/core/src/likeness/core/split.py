"""The time-based held-out split, stored on the posts themselves (``posts.split``).

    summary = assign_split(db, "alice", heldout_fraction=0.1)

The newest posts are held out: evaluation then measures what a persona model does on posts
written after everything it trained on, as it will be used. The split is decided once per post
and never revised:

- a post with no split yet is held out when it is dated at or after the cutoff, else trained on;
- the cutoff is the earliest date already held out, once anything is; before that, the date at
  the ``heldout_fraction`` quantile of all the persona's dated posts (so posts imported later
  that are newer than the cutoff are held out too, and older ones train);
- undated posts train (they cannot be placed in time);
- a held-out post never becomes a training post and a training post never becomes held out,
  whatever the fraction of a later build: nothing a model was evaluated on leaks into a
  later training set.

It lives in core because two services split the same way: the trainer before it builds a
dataset, and the labeler before it exports labels (the same rows land in the same split).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import CursorResult, Engine, Update, func, select, update
from sqlalchemy.orm import Session

from likeness.core.db.models import Post
from likeness.core.personas import persona_id as lookup_persona_id

TRAIN = "train"
HELDOUT = "heldout"
# The newest fraction held out when a caller names none (dataset specs, the labeler's export).
DEFAULT_HELDOUT_FRACTION = 0.1


@dataclass(frozen=True, slots=True)
class SplitSummary:
    persona: str
    cutoff: datetime | None  # posts dated at or after it are held out (None: none are)
    train: int  # the persona's training posts, after this call
    heldout: int  # its held-out posts, after this call
    newly_train: int  # posts this call assigned
    newly_heldout: int


def _quantile_cutoff(session: Session, persona_id: int, fraction: float) -> datetime | None:
    dated = Post.created_at.is_not(None)
    total = session.scalar(
        select(func.count()).select_from(Post).where(Post.persona_id == persona_id, dated)
    )
    total = total or 0
    # At least one post held out once there is something to hold out, and at least one left
    # to train on; the epsilon keeps 0.3 * 10 (3.0000000000000004) from rounding up to 4.
    count = min(math.ceil(fraction * total - 1e-9), total - 1)
    if count <= 0:
        return None
    cutoff = session.scalar(
        select(Post.created_at)
        .where(Post.persona_id == persona_id, dated)
        .order_by(Post.created_at.desc())
        .offset(count - 1)
        .limit(1)
    )
    oldest = session.scalar(select(func.min(Post.created_at)).where(Post.persona_id == persona_id))
    if cutoff is not None and cutoff == oldest:
        # Everything shares the oldest date: hold out only what is strictly newer, if anything.
        cutoff = session.scalar(
            select(func.min(Post.created_at)).where(
                Post.persona_id == persona_id, Post.created_at > oldest
            )
        )
    return cutoff


def _updated(session: Session, statement: Update) -> int:
    result = session.execute(statement.execution_options(synchronize_session=False))
    assert isinstance(result, CursorResult)
    return result.rowcount


def assign_split(db: Engine, persona: str, heldout_fraction: float) -> SplitSummary:
    """Give every post of ``persona`` without a split one (see the module docstring)."""
    if not 0 <= heldout_fraction < 1:
        raise ValueError(f"heldout_fraction must be in [0, 1), not {heldout_fraction}")
    with Session(db) as session, session.begin():
        persona_id = lookup_persona_id(session, persona)
        mine = Post.persona_id == persona_id
        cutoff = session.scalar(
            select(func.min(Post.created_at)).where(mine, Post.split == HELDOUT)
        )
        if cutoff is None:
            cutoff = _quantile_cutoff(session, persona_id, heldout_fraction)
        unassigned = Post.split.is_(None)
        newly_heldout = 0
        if cutoff is not None:
            newly_heldout = _updated(
                session,
                update(Post)
                .where(mine, unassigned, Post.created_at.is_not(None), Post.created_at >= cutoff)
                .values(split=HELDOUT),
            )
        newly_train = _updated(session, update(Post).where(mine, unassigned).values(split=TRAIN))
        by_split = select(Post.split, func.count()).where(mine).group_by(Post.split)
        counts: dict[str | None, int] = {s: n for s, n in session.execute(by_split)}
    return SplitSummary(
        persona=persona,
        cutoff=cutoff,
        train=counts.get(TRAIN, 0),
        heldout=counts.get(HELDOUT, 0),
        newly_train=newly_train,
        newly_heldout=newly_heldout,
    )
