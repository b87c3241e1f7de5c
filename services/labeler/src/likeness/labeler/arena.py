"""The blind arena's votes: a pair of answers shown as A and B, one vote each, and the standings.

    pair = next_comparison(db, "mags", "ann")            # leased to ann; texts as A and B only
    result = vote(db, pair.comparison_id, "ann", "a")     # stored at once; then what A and B were
    stats = arena_stats(db, "mags")                       # win rates with 95% intervals

The pairs are made by the trainer's ``arena`` job (``likeness arena --persona X --against
MODEL|base|real``) and stored by ``likeness.core.arena.store_pairs`` with the side shown as A
drawn at random. A pair is shown as its request and two texts, never with where they came from;
the vote's answer says it (``a_was`` / ``b_was``), once the vote is stored.

Leases, as label tasks have them: ``next_comparison`` gives an annotator their unvoted pair back
(``resumed``), else takes the oldest unvoted pair nobody holds (or whose holder's lease ran out)
with a conditional UPDATE, so two people never vote the same pair at once. ``vote`` is one
transaction that starts with a conditional UPDATE (the pair is the annotator's and has no vote),
so a retried or doubled Vote never stores a second one: it is ``AlreadyVoted``. A vote after the
lease ran out still counts while nobody else took the pair; once someone did, it is refused
(``LeaseExpired``).

The win rates and their Wilson intervals are ``likeness.core.arena``'s (ties count half, "both
bad" votes are reported apart), the same figures the report card shows.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta

from sqlalchemy import Engine, func, or_, select, update
from sqlalchemy.orm import Session

from likeness.core.arena import VOTES, Standing, side_shown, standings
from likeness.core.db.models import Comparison
from likeness.core.personas import persona_id
from likeness.labeler.errors import (
    AlreadyVoted,
    ComparisonNotFound,
    InvalidVote,
    LabelerError,
    LeaseExpired,
    NothingToCompare,
)
from likeness.labeler.tasks import aware, changed, check_annotator, transaction, utcnow

_ROUNDS = 20  # pairs tried when concurrent annotators keep taking the one picked


@dataclass(frozen=True, slots=True)
class ComparisonView:
    """A pair as a voter sees it: the request and the two texts, nothing about their source."""

    comparison_id: str
    persona: str
    annotator: str
    request: str
    text_a: str
    text_b: str
    lease_expires_at: datetime
    resumed: bool = False  # the annotator's pair from before (not a new one)
    remaining: int = 0  # unvoted pairs of the persona, this one included


@dataclass(frozen=True, slots=True)
class VoteResult:
    comparison_id: str
    vote: str
    a_was: str  # a model id, "base" or "real"
    b_was: str
    voted: int  # the annotator's votes for the persona so far


@dataclass(slots=True)
class ArenaStats:
    persona: str
    matchups: list[Standing] = field(default_factory=list)
    voted: int = 0
    pending: int = 0


def _remaining(session: Session, owner: int) -> int:
    return int(
        session.scalar(
            select(func.count()).where(Comparison.persona_id == owner, Comparison.vote.is_(None))
        )
        or 0
    )


def _view(session: Session, pair: Comparison, persona: str, *, resumed: bool) -> ComparisonView:
    model_first = (pair.model_text, pair.opponent_text)
    text_a, text_b = model_first if pair.a_is_model else model_first[::-1]
    return ComparisonView(
        comparison_id=pair.id,
        persona=persona,
        annotator=pair.annotator or "",
        request=pair.request,
        text_a=text_a,
        text_b=text_b,
        lease_expires_at=aware(pair.lease_expires_at) or utcnow(),
        resumed=resumed,
        remaining=_remaining(session, pair.persona_id),
    )


def next_comparison(
    db: Engine,
    persona: str,
    annotator: str,
    *,
    lease_s: float = 900.0,
    now: datetime | None = None,
) -> ComparisonView:
    """The annotator's unvoted pair (``resumed``), else the oldest free one, leased to them for
    ``lease_s`` seconds from now. Raises PersonaNotFound, NothingToCompare, ValueError for an
    empty annotator."""
    who = check_annotator(annotator)
    moment = now or utcnow()
    expires = moment + timedelta(seconds=lease_s)
    with Session(db) as session:
        owner = persona_id(session, persona)
    unvoted = (Comparison.persona_id == owner) & Comparison.vote.is_(None)
    free = or_(Comparison.annotator.is_(None), Comparison.lease_expires_at <= moment)
    for _ in range(_ROUNDS):
        with Session(db) as session:
            held = session.scalar(
                select(Comparison.id)
                .where(unvoted, Comparison.annotator == who)
                .order_by(Comparison.shown_at.desc(), Comparison.created_at, Comparison.id)
                .limit(1)
            )
            picked = held or session.scalar(
                select(Comparison.id)
                .where(unvoted, free)
                .order_by(Comparison.created_at, Comparison.id)
                .limit(1)
            )
        if picked is None:
            raise NothingToCompare(
                f"no arena pair of persona {persona!r} waits for a vote: queue some with "
                f"`likeness arena --persona {persona} --against real` (or another model)"
            )

        def take(
            session: Session, picked: str = picked, resumed: bool = picked == held
        ) -> ComparisonView | None:
            taken = session.execute(
                update(Comparison)
                .where(
                    Comparison.id == picked,
                    Comparison.vote.is_(None),
                    or_(Comparison.annotator == who, free),
                )
                .values(annotator=who, lease_expires_at=expires, shown_at=moment)
                .execution_options(synchronize_session=False)
            )
            if changed(taken) != 1:
                return None  # voted or taken by someone else meanwhile: pick again
            pair = session.get(Comparison, picked)
            assert pair is not None
            return _view(session, pair, persona, resumed=resumed)

        shown = transaction(db, take)
        if shown is not None:
            return shown
    raise NothingToCompare(f"could not hold an arena pair for {who!r}: others kept taking them")


def _refusal(session: Session, comparison_id: str, annotator: str) -> LabelerError:
    """Why the conditional UPDATE of a vote changed nothing."""
    pair = session.get(Comparison, comparison_id)
    if pair is None:
        return ComparisonNotFound(f"no arena pair {comparison_id!r}")
    if pair.vote is not None:
        return AlreadyVoted(
            f"arena pair {pair.id} already has a vote ({pair.vote}); nothing was stored twice"
        )
    if pair.annotator is None:
        return ComparisonNotFound(
            f"arena pair {pair.id} is not leased to {annotator!r}: ask for the next pair"
        )
    return LeaseExpired(
        f"your lease on arena pair {pair.id} ran out and another annotator holds it now: "
        "ask for the next pair"
    )


def vote(
    db: Engine,
    comparison_id: str,
    annotator: str,
    choice: str,
    *,
    seconds_spent: float | None = None,
    now: datetime | None = None,
) -> VoteResult:
    """Store the annotator's vote (``a``, ``b``, ``tie`` or ``both_bad``) on a pair they hold,
    in one transaction. Raises InvalidVote, ComparisonNotFound, AlreadyVoted, LeaseExpired,
    ValueError for an empty annotator."""
    if choice not in VOTES:
        raise InvalidVote(f"unknown vote {choice!r}; one of {', '.join(VOTES)}")
    if seconds_spent is not None and seconds_spent < 0:
        raise InvalidVote(f"seconds_spent cannot be negative ({seconds_spent})")
    who = check_annotator(annotator)
    moment = now or utcnow()

    def work(session: Session) -> VoteResult:
        shown = session.scalar(select(Comparison.shown_at).where(Comparison.id == comparison_id))
        since = aware(shown)
        seconds = seconds_spent
        if seconds is None:
            seconds = max((moment - since).total_seconds(), 0.0) if since else 0.0
        taken = session.execute(
            update(Comparison)
            .where(
                Comparison.id == comparison_id,
                Comparison.annotator == who,
                Comparison.vote.is_(None),
            )
            .values(vote=choice, voted_at=moment, seconds_spent=seconds)
            .execution_options(synchronize_session=False)
        )
        if changed(taken) != 1:
            raise _refusal(session, comparison_id, who)
        pair = session.get(Comparison, comparison_id)
        assert pair is not None
        a_was, b_was = side_shown(pair.a_is_model, pair.model_id, pair.opponent)
        voted = session.scalar(
            select(func.count()).where(
                Comparison.persona_id == pair.persona_id,
                Comparison.annotator == who,
                Comparison.vote.is_not(None),
            )
        )
        return VoteResult(pair.id, choice, a_was, b_was, int(voted or 0))

    return transaction(db, work)


def arena_stats(db: Engine, persona: str, model: str | None = None) -> ArenaStats:
    """Every (model, opponent) record of the persona's pairs, or those of the models whose id
    starts with ``model``, with the persona's voted and waiting pairs. Raises PersonaNotFound."""
    rows = standings(db, persona=persona)
    if model:
        rows = [row for row in rows if row.model.startswith(model)]
    with Session(db) as session:
        owner = persona_id(session, persona)
        total = int(session.scalar(select(func.count()).where(Comparison.persona_id == owner)) or 0)
        pending = _remaining(session, owner)
    return ArenaStats(persona=persona, matchups=rows, voted=total - pending, pending=pending)
