"""Text rules: the first step of cleaning, turning a post's raw text into its clean text.

``clean_text`` applies the rules in this order (``pipeline`` runs it first, before the flags):

a. ``unescape_html_entities``     "&amp;" -> "&", double escapes ("&amp;amp;") resolved too
b. ``normalize_unicode_punctuation`` curly quotes, "…", odd spaces, zero-width chars, NFC
c. ``replace_short_links``        t.co links expanded or dropped, pic.twitter.com dropped
d. ``normalize_whitespace``       runs of spaces collapsed, lines stripped, at most one blank line

Each rule is a pure ``str -> str`` function that is idempotent on its own, and ``clean_text`` as a
whole is idempotent: cleaning a clean text again changes nothing. The rules keep the author's voice:
CAPS, "!!!", emoji, en/em dashes and single newlines survive untouched.
"""

from __future__ import annotations

import html
import re
import unicodedata
from collections.abc import Callable, Collection, Mapping

from likeness.ingest.records import RawPost

# --- a. HTML entities ---------------------------------------------------------------------------

# Only entities closed by ";" are decoded: html.unescape alone also decodes legacy bare names, so
# "&not" or "&copy" inside ordinary words would be mangled ("&notice" -> "¬ice").
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def _decode_entity(match: re.Match[str]) -> str:
    return html.unescape(match.group())


def unescape_html_entities(text: str) -> str:
    """Decode HTML entities; repeat while decoding still changes the text.

    Exports are often escaped twice ("&amp;amp;", "&amp;gt;"), so one pass is not enough. Decoding
    until nothing changes is what keeps ``clean_text`` idempotent; it terminates because every
    decoded entity is shorter than the entity it replaces.
    """
    if "&" not in text:
        return text
    while True:
        decoded = _ENTITY.sub(_decode_entity, text)
        if decoded == text:
            return text
        text = decoded


# --- b. Unicode punctuation and spaces ------------------------------------------------------------

# Decisions: en dash (U+2013) and em dash (U+2014) are kept because authors choose them (voice);
# the minus sign and the Unicode hyphens become "-" because they only look like one.
_PUNCTUATION_MAP: dict[int, str | None] = {
    **dict.fromkeys(map(ord, "\u2018\u2019\u201a\u201b\u2032"), "'"),
    **dict.fromkeys(map(ord, "\u201c\u201d\u201e\u201f\u2033"), '"'),
    **dict.fromkeys(map(ord, "\u2010\u2011\u2212"), "-"),
    ord("\u2026"): "...",
    # Every character str.isspace() knows, except "\n", "\t" and " " themselves: line-like ones
    # become "\n" (the CR of a CRLF is handled before translation), the others a plain space.
    **dict.fromkeys(map(ord, "\r\v\f\x1c\x1d\x1e\x85\u2028\u2029"), "\n"),
    **dict.fromkeys(
        map(ord, "\x1f\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009"),
        " ",
    ),
    **dict.fromkeys(map(ord, "\u200a\u202f\u205f\u3000"), " "),
    # Invisible characters: zero-width space/joiners, BOM, word joiner, soft hyphen, Mongolian
    # vowel separator. They only break matching (handles, links, duplicates).
    **dict.fromkeys(map(ord, "\u200b\u200c\u200d\ufeff\u2060\u00ad\u180e"), None),
    # C0 control characters and DEL carry nothing and PostgreSQL rejects NUL in text columns.
    **dict.fromkeys([*range(0x00, 0x09), *range(0x0E, 0x1C), 0x7F], None),
}

# The ASCII characters the map touches: an ASCII text without them needs no translation at all.
_ASCII_ODD = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")
# Every character the map touches. str.translate looks each character of a non-ASCII text up
# in the map; most such texts (emoji, accents) hold none of these, and a regex search says so
# far faster.
_MAPPED = re.compile("[" + re.escape("".join(map(chr, _PUNCTUATION_MAP))) + "]")


def normalize_unicode_punctuation(text: str) -> str:
    """Map typographic quotes, "…", Unicode spaces and hyphens to ASCII; drop invisible chars; NFC.

    Translation runs before NFC so that removing a zero-width character between a letter and a
    combining mark cannot leave a composable pair for a second pass to compose.
    """
    if text.isascii():
        # For ASCII, "printable" means no character below 0x20 and no DEL: none of the map's keys.
        if text.isprintable() or not _ASCII_ODD.search(text):
            return text
        if "\r" in text:
            text = text.replace("\r\n", "\n")
        return text.translate(_PUNCTUATION_MAP)
    if "\r" in text:
        text = text.replace("\r\n", "\n")
    if _MAPPED.search(text) is not None:
        text = text.translate(_PUNCTUATION_MAP)
    if unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


# --- c. Short links ---------------------------------------------------------------------------

# A link. The whitespace before it goes with it (so that a dropped link takes its separator
# along); ``_links`` finds both.
_LINK = re.compile(r"(?:[hH][tT][tT][pP][sS]?://|pic\.twitter\.com/)\S+")
# A t.co or pic.twitter.com link at the start of a token.
_SHORT = re.compile(r"(?:https?://)?(?:t\.co|pic\.twitter\.com)/[A-Za-z0-9]*", re.IGNORECASE)
_SCHEME = re.compile(r"^https?://", re.IGNORECASE)
# Punctuation that ends a sentence rather than a URL ("see https://x.com/a.").
_TRAILING = ".,;:!?)]}'\"…>"
# A t.co link cut short by the exporter ends in "…" (already "..." here); that ellipsis is part of
# the link, not of the text.
_LINK_TRUNCATION = ("...", "…")


def _link_key(url: str) -> str:
    return _SCHEME.sub("", url)


def _sub_links(text: str, replace: Callable[[str, str], str]) -> str:
    """``text`` with every link and the whitespace before it replaced by ``replace(space, link)``.

    The same links as ``_LINK.finditer(text)``, found faster: a link contains "://" at most 5
    characters after its start, or starts with "pic.twitter.com/", so the regex only scans from
    the first of those needles (``str.find``, in C) instead of trying every character. The
    whitespace before a link is the run of ``str.isspace`` characters (what ``\\s`` matches) back
    to the previous link, which ends at whitespace or at the text's end.
    """
    parts: list[str] = []
    pos = 0
    find = text.find
    while True:
        scheme = find("://", pos)
        pic = find("pic.twitter.com/", pos)
        if scheme < 0:
            if pic < 0:
                break
            start = pic
        else:
            start = max(pos, scheme - 5)
            if 0 <= pic < start:
                start = pic
        match = _LINK.search(text, start)
        if match is None:
            break
        start, end = match.span()
        before = text[pos:start]
        kept = before.rstrip()
        parts.append(kept)
        parts.append(replace(before[len(kept) :], text[start:end]))
        pos = end
    if not parts:
        return text
    parts.append(text[pos:])
    return "".join(parts)


def replace_short_links(
    text: str,
    url_map: Mapping[str, str] | None = None,
    media_urls: Collection[str] = (),
) -> str:
    """Drop media links, expand known short links, drop unknown t.co links, drop pic.twitter.com.

    ``media_urls`` wins over ``url_map``: a link to the attached photo is not text. Links are
    compared without their scheme, since older exports mix http:// and https://. Other URLs (the
    author's own links, unknown shorteners other than t.co) are kept as they are.
    """
    if "://" not in text and "pic.twitter.com/" not in text:
        return text
    media = {_link_key(u) for u in media_urls} if media_urls else set()
    expand = {_link_key(k): v for k, v in url_map.items()} if url_map else {}

    def replace(space: str, token: str) -> str:
        short = _SHORT.match(token)
        if short:
            core = short.group()
            tail = token[len(core) :]
            if tail.startswith(_LINK_TRUNCATION):
                tail = tail[3:] if tail.startswith("...") else tail[1:]
            if "://" in tail or "pic.twitter.com/" in tail:
                # Links glued together ("https://t.co/a:https://t.co/b"): the rest is handled
                # now, or a second cleaning would find it.
                tail = _sub_links(tail, replace)
        else:
            core = token.rstrip(_TRAILING)
            tail = token[len(core) :]
        if media or expand:
            key = _link_key(core)
            if key in media:
                return tail
            if key in expand:
                return f"{space}{expand[key]}{tail}"
        if short:
            # A short link we cannot expand (TTA, Factbase) says nothing; pic.twitter.com is media.
            return tail
        return space + token

    result = _sub_links(text, replace)
    if result != text and not result.isascii() and not unicodedata.is_normalized("NFC", result):
        # A dropped link can leave a combining mark next to a letter; compose it now, not on the
        # next cleaning.
        result = unicodedata.normalize("NFC", result)
    return result


# --- d. Whitespace ------------------------------------------------------------------------------

_HSPACE = re.compile(r"[ \t]{2,}|\t")
_BLANK_LINES = re.compile(r"\n{3,}")


def normalize_whitespace(text: str) -> str:
    """Collapse spaces and tabs, strip every line, keep at most one blank line, strip the ends.

    Single newlines are kept: line breaks are part of how people write posts.
    """
    if "\t" in text or "  " in text:
        text = _HSPACE.sub(" ", text)
    if "\n" in text:
        text = "\n".join([line.strip(" ") for line in text.split("\n")])
        if "\n\n\n" in text:
            text = _BLANK_LINES.sub("\n\n", text)
        return text.strip("\n ")
    return text.strip(" ")


# --- all rules, in order ----------------------------------------------------------------------


def clean_string(
    text: str,
    url_map: Mapping[str, str] | None = None,
    media_urls: Collection[str] = (),
) -> str:
    """Rules a-d on a bare string (``clean_text`` for a ``RawPost``)."""
    text = unescape_html_entities(text)
    text = normalize_unicode_punctuation(text)
    if "&" in text and _ENTITY.search(text):
        # Rule b removed an invisible character inside an entity ("&am\u200bp;"): decode again
        # so that a second cleaning finds nothing left to do.
        while True:
            again = normalize_unicode_punctuation(unescape_html_entities(text))
            if again == text:
                break
            text = again
    text = replace_short_links(text, url_map, media_urls)
    return normalize_whitespace(text)


def clean_text(raw: RawPost) -> str:
    """The clean text of a raw post: rules a-d in order, links resolved with the post's entities."""
    return clean_string(raw.text or "", raw.url_map, raw.media_urls)
