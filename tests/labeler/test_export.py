"""The labeler's Export on SQLite and PostgreSQL: the trainer's own rows, files and loaders.

An export written to a file must be the trainer's dataset file for the same labels, line for
line, and load into the trainer (its dataset loader, and ``datasets.load_dataset("json")`` as
TRL reads a file) to the same rows.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from persona_corpus import Corpus, make_persona
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from likeness.core.dataset_rows import EmptyDataset
from likeness.core.db.models import Post
from likeness.core.errors import PersonaNotFound
from likeness.core.prompts import normalizer_messages
from likeness.labeler.export import export_lines
from likeness.trainer.datasets import BuiltDataset, DatasetSpec, build_dataset
from likeness.trainer.recipes.reward_model import preference_rows
from likeness.trainer.recipes.sft import load_rows

KINDS = ("normalizer-sft", "normalizer-prefs")
FORMATS = {
    "likeness": "{split}.jsonl",
    "trl": "{split}.trl.jsonl",
    "openai": "{split}.openai.jsonl",
}


@pytest.fixture
def labeled(engine: Engine) -> Corpus:
    """Twelve posts of mags with every kind of decision; the newest two are held out."""
    corpus = make_persona(engine, "mags")
    posts = [
        corpus.add(f"RT @pal: day {i} at the  harbour https://t.co/{i}", day=i) for i in range(12)
    ]
    for i, pid in enumerate(posts):
        clean = f"Day {i} at the harbour."
        if i % 4 == 0:
            corpus.judge(pid, "accept", clean, [f"day {i} at the harbour", f"Day {i}!"])
        elif i % 4 == 1:
            edited = corpus.propose(pid, f"day {i} at harbour")
            corpus.judge(
                pid, "edit", clean, [f"day {i} at harbour", "Harbour."], proposal_id=edited
            )
        elif i % 4 == 2:
            corpus.judge(pid, "own", f"My day {i} by the sea.", [f"day {i} at the harbour"])
        else:
            corpus.judge(pid, "reject", "", [f"day {i}", "harbour"])
    corpus.judge(posts[0], "skip", annotator="other")
    corpus.judge(posts[3], "own", "Undone.", ["day 3"], annotator="other", undone=True)
    return corpus


def write_export(path: Path, *args: Any, **kwargs: Any) -> int:
    total, lines = export_lines(*args, **kwargs)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(lines), encoding="utf-8")
    return total


def exported_dataset(root: Path, db: Engine, kind: str) -> BuiltDataset:
    """The likeness-format export of both splits, in a folder the trainer's loader reads."""
    train = write_export(root / "train.jsonl", db, "mags", kind, "likeness", split="train")
    heldout = write_export(root / "heldout.jsonl", db, "mags", kind, "likeness", split="heldout")
    return BuiltDataset("x" * 32, kind, "mags", "s" * 64, {"kind": kind}, root, train, heldout)


@pytest.mark.parametrize("kind", KINDS)
def test_export_files_are_the_trainer_dataset_files(
    labeled: Corpus, tmp_path: Path, kind: str
) -> None:
    # Exported first: the export gives the posts their split, as the training build would.
    out = tmp_path / "export"
    totals = {
        (fmt, split): write_export(
            out / f"{fmt}.{split or 'all'}.jsonl", labeled.db, "mags", kind, fmt, split=split
        )
        for fmt in FORMATS
        for split in ("train", "heldout", "")
    }
    dataset = build_dataset(labeled.db, DatasetSpec(kind=kind, persona="mags"), tmp_path / "data")
    assert dataset.heldout_rows > 0 and dataset.train_rows > 0
    for fmt, name in FORMATS.items():
        files = {s: dataset.dir / name.format(split=s) for s in ("train", "heldout")}
        for split in ("train", "heldout"):
            assert (out / f"{fmt}.{split}.jsonl").read_bytes() == files[split].read_bytes()
        both = files["train"].read_bytes() + files["heldout"].read_bytes()
        assert (out / f"{fmt}.all.jsonl").read_bytes() == both
        assert totals[fmt, "train"] == dataset.train_rows
        assert totals[fmt, "heldout"] == dataset.heldout_rows
        assert totals[fmt, ""] == dataset.train_rows + dataset.heldout_rows


def test_exports_load_into_the_trainer_as_its_own_rows(labeled: Corpus, tmp_path: Path) -> None:
    from datasets import Dataset, load_dataset

    for kind in KINDS:
        exported = exported_dataset(tmp_path / "export" / kind, labeled.db, kind)
        built = build_dataset(labeled.db, DatasetSpec(kind=kind, persona="mags"), tmp_path)
        for split in ("train", "heldout"):
            # The loaders the normaliser recipes use (SFT rows; preference rows for trl).
            assert load_rows([exported], split, None) == load_rows([built], split, None)
            if kind == "normalizer-prefs":
                assert preference_rows([exported], split) == preference_rows([built], split)
    # A TRL-format export read as TRL reads a JSON file: the recipe's training rows.
    trl = tmp_path / "prefs.trl.jsonl"
    write_export(trl, labeled.db, "mags", "normalizer-prefs", "trl", split="train")
    loaded = load_dataset("json", data_files=str(trl), split="train", cache_dir=str(tmp_path))
    built = build_dataset(
        labeled.db, DatasetSpec(kind="normalizer-prefs", persona="mags"), tmp_path
    )
    assert loaded.to_list() == Dataset.from_list(preference_rows([built], "train")).to_list()


def test_rows_carry_what_each_decision_yields(labeled: Corpus) -> None:
    _total, lines = export_lines(labeled.db, "mags", "normalizer-prefs", "likeness")
    rows = [json.loads(line) for line in lines]
    with Session(labeled.db) as session:
        posts = {p.id: p.clean_text for p in session.scalars(select(Post))}
    pairs = {}
    for row in rows:
        day = int(posts[row["meta"]["post_id"]].split()[3])
        pair = (row["chosen"][0]["content"], row["rejected"][0]["content"])
        pairs.setdefault(day % 4, []).append((*pair, row["meta"]["weight"]))
        assert row["prompt"] == normalizer_messages(posts[row["meta"]["post_id"]])
    # accept: beats every other proposal; edit: the edited proposal by how much was changed
    # ("day 1 at harbour" -> "Day 1 at the harbour.": 6 edits over 21), the others 1;
    # own: beats all; reject-all and the skip/undo of "other": nothing.
    assert pairs[0][:2] == [
        ("Day 0 at the harbour.", "day 0 at the harbour", 1.0),
        ("Day 0 at the harbour.", "Day 0!", 1.0),
    ]
    assert pairs[1][:2] == [
        ("Day 1 at the harbour.", "day 1 at harbour", pytest.approx(6 / 21)),
        ("Day 1 at the harbour.", "Harbour.", 1.0),
    ]
    assert pairs[2][0] == ("My day 2 by the sea.", "day 2 at the harbour", 1.0)
    assert 3 not in pairs
    assert len(rows) == 3 * 2 + 3 * 2 + 3


def test_openai_dpo_rows_have_the_fields_openai_documents(labeled: Corpus) -> None:
    total, lines = export_lines(labeled.db, "mags", "normalizer-prefs", "openai", split="train")
    rows = [json.loads(line) for line in lines]
    assert len(rows) == total > 0
    for row in rows:
        assert set(row) == {"input", "preferred_output", "non_preferred_output"}
        assert set(row["input"]) == {"messages"}
        assert row["input"]["messages"][-1]["role"] == "user"
        for side in ("preferred_output", "non_preferred_output"):
            (message,) = row[side]
            assert message["role"] == "assistant" and message["content"]
    _total, sft = export_lines(labeled.db, "mags", "normalizer-sft", "openai", split="train")
    for line in sft:
        row = json.loads(line)
        assert set(row) == {"messages"} and row["messages"][-1]["role"] == "assistant"


def test_an_older_prompt_version_can_be_exported(labeled: Corpus) -> None:
    _total, lines = export_lines(
        labeled.db, "mags", "normalizer-sft", "trl", prompt_version="normalizer-v1"
    )
    row = json.loads(next(lines))
    assert row["messages"][:-1] == normalizer_messages(
        row["messages"][-2]["content"], "normalizer-v1"
    )


def test_nothing_to_export_says_why(engine: Engine) -> None:
    corpus = make_persona(engine, "mags")
    with pytest.raises(EmptyDataset, match="no judgments yet for persona 'mags'"):
        export_lines(engine, "mags", "normalizer-sft", "trl")
    pid = corpus.add("one post", day=1)
    corpus.judge(pid, "reject", "", ["One post.", "one post!"])
    with pytest.raises(EmptyDataset, match="chose a text"):
        export_lines(engine, "mags", "normalizer-prefs", "openai")
    corpus.judge(pid, "accept", "One post.", ["one post!"], annotator="other")
    assert export_lines(engine, "mags", "normalizer-sft", "trl", split="train")[0] == 1
    # The only labeled post trains (one post is never held out): no held-out rows.
    with pytest.raises(EmptyDataset, match=r"no heldout rows .* export split 'train'"):
        export_lines(engine, "mags", "normalizer-sft", "trl", split="heldout")
    with pytest.raises(PersonaNotFound):
        export_lines(engine, "nobody", "normalizer-sft", "trl")


@pytest.mark.parametrize(
    ("kind", "fmt", "split", "message"),
    [
        ("persona-chat", "trl", "", "unknown export kind 'persona-chat'"),
        ("normalizer-sft", "csv", "", "unknown export format 'csv'"),
        ("normalizer-sft", "trl", "test", "unknown export split 'test'"),
    ],
)
def test_unknown_kind_format_or_split(
    labeled: Corpus, kind: str, fmt: str, split: str, message: str
) -> None:
    with pytest.raises(ValueError, match=message):
        export_lines(labeled.db, "mags", kind, fmt, split=split)
