"""Roll Call Factbase social-media pages (``{meta, data[], stats}``), one file or a folder of them.

The folder is what ``likeness.ingest.download.factbase`` writes (``0001.json``, ``0002.json`` …).
Pages are read in natural name order; a post that appears on two pages (pages shift when an
archive is re-downloaded while new posts arrive) is yielded once, from its first page.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from likeness.ingest.errors import MalformedInput
from likeness.ingest.importers.fields import (
    as_int,
    bare_handle,
    id_string,
    record_id,
    record_object,
    text_or_error,
    to_utc,
)
from likeness.ingest.importers.file_importer import JsonFileImporter
from likeness.ingest.importers.jsonio import load_json
from likeness.ingest.importers.sniffing import json_or_none
from likeness.ingest.importers.tweets import url_map
from likeness.ingest.records import RawPost
from likeness.ingest.source_tree import SourceTree

_PLATFORMS = {
    "twitter": "twitter",
    "x": "twitter",
    "x_twitter": "twitter",
    "truth_social": "truth_social",
    "truthsocial": "truth_social",
}
_MEDIA_TYPES = frozenset({"image", "video", "gif", "animated_gif"})
# Sniff reads at most this many files looking for a page (a folder may hold a stray index.json).
_SNIFF_FILES = 3


def _platform(value: Any) -> str:
    if not isinstance(value, str) or not value.strip():
        return "twitter"  # Factbase's social archive began as a Twitter archive
    key = value.strip().lower().replace(" ", "_").replace("/", "_")
    return _PLATFORMS.get(key, key)


def _is_page(payload: Any) -> bool:
    return isinstance(payload, dict) and "data" in payload


def _parse_date(value: Any, where: str, record: str) -> datetime | None:
    if value is None:
        return None
    try:
        parsed = datetime.fromisoformat(value)
    except (TypeError, ValueError) as exc:
        raise MalformedInput(f"unreadable date {value!r}", path=where, record=record) from exc
    # Factbase dates carry a US Eastern offset; naive ones are taken as UTC.
    return to_utc(parsed)


def item_to_post(item: Any, *, record: str, where: str, fallback_author: str | None) -> RawPost:
    """One Factbase item."""
    item = record_object(item, "post", where, record)
    external_id = record_id(item, ("id", "document_id"), "post", where, record)
    social = item.get("social")
    if social is None:
        social = {}
    elif not isinstance(social, dict):
        raise MalformedInput("'social' is not an object", path=where, record=record)

    text = item.get("text")
    if text is None:
        text = social.get("post_text")
    text = text_or_error(text, "text", where, record)

    media_urls = social.get("media_urls")
    media_links = (
        tuple(u for u in media_urls if isinstance(u, str)) if isinstance(media_urls, list) else ()
    )
    media_count = as_int(social.get("media_count")) or len(media_links)
    media_type = item.get("media_type")
    if not media_count and isinstance(media_type, str) and media_type.lower() in _MEDIA_TYPES:
        media_count = 1  # the item says it is a photo/video even when the count is missing

    author = social.get("author") or item.get("handle") or fallback_author
    extra: dict[str, Any] = {}
    for key, value in (
        ("favorite_count", as_int(social.get("favorite_count"))),
        ("repost_count", as_int(social.get("repost_count"))),
        ("source", item.get("client")),
        ("post_url", item.get("post_url")),
        ("media_type", media_type),
        ("repost_of", id_string(social.get("repost_id"))),
        ("quote_of", id_string(social.get("quote_id"))),
    ):
        if value is not None:
            extra[key] = value

    return RawPost(
        platform=_platform(item.get("platform")),
        external_id=external_id,
        text=text,
        record=record,
        created_at=_parse_date(item.get("date"), where, record),
        author=bare_handle(author),
        reply_to_id=id_string(social.get("in_reply_to_id"))
        or id_string(social.get("in_reply_to_status_id")),
        reply_to_user=social.get("in_reply_to_screen_name") or None,
        repost=social.get("repost_flag") is True,
        quote=social.get("quote_flag") is True,
        deleted=item.get("deleted_flag") is True
        or social.get("deleted_flag") is True
        or bool(social.get("deleted_date")),
        media_count=media_count,
        # Factbase usually lists bare short links (nothing to expand); entity objects also work.
        url_map=url_map(social.get("urls")),
        media_urls=media_links,
        extra=extra,
    )


class FactbaseImporter(JsonFileImporter):
    name = "factbase"
    description = "Roll Call Factbase social pages ({meta, data, stats}): a page or a folder"

    def sniff(self, tree: SourceTree) -> bool:
        for name in self.files(tree)[:_SNIFF_FILES]:
            payload = json_or_none(tree, name)
            if payload is None:
                return False
            if not _is_page(payload):
                continue
            data = payload["data"]
            if not isinstance(payload.get("meta"), dict) or not isinstance(data, list):
                return False
            # An empty page still has Factbase's meta; otherwise the items must look like posts.
            return not data or (
                isinstance(data[0], dict)
                and ("document_id" in data[0] or "id" in data[0])
                and ("social" in data[0] or "platform" in data[0])
            )
        return False

    def parse(self, tree: SourceTree) -> Iterator[RawPost]:
        fallback = bare_handle(self.options.author)
        # Truth Social and Twitter ids are separate namespaces.
        seen: set[tuple[str, str]] = set()
        pages = 0
        for name in self.files(tree):
            where = tree.where(name)
            payload = load_json(tree.read_bytes(name), where)
            if not _is_page(payload):
                if tree.kind == "file":
                    raise MalformedInput(
                        "not a Factbase page: expected an object with a 'data' list", path=where
                    )
                continue  # a stray non-page file beside the pages (an index, a settings file)
            data = payload["data"]
            if not isinstance(data, list):
                raise MalformedInput(
                    f"'data' is a {type(data).__name__}, expected a list of posts", path=where
                )
            pages += 1
            for index, item in enumerate(data):
                post = item_to_post(
                    item, record=f"{name}#data[{index}]", where=where, fallback_author=fallback
                )
                key = (post.platform, post.external_id)
                if key in seen:
                    continue
                seen.add(key)
                yield post
        if pages == 0:
            raise MalformedInput(
                "no Factbase pages ({meta, data, stats}) found", path=str(tree.path)
            )
