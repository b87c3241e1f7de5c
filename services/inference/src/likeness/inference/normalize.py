"""Batch normalisation of a persona's corpus through an inference engine.

    summary = asyncio.run(normalize_corpus(db, engine, "alice", progress=print))

Posts still lacking a normalised text are sent through the engine a chunk at a time, all posts
of a chunk concurrently (the engine batches them), and each chunk is written in one bulk update
and committed: a killed run resumes where it stopped and never redoes finished posts. A text a
person approved is never overwritten (the update itself checks the flag).
"""

from __future__ import annotations

import asyncio
import logging
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine as DbEngine
from sqlalchemy import bindparam, select, update
from sqlalchemy.orm import Session

from likeness.core.db.models import Post
from likeness.core.flags import exclude_mask
from likeness.core.personas import get_persona
from likeness.core.prompts import normalizer_messages, normalizer_version
from likeness.core.text import storable
from likeness.inference.engines.base import Engine, GenerationRequest, SamplingParams

logger = logging.getLogger(__name__)
DEFAULT_CHUNK = 256
# Normalised posts are short; a cap keeps a runaway generation from eating the batch.
DEFAULT_MAX_TOKENS = 160


@dataclass(slots=True)
class NormalizeSummary:
    persona: str
    version: str
    normalized: int = 0  # posts written by this run
    empty: int = 0  # generations that came back empty or were refused (left pending)
    remaining: int = 0  # posts still without a normalised text (0 unless stopped early)
    seconds: float = 0.0
    stopped: bool = False  # should_stop ended the run between chunks


def _pending_ids(db: DbEngine, persona_id: int, mask: int, kept_only: bool) -> list[str]:
    with Session(db) as session:
        query = select(Post.id).where(
            Post.persona_id == persona_id,
            Post.normalized_text.is_(None),
            Post.normalized_approved.is_(False),
        )
        if kept_only:
            query = query.where(Post.flags.op("&")(mask) == 0)
        return list(session.scalars(query.order_by(Post.created_at, Post.id)))


async def _normalize_one(engine: Engine, text: str, sampling: SamplingParams) -> str:
    """The normalised text, or "" when the engine refuses the post (e.g. longer than the
    model's context): one bad post must not stop the batch; it stays pending."""
    request = GenerationRequest(
        request_id=f"norm-{uuid.uuid4().hex}",
        prompt=engine.render_chat(normalizer_messages(text)),
        sampling=sampling,
    )
    try:
        parts = [delta.text async for delta in engine.generate(request)]
    except ValueError as exc:
        logger.warning("not normalised: %s", exc)
        return ""
    return storable("".join(parts).strip())


def _write_chunk(db: DbEngine, rows: list[dict[str, str]]) -> int:
    statement = (
        update(Post.__table__)
        .where(
            Post.__table__.c.id == bindparam("b_id"),
            # Never overwrite what a person approved, even if it was approved meanwhile.
            Post.__table__.c.normalized_approved.is_(False),
        )
        .values(normalized_text=bindparam("b_text"), normalizer_version=bindparam("b_version"))
    )
    with db.begin() as conn:
        conn.execute(statement, rows)
    return len(rows)


async def normalize_corpus(
    db: DbEngine,
    engine: Engine,
    persona: str,
    *,
    chunk_size: int = DEFAULT_CHUNK,
    kept_only: bool = True,
    max_tokens: int = DEFAULT_MAX_TOKENS,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> NormalizeSummary:
    """Normalise every not-yet-normalised post of ``persona`` (kept posts only by default)."""
    started = time.perf_counter()
    with Session(db) as session:
        row = get_persona(session, persona)
        persona_id, mask = row.id, exclude_mask(row.settings)
    version = normalizer_version(engine.model_id)
    pending = _pending_ids(db, persona_id, mask, kept_only)
    todo = pending if limit is None else pending[:limit]
    summary = NormalizeSummary(persona=persona, version=version)
    sampling = SamplingParams(max_tokens=max_tokens, temperature=0.0)
    done = 0
    for start in range(0, len(todo), chunk_size):
        if should_stop():
            summary.stopped = True
            break
        ids = todo[start : start + chunk_size]
        with Session(db) as session:
            texts = dict(
                session.execute(select(Post.id, Post.clean_text).where(Post.id.in_(ids))).all()
            )
        outputs = await asyncio.gather(
            *(_normalize_one(engine, texts[pid], sampling) for pid in ids)
        )
        rows = [
            {"b_id": pid, "b_text": text, "b_version": version}
            for pid, text in zip(ids, outputs, strict=True)
            if text
        ]
        summary.empty += len(ids) - len(rows)
        if rows:
            summary.normalized += _write_chunk(db, rows)
        done += len(ids)
        if progress is not None:
            progress(done, len(todo))
    summary.remaining = len(pending) - summary.normalized
    summary.seconds = round(time.perf_counter() - started, 3)
    return summary
