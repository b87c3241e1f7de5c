"""Persona datasets from the database: rows, held-out split, hashes, files, exports, errors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from likeness.core.chat import persona_messages, render_chat
from likeness.core.db.models import Dataset, Post
from likeness.core.errors import PersonaNotFound
from likeness.core.flags import PostFlag
from likeness.core.prompts import is_post_request, persona_post_request
from likeness.trainer.datasets import BuiltDataset, DatasetSpec, EmptyDataset, build_dataset
from likeness.trainer.datasets.persona import QUESTION_TEMPLATES
from likeness.trainer.topics import extract_topics, extract_topics_yake, topics_phrase

TEXTS = [
    "Walked the dog along the Thames this morning. Fog everywhere.",
    "The new library in Leeds has a reading room with a glass roof.",
    "Made sourdough again. The starter is called Gerald.",
    "Three hours of rain and the garden finally looks alive.",
    "Finished the crossword before the kettle boiled. A personal best.",
    "Bus was late. Wrote a poem about the bus being late.",
    "Tried the Italian place on Market Street. Excellent pesto.",
    "Snow in April. The tulips look betrayed.",
    "Read three chapters of Middlemarch on the train home.",
    "Cat knocked the plant off the windowsill at 4am. Again.",
]


def spec(kind: str = "persona-chat", **options: Any) -> DatasetSpec:
    return DatasetSpec(kind=kind, persona="mags", **options)  # type: ignore[arg-type]


def read_jsonl(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def post_ids(dataset: BuiltDataset, split: str) -> list[str]:
    return [row["meta"]["post_id"] for row in dataset.rows(split)]  # type: ignore[arg-type]


def fill(corpus: Any, texts: list[str] = TEXTS) -> list[str]:
    return [corpus.add(text, day=i) for i, text in enumerate(texts)]


def test_chat_rows_are_the_serving_prompt_with_topics_and_the_post(
    corpus: Any, tmp_path: Path, tiny_tokenizer: Any
) -> None:
    ids = fill(corpus)
    with Session(corpus.db) as session, session.begin():
        session.get(Post, ids[0]).normalized_text = "Walked the dog by the Thames. Fog everywhere."  # type: ignore[union-attr]
    # every row the post request, its topics found by the builtin extractor (the defaults mix
    # in questions and use yake: the tests below)
    plain = spec(heldout_fraction=0.2, topic_extractor="builtin", question_share=0)
    dataset = build_dataset(corpus.db, plain, tmp_path)
    rows = {row["meta"]["post_id"]: row for row in dataset.rows("train")}
    assert dataset.train_rows == 8 and dataset.heldout_rows == 2
    # The normalised text wins over the cleaned one; otherwise the cleaned text is used.
    assert rows[ids[0]]["messages"][-1] == {
        "role": "assistant",
        "content": "Walked the dog by the Thames. Fog everywhere.",
    }
    assert rows[ids[1]]["messages"][-1]["content"] == TEXTS[1]
    for row in rows.values():
        _system, user, answer = row["messages"]
        request = persona_post_request(topics_phrase(extract_topics(answer["content"])))
        assert user == {"role": "user", "content": request}
        assert row["messages"][:2] == persona_messages(corpus.card, [user])
        # What the model is trained on is exactly what serving renders for the same request.
        assert render_chat(tiny_tokenizer, row["messages"][:2]) == render_chat(
            tiny_tokenizer, persona_messages(corpus.card, [user])
        )
    assert rows[ids[0]]["messages"][1]["content"].startswith("Write a post about ")
    assert "Thames" in rows[ids[0]]["messages"][1]["content"]


def test_flagged_essays_and_short_posts_stay_out(
    corpus: Any, new_persona: Any, tmp_path: Path
) -> None:
    kept = corpus.add("A perfectly ordinary post about soup.", day=1)
    repost = corpus.add("RT @someone: not my words", day=2, flags=int(PostFlag.REPOST))
    reply = corpus.add("@friend agreed, the soup was cold", day=3, flags=int(PostFlag.REPLY))
    short = corpus.add("ok", day=4)
    blank = corpus.add("   ", day=5)
    essay = corpus.add("A long essay paragraph.", day=6, platform="essay", external_id="doc:0")
    built = build_dataset(corpus.db, spec(heldout_fraction=0, min_chars=3), tmp_path)
    assert set(post_ids(built, "train")) == {kept, reply}
    everything = build_dataset(
        corpus.db, spec(heldout_fraction=0, min_chars=3, kept_only=False), tmp_path
    )
    assert set(post_ids(everything, "train")) == {kept, reply, repost}
    assert short not in post_ids(everything, "train") and blank not in post_ids(everything, "train")
    assert essay not in post_ids(everything, "train")
    # A persona's own exclusion list replaces the default one.
    bob = new_persona("bob", {"exclude_flags": ["reply"]})
    bob_repost = bob.add("RT @x: kept for bob", day=1, flags=int(PostFlag.REPOST))
    bob.add("@x a reply bob excludes", day=2, flags=int(PostFlag.REPLY))
    bob_built = build_dataset(
        corpus.db,
        DatasetSpec(kind="persona-completion", persona="bob", heldout_fraction=0),
        tmp_path,
    )
    assert post_ids(bob_built, "train") == [bob_repost]


def test_heldout_posts_never_leak_into_training_across_rebuilds(
    corpus: Any, tmp_path: Path
) -> None:
    ids = fill(corpus)
    first = build_dataset(corpus.db, spec(heldout_fraction=0.2), tmp_path)
    held = set(post_ids(first, "heldout"))
    assert held == set(ids[-2:])
    # Newer posts, an older one, an undated one; and a later build asks for less held out.
    newer = [corpus.add(f"Newer post number {i} about kites.", day=100 + i) for i in range(2)]
    older = corpus.add("An old post about the seaside.", day=-30)
    undated = corpus.add("A post with no date about owls.", day=None)
    second = build_dataset(corpus.db, spec(heldout_fraction=0.0), tmp_path)
    train, heldout = set(post_ids(second, "train")), set(post_ids(second, "heldout"))
    assert not train & heldout
    assert held <= heldout and not held & train
    assert set(newer) <= heldout
    assert {older, undated} <= train
    assert set(ids[:-2]) <= train  # training posts stay training posts too
    # Other kinds read the same split.
    completion = build_dataset(corpus.db, spec("persona-completion"), tmp_path)
    assert set(post_ids(completion, "heldout")) == heldout


def test_hash_is_stable_across_rebuilds_and_follows_the_text(corpus: Any, tmp_path: Path) -> None:
    ids = fill(corpus)
    first = build_dataset(corpus.db, spec(), tmp_path)
    again = build_dataset(corpus.db, spec(), tmp_path)
    assert (again.id, again.sha256, again.dir) == (first.id, first.sha256, first.dir)
    assert len(first.id) == 32 and len(first.sha256) == 64
    assert first.dir == tmp_path / "datasets" / "mags" / f"persona-chat-{first.sha256[:12]}"
    with Session(corpus.db) as session:
        assert session.scalar(select(func.count()).select_from(Dataset)) == 1
    corpus.set_clean_text(ids[3], "Three hours of rain and the garden finally looks ALIVE.")
    changed = build_dataset(corpus.db, spec(), tmp_path)
    assert changed.sha256 != first.sha256 and changed.id != first.id
    assert changed.dir != first.dir and first.dir.is_dir()
    with Session(corpus.db) as session:
        stored = {d.id: d for d in session.scalars(select(Dataset))}
    assert set(stored) == {first.id, changed.id}
    row = stored[changed.id]
    assert (row.kind, row.content_sha256, row.path) == (
        "persona-chat",
        changed.sha256,
        str(changed.dir),
    )
    assert (row.train_rows, row.heldout_rows) == (changed.train_rows, changed.heldout_rows)
    assert row.spec == spec().model_dump(mode="json")
    # No temporary folders left behind.
    assert sorted(p.name for p in first.dir.parent.iterdir()) == sorted(
        [first.dir.name, changed.dir.name]
    )


def test_exports_parse_and_have_the_right_shapes(corpus: Any, tmp_path: Path) -> None:
    fill(corpus)
    chat = build_dataset(corpus.db, spec(heldout_fraction=0.2), tmp_path)
    files = {p.name for p in chat.dir.iterdir()}
    assert files == {
        "train.jsonl",
        "heldout.jsonl",
        "train.trl.jsonl",
        "heldout.trl.jsonl",
        "train.openai.jsonl",
        "heldout.openai.jsonl",
        "spec.json",
        "dataset.json",
    }
    train = list(chat.rows("train"))
    assert all(set(r) == {"messages", "meta"} for r in train)
    assert all(set(r["meta"]) == {"post_id", "created_at"} for r in train)
    assert train[0]["meta"]["created_at"] == "2021-01-01T12:00:00+00:00"
    trl = read_jsonl(chat.dir / "train.trl.jsonl")
    assert trl == [{"messages": r["messages"]} for r in train]
    openai = read_jsonl(chat.dir / "train.openai.jsonl")
    assert openai == trl
    assert [m["role"] for m in openai[0]["messages"]] == ["system", "user", "assistant"]
    assert len(read_jsonl(chat.dir / "heldout.trl.jsonl")) == chat.heldout_rows == 2
    assert DatasetSpec.model_validate_json((chat.dir / "spec.json").read_text()) == spec(
        heldout_fraction=0.2
    )
    info = json.loads((chat.dir / "dataset.json").read_text())
    assert (info["id"], info["sha256"], info["train_rows"]) == (chat.id, chat.sha256, 8)

    text = build_dataset(corpus.db, spec("persona-completion"), tmp_path)
    assert not (text.dir / "train.openai.jsonl").exists()
    assert read_jsonl(text.dir / "train.trl.jsonl") == [
        {"text": t} for t in TEXTS[: text.train_rows]
    ]


def test_limit_keeps_the_newest_training_rows(corpus: Any, tmp_path: Path) -> None:
    ids = fill(corpus)
    dataset = build_dataset(corpus.db, spec(heldout_fraction=0.2, limit=3), tmp_path)
    assert post_ids(dataset, "train") == ids[5:8]
    assert post_ids(dataset, "heldout") == ids[8:]


def test_rows_are_ordered_by_date_then_id(corpus: Any, tmp_path: Path) -> None:
    same_day = [corpus.add(f"Same day post {i} about herons.", day=5) for i in range(4)]
    first = corpus.add("The first post about herons.", day=1)
    undated = corpus.add("An undated post about herons.", day=None)
    dataset = build_dataset(corpus.db, spec("persona-completion", heldout_fraction=0), tmp_path)
    assert post_ids(dataset, "train") == [undated, first, *sorted(same_day)]


def test_essays_are_rechunked_at_paragraph_boundaries(corpus: Any, tmp_path: Path) -> None:
    paragraphs = [f"Paragraph {i}. " + "Some words about walking. " * 6 for i in range(6)]
    paragraphs = [p.strip() for p in paragraphs]
    chunks = ["\n\n".join(paragraphs[:3]), "\n\n".join(paragraphs[3:])]
    essay_ids = [
        corpus.add(
            text,
            day=3,
            platform="essay",
            external_id=f"abc123:{i}",
            extra={"chunk_index": i, "chunks": 2},
        )
        for i, text in enumerate(chunks)
    ]
    corpus.add("A short post, not an essay.", day=4)
    dataset = build_dataset(
        corpus.db, spec("persona-essay", heldout_fraction=0, essay_chunk_chars=400), tmp_path
    )
    rows = list(dataset.rows("train"))
    texts = [r["text"] for r in rows]
    assert all(len(t) <= 400 for t in texts)
    # Paragraphs are packed across the importer's chunks, in order, and never cut.
    assert [p for t in texts for p in t.split("\n\n")] == paragraphs
    assert len(rows) < len(paragraphs)
    assert set(rows[0]["meta"]["post_ids"]) <= set(essay_ids)
    assert any(len(r["meta"]["post_ids"]) == 2 for r in rows)
    assert read_jsonl(dataset.dir / "train.trl.jsonl") == [{"text": t} for t in texts]


def test_a_paragraph_longer_than_a_chunk_is_split_at_sentences(corpus: Any, tmp_path: Path) -> None:
    long = " ".join(f"Sentence {i} is here." for i in range(60))
    corpus.add(long, day=1, platform="essay", external_id="d:0")
    dataset = build_dataset(
        corpus.db, spec("persona-essay", heldout_fraction=0, essay_chunk_chars=200), tmp_path
    )
    texts = [r["text"] for r in dataset.rows("train")]
    assert all(len(t) <= 200 for t in texts) and len(texts) > 1
    assert all(t.endswith(".") for t in texts)
    assert " ".join(texts) == long


def test_empty_datasets_say_why(engine: Engine, corpus: Any, tmp_path: Path) -> None:
    with pytest.raises(EmptyDataset, match="no posts for persona 'mags': import"):
        build_dataset(engine, spec(), tmp_path)
    corpus.add("RT @x: somebody else's words", day=1, flags=int(PostFlag.REPOST))
    with pytest.raises(EmptyDataset, match="exclude") as caught:
        build_dataset(engine, spec(), tmp_path)
    assert isinstance(caught.value, ValueError) and "repost" in str(caught.value)
    with pytest.raises(EmptyDataset, match="no essays"):
        build_dataset(engine, spec("persona-essay"), tmp_path)
    with pytest.raises(PersonaNotFound):
        build_dataset(engine, DatasetSpec(kind="persona-chat", persona="nobody"), tmp_path)
    assert not (tmp_path / "datasets").exists()


def test_a_question_share_of_training_posts_is_asked_as_a_question_about_its_topics(
    corpus: Any, tmp_path: Path
) -> None:
    texts = [f"{TEXTS[i % len(TEXTS)]} Day {i} of the diary, about Leeds." for i in range(60)]
    fill(corpus, texts)
    plain = build_dataset(
        corpus.db, spec(heldout_fraction=0.2, question_share=0), tmp_path / "plain"
    )
    mixed = build_dataset(
        corpus.db, spec(heldout_fraction=0.2, question_share=0.5), tmp_path / "mixed"
    )
    again = build_dataset(
        corpus.db, spec(heldout_fraction=0.2, question_share=0.5), tmp_path / "again"
    )
    assert mixed.sha256 == again.sha256 != plain.sha256  # the same posts chosen every build
    requests = {
        row["meta"]["post_id"]: row["messages"][1]["content"] for row in plain.rows("train")
    }
    asked = 0
    for row in mixed.rows("train"):
        request = row["messages"][1]["content"]
        if is_post_request(request):
            assert request == requests[row["meta"]["post_id"]]
            continue
        asked += 1
        topics = requests[row["meta"]["post_id"]].removeprefix("Write a post about ")
        assert any(t.format(topics) == request for t in QUESTION_TEMPLATES), request
    assert 12 <= asked <= 36  # about half of the 48 training posts
    # held-out rows keep the post request: the report card asks for held-out posts with it
    assert all(is_post_request(r["messages"][1]["content"]) for r in mixed.rows("heldout"))
    assert list(mixed.rows("heldout")) == list(plain.rows("heldout"))


def test_the_yake_topic_extractor_writes_the_requests_when_asked(
    corpus: Any, tmp_path: Path
) -> None:
    fill(corpus)
    built = build_dataset(
        corpus.db, spec(heldout_fraction=0, topic_extractor="yake", question_share=0), tmp_path
    )
    for row in built.rows("train"):
        post = row["messages"][-1]["content"]
        expected = persona_post_request(topics_phrase(extract_topics_yake(post)))
        assert row["messages"][1]["content"] == expected
