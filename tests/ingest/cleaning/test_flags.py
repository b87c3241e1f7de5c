"""Per-post flags: ``detect_flags`` and its named predicates."""

from __future__ import annotations

import pytest

from likeness.core.flags import PostFlag
from likeness.ingest.cleaning.flags import (
    detect_flags,
    is_handle_only,
    is_media_only,
    is_quote_text,
    is_reply,
    is_repost_text,
    is_url_only,
)
from likeness.ingest.cleaning.text_rules import clean_text
from likeness.ingest.records import RawPost


def raw(text: str, **kwargs: object) -> RawPost:
    return RawPost(platform="twitter", external_id="1", text=text, record="t#0", **kwargs)  # type: ignore[arg-type]


def flags_of(post: RawPost) -> PostFlag:
    return PostFlag(detect_flags(post, clean_text(post)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("RT @realDonaldTrump: Happy Birthday @DonaldJTrumpJr!", True),
        ("RT: the best", True),
        ("RT this if you agree", True),
        ("rt @x: lower case is not a retweet marker", False),
        ("ART @x", False),
        ("Great! RT @x: later in the text", False),
    ],
)
def test_is_repost_text(text: str, expected: bool) -> None:
    assert is_repost_text(text) is expected


def test_repost_flag_from_text_and_from_export() -> None:
    assert flags_of(raw("RT @x: hello")) & PostFlag.REPOST
    assert flags_of(raw("RT: hello")) & PostFlag.REPOST
    assert flags_of(raw("hello", repost=True)) & PostFlag.REPOST
    assert not flags_of(raw("hello")) & PostFlag.REPOST


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"@jallenaip: Hillary said she was going to run on her record..."', True),
        ("\u201c@jallenaip: Hillary said\u201d", True),
        ('".@user: with a dot"', True),
        ('"@jallenaip Hillary said" no colon', False),
        ("@jallenaip: no opening quote", False),
        ('"Make America Great Again"', False),
    ],
)
def test_is_quote_text(text: str, expected: bool) -> None:
    assert is_quote_text(text) is expected


def test_quote_flag_from_text_and_from_export() -> None:
    assert flags_of(raw('"@jallenaip: Hillary said she was..."')) & PostFlag.QUOTE
    assert flags_of(raw("\u201c@jallenaip: Hillary said\u201d")) & PostFlag.QUOTE
    assert flags_of(raw("my take", quote=True)) & PostFlag.QUOTE


def test_reply_to_someone_else() -> None:
    assert flags_of(raw("thanks!", reply_to_id="99", reply_to_user="bob")) & PostFlag.REPLY
    # TTA: only the replied-to user is known; the text has to start with a handle.
    assert flags_of(raw("@bob thanks!", reply_to_user="123")) & PostFlag.REPLY
    assert not flags_of(raw(".@bob is great", reply_to_user="123")) & PostFlag.REPLY
    assert not flags_of(raw("@bob thanks!")) & PostFlag.REPLY


def test_reply_to_own_account_is_a_self_reply_not_a_reply() -> None:
    post = raw("...and more", author="Me", author_id="7", reply_to_id="5", reply_to_user="7")
    flags = flags_of(post)
    assert flags & PostFlag.SELF_REPLY
    assert not flags & PostFlag.REPLY
    assert not is_reply(post, "...and more")
    assert flags_of(raw("x", author="Me", reply_to_user="@me")) & PostFlag.SELF_REPLY


def test_media_only_with_only_a_media_link() -> None:
    post = raw("https://t.co/p5Z1ebhgmy", media_count=1, media_urls=("https://t.co/p5Z1ebhgmy",))
    flags = flags_of(post)
    assert flags & PostFlag.MEDIA_ONLY
    assert flags & PostFlag.MEDIA
    assert not flags & PostFlag.EMPTY


def test_media_with_text_is_not_media_only() -> None:
    post = raw("Good morning https://t.co/p5Z1", media_count=1, media_urls=("https://t.co/p5Z1",))
    flags = flags_of(post)
    assert flags & PostFlag.MEDIA
    assert not flags & PostFlag.MEDIA_ONLY


def test_media_only_ignores_remaining_urls() -> None:
    assert is_media_only(raw("", media_count=2), "https://example.com/a")
    assert not is_media_only(raw(""), "")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://example.com/a", True),
        ("https://a.org/x - https://b.org/y!", True),
        ("@bob https://example.com/a", True),
        ("read https://example.com/a", False),
        ("https://example.com/a \U0001f525", False),
        ("no links", False),
        ("", False),
    ],
)
def test_is_url_only(text: str, expected: bool) -> None:
    assert is_url_only(text) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("@a @b", True),
        ("@a, @b!", True),
        ('"@LexingtonBobby: @FoxNews @tedcruz"', True),
        ("@a thanks", False),
        ("mail me at a@b", False),
        ("", False),
    ],
)
def test_is_handle_only(text: str, expected: bool) -> None:
    assert is_handle_only(text) is expected


def test_url_only_and_handle_only_flags() -> None:
    assert flags_of(raw("https://example.com/a")) & PostFlag.URL_ONLY
    assert flags_of(raw("@a @b")) & PostFlag.HANDLE_ONLY


def test_empty_and_deleted() -> None:
    # A bare t.co link with no known expansion is removed, but the post was a link.
    bare_link = raw("https://t.co/ZQ0osiFEJQ")
    assert clean_text(bare_link) == ""
    assert flags_of(bare_link) == PostFlag.URL_ONLY
    assert flags_of(raw("pic.twitter.com/abc")) == PostFlag.URL_ONLY
    assert flags_of(raw("   ")) == PostFlag.EMPTY
    assert flags_of(raw("\u200b")) == PostFlag.EMPTY
    assert flags_of(raw("", media_count=1)) == PostFlag.MEDIA | PostFlag.MEDIA_ONLY
    assert flags_of(raw("bye", deleted=True)) == PostFlag.DELETED


def test_plain_post_has_no_flags() -> None:
    assert flags_of(raw("Happy New Year to all, including to my many enemies!")) == 0


# -- client truncation -----------------------------------------------------------------------
@pytest.mark.parametrize(
    ("text", "kwargs", "truncated"),
    [
        ("The budget debate tonight showed why we need (cont) http://t.co/aB3dE", {}, True),
        ("Long day at the harbour, more on this (cont'd) http://tl.gd/abc123", {}, True),
        ("Long day at the harbour (contd) http://t.co/x http://t.co/y", {}, True),
        ("Three reasons the ferry is late (Cont.)", {}, True),
        ("A thread on tides, part one (continued)", {}, True),
        ("Seesmic cut this one off right in the middle\u2026 http://t.co/xyz", {}, True),
        # Platforms shorten long reposts with "…": a repost, not a client cut.
        ("RT @bob: a long quoted thought that goes on and on\u2026 http://t.co/r", {}, False),
        ("a long boosted thought\u2026 http://t.co/r", {"repost": True}, False),
        # "…" and the attached photo's link: the picture, not the rest of the text.
        (
            "Look at this sunset\u2026 http://t.co/pic",
            {"media_count": 1, "media_urls": ("https://t.co/pic",)},
            False,
        ),
        ("Ending on a thought\u2026", {}, False),  # no link: a trailing ellipsis is voice
        ("(cont) is what the old clients wrote", {}, False),
        ("Smile (: http://example.org", {}, False),
        ("We will continue (and win) http://t.co/abc", {}, False),
    ],
)
def test_client_truncated_posts_are_flagged(
    text: str, kwargs: dict[str, object], truncated: bool
) -> None:
    assert bool(flags_of(raw(text, **kwargs)) & PostFlag.TRUNCATED) is truncated


def test_truncated_is_excluded_by_default() -> None:
    from likeness.core.flags import DEFAULT_EXCLUDE, FLAG_NAMES, exclude_mask

    assert PostFlag.TRUNCATED & DEFAULT_EXCLUDE
    assert FLAG_NAMES["truncated"] is PostFlag.TRUNCATED
    assert not exclude_mask({"exclude_flags": ["repost"]}) & PostFlag.TRUNCATED
