"""Twitter/X tweet objects → RawPost, for every shape: archive, Grailbird, raw API, condensed."""

from __future__ import annotations

from typing import Any

from likeness.ingest.errors import MalformedInput
from likeness.ingest.importers.fields import as_int, id_string, parse_twitter_time, text_or_error
from likeness.ingest.records import RawPost


def source_client(source: Any) -> str | None:
    """``<a href="...">Twitter for iPhone</a>`` -> ``Twitter for iPhone``; plain text as is."""
    if not isinstance(source, str) or not source:
        return None
    if source.startswith("<"):
        start = source.find(">") + 1
        end = source.find("<", start)
        return source[start:end] if start > 0 and end > start else source
    return source


def url_map(urls: Any) -> dict[str, str]:
    """Short link -> expanded URL, from a list of ``{"url", "expanded_url"}`` entities."""
    mapping: dict[str, str] = {}
    if isinstance(urls, list):
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
    text = text_or_error(text, "tweet text", where, record)

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
    entities = tweet.get("entities")

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
        url_map=url_map(entities.get("urls") if isinstance(entities, dict) else None),
        media_urls=media_urls,
        extra=extra,
    )
