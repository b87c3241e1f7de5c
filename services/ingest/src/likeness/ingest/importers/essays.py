"""Long-form writing: ``.txt``/``.md`` files (or a folder of them), chunked for completion training.

A document may open with simple front matter (``---`` / ``key: value`` lines / ``---``) giving
``date`` and ``title``; otherwise the title comes from a leading ``# Heading`` and the date from a
``YYYY-MM-DD`` filename prefix. The date is read from ``date``, ``dateISO``, ``published`` or
``created`` (the first that parses): full or partial ISO dates ("2022-04", "2022") and month names
("April 2022", "Apr 5, 2022"); a missing day or month is the first one. A front-matter date that
cannot be read does not fail the batch: it is kept as ``extra["date_unrecognised"]`` and the
filename prefix is used, else the essay is imported *undated* (``created_at`` None). The file's
mtime is never used: a copy or an unzip changes it.

The body is split into paragraphs at blank lines and consecutive paragraphs are packed into
chunks of at most ``max_chunk_chars``; a paragraph is only split when it alone is longer than that
(at sentence ends, else at whitespace). Chunk ids hash the document text, so they survive renames
and re-imports.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from datetime import datetime
from pathlib import PurePosixPath

from likeness.core.text import split_sentences
from likeness.ingest.importers.fields import (
    bare_handle,
    is_hidden,
    parse_partial_date,
    suffix,
)
from likeness.ingest.importers.file_importer import FileImporter
from likeness.ingest.importers.sniffing import peek_or_empty
from likeness.ingest.records import RawPost
from likeness.ingest.source_tree import SourceTree

EXTENSIONS = frozenset({".txt", ".md", ".markdown"})
MARKDOWN = frozenset({".md", ".markdown"})

_FRONT_MATTER = re.compile(r"---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# No lazy quantifier before an optional tail: values and headings are stripped afterwards.
_KEY_VALUE = re.compile(r"\s*([A-Za-z_][\w-]*)\s*:(.*)")
_HEADING = re.compile(r"#[ \t]+(\S.*)")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")
_WHITESPACE = re.compile(r"\s+")
_FILENAME_DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
# Front-matter keys (lower-cased) that may hold the date, in the order they are tried.
DATE_KEYS = ("date", "dateiso", "published", "created")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """(front matter fields, body). Text without a closed front-matter block is all body."""
    if not text.startswith("---"):
        return {}, text
    match = _FRONT_MATTER.match(text)
    if not match:
        return {}, text
    fields: dict[str, str] = {}
    for line in match.group(1).split("\n"):
        pair = _KEY_VALUE.fullmatch(line)
        if pair:
            fields[pair.group(1).lower()] = _unquote(pair.group(2).strip())
    return fields, text[match.end() :]


def _unquote(value: str) -> str:
    if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
        return value[1:-1]
    return value


def chunk_paragraphs(body: str, limit: int) -> list[str]:
    """Pack consecutive paragraphs into chunks of at most ``limit`` characters."""
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for paragraph in _PARAGRAPH_BREAK.split(body.strip()):
        paragraph = paragraph.rstrip()
        if not paragraph:
            continue
        pieces = [paragraph] if len(paragraph) <= limit else split_long(paragraph, limit)
        for piece in pieces:
            added = len(piece) + (2 if current else 0)
            if current and size + added > limit:
                chunks.append("\n\n".join(current))
                current, size, added = [], 0, len(piece)
            current.append(piece)
            size += added
    if current:
        chunks.append("\n\n".join(current))
    return chunks


def split_long(paragraph: str, limit: int) -> list[str]:
    """Split one over-long paragraph at sentence ends, falling back to whitespace, then hard."""
    pieces: list[str] = []
    for sentence in split_sentences(paragraph):
        units = [sentence] if len(sentence) <= limit else _split_words(sentence, limit)
        for unit in units:
            if pieces and len(pieces[-1]) + 1 + len(unit) <= limit:
                pieces[-1] = f"{pieces[-1]} {unit}"
            else:
                pieces.append(unit)
    return [p for p in pieces if p]


def _split_words(text: str, limit: int) -> list[str]:
    pieces: list[str] = []
    for word in _WHITESPACE.split(text):
        while len(word) > limit:  # no whitespace to split at: cut hard
            pieces.append(word[:limit])
            word = word[limit:]
        if pieces and len(pieces[-1]) + 1 + len(word) <= limit:
            pieces[-1] = f"{pieces[-1]} {word}"
        elif word:
            pieces.append(word)
    return pieces


class EssayImporter(FileImporter):
    name = "essays"
    description = "Essays and notes: .txt/.md files or a folder of them, chunked by paragraph"
    extensions = EXTENSIONS
    max_chunk_chars = 2000

    def sniff(self, tree: SourceTree) -> bool:
        names = [n for n in tree.names() if not is_hidden(n)]
        if not names or any(suffix(n) not in EXTENSIONS for n in names):
            return False
        return all(_looks_like_text(peek_or_empty(tree, n, 4096)) for n in names)

    def parse(self, tree: SourceTree) -> Iterator[RawPost]:
        platform = self.options.platform or "essay"
        author = bare_handle(self.options.author)
        for name in self.files(tree):
            yield from self._document(tree, name, platform, author)

    def _document(
        self, tree: SourceTree, name: str, platform: str, author: str | None
    ) -> Iterator[RawPost]:
        text = tree.read_text(name).replace("\r\n", "\n").replace("\r", "\n")
        doc_id = hashlib.sha256(text.encode()).hexdigest()[:16]
        fields, body = split_front_matter(text)
        title = fields.get("title") or None
        body, heading = _take_heading(body, name, title)
        title = title or heading
        created_at, unrecognised = _date(fields, name)
        chunks = chunk_paragraphs(body, self.max_chunk_chars)
        for index, chunk in enumerate(chunks):
            extra: dict[str, object] = {"chunk_index": index, "chunks": len(chunks)}
            if title:
                extra["title"] = title
            if unrecognised:
                extra["date_unrecognised"] = unrecognised
            yield RawPost(
                platform=platform,
                external_id=f"{doc_id}:{index}",
                text=chunk,
                record=f"{name}#chunk {index}",
                created_at=created_at,
                author=author,
                title=title,
                extra=extra,
            )


def _date(fields: dict[str, str], name: str) -> tuple[datetime | None, str | None]:
    """(the document's date, the front-matter date value that could not be read, if any)."""
    given = [fields[key] for key in DATE_KEYS if fields.get(key)]
    for value in given:
        moment = parse_partial_date(value)
        if moment is not None:
            return moment, None
    unrecognised = given[0][:200] if given else None
    match = _FILENAME_DATE.match(PurePosixPath(name).name)
    # "2021-13-45-notes.md" is not a date after all: None.
    return (parse_partial_date(match.group(1)) if match else None), unrecognised


def _take_heading(body: str, name: str, title: str | None) -> tuple[str, str | None]:
    """Split a leading Markdown "# Heading" off the body when it is (or can be) the title."""
    if suffix(name) not in MARKDOWN:
        return body, None
    stripped = body.lstrip()
    first, _, rest = stripped.partition("\n")
    match = _HEADING.fullmatch(first.rstrip())
    if not match:
        return body, None
    heading = match.group(1).rstrip(" \t#") or None
    if heading is None:
        return body, None
    if title is not None and heading != title:
        return body, None  # a different heading is content, not a duplicate of the title
    return rest, heading


def _looks_like_text(head: bytes) -> bool:
    if b"\x00" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the sample's end is still text.
        return exc.start >= len(head) - 3 and exc.reason == "unexpected end of data"
    return True
