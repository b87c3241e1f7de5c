"""The arena's figures (``likeness.core.arena``): the Wilson interval on known values, what a
vote counts for each side, standings of both models of a pair, and the preference rows votes
become (``likeness.core.arena_rows``), on SQLite and PostgreSQL."""

from __future__ import annotations

import pytest
from arena_pairs import add_pairs, add_persona_model, model_side, set_votes
from persona_corpus import make_persona
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from likeness.core.arena import (
    REAL,
    Standing,
    outcome,
    pooled,
    standings,
    wilson_interval,
)
from likeness.core.arena_rows import arena_pref_rows
from likeness.core.chat import persona_messages
from likeness.core.dataset_rows import EmptyDataset, load_persona
from likeness.core.db.models import Comparison
from likeness.core.errors import PersonaNotFound


@pytest.mark.parametrize(
    ("successes", "n", "low", "high"),
    [
        (5, 10, 0.2366, 0.7634),  # textbook values (Wilson 1927; Newcombe 1998, table I)
        (8, 10, 0.4902, 0.9433),
        (0, 10, 0.0, 0.2775),
        (10, 10, 0.7225, 1.0),
        (3, 3, 0.4385, 1.0),
        (81, 263, 0.2553, 0.3662),
    ],
)
def test_wilson_interval_matches_known_values(
    successes: float, n: int, low: float, high: float
) -> None:
    got = wilson_interval(successes, n)
    assert got == pytest.approx((low, high), abs=1e-4)


def test_wilson_interval_without_votes_says_nothing() -> None:
    assert wilson_interval(0, 0) == (0.0, 1.0)


def test_a_vote_means_a_win_for_the_side_it_picks() -> None:
    assert outcome("a", a_is_model=True) == "win"
    assert outcome("a", a_is_model=False) == "loss"
    assert outcome("b", a_is_model=False) == "win"
    assert outcome("tie", a_is_model=True) == "tie"
    assert outcome("both_bad", a_is_model=False) == "both_bad"
    with pytest.raises(ValueError, match="unknown vote"):
        outcome("c", a_is_model=True)


def test_ties_count_half_and_both_bad_votes_are_left_out() -> None:
    record = Standing("m", REAL, wins=3, losses=1, ties=2, both_bad=4).settle()
    assert record.votes == 6
    assert record.win_rate == pytest.approx(4 / 6)  # (3 + 2/2) / (3 + 1 + 2)
    assert (record.win_low, record.win_high) == pytest.approx(wilson_interval(4, 6))


def test_standings_count_each_model_of_a_pair(engine: Engine) -> None:
    corpus = make_persona(engine, "mags")
    old = add_persona_model(engine, "mags", hours_ago=2)
    new = add_persona_model(engine, "mags")
    vs_real = add_pairs(engine, corpus, new, REAL, 4)
    vs_old = add_pairs(engine, corpus, new, old, 3, first_day=200)
    win = {p: model_side(engine, p) for p in [*vs_real, *vs_old]}
    lose = {p: "b" if side == "a" else "a" for p, side in win.items()}
    set_votes(
        engine,
        {
            vs_real[0]: win[vs_real[0]],
            vs_real[1]: lose[vs_real[1]],
            vs_real[2]: "both_bad",
            vs_old[0]: win[vs_old[0]],
            vs_old[1]: "tie",
        },
    )  # vs_real[3] and vs_old[2] wait

    rows = {(s.model, s.opponent): s for s in standings(engine, persona="mags")}
    assert set(rows) == {(new, REAL), (new, old), (old, new)}
    real = rows[(new, REAL)]
    assert (real.wins, real.losses, real.ties, real.both_bad, real.pending) == (1, 1, 0, 1, 1)
    assert real.win_rate == 0.5
    ahead, behind = rows[(new, old)], rows[(old, new)]
    assert (ahead.wins, ahead.losses, ahead.ties, ahead.pending) == (1, 0, 1, 1)
    assert (behind.wins, behind.losses, behind.ties, behind.pending) == (0, 1, 1, 1)
    assert ahead.win_rate == 0.75 and behind.win_rate == 0.25

    mine = standings(engine, model=old)
    assert [(s.model, s.opponent) for s in mine] == [(old, new)]
    overall = pooled(standings(engine, model=new))
    assert overall is not None and overall.opponent == "all"
    assert (overall.wins, overall.losses, overall.ties, overall.both_bad) == (2, 1, 1, 1)
    assert overall.win_rate == pytest.approx(2.5 / 4)
    assert pooled([]) is None
    with pytest.raises(PersonaNotFound):
        standings(engine, persona="nobody")


def test_the_side_shown_as_a_is_drawn_and_stored(engine: Engine) -> None:
    corpus = make_persona(engine, "mags")
    model = add_persona_model(engine, "mags")
    ids = add_pairs(engine, corpus, model, REAL, 40, seed=3)
    with Session(engine) as session:
        sides = list(session.scalars(select(Comparison.a_is_model).where(Comparison.id.in_(ids))))
    assert 5 < sum(sides) < 35  # both orders occur


def test_votes_for_a_side_become_preference_rows(engine: Engine) -> None:
    corpus = make_persona(engine, "mags")
    model = add_persona_model(engine, "mags")
    with pytest.raises(EmptyDataset, match="no arena votes"):
        arena_pref_rows(engine, load_persona(engine, "mags"))
    ids = add_pairs(engine, corpus, model, REAL, 4)
    model_wins = model_side(engine, ids[0])
    real_wins = "b" if model_side(engine, ids[1]) == "a" else "a"
    set_votes(engine, {ids[0]: model_wins, ids[1]: real_wins, ids[2]: "tie", ids[3]: "both_bad"})

    built = arena_pref_rows(engine, load_persona(engine, "mags"))
    assert built.train == []  # arena requests come from held-out posts
    first, second = built.heldout
    prompt = persona_messages(
        corpus.card, [{"role": "user", "content": "Write a post about tea 0"}]
    )
    assert first["prompt"] == prompt
    assert first["chosen"] == [{"role": "assistant", "content": "model answer 0"}]
    assert first["rejected"] == [{"role": "assistant", "content": "the author's post 0 about tea"}]
    assert first["meta"]["chosen_side"] == model and first["meta"]["rejected_side"] == REAL
    assert first["meta"]["comparison_id"] == ids[0] and first["meta"]["annotator"] == "ann"
    assert second["chosen"][0]["content"] == "the author's post 1 about tea"
    assert second["rejected"][0]["content"] == "model answer 1"
    assert second["meta"]["chosen_side"] == REAL
