"""Thread merging: the fourth step of cleaning, after ids (see ``pipeline``), before duplicates.

A thread written as several posts becomes one text on its head post; the other posts get MERGED
(their own clean text is left as it was) and every post of the thread gets ``thread_id`` = head id.

Two rules link a post to an earlier one:

a. "..." continuation: the clean text starts with "..." and the post came at most ``window_s``
   seconds after the author's previous post (previous in time, in the batch), which is not a
   repost, a quote, empty or media-only. Joined with one space, the head's trailing "..." and the
   continuation's leading "..." removed.
b. Self-reply: ``raw.reply_to_id`` is the external id of another post of the same author in the
   batch. The post gets SELF_REPLY (REPLY cleared) and is joined with a blank line ("\\n\\n").

Rule b wins over rule a. Reposts and quotes are never merged into anything and nothing is merged
into them (a self-reply to one still gets SELF_REPLY). Posts are visited sorted by
(created_at, id), so the result does not depend on the input order; the head's text is the thread
in depth-first order (children by time). A reply cycle (impossible on a real platform) is broken at
its earliest post. The head's content flags (EMPTY, MEDIA_ONLY, ...) are recomputed for the joined
text. O(n log n): one sort, then linear passes.
"""

from __future__ import annotations

from datetime import datetime
from operator import attrgetter

from likeness.core.flags import PostFlag
from likeness.ingest.cleaning.flags import CONTENT_FLAGS, content_flags
from likeness.ingest.cleaning.model import CleanPost

_ELLIPSIS = "..."
_NO_MERGE = int(PostFlag.REPOST | PostFlag.QUOTE)
_NO_TEXT = int(PostFlag.EMPTY | PostFlag.MEDIA_ONLY)
_SELF_REPLY = int(PostFlag.SELF_REPLY)
_REPLY = int(PostFlag.REPLY)
_MERGED = int(PostFlag.MERGED)
_RULE_CONTINUATION = 1
_RULE_SELF_REPLY = 2
_BY_TIME = attrgetter("raw.created_at")
_BY_TIME_ID = attrgetter("raw.created_at", "id")


def _sort_key(post: CleanPost) -> tuple[bool, datetime | float, str]:
    created = post.raw.created_at
    return (created is None, created if created is not None else 0.0, post.id)


def time_ordered(posts: list[CleanPost]) -> list[CleanPost]:
    """``sorted(posts, key=_sort_key)``: by (created_at, id), posts without a time last.

    When every post has a time (the usual case) the key is (created_at, id) from a C-level
    ``attrgetter``, which orders exactly like ``_sort_key``'s (False, created_at, id).
    """
    if None in map(_BY_TIME, posts):
        return sorted(posts, key=_sort_key)
    return sorted(posts, key=_BY_TIME_ID)


def same_author(a: CleanPost, b: CleanPost) -> bool:
    """Same author as far as the records tell (unknown authors match anything)."""
    if a.raw.author_id and b.raw.author_id:
        return a.raw.author_id == b.raw.author_id
    if a.raw.author and b.raw.author:
        return a.raw.author.casefold() == b.raw.author.casefold()
    return True


def is_continuation_text(text: str) -> bool:
    """Starts with "..." (a "…" was turned into "..." by the text rules)."""
    return text.startswith(_ELLIPSIS)


def join_continuation(head: str, continuation: str) -> str:
    """Rule a's join: drop the head's trailing and the continuation's leading ellipsis."""
    head = head.rstrip()
    if head.endswith(_ELLIPSIS):
        head = head[: -len(_ELLIPSIS)].rstrip()
    elif head.endswith("\u2026"):
        head = head[:-1].rstrip()
    continuation = continuation.lstrip(".\u2026 ").lstrip()
    return " ".join(part for part in (head, continuation) if part)


def join_reply(head: str, reply: str) -> str:
    """Rule b's join: a blank line between the posts of a self-reply chain."""
    return "\n\n".join(part for part in (head, reply) if part)


def _mergeable(post: CleanPost) -> bool:
    return not post.flags & _NO_MERGE


def _find_parents(ordered: list[CleanPost], window_s: float) -> dict[int, tuple[int, int]]:
    """index -> (parent index, rule) for every post that continues another."""
    by_external: dict[tuple[str, str], int] = {}
    for i, post in enumerate(ordered):
        by_external.setdefault((post.raw.platform, post.raw.external_id), i)

    links: dict[int, tuple[int, int]] = {}
    previous: int | None = None
    for i, post in enumerate(ordered):
        raw = post.raw
        reply_to = raw.reply_to_id
        parent = by_external.get((raw.platform, reply_to)) if reply_to else None
        if parent is not None and parent != i and same_author(post, ordered[parent]):
            post.flags = (post.flags | _SELF_REPLY) & ~_REPLY
            if _mergeable(post) and _mergeable(ordered[parent]):
                links[i] = (parent, _RULE_SELF_REPLY)
        elif (
            raw.created_at is not None
            and previous is not None
            # Checked first: few posts start with "...", and the others skip the time arithmetic.
            and is_continuation_text(post.clean_text)
        ):
            prev = ordered[previous]
            gap = (raw.created_at - prev.raw.created_at).total_seconds()  # type: ignore[operator]
            if (
                gap <= window_s
                and _mergeable(post)
                and _mergeable(prev)
                and not prev.flags & _NO_TEXT
                and same_author(post, prev)
            ):
                links[i] = (previous, _RULE_CONTINUATION)
        if raw.created_at is not None:
            previous = i
    return links


def _break_cycles(links: dict[int, tuple[int, int]]) -> None:
    """Remove one link from every cycle (at the cycle's earliest post) so each chain has a head."""
    state: dict[int, int] = {}  # 1 = on the current path, 2 = done
    for start in sorted(links):
        path: list[int] = []
        node: int | None = start
        while node is not None and node in links and state.get(node) is None:
            state[node] = 1
            path.append(node)
            node = links[node][0]
        if node is not None and state.get(node) == 1:
            cycle = path[path.index(node) :]
            del links[min(cycle)]
        for visited in path:
            state[visited] = 2


def merge_split_threads(posts: list[CleanPost], window_s: int) -> int:
    """Merge "..." continuations and self-reply chains into their head; return how many merged."""
    ordered = time_ordered(posts)
    links = _find_parents(ordered, window_s)
    if not links:
        return 0
    _break_cycles(links)

    children: dict[int, list[int]] = {}
    for child in sorted(links):
        children.setdefault(links[child][0], []).append(child)

    merged = 0
    for head_index in sorted(children):
        if head_index in links:
            continue
        head = ordered[head_index]
        text = head.clean_text
        # Depth-first, children by time: the thread reads in the order it was written.
        stack = list(reversed(children[head_index]))
        while stack:
            index = stack.pop()
            post = ordered[index]
            if links[index][1] == _RULE_CONTINUATION:
                text = join_continuation(text, post.clean_text)
            else:
                text = join_reply(text, post.clean_text)
            post.flags |= _MERGED
            post.thread_id = head.id
            merged += 1
            stack.extend(reversed(children.get(index, ())))
        head.clean_text = text
        head.dedupe_key = ""  # stale: duplicates.flag_duplicates recomputes it
        head.thread_id = head.id
        head.flags = (head.flags & ~CONTENT_FLAGS) | content_flags(head.raw, text)
    return merged
