"""Propose: greedy first, then samples at rising temperature, identical texts merged, all from
the persona's current normaliser with the prompt batch normalisation sends, byte for byte."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from active_normalizer import add_active_normalizer
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from likeness.core.db.models import Post
from likeness.core.errors import PersonaNotFound
from likeness.core.prompts import NORMALIZER_PROMPT_VERSION, normalizer_messages
from likeness.core.proposals import Proposals, ProposedText
from likeness.core.settings import Settings
from likeness.inference.engines.base import Delta, GenerationRequest, SamplingParams
from likeness.inference.engines.transformers_engine import TransformersEngine
from likeness.inference.normalize import normalize_corpus
from likeness.inference.normalizers import base_normalizer, normalizer_prompt, rewrite
from likeness.inference.proposing import (
    distinct_texts,
    proposal_budget,
    proposal_temperatures,
    propose,
)
from likeness.inference.serving import InvalidRequest, ModelResolver
from likeness.ingest.importing import import_path

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample-archive"


class RecordingEngine:
    """The real engine, keeping every prompt it was asked to complete."""

    def __init__(self, inner: TransformersEngine) -> None:
        self.inner = inner
        self.prompts: list[str] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def generate(self, request: GenerationRequest) -> AsyncIterator[Delta]:
        self.prompts.append(request.prompt)
        return self.inner.generate(request)


@pytest.fixture
def corpus(engine: Engine, tmp_path: Path, db_url: str) -> Engine:
    settings = Settings(data_dir=tmp_path / "data", database_url=db_url)
    import_path(engine, SAMPLE, "mags", settings=settings)
    return engine


def run(model_dir: Path, work):  # type: ignore[no-untyped-def]
    """``work(engine)`` on a started transformers engine, which is closed afterwards."""

    async def go():  # type: ignore[no-untyped-def]
        model = TransformersEngine.load(str(model_dir))
        await model.start()
        try:
            return await work(model)
        finally:
            await model.close()

    return asyncio.run(go())


def first_posts(db: Engine, n: int) -> list[str]:
    with Session(db) as session:
        query = select(Post.clean_text).order_by(Post.created_at, Post.id).limit(n)
        return list(session.scalars(query))


def test_greedy_first_then_rising_temperatures() -> None:
    assert proposal_temperatures(1) == [0.0]
    assert proposal_temperatures(4) == [0.0, 0.7, 0.9, 1.1]
    many = proposal_temperatures(16)
    assert len(many) == 16 and many == sorted(many) and max(many) == 1.5


def test_the_budget_follows_the_post_and_never_passes_the_cap() -> None:
    assert proposal_budget(10, 160) == 31  # 1.5 x 10 + 16
    assert proposal_budget(0, 160) == 16
    assert proposal_budget(400, 160) == 160
    assert proposal_budget(10, 5) == 5


class LongWindedEngine(RecordingEngine):
    """Records the sampling of every request too."""

    def __init__(self, inner: TransformersEngine) -> None:
        super().__init__(inner)
        self.max_tokens: list[int] = []

    def generate(self, request: GenerationRequest) -> AsyncIterator[Delta]:
        self.max_tokens.append(request.sampling.max_tokens)
        return super().generate(request)


def test_each_proposal_gets_the_budget_of_its_post(corpus: Engine, tiny_model_dir: Path) -> None:
    short, long = "tea", "the ferry was late again and the harbour was full of gulls " * 4

    async def work(model: TransformersEngine) -> tuple[list[int], list[int]]:
        engine = LongWindedEngine(model)
        await propose(engine, corpus, None, "mags", short, 4)  # type: ignore[arg-type]
        first = list(engine.max_tokens)
        engine.max_tokens.clear()
        await propose(engine, corpus, None, "mags", long, 4)  # type: ignore[arg-type]
        return first, engine.max_tokens

    short_budgets, long_budgets = run(tiny_model_dir, work)
    assert len(set(short_budgets)) == 1 and len(set(long_budgets)) == 1
    assert short_budgets[0] < long_budgets[0] <= 160


def test_identical_and_empty_texts_merge_at_their_lowest_temperature() -> None:
    texts = ["same", "other", "same", "", "other", "third"]
    temperatures = [0.0, 0.7, 0.9, 1.1, 1.3, 1.5]
    assert distinct_texts(texts, temperatures) == [
        ProposedText("same", 0.0),
        ProposedText("other", 0.7),
        ProposedText("third", 1.5),
    ]
    assert distinct_texts(["", ""], [0.0, 0.7]) == []


def test_proposals_are_distinct_greedy_first_and_seeded(
    corpus: Engine, tiny_model_dir: Path
) -> None:
    (post,) = first_posts(corpus, 1)

    async def work(model: TransformersEngine) -> tuple[Proposals, Proposals, str]:
        resolver = ModelResolver(model, corpus)
        first = await propose(model, corpus, resolver, "mags", post, 8, max_tokens=6, seed=3)
        again = await propose(model, corpus, resolver, "mags", post, 8, max_tokens=6, seed=3)
        greedy = await rewrite(
            model,
            base_normalizer(resolver.base_name),
            normalizer_prompt(model, post, NORMALIZER_PROMPT_VERSION),
            SamplingParams(max_tokens=6, temperature=0.0),
        )
        return first, again, greedy

    first, again, greedy = run(tiny_model_dir, work)
    texts = [p.text for p in first.texts]
    assert 1 <= len(texts) <= 8 and len(set(texts)) == len(texts)
    assert all(t == t.strip() and t for t in texts)
    assert first.texts[0] == ProposedText(greedy, 0.0)  # the greedy text leads
    temperatures = [p.temperature for p in first.texts]
    assert temperatures == sorted(temperatures)
    assert set(temperatures) <= set(proposal_temperatures(8))
    assert again == first  # the same seed gives the same proposals
    assert first.generator == tiny_model_dir.name  # the base model's public name
    assert first.prompt_version == NORMALIZER_PROMPT_VERSION


def test_refusals(corpus: Engine, tiny_model_dir: Path) -> None:
    async def work(model: TransformersEngine) -> None:
        for n in (0, 17):
            with pytest.raises(InvalidRequest, match="n must be 1-16"):
                await propose(model, corpus, None, "mags", "hello", n)
        with pytest.raises(InvalidRequest, match="max_tokens"):
            await propose(model, corpus, None, "mags", "hello", 2, max_tokens=0)
        with pytest.raises(PersonaNotFound):
            await propose(model, corpus, None, "nobody", "hello", 2)
        with pytest.raises(InvalidRequest, match="context"):
            await propose(model, corpus, None, "mags", "word " * 5000, 2)

    run(tiny_model_dir, work)


@pytest.mark.parametrize("trained_on", [None, "normalizer-v1"])
def test_the_proposal_prompt_is_the_batch_normalisation_prompt_byte_for_byte(
    corpus: Engine, tiny_model_dir: Path, tiny_adapter_dir: Path, trained_on: str | None
) -> None:
    """For the bare base model, and for a trained normaliser (with the v1 prompt it learned)."""
    posts = first_posts(corpus, 3)

    async def work(model: TransformersEngine) -> tuple[list[str], list[Proposals]]:
        if trained_on is not None:
            add_active_normalizer(
                corpus, "mags", tiny_adapter_dir, model, prompt_version=trained_on
            )
        recording = RecordingEngine(model)
        resolver = ModelResolver(recording, corpus)  # type: ignore[arg-type]
        await normalize_corpus(
            corpus,
            recording,  # type: ignore[arg-type]
            "mags",
            resolver=resolver,
            kept_only=False,  # the first three posts, as first_posts reads them
            limit=3,
            max_tokens=4,
        )
        batch = list(recording.prompts)
        proposals = [
            await propose(recording, corpus, resolver, "mags", p, 2, max_tokens=4)  # type: ignore[arg-type]
            for p in posts
        ]
        return batch, proposals

    batch, proposals = run(tiny_model_dir, work)
    assert [p.prompt for p in proposals] == batch
    version = trained_on or NORMALIZER_PROMPT_VERSION
    assert all(p.prompt_version == version for p in proposals)
    assert all(p.generator != tiny_model_dir.name for p in proposals) == (trained_on is not None)
    # And it is the versioned prompt builder's messages, rendered by the engine's template.
    model = TransformersEngine.load(str(tiny_model_dir))
    assert batch == [model.render_chat(normalizer_messages(p, version=version)) for p in posts]
