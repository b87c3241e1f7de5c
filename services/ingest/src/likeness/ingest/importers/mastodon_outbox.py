"""Mastodon account exports: ``outbox.json`` (ActivityStreams) plus ``actor.json``, zipped or not.

Only the account's own public and unlisted posts are yielded. Boosts (``Announce``) are not the
author's words and are skipped; followers-only and direct posts are skipped for privacy and never
reach the corpus. ``skipped`` counts what was left out, by reason.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import datetime
from pathlib import PurePosixPath
from typing import Any
from urllib.parse import urlsplit

from likeness.ingest.errors import MalformedInput
from likeness.ingest.importers.fields import bare_handle, is_hidden, suffix, timestamp_or_error
from likeness.ingest.importers.file_importer import FileImporter
from likeness.ingest.importers.html_text import html_to_text
from likeness.ingest.importers.jsonio import load_json
from likeness.ingest.importers.registry import ImportOptions
from likeness.ingest.importers.sniffing import peek_or_empty
from likeness.ingest.records import RawPost
from likeness.ingest.source_tree import SourceTree

PUBLIC = frozenset({"https://www.w3.org/ns/activitystreams#Public", "as:Public", "Public"})
# Object types that are posts; a Create of anything else (an Event, a Tombstone) is not.
POST_TYPES = frozenset({"Note", "Question", "Article", "Page"})
_QUOTE_KEYS = ("quote", "quoteUri", "quoteUrl", "_misskey_quote")


def status_id(url: str) -> str:
    """The id Mastodon's REST API uses for a status: the last path segment of its URL."""
    return url.rstrip("/").rsplit("/", 1)[-1]


def url_account(url: str) -> str | None:
    """``user@host`` for status/actor URLs like /users/NAME/... or /@NAME/..., else None."""
    parts = urlsplit(url)
    segments = [s for s in parts.path.split("/") if s]
    if not parts.hostname or not segments:
        return None
    if segments[0] == "users" and len(segments) >= 2:
        return f"{segments[1]}@{parts.hostname}"
    if segments[0].startswith("@") and len(segments[0]) > 1:
        return f"{segments[0][1:]}@{parts.hostname}"
    return None


def visibility(obj: dict[str, Any], activity: dict[str, Any]) -> str:
    """public | unlisted | private (followers-only) | direct, from the addressing."""
    source = obj if ("to" in obj or "cc" in obj) else activity
    to = _as_list(source.get("to"))
    cc = _as_list(source.get("cc"))
    if PUBLIC.intersection(to):
        return "public"
    if PUBLIC.intersection(cc):
        return "unlisted"
    if any(isinstance(a, str) and a.endswith("/followers") for a in to + cc):
        return "private"
    return "direct"


def _as_list(value: Any) -> list[Any]:
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


class MastodonOutboxImporter(FileImporter):
    name = "mastodon-outbox"
    description = "Mastodon account export (.zip or folder with outbox.json + actor.json)"

    def __init__(self, options: ImportOptions):
        super().__init__(options)
        self.skipped: Counter[str] = Counter()

    # -- detection ----------------------------------------------------------------------------
    def sniff(self, tree: SourceTree) -> bool:
        if tree.kind != "file":
            return self._outbox_name(tree) is not None
        if suffix(tree.path.name) not in (".json", ".jsonld"):
            return False
        if tree.path.name == "outbox.json":
            return True
        head = peek_or_empty(tree, tree.path.name, 8192)
        return b'"orderedItems"' in head or (
            b'"OrderedCollection' in head and b"activitystreams" in head
        )

    @staticmethod
    def _outbox_name(tree: SourceTree) -> str | None:
        candidates = [
            n for n in tree.names() if PurePosixPath(n).name == "outbox.json" and not is_hidden(n)
        ]
        # The export's own outbox is the shallowest one.
        return min(candidates, key=lambda n: (n.count("/"), n)) if candidates else None

    # -- parsing ------------------------------------------------------------------------------
    def parse(self, tree: SourceTree) -> Iterator[RawPost]:
        self.skipped = Counter()
        if tree.kind == "file":
            outbox_name, actor = tree.path.name, None
        else:
            found = self._outbox_name(tree)
            if found is None:
                raise MalformedInput("no outbox.json in this export", path=str(tree.path))
            outbox_name = found
            actor = self._load_actor(tree, str(PurePosixPath(outbox_name).with_name("actor.json")))
        where = tree.where(outbox_name)
        outbox = load_json(tree.read_bytes(outbox_name), where)
        items = _ordered_items(outbox, where)
        context = _Account.from_actor(actor, self.options.author)
        for index, activity in enumerate(items):
            record = f"{outbox_name}#orderedItems[{index}]"
            post = self._activity(activity, context, where, record)
            if post is not None:
                yield post

    def _load_actor(self, tree: SourceTree, name: str) -> dict[str, Any] | None:
        if name not in tree.names():
            return None
        actor = load_json(tree.read_bytes(name), tree.where(name))
        if not isinstance(actor, dict):
            raise MalformedInput("actor.json is not an object", path=tree.where(name))
        return actor

    def _activity(
        self, activity: Any, account: _Account, where: str, record: str
    ) -> RawPost | None:
        if not isinstance(activity, dict):
            raise MalformedInput(
                f"activity is a {type(activity).__name__}, not an object", path=where, record=record
            )
        kind = activity.get("type")
        if kind == "Announce":
            self.skipped["boost"] += 1
            return None
        if kind != "Create":
            self.skipped[f"activity:{kind}"] += 1  # Like, Follow, Update...: not posts
            return None
        obj = activity.get("object")
        if not isinstance(obj, dict):
            raise MalformedInput(
                "Create activity without an embedded object", path=where, record=record
            )
        if obj.get("type") not in POST_TYPES:
            self.skipped[f"object:{obj.get('type')}"] += 1
            return None
        seen = visibility(obj, activity)
        if seen not in ("public", "unlisted"):
            self.skipped[seen] += 1
            return None
        return self._note(obj, activity, seen, account, where, record)

    def _note(
        self,
        obj: dict[str, Any],
        activity: dict[str, Any],
        seen: str,
        account: _Account,
        where: str,
        record: str,
    ) -> RawPost:
        uri = obj.get("id")
        if not isinstance(uri, str) or not uri.strip():
            raise MalformedInput("note without an id", path=where, record=record)
        published = obj.get("published") or activity.get("published")
        created_at: datetime | None = timestamp_or_error(published, where, record)
        if created_at is None:
            raise MalformedInput("note without a published date", path=where, record=record)
        account.resolve(obj.get("attributedTo") or activity.get("actor"))
        content = obj.get("content")
        if content is None and isinstance(obj.get("contentMap"), dict) and obj["contentMap"]:
            content = next(iter(obj["contentMap"].values()))
        if content is not None and not isinstance(content, str):
            raise MalformedInput("note content is not a string", path=where, record=record)
        reply_url = obj.get("inReplyTo")
        if isinstance(reply_url, dict):
            reply_url = reply_url.get("id")
        if reply_url is not None and not isinstance(reply_url, str):
            raise MalformedInput("inReplyTo is not a URL", path=where, record=record)
        attachments = obj.get("attachment")
        extra: dict[str, Any] = {"uri": uri, "visibility": seen}
        if isinstance(obj.get("url"), str):
            extra["url"] = obj["url"]
        if obj.get("sensitive"):
            extra["sensitive"] = True
        if obj.get("summary"):
            extra["content_warning"] = obj["summary"]
        if isinstance(obj.get("contentMap"), dict) and len(obj["contentMap"]) == 1:
            extra["language"] = next(iter(obj["contentMap"]))
        hashtags = [
            t["name"]
            for t in _as_list(obj.get("tag"))
            if isinstance(t, dict) and t.get("type") == "Hashtag" and isinstance(t.get("name"), str)
        ]
        if hashtags:
            extra["hashtags"] = hashtags
        if reply_url:
            extra["in_reply_to"] = reply_url
        return RawPost(
            platform="mastodon",
            external_id=status_id(uri),
            text=html_to_text(content or ""),
            record=record,
            created_at=created_at,
            author=account.handle,
            author_id=account.actor_url,
            reply_to_id=status_id(reply_url) if reply_url else None,
            reply_to_user=account.reply_user(reply_url) if reply_url else None,
            quote=any(obj.get(key) for key in _QUOTE_KEYS),
            media_count=len(attachments)
            if isinstance(attachments, list)
            else int(isinstance(attachments, dict)),
            extra=extra,
        )


def _ordered_items(outbox: Any, where: str) -> list[Any]:
    if isinstance(outbox, dict):
        items = outbox.get("orderedItems")
        first = outbox.get("first")
        if items is None and isinstance(first, dict):
            items = first.get("orderedItems")
        if isinstance(items, list):
            return items
    raise MalformedInput("not an ActivityStreams outbox: no orderedItems list", path=where)


class _Account:
    """Who the export belongs to, and the URL prefixes that mark their own statuses."""

    __slots__ = ("actor_url", "handle", "prefixes")

    def __init__(self, actor_url: str | None, handle: str | None, profile_url: str | None):
        self.actor_url = actor_url
        self.handle = handle
        self.prefixes: tuple[str, ...] = tuple(
            p.rstrip("/") + "/" for p in (actor_url, profile_url) if p
        )

    @classmethod
    def from_actor(cls, actor: dict[str, Any] | None, fallback_handle: str | None) -> _Account:
        actor = actor or {}
        actor_url = actor.get("id") if isinstance(actor.get("id"), str) else None
        handle = actor.get("preferredUsername")
        if not isinstance(handle, str) or not handle:
            handle = bare_handle(fallback_handle)
        profile = actor.get("url") if isinstance(actor.get("url"), str) else None
        return cls(actor_url, handle, profile)

    def resolve(self, actor_url: Any) -> None:
        """Fill in what actor.json did not say from an activity's actor URL (once)."""
        if (self.actor_url and self.handle) or not isinstance(actor_url, str):
            return
        if self.handle is None:
            account = url_account(actor_url)
            self.handle = account.split("@", 1)[0] if account else None
        host = urlsplit(actor_url).hostname
        profile = f"https://{host}/@{self.handle}" if host and self.handle else None
        self.actor_url = self.actor_url or actor_url
        self.prefixes = tuple(p.rstrip("/") + "/" for p in (self.actor_url, profile) if p)

    def reply_user(self, reply_url: str) -> str | None:
        if self.handle and reply_url.startswith(self.prefixes):
            return self.handle
        return url_account(reply_url)
