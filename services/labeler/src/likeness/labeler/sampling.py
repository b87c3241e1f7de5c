"""Which post a label task offers next, so that every label counts.

Candidates are the persona's *kept* posts (no flag of its exclude mask) that have no standing
decision (a judgment neither undone nor a skip), that nobody holds (no ``open`` task), and that
the asking annotator has not skipped (a skip sends a post back to the others, never to the one
who skipped it).

Spread: posts are grouped into strata by (platform, year). The next post comes from the stratum
with the fewest labels *relative to its size* (labels plus posts held right now, over the
stratum's kept posts; ties go to the larger stratum, then by name), and inside it a post is drawn
at random (``rng``, seedable for tests). So a small platform or a quiet year is labeled in
proportion instead of being drowned by the largest one.

Priority: among the posts of that stratum, those whose proposals teach the normaliser most.
Two signals say so. *Disagreement* (``disagreement``): how far the proposals are from each
other (mean pairwise normalised edit distance) — the normaliser itself is unsure what the post
should become. *Uncertainty* (``uncertainty``), once the persona has a reward model (inference
scores every proposal with it): how little the reward model can tell the best two proposals
apart. From the two best rewards r1 >= r2 it is ``2 * (1 - sigmoid(r1 - r2))``: 1 when they tie
(a label settles what the reward model cannot), towards 0 when one proposal is clearly best (a
label would mostly confirm it); None with fewer than two scores. The two are combined as

    priority = disagreement                               without rewards
    priority = (disagreement + uncertainty) / 2           with them

Both lie in [0, 1], so the mean weighs them alike, and with equal disagreement a post where the
reward model is unsure comes before one where it is sure (and with equal uncertainty, the one
whose proposals disagree more). Unscored proposals (no reward model yet, or a stored task
scored by none) keep their plain disagreement, which is on the same scale.

``pick_candidates`` returns a small pool: the stratum's post whose stored proposals (a released
task, see ``likeness.labeler.tasks``) have the highest priority, then a few random ones. The
task builder generates proposals for the random ones, computes every member's priority and
keeps the highest; the others are released with their proposals (and rewards), so the best of
everything scored so far stays in the running at no cost. (Comparing only against the last
round's loser would be no better than a blind draw.)
"""

from __future__ import annotations

import math
import random
from collections.abc import Collection, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

from rapidfuzz.distance import Levenshtein
from sqlalchemy import ColumnElement, Select, case, extract, func, select
from sqlalchemy.orm import Session

from likeness.core.db.models import Judgment, LabelTask, Persona, Post
from likeness.core.flags import exclude_mask
from likeness.labeler.types import Action

OPEN, RELEASED = "open", "released"


def disagreement(texts: Sequence[str]) -> float:
    """Mean pairwise normalised Levenshtein distance among the distinct texts (0 = all agree,
    1 = nothing in common); fewer than two distinct texts disagree on nothing."""
    distinct = list(dict.fromkeys(texts))
    if len(distinct) < 2:
        return 0.0
    pairs = list(combinations(distinct, 2))
    return sum(Levenshtein.normalized_distance(a, b) for a, b in pairs) / len(pairs)


def uncertainty(rewards: Sequence[float | None]) -> float | None:
    """How unsure the reward model is between the proposals: ``2 * (1 - sigmoid(r1 - r2))``
    over the two best scores r1 >= r2 (1 = cannot tell them apart, towards 0 = one is clearly
    best); None with fewer than two scores (unscored texts are left out)."""
    scores = sorted((r for r in rewards if r is not None), reverse=True)
    if len(scores) < 2:
        return None
    gap = scores[0] - scores[1]
    # 2 * (1 - sigmoid(gap)) == 2 / (1 + e^gap); exp overflows past ~709, where it is 0 anyway.
    return 0.0 if gap > 700 else 2.0 / (1.0 + math.exp(gap))


def priority(disagreement: float, uncertainty: float | None) -> float:
    """Which pool member is kept (see the module docstring): the disagreement, or with rewards
    the mean of disagreement and uncertainty."""
    if uncertainty is None:
        return disagreement
    return (disagreement + uncertainty) / 2


def stored_priority() -> ColumnElement[float]:
    """``priority`` of a stored task, in SQL (for picking the best released one)."""
    return case(
        (LabelTask.uncertainty.is_(None), LabelTask.disagreement),
        else_=(LabelTask.disagreement + LabelTask.uncertainty) / 2,
    )


def kept(persona: Persona) -> ColumnElement[bool]:
    """The persona's posts that may be trained on (no flag of its exclude mask)."""
    return (Post.persona_id == persona.id) & (
        Post.flags.op("&")(exclude_mask(persona.settings)) == 0
    )


def labeled_posts(persona_id: int) -> Select[str]:
    """Posts with a standing decision: a judgment that is not undone and not a skip."""
    return select(Judgment.post_id).where(
        Judgment.persona_id == persona_id,
        Judgment.undone_at.is_(None),
        Judgment.action != Action.SKIP.value,
    )


def skipped_by(persona_id: int, annotator: str) -> Select[str]:
    return select(Judgment.post_id).where(
        Judgment.persona_id == persona_id,
        Judgment.annotator == annotator,
        Judgment.action == Action.SKIP.value,
        Judgment.undone_at.is_(None),
    )


def held_posts(persona_id: int) -> Select[str]:
    """Posts leased to someone now (``expire_leases`` has turned the run-out leases)."""
    return select(LabelTask.post_id).where(
        LabelTask.persona_id == persona_id, LabelTask.state == OPEN
    )


def _year() -> ColumnElement[Any]:
    return extract("year", Post.created_at)


def _available(persona: Persona, annotator: str, avoid: Collection[str]) -> ColumnElement[bool]:
    condition = (
        kept(persona)
        & Post.id.not_in(labeled_posts(persona.id))
        & Post.id.not_in(held_posts(persona.id))
        & Post.id.not_in(skipped_by(persona.id, annotator))
    )
    if avoid:
        condition = condition & Post.id.not_in(list(avoid))
    return condition


@dataclass(frozen=True, slots=True)
class Stratum:
    platform: str
    year: int | None
    size: int  # kept posts
    taken: int  # labeled or held now
    available: int  # what this annotator may be offered

    @property
    def ratio(self) -> float:
        return self.taken / self.size if self.size else 1.0

    def contains(self) -> ColumnElement[bool]:
        year = _year()
        same_year = Post.created_at.is_(None) if self.year is None else year == self.year
        return (Post.platform == self.platform) & same_year


def strata(
    session: Session, persona: Persona, annotator: str, *, avoid: Collection[str] = ()
) -> list[Stratum]:
    """Every (platform, year) of the persona's kept posts with its size, labels and what is
    left for ``annotator``."""
    year = _year()
    labeled = Post.id.in_(labeled_posts(persona.id))
    held = Post.id.in_(held_posts(persona.id))
    query = (
        select(
            Post.platform,
            year,
            func.count(),
            func.sum(case((labeled | held, 1), else_=0)),
            func.sum(case((_available(persona, annotator, avoid), 1), else_=0)),
        )
        .where(kept(persona))
        .group_by(Post.platform, year)
    )
    return [
        Stratum(platform, None if y is None else int(y), size, int(taken or 0), int(avail or 0))
        for platform, y, size, taken, avail in session.execute(query)
    ]


def choose_stratum(found: Sequence[Stratum]) -> Stratum | None:
    """The stratum with the fewest labels relative to its size that still has a post to offer."""
    open_ = [s for s in found if s.available > 0]
    if not open_:
        return None
    return min(open_, key=lambda s: (s.ratio, -s.size, s.platform, s.year or 0))


@dataclass(frozen=True, slots=True)
class Candidate:
    post_id: str
    # A released task of this post whose stored proposals may be reused (None: generate).
    released_task: str | None = None
    drawn: bool = True  # a random draw; False: the stratum's best stored proposals


def pick_candidates(
    session: Session,
    persona: Persona,
    annotator: str,
    *,
    fresh: int = 2,
    stored: int = 1,
    rng: random.Random | None = None,
    avoid: Collection[str] = (),
) -> list[Candidate]:
    """Posts of the neediest stratum for ``annotator``: the ``stored`` ones whose stored
    proposals have the highest priority, then ``fresh`` random others (which may have stored
    proposals too). Empty when nothing is left to offer."""
    rng = rng or random.Random()
    stratum = choose_stratum(strata(session, persona, annotator, avoid=avoid))
    if stratum is None:
        return []
    here = _available(persona, annotator, avoid) & stratum.contains()
    picked: list[Candidate] = []
    if stored > 0:
        best = session.execute(
            select(LabelTask.id, LabelTask.post_id)
            .join(Post, Post.id == LabelTask.post_id)
            .where(LabelTask.persona_id == persona.id, LabelTask.state == RELEASED, here)
            .order_by(stored_priority().desc(), LabelTask.created_at.desc(), LabelTask.id)
            .limit(stored)
        ).all()
        for task_id, post_id in best:
            if all(c.post_id != post_id for c in picked):
                picked.append(Candidate(post_id, task_id, drawn=False))
    taken = {c.post_id for c in picked}
    base = select(Post.id).where(here).order_by(Post.id)
    if taken:
        base = base.where(Post.id.not_in(list(taken)))
    count = max(stratum.available - len(taken), 0)
    drawn: list[str] = []
    for offset in rng.sample(range(count), min(fresh, count)):
        found = session.scalar(base.offset(offset).limit(1))
        if found is not None and found not in taken:
            taken.add(found)
            drawn.append(found)
    return picked + [Candidate(post_id, released_task_of(session, post_id)) for post_id in drawn]


def released_task_of(session: Session, post_id: str) -> str | None:
    """The newest released task of a post (its proposals are stored), if any."""
    return session.scalar(
        select(LabelTask.id)
        .where(LabelTask.post_id == post_id, LabelTask.state == RELEASED)
        .order_by(LabelTask.created_at.desc(), LabelTask.id)
        .limit(1)
    )


def remaining_query(persona: Persona) -> Select[Any]:
    """Kept posts without a standing decision (held ones included: nobody decided them yet)."""
    return select(func.count()).where(kept(persona), Post.id.not_in(labeled_posts(persona.id)))
