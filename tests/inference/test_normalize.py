"""Batch normalisation: every kept post once with the persona's current normaliser, resumable,
approved texts untouched; a newer normaliser rewrites exactly what no person approved."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from active_normalizer import add_active_normalizer
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from likeness.core.db.models import Post
from likeness.core.errors import PersonaNotFound
from likeness.core.prompts import NORMALIZER_PROMPT_VERSION
from likeness.core.settings import Settings
from likeness.inference.engines.transformers_engine import TransformersEngine
from likeness.inference.normalize import normalize_corpus
from likeness.ingest.importing import import_path

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample-archive"


@pytest.fixture
def corpus(engine: Engine, tmp_path: Path, db_url: str) -> Engine:
    settings = Settings(data_dir=tmp_path / "data", database_url=db_url)
    import_path(engine, SAMPLE, "mags", settings=settings)
    return engine


def run_normalize(db: Engine, model_dir: Path, **options: object):  # type: ignore[no-untyped-def]
    async def go():  # type: ignore[no-untyped-def]
        model = TransformersEngine.load(str(model_dir))
        await model.start()
        try:
            return await normalize_corpus(db, model, "mags", max_tokens=8, **options)  # type: ignore[arg-type]
        finally:
            await model.close()

    return asyncio.run(go())


def normalized(db: Engine) -> dict[str, str | None]:
    with Session(db) as session:
        return dict(session.execute(select(Post.id, Post.normalized_text)).all())


def written_by(db: Engine) -> set[tuple[str | None, str | None]]:
    """(normalizer_model, normalizer_version) of every normalised post."""
    with Session(db) as session:
        query = select(Post.normalizer_model, Post.normalizer_version).where(
            Post.normalized_text.is_not(None)
        )
        return {(model, version) for model, version in session.execute(query)}


def test_kept_posts_are_normalised_once_and_resume_after_a_stop(
    corpus: Engine, tiny_model_dir: Path
) -> None:
    first = run_normalize(corpus, tiny_model_dir, limit=40, chunk_size=16)
    assert first.normalized + first.empty == 40
    assert first.remaining > 0
    done_before = {k: v for k, v in normalized(corpus).items() if v is not None}
    assert len(done_before) == first.normalized
    second = run_normalize(corpus, tiny_model_dir, chunk_size=64)
    after = normalized(corpus)
    # The first run's texts are untouched; the second did only what was left.
    assert all(after[k] == v for k, v in done_before.items())
    assert second.normalized + second.empty == first.remaining
    # Each text records the normaliser that wrote it: the base model, the current prompt.
    assert written_by(corpus) == {(tiny_model_dir.name, NORMALIZER_PROMPT_VERSION)}
    assert (first.model, first.version) == (tiny_model_dir.name, NORMALIZER_PROMPT_VERSION)


def test_approved_texts_are_never_overwritten(corpus: Engine, tiny_model_dir: Path) -> None:
    with Session(corpus) as session, session.begin():
        first_ids = list(session.scalars(select(Post.id).order_by(Post.created_at).limit(5)))
        session.execute(
            update(Post)
            .where(Post.id.in_(first_ids))
            .values(normalized_text="approved by a person", normalized_approved=True)
        )
    run_normalize(corpus, tiny_model_dir, limit=30)
    after = normalized(corpus)
    assert all(after[i] == "approved by a person" for i in first_ids)


def test_unknown_persona(engine: Engine, tiny_model_dir: Path) -> None:
    async def go() -> None:
        model = TransformersEngine.load(str(tiny_model_dir))
        await model.start()
        try:
            await normalize_corpus(engine, model, "nobody")
        finally:
            await model.close()

    with pytest.raises(PersonaNotFound):
        asyncio.run(go())


def test_a_newer_normaliser_rewrites_only_what_no_person_approved(
    corpus: Engine, tiny_model_dir: Path, tiny_adapter_dir: Path
) -> None:
    base = run_normalize(corpus, tiny_model_dir, limit=12)
    by_base = {k: v for k, v in normalized(corpus).items() if v is not None}
    assert len(by_base) == base.normalized > 4
    approved, old = list(by_base)[:2], list(by_base)[2:4]
    with Session(corpus) as session, session.begin():
        session.execute(
            update(Post)
            .where(Post.id.in_(approved))
            .values(
                normalized_text="approved by a person",
                normalized_approved=True,
                normalizer_model="human:ann",
            )
        )
        # Rows written before normalisers were recorded: no model, the old composite version.
        session.execute(
            update(Post)
            .where(Post.id.in_(old))
            .values(
                normalized_text="old text",
                normalizer_model=None,
                normalizer_version="normalizer-v1@tiny-llama:0123abcd",
            )
        )
    model = TransformersEngine.load(str(tiny_model_dir))
    trained = add_active_normalizer(corpus, "mags", tiny_adapter_dir, model)

    newer = run_normalize(corpus, tiny_model_dir, limit=12)
    assert (newer.model, newer.version) == (trained, "normalizer-v2")
    after = normalized(corpus)
    assert all(after[i] == "approved by a person" for i in approved)
    rewritten = [i for i in by_base if i not in approved]
    with Session(corpus) as session:
        rows = session.execute(
            select(Post.id, Post.normalizer_model, Post.normalizer_version).where(
                Post.id.in_(rewritten)
            )
        ).all()
    # The same twelve posts came first again (everything the base model wrote is another
    # normaliser's now), but the approved ones were left as they were.
    assert newer.normalized + newer.empty == 12
    written = {
        pid for pid, model_id, version in rows if (model_id, version) == (trained, "normalizer-v2")
    }
    assert len(written) >= len(rewritten) - newer.empty
    assert all(after[i] != "old text" for i in old if i in written)
    # The adapter writes other texts than the base model did.
    assert any(after[i] != by_base[i] for i in written)
    with Session(corpus) as session:
        approved_rows = session.execute(
            select(Post.normalizer_model).where(Post.id.in_(approved))
        ).all()
    assert {row[0] for row in approved_rows} == {"human:ann"}
