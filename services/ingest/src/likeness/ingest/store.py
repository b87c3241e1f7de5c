"""Bulk storage of cleaned posts: streaming COPY on PostgreSQL, batched executemany on SQLite.

Rows are written inside the caller's transaction, so an import is all or nothing. On PostgreSQL
a binary COPY stream is open while the export is still being read and cleaned: the database
inserts rows on one core while Python parses on the other (the posts table has no foreign keys,
whose row-by-row checks would otherwise all run after the stream ends). Steps that need the
whole batch (thread
merging, duplicates) change a few posts afterwards; ``PostWriter.update_changed`` rewrites just
those rows. Posts whose stable id is already stored are never written again, so a re-import adds
nothing and cannot touch normalised text, labels or splits.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import ExitStack
from datetime import UTC, datetime
from typing import Any

import orjson
from sqlalchemy import Connection, bindparam, insert, select, update

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
# PostgreSQL types of COLUMNS, for binary COPY.
COPY_TYPES = (
    "text",
    "int4",
    "int4",
    "text",
    "text",
    "text",
    "text",
    "timestamptz",
    "text",
    "text",
    "text",
    "text",
    "bool",
    "int4",
    "text",
    "text",
    "text",
    "text",
    "text",
    "json",
    "timestamptz",
)
EXTRA = COLUMNS.index("extra")
# What steps after the first write may still change about a post.
MUTABLE = ("clean_text", "flags", "thread_id", "duplicate_of", "dedupe_key")
SQLITE_BATCH = 5000


def stored_posts(conn: Connection, persona_id: int) -> tuple[set[str], dict[str, str]]:
    """(ids of the persona's stored posts, dedupe key -> id of the oldest post with it)."""
    rows = conn.execute(
        select(Post.id, Post.dedupe_key)
        .where(Post.persona_id == persona_id)
        .order_by(Post.created_at.desc())
    )
    ids: set[str] = set()
    keys: dict[str, str] = {}
    for post_id, key in rows:
        ids.add(post_id)
        if key:
            keys[key] = post_id  # newest first, so the oldest wins
    return ids, keys


def _snapshot(post: CleanPost) -> tuple[Any, ...]:
    return (post.clean_text, post.flags, post.thread_id, post.duplicate_of, post.dedupe_key)


class PostWriter:
    """Writes new posts as they come, then rewrites the few that later steps changed."""

    def __init__(self, conn: Connection, persona_id: int, source_id: int):
        self.conn = conn
        self.persona_id = persona_id
        self.source_id = source_id
        self.now = datetime.now(UTC)
        self.written: dict[str, tuple[CleanPost, tuple[Any, ...]]] = {}
        self._postgres = conn.dialect.name == "postgresql"
        self._pending: list[dict[str, Any]] = []
        self._stack = ExitStack()
        self._copy: Any = None

    def __enter__(self) -> PostWriter:
        if self._postgres:
            driver = self.conn.connection.driver_connection
            assert driver is not None
            cursor = self._stack.enter_context(driver.cursor())
            statement = f"COPY posts ({', '.join(COLUMNS)}) FROM STDIN (FORMAT BINARY)"
            self._copy = self._stack.enter_context(cursor.copy(statement))
            # Binary rows are about twice as cheap to build as text rows.
            self._copy.set_types(COPY_TYPES)
        return self

    def __exit__(self, *exc_info: object) -> None:
        if exc_info[0] is None and self._pending:
            self._flush_sqlite()
        self._stack.__exit__(*exc_info)  # type: ignore[arg-type]

    def _row(self, post: CleanPost) -> list[Any]:
        raw = post.raw
        return [
            post.id,
            self.persona_id,
            self.source_id,
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
            self.now,
        ]

    def add(self, post: CleanPost) -> None:
        self.written[post.id] = (post, _snapshot(post))
        row = self._row(post)
        if self._postgres:
            row[EXTRA] = orjson.dumps(row[EXTRA]).decode()
            self._copy.write_row(row)
        else:
            self._pending.append(dict(zip(COLUMNS, row, strict=True)))
            if len(self._pending) >= SQLITE_BATCH:
                self._flush_sqlite()

    def _flush_sqlite(self) -> None:
        self.conn.execute(insert(Post.__table__), self._pending)
        self._pending = []

    def changed(self) -> Iterator[CleanPost]:
        for post, before in self.written.values():
            if _snapshot(post) != before:
                yield post

    def update_changed(self) -> int:
        """Rewrite the mutable columns of written posts that changed since they were written."""
        rows = [
            {"b_id": post.id, **{name: getattr(post, name) for name in MUTABLE}}
            for post in self.changed()
        ]
        if rows:
            table = Post.__table__
            statement = (
                update(table)
                .where(table.c.id == bindparam("b_id"))
                .values({name: bindparam(name) for name in MUTABLE})
            )
            self.conn.execute(statement, rows)
        return len(rows)
