"""Synthetic Q&A rows: a generator engine writes the questions; deterministic; clear errors."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest

from likeness.core.chat import persona_messages
from likeness.core.prompts import qa_question_messages
from likeness.inference.engines.base import Delta, GenerationRequest, SamplingParams
from likeness.inference.engines.transformers_engine import TransformersEngine
from likeness.trainer.datasets import (
    DatasetSpec,
    EmptyDataset,
    build_dataset,
    build_dataset_async,
)
from likeness.trainer.datasets.synthetic_qa import QA_SEED, generate_questions, question_in

TEXTS = [
    "I walked along the river this morning and thought about old friends.",
    "The quick brown fox jumps over the lazy dog.",
    "Persona cards describe how someone writes: short sentences, dry humour.",
    "Hello! How are you today? I am fine, thank you very much.",
    "Les élèves étudient à l'école; naïve café déjà vu.",
    "Tea, then a long walk, then more tea.",
]
SPEC = DatasetSpec(kind="persona-qa", persona="mags", heldout_fraction=0.15)


class ScriptedEngine:
    """Answers each prompt from a script, and records how many requests ran at once."""

    model_id = "scripted"
    chat_template_sha256 = ""

    def __init__(self, answers: dict[str, str | Exception]) -> None:
        self.answers = answers
        self.running = 0
        self.most = 0
        self.requests: list[GenerationRequest] = []

    def render_chat(self, messages: list[dict[str, str]]) -> str:
        return messages[-1]["content"]

    async def generate(self, request: GenerationRequest) -> AsyncIterator[Delta]:
        self.requests.append(request)
        self.running += 1
        self.most = max(self.most, self.running)
        try:
            await asyncio.sleep(0.01)
            answer = self.answers[request.prompt]
            if isinstance(answer, Exception):
                raise answer
            yield Delta(answer, prompt_tokens=1, completion_tokens=1, finish_reason="stop")
        finally:
            self.running -= 1


def test_questions_come_back_in_order_and_bounded_in_flight() -> None:
    answers: dict[str, str | Exception] = {
        f"post {i}": f"\n  Question {i}?  \nSecond line" for i in range(20)
    }
    answers["post 3"] = "   \n\n"
    answers["post 4"] = ValueError("prompt longer than the context")
    engine = ScriptedEngine(answers)
    texts = [f"post {i}" for i in range(20)]
    questions = asyncio.run(generate_questions(engine, texts, concurrency=4))  # type: ignore[arg-type]
    expected = [f"Question {i}?" for i in range(20)]
    expected[3] = expected[4] = ""
    assert questions == expected
    assert engine.most == 4
    sampling = {r.sampling for r in engine.requests}
    assert sampling == {SamplingParams(max_tokens=64, temperature=0.0, seed=QA_SEED)}


def test_only_a_question_becomes_a_question() -> None:
    assert question_in("\n  What about the ferry?  \nAnd more?") == "What about the ferry?"
    assert question_in("I'm sorry for your loss. What happened to the ramp?") == (
        "What happened to the ramp?"
    )
    assert question_in("Lovely! How about it? What's the 1974 entry for?") == (
        "What's the 1974 entry for?"
    )
    assert question_in("The crab is now in the kitchen.") == ""  # a statement asks nothing
    assert question_in("") == "" and question_in("   \n\n") == ""
    assert question_in("Really?! Who knew.") == "Really?!"


def test_the_prompt_shows_worked_examples_before_the_post() -> None:
    messages = qa_question_messages("Storm tonight.")
    assert messages[0]["role"] == "system" and messages[-1] == {
        "role": "user",
        "content": "Storm tonight.",
    }
    shots = messages[1:-1]
    assert [m["role"] for m in shots] == ["user", "assistant"] * (len(shots) // 2)
    assert all(m["content"].endswith("?") for m in shots if m["role"] == "assistant")


def test_qa_rows_pair_the_generated_question_with_the_post(corpus: Any, tmp_path: Path) -> None:
    ids = [corpus.add(text, day=i) for i, text in enumerate(TEXTS)]
    answers: dict[str, str | Exception] = {t: f"What about post {i}?" for i, t in enumerate(TEXTS)}
    answers[TEXTS[1]] = ""  # no question: the post is left out
    engine = ScriptedEngine(answers)
    dataset = build_dataset(corpus.db, SPEC, tmp_path, generator=engine)  # type: ignore[arg-type]
    train = list(dataset.rows("train"))
    assert [r["meta"]["post_id"] for r in train] == [ids[0], ids[2], ids[3], ids[4]]
    assert [r["meta"]["post_id"] for r in dataset.rows("heldout")] == [ids[5]]
    for row in train:
        question, text = row["messages"][1]["content"], row["messages"][2]["content"]
        assert question == f"What about post {TEXTS.index(text)}?"
        assert row["messages"][:2] == persona_messages(
            corpus.card, [{"role": "user", "content": question}]
        )
    assert (dataset.dir / "train.openai.jsonl").is_file()


def test_qa_needs_a_generator_and_usable_questions(corpus: Any, tmp_path: Path) -> None:
    corpus.add(TEXTS[0], day=1)
    with pytest.raises(EmptyDataset, match="generator"):
        build_dataset(corpus.db, SPEC, tmp_path)
    silent = ScriptedEngine({TEXTS[0]: "\n"})
    with pytest.raises(EmptyDataset, match="no usable question"):
        build_dataset(corpus.db, SPEC, tmp_path, generator=silent)  # type: ignore[arg-type]

    async def inside_a_loop() -> None:
        build_dataset(corpus.db, SPEC, tmp_path, generator=silent)  # type: ignore[arg-type]

    with pytest.raises(RuntimeError, match="build_dataset_async"):
        asyncio.run(inside_a_loop())


# The database side runs on both databases above; the generation is the same on either.
@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_transformers_engine_writes_the_same_questions_on_every_build(
    corpus: Any, tmp_path: Path, tiny_questioner_dir: Path
) -> None:
    ids = [corpus.add(text, day=i) for i, text in enumerate(TEXTS)]
    engine = TransformersEngine.load(str(tiny_questioner_dir))

    async def build_twice() -> tuple[Any, Any, str]:
        await engine.start()
        try:
            first = await build_dataset_async(corpus.db, SPEC, tmp_path, generator=engine)
            # One post on its own, outside the batch: same greedy text as inside it.
            request = GenerationRequest(
                "single",
                engine.render_chat(qa_question_messages(TEXTS[0])),
                SamplingParams(max_tokens=64, temperature=0.0, seed=QA_SEED),
            )
            alone = "".join([d.text async for d in engine.generate(request)])
        finally:
            await engine.close()
        await engine.start()
        try:
            # The synchronous entry point, run from a worker thread (no loop of its own there).
            second = await asyncio.to_thread(
                build_dataset, corpus.db, SPEC, tmp_path, generator=engine
            )
        finally:
            await engine.close()
        return first, second, alone

    first, second, alone = asyncio.run(build_twice())
    assert (second.id, second.sha256) == (first.id, first.sha256)
    rows = {r["meta"]["post_id"]: r for s in ("train", "heldout") for r in first.rows(s)}
    assert rows, "the tiny generator wrote no question at all"
    for pid, row in rows.items():
        system, user, answer = row["messages"]
        assert system == {"role": "system", "content": corpus.card}
        assert user["content"] == user["content"].strip() and "\n" not in user["content"]
        assert user["content"]
        assert answer["content"] == TEXTS[ids.index(pid)]
    if ids[0] in rows:
        assert rows[ids[0]]["messages"][1]["content"] == question_in(alone)
