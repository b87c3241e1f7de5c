"""A post on its way through cleaning: the raw record plus what the rules decided."""

from __future__ import annotations

from dataclasses import dataclass

from likeness.ingest.records import RawPost


@dataclass(slots=True)
class CleanPost:
    raw: RawPost
    id: str  # stable post id (likeness.core.ids.post_id)
    clean_text: str
    flags: int = 0  # likeness.core.flags.PostFlag bits
    thread_id: str | None = None  # id of the thread's head post
    duplicate_of: str | None = None  # id of the earlier post with the same (or near) text
    dedupe_key: str = ""
