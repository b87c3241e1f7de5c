"""Twitter/X account archives (zip or unpacked folder, every layout since 2012).

Layouts handled:

* 2019+: ``data/tweets.js`` (+ ``tweets-part1.js`` …), ``window.YTD.tweets.part0 = [...]``, with
  entries ``{"tweet": {...}}``; the account in ``data/account.js`` or ``data/manifest.js``;
  ``data/deleted-tweets.js`` when present (yielded with ``deleted=True``).
* 2018–2019: ``data/tweet.js`` (+ ``tweet-part1.js``), ``window.YTD.tweet.part0``, bare tweets.
* Before 2018 ("Grailbird"): ``data/js/tweets/YYYY_MM.js``,
  ``Grailbird.data.tweets_YYYY_MM = [...]``; the account in ``data/js/user_details.js``.

Archives often unpack into a top-level folder, so files are matched by their tail, and the
account file is looked up next to the tweet files it belongs to.
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Iterator
from typing import Any

import msgspec

from likeness.ingest.errors import InvalidEncoding, MalformedInput
from likeness.ingest.importers.fields import bare_handle, id_string
from likeness.ingest.importers.file_importer import FileImporter
from likeness.ingest.importers.jsonio import (
    js_assignment_name,
    js_assignment_payload,
    load_js_assignment,
    load_json,
    utf8_error,
)
from likeness.ingest.importers.sniffing import peek_or_empty
from likeness.ingest.importers.tweets import decode_typed_tweets, general_posts, typed_posts
from likeness.ingest.records import RawPost
from likeness.ingest.source_tree import SourceTree

# tweets.js, tweets-part3.js, tweet.js, tweet-part1.js, deleted-tweets.js, deleted-tweets-part1.js
_YTD_FILE = re.compile(r"(?:^|/)(?P<stem>(?:deleted-)?tweets?)(?:-part(?P<part>\d+))?\.js$")
_GRAILBIRD_FILE = re.compile(r"(?:^|/)data/js/tweets/(?P<year>\d{4})_(?P<month>\d{2})\.js$")
_TWEET_GLOBALS = ("window.YTD.tweets.", "window.YTD.tweet.", "window.YTD.deleted_tweets.")
_GRAILBIRD_GLOBAL = "Grailbird.data.tweets_"


# -- the archive ------------------------------------------------------------------------------
def _file_order(name: str) -> tuple[Any, ...]:
    """tweets.js, tweets-part1.js … tweets-part10.js (numeric, not lexical); Grailbird by month."""
    match = _YTD_FILE.search(name)
    if match:
        directory = name[: match.start("stem")]
        deleted = match.group("stem").startswith("deleted")
        return (directory, deleted, match.group("stem"), int(match.group("part") or -1))
    return (name, False, "", 0)


def _is_tweet_file(name: str) -> bool:
    if _GRAILBIRD_FILE.search(name):
        return True
    if not _YTD_FILE.search(name):
        return False
    return name.startswith("data/") or "/data/" in name


def _is_candidate(tree: SourceTree, name: str) -> bool:
    # A lone .js file given directly (however it was renamed) is confirmed by its content.
    return name.endswith(".js") if tree.kind == "file" else _is_tweet_file(name)


def tweet_files(tree: SourceTree) -> list[str]:
    """Every tweet file of the archive, in reading order."""
    return sorted((n for n in tree.names() if _is_candidate(tree, n)), key=_file_order)


class TwitterArchiveImporter(FileImporter):
    name = "twitter-archive"
    description = "Twitter/X account archive: the .zip, its unpacked folder, or data/tweets.js"

    def sniff(self, tree: SourceTree) -> bool:
        files = tweet_files(tree)
        if not files:
            return False
        # The name is strong evidence; confirm with the smallest file's assignment target.
        target = js_assignment_name(peek_or_empty(tree, min(files, key=tree.size)))
        if target is None:
            return False
        return target.startswith(_GRAILBIRD_GLOBAL) or any(
            target.startswith(prefix) for prefix in _TWEET_GLOBALS
        )

    def parse(self, tree: SourceTree) -> Iterator[RawPost]:
        seen: set[str] = set()
        accounts: dict[str, tuple[str | None, str | None]] = {}
        for name in tweet_files(tree):
            where = tree.where(name)
            account_dir = self._account_dir(name)
            if account_dir not in accounts:
                accounts[account_dir] = self._account(tree, account_dir)
            author, author_id = accounts[account_dir]
            deleted = posixpath.basename(name).startswith("deleted-")
            data = tree.read_bytes(name)
            payload = js_assignment_payload(data, where)
            posts = _typed_file(payload, name, author, author_id, deleted)
            if posts is None:
                try:
                    posts = _general_file(payload, name, where, author, author_id, deleted)
                except InvalidEncoding as exc:
                    raise (utf8_error(data, where) or exc) from None  # a byte of the file
            for post in posts:
                if post.external_id in seen:
                    continue
                seen.add(post.external_id)
                yield post

    @staticmethod
    def _account_dir(name: str) -> str:
        directory = posixpath.dirname(name)
        if _GRAILBIRD_FILE.search(name):
            return posixpath.dirname(directory)  # data/js/tweets/2012_01.js -> data/js
        return directory

    def _account(self, tree: SourceTree, directory: str) -> tuple[str | None, str | None]:
        """(handle, account id) from the archive's own account files, else the options."""
        names = set(tree.names()) if tree.kind != "file" else set()
        prefix = f"{directory}/" if directory else ""
        for candidate, reader in (
            ("account.js", _from_account),
            ("manifest.js", _from_manifest),
            ("user_details.js", _from_user_details),
        ):
            name = prefix + candidate
            if name in names:
                handle, account_id = reader(
                    load_js_assignment(tree.read_bytes(name), tree.where(name))
                )
                if handle:
                    return handle.lstrip("@"), account_id
        return bare_handle(self.options.author), None


def _typed_file(
    payload: bytes, name: str, author: str | None, author_id: str | None, deleted: bool
) -> list[RawPost] | None:
    """The fast path: typed decoding; None when the file needs the general one."""
    entries = decode_typed_tweets(payload)
    if entries is None:
        return None
    tweets = (entry.tweet if entry.tweet is not msgspec.UNSET else entry for entry in entries)
    return typed_posts(tweets, name, author=author, author_id=author_id, deleted=deleted)


def _general_file(
    payload: bytes,
    name: str,
    where: str,
    author: str | None,
    author_id: str | None,
    deleted: bool,
) -> Iterator[RawPost]:
    entries = load_json(payload, where)
    if not isinstance(entries, list):
        raise MalformedInput(
            f"expected a list of tweets, found {type(entries).__name__}", path=where
        )
    tweets = [entry.get("tweet", entry) if isinstance(entry, dict) else entry for entry in entries]
    return general_posts(tweets, name, where, author=author, author_id=author_id, deleted=deleted)


def _from_account(payload: Any) -> tuple[str | None, str | None]:
    if isinstance(payload, list) and payload and isinstance(payload[0], dict):
        account = payload[0].get("account")
        if isinstance(account, dict):
            return account.get("username"), id_string(account.get("accountId"))
    return None, None


def _from_manifest(payload: Any) -> tuple[str | None, str | None]:
    if isinstance(payload, dict) and isinstance(payload.get("userInfo"), dict):
        info = payload["userInfo"]
        return info.get("userName"), id_string(info.get("accountId"))
    return None, None


def _from_user_details(payload: Any) -> tuple[str | None, str | None]:
    if isinstance(payload, dict):
        return payload.get("screen_name"), id_string(payload.get("id_str") or payload.get("id"))
    return None, None
