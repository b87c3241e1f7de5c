"""Statuses as the Mastodon REST API returns them (Mastodon, Truth Social): JSON lists or JSONL.

Accepts one ``.json`` file holding a list of statuses (or a single status), ``.jsonl``/``.ndjson``
with a status per line, or a folder/zip of such files. Public Truth Social archives trim each status
to ``{id, created_at, content, url, media[], replies_count, reblogs_count, favourites_count}`` (no
``account``, ``visibility`` or ``reblog``); the API's own counter names (``reblogs_count``,
``favourites_count``) tell that shape apart, and ``media`` stands for ``media_attachments``.
The platform is ``truth_social`` when the status URL is on truthsocial.com, else ``mastodon``.

Boosts are kept with ``repost=True`` and the boosted text, so the cleaning stage can flag them.
Without an ``account`` the author is ``--author``, else the handle in the status URL. Only
``public`` and ``unlisted`` statuses are yielded (a status without a visibility field comes from a
public archive and counts as public); ``private`` and ``direct`` ones never reach the corpus.
``skipped`` counts them by visibility.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from typing import Any
from urllib.parse import urlsplit

import orjson

from likeness.ingest.errors import MalformedInput
from likeness.ingest.importers.fields import (
    bare_handle,
    id_string,
    suffix,
    timestamp_or_error,
)
from likeness.ingest.importers.file_importer import FileImporter
from likeness.ingest.importers.html_text import html_to_text
from likeness.ingest.importers.jsonio import load_json, nested_too_deeply
from likeness.ingest.importers.mastodon_outbox import url_account
from likeness.ingest.importers.registry import ImportOptions
from likeness.ingest.importers.sniffing import peek_or_empty
from likeness.ingest.records import RawPost
from likeness.ingest.source_tree import SourceTree

YIELDED_VISIBILITIES = ("public", "unlisted", None)  # a tuple: compares any JSON value safely
JSON_EXTENSIONS = frozenset({".json"})
JSONL_EXTENSIONS = frozenset({".jsonl", ".ndjson"})
# A status with its account object is a few KB; this holds the first one with room to spare.
SNIFF_BYTES = 256 * 1024


# Beside id, created_at and content, any of these says "a status of the Mastodon API": the full
# shape has account/visibility/uri, a trimmed archive (Truth Social) keeps at least the counters.
_STATUS_KEYS = ("account", "visibility", "uri", "reblogs_count", "favourites_count")


def looks_like_status(obj: Any) -> bool:
    """Mastodon API status (full or trimmed): id, created_at, content; no Twitter id_str."""
    return (
        isinstance(obj, dict)
        and "id_str" not in obj
        and "id" in obj
        and "created_at" in obj
        and "content" in obj
        and any(key in obj for key in _STATUS_KEYS)
    )


def _first_value(head: bytes, jsonl: bool, where: str) -> Any:
    """The first JSON value of a file's head (the first element if it is a list), or None."""
    text = head.removeprefix(b"\xef\xbb\xbf").decode("utf-8", errors="ignore").lstrip()
    if jsonl:
        line = text.split("\n", 1)[0]
        try:
            return orjson.loads(line)
        except orjson.JSONDecodeError:
            return None
    start = 0
    if text.startswith("["):
        start = len(text) - len(text[1:].lstrip())
    try:
        return json.JSONDecoder().raw_decode(text, start)[0]
    except ValueError:
        return None
    except RecursionError:
        # The stdlib decoder recurses per level; orjson (used for parsing) would refuse it too.
        raise nested_too_deeply(where) from None


def _host_is_truth_social(url: Any) -> bool:
    if not isinstance(url, str) or "truthsocial.com" not in url:
        return False
    host = urlsplit(url).hostname or ""
    return host == "truthsocial.com" or host.endswith(".truthsocial.com")


class MastodonApiImporter(FileImporter):
    name = "mastodon-api"
    description = "Mastodon/Truth Social API statuses (JSON list, JSONL, or a folder of them)"

    extensions = JSON_EXTENSIONS | JSONL_EXTENSIONS

    def __init__(self, options: ImportOptions):
        super().__init__(options)
        self.skipped: Counter[str] = Counter()

    def sniff(self, tree: SourceTree) -> bool:
        files = self.files(tree)
        if not files:
            return False
        first = files[0]
        head = peek_or_empty(tree, first, SNIFF_BYTES)
        value = _first_value(head, suffix(first) in JSONL_EXTENSIONS, tree.where(first))
        return looks_like_status(value)

    def parse(self, tree: SourceTree) -> Iterator[RawPost]:
        self.skipped = Counter()
        for name in self.files(tree):
            where = tree.where(name)
            for record, status in self._records(tree, name, where):
                post = self._status(status, where, record)
                if post is not None:
                    yield post

    def _records(self, tree: SourceTree, name: str, where: str) -> Iterator[tuple[str, Any]]:
        data = tree.read_bytes(name).removeprefix(b"\xef\xbb\xbf")
        if suffix(name) in JSONL_EXTENSIONS:
            for line_no, line in enumerate(data.split(b"\n"), start=1):
                if not line.strip():
                    continue
                record = f"{name}#line {line_no}"
                try:
                    yield record, orjson.loads(line)
                except orjson.JSONDecodeError as exc:
                    raise MalformedInput(
                        f"line {line_no}: malformed JSON: {exc}", path=where, record=record
                    ) from None
            return
        value = load_json(data, where)
        if isinstance(value, dict) and looks_like_status(value):
            yield f"{name}#status", value
            return
        if not isinstance(value, list):
            raise MalformedInput(
                f"expected a list of statuses, got {type(value).__name__}", path=where
            )
        for index, status in enumerate(value):
            yield f"{name}#[{index}]", status

    def _status(self, status: Any, where: str, record: str) -> RawPost | None:
        if not isinstance(status, dict):
            raise MalformedInput(
                f"status is a {type(status).__name__}, not an object", path=where, record=record
            )
        seen = status.get("visibility")
        reblog = status.get("reblog")
        if reblog is not None and not isinstance(reblog, dict):
            raise MalformedInput("reblog is not a status object", path=where, record=record)
        if seen not in YIELDED_VISIBILITIES or (
            reblog is not None and reblog.get("visibility") not in YIELDED_VISIBILITIES
        ):
            self.skipped[str(seen)] += 1
            return None
        external_id = id_string(status.get("id"))
        if external_id is None:
            raise MalformedInput("status without an id", path=where, record=record)
        created_at = timestamp_or_error(status.get("created_at"), where, record)
        if created_at is None:
            raise MalformedInput("status without created_at", path=where, record=record)
        account = status.get("account") if isinstance(status.get("account"), dict) else {}
        author_id = id_string(account.get("id"))
        author = _handle(account) or bare_handle(self.options.author) or _url_handle(status)
        source = reblog if reblog is not None else status
        content = source.get("content")
        if content is not None and not isinstance(content, str):
            raise MalformedInput("status content is not a string", path=where, record=record)
        media = source.get("media_attachments")
        if media is None:
            media = source.get("media")  # the trimmed archive shape
        reply_to_id = id_string(status.get("in_reply_to_id"))
        quote_of = _quote_of(status)
        return RawPost(
            platform=self._platform(status),
            external_id=external_id,
            text=html_to_text(content or ""),
            record=record,
            created_at=created_at,
            author=author,
            author_id=author_id,
            reply_to_id=reply_to_id,
            reply_to_user=_reply_user(status, author, author_id),
            repost=reblog is not None,
            quote=quote_of is not None or bool(status.get("quote")),
            media_count=len(media) if isinstance(media, list) else 0,
            extra=_extra(status, reblog, seen, quote_of),
        )

    def _platform(self, status: dict[str, Any]) -> str:
        if self.options.platform:
            return self.options.platform
        if _host_is_truth_social(status.get("url")) or _host_is_truth_social(status.get("uri")):
            return "truth_social"
        return "mastodon"


def _handle(account: dict[str, Any]) -> str | None:
    username = account.get("username")
    if isinstance(username, str) and username:
        return username.lstrip("@")
    acct = account.get("acct")
    if isinstance(acct, str) and acct:
        return acct.lstrip("@").split("@", 1)[0]
    return None


def _url_handle(status: dict[str, Any]) -> str | None:
    """The handle in a status URL (``https://host/@name/123``): trimmed archives have no account."""
    url = status.get("url")
    account = url_account(url) if isinstance(url, str) else None
    return account.split("@", 1)[0] if account else None


def _reply_user(status: dict[str, Any], author: str | None, author_id: str | None) -> str | None:
    """The replied-to account's handle when the status says it, else its account id."""
    target = id_string(status.get("in_reply_to_account_id"))
    if target is None:
        return None
    if author_id is not None and target == author_id:
        return author or target
    for mention in status.get("mentions") or ():
        if isinstance(mention, dict) and id_string(mention.get("id")) == target:
            acct = mention.get("acct") or mention.get("username")
            if isinstance(acct, str) and acct:
                return acct
    return target


def _quote_of(status: dict[str, Any]) -> str | None:
    quote_id = id_string(status.get("quote_id"))
    if quote_id:
        return quote_id
    quote = status.get("quote")
    if isinstance(quote, dict):
        # Truth Social embeds the quoted status; Mastodon 4.5 wraps it in {state, quoted_status}.
        inner = quote.get("quoted_status") if "quoted_status" in quote else quote
        if isinstance(inner, dict):
            return id_string(inner.get("id"))
    return None


def _extra(
    status: dict[str, Any], reblog: dict[str, Any] | None, seen: Any, quote_of: str | None
) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    for key in ("url", "language"):
        value = status.get(key) or (reblog.get(key) if reblog else None)
        if isinstance(value, str) and value:
            extra[key] = value
    if seen:
        extra["visibility"] = seen
    if status.get("spoiler_text"):
        extra["content_warning"] = status["spoiler_text"]
    if status.get("sensitive"):
        extra["sensitive"] = True
    if reblog is not None:
        extra["reblog_of"] = id_string(reblog.get("id"))
        reblogged = reblog.get("account")
        if isinstance(reblogged, dict) and isinstance(reblogged.get("acct"), str):
            extra["reblog_of_user"] = reblogged["acct"]
    if quote_of:
        extra["quote_of"] = quote_of
    return extra
