"""Thread merging: "..." continuations and self-reply chains."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from likeness.core.flags import PostFlag
from likeness.core.ids import post_id
from likeness.ingest.cleaning.flags import detect_flags
from likeness.ingest.cleaning.model import CleanPost
from likeness.ingest.cleaning.text_rules import clean_text
from likeness.ingest.cleaning.threads import join_continuation, merge_split_threads
from likeness.ingest.records import RawPost

T0 = datetime(2016, 3, 1, 12, 0, tzinfo=UTC)


def post(
    external_id: str,
    text: str,
    seconds: float | None = 0,
    author: str | None = "me",
    **kwargs: object,
) -> CleanPost:
    created = None if seconds is None else T0 + timedelta(seconds=seconds)
    raw = RawPost(
        platform="twitter",
        external_id=external_id,
        text=text,
        record=f"t#{external_id}",
        created_at=created,
        author=author,
        **kwargs,  # type: ignore[arg-type]
    )
    clean = clean_text(raw)
    return CleanPost(
        raw=raw,
        id=post_id("p", "twitter", external_id),
        clean_text=clean,
        flags=detect_flags(raw, clean),
    )


def test_self_reply_chain_becomes_one_head() -> None:
    a = post("1", "First part of my thought", 0)
    b = post("2", "@bob second part", 60, reply_to_id="1", reply_to_user="bob")
    c = post("3", "third part", 120, reply_to_id="2")
    merged = merge_split_threads([c, a, b], window_s=900)
    assert merged == 2
    assert a.clean_text == "First part of my thought\n\n@bob second part\n\nthird part"
    assert a.thread_id == b.thread_id == c.thread_id == a.id
    assert not a.flags & PostFlag.MERGED
    for cont in (b, c):
        assert cont.flags & PostFlag.MERGED
        assert cont.flags & PostFlag.SELF_REPLY
        assert not cont.flags & PostFlag.REPLY
    assert b.clean_text == "@bob second part"  # a continuation keeps its own text
    assert b.raw.text == "@bob second part"


def test_reply_to_someone_else_is_not_merged() -> None:
    a = post("1", "my post", 0)
    b = post("2", "@bob thanks", 30, reply_to_id="999", reply_to_user="bob")
    assert merge_split_threads([a, b], 900) == 0
    assert b.flags & PostFlag.REPLY
    assert b.thread_id is None and a.thread_id is None
    assert a.clean_text == "my post"


def test_reply_to_another_author_in_the_batch_is_not_a_self_reply() -> None:
    a = post("1", "their post", 0, author="bob")
    b = post("2", "@bob my answer", 30, reply_to_id="1", reply_to_user="bob")
    assert merge_split_threads([a, b], 900) == 0
    assert b.flags & PostFlag.REPLY


def test_ellipsis_continuation_within_window() -> None:
    a = post("1", "The media is so dishonest...", 0)
    b = post("2", "...and they know it!", 300)
    assert merge_split_threads([b, a], window_s=900) == 1
    assert a.clean_text == "The media is so dishonest and they know it!"
    assert b.flags & PostFlag.MERGED and b.thread_id == a.id == a.thread_id


def test_unicode_ellipsis_continuation() -> None:
    a = post("1", "Crooked \u2026", 0)
    b = post("2", "\u2026is at it again", 10)
    assert b.clean_text.startswith("...")
    assert merge_split_threads([a, b], 900) == 1
    assert a.clean_text == "Crooked is at it again"


def test_ellipsis_continuation_outside_window() -> None:
    a = post("1", "The media is so dishonest...", 0)
    b = post("2", "...and they know it!", 901)
    assert merge_split_threads([a, b], window_s=900) == 0
    assert a.clean_text == "The media is so dishonest..."
    assert not b.flags & PostFlag.MERGED


def test_three_part_ellipsis_thread_merges_into_the_head() -> None:
    a = post("1", "one...", 0)
    b = post("2", "...two...", 60)
    c = post("3", "...three", 120)
    assert merge_split_threads([a, b, c], 900) == 2
    assert a.clean_text == "one two three"
    assert b.thread_id == c.thread_id == a.id


def test_no_merge_with_reposts_or_quotes() -> None:
    rt = post("1", "RT @x: something...", 0)
    b = post("2", "...and more", 30)
    assert merge_split_threads([rt, b], 900) == 0
    a = post("3", "mine...", 0)
    q = post("4", '..."@x: quoted', 30, quote=True)
    assert merge_split_threads([a, q], 900) == 0
    parent = post("5", "RT @x: hi", 0)
    child = post("6", "reply to my retweet", 10, reply_to_id="5")
    assert merge_split_threads([parent, child], 900) == 0
    assert child.flags & PostFlag.SELF_REPLY


def test_only_the_previous_post_counts_and_it_needs_a_time() -> None:
    a = post("1", "first...", 0)
    between = post("2", "something else", 10)
    b = post("3", "...continued", 20)
    merge_split_threads([a, between, b], 900)
    assert between.clean_text == "something else continued"
    no_time = post("4", "...no time", None)
    assert merge_split_threads([post("5", "x", 0), no_time], 900) == 0


def test_head_content_flags_follow_the_joined_text() -> None:
    photo = post("1", "", 0, media_count=1)
    assert photo.flags & PostFlag.MEDIA_ONLY
    words = post("2", "what a day", 5, reply_to_id="1")
    assert merge_split_threads([photo, words], 900) == 1
    assert photo.clean_text == "what a day"
    assert not photo.flags & PostFlag.MEDIA_ONLY
    assert photo.flags & PostFlag.MEDIA


def test_reply_cycle_does_not_loop() -> None:
    a = post("1", "a", 0, reply_to_id="2")
    b = post("2", "b", 10, reply_to_id="1")
    assert merge_split_threads([a, b], 900) == 1
    assert a.clean_text == "a\n\nb"
    assert b.thread_id == a.id


def test_join_continuation() -> None:
    assert join_continuation("one...", "...two") == "one two"
    assert join_continuation("one\u2026", "...two") == "one two"
    assert join_continuation("one", "...") == "one"


# --- properties ---

_KINDS = st.sampled_from(["plain", "dots", "reply", "repost"])


@st.composite
def batches(draw: st.DrawFn) -> list[CleanPost]:
    n = draw(st.integers(1, 12))
    posts = []
    for i in range(n):
        kind = draw(_KINDS)
        seconds = draw(st.one_of(st.none(), st.integers(0, 3000)))
        words = draw(st.sampled_from(["alpha", "beta...", "gamma", "delta\u2026", "", "eps"]))
        kwargs: dict[str, object] = {}
        text = f"{words} {i}"
        if kind == "dots":
            text = f"...{text}"
        elif kind == "repost":
            text = f"RT @x: {text}"
        elif kind == "reply":
            kwargs["reply_to_id"] = str(draw(st.integers(0, n)))
        posts.append(post(str(i), text, seconds, **kwargs))
    return posts


def _core(text: str) -> str:
    return text.strip(". \u2026")


@given(batches())
def test_merging_never_loses_text_and_never_cycles(posts: list[CleanPost]) -> None:
    originals = {p.id: p.clean_text for p in posts}
    merge_split_threads(posts, 900)
    by_id = {p.id: p for p in posts}
    for p in posts:
        if p.flags & PostFlag.MERGED:
            head = by_id[p.thread_id]  # type: ignore[index]
            assert head.thread_id == head.id
            assert not head.flags & PostFlag.MERGED
            assert _core(originals[p.id]) in head.clean_text
            assert p.clean_text == originals[p.id]
        elif p.thread_id is not None:
            assert p.thread_id == p.id


@given(batches(), st.randoms())
def test_merging_is_independent_of_input_order(posts: list[CleanPost], rnd: random.Random) -> None:
    copies = [post_copy(p) for p in posts]
    rnd.shuffle(copies)
    merge_split_threads(posts, 900)
    merge_split_threads(copies, 900)
    result = {p.id: (p.clean_text, p.flags, p.thread_id) for p in posts}
    shuffled = {p.id: (p.clean_text, p.flags, p.thread_id) for p in copies}
    assert result == shuffled


def post_copy(p: CleanPost) -> CleanPost:
    return CleanPost(raw=p.raw, id=p.id, clean_text=p.clean_text, flags=p.flags)
