"""Text rules (entities, Unicode punctuation, short links, whitespace) and ``clean_text``."""

from __future__ import annotations

import sys

import pytest
from hypothesis import given
from hypothesis import strategies as st

from likeness.ingest.cleaning.text_rules import (
    clean_string,
    clean_text,
    normalize_unicode_punctuation,
    normalize_whitespace,
    replace_short_links,
    unescape_html_entities,
)
from likeness.ingest.records import RawPost


def raw(text: str, **kwargs: object) -> RawPost:
    return RawPost(platform="twitter", external_id="1", text=text, record="t#0", **kwargs)  # type: ignore[arg-type]


# --- a. entities ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jobs &amp; growth", "Jobs & growth"),
        ("a &lt;3 b &gt; c", "a <3 b > c"),
        ("double &amp;amp; escaped", "double & escaped"),
        ("&amp;gt; quoted", "> quoted"),
        ("&#8220;hi&#8221; &#x2026;", "\u201chi\u201d \u2026"),
        ("AT&T and R&D", "AT&T and R&D"),
        ("&notice &copy without semicolon", "&notice &copy without semicolon"),
        ("&unknownentity; stays", "&unknownentity; stays"),
        ("no entities", "no entities"),
    ],
)
def test_unescape_html_entities(text: str, expected: str) -> None:
    assert unescape_html_entities(text) == expected


# --- b. Unicode punctuation ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("\u2018single\u2019 it\u2019s \u201adown\u201b", "'single' it's 'down'"),
        ("\u201cdouble\u201d \u201elow\u201f", '"double" "low"'),
        ("wait\u2026", "wait..."),
        ("en \u2013 em \u2014 kept", "en \u2013 em \u2014 kept"),
        ("minus \u2212 hyphen \u2010 nb\u2011hyphen", "minus - hyphen - nb-hyphen"),
        (
            "non\u00a0breaking\u2009thin\u202fnarrow\u3000ideographic",
            "non breaking thin narrow ideographic",
        ),
        ("zero\u200bwidth\u200c\u200dchars\ufeff\u2060", "zerowidthchars"),
        ("GREAT!!! \U0001f1fa\U0001f1f8 \U0001f44d", "GREAT!!! \U0001f1fa\U0001f1f8 \U0001f44d"),
        ("cafe\u0301", "caf\u00e9"),
        ("crlf\r\nline\rmac", "crlf\nline\nmac"),
        ("nul\x00and\x07bell", "nulandbell"),
        ("plain ascii", "plain ascii"),
    ],
)
def test_normalize_unicode_punctuation(text: str, expected: str) -> None:
    assert normalize_unicode_punctuation(text) == expected


def test_every_unicode_space_is_mapped() -> None:
    spaces = [chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()]
    out = normalize_unicode_punctuation("".join(spaces))
    assert set(out) <= {" ", "\n", "\t"}


# --- c. short links ---


def test_media_link_is_removed() -> None:
    text = "Good morning #LeadDevBerlin \U0001f44b https://t.co/p5Z1ebhgmy"
    assert replace_short_links(text, {}, ("https://t.co/p5Z1ebhgmy",)) == (
        "Good morning #LeadDevBerlin \U0001f44b"
    )


def test_known_short_link_is_expanded() -> None:
    text = "Read this: https://t.co/abc123XYZ, then that"
    out = replace_short_links(text, {"https://t.co/abc123XYZ": "https://example.com/a"})
    assert out == "Read this: https://example.com/a, then that"


def test_media_wins_over_url_map_and_scheme_is_ignored() -> None:
    text = "look http://t.co/abc"
    out = replace_short_links(text, {"https://t.co/abc": "https://x.com/p"}, ("https://t.co/abc",))
    assert out == "look"


def test_unknown_tco_link_is_removed_other_urls_kept() -> None:
    text = "Tickets: https://t.co/JwQeccp79N and https://www.donaldjtrump.com/schedule."
    assert replace_short_links(text) == "Tickets: and https://www.donaldjtrump.com/schedule."


def test_truncated_tco_link_is_removed_with_its_ellipsis() -> None:
    assert clean_string("Watch: https://t.co/btzN080\u2026") == "Watch:"


def test_pic_twitter_is_removed() -> None:
    assert clean_string("Great rally tonight! pic.twitter.com/AbC123xyz") == "Great rally tonight!"
    assert clean_string("Photo https://pic.twitter.com/AbC123xyz") == "Photo"


def test_link_alone_on_a_line_leaves_no_blank_line() -> None:
    assert clean_string("Happy Birthday!\nhttps://t.co/uRxyCD3hBz") == "Happy Birthday!"
    assert clean_string("a\nhttps://t.co/x1\nb") == "a\nb"


def test_other_shortener_expanded_only_when_known() -> None:
    assert replace_short_links("see https://bit.ly/3xY") == "see https://bit.ly/3xY"
    out = replace_short_links("see https://bit.ly/3xY!", {"https://bit.ly/3xY": "https://a.org"})
    assert out == "see https://a.org!"


# --- d. whitespace ---


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("  a  b\t\tc  ", "a b c"),
        ("line one  \n  line two", "line one\nline two"),
        ("a\n\n\n\n\nb", "a\n\nb"),
        ("a\n \n \n \nb", "a\n\nb"),
        ("\n\nhello\n\n", "hello"),
        ("keep\nsingle\nnewlines", "keep\nsingle\nnewlines"),
    ],
)
def test_normalize_whitespace(text: str, expected: str) -> None:
    assert normalize_whitespace(text) == expected


# --- all rules ---


def test_clean_text_real_tweet() -> None:
    post = raw(
        "Join @AmerIcan32, founded by Hall of Fame legend @JimBrownNFL32 on 1/19/2017 in "
        "Washington, D.C.\u2026 https://t.co/9WJZ8iTCQV"
    )
    assert clean_text(post) == (
        "Join @AmerIcan32, founded by Hall of Fame legend @JimBrownNFL32 on 1/19/2017 in "
        "Washington, D.C...."
    )


def test_clean_text_uses_the_posts_entities() -> None:
    post = raw(
        "Big news &amp; more https://t.co/aaa https://t.co/bbb",
        url_map={"https://t.co/aaa": "https://news.example/story"},
        media_urls=("https://t.co/bbb",),
    )
    assert clean_text(post) == "Big news & more https://news.example/story"
    assert post.text == "Big news &amp; more https://t.co/aaa https://t.co/bbb"


def test_entity_hidden_by_zero_width_char_is_decoded_once_and_for_all() -> None:
    once = clean_string("&am\u200bp;amp;")
    assert clean_string(once) == once


# --- properties ---

# Arbitrary characters mixed with the pieces the rules act on, so that they meet each other.
_PIECES = [
    " ",
    "  ",
    "\n",
    "\t",
    "\u00a0",
    "\u200b",
    "&amp;",
    "&",
    ";",
    "\u2026",
    "...",
    "https://t.co/abc",
    "https://x.com/a",
    "pic.twitter.com/q1",
    "\r\n",
    "@a",
    "\u0301",
]
_TEXT = st.lists(st.one_of(st.characters(), st.sampled_from(_PIECES)), max_size=40).map("".join)


@given(_TEXT)
def test_clean_is_idempotent(text: str) -> None:
    once = clean_string(text)
    assert clean_string(once) == once


@given(_TEXT)
def test_clean_output_shape(text: str) -> None:
    out = clean_string(text)
    assert out == out.strip()
    assert "\n\n\n" not in out
    assert "  " not in out
    assert "\t" not in out
    assert all(line == line.strip() for line in out.split("\n"))


@given(
    st.text(), st.dictionaries(st.text(), st.text(), max_size=3), st.lists(st.text(), max_size=3)
)
def test_clean_never_raises(text: str, url_map: dict[str, str], media: list[str]) -> None:
    clean_string(text, url_map, tuple(media))
