"""The fast paths of cleaning give exactly what the plain regex formulations give.

Each reference below is the straightforward version a fast path replaced (one regex pass over the
whole text); hypothesis feeds both texts built from the characters the rules care about.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

from hypothesis import example, given, settings
from hypothesis import strategies as st

from likeness.core.ids import hash16, post_id
from likeness.ingest.cleaning import duplicates, flags, text_rules
from likeness.ingest.records import RawPost

# Pieces that trip the rules (links, handles, entities, odd spaces, accents), mixed with any text.
_PIECES = [
    "https://t.co/abc",
    "http://T.CO/x1",
    "HTTPS://pic.twitter.com/Zz",
    "pic.twitter.com/q",
    "t.co/a",
    "www.",
    "WwW.x.org",
    "w.",
    "W.",
    "://",
    "ftp://x",
    "https://example.com/a.",
    "...",
    "\u2026",
    "@",
    "@user",
    "a@b",
    "_@x",
    '"@q: ',
    "&amp;",
    "&amp;amp;",
    "&#8230;",
    " ",
    "  ",
    "\t",
    "\n",
    "\r\n",
    "\x0b",
    "\x00",
    "\x7f",
    "\xa0",
    "\u200b",
    "\u2019",
    "e\u0301",
    "\u0301",
    "\u0130",
    "\u017f",
    "RT ",
    "h",
    "H",
    "p",
    "1",
    ".",
    "!",
    "$",
    "\U0001f600",
    "x",
]
texts = st.lists(st.one_of(st.sampled_from(_PIECES), st.text(max_size=4)), max_size=12).map("".join)

# --- references: the versions before the fast paths ---

_REF_LINK = re.compile(r"(\s*)((?:[hH][tT][tT][pP][sS]?://|pic\.twitter\.com/)\S+)")
_REF_TCO = re.compile(r"(?:https?://)?t\.co/[A-Za-z0-9]*", re.IGNORECASE)
_REF_PIC = re.compile(r"(?:https?://)?pic\.twitter\.com/[A-Za-z0-9]*", re.IGNORECASE)


def ref_replace_short_links(text: str, url_map: dict[str, str], media_urls: tuple[str, ...]) -> str:
    if "://" not in text and "pic.twitter.com/" not in text:
        return text
    key_of = text_rules._link_key
    media = {key_of(u) for u in media_urls}
    expand = {key_of(k): v for k, v in url_map.items()}

    def replace(match: re.Match[str]) -> str:
        space, token = match.group(1), match.group(2)
        short = _REF_TCO.match(token) or _REF_PIC.match(token)
        if short:
            core = short.group()
            tail = token[len(core) :]
            if tail.startswith(("...", "\u2026")):
                tail = tail[3:] if tail.startswith("...") else tail[1:]
            if "://" in tail or "pic.twitter.com/" in tail:
                tail = _REF_LINK.sub(replace, tail)
        else:
            core = token.rstrip(text_rules._TRAILING)
            tail = token[len(core) :]
        key = key_of(core)
        if key in media:
            return tail
        if key in expand:
            return f"{space}{expand[key]}{tail}"
        if short:
            return tail
        return match.group()

    result = _REF_LINK.sub(replace, text)
    if result != text and not result.isascii() and not unicodedata.is_normalized("NFC", result):
        result = unicodedata.normalize("NFC", result)
    return result


_REF_HANDLE = re.compile(r"(?<![A-Za-z0-9_])@[A-Za-z0-9_]+")


def ref_content_flags(raw: RawPost, clean: str) -> int:
    def only_punctuation(text: str) -> bool:
        return all(c.isspace() or unicodedata.category(c)[0] in "PZ" for c in text)

    def url_only(text: str) -> bool:
        if "://" not in text and "www." not in text and "pic.twitter.com/" not in text:
            return False
        rest, n = flags._URL.subn(" ", text)
        return n > 0 and only_punctuation(_REF_HANDLE.sub(" ", rest))

    def handle_only(text: str) -> bool:
        rest, n = _REF_HANDLE.subn(" ", text)
        return n > 0 and only_punctuation(rest)

    if not clean:
        if raw.media_count > 0:
            return flags._MEDIA_ONLY
        return flags._URL_ONLY if raw.text and url_only(raw.text) else flags._EMPTY
    result = 0
    if raw.media_count > 0:
        # is_media_only: its gate leaves "pic.twitter.com/..." alone (kept as it was).
        rest = flags._URL.sub("", clean) if "://" in clean or "www." in clean else clean
        if not rest.strip():
            result |= flags._MEDIA_ONLY
    if url_only(clean):
        result |= flags._URL_ONLY
    elif handle_only(clean):
        result |= flags._HANDLE_ONLY
    return result


def ref_dedupe_key(text: str) -> str:
    text = duplicates._URL.sub(" ", text)
    if text.isascii():
        folded = b" ".join(
            text.lower()
            .encode("ascii")
            .translate(duplicates._ASCII_TABLE, duplicates._ASCII_DELETE)
            .split()
        )
    else:
        text = unicodedata.normalize("NFKD", text).upper().casefold()
        text = duplicates._NOT_ALNUM.sub("", unicodedata.normalize("NFKD", text))
        folded = " ".join(text.split()).encode("utf-8")
    return hashlib.blake2b(folded, digest_size=16).hexdigest() if folded else ""


# --- the properties ---

_MAPS = st.fixed_dictionaries(
    {},
    optional={"https://t.co/abc": st.just("https://example.com/x"), "t.co/a": st.just("y.org")},
)
_MEDIA = st.sampled_from([(), ("https://t.co/abc",), ("http://pic.twitter.com/q",)])


@settings(max_examples=1500)
@given(texts, _MAPS, _MEDIA)
@example("a  https://t.co/x\u2026https://t.co/y b", {}, ())
@example("xhttps://t.co/a\n pic.twitter.com/b", {"t.co/a": "z"}, ())
def test_replace_short_links_matches_reference(
    text: str, url_map: dict[str, str], media: tuple[str, ...]
) -> None:
    assert text_rules.replace_short_links(text, url_map, media) == ref_replace_short_links(
        text, url_map, media
    )


@settings(max_examples=1500)
@given(texts)
@example("ab\x0b")
def test_normalize_unicode_punctuation_ascii_fast_path(text: str) -> None:
    expected = text.replace("\r\n", "\n").translate(text_rules._PUNCTUATION_MAP)
    if not expected.isascii():
        expected = unicodedata.normalize("NFC", expected)
    assert text_rules.normalize_unicode_punctuation(text) == expected


@settings(max_examples=1500)
@given(texts, st.integers(0, 1))
@example("ab://c", 0)
@example("www.x.org @a", 1)
def test_content_flags_match_reference(text: str, media_count: int) -> None:
    raw = RawPost("twitter", "1", text, "r", media_count=media_count)
    assert flags.content_flags(raw, text) == ref_content_flags(raw, text)
    clean = text_rules.clean_string(text)
    assert flags.content_flags(raw, clean) == ref_content_flags(raw, clean)


@settings(max_examples=1500)
@given(texts)
@example("ab://c")
@example("x www.a WWW.b")
@example("ab://c www.x")
def test_dedupe_key_matches_reference(text: str) -> None:
    assert duplicates.dedupe_key(text) == ref_dedupe_key(text)


@given(st.binary(), st.text(), st.text())
def test_hashes_match_blake2b(data: bytes, slug: str, external_id: str) -> None:
    assert hash16(data) == hashlib.blake2b(data, digest_size=16).hexdigest()
    key = f"{slug}\x1ftwitter\x1f{external_id}".encode()
    assert post_id(slug, "twitter", external_id) == hashlib.blake2b(key, digest_size=16).hexdigest()


@given(
    st.lists(
        st.tuples(st.sampled_from(["a", "b", "c"]), st.one_of(st.none(), st.integers(0, 3))),
        max_size=12,
    )
)
def test_time_ordered_matches_sort_key(rows: list[tuple[str, int | None]]) -> None:
    from datetime import UTC, datetime, timedelta

    from likeness.ingest.cleaning.model import CleanPost
    from likeness.ingest.cleaning.threads import _sort_key, time_ordered

    start = datetime(2020, 1, 1, tzinfo=UTC)
    posts = [
        CleanPost(
            raw=RawPost(
                "twitter",
                str(i),
                "",
                "r",
                created_at=None if minutes is None else start + timedelta(minutes=minutes),
            ),
            id=post,
            clean_text="",
        )
        for i, (post, minutes) in enumerate(rows)
    ]
    assert [id(p) for p in time_ordered(posts)] == [id(p) for p in sorted(posts, key=_sort_key)]
