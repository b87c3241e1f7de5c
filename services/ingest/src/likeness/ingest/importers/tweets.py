"""Twitter/X tweet objects → RawPost, for every shape: archive, Grailbird, raw API, condensed."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import Annotated, Any

import msgspec

from likeness.ingest.errors import MalformedInput
from likeness.ingest.importers.fields import (
    as_int,
    id_string,
    parse_twitter_time,
    record_id,
    record_object,
    text_or_error,
)
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
    tweet = record_object(tweet, "tweet", where, record)
    external_id = record_id(tweet, ("id_str", "id"), "tweet", where, record)

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


# -- typed decoding: the common shape straight from JSON ---------------------------------------
# orjson (the general path) reads integers outside 64 bits as floats, which are no ids or counts;
# the typed path refuses them so that such a file takes the general path.
_Int = Annotated[int, msgspec.Meta(ge=-(2**63), le=2**63 - 1)]
_Id = _Int | str | None


class _Link(msgspec.Struct):
    url: str | None = None
    expanded_url: str | None = None


class _Entities(msgspec.Struct):
    urls: list[_Link] | None = None
    media: list[_Link] | None = None


class TypedTweet(msgspec.Struct):
    """The fields ``tweet_to_post`` reads, with the types the common shape has; others skipped.

    ``tweet`` is the archive's ``{"tweet": {...}}`` wrapper (unset for a bare tweet). A ``user``,
    ``retweeted_status`` or ``quoted_status`` object (API tweets) fails decoding on purpose.
    """

    id_str: _Id = None
    id: _Id = None
    created_at: str | None = None
    full_text: str | None = None
    text: str | None = None
    favorite_count: _Id = None
    retweet_count: _Id = None
    source: str | None = None
    lang: str | None = None
    in_reply_to_status_id_str: _Id = None
    in_reply_to_status_id: _Id = None
    in_reply_to_screen_name: str | None = None
    in_reply_to_user_id_str: _Id = None
    in_reply_to_user_id: _Id = None
    quoted_status_id_str: _Id = None
    is_retweet: bool | None = None
    is_quote_status: bool | None = None
    deleted_at: str | None = None
    entities: _Entities | None = None
    extended_entities: _Entities | None = None
    user: None = None  # these three objects send the file to the general path
    retweeted_status: None = None
    quoted_status: None = None
    tweet: TypedTweet | msgspec.UnsetType = msgspec.UNSET


_TYPED_TWEETS = msgspec.json.Decoder(list[TypedTweet])


def decode_typed_tweets(payload: bytes) -> list[TypedTweet] | None:
    """A JSON list of tweets (bare or archive-wrapped) in the common shape; None otherwise.

    None means "use the general path" (orjson and ``tweet_to_post``), which also reports any
    error exactly as before: broken JSON, another layout, a field of an unusual type.
    """
    try:
        return _TYPED_TWEETS.decode(payload)
    except (msgspec.MsgspecError, UnicodeDecodeError):
        # msgspec raises UnicodeDecodeError itself for invalid UTF-8 inside a string.
        return None


def _typed_media(tweet: TypedTweet) -> tuple[int, tuple[str, ...]]:
    """``_media`` for a typed tweet."""
    media: list[_Link] | None = None
    if tweet.extended_entities is not None:
        media = tweet.extended_entities.media
    if not media and tweet.entities is not None:
        media = tweet.entities.media
    if not media:
        return 0, ()
    links: list[str] = []
    for item in media:
        if item.url is not None and item.url not in links:
            links.append(item.url)
    return len(media), tuple(links)


def _either_id(first: str | int | None, second: str | int | None) -> str | None:
    """``id_string(first) or id_string(second)``, cheap when both are missing (the usual case)."""
    if first is None and second is None:
        return None
    return id_string(first) or id_string(second)


def typed_tweet_to_post(
    tweet: TypedTweet,
    record: str,
    author: str | None,
    author_id: str | None,
    deleted: bool,
) -> RawPost | None:
    """``tweet_to_post`` for a typed tweet; None on an error, which the general path reports."""
    external_id = _either_id(tweet.id_str, tweet.id)
    if external_id is None:
        return None
    created_at = None
    if tweet.created_at is not None:
        try:
            created_at = parse_twitter_time(tweet.created_at)
        except (ValueError, KeyError):
            return None
    text = tweet.full_text
    if text is None:
        text = tweet.text

    extra: dict[str, Any] = {}
    count = tweet.favorite_count
    if count is not None and (count := as_int(count)) is not None:
        extra["favorite_count"] = count
    count = tweet.retweet_count
    if count is not None and (count := as_int(count)) is not None:
        extra["repost_count"] = count
    if tweet.source and (client := source_client(tweet.source)):
        extra["source"] = client
    if tweet.lang:
        extra["lang"] = tweet.lang
    quoted_id = _either_id(tweet.quoted_status_id_str, None)
    if quoted_id:
        extra["quote_of"] = quoted_id

    entities = tweet.entities
    urls = entities.urls if entities is not None else None
    if tweet.extended_entities is not None or (entities is not None and entities.media):
        media_count, media_urls = _typed_media(tweet)
    else:
        media_count, media_urls = 0, ()
    return RawPost(
        platform="twitter",
        external_id=external_id,
        text=text or "",
        record=record,
        created_at=created_at,
        author=author,
        author_id=author_id,
        reply_to_id=_either_id(tweet.in_reply_to_status_id_str, tweet.in_reply_to_status_id),
        reply_to_user=tweet.in_reply_to_screen_name
        or _either_id(tweet.in_reply_to_user_id_str, tweet.in_reply_to_user_id),
        repost=tweet.is_retweet is True,
        quote=bool(quoted_id) or tweet.is_quote_status is True,
        deleted=deleted or bool(tweet.deleted_at),
        media_count=media_count,
        url_map={
            link.url: link.expanded_url
            for link in urls
            if link.url is not None and link.expanded_url is not None
        }
        if urls
        else {},
        media_urls=media_urls,
        extra=extra,
    )


def typed_posts(
    tweets: Iterable[TypedTweet],
    name: str,
    *,
    author: str | None = None,
    author_id: str | None = None,
    deleted: bool = False,
) -> list[RawPost] | None:
    """Every tweet of one file (records ``name#index``), or None if any needs the general path."""
    posts: list[RawPost] = []
    for index, tweet in enumerate(tweets):
        post = typed_tweet_to_post(tweet, f"{name}#{index}", author, author_id, deleted)
        if post is None:
            return None
        posts.append(post)
    return posts


def general_posts(
    tweets: list[Any],
    name: str,
    where: str,
    *,
    author: str | None = None,
    author_id: str | None = None,
    deleted: bool = False,
) -> Iterator[RawPost]:
    """Every tweet of one file through ``tweet_to_post``; errors name the file and record."""
    for index, tweet in enumerate(tweets):
        yield tweet_to_post(
            tweet,
            record=f"{name}#{index}",
            where=where,
            author=author,
            author_id=author_id,
            deleted=deleted,
        )
