"""Mix personas' datasets (issue 12.6): built from the sources' own kept posts and their own
time splits, the training posts token-balanced (oldest dropped first), every held-out post
kept, the mix's card as the system prompt, each row's source in its meta."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from likeness.core.db.models import Persona, Post
from likeness.core.flags import PostFlag
from likeness.core.mix import balance_by_tokens, interleave, word_tokens
from likeness.trainer.datasets import DatasetSpec, EmptyDataset, build_dataset

MIX_CARD = "You are Shrump: half rally speech, half lighthouse log."


def trump_text(i: int) -> str:
    return f"Tremendous crowd in town {i} tonight, believe me " + "TREMENDOUS " * (i % 5)


def andre_text(i: int) -> str:
    return f"Fog log {i}: lamp lit" + " quietly" * (i % 3)


@pytest.fixture
def mix(new_persona: Any) -> dict[str, Any]:
    trump = new_persona("trump")
    andre = new_persona("andre")
    ids = {"trump": [], "andre": []}
    for i in range(40):
        ids["trump"].append(trump.add(trump_text(i), day=i))
    # A repost is kept out by trump's own exclusions.
    repost = trump.add("RT someone else's words entirely", day=20.5, flags=int(PostFlag.REPOST))
    for i in range(30):
        ids["andre"].append(andre.add(andre_text(i), day=100 + i))
    shrump = new_persona("shrump", {"mix": ["trump", "andre"]})
    with Session(shrump.db) as session, session.begin():
        session.execute(update(Persona).where(Persona.slug == "shrump").values(card=MIX_CARD))
    return {"db": shrump.db, "ids": ids, "repost": repost}


def splits(db: Engine, slug: str) -> dict[str, str]:
    with Session(db) as session:
        query = select(Post.id, Post.split).join(Persona, Persona.id == Post.persona_id)
        query = query.where(Persona.slug == slug)
        return dict(session.execute(query).all())


def words(rows: list[dict[str, Any]], source: str) -> int:
    return sum(
        word_tokens(r["messages"][-1]["content"]) for r in rows if r["meta"]["source"] == source
    )


def test_a_mix_dataset_is_token_balanced_and_keeps_every_held_out_post(
    mix: dict[str, Any], tmp_path: Path
) -> None:
    db = mix["db"]
    spec = DatasetSpec(kind="persona-chat", persona="shrump", heldout_fraction=0.2)
    dataset = build_dataset(db, spec, tmp_path)
    train, heldout = list(dataset.rows("train")), list(dataset.rows("heldout"))

    # Each source was split on its own (the newest 20% of each held out).
    trump_split, andre_split = splits(db, "trump"), splits(db, "andre")
    assert sum(s == "heldout" for s in trump_split.values()) == 9  # ceil(0.2 * 41)
    assert sum(s == "heldout" for s in andre_split.values()) == 6

    # Every row names its source; the system prompt is the mix persona's own card.
    assert {r["meta"]["source"] for r in train} == {"trump", "andre"}
    assert all(r["messages"][0]["content"].startswith(MIX_CARD) for r in [*train, *heldout])
    assert mix["repost"] not in {r["meta"]["post_id"] for r in [*train, *heldout]}

    # andre (the smaller source) is kept whole; trump is cut to about andre's word total,
    # dropping its oldest posts first.
    andre_train = [pid for pid in mix["ids"]["andre"] if andre_split[pid] == "train"]
    trump_train = [pid for pid in mix["ids"]["trump"] if trump_split[pid] == "train"]
    kept = {r["meta"]["post_id"] for r in train}
    assert set(andre_train) <= kept
    kept_trump = [pid for pid in trump_train if pid in kept]
    assert kept_trump == trump_train[-len(kept_trump) :]  # the newest ones
    andre_words, trump_words = words(train, "andre"), words(train, "trump")
    longest = max(word_tokens(trump_text(i)) for i in range(40))
    assert trump_words <= andre_words < trump_words + longest
    assert abs(trump_words - andre_words) / andre_words < 0.15
    print(
        f"\nbalanced: andre {len(andre_train)} posts / {andre_words} words (whole); trump "
        f"{len(kept_trump)} of {len(trump_train)} training posts / {trump_words} words"
    )

    # Held-out rows: every held-out post of every source, untouched (not balanced).
    held = {r["meta"]["post_id"]: r["meta"]["source"] for r in heldout}
    expected = {pid: "trump" for pid, s in trump_split.items() if s == "heldout"}
    expected |= {pid: "andre" for pid, s in andre_split.items() if s == "heldout"}
    expected.pop(mix["repost"], None)
    assert held == expected

    # The same build again is the same dataset; completion rows carry the source too.
    assert build_dataset(db, spec, tmp_path).sha256 == dataset.sha256
    completion = build_dataset(db, spec.model_copy(update={"kind": "persona-completion"}), tmp_path)
    assert {r["meta"]["source"] for r in completion.rows("train")} == {"trump", "andre"}
    assert completion.train_rows == dataset.train_rows


def test_the_content_hash_follows_the_mix(
    mix: dict[str, Any], new_persona: Any, tmp_path: Path
) -> None:
    db = mix["db"]
    spec = DatasetSpec(kind="persona-chat", persona="shrump")
    before = build_dataset(db, spec, tmp_path)
    mags = new_persona("mags")
    for i in range(20):
        mags.add(f"Mags writes note {i} about the kettle and the rain", day=200 + i)
    set_mix(db, ["trump", "mags"])
    after = build_dataset(db, spec, tmp_path)
    assert after.sha256 != before.sha256 and after.dir != before.dir
    assert {r["meta"]["source"] for r in after.rows("train")} == {"trump", "mags"}


def test_a_limit_keeps_the_sources_balanced(mix: dict[str, Any], tmp_path: Path) -> None:
    spec = DatasetSpec(kind="persona-completion", persona="shrump", limit=10)
    rows = list(build_dataset(mix["db"], spec, tmp_path).rows("train"))
    sources = [r["meta"]["source"] for r in rows]
    assert len(rows) == 10 and {"trump", "andre"} == set(sources)


def test_what_a_mix_cannot_be_built_from(
    mix: dict[str, Any], new_persona: Any, tmp_path: Path
) -> None:
    db = mix["db"]
    with pytest.raises(EmptyDataset, match="essays are not mixed"):
        build_dataset(db, DatasetSpec(kind="persona-essay", persona="shrump"), tmp_path)
    new_persona("empty")
    set_mix(db, ["trump", "empty"])
    with pytest.raises(EmptyDataset, match="mix persona 'shrump', source 'empty': no posts"):
        build_dataset(db, DatasetSpec(kind="persona-chat", persona="shrump"), tmp_path)


def test_balancing_and_interleaving_on_plain_lists() -> None:
    groups = {"a": ["x " * 5, "x " * 5, "x " * 5, "x " * 5], "b": ["y " * 3, "y " * 4]}
    balanced = balance_by_tokens(groups, word_tokens)
    assert balanced == {"a": ["x " * 5], "b": groups["b"]}  # 5 <= 7 < 10: oldest dropped
    assert balance_by_tokens({"a": [], "b": ["y"]}, word_tokens) == {"a": [], "b": []}
    mixed = interleave({"a": ["a1 a1", "a2 a2"], "b": ["b1", "b2", "b3", "b4"]}, word_tokens)
    assert mixed == ["b1", "a1 a1", "b2", "b3", "a2 a2", "b4"]


def set_mix(db: Engine, sources: list[str]) -> None:
    with Session(db) as session, session.begin():
        query = update(Persona).where(Persona.slug == "shrump")
        session.execute(query.values(settings={"mix": sources}))
