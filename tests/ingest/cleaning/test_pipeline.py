"""The whole cleaning pipeline on small batches (and on the real TTA corpus when present)."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from likeness.core.flags import PostFlag
from likeness.core.ids import post_id
from likeness.ingest.cleaning.duplicates import existing_index
from likeness.ingest.cleaning.pipeline import CLEANING_VERSION, CleanResult, clean_posts
from likeness.ingest.records import RawPost

T0 = datetime(2016, 3, 1, 12, 0, tzinfo=UTC)
TTA = (
    Path(__file__).resolve().parents[4] / "shared" / "corpora" / "trump-tta" / "condensed_2016.json"
)


def raw(external_id: str, text: str, seconds: int = 0, **kwargs: object) -> RawPost:
    return RawPost(
        platform="twitter",
        external_id=external_id,
        text=text,
        record=f"tweets.js#{external_id}",
        created_at=T0 + timedelta(seconds=seconds),
        author="me",
        **kwargs,  # type: ignore[arg-type]
    )


def test_pipeline_end_to_end() -> None:
    raws = [
        raw("1", "Jobs &amp; growth\u2026", 0),
        raw(
            "2",
            "\u2026for everyone! https://t.co/aaa",
            60,
            url_map={"https://t.co/aaa": "https://x.org"},
        ),
        raw("3", "RT @x: Jobs &amp; growth", 120, repost=True),
        raw("4", "https://t.co/pic1", 180, media_count=1, media_urls=("https://t.co/pic1",)),
        raw("5", "jobs & GROWTH for everyone https://x.org", 240),
        raw("1", "Jobs &amp; growth\u2026", 0),  # the same record twice in the export
    ]
    result = clean_posts(raws, "me")
    assert isinstance(result, CleanResult)
    assert CLEANING_VERSION == "2"
    assert result.dropped_repeats == 1
    assert [p.raw.external_id for p in result.posts] == ["1", "2", "3", "4", "5"]
    head, cont, rt, photo, late = result.posts
    assert head.id == post_id("me", "twitter", "1")
    assert head.clean_text == "Jobs & growth for everyone! https://x.org"
    assert head.raw.text == "Jobs &amp; growth\u2026"
    assert cont.flags & PostFlag.MERGED and cont.thread_id == head.id
    assert rt.flags & PostFlag.REPOST
    assert photo.flags & PostFlag.MEDIA_ONLY and photo.clean_text == ""
    assert late.flags & PostFlag.NEAR_DUPLICATE and late.duplicate_of == head.id
    assert result.merged == 1
    assert result.duplicates == 1


def test_pipeline_against_existing_posts_and_reimport() -> None:
    raws = [raw("1", "Thank you Iowa!", 0), raw("2", "Big rally", 10)]
    stored = existing_index([("old", "THANK YOU IOWA")])
    result = clean_posts(raws, "me", existing_keys=stored)
    assert result.posts[0].flags & PostFlag.NEAR_DUPLICATE
    assert result.posts[0].duplicate_of == "old"
    rows = [("old", "THANK YOU IOWA"), *((p.id, p.clean_text) for p in result.posts)]
    again = clean_posts(raws, "me", existing_keys=existing_index(rows))
    assert [(p.id, p.flags, p.duplicate_of) for p in again.posts] == [
        (p.id, p.flags, p.duplicate_of) for p in result.posts
    ]


def test_window_is_configurable() -> None:
    raws = [raw("1", "one...", 0), raw("2", "...two", 100)]
    assert clean_posts(raws, "me", window_s=50).merged == 0
    assert clean_posts(raws, "me", window_s=100).merged == 1


@pytest.mark.corpora
def test_real_tta_corpus_cleans() -> None:
    if not TTA.exists():
        pytest.skip(f"shared corpora not found at {TTA}")
    records = json.loads(TTA.read_text(encoding="utf-8"))
    raws = [
        RawPost(
            platform="twitter",
            external_id=r["id_str"],
            text=r["text"],
            record=f"condensed_2016.json#{i}",
            created_at=datetime.strptime(r["created_at"], "%a %b %d %H:%M:%S %z %Y"),
            author="realDonaldTrump",
            reply_to_user=r["in_reply_to_user_id_str"],
            repost=bool(r["is_retweet"]),
        )
        for i, r in enumerate(records)
    ]
    result = clean_posts(raws, "trump")
    assert len(result.posts) == len(records)
    assert all("&amp;" not in p.clean_text and "t.co/" not in p.clean_text for p in result.posts)
    reposts = sum(1 for p in result.posts if p.flags & PostFlag.REPOST)
    quotes = sum(1 for p in result.posts if p.flags & PostFlag.QUOTE)
    assert reposts >= 188
    assert quotes > 500
