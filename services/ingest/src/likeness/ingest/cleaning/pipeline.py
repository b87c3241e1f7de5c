"""The cleaning pipeline: raw posts in, clean posts with flags, threads and duplicates out.

THE order (bump ``CLEANING_VERSION`` when any rule or this order changes):

0. repeats: a record whose (platform, external_id) was already seen in this batch is dropped (the
   first one is kept) and counted in ``CleanResult.dropped_repeats``; its post id would collide.
1. ``text_rules.clean_text``: entities, Unicode punctuation, short links, whitespace.
2. ``flags.detect_flags``: what each post is on its own (repost, quote, reply, media, ...).
3. ids: ``likeness.core.ids.post_id(persona_slug, platform, external_id)``.
4. ``threads.merge_split_threads``: "..." continuations and self-reply chains (needs the batch).
5. ``duplicates.flag_duplicates``: exact and near duplicates, against the batch and ``existing``.

Flags mark; nothing is deleted, and ``raw`` is kept untouched on every post.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from likeness.core.ids import post_id
from likeness.ingest.cleaning.duplicates import Existing, dedupe_key, flag_duplicates
from likeness.ingest.cleaning.flags import detect_flags
from likeness.ingest.cleaning.model import CleanPost
from likeness.ingest.cleaning.text_rules import clean_text
from likeness.ingest.cleaning.threads import merge_split_threads
from likeness.ingest.records import RawPost

CLEANING_VERSION = "2"  # 2: the TRUNCATED flag


@dataclass(slots=True)
class CleanResult:
    posts: list[CleanPost] = field(default_factory=list)  # in input order, repeats left out
    dropped_repeats: int = 0  # records whose external id was already in the batch
    merged: int = 0  # posts flagged MERGED
    duplicates: int = 0  # posts flagged DUPLICATE or NEAR_DUPLICATE


def clean_one(raw: RawPost, persona_slug: str, known_id: str | None = None) -> CleanPost:
    """Steps 1-3 for one post, plus its dedupe key: everything that needs no other post.

    ``known_id``: the post's id when the caller has already computed it.
    """
    text = clean_text(raw)
    return CleanPost(
        raw=raw,
        id=known_id or post_id(persona_slug, raw.platform, raw.external_id),
        clean_text=text,
        flags=detect_flags(raw, text),
        dedupe_key=dedupe_key(text),
    )


def finish_batch(
    posts: list[CleanPost],
    *,
    window_s: int = 900,
    existing_keys: Mapping[str, str | Existing] | None = None,
) -> tuple[int, int]:
    """Steps 4-5, which need the whole batch; returns (merged, duplicates)."""
    merged = merge_split_threads(posts, window_s)
    return merged, flag_duplicates(posts, existing_keys)


def clean_posts(
    raws: Iterable[RawPost],
    persona_slug: str,
    *,
    window_s: int = 900,
    existing_keys: Mapping[str, str | Existing] | None = None,
) -> CleanResult:
    """Clean one import of one persona's posts (steps 0-5 of the module docstring, in order).

    ``existing_keys``: dedupe_key -> ``duplicates.Existing`` (``duplicates.existing_index`` over
    the persona's stored posts) or dedupe_key -> post id; see ``duplicates``. The streaming
    importer calls ``clean_one`` and ``finish_batch`` itself; the result is the same.
    """
    result = CleanResult()
    seen: set[tuple[str, str]] = set()
    posts = result.posts
    for raw in raws:
        key = (raw.platform, raw.external_id)
        if key in seen:
            result.dropped_repeats += 1
            continue
        seen.add(key)
        posts.append(clean_one(raw, persona_slug))
    result.merged, result.duplicates = finish_batch(
        posts, window_s=window_s, existing_keys=existing_keys
    )
    return result
