"""Batch normalisation: every kept post once, resumable, approved texts untouched."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session

from likeness.core.db.models import Post
from likeness.core.errors import PersonaNotFound
from likeness.core.prompts import normalizer_version
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
    with Session(corpus) as session:
        versions = set(
            session.scalars(
                select(Post.normalizer_version).where(Post.normalizer_version.is_not(None))
            )
        )
    assert versions == {normalizer_version(str(tiny_model_dir))}


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
