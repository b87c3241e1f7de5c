"""What format sniffers share: a look at the head of a file that never fails on bad input."""

from __future__ import annotations

from typing import Any

from likeness.ingest.errors import CorruptArchive, IngestError
from likeness.ingest.importers.jsonio import load_json
from likeness.ingest.source_tree import SourceTree

SNIFF_BYTES = 64 * 1024


def peek_or_empty(tree: SourceTree, name: str, limit: int = SNIFF_BYTES) -> bytes:
    """``tree.peek``, but b"" when the file cannot be read: a sniffer says no, it does not raise.

    A damaged archive is the exception: the user needs to hear that, not "unknown format".
    """
    try:
        return tree.peek(name, limit)
    except CorruptArchive:
        raise
    except (OSError, IngestError):
        return b""


def json_or_none(tree: SourceTree, name: str) -> Any:
    """A whole JSON file parsed, or None when it cannot be read or parsed (a damaged archive
    still raises, as in ``peek_or_empty``)."""
    try:
        return load_json(tree.read_bytes(name), tree.where(name))
    except CorruptArchive:
        raise
    except IngestError:
        return None
