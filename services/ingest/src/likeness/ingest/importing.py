"""Import one export end to end: read → clean → store, in one transaction.

    summary = import_path(engine, Path("twitter-2024.zip"), "alice")

Everything is read and checked before the first row is written, and all rows of one import are
written in one transaction: a bad record, a hostile archive or a crash leaves the database as it
was. Re-importing the same export writes nothing (ids are stable, stored rows are never rewritten).
"""

from __future__ import annotations

import re
import shutil
import tempfile
import time
from collections.abc import Iterable
from pathlib import Path

from sqlalchemy import Engine, select, text
from sqlalchemy.orm import Session

from likeness.core.db.models import Source
from likeness.core.flags import exclude_mask, flag_names
from likeness.core.ids import post_id
from likeness.core.settings import Settings, get_settings
from likeness.ingest.cleaning.pipeline import clean_posts
from likeness.ingest.errors import IngestError, InvalidArgument, OutsideImportRoot, TooLarge
from likeness.ingest.importers.base import Importer
from likeness.ingest.importers.registry import ImportOptions, choose_importer
from likeness.ingest.personas import ensure_persona, validate_slug
from likeness.ingest.progress import ProgressFn, no_progress
from likeness.ingest.records import RawPost
from likeness.ingest.source_tree import SourceTree, TreeLimits
from likeness.ingest.store import existing_dedupe_keys, existing_post_ids, write_posts
from likeness.ingest.summary import ImportSummary

PROGRESS_EVERY = 2000
_UNSAFE_NAME = re.compile(r"[^A-Za-z0-9._-]+")


def tree_limits(settings: Settings) -> TreeLimits:
    return TreeLimits(
        max_file_bytes=settings.max_file_bytes,
        max_archive_bytes=settings.max_archive_bytes,
        max_compression_ratio=settings.max_compression_ratio,
    )


def read_records(
    importer: Importer, tree: SourceTree, max_chars: int, progress: ProgressFn
) -> list[RawPost]:
    """All records of the export, each checked against the size limit."""
    records: list[RawPost] = []
    for raw in importer.parse(tree):
        if len(raw.text) > max_chars:
            raise TooLarge(
                f"post text has {len(raw.text)} characters; the limit is {max_chars} "
                "(LIKENESS_MAX_POST_CHARS)",
                path=str(tree.path),
                record=raw.record,
            )
        records.append(raw)
        if len(records) % PROGRESS_EVERY == 0:
            progress("read", len(records), None)
    progress("read", len(records), len(records))
    return records


def _lock_persona_imports(session: Session, slug: str) -> None:
    # Two imports for one persona at once would race on "is this id stored yet?".
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SELECT pg_advisory_xact_lock(hashtext(:key))"), {"key": slug})


def _summarise(
    summary: ImportSummary, flags: Iterable[int], mask: int, merged: int, dups: int
) -> None:
    counts: dict[str, int] = {}
    kept = 0
    for value in flags:
        if not value & mask:
            kept += 1
        for name in flag_names(value):
            counts[name] = counts.get(name, 0) + 1
    summary.kept = kept
    summary.flagged = dict(sorted(counts.items()))
    summary.merged = merged
    summary.duplicates = dups


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
    started = time.perf_counter()
    with SourceTree(Path(path), tree_limits(settings)) as tree:
        importer = choose_importer(tree, fmt, options)
        tree.forget_reads()
        raws = read_records(importer, tree, settings.max_post_chars, progress)
        sha256, size = tree.sha256, tree.bytes_read
    summary = ImportSummary(persona=persona, format=importer.name, source_sha256=sha256)
    summary.read = len(raws)

    with Session(engine) as session, session.begin():
        _lock_persona_imports(session, persona)
        row = ensure_persona(session, persona)
        conn = session.connection()
        stored = existing_post_ids(conn, row.id)
        batch_ids = {post_id(persona, r.platform, r.external_id) for r in raws}
        # A re-imported post must not be called a duplicate of its own stored copy.
        known_keys = {
            key: pid
            for key, pid in existing_dedupe_keys(conn, row.id).items()
            if pid not in batch_ids
        }
        progress("clean", 0, 1)
        result = clean_posts(
            raws, persona, window_s=settings.thread_window_s, existing_keys=known_keys
        )
        progress("clean", 1, 1)
        summary.repeated = result.dropped_repeats
        _summarise(
            summary,
            (p.flags for p in result.posts),
            exclude_mask(row.settings),
            result.merged,
            result.duplicates,
        )
        source = session.scalar(
            select(Source).where(Source.persona_id == row.id, Source.sha256 == sha256)
        )
        summary.source_seen_before = source is not None
        if source is None:
            source = Source(
                persona_id=row.id,
                kind=importer.name,
                name=source_name or str(path),
                sha256=sha256,
                size_bytes=size,
                counts={},
            )
            session.add(source)
            session.flush()
        fresh = [p for p in result.posts if p.id not in stored]
        progress("store", 0, len(fresh))
        summary.new = write_posts(conn, fresh, row.id, source.id)
        progress("store", len(fresh), len(fresh))
        summary.seconds = round(time.perf_counter() - started, 3)
        if not summary.source_seen_before:
            source.counts = summary.to_json()
    return summary


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
