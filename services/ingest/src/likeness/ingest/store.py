"""Bulk storage of cleaned posts: COPY on PostgreSQL, executemany on SQLite.

Rows are written inside the caller's transaction, so an import is all or nothing. Posts whose
stable id is already stored are never written again: a re-import adds nothing and cannot touch
normalised text, labels or splits.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import Connection, insert, select

from likeness.core.db.models import Post
from likeness.ingest.cleaning.model import CleanPost

COLUMNS = (
    "id",
    "persona_id",
    "source_id",
    "source_record",
    "platform",
    "external_id",
    "author",
    "created_at",
    "raw_text",
    "clean_text",
    "normalized_text",
    "normalizer_version",
    "normalized_approved",
    "flags",
    "reply_to_id",
    "thread_id",
    "duplicate_of",
    "dedupe_key",
    "split",
    "extra",
    "imported_at",
)


def existing_post_ids(conn: Connection, persona_id: int) -> set[str]:
    rows = conn.execute(select(Post.id).where(Post.persona_id == persona_id))
    return {row[0] for row in rows}


def existing_dedupe_keys(conn: Connection, persona_id: int) -> dict[str, str]:
    """dedupe key -> id of the earliest stored post with it."""
    rows = conn.execute(
        select(Post.dedupe_key, Post.id)
        .where(Post.persona_id == persona_id, Post.dedupe_key != "")
        .order_by(Post.created_at.desc())
    )
    # Iterating newest first lets the oldest win.
    return {key: post_id for key, post_id in rows}


def _row(post: CleanPost, persona_id: int, source_id: int, now: datetime) -> tuple[Any, ...]:
    raw = post.raw
    return (
        post.id,
        persona_id,
        source_id,
        raw.record,
        raw.platform,
        raw.external_id,
        raw.author,
        raw.created_at,
        raw.text,
        post.clean_text,
        None,
        None,
        False,
        post.flags,
        raw.reply_to_id,
        post.thread_id,
        post.duplicate_of,
        post.dedupe_key,
        None,
        raw.extra,
        now,
    )


def _copy_postgres(conn: Connection, rows: Iterable[tuple[Any, ...]]) -> None:
    driver = conn.connection.driver_connection
    assert driver is not None
    statement = f"COPY posts ({', '.join(COLUMNS)}) FROM STDIN"
    extra_index = COLUMNS.index("extra")
    with driver.cursor() as cursor, cursor.copy(statement) as copy:
        for row in rows:
            values = list(row)
            values[extra_index] = orjson.dumps(values[extra_index]).decode()
            copy.write_row(values)


def _insert_many(conn: Connection, rows: Sequence[tuple[Any, ...]]) -> None:
    table = Post.__table__
    conn.execute(insert(table), [dict(zip(COLUMNS, row, strict=True)) for row in rows])


def write_posts(
    conn: Connection, posts: Sequence[CleanPost], persona_id: int, source_id: int
) -> int:
    """Write posts not yet stored; returns how many rows were written."""
    if not posts:
        return 0
    now = datetime.now(UTC)
    rows = [_row(post, persona_id, source_id, now) for post in posts]
    if conn.dialect.name == "postgresql":
        _copy_postgres(conn, rows)
    else:
        _insert_many(conn, rows)
    return len(rows)
