"""Import one export end to end: read → clean → store, in one transaction.

    summary = import_path(engine, Path("twitter-2024.zip"), "alice")

Everything is read and checked before the first row is written, and all rows of one import are
written in one transaction: a bad record, a hostile archive or a crash leaves the database as it
was. Re-importing the same export writes nothing (ids are stable, stored rows are never rewritten).

An export that yields no record at all (an empty file or folder, a list with nothing in it, only
private posts) raises ``NothingToImport`` and writes nothing, not even a source row: "0 posts
imported" would hide a wrong path or format. NUL characters, which PostgreSQL text cannot hold,
become U+FFFD in the text *and* in ids, handles and titles (``likeness.core.text.storable``): the
post is kept, and a NUL-free id is stable across imports.
"""

from __future__ import annotations

import gc
import re
import shutil
import tempfile
import time
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from operator import attrgetter
from pathlib import Path
from typing import NoReturn

from sqlalchemy import Engine, select, text, update
from sqlalchemy.orm import Session

from likeness.core.db.models import Post, Source
from likeness.core.flags import PostFlag, count_flags, exclude_mask
from likeness.core.ids import post_id
from likeness.core.settings import Settings, get_settings
from likeness.core.text import storable
from likeness.ingest.cleaning.model import CleanPost
from likeness.ingest.cleaning.pipeline import CLEANING_VERSION, clean_one, finish_batch
from likeness.ingest.errors import (
    IngestError,
    InvalidArgument,
    NothingToImport,
    OutsideImportRoot,
    TooLarge,
)
from likeness.ingest.importers.base import Importer, skipped_counts
from likeness.ingest.importers.registry import ImportOptions, choose_importer
from likeness.ingest.personas import ensure_persona, validate_slug
from likeness.ingest.progress import ProgressFn, no_progress
from likeness.ingest.records import RawPost
from likeness.ingest.source_tree import SourceTree, TreeLimits
from likeness.ingest.store import PostWriter, stored_posts
from likeness.ingest.summary import ImportSummary

PROGRESS_EVERY = 2000
MERGED = int(PostFlag.MERGED)
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")
# The RawPost fields that reach text columns (record names come from file names, never NUL).
_TEXT_FIELDS = (
    "text",
    "external_id",
    "author",
    "author_id",
    "reply_to_id",
    "reply_to_user",
    "title",
)
_TEXT_VALUES = attrgetter(*_TEXT_FIELDS)


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector during bulk work.

    An import allocates millions of small objects (parsed JSON, records) and no reference cycles
    worth collecting; the collector's repeated full passes over them took over half the time.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def tree_limits(settings: Settings) -> TreeLimits:
    return TreeLimits(
        max_file_bytes=settings.max_file_bytes,
        max_archive_bytes=settings.max_archive_bytes,
        max_compression_ratio=settings.max_compression_ratio,
    )


def _refuse_size(raw: RawPost, max_chars: int, tree: SourceTree) -> NoReturn:
    raise TooLarge(
        f"post text has {len(raw.text)} characters; the limit is {max_chars} "
        "(LIKENESS_MAX_POST_CHARS)",
        path=str(tree.path),
        record=raw.record,
    )


def _lock_persona_imports(session: Session, slug: str) -> None:
    # Two imports for one persona at once would race on "is this id stored yet?".
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": slug})


def import_path(
    engine: Engine,
    path: Path,
    persona: str,
    *,
    fmt: str = "auto",
    options: ImportOptions | None = None,
    settings: Settings | None = None,
    progress: ProgressFn = no_progress,
    source_name: str | None = None,
) -> ImportSummary:
    """Import a file, folder or zip for ``persona`` (created on first use)."""
    settings = settings or get_settings()
    validate_slug(persona)
    with gc_paused():
        return _import_path(
            engine, Path(path), persona, fmt, options, settings, progress, source_name
        )


@dataclass(slots=True)
class _Batch:
    """What one pass over an export produced."""

    posts: list[CleanPost] = field(default_factory=list)  # cleaned; the new ones are written
    already_stored: list[RawPost] = field(default_factory=list)  # cleaned only if needed
    read: int = 0
    repeated: int = 0


def _stream_records(
    importer: Importer,
    tree: SourceTree,
    writer: PostWriter,
    persona: str,
    stored_ids: set[str],
    max_chars: int,
    progress: ProgressFn,
) -> _Batch:
    """Read, clean and write every new record as it comes (the database works meanwhile)."""
    batch = _Batch()
    seen: set[str] = set()  # ids: one per (platform, external id) within the persona
    for raw in importer.parse(tree):
        batch.read += 1
        if len(raw.text) > max_chars:
            _refuse_size(raw, max_chars, tree)
        _make_storable(raw)
        pid = post_id(persona, raw.platform, raw.external_id)
        if pid in seen:
            batch.repeated += 1
            continue
        seen.add(pid)
        if pid in stored_ids:
            batch.already_stored.append(raw)
        else:
            post = clean_one(raw, persona, pid)
            batch.posts.append(post)
            writer.add(post)
        if batch.read % PROGRESS_EVERY == 0:
            progress("read", batch.read, None)
    progress("read", batch.read, batch.read)
    return batch


def _make_storable(raw: RawPost) -> None:
    # A plain loop over one C-level attrgetter tuple: any() with a generator costs twice as much
    # per post, and this runs for every post; the rewrite runs only for the rare NUL.
    for value in _TEXT_VALUES(raw):
        if value and "\x00" in value:
            break
    else:
        return
    for name in _TEXT_FIELDS:
        value = getattr(raw, name)
        if value:
            setattr(raw, name, storable(value))


def _refuse_empty_tree(tree: SourceTree) -> None:
    names = tree.names()
    if not names:
        what = "folder" if tree.kind == "folder" else "archive"
        raise NothingToImport(f"nothing to import: the {what} holds no files", path=str(tree.path))
    if tree.kind == "file" and tree.size(names[0]) == 0:
        raise NothingToImport("nothing to import: the file is empty", path=str(tree.path))


def _refuse_no_records(importer: Importer, tree: SourceTree) -> NoReturn:
    skipped = skipped_counts(importer)
    detail = ", ".join(f"{reason} {n}" for reason, n in sorted(skipped.items()))
    raise NothingToImport(
        f"nothing to import: no posts in this {importer.name} export"
        + (f" (all left out: {detail})" if detail else ""),
        path=str(tree.path),
    )


def _import_path(
    engine: Engine,
    path: Path,
    persona: str,
    fmt: str,
    options: ImportOptions | None,
    settings: Settings,
    progress: ProgressFn,
    source_name: str | None,
) -> ImportSummary:
    started = time.perf_counter()
    with SourceTree(path, tree_limits(settings)) as tree, Session(engine) as session:
        _refuse_empty_tree(tree)
        importer = choose_importer(tree, fmt, options)
        tree.forget_reads()
        with session.begin():
            _lock_persona_imports(session, persona)
            row = ensure_persona(session, persona)
            conn = session.connection()
            stored_ids, stored_keys = stored_posts(conn, row.id)
            known_sources = {
                s.sha256: s
                for s in session.scalars(select(Source).where(Source.persona_id == row.id))
            }
            # The source row is needed before the first post row; its hash is known at the end.
            source = Source(
                persona_id=row.id,
                kind=importer.name,
                name=source_name or str(path),
                sha256=f"pending-{uuid.uuid4().hex}",
                size_bytes=0,
                counts={},
            )
            session.add(source)
            session.flush()

            summary = ImportSummary(persona=persona, format=importer.name, source_sha256="")
            with PostWriter(conn, row.id, source.id) as writer:
                batch = _stream_records(
                    importer, tree, writer, persona, stored_ids, settings.max_post_chars, progress
                )
                if batch.read == 0:
                    _refuse_no_records(importer, tree)  # rolls back the source row too
                summary.source_sha256 = tree.sha256
                previous = known_sources.get(tree.sha256)
                # The very same export again, all of it stored: nothing to write or recompute.
                unchanged = previous is not None and not batch.posts and _same_cleaning(previous)
                if not unchanged:
                    # Runs while the database is still taking the streamed rows.
                    progress("clean", 0, 1)
                    batch.posts.extend(clean_one(raw, persona) for raw in batch.already_stored)
                    summary.merged, summary.duplicates = finish_batch(
                        batch.posts, window_s=settings.thread_window_s, existing_keys=stored_keys
                    )
                    _keep_text_of_stored_threads(writer)
                    progress("clean", 1, 1)
            summary.read, summary.repeated = batch.read, batch.repeated
            summary.skipped = skipped_counts(importer)
            summary.source_seen_before = previous is not None
            if unchanged:
                assert previous is not None
                session.delete(source)
                _restore_summary(summary, previous.counts)
            else:
                progress("store", 0, 1)
                writer.update_changed()
                progress("store", 1, 1)
                flags = [p.flags for p in batch.posts]
                mask = exclude_mask(row.settings)
                summary.kept = sum(1 for value in flags if not value & mask)
                summary.flagged = dict(sorted(count_flags(flags).items()))
                summary.new = len(writer.written)
                if previous is None:
                    source.sha256, source.size_bytes = tree.sha256, tree.bytes_read
                else:
                    if writer.written:
                        conn.execute(
                            update(Post)
                            .where(Post.source_id == source.id)
                            .values(source_id=previous.id)
                        )
                    session.delete(source)
            summary.seconds = round(time.perf_counter() - started, 3)
            if previous is None:
                source.counts = {**summary.to_json(), "cleaning_version": CLEANING_VERSION}
    return summary


def _same_cleaning(source: Source) -> bool:
    return bool(source.counts) and source.counts.get("cleaning_version") == CLEANING_VERSION


def _restore_summary(summary: ImportSummary, counts: dict[str, object]) -> None:
    """The figures of the first import of this export (same contents, same cleaning rules)."""
    for name in ("kept", "merged", "duplicates"):
        value = counts.get(name)
        if isinstance(value, int):
            setattr(summary, name, value)
    flagged = counts.get("flagged")
    if isinstance(flagged, dict):
        summary.flagged = {str(k): int(v) for k, v in flagged.items()}
    summary.new = 0


def _keep_text_of_stored_threads(writer: PostWriter) -> None:
    """A new post that continues a thread whose head is already stored stays unmerged.

    Stored rows are never rewritten, so the head cannot take the new text; flagging the new post
    MERGED would drop its words from training.
    """
    for post, _ in writer.written.values():
        if post.flags & MERGED and post.thread_id not in writer.written:
            post.flags &= ~MERGED


def resolve_server_path(requested: str, root: Path) -> Path:
    """A server-side import path, refused unless it lies inside the import root."""
    base = root.expanduser().resolve()
    candidate = Path(requested).expanduser()
    if not candidate.is_absolute():
        candidate = base / candidate
    resolved = candidate.resolve()
    if not resolved.is_relative_to(base):
        raise OutsideImportRoot(
            f"{requested!r} is outside the import root {base} (LIKENESS_IMPORT_ROOT)"
        )
    return resolved


def import_upload(
    engine: Engine,
    chunks: Iterable[bytes],
    filename: str,
    persona: str,
    *,
    fmt: str = "auto",
    options: ImportOptions | None = None,
    settings: Settings | None = None,
    progress: ProgressFn = no_progress,
) -> ImportSummary:
    """Import uploaded bytes: spooled to a private temp dir (size-limited), then imported."""
    settings = settings or get_settings()
    name = _UNSAFE_NAME.sub("_", Path(filename or "upload").name).lstrip(".") or "upload"
    spool_root = settings.data_dir / "uploads"
    spool_root.mkdir(parents=True, exist_ok=True)
    workdir = Path(tempfile.mkdtemp(dir=spool_root))
    try:
        target = workdir / name
        written = 0
        with target.open("wb") as handle:
            for chunk in chunks:
                written += len(chunk)
                if written > settings.max_upload_bytes:
                    raise TooLarge(
                        f"upload is larger than {settings.max_upload_bytes} bytes "
                        "(LIKENESS_MAX_UPLOAD_BYTES)",
                        path=name,
                    )
                handle.write(chunk)
        if written == 0:
            raise InvalidArgument("the upload is empty", path=name)
        try:
            return import_path(
                engine,
                target,
                persona,
                fmt=fmt,
                options=options,
                settings=settings,
                progress=progress,
                source_name=f"upload:{name}",
            )
        except IngestError as exc:
            # Name the user's file, not the server's spool path.
            if exc.path:
                exc.path = exc.path.replace(str(target), name)
            raise
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
