"""Turn Mastodon-style post HTML (Mastodon, Truth Social, Pleroma) into plain text, fast and safely.

Only what a post body uses is interpreted: paragraphs become blank lines, ``<br>`` a newline,
links their visible text (Mastodon splits a link into invisible/ellipsis spans; their
concatenation is the full URL), mentions and hashtags their ``@user`` / ``#tag`` text. Other
tags are dropped, ``script``/``style`` bodies with them, and entities are decoded.

The tokenizer is a single linear regex scan: every tag match stops at the next ``>``, and the
scan never looks past the last ``>`` in the input, so hostile input cannot cause backtracking
blow-ups (a ``<`` with no ``>`` after it is plain text).
"""

from __future__ import annotations

import re
from html import unescape

# One token: a comment, a declaration/processing instruction, or a start/end tag.
_TOKEN = re.compile(r"<[!?][^>]*>|<(/?)([A-Za-z][^\s/>]*)([^>]*)>")
_HREF = re.compile(r"""\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.I)
_RAW_TEXT_END = {
    "script": re.compile(r"</script\s*>", re.I),
    "style": re.compile(r"</style\s*>", re.I),
}

# Tags that end a paragraph (two newlines) or a line (one newline).
_PARAGRAPH_TAGS = frozenset(
    {"p", "div", "blockquote", "pre", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "table"}
)
_LINE_TAGS = frozenset({"li", "tr", "dt", "dd"})


def _attr(pattern: re.Pattern[str], attrs: str) -> str | None:
    match = pattern.search(attrs)
    if not match:
        return None
    return unescape(next(g for g in match.groups() if g is not None))


def _decode(text: str) -> str:
    return unescape(text) if "&" in text else text


class _Writer:
    """Accumulates text; block boundaries become pending newlines, written only between text."""

    __slots__ = ("parts", "pending")

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.pending = 0

    def text(self, value: str) -> None:
        if not value:
            return
        if self.pending:
            if value.isspace():
                return  # source formatting between blocks, not content
            if self.parts:
                self.parts.append("\n" * self.pending)
            self.pending = 0
        self.parts.append(value)

    def block(self, newlines: int) -> None:
        self.pending = max(self.pending, newlines)

    def line_break(self) -> None:
        self.pending += 1

    def result(self) -> str:
        return "".join(self.parts)


def html_to_text(html: str) -> str:
    """Plain text of a post's HTML ``content``. Never raises on any ``str`` input."""
    if "<" not in html:
        return _decode(html)
    end = html.rfind(">") + 1
    out = _Writer()
    anchor: list[str] | None = None  # text collected inside an open <a>
    anchor_href: str | None = None
    pos = 0
    while pos < end:
        match = _TOKEN.search(html, pos, end)
        if match is None:
            break
        if match.start() > pos:
            chunk = _decode(html[pos : match.start()])
            if anchor is not None:
                anchor.append(chunk)
            else:
                out.text(chunk)
        pos = match.end()
        tag = match.group(2)
        if tag is None:
            token = match.group(0)
            if token.startswith("<!--") and not token.endswith("-->"):
                # A comment may hold ">"; it ends at "-->" (or swallows the rest, as browsers do).
                close = html.find("-->", match.start() + 4)
                pos = close + 3 if close >= 0 else len(html)
            continue
        tag = tag.lower()
        closing = bool(match.group(1))
        if tag in _RAW_TEXT_END and not closing:
            stop = _RAW_TEXT_END[tag].search(html, pos)
            pos = stop.end() if stop else len(html)
            continue
        if tag == "a":
            if anchor is not None:  # close the open link first: links do not nest
                out.text(_anchor_text(anchor, anchor_href))
                anchor = None
            if not closing:
                anchor = []
                anchor_href = _attr(_HREF, match.group(3))
            continue
        if tag == "br":
            if anchor is not None:
                anchor.append(" ")
            else:
                out.line_break()
        elif anchor is None and (tag in _PARAGRAPH_TAGS or tag in _LINE_TAGS):
            out.block(2 if tag in _PARAGRAPH_TAGS else 1)
    if anchor is not None:
        out.text(_anchor_text(anchor, anchor_href))
    if pos < len(html):
        tail = html[pos:]
        comment = tail.find("<!--")  # an unclosed comment hides the rest, as in browsers
        out.text(_decode(tail if comment < 0 else tail[:comment]))
    return out.result()


def _anchor_text(parts: list[str], href: str | None) -> str:
    text = "".join(parts)
    # Older servers shorten long link text with a literal ellipsis; the href is the real URL.
    if href and text.endswith("…") and href.startswith(("http://", "https://")):
        stem = text[:-1]
        if stem and (href.startswith(stem) or href.split("://", 1)[1].startswith(stem)):
            return href
    return text
