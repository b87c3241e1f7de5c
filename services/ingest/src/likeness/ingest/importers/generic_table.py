"""Generic tables: JSON Lines and CSV/TSV files of posts, one per line/row, with column mapping."""

from __future__ import annotations

import csv
import hashlib
import io
from collections.abc import Callable, Iterator, Mapping, Sequence
from datetime import datetime
from typing import Any

import orjson

from likeness.ingest.errors import MalformedInput
from likeness.ingest.importers.fields import (
    id_string,
    parse_bool,
    suffix,
    timestamp_or_error,
)
from likeness.ingest.importers.file_importer import FileImporter
from likeness.ingest.importers.sniffing import peek_or_empty
from likeness.ingest.records import RawPost
from likeness.ingest.source_tree import SourceTree

SNIFFER_SAMPLE_CHARS = 8 * 1024
# csv refuses fields over 128 KiB by default; long posts exist, but a field is never a gigabyte.
MAX_CSV_FIELD_CHARS = 16 * 1024 * 1024

#: our fields, in the order ``--column`` help lists them
FIELDS = (
    "text",
    "id",
    "created_at",
    "author",
    "reply_to_id",
    "is_repost",
    "is_reply",
    "is_quote",
    "url",
    "title",
)
#: column names tried (case-insensitively, in order) for a field the column map does not name
DEFAULT_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "full_text", "content", "body", "post"),
    "id": ("id", "id_str", "post_id"),
    "created_at": ("created_at", "date", "timestamp", "published"),
    "author": ("author", "username", "screen_name", "handle"),
    "reply_to_id": ("reply_to_id", "in_reply_to_id", "in_reply_to_status_id_str"),
    "is_repost": ("is_repost", "is_retweet"),
    "is_reply": ("is_reply",),
    "is_quote": ("is_quote",),
    "url": ("url", "link", "permalink"),
    "title": ("title",),
}
_TEXTLIKE = frozenset(DEFAULT_COLUMNS["text"])

_DELIMITERS = (",", ";", "\t")


def derived_id(text: str, created_at: datetime | None) -> str:
    """A stable id for a record that has none: same text and time, same id."""
    stamp = created_at.isoformat() if created_at else ""
    return hashlib.sha256(f"{text}\x1f{stamp}".encode()).hexdigest()[:16]


# -- column mapping ---------------------------------------------------------------------------
def resolve_columns(
    columns: Sequence[str], column_map: Mapping[str, str], where: str, *, strict: bool = True
) -> dict[str, str]:
    """Our field -> the file's column, from the explicit map plus the default names.

    ``strict`` (a CSV header, the first JSONL record) refuses mapped columns that are absent;
    otherwise (later JSONL records, whose keys may vary) they just have no value.
    """
    unknown = sorted(set(column_map) - set(FIELDS))
    if unknown:
        raise MalformedInput(
            f"unknown field(s) in the column map: {', '.join(unknown)}; "
            f"fields are: {', '.join(FIELDS)}",
            path=where,
        )
    present = list(columns)
    listing = ", ".join(repr(c) for c in present) or "(none)"
    resolved: dict[str, str] = {}
    for field_name, column in column_map.items():
        if column not in present and not strict:
            continue
        if column not in present:
            raise MalformedInput(
                f"column {column!r} (mapped to {field_name}) is not in this file; "
                f"columns present: {listing}",
                path=where,
            )
        resolved[field_name] = column
    by_lower: dict[str, str] = {}
    for column in present:
        by_lower.setdefault(column.lower(), column)
    for field_name, candidates in DEFAULT_COLUMNS.items():
        if field_name in resolved:
            continue
        for candidate in candidates:
            if candidate in by_lower:
                resolved[field_name] = by_lower[candidate]
                break
    if "text" not in resolved and strict:
        raise MalformedInput(
            f"no text column (looked for {', '.join(DEFAULT_COLUMNS['text'])}); "
            f"columns present: {listing}; map one with the column map, e.g. text=<column>",
            path=where,
        )
    return resolved


class _RowBuilder:
    """Turns one record's mapped values into a RawPost; all per-file decisions made up front."""

    def __init__(self, columns: dict[str, str], platform: str, author: str | None):
        self.columns = columns
        self.platform = platform
        self.author = author

    def build(self, get: Callable[[str], Any], where: str, record: str) -> RawPost:
        cols = self.columns
        text = _as_text(get(cols["text"]), "text", where, record)
        created_at = (
            timestamp_or_error(get(cols["created_at"]), where, record)
            if "created_at" in cols
            else None
        )
        extra: dict[str, Any] = {}
        external_id = id_string(get(cols["id"])) if "id" in cols else None
        if external_id is None:
            external_id = derived_id(text, created_at)
            extra["id_derived"] = True
        author = self.author
        if "author" in cols:
            value = id_string(get(cols["author"]))
            if value:
                author = value.lstrip("@")
        reply_to_id = id_string(get(cols["reply_to_id"])) if "reply_to_id" in cols else None
        flags = {
            name: self._flag(get, name, where, record)
            for name in ("is_repost", "is_reply", "is_quote")
            if name in cols
        }
        if flags.get("is_reply") and reply_to_id is None:
            extra["is_reply"] = True  # a reply to an unknown post: RawPost has no plain flag
        title = None
        if "title" in cols:
            title = _as_text(get(cols["title"]), "title", where, record) or None
            if title:
                extra["title"] = title
        if "url" in cols:
            url = get(cols["url"])
            if url:
                extra["url"] = str(url)
        return RawPost(
            platform=self.platform,
            external_id=external_id,
            text=text,
            record=record,
            created_at=created_at,
            author=author,
            reply_to_id=reply_to_id,
            repost=flags.get("is_repost", False),
            quote=flags.get("is_quote", False),
            title=title,
            extra=extra,
        )

    def _flag(self, get: Callable[[str], Any], name: str, where: str, record: str) -> bool:
        column = self.columns[name]
        try:
            return parse_bool(get(column))
        except ValueError as exc:
            raise MalformedInput(f"column {column!r}: {exc}", path=where, record=record) from None


def _as_text(value: Any, field_name: str, where: str, record: str) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        return str(value)
    raise MalformedInput(
        f"{field_name} is a {type(value).__name__}, not text", path=where, record=record
    )


class _TableImporter(FileImporter):
    """What JSONL and CSV share: sniffing the first file's head, then reading file by file."""

    def _first_head(self, tree: SourceTree) -> tuple[str, bytes] | None:
        files = self.files(tree)
        return (files[0], peek_or_empty(tree, files[0])) if files else None

    def parse(self, tree: SourceTree) -> Iterator[RawPost]:
        platform = self.options.platform or "generic"
        for name in self.files(tree):
            yield from self._parse_file(tree, name, platform)

    def _parse_file(self, tree: SourceTree, name: str, platform: str) -> Iterator[RawPost]:
        raise NotImplementedError


# -- JSON Lines -------------------------------------------------------------------------------
class JsonlImporter(_TableImporter):
    """One JSON object per line (``.jsonl`` / ``.ndjson``), fields found by the column map."""

    name = "jsonl"
    description = "JSON Lines, one post object per line (.jsonl/.ndjson); columns mappable"
    extensions = frozenset({".jsonl", ".ndjson"})

    def sniff(self, tree: SourceTree) -> bool:
        first = self._first_head(tree)
        if first is None:
            return False
        for line in first[1].removeprefix(b"\xef\xbb\xbf").splitlines():
            if line.strip():
                try:
                    return isinstance(orjson.loads(line), dict)
                except orjson.JSONDecodeError:
                    return False
        return False

    def _parse_file(self, tree: SourceTree, name: str, platform: str) -> Iterator[RawPost]:
        where = tree.where(name)
        data = tree.read_bytes(name).removeprefix(b"\xef\xbb\xbf")
        # JSON objects need not share keys: resolve once per distinct key set (usually one).
        builders: dict[tuple[str, ...], _RowBuilder] = {}
        first = True
        for line_no, line in enumerate(data.split(b"\n"), start=1):
            if not line.strip():
                continue
            record = f"{name}#line {line_no}"
            try:
                obj = orjson.loads(line)
            except orjson.JSONDecodeError as exc:
                raise MalformedInput(
                    f"line {line_no}: malformed JSON: {exc}", path=where, record=record
                ) from None
            if not isinstance(obj, dict):
                raise MalformedInput(
                    f"line {line_no}: expected a JSON object, got {type(obj).__name__}",
                    path=where,
                    record=record,
                )
            keys = tuple(obj)
            builder = builders.get(keys)
            if builder is None:
                columns = resolve_columns(keys, self.options.column_map, where, strict=first)
                first = False
                if len(builders) >= 256:  # every line a new key set: keep memory bounded
                    builders.clear()
                if "text" not in columns:
                    wanted = self.options.column_map.get("text") or "text"
                    raise MalformedInput(
                        f"line {line_no}: no {wanted!r} field; "
                        f"fields present: {', '.join(map(repr, keys)) or '(none)'}",
                        path=where,
                        record=record,
                    )
                builder = builders[keys] = _RowBuilder(columns, platform, self.options.author)
            yield builder.build(obj.get, where, record)


# -- CSV / TSV --------------------------------------------------------------------------------
class CsvImporter(_TableImporter):
    """A CSV/TSV file with a header row; delimiter detected (comma, semicolon, tab)."""

    name = "csv"
    description = "CSV/TSV with a header row (comma, semicolon or tab); columns mappable"
    extensions = frozenset({".csv", ".tsv"})

    def sniff(self, tree: SourceTree) -> bool:
        first = self._first_head(tree)
        if first is None:
            return False
        name, head = first
        try:
            sample = head.decode("utf-8-sig")
        except UnicodeDecodeError:
            # A multi-byte character may be cut at the sample's end; judge by whole lines.
            try:
                sample = head.rsplit(b"\n", 1)[0].decode("utf-8-sig")
            except UnicodeDecodeError:
                return False
        header = _header(sample, _delimiter(name, sample))
        if not header:
            return False
        mapped = self.options.column_map.get("text")
        if mapped:
            return mapped in header
        return any(column.strip().lower() in _TEXTLIKE for column in header)

    def _parse_file(self, tree: SourceTree, name: str, platform: str) -> Iterator[RawPost]:
        if csv.field_size_limit() < MAX_CSV_FIELD_CHARS:
            csv.field_size_limit(MAX_CSV_FIELD_CHARS)
        where = tree.where(name)
        text = tree.read_text(name)
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=_delimiter(name, text))
        try:
            header = next(reader, None)
        except csv.Error as exc:
            raise MalformedInput(f"line 1: {exc}", path=where, record=f"{name}#line 1") from None
        if not header:
            raise MalformedInput("empty CSV: no header row", path=where)
        columns = resolve_columns(header, self.options.column_map, where)
        builder = _RowBuilder(columns, platform, self.options.author)
        index = {column: i for i, column in reversed(list(enumerate(header)))}
        width = len(header)
        line_no = reader.line_num + 1
        while True:
            try:
                row = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise MalformedInput(
                    f"line {line_no}: {exc}", path=where, record=f"{name}#line {line_no}"
                ) from None
            start, line_no = line_no, reader.line_num + 1
            if not row or (len(row) == 1 and not row[0].strip()):
                continue
            record = f"{name}#line {start}"
            if len(row) != width:
                raise MalformedInput(
                    f"line {start}: expected {width} fields, found {len(row)} "
                    "(unquoted delimiter in a field?)",
                    path=where,
                    record=record,
                )
            yield builder.build(lambda column, row=row: row[index[column]], where, record)


def _delimiter(name: str, sample: str) -> str:
    if suffix(name) == ".tsv":
        return "\t"
    # The header line usually settles it; the sniffer is for headers that hold several candidates.
    first = sample[: sample.find("\n")] if "\n" in sample else sample
    seen = [d for d in _DELIMITERS if d in first]
    if len(seen) == 1:
        return seen[0]
    # csv.Sniffer is quadratic on hostile input (about 20 s for 64 KB of quotes and commas), so
    # it only sees whole lines from the first few KB.
    sample = sample[:SNIFFER_SAMPLE_CHARS]
    cut = sample.rfind("\n")
    if cut > 0:
        sample = sample[:cut]
    try:
        return csv.Sniffer().sniff(sample, delimiters="".join(_DELIMITERS)).delimiter
    except csv.Error:
        return ","


def _header(sample: str, delimiter: str) -> list[str]:
    try:
        return next(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter), [])
    except csv.Error:
        return []
