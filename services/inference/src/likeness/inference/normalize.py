"""Batch normalisation of a persona's corpus with its current normaliser.

    summary = asyncio.run(normalize_corpus(db, engine, "alice", progress=print))

The persona's current normaliser (``normalizers``: its active normaliser adapter with the prompt
version it was trained on, else the bare base model with the current version) rewrites every
post it has not written yet: a post is pending when no person approved its text and it has no
normalised text, or one written by another normaliser (another model id or prompt version; rows
from before models were recorded, with ``normalizer_model`` NULL, count as another's). So
activating a newer normaliser and running again rewrites exactly the posts no person approved.

Pending posts go through the engine a chunk at a time, all posts of a chunk concurrently (the
engine batches them), and each chunk is written in one bulk update and committed: a killed run
resumes where it stopped and never redoes finished posts. Every written post records
``normalizer_model`` (the model id) and ``normalizer_version`` (the prompt version). A text a
person approved is never overwritten (the update itself checks the flag). The prompt is
``normalizers.normalizer_prompt``, the one proposals are made with.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine as DbEngine
from sqlalchemy import bindparam, or_, select, update
from sqlalchemy.orm import Session

from likeness.core.db.models import Post
from likeness.core.flags import exclude_mask
from likeness.core.personas import get_persona
from likeness.inference.engines.base import Engine, SamplingParams
from likeness.inference.normalizers import (
    DEFAULT_MAX_TOKENS,
    Normalizer,
    normalizer_prompt,
    rewrite,
)
from likeness.inference.serving import ModelResolver

__all__ = ["DEFAULT_CHUNK", "DEFAULT_MAX_TOKENS", "NormalizeSummary", "normalize_corpus"]

logger = logging.getLogger(__name__)
DEFAULT_CHUNK = 256


@dataclass(slots=True)
class NormalizeSummary:
    persona: str
    version: str  # the normaliser's prompt version, e.g. "normalizer-v2"
    model: str = ""  # the normaliser's model id (registry id, or the base model's name)
    normalized: int = 0  # posts written by this run
    empty: int = 0  # generations that came back empty or were refused (left pending)
    remaining: int = 0  # posts still pending (0 unless stopped early or limited)
    seconds: float = 0.0
    stopped: bool = False  # should_stop ended the run between chunks


def _pending_ids(
    db: DbEngine, persona_id: int, mask: int, kept_only: bool, normalizer: Normalizer
) -> list[str]:
    """Posts not approved by a person whose text this normaliser has not written."""
    with Session(db) as session:
        query = select(Post.id).where(
            Post.persona_id == persona_id,
            Post.normalized_approved.is_(False),
            or_(
                Post.normalized_text.is_(None),
                Post.normalizer_model.is_distinct_from(normalizer.model_id),
                Post.normalizer_version.is_distinct_from(normalizer.prompt_version),
            ),
        )
        if kept_only:
            query = query.where(Post.flags.op("&")(mask) == 0)
        return list(session.scalars(query.order_by(Post.created_at, Post.id)))


async def normalize_text(
    engine: Engine, normalizer: Normalizer, text: str, sampling: SamplingParams
) -> str:
    """The normalised text of one cleaned post, or "" when the engine refuses it (e.g. longer
    than the model's context): one bad post must not stop the batch; it stays pending."""
    try:
        return await rewrite(
            engine, normalizer, normalizer_prompt(engine, text, normalizer.prompt_version), sampling
        )
    except ValueError as exc:
        logger.warning("not normalised: %s", exc)
        return ""


def _write_chunk(db: DbEngine, rows: list[dict[str, str]]) -> int:
    table = Post.__table__
    statement = (
        update(table)
        .where(
            table.c.id == bindparam("b_id"),
            # Never overwrite what a person approved, even if it was approved meanwhile.
            table.c.normalized_approved.is_(False),
        )
        .values(
            normalized_text=bindparam("b_text"),
            normalizer_version=bindparam("b_version"),
            normalizer_model=bindparam("b_model"),
        )
    )
    with db.begin() as conn:
        conn.execute(statement, rows)
    return len(rows)


async def normalize_corpus(
    db: DbEngine,
    engine: Engine,
    persona: str,
    *,
    resolver: ModelResolver | None = None,
    chunk_size: int = DEFAULT_CHUNK,
    kept_only: bool = True,
    max_tokens: int = DEFAULT_MAX_TOKENS,
    limit: int | None = None,
    progress: Callable[[int, int], None] | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> NormalizeSummary:
    """Normalise every pending post of ``persona`` (kept posts only by default) with its
    current normaliser; ``resolver`` is the engine's adapter cache (a private one if None)."""
    started = time.perf_counter()
    with Session(db) as session:
        row = get_persona(session, persona)
        persona_id, mask = row.id, exclude_mask(row.settings)
    normalizer = await (resolver or ModelResolver(engine, db)).normalizer(persona)
    pending = _pending_ids(db, persona_id, mask, kept_only, normalizer)
    todo = pending if limit is None else pending[:limit]
    summary = NormalizeSummary(
        persona=persona, version=normalizer.prompt_version, model=normalizer.model_id
    )
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
            *(normalize_text(engine, normalizer, texts[pid], sampling) for pid in ids)
        )
        rows = [
            {
                "b_id": pid,
                "b_text": text,
                "b_version": normalizer.prompt_version,
                "b_model": normalizer.model_id,
            }
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
