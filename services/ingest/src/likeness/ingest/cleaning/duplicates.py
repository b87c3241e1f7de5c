"""Duplicate detection: the last step of cleaning, after thread merging (see ``pipeline``).

Two keys per clean text, both 16-byte blake2b hex digests ("" for a text with nothing to key):

- ``exact_key``: the clean text itself. Same key -> DUPLICATE.
- ``dedupe_key``: the near-exact key (case-folded, URLs removed, @handles kept without the "@",
  accents and all other non-alphanumeric characters removed, whitespace collapsed). Same key but a
  different text -> NEAR_DUPLICATE.

Within a batch, posts are visited in time order (created_at, then id; posts without a time last):
the first post with a text is the original, later ones point at it through ``duplicate_of``. An
exact match wins over a near match.

Posts already stored for the persona come in as ``existing``: dedupe_key -> ``Existing(post_id,
exact_key)`` (build it with ``existing_index`` from (post_id, clean_text) rows), or dedupe_key ->
post_id when only the stored dedupe keys are at hand; a match then can only be called a
NEAR_DUPLICATE, since the exact text is unknown. They count as
earlier than the whole batch. An existing post with the same id as a batch post is that same post
imported again: it is ignored and the batch's own time order decides (re-importing a file must
change nothing).

Posts that are EMPTY, MEDIA_ONLY, MERGED (their text lives in the thread head) or reposts (already
excluded as reposts) take no part in the checks, as originals or as duplicates. Every post leaves
with its ``dedupe_key`` set (computed here when the post arrives without one).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from typing import NamedTuple

from likeness.core.flags import PostFlag
from likeness.core.ids import hash16
from likeness.ingest.cleaning.model import CleanPost
from likeness.ingest.cleaning.threads import time_ordered

_URL = re.compile(r"(?:[hH][tT][tT][pP][sS]?://|[wW][wW][wW]\.)\S+")
# \w is "alphanumeric or underscore" for str patterns; underscores are punctuation here.
_NOT_ALNUM = re.compile(r"[^\w\s]|_")
# ASCII whitespace that bytes.split() does not know becomes a space; other punctuation goes.
_ASCII_TABLE = bytes.maketrans(b"\x1c\x1d\x1e\x1f", b"    ")
_ASCII_DELETE = bytes(c for c in range(128) if not chr(c).isalnum() and not chr(c).isspace())
# Plain ints: IntFlag arithmetic is several times slower and this runs once per post.
_SKIP = int(PostFlag.EMPTY | PostFlag.MEDIA_ONLY | PostFlag.MERGED | PostFlag.REPOST)
_DUPLICATE = int(PostFlag.DUPLICATE)
_NEAR_DUPLICATE = int(PostFlag.NEAR_DUPLICATE)
_CLEAR_DUPLICATE = ~(_DUPLICATE | _NEAR_DUPLICATE)


class Existing(NamedTuple):
    """A post already in the database, as far as duplicate checks need it."""

    post_id: str
    exact_key: str


def exact_key(text: str) -> str:
    """Key of the exact text ("" for an empty text)."""
    return hash16(text.encode("utf-8")) if text else ""


def _drop_urls(text: str, start: int) -> str:
    """``_URL.sub(" ", text)`` when no URL starts before ``start``: only the rest is scanned (the
    pattern looks neither behind nor at the text's start, so the result is the same)."""
    if start <= 0:
        return _URL.sub(" ", text)
    return text[:start] + _URL.sub(" ", text[start:])


def _near_bytes(text: str) -> bytes:
    if text.isascii():
        # Fast path (most posts): same result as below, done by bytes.translate in C. Lowering
        # ASCII maps character to character, so URLs can be looked for in the lowered text
        # ("www." and "://" found by str.find; "://" ends "https://" at most 5 characters in).
        text = text.lower()
        if "://" in text or "www." in text:
            www, scheme = text.find("www."), text.find("://")
            start = max(0, scheme - 5) if scheme >= 0 else www
            text = _drop_urls(text, min(start, www) if www >= 0 else start)
        return b" ".join(text.encode("ascii").translate(_ASCII_TABLE, _ASCII_DELETE).split())
    if "://" in text or "w." in text or "W." in text:
        text = _URL.sub(" ", text)
    # NFKD splits accents off their letters (so they go with the punctuation) and folds
    # compatibility forms ("ﬁ" -> "fi"); upper-then-casefold also folds "ı"/"I"/"i" together.
    text = unicodedata.normalize("NFKD", text).upper().casefold()
    text = _NOT_ALNUM.sub("", unicodedata.normalize("NFKD", text))
    return " ".join(text.split()).encode("utf-8")


def near_text(text: str) -> str:
    """The text ``dedupe_key`` hashes: what is left when case, links and punctuation are gone."""
    return _near_bytes(text).decode("utf-8")


def dedupe_key(text: str) -> str:
    """Near-exact key: equal for texts differing only in case, punctuation, links and spacing."""
    folded = _near_bytes(text)
    return hash16(folded) if folded else ""


def existing_index(rows: Iterable[tuple[str, str]]) -> dict[str, Existing]:
    """dedupe_key -> Existing from stored (post_id, clean_text) rows; the first row of a key wins,
    so pass the rows in time order."""
    index: dict[str, Existing] = {}
    for post_id, text in rows:
        key = dedupe_key(text)
        if key and key not in index:
            index[key] = Existing(post_id, exact_key(text))
    return index


def flag_duplicates(
    posts: list[CleanPost], existing: Mapping[str, str | Existing] | None = None
) -> int:
    """Set ``dedupe_key`` on every post and flag duplicates; return how many were flagged.

    Earlier DUPLICATE / NEAR_DUPLICATE flags and ``duplicate_of`` are cleared first, so running it
    twice gives the same result.
    """
    existing = existing or {}
    exact_seen: dict[str, str] = {}  # exact key -> id of the first post with that text
    near_seen: dict[str, str] = {}  # dedupe key -> id of the first post with that key
    batch_ids = {post.id for post in posts} if existing else set()
    for key, stored in existing.items():
        stored_id, stored_exact = (stored, "") if isinstance(stored, str) else stored
        if stored_id in batch_ids:
            # The same post imported again: the batch's own time order decides about it.
            continue
        near_seen.setdefault(key, stored_id)
        if stored_exact:
            exact_seen.setdefault(stored_exact, stored_id)

    flagged = 0
    for post in time_ordered(posts):
        post.flags &= _CLEAR_DUPLICATE
        post.duplicate_of = None
        if not post.dedupe_key:
            # Unset, or reset by thread merging; ``pipeline.clean_one`` sets it per post.
            post.dedupe_key = dedupe_key(post.clean_text)
        if post.flags & _SKIP or not post.clean_text:
            continue
        exact = hash16(post.clean_text.encode("utf-8"))  # exact_key of a non-empty text
        original = exact_seen.setdefault(exact, post.id)
        if original != post.id:
            post.flags |= _DUPLICATE
            post.duplicate_of = original
            flagged += 1
            continue
        if not post.dedupe_key:
            continue
        original = near_seen.setdefault(post.dedupe_key, post.id)
        if original != post.id:
            post.flags |= _NEAR_DUPLICATE
            post.duplicate_of = original
            flagged += 1
    return flagged
