"""The blind arena's pairs and what their votes say (the ``comparisons`` table).

    ids = store_pairs(db, "mags", [NewPair(post_id, request, model_id, text, "real", post)])
    for row in standings(db, persona="mags"):            # one Standing per (model, opponent)
        print(row.model, row.opponent, row.win_rate, row.win_low, row.win_high)
    overall = pooled(standings(db, model="3f2a..."))      # every opponent together

The trainer's ``arena`` job stores the pairs (``store_pairs``: the side shown as A drawn at
random per pair and stored); the labeler hands them out and stores the votes
(``likeness.labeler.arena``); the report card, ``likeness arena stats`` and the labeler's
ComparisonStats read the figures from here, so each shows the same numbers.

**Win rate.** For a model against one opponent: ``(wins + ties / 2) / (wins + losses +
ties)``. A tie counts half a win; a "both bad" vote says nothing about which side is better,
so it is left out of the rate and its count is reported beside it (``both_bad``).

**Interval.** The 95% Wilson score interval of that rate (``wilson_interval``)::

    p = (wins + ties / 2) / n,  n = wins + losses + ties,  z = 1.96
    centre = (p + z² / 2n) / (1 + z² / n)
    half   = z / (1 + z² / n) · sqrt(p (1 - p) / n + z² / 4n²)
    [low, high] = [centre - half, centre + half]  (clipped to [0, 1])

Unlike p ± 1.96·sqrt(p(1-p)/n) it stays inside [0, 1] and is honest for few votes and for
rates near 0 or 1 (3 wins of 3 gives [0.44, 1], not [1, 1]). With ties counted as half a win the
"successes" may be fractional; the formula takes them as they are.

A pair of two registered models counts for both: a win of A over B is a loss of B against A.
The base model and the author's real posts are opponents only (they are not models of the
registry), so they get no row of their own.
"""

from __future__ import annotations

import math
import random
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from likeness.core.db.models import Comparison
from likeness.core.personas import persona_id

#: The opponent that is the author's own held-out post, and the one that is the model's base.
REAL = "real"
BASE = "base"
#: The votes a pair can get: A better, B better, equally good, both bad.
VOTES = ("a", "b", "tie", "both_bad")
#: z of a two-sided 95% interval.
Z95 = 1.959963984540054
#: What a stored vote means for the model side.
Outcome = Literal["win", "loss", "tie", "both_bad"]
ALL_OPPONENTS = "all"


@dataclass(frozen=True, slots=True)
class NewPair:
    """A pair to store: the model's answer and the opponent's to the request of ``post_id``."""

    post_id: str  # the held-out post whose request both answer (the real side's post)
    request: str
    model_id: str
    model_text: str
    opponent: str  # a model id, BASE or REAL
    opponent_text: str


def store_pairs(
    db: Engine,
    persona: str,
    pairs: Sequence[NewPair],
    *,
    job_id: str | None = None,
    rng: random.Random | None = None,
) -> list[str]:
    """Store ``pairs`` unvoted for ``persona``, each with its side shown as A drawn at random
    (``rng``, default the system's: nobody can learn the order from a seed); their ids.
    Raises PersonaNotFound."""
    draw = rng or random.SystemRandom()
    now = datetime.now(UTC)
    ids: list[str] = []
    with Session(db) as session, session.begin():
        owner = persona_id(session, persona)
        for pair in pairs:
            ids.append(uuid.uuid4().hex)
            session.add(
                Comparison(
                    id=ids[-1],
                    persona_id=owner,
                    job_id=job_id,
                    post_id=pair.post_id,
                    request=pair.request,
                    model_id=pair.model_id,
                    model_text=pair.model_text,
                    opponent=pair.opponent,
                    opponent_text=pair.opponent_text,
                    a_is_model=draw.random() < 0.5,
                    created_at=now,
                )
            )
    return ids


def paired_posts(db: Engine, model_id: str, opponent: str) -> set[str]:
    """The held-out posts whose requests already have a pair of this model and opponent (either
    way round), so a new batch can ask for other topics first."""
    query = select(Comparison.post_id).where(
        ((Comparison.model_id == model_id) & (Comparison.opponent == opponent))
        | ((Comparison.model_id == opponent) & (Comparison.opponent == model_id))
    )
    with Session(db) as session:
        return set(session.scalars(query))


def outcome(vote: str, a_is_model: bool) -> Outcome:
    """What a vote means for the model side of its pair."""
    if vote in ("tie", "both_bad"):
        return vote  # type: ignore[return-value]
    if vote not in ("a", "b"):
        raise ValueError(f"unknown vote {vote!r}; one of {', '.join(VOTES)}")
    return "win" if (vote == "a") == a_is_model else "loss"


def side_shown(a_is_model: bool, model_id: str, opponent: str) -> tuple[str, str]:
    """(what A was, what B was): a model id, BASE or REAL."""
    return (model_id, opponent) if a_is_model else (opponent, model_id)


def wilson_interval(successes: float, n: float, z: float = Z95) -> tuple[float, float]:
    """The Wilson score interval of ``successes / n`` (see the module docstring); (0, 1) when
    there is nothing to go on (n = 0)."""
    if n <= 0:
        return 0.0, 1.0
    p = min(max(successes / n, 0.0), 1.0)
    z2 = z * z
    denominator = 1.0 + z2 / n
    centre = (p + z2 / (2 * n)) / denominator
    half = z / denominator * math.sqrt(p * (1 - p) / n + z2 / (4 * n * n))
    return max(0.0, centre - half), min(1.0, centre + half)


@dataclass(slots=True)
class Standing:
    """A model's record against one opponent (or ``all`` of them, ``pooled``)."""

    model: str
    opponent: str
    wins: int = 0
    losses: int = 0
    ties: int = 0
    both_bad: int = 0  # voted, but not in the rate
    pending: int = 0  # not voted yet
    win_rate: float = 0.0
    win_low: float = 0.0
    win_high: float = 1.0

    @property
    def votes(self) -> int:
        """The votes the rate is made of (both_bad excluded)."""
        return self.wins + self.losses + self.ties

    def count(self, result: Outcome | None) -> None:
        if result is None:
            self.pending += 1
        elif result == "win":
            self.wins += 1
        elif result == "loss":
            self.losses += 1
        elif result == "tie":
            self.ties += 1
        else:
            self.both_bad += 1

    def settle(self) -> Standing:
        """Fill in the rate and its interval from the counts; returns itself."""
        n = self.votes
        score = self.wins + self.ties / 2
        self.win_rate = score / n if n else 0.0
        self.win_low, self.win_high = wilson_interval(score, n)
        return self


_FLIP: dict[Outcome, Outcome] = {"win": "loss", "loss": "win", "tie": "tie", "both_bad": "both_bad"}


def _records(rows: Iterable[tuple[str, str, bool, str | None]]) -> dict[tuple[str, str], Standing]:
    found: dict[tuple[str, str], Standing] = {}

    def add(model: str, opponent: str, result: Outcome | None) -> None:
        key = (model, opponent)
        if key not in found:
            found[key] = Standing(model, opponent)
        found[key].count(result)

    for model_id, opponent, a_is_model, vote in rows:
        result = outcome(vote, a_is_model) if vote else None
        add(model_id, opponent, result)
        if opponent not in (REAL, BASE):
            add(opponent, model_id, _FLIP[result] if result else None)
    return found


def standings(
    db: Engine, *, persona: str | None = None, model: str | None = None
) -> list[Standing]:
    """Every (model, opponent) record of ``persona``'s pairs (or of all personas), or only
    ``model``'s; sorted by model then opponent. Raises PersonaNotFound for an unknown persona."""
    query = select(Comparison.model_id, Comparison.opponent, Comparison.a_is_model, Comparison.vote)
    with Session(db) as session:
        if persona is not None:
            query = query.where(Comparison.persona_id == persona_id(session, persona))
        if model is not None:
            query = query.where((Comparison.model_id == model) | (Comparison.opponent == model))
        rows = [tuple(row) for row in session.execute(query)]
    records = _records(rows)  # type: ignore[arg-type]
    chosen = [s for s in records.values() if model is None or s.model == model]
    return [s.settle() for s in sorted(chosen, key=lambda s: (s.model, s.opponent))]


def pooled(rows: Sequence[Standing], model: str | None = None) -> Standing | None:
    """One model's record against every opponent together (``opponent`` = ``all``); None when
    ``rows`` hold none of it. ``model`` defaults to the first row's."""
    if not rows:
        return None
    who = model or rows[0].model
    total = Standing(who, ALL_OPPONENTS)
    mine = [row for row in rows if row.model == who]
    if not mine:
        return None
    for row in mine:
        total.wins += row.wins
        total.losses += row.losses
        total.ties += row.ties
        total.both_bad += row.both_bad
        total.pending += row.pending
    return total.settle()
