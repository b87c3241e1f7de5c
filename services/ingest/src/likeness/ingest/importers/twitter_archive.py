"""Twitter/X account archives (zip or unpacked folder, every layout since 2012), and the tweet
helpers shared with the other Twitter-shaped importers.

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
from datetime import UTC, datetime, timedelta
from typing import Any

from likeness.ingest.errors import IngestError, MalformedInput
from likeness.ingest.importers.jsonio import js_assignment_name, load_js_assignment
from likeness.ingest.importers.registry import ImportOptions
from likeness.ingest.records import RawPost
from likeness.ingest.source_tree import SourceTree

# tweets.js, tweets-part3.js, tweet.js, tweet-part1.js, deleted-tweets.js, deleted-tweets-part1.js
_YTD_FILE = re.compile(r"(?:^|/)(?P<stem>(?:deleted-)?tweets?)(?:-part(?P<part>\d+))?\.js$")
_GRAILBIRD_FILE = re.compile(r"(?:^|/)data/js/tweets/(?P<year>\d{4})_(?P<month>\d{2})\.js$")
_TWEET_GLOBALS = ("window.YTD.tweets.", "window.YTD.tweet.", "window.YTD.deleted_tweets.")
_GRAILBIRD_GLOBAL = "Grailbird.data.tweets_"

_MONTHS = {
    name: number
    for number, name in enumerate(
        ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"), 1
    )
}


# -- shared tweet helpers ---------------------------------------------------------------------
def parse_twitter_time(value: str) -> datetime:
    """Both Twitter date shapes, as UTC.

    ``Sat Dec 31 18:59:04 +0000 2016`` (API, archives, TTA) is split by hand: strptime is slow
    and its ``%a``/``%b`` depend on the locale. ``2012-01-31 18:39:31 +0000`` (Grailbird) and
    ISO 8601 go through ``fromisoformat``, which is implemented in C.
    """
    if value[:1].isdigit():
        parsed = datetime.fromisoformat(value)
        if parsed.tzinfo is None:
            return parsed.replace(tzinfo=UTC)
        return parsed.astimezone(UTC)
    _weekday, month, day, clock, offset, year = value.split()
    hour, minute, second = clock.split(":")
    moment = datetime(
        int(year), _MONTHS[month], int(day), int(hour), int(minute), int(second), tzinfo=UTC
    )
    if offset not in ("+0000", "-0000"):
        sign = -1 if offset[0] == "-" else 1
        moment -= sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[3:5]))
    return moment


def as_int(value: Any) -> int | None:
    """Archive numbers are often strings; a missing or garbled count is just unknown."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def id_string(value: Any) -> str | None:
    """An id as a string; ids arrive as strings or as (possibly float-mangled) numbers."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value or None
    if isinstance(value, int):
        return str(value)
    return None


def source_client(source: Any) -> str | None:
    """``<a href="...">Twitter for iPhone</a>`` -> ``Twitter for iPhone``; plain text as is."""
    if not isinstance(source, str) or not source:
        return None
    if source.startswith("<"):
        start = source.find(">") + 1
        end = source.find("<", start)
        return source[start:end] if start > 0 and end > start else source
    return source


def _url_map(entities: Any) -> dict[str, str]:
    if not isinstance(entities, dict):
        return {}
    urls = entities.get("urls")
    if not urls:
        return {}
    mapping: dict[str, str] = {}
    for entry in urls:
        if isinstance(entry, dict):
            short, expanded = entry.get("url"), entry.get("expanded_url")
            if isinstance(short, str) and isinstance(expanded, str):
                mapping[short] = expanded
    return mapping


def _media(tweet: dict[str, Any]) -> tuple[int, tuple[str, ...]]:
    """(number of attachments, their distinct t.co links).

    ``extended_entities`` lists every photo; ``entities.media`` only the first one. All
    attachments of a tweet usually share one t.co link.
    """
    media: Any = None
    extended = tweet.get("extended_entities")
    if isinstance(extended, dict):
        media = extended.get("media")
    if not media:
        entities = tweet.get("entities")
        if isinstance(entities, dict):
            media = entities.get("media")
    if not media or not isinstance(media, list):
        return 0, ()
    links: list[str] = []
    for item in media:
        if isinstance(item, dict):
            link = item.get("url")
            if isinstance(link, str) and link not in links:
                links.append(link)
    return len(media), tuple(links)


def tweet_to_post(
    tweet: Any,
    *,
    record: str,
    where: str,
    author: str | None = None,
    author_id: str | None = None,
    deleted: bool = False,
) -> RawPost:
    """One tweet object of any Twitter shape (archive, Grailbird, API v1.1, TTA condensed).

    ``author`` / ``author_id`` are the export-level account, used when the tweet has no ``user``.
    """
    if not isinstance(tweet, dict):
        raise MalformedInput(
            f"expected a tweet object, found {type(tweet).__name__}", path=where, record=record
        )
    external_id = id_string(tweet.get("id_str")) or id_string(tweet.get("id"))
    if external_id is None:
        raise MalformedInput("tweet has no id_str/id", path=where, record=record)

    text = tweet.get("full_text")
    if text is None:
        text = tweet.get("text")
    if text is None:
        text = ""
    elif not isinstance(text, str):
        raise MalformedInput(
            f"tweet text is a {type(text).__name__}, not a string", path=where, record=record
        )

    created_at = None
    raw_time = tweet.get("created_at")
    if raw_time is not None:
        try:
            created_at = parse_twitter_time(raw_time)
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise MalformedInput(
                f"unreadable created_at {raw_time!r}", path=where, record=record
            ) from exc

    user = tweet.get("user")
    if isinstance(user, dict):
        author = user.get("screen_name") or author
        author_id = id_string(user.get("id_str")) or id_string(user.get("id")) or author_id

    retweeted = tweet.get("retweeted_status")
    quoted = tweet.get("quoted_status")
    quoted_id = id_string(tweet.get("quoted_status_id_str"))
    media_count, media_urls = _media(tweet)

    extra: dict[str, Any] = {}
    favorites = as_int(tweet.get("favorite_count"))
    if favorites is not None:
        extra["favorite_count"] = favorites
    reposts = as_int(tweet.get("retweet_count"))
    if reposts is not None:
        extra["repost_count"] = reposts
    client = source_client(tweet.get("source"))
    if client:
        extra["source"] = client
    lang = tweet.get("lang")
    if lang:
        extra["lang"] = lang
    if isinstance(retweeted, dict):
        repost_of = id_string(retweeted.get("id_str")) or id_string(retweeted.get("id"))
        if repost_of:
            extra["repost_of"] = repost_of
    if isinstance(quoted, dict):
        quoted_id = quoted_id or id_string(quoted.get("id_str")) or id_string(quoted.get("id"))
    if quoted_id:
        extra["quote_of"] = quoted_id

    return RawPost(
        platform="twitter",
        external_id=external_id,
        text=text,
        record=record,
        created_at=created_at,
        author=author,
        author_id=author_id,
        reply_to_id=id_string(tweet.get("in_reply_to_status_id_str"))
        or id_string(tweet.get("in_reply_to_status_id")),
        reply_to_user=tweet.get("in_reply_to_screen_name")
        or id_string(tweet.get("in_reply_to_user_id_str"))
        or id_string(tweet.get("in_reply_to_user_id")),
        repost=bool(retweeted) or tweet.get("is_retweet") is True,
        quote=bool(quoted) or bool(quoted_id) or tweet.get("is_quote_status") is True,
        deleted=deleted or bool(tweet.get("deleted_at")),
        media_count=media_count,
        url_map=_url_map(tweet.get("entities")),
        media_urls=media_urls,
        extra=extra,
    )


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


class TwitterArchiveImporter:
    name = "twitter-archive"
    description = "Twitter/X account archive: the .zip, its unpacked folder, or data/tweets.js"

    def __init__(self, options: ImportOptions):
        self.options = options

    def sniff(self, tree: SourceTree) -> bool:
        files = tweet_files(tree)
        if not files:
            return False
        # The name is strong evidence; confirm with the smallest file's assignment target.
        smallest = min(files, key=tree.size)
        try:
            head = tree.read_bytes(smallest)
        except IngestError:
            return False
        target = js_assignment_name(head)
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
            entries = load_js_assignment(tree.read_bytes(name), where)
            if not isinstance(entries, list):
                raise MalformedInput(
                    f"expected a list of tweets, found {type(entries).__name__}", path=where
                )
            for index, entry in enumerate(entries):
                tweet = entry.get("tweet", entry) if isinstance(entry, dict) else entry
                post = tweet_to_post(
                    tweet,
                    record=f"{name}#{index}",
                    where=where,
                    author=author,
                    author_id=author_id,
                    deleted=deleted,
                )
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
        author = self.options.author
        return (author.lstrip("@") if author else None), None


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
