"""The held-out split: newest posts held out, decided once, never flipped by a later build."""

from __future__ import annotations

from datetime import UTC, timedelta

import pytest
from persona_corpus import DAY0, make_persona
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from likeness.core.db.models import Post
from likeness.core.errors import PersonaNotFound
from likeness.core.split import assign_split


def splits(db: Engine) -> dict[str, str | None]:
    with Session(db) as session:
        return dict(session.execute(select(Post.id, Post.split)).all())


def test_the_newest_fraction_of_dated_posts_is_held_out(engine: Engine) -> None:
    mags = make_persona(engine, "mags")
    ids = [mags.add("text", day=day) for day in range(10)]
    undated = mags.add("text", day=None)
    summary = assign_split(engine, "mags", 0.3)
    split = splits(engine)
    assert [split[i] for i in ids] == ["train"] * 7 + ["heldout"] * 3
    assert split[undated] == "train"
    assert (summary.train, summary.heldout) == (8, 3)
    assert (summary.newly_train, summary.newly_heldout) == (8, 3)
    assert summary.cutoff is not None and summary.cutoff.replace(tzinfo=UTC) == DAY0 + timedelta(
        days=7
    )


def test_a_post_once_held_out_is_never_trained_on(engine: Engine) -> None:
    mags = make_persona(engine, "mags")
    ids = [mags.add("text", day=day) for day in range(10)]
    assign_split(engine, "mags", 0.2)
    held = {i for i, s in splits(engine).items() if s == "heldout"}
    assert held == set(ids[8:])
    # New imports, newer and older than the held-out posts, and a build asking for none held out.
    newer = mags.add("text", day=30)
    between = mags.add("text", day=8.5)
    older = mags.add("text", day=-5)
    summary = assign_split(engine, "mags", 0.0)
    split = splits(engine)
    assert {i for i in held if split[i] == "heldout"} == held
    assert split[newer] == split[between] == "heldout"  # at or after the first held-out date
    assert split[older] == "train"
    assert all(split[i] == "train" for i in ids[:8])
    assert (summary.newly_heldout, summary.newly_train) == (2, 1)
    # A larger fraction later does not move training posts either.
    assign_split(engine, "mags", 0.9)
    assert splits(engine) == split


def test_training_posts_stay_training_posts(engine: Engine) -> None:
    mags = make_persona(engine, "mags")
    ids = [mags.add("text", day=day) for day in range(5)]
    assign_split(engine, "mags", 0.0)
    assert set(splits(engine).values()) == {"train"}
    newest = mags.add("text", day=10)
    summary = assign_split(engine, "mags", 0.5)
    split = splits(engine)
    assert all(split[i] == "train" for i in ids)
    assert split[newest] == "heldout"
    assert (summary.train, summary.heldout) == (5, 1)


def test_something_is_left_to_train_on(engine: Engine) -> None:
    mags = make_persona(engine, "mags")
    alone = mags.add("text", day=1)
    assign_split(engine, "mags", 0.5)
    assert splits(engine)[alone] == "train"
    # Posts that all share one date cannot be split by time: they all train.
    other = make_persona(engine, "twins")
    same = [other.add("text", day=3) for _ in range(4)]
    assign_split(engine, "twins", 0.5)
    assert {splits(engine)[i] for i in same} == {"train"}


def test_only_the_persona_s_own_unassigned_posts_change(engine: Engine) -> None:
    mags, bob = make_persona(engine, "mags"), make_persona(engine, "bob")
    bobs = [bob.add("text", day=day) for day in range(4)]
    mags.add("text", day=1)
    with Session(engine) as session, session.begin():
        session.execute(update(Post).where(Post.id == bobs[0]).values(split="heldout"))
    assign_split(engine, "mags", 0.5)
    split = splits(engine)
    assert [split[i] for i in bobs] == ["heldout", None, None, None]


def test_unknown_persona_and_bad_fraction(engine: Engine) -> None:
    with pytest.raises(PersonaNotFound):
        assign_split(engine, "nobody", 0.1)
    make_persona(engine, "mags")
    with pytest.raises(ValueError, match="heldout_fraction"):
        assign_split(engine, "mags", 1.0)
