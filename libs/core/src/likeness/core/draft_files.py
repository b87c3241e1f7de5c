r"""Writing exported drafts to a file: the one set of rules the CLI and the terminal app share.

    lines = [draft_line(d, "jsonl") for d in result.drafts]   # result: an ExportResult
    written = append_lines(Path("queue.jsonl"), lines)        # lines not in the file yet

- **The file grows.** Exporting is incremental, so the file is appended to when it exists. It is
  replaced atomically (old content + new lines into a temporary file beside it, flushed to
  disk, renamed over it): a crash leaves the old file or the new one, never half. A line the
  file holds already is not written again.
- **Formats.** ``jsonl``: one object per line with id, persona, topic, text, model_id and
  created_at (ISO 8601, UTC). ``lines``: one post per line, the text escaped as in a JSON
  string so that line breaks survive and nothing splits a post: a backslash is written ``\\``,
  a newline ``\n``, a carriage return ``\r``, any other line separator (U+000B, U+000C,
  U+001C-U+001E, U+0085, U+2028, U+2029) ``\uXXXX``; nothing else changes.

The drafts are anything with a draft's fields (``DraftRecord``): the labeler's ``DraftInfo``
fits, and core does not import the labeler for it.
"""

from __future__ import annotations

import contextlib
import json
import os
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Protocol

FORMATS = ("jsonl", "lines")
#: The characters ``str.splitlines`` breaks at besides \n and \r (escaped in both formats).
OTHER_LINE_BREAKS = "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"


class DraftRecord(Protocol):
    """The fields of an exported draft that go into the file."""

    @property
    def id(self) -> str: ...

    @property
    def persona(self) -> str: ...

    @property
    def topic(self) -> str: ...

    @property
    def text(self) -> str: ...

    @property
    def model_id(self) -> str | None: ...

    @property
    def created_at(self) -> datetime: ...


def _escape_breaks(text: str) -> str:
    for char in OTHER_LINE_BREAKS:
        if char in text:
            text = text.replace(char, f"\\u{ord(char):04x}")
    return text


def one_line(text: str) -> str:
    """``text`` on one line, escaped as in a JSON string (see the module docstring)."""
    escaped = text.replace("\\", "\\\\").replace("\n", "\\n").replace("\r", "\\r")
    return _escape_breaks(escaped)


def draft_line(draft: DraftRecord, fmt: str) -> str:
    """The line ``draft`` is written as in format ``fmt`` (one of ``FORMATS``)."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown draft file format {fmt!r}; one of: {', '.join(FORMATS)}")
    if fmt == "lines":
        return one_line(draft.text)
    row = {
        "id": draft.id,
        "persona": draft.persona,
        "topic": draft.topic,
        "text": draft.text,
        "model_id": draft.model_id,
        "created_at": draft.created_at.isoformat(),
    }
    # json escapes every control character; U+0085/U+2028/U+2029 it leaves raw.
    return _escape_breaks(json.dumps(row, ensure_ascii=False))


def append_lines(path: Path, lines: list[str]) -> int:
    """Append the ``lines`` the file does not hold yet to ``path``, atomically; how many were
    written. The old content and the new lines go to a temporary file beside ``path``, which
    is flushed to disk and renamed over it (with the old file's permissions)."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    held = set(old.splitlines())
    new = [line for line in dict.fromkeys(lines) if line not in held]
    if not new:
        return 0
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    # O_EXCL and 0o666 under the umask: a new file gets the permissions any new file would.
    handle = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o666)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as file:
            if old:
                file.write(old if old.endswith("\n") else old + "\n")
            file.writelines(line + "\n" for line in new)
            file.flush()
            os.fsync(file.fileno())
        if path.exists():
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    with contextlib.suppress(OSError):  # the rename itself, on disk (not every OS allows it)
        folder = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(folder)
        finally:
            os.close(folder)
    return len(new)


def write_drafts(path: Path, drafts: Sequence[DraftRecord], fmt: str) -> int:
    """Append ``drafts`` to ``path`` in format ``fmt`` by the rules above; lines written."""
    return append_lines(path, [draft_line(d, fmt) for d in drafts])
