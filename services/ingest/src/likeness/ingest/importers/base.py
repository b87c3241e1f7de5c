"""The importer interface: sniff an export, then yield ``RawPost`` records from it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from likeness.ingest.records import RawPost
from likeness.ingest.source_tree import SourceTree


class Importer(Protocol):
    #: the ``--format`` name, e.g. "twitter-archive"
    name: str
    #: one line for ``--help`` and docs
    description: str

    def sniff(self, tree: SourceTree) -> bool:
        """True if this export is in this importer's format. Reads as little as it can."""
        ...

    def parse(self, tree: SourceTree) -> Iterator[RawPost]:
        """Every record of the export, in file order. Raises IngestError on bad input."""
        ...


def skipped_counts(importer: Importer) -> dict[str, int]:
    """Records an importer deliberately left out, by reason (only some importers skip any)."""
    counts = getattr(importer, "skipped", None)
    return {str(k): int(v) for k, v in counts.items()} if counts else {}
