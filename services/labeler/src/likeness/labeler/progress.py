"""How far labeling has come for a persona, and how fast each annotator goes.

Only standing decisions count: an undone judgment is gone from every figure. ``labeled`` counts
posts with a standing accept / edit / own / reject; skips are no label (they show up only in
``by_action["skip"]``).

Labels per minute: an annotator's last ``RATE_WINDOW`` labels (skips excluded) over their
*active* time: the gaps between consecutive labels, each capped at ``IDLE_GAP`` (a coffee break
is not labeling time), plus the time spent on the first of them (its ``seconds_spent``, capped
likewise). The persona's rate is the sum of the rates of annotators who labeled within the last
``ACTIVE_WINDOW`` (those labeling now).
"""

from __future__ import annotations

from collections import Counter
from datetime import datetime, timedelta
from itertools import pairwise

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from likeness.core.db.models import Judgment
from likeness.core.db.models import LabelTask as TaskRow
from likeness.core.personas import get_persona
from likeness.labeler.sampling import remaining_query
from likeness.labeler.tasks import OPEN, aware, utcnow
from likeness.labeler.types import Action, AnnotatorProgress, LabelProgress

RATE_WINDOW = 30
IDLE_GAP = timedelta(minutes=5)
ACTIVE_WINDOW = timedelta(minutes=30)


def labels_per_minute(times: list[datetime], first_seconds: float) -> float:
    """Labels over active minutes for labels made at ``times`` (oldest first); see the module
    docstring. 0 when there is no active time to speak of."""
    if not times:
        return 0.0
    active = min(timedelta(seconds=max(first_seconds, 0.0)), IDLE_GAP)
    for before, after in pairwise(times):
        active += min(after - before, IDLE_GAP)
    minutes = active.total_seconds() / 60.0
    return len(times) / minutes if minutes > 0 else 0.0


def label_progress(db: Engine, persona: str, *, now: datetime | None = None) -> LabelProgress:
    """Labeled and remaining posts, decisions by action, per-annotator pace, tasks held now.

    Raises PersonaNotFound."""
    moment = now or utcnow()
    with Session(db) as session:
        found = get_persona(session, persona)
        rows = session.execute(
            select(
                Judgment.annotator,
                Judgment.action,
                Judgment.post_id,
                Judgment.created_at,
                Judgment.seconds_spent,
            )
            .where(Judgment.persona_id == found.id, Judgment.undone_at.is_(None))
            .order_by(Judgment.created_at, Judgment.id)
        ).all()
        left = int(session.scalar(remaining_query(found)) or 0)
        held = int(
            session.scalar(
                select(func.count()).where(
                    TaskRow.persona_id == found.id,
                    TaskRow.state == OPEN,
                    TaskRow.lease_expires_at > moment,
                )
            )
            or 0
        )
    by_action = Counter(action for _, action, _, _, _ in rows)
    labeled_posts = {post for _, action, post, _, _ in rows if action != Action.SKIP}
    annotators: list[AnnotatorProgress] = []
    total_rate = 0.0
    for name in sorted({annotator for annotator, *_ in rows}):
        mine = [row for row in rows if row[0] == name]
        labels = [row for row in mine if row[1] != Action.SKIP]
        recent = labels[-RATE_WINDOW:]
        times = [aware(row[3]) or moment for row in recent]
        rate = labels_per_minute(times, recent[0][4] if recent else 0.0)
        last_at = aware(mine[-1][3]) if mine else None
        if last_at is not None and moment - last_at <= ACTIVE_WINDOW and labels:
            total_rate += rate
        annotators.append(
            AnnotatorProgress(
                annotator=name,
                labeled=len(labels),
                labels_per_minute=rate,
                last_at=last_at,
                by_action=dict(Counter(row[1] for row in mine)),
            )
        )
    return LabelProgress(
        persona=found.slug,
        labeled=len(labeled_posts),
        remaining=left,
        by_action=dict(by_action),
        annotators=annotators,
        labels_per_minute=total_rate,
        open_tasks=held,
    )
