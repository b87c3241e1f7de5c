"""Duplicate detection: keys and ``flag_duplicates``."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import given
from hypothesis import strategies as st

from likeness.core.flags import PostFlag
from likeness.core.ids import post_id
from likeness.ingest.cleaning.duplicates import (
    Existing,
    dedupe_key,
    exact_key,
    existing_index,
    flag_duplicates,
    near_text,
)
from likeness.ingest.cleaning.model import CleanPost
from likeness.ingest.records import RawPost

T0 = datetime(2016, 3, 1, 12, 0, tzinfo=UTC)


def post(external_id: str, text: str, seconds: int | None, flags: int = 0) -> CleanPost:
    created = None if seconds is None else T0 + timedelta(seconds=seconds)
    raw = RawPost(
        platform="twitter", external_id=external_id, text=text, record="r", created_at=created
    )
    return CleanPost(raw=raw, id=post_id("p", "twitter", external_id), clean_text=text, flags=flags)


def test_dedupe_key_ignores_case_punctuation_links_and_spacing() -> None:
    base = dedupe_key("Thank you Iowa! @realDonaldTrump")
    assert base == dedupe_key("THANK YOU, IOWA!!! @RealDonaldTrump https://t.co/abc")
    assert base == dedupe_key("  thank   you iowa  realdonaldtrump ")
    assert base != dedupe_key("Thank you Ohio! @realDonaldTrump")
    assert near_text("Caf\u00e9 \u2014 GREAT!") == "cafe great"


def test_handles_are_kept_in_the_key() -> None:
    assert dedupe_key("thanks @bob") != dedupe_key("thanks @alice")


def test_keys_of_empty_text() -> None:
    assert dedupe_key("") == exact_key("") == ""
    assert dedupe_key("!!! https://x.com/a") == ""
    assert len(dedupe_key("hi")) == 32 and len(exact_key("hi")) == 32


def test_exact_and_near_duplicates_in_time_order() -> None:
    late = post("3", "make america great again", 300)
    original = post("1", "MAKE AMERICA GREAT AGAIN!", 0)
    exact = post("2", "MAKE AMERICA GREAT AGAIN!", 100)
    other = post("4", "Something else", 50)
    assert flag_duplicates([late, exact, other, original], {}) == 2
    assert exact.flags & PostFlag.DUPLICATE and exact.duplicate_of == original.id
    assert late.flags & PostFlag.NEAR_DUPLICATE and late.duplicate_of == original.id
    assert not original.flags and original.duplicate_of is None
    assert not other.flags
    assert all(p.dedupe_key for p in (late, original, exact, other))


def test_exact_match_wins_over_near_match() -> None:
    a = post("1", "Hello world", 0)
    b = post("2", "hello world", 10)
    c = post("3", "hello world", 20)
    flag_duplicates([a, b, c], {})
    assert b.flags & PostFlag.NEAR_DUPLICATE and b.duplicate_of == a.id
    assert c.flags & PostFlag.DUPLICATE and c.duplicate_of == b.id


def test_skipped_posts_are_neither_originals_nor_duplicates() -> None:
    rt1 = post("1", "RT @x: same", 0, flags=PostFlag.REPOST)
    rt2 = post("2", "RT @x: same", 10, flags=PostFlag.REPOST)
    merged = post("3", "and more", 20, flags=PostFlag.MERGED)
    mine = post("4", "and more", 30)
    assert flag_duplicates([rt1, rt2, merged, mine], {}) == 0
    assert rt2.flags == PostFlag.REPOST
    assert merged.dedupe_key == mine.dedupe_key != ""


def test_duplicates_of_existing_posts() -> None:
    existing = existing_index([("stored-1", "Thank you Iowa!"), ("stored-2", "Big rally")])
    exact = post("1", "Thank you Iowa!", 0)
    near = post("2", "BIG RALLY", 0)
    assert flag_duplicates([exact, near], existing) == 2
    assert exact.flags & PostFlag.DUPLICATE and exact.duplicate_of == "stored-1"
    assert near.flags & PostFlag.NEAR_DUPLICATE and near.duplicate_of == "stored-2"


def test_existing_without_exact_key_gives_near_duplicates() -> None:
    p = post("1", "Thank you Iowa!", 0)
    flag_duplicates([p], {dedupe_key("Thank you Iowa!"): Existing("stored-1", "")})
    assert p.flags == PostFlag.NEAR_DUPLICATE and p.duplicate_of == "stored-1"


def test_reimport_changes_nothing() -> None:
    first = [post("1", "Same words", 0), post("2", "Same words", 60), post("3", "new", 90)]
    flag_duplicates(first, {})
    before = [(p.flags, p.duplicate_of) for p in first]
    # Stored rows in any order; the same posts imported again must keep their flags.
    stored = existing_index([(p.id, p.clean_text) for p in reversed(first)])
    again = [post("1", "Same words", 0), post("2", "Same words", 60), post("3", "new", 90)]
    flag_duplicates(again, stored)
    assert [(p.flags, p.duplicate_of) for p in again] == before
    assert flag_duplicates(again, stored) == 1  # running twice is stable too


@given(
    st.text(alphabet=st.characters(codec="utf-8"), max_size=40),
    st.lists(st.tuples(st.integers(0, 40), st.sampled_from(list("!?,;-\"'()*")))),
)
def test_dedupe_key_invariant_under_case_and_punctuation(text: str, inserts: list) -> None:
    key = dedupe_key(text)
    assert dedupe_key(text.upper()) == key
    assert dedupe_key(text.lower()) == key
    assert dedupe_key(text.swapcase()) == key
    noisy = text
    for position, mark in inserts:
        noisy = noisy[:position] + mark + noisy[position:]
    assert dedupe_key(noisy) == key
    assert dedupe_key(f"  {text.replace(' ', '   ')}\n") == key


def test_existing_as_plain_post_ids() -> None:
    p = post("1", "Thank you Iowa!", 0)
    same = post("2", "again", 0)
    existing = {dedupe_key("Thank you Iowa!"): "stored-1", dedupe_key("again"): same.id}
    assert flag_duplicates([p, same], existing) == 1
    assert p.flags == PostFlag.NEAR_DUPLICATE and p.duplicate_of == "stored-1"
    assert same.flags == 0
