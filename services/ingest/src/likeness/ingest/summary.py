"""What one import did, as the CLI table, the JSON output and the gRPC reply all report it."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any


@dataclass(slots=True)
class ImportSummary:
    persona: str
    format: str
    source_sha256: str
    read: int = 0  # records read from the export
    kept: int = 0  # posts the persona's settings keep for training
    flagged: dict[str, int] = field(default_factory=dict)  # flag name -> posts carrying it
    merged: int = 0  # thread continuations merged into their head
    duplicates: int = 0  # exact + near duplicates
    new: int = 0  # rows written by this import
    repeated: int = 0  # the same record twice in one export (kept once)
    # records the importer never turned into posts, by reason (Mastodon: direct, private, boost)
    skipped: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0
    source_seen_before: bool = False

    def to_json(self) -> dict[str, Any]:
        return asdict(self)
