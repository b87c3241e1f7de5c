"""Normaliser SFT and preference rows: the exact inference prompt, one row per pair, the split."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from likeness.core import chat
from likeness.core.prompts import NORMALIZER_PROMPT_VERSION, normalizer_messages
from likeness.inference.engines.base import Delta, GenerationRequest
from likeness.inference.normalize import normalize_corpus
from likeness.trainer.datasets import DatasetSpec, EmptyDataset, build_dataset
from likeness.trainer.datasets.spec import normalizer_prompt_version

# Odd spacing and characters on purpose: the prompt must carry the stored text untouched.
RAW = "RT @pal:  Big NEWS!!! the bakery reopens \u2615  https://t.co/x \n"


def spec(kind: str, **options: Any) -> DatasetSpec:
    return DatasetSpec(kind=kind, persona="mags", **options)  # type: ignore[arg-type]


class RecordingEngine:
    """Just enough of an inference engine to see the prompt ``normalize_corpus`` sends."""

    def __init__(self, tokenizer: Any) -> None:
        self.tokenizer = tokenizer
        self.model_id = "recording"
        self.chat_template_sha256 = chat.chat_template_sha256(tokenizer)
        self.prompts: list[str] = []

    def render_chat(self, messages: list[dict[str, str]]) -> str:
        return chat.render_chat(self.tokenizer, messages)

    async def generate(self, request: GenerationRequest) -> AsyncIterator[Delta]:
        self.prompts.append(request.prompt)
        yield Delta("normalised", prompt_tokens=1, completion_tokens=1, finish_reason="stop")


def test_preference_prompt_is_byte_for_byte_the_normaliser_prompt(
    corpus: Any, tmp_path: Path, tiny_tokenizer: Any
) -> None:
    pid = corpus.add(RAW, day=1)
    corpus.judge(pid, "edit", "Big NEWS!!! The bakery reopens \u2615", ["Big news: bakery open."])
    dataset = build_dataset(corpus.db, spec("normalizer-prefs", heldout_fraction=0), tmp_path)
    (row,) = dataset.rows("train")
    assert row["prompt"] == normalizer_messages(RAW)
    engine = RecordingEngine(tiny_tokenizer)
    asyncio.run(normalize_corpus(corpus.db, engine, "mags", kept_only=False))  # type: ignore[arg-type]
    assert engine.prompts == [chat.render_chat(tiny_tokenizer, row["prompt"])]
    sft = build_dataset(corpus.db, spec("normalizer-sft", heldout_fraction=0), tmp_path)
    (sft_row,) = sft.rows("train")
    assert chat.render_chat(tiny_tokenizer, sft_row["messages"][:-1]) == engine.prompts[0]


def test_sft_rows_come_from_chosen_texts_and_the_latest_decision(
    corpus: Any, tmp_path: Path
) -> None:
    posts = [corpus.add(f"post {i} about the allotment", day=i) for i in range(5)]
    corpus.judge(posts[0], "accept", "Post zero about the allotment.")
    corpus.judge(posts[1], "edit", "Post one, edited.", ["post one proposal"])
    corpus.judge(posts[2], "own", "My own words for post two.")
    corpus.judge(posts[3], "reject", "", ["bad one", "bad two"])
    # The same annotator changed their mind: only the later decision counts.
    corpus.judge(posts[4], "accept", "First take on four.", minute=1)
    corpus.judge(posts[4], "accept", "Second take on four.", minute=2)
    # A second annotator agreeing on post zero adds no duplicate row.
    corpus.judge(posts[0], "accept", "Post zero about the allotment.", annotator="other")
    dataset = build_dataset(corpus.db, spec("normalizer-sft", heldout_fraction=0), tmp_path)
    rows = list(dataset.rows("train"))
    assert [r["messages"][-1]["content"] for r in rows] == [
        "Post zero about the allotment.",
        "Post one, edited.",
        "My own words for post two.",
        "Second take on four.",
    ]
    for row, pid in zip(rows, [posts[0], posts[1], posts[2], posts[4]], strict=True):
        assert row["messages"][:-1] == normalizer_messages(
            f"post {posts.index(pid)} about the allotment"
        )
        assert row["messages"][-1]["role"] == "assistant"
        assert row["meta"]["post_id"] == pid and row["meta"]["judgment_id"]
    openai = [json.loads(line) for line in (dataset.dir / "train.openai.jsonl").open()]
    assert openai == [{"messages": r["messages"]} for r in rows]


def test_one_preference_row_per_pair_skipping_rejected_equal_to_chosen(
    corpus: Any, tmp_path: Path
) -> None:
    pid = corpus.add("the fair was fun", day=1)
    other = corpus.add("rain again", day=2)
    corpus.judge(pid, "accept", "The fair was fun.", ["the fair was fun", "The fair was fun.", " "])
    corpus.judge(other, "edit", "Rain again.", ["Rain again!!", "rain. again", "Rain again!!"])
    dataset = build_dataset(corpus.db, spec("normalizer-prefs", heldout_fraction=0), tmp_path)
    rows = list(dataset.rows("train"))
    pairs = [(r["chosen"][0]["content"], r["rejected"][0]["content"]) for r in rows]
    assert pairs == [
        ("The fair was fun.", "the fair was fun"),
        ("Rain again.", "Rain again!!"),
        ("Rain again.", "rain. again"),
    ]
    assert all(r["chosen"][0]["role"] == r["rejected"][0]["role"] == "assistant" for r in rows)
    trl = [json.loads(line) for line in (dataset.dir / "train.trl.jsonl").open()]
    assert all(set(r) == {"prompt", "chosen", "rejected"} for r in trl)
    openai = [json.loads(line) for line in (dataset.dir / "train.openai.jsonl").open()]
    assert openai[0] == {
        "input": {"messages": normalizer_messages("the fair was fun")},
        "preferred_output": [{"role": "assistant", "content": "The fair was fun."}],
        "non_preferred_output": [{"role": "assistant", "content": "the fair was fun"}],
    }


def test_judgments_follow_their_posts_split(corpus: Any, tmp_path: Path) -> None:
    posts = [corpus.add(f"note {i} on the weather", day=i) for i in range(10)]
    for i, pid in enumerate(posts):
        corpus.judge(pid, "edit", f"Note {i} on the weather.", [f"note {i}"])
    for kind in ("normalizer-sft", "normalizer-prefs"):
        dataset = build_dataset(corpus.db, spec(kind, heldout_fraction=0.2), tmp_path)
        assert [r["meta"]["post_id"] for r in dataset.rows("heldout")] == posts[8:]
        assert [r["meta"]["post_id"] for r in dataset.rows("train")] == posts[:8]


def test_empty_normaliser_datasets_say_why(corpus: Any, tmp_path: Path) -> None:
    pid = corpus.add("something happened", day=1)
    with pytest.raises(EmptyDataset, match="no judgments yet for persona 'mags': label"):
        build_dataset(corpus.db, spec("normalizer-sft"), tmp_path)
    corpus.judge(pid, "reject", "", ["no", "nope"])
    with pytest.raises(EmptyDataset, match="chose a text"):
        build_dataset(corpus.db, spec("normalizer-sft"), tmp_path)
    other = corpus.add("something else happened", day=2)
    corpus.judge(other, "own", "Something else happened.")
    build_dataset(corpus.db, spec("normalizer-sft", heldout_fraction=0), tmp_path)
    with pytest.raises(EmptyDataset, match="no preference pairs"):
        build_dataset(corpus.db, spec("normalizer-prefs", heldout_fraction=0), tmp_path)


def test_skips_and_undone_judgments_make_no_rows(corpus: Any, tmp_path: Path) -> None:
    kept, undone, skipped, later = (corpus.add(f"walk {i} by the canal", day=i) for i in range(4))
    corpus.judge(kept, "accept", "Walk zero by the canal.", ["walk 0 by the canal"])
    corpus.judge(undone, "own", "Undone words.", ["walk 1 by the canal"], undone=True)
    corpus.judge(skipped, "skip")
    # An undone later decision gives the earlier one back; a later skip changes nothing.
    corpus.judge(later, "edit", "Walk three, kept.", ["walk 3 by the canal"], minute=1)
    corpus.judge(later, "own", "Walk three, undone.", ["walk 3"], minute=2, undone=True)
    corpus.judge(later, "skip", minute=3)
    for kind in ("normalizer-sft", "normalizer-prefs"):
        dataset = build_dataset(corpus.db, spec(kind, heldout_fraction=0), tmp_path)
        rows = list(dataset.rows("train"))
        assert [r["meta"]["post_id"] for r in rows] == [kept, later]
        chosen = [(r.get("chosen") or r.get("messages"))[-1]["content"] for r in rows]
        assert chosen == ["Walk zero by the canal.", "Walk three, kept."]


def test_only_skipped_or_undone_judgments_say_so(corpus: Any, tmp_path: Path) -> None:
    pid = corpus.add("the heron again", day=1)
    corpus.judge(pid, "skip")
    corpus.judge(pid, "accept", "The heron again.", ["the heron again"], undone=True)
    with pytest.raises(EmptyDataset, match=r"all 2 judgments .* skipped or undone"):
        build_dataset(corpus.db, spec("normalizer-prefs"), tmp_path)


def test_reject_all_keeps_its_proposals_as_rejected_only(corpus: Any, tmp_path: Path) -> None:
    rejected, accepted = corpus.add("storm tonight", day=1), corpus.add("calm after", day=2)
    corpus.judge(rejected, "reject", "", ["Storm tonight!", "storm. tonight"])
    corpus.judge(accepted, "accept", "Calm after.", ["calm after"])
    dataset = build_dataset(corpus.db, spec("normalizer-prefs", heldout_fraction=0), tmp_path)
    assert [r["meta"]["post_id"] for r in dataset.rows("train")] == [accepted]


def test_an_edit_beats_the_proposal_it_edits_by_how_much_it_changed(
    corpus: Any, tmp_path: Path
) -> None:
    pid = corpus.add("gud morning all", day=1)
    small = corpus.add("fog, fog and fog", day=2)
    edited = corpus.propose(pid, " good mornin all ")
    corpus.propose(pid, "Morning!", position=1)
    corpus.judge(
        pid, "edit", "Good morning all.", ["good mornin all", "Morning!"], proposal_id=edited
    )
    tiny = corpus.propose(small, "Fog, fog and fog")
    corpus.judge(small, "edit", "Fog, fog and fog.", ["Fog, fog and fog"], proposal_id=tiny)
    # accept and own: every pair counts fully.
    third = corpus.add("tea", day=3)
    corpus.judge(third, "accept", "Tea.", ["tea", "TEA"])
    dataset = build_dataset(corpus.db, spec("normalizer-prefs", heldout_fraction=0), tmp_path)
    weights = {
        (r["chosen"][0]["content"], r["rejected"][0]["content"]): r["meta"]["weight"]
        for r in dataset.rows("train")
    }
    # "good mornin all" -> "Good morning all.": 3 edits over 17 characters.
    assert weights == {
        ("Good morning all.", "good mornin all"): pytest.approx(3 / 17),
        ("Good morning all.", "Morning!"): 1.0,
        ("Fog, fog and fog.", "Fog, fog and fog"): 0.1,  # 1/17, raised to the floor
        ("Tea.", "tea"): 1.0,
        ("Tea.", "TEA"): 1.0,
    }
    # The weight is meta only: the TRL rows and the content hash do not carry it.
    trl = [json.loads(line) for line in (dataset.dir / "train.trl.jsonl").open()]
    assert all(set(r) == {"prompt", "chosen", "rejected"} for r in trl)


def test_rows_use_the_current_prompt_version_or_the_one_the_spec_names(
    corpus: Any, tmp_path: Path
) -> None:
    pid = corpus.add("RT @pal: new kiln arrived", day=1)
    corpus.judge(pid, "edit", "The new kiln arrived.", ["new kiln arrived"])
    for kind in ("normalizer-sft", "normalizer-prefs"):
        current = build_dataset(corpus.db, spec(kind, heldout_fraction=0), tmp_path)
        v1 = build_dataset(
            corpus.db, spec(kind, heldout_fraction=0, prompt_version="normalizer-v1"), tmp_path
        )
        assert current.id != v1.id
        for dataset, version in ((current, NORMALIZER_PROMPT_VERSION), (v1, "normalizer-v1")):
            info = json.loads((dataset.dir / "dataset.json").read_text())
            assert info["prompt_versions"] == {"normalizer": version}
            assert dataset.prompt_versions() == {"normalizer": version}
            (row,) = dataset.rows("train")
            prompt = row["prompt"] if kind == "normalizer-prefs" else row["messages"][:-1]
            assert prompt == normalizer_messages("RT @pal: new kiln arrived", version)
            assert row["meta"]["prompt_version"] == version
    assert NORMALIZER_PROMPT_VERSION != "normalizer-v1"


def test_prompt_version_is_checked() -> None:
    with pytest.raises(ValueError, match="unknown prompt_version 'normalizer-v9'"):
        spec("normalizer-sft", prompt_version="normalizer-v9")
    with pytest.raises(ValueError, match="for normaliser datasets"):
        spec("persona-chat", prompt_version="normalizer-v1")


def test_rl_prompts_are_rebuilt_with_the_datasets_recorded_version(
    corpus: Any, tmp_path: Path, tiny_tokenizer: Any
) -> None:
    from likeness.trainer.recipes.normalizer_rl import NormalizerRLConfig, preview

    pid = corpus.add("RT @pal: new kiln arrived", day=1)
    corpus.judge(pid, "edit", "The new kiln arrived.", ["new kiln arrived"])
    v1 = build_dataset(
        corpus.db,
        spec("normalizer-prefs", heldout_fraction=0, prompt_version="normalizer-v1"),
        tmp_path,
    )
    current = build_dataset(corpus.db, spec("normalizer-sft", heldout_fraction=0), tmp_path)
    assert normalizer_prompt_version([v1]) == "normalizer-v1"
    assert normalizer_prompt_version([current]) == NORMALIZER_PROMPT_VERSION
    with pytest.raises(ValueError, match="different prompt versions"):
        normalizer_prompt_version([v1, current])
    config = NormalizerRLConfig(max_length=2048, batch_size=2, num_generations=2)
    (example,) = preview(tiny_tokenizer, [v1], config, 1)
    v1_prompt = normalizer_messages("RT @pal: new kiln arrived", "normalizer-v1")
    assert example.prompt_text == chat.render_chat(tiny_tokenizer, v1_prompt)
