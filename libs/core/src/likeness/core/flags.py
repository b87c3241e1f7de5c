"""Post flags: why a post might be kept out of training. Flags mark; they never delete."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from enum import IntFlag


class PostFlag(IntFlag):
    REPOST = 1 << 0  # "RT @x", "RT:", a platform repost flag
    REPLY = 1 << 1  # a reply to someone else
    QUOTE = 1 << 2  # a quote post, or '"@user: ..."' quoting another account
    DELETED = 1 << 3  # the export says the author deleted it
    MEDIA = 1 << 4  # carries media (not a reason to exclude on its own)
    MEDIA_ONLY = 1 << 5  # nothing but media
    URL_ONLY = 1 << 6  # nothing but links
    HANDLE_ONLY = 1 << 7  # nothing but @handles
    MERGED = 1 << 8  # continuation merged into the thread head (its text lives there)
    DUPLICATE = 1 << 9  # same text as an earlier post
    NEAR_DUPLICATE = 1 << 10  # same text up to case, punctuation, links and spacing
    EMPTY = 1 << 11  # no text at all after cleaning
    SELF_REPLY = 1 << 12  # reply to the author's own post (part of a thread)
    TRUNCATED = 1 << 13  # cut off by its client: "... (cont) http://t.co/x", the rest elsewhere


FLAG_NAMES: dict[str, PostFlag] = {f.name.lower(): f for f in PostFlag}  # type: ignore[union-attr]

#: Why a post carries each flag, one line a person reads (the CLI and the terminal app show it).
FLAG_REASONS: dict[str, str] = {
    "repost": 'a repost of someone else\'s post ("RT @x", "RT:" or the platform\'s repost mark)',
    "reply": "a reply to another account",
    "quote": "quotes another account: a quote post, or one that starts '\"@user: their words\"'",
    "deleted": "the export says the author deleted it",
    "media": "carries media (a photo, video or GIF; not a reason to leave it out on its own)",
    "media_only": "nothing but media: no words of its own",
    "url_only": "nothing but links (and @handles or punctuation)",
    "handle_only": "nothing but @handles",
    "merged": "a thread continuation merged into the thread's first post (its text lives there)",
    "duplicate": "the same text as an earlier post",
    "near_duplicate": "the same text as an earlier post up to case, punctuation, links and spacing",
    "empty": "no text left after cleaning",
    "self_reply": "a reply to the author's own post (part of a thread)",
    "truncated": 'cut off by its posting client, the rest put elsewhere ("(cont) http://...")',
}

# What keeps a post out of training unless a persona's settings say otherwise.
DEFAULT_EXCLUDE = (
    PostFlag.REPOST
    | PostFlag.QUOTE
    | PostFlag.DELETED
    | PostFlag.MEDIA_ONLY
    | PostFlag.URL_ONLY
    | PostFlag.HANDLE_ONLY
    | PostFlag.MERGED
    | PostFlag.DUPLICATE
    | PostFlag.NEAR_DUPLICATE
    | PostFlag.EMPTY
    | PostFlag.TRUNCATED
)


# Plain ints: IntFlag's own "&" is a Python-level call, too slow for per-post use in bulk paths.
_FLAG_BITS: tuple[tuple[str, int], ...] = tuple(
    (name, int(flag)) for name, flag in FLAG_NAMES.items()
)


def flag_names(value: int) -> list[str]:
    return [name for name, bit in _FLAG_BITS if value & bit]


def count_flags(values: Iterable[int]) -> dict[str, int]:
    """How many of ``values`` carry each flag (names with a zero count left out)."""
    by_value = Counter(values)
    counts: dict[str, int] = {}
    for value, n in by_value.items():
        for name in flag_names(value):
            counts[name] = counts.get(name, 0) + n
    return counts


def parse_flags(names: list[str] | tuple[str, ...]) -> PostFlag:
    result = PostFlag(0)
    for name in names:
        key = name.strip().lower().replace("-", "_")
        if key not in FLAG_NAMES:
            known = ", ".join(FLAG_NAMES)
            raise ValueError(f"unknown flag {name!r}; known flags: {known}")
        result |= FLAG_NAMES[key]
    return result


def exclude_mask(persona_settings: dict[str, object] | None) -> int:
    """The flags that keep a post out of training for a persona (its settings or the default)."""
    names = (persona_settings or {}).get("exclude_flags")
    if isinstance(names, list):
        return int(parse_flags([str(n) for n in names]))
    return int(DEFAULT_EXCLUDE)
