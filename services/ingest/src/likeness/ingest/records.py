"""What importers produce: one ``RawPost`` per record of the export, before cleaning."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Any


@dataclass(slots=True)
class RawPost:
    platform: str  # twitter | truth_social | mastodon | essay | generic
    external_id: str  # the platform's id, or a stable id derived from the content
    text: str  # the text as exported (HTML already turned into text for Mastodon)
    record: str  # where in the source: "data/tweets.js#12", "0003.json#data[7]"
    created_at: datetime | None = None  # timezone-aware UTC
    author: str | None = None  # handle / screen name, without "@"
    author_id: str | None = None
    reply_to_id: str | None = None  # id of the post this replies to
    reply_to_user: str | None = None  # handle or user id of the replied-to author
    repost: bool = False  # the export itself says "repost" (retweeted_status, repost_flag, ...)
    quote: bool = False  # the export itself says "quote"
    deleted: bool = False
    media_count: int = 0
    # t.co (or other shortener) -> expanded URL, from the export's entities
    url_map: dict[str, str] = field(default_factory=dict)
    # shortened links that point at attached media (dropped from the text)
    media_urls: tuple[str, ...] = ()
    title: str | None = None  # essays
    extra: dict[str, Any] = field(default_factory=dict)
