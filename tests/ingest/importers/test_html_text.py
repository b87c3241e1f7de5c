"""html_to_text: Mastodon post HTML to plain text, and its safety on hostile input."""

from __future__ import annotations

import time

from hypothesis import given, settings
from hypothesis import strategies as st

from likeness.ingest.importers.html_text import html_to_text

MASTODON_LINK = (
    '<a href="https://example.org/a/long/path" rel="nofollow noopener" target="_blank">'
    '<span class="invisible">https://</span><span class="ellipsis">example.org/a/long/pa</span>'
    '<span class="invisible">th</span></a>'
)
MENTION = (
    '<span class="h-card"><a href="https://m.example/@bob" class="u-url mention">'
    "@<span>bob</span></a></span>"
)
HASHTAG = (
    '<a href="https://m.example/tags/cats" class="mention hashtag" rel="tag">#<span>cats</span></a>'
)


def test_paragraphs_and_line_breaks() -> None:
    assert html_to_text("<p>one</p><p>two<br>three<br/>four</p>") == "one\n\ntwo\nthree\nfour"


def test_source_whitespace_between_paragraphs_is_not_content() -> None:
    assert html_to_text("<p>one</p>\n  <p>two</p>\n") == "one\n\ntwo"


def test_double_br_is_a_blank_line_and_edges_are_trimmed() -> None:
    assert html_to_text("<br><p>a<br><br>b</p><br>") == "a\n\nb"


def test_mastodon_link_gives_the_full_url() -> None:
    assert html_to_text(f"<p>read {MASTODON_LINK} now</p>") == (
        "read https://example.org/a/long/path now"
    )


def test_mentions_and_hashtags_keep_their_text() -> None:
    assert html_to_text(f"<p>{MENTION} I love {HASHTAG}</p>") == "@bob I love #cats"


def test_ellipsised_link_text_uses_the_href() -> None:
    html = '<a href="https://example.org/very/long/address">https://example.org/very/lo…</a>'
    assert html_to_text(html) == "https://example.org/very/long/address"


def test_entities_are_decoded_once() -> None:
    assert html_to_text("<p>Tom &amp; Jerry &lt;3 &quot;hi&quot; &amp;amp;</p>") == (
        'Tom & Jerry <3 "hi" &amp;'
    )


def test_plain_text_passes_through() -> None:
    assert html_to_text("no tags & no problem &gt;") == "no tags & no problem >"
    assert html_to_text("a < b and c > d") == "a < b and c > d"


def test_script_style_and_comments_are_dropped() -> None:
    html = (
        "<p>a<script>alert('<p>x</p>')</script>b<style>p{color:red}</style>"
        "c<!-- <p>hid</p> -->d</p>"
    )
    assert html_to_text(html) == "abcd"


def test_unclosed_constructs() -> None:
    assert html_to_text("<p>ok<script>never closed <b>x</b>") == "ok"
    assert html_to_text("<p>ok</p><!-- never closed") == "ok"
    assert html_to_text("<p>text <a href='x'>open link") == "text open link"


def test_other_tags_are_stripped() -> None:
    assert html_to_text('<p><b>bold</b> <i class="x">it</i> <img src="a.png" alt="pic"></p>') == (
        "bold it "
    )


def test_hostile_inputs_finish_quickly() -> None:
    hostile = [
        "<!--a>" * 50_000,
        "<a" * 100_000,
        '<a "' * 100_000 + ">",
        "<script>" * 50_000,
        "<" * 200_000 + ">",
        "<p" * 100_000 + ">" * 10,
        "&" * 200_000,
    ]
    start = time.perf_counter()
    for html in hostile:
        html_to_text(html)
    assert time.perf_counter() - start < 2.0


_TAGS = st.sampled_from(["p", "br", "a", "span", "b", "div", "script", "style", "li", "em"])
_ATTR = st.sampled_from(
    ["", ' class="invisible"', ' href="https://x.example/a?b=1&amp;c=2"', " data-x='1 > 0'"]
)
_TEXT = st.text(st.characters(blacklist_characters="<&", blacklist_categories=("Cs",)), max_size=20)


@st.composite
def _well_formed(draw: st.DrawFn) -> str:
    parts: list[str] = []
    for _ in range(draw(st.integers(0, 12))):
        kind = draw(st.integers(0, 3))
        tag = draw(_TAGS)
        if kind == 0:
            parts.append(draw(_TEXT))
        elif kind == 1:
            parts.append(f"<{tag}{draw(_ATTR)}>")
        elif kind == 2:
            parts.append(f"</{tag}>")
        else:
            parts.append(f"<{tag}{draw(_ATTR)}>{draw(_TEXT)}</{tag}>")
    return "".join(parts)


@given(st.text(max_size=300))
@settings(max_examples=400)
def test_never_raises_on_any_text(html: str) -> None:
    assert isinstance(html_to_text(html), str)


@given(_well_formed())
@settings(max_examples=400)
def test_no_tags_survive_well_formed_input(html: str) -> None:
    assert "<" not in html_to_text(html)


@given(st.lists(_TEXT.filter(lambda s: s.strip() and ">" not in s), min_size=1, max_size=5))
def test_paragraph_text_is_kept_in_order(texts: list[str]) -> None:
    out = html_to_text("".join(f"<p>{t}</p>" for t in texts))
    position = 0
    for text in texts:
        position = out.index(text, position) + len(text)
