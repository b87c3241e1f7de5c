"""Per-post flags: the second step of cleaning, run on each post's clean text (see ``pipeline``).

``detect_flags`` looks at one post alone. What needs the whole batch comes later: self-reply chains
and "..." continuations (``threads``), then duplicates (``duplicates``). Flags only mark posts.

Decisions:
- A reply to the author's own account (``reply_to_user`` is the author's handle or id) is not a
  REPLY (which would keep the author's own words out of training) but a SELF_REPLY, even when the
  post it answers is not in the batch.
- URL_ONLY: at least one URL and nothing else but @handles, whitespace and punctuation.
  HANDLE_ONLY: at least one @handle and nothing else but whitespace and punctuation. Emoji and other
  symbols count as content.
- MEDIA_ONLY: media attached and no text once URLs are removed (URL_ONLY may be set as well).
- A post whose only content was a short link the text rules dropped (a bare t.co link, typical of
  TTA) has an empty clean text but gets URL_ONLY, not EMPTY: it was a link, not nothing.
  EMPTY: no clean text, no media, and the raw text was not just links either.
- TRUNCATED: the posting client cut the post off and put the rest on another site (TwitLonger,
  Seesmic, tl.gd: about one 2012 tweet in ten). The raw text ends with "(cont)" / "(cont'd)" /
  "(contd)" / "(continued)", each optionally followed by links, or - on a post that is not a
  repost - with "…" and then a link that is not the attached media. Reposts are left out of the
  "…" rule because platforms shorten a long repost that way; they are flagged REPOST anyway.
  Checked on the raw text: cleaning drops the unexpanded t.co link that marks the cut.
"""

from __future__ import annotations

import re
import unicodedata

from likeness.core.flags import PostFlag
from likeness.ingest.records import RawPost

_URL = re.compile(r"(?:[hH][tT][tT][pP][sS]?://|www\.|pic\.twitter\.com/)\S+")
# "@" not preceded by a handle character. Written with "@" first (the lookbehind then checks the
# two characters ending at the "@") so that the regex engine can jump from "@" to "@".
_HANDLE = re.compile(r"@(?<![A-Za-z0-9_]@)[A-Za-z0-9_]+")
# Old-style quote tweet: an opening quote, the quoted account, a colon ('"@jallenaip: Hillary...').
_QUOTE_TEXT = re.compile(r"^[\"\u201c\u201d]\s?\.?@[A-Za-z0-9_]+\s?:")
_LEADING_HANDLE = re.compile(r"^@[A-Za-z0-9_]+")
_LINK_TOKEN = r"(?:[hH][tT][tT][pP][sS]?://|www\.)\S+"
# Client truncation at the end of the raw text: "(cont)" (links may follow), or "…" plus links.
# Links are whitespace-separated tokens, so there is one way to split them: no backtracking blowup.
_LINKS = r"\s*" + _LINK_TOKEN + r"(?:\s+" + _LINK_TOKEN + r")*"
_TRUNCATION_TAIL = re.compile(
    r"\(cont(?:inued|'d|\u2019d|d)?\.?\)(?:" + _LINKS + r")?\s*\Z"
    r"|\u2026(?P<links>" + _LINKS + r")\s*\Z",
    re.IGNORECASE,
)
# The tail the regex looks at: a marker plus a few links fit easily (t.co links are 23 chars).
_TRUNCATION_WINDOW = 400
# The letters a URL (``_URL``) can start with.
_URL_INITIALS = "hHwp"

# The flags that depend only on the text (and media count); ``threads`` recomputes them for a
# thread head whose text grew.
CONTENT_FLAGS = int(PostFlag.MEDIA_ONLY | PostFlag.URL_ONLY | PostFlag.HANDLE_ONLY | PostFlag.EMPTY)


def is_repost_text(text: str) -> bool:
    """A manual or exported retweet: text starting with "RT @x", "RT:" or "RT " (case-sensitive)."""
    return text.startswith(("RT ", "RT:"))


def is_quote_text(text: str) -> bool:
    """An old-style quote: '"@user: ...' or '“@user: ...' (the quoted account's words)."""
    return text.startswith(('"', "\u201c", "\u201d")) and _QUOTE_TEXT.match(text) is not None


def is_self_reply_user(raw: RawPost) -> bool:
    """The export says the post answers the author's own account."""
    target = raw.reply_to_user
    if not target:
        return False
    target = target.lstrip("@")
    if raw.author_id and target == raw.author_id:
        return True
    return bool(raw.author) and target.casefold() == (raw.author or "").lstrip("@").casefold()


def is_reply(raw: RawPost, text: str) -> bool:
    """A reply to someone else: the export names the parent post, or the post answers another
    account and starts with an @handle. ``threads`` later clears this for self-reply chains."""
    if is_self_reply_user(raw):
        return False
    if raw.reply_to_id:
        return True
    return bool(raw.reply_to_user) and _LEADING_HANDLE.match(text) is not None


def is_client_truncated(raw: RawPost, repost: bool) -> bool:
    """The client cut the post off: "(cont) http://…", or (not on a repost) "… http://…"."""
    text = raw.text
    if "(" not in text and "\u2026" not in text:
        return False
    match = _TRUNCATION_TAIL.search(text, max(0, len(text) - _TRUNCATION_WINDOW))
    if match is None:
        return False
    if match.group("links") is None:
        return True  # "(cont)"
    if repost:
        return False
    media = {url.split("://", 1)[-1] for url in raw.media_urls}
    # "Look at this… https://t.co/photo" points at its own picture: not a cut-off text.
    return any(link.split("://", 1)[-1] not in media for link in match.group("links").split())


def _only_punctuation(text: str) -> bool:
    return all(c.isspace() or unicodedata.category(c)[0] in "PZ" for c in text)


def is_media_only(raw: RawPost, text: str) -> bool:
    """Media attached and no text left once URLs are removed."""
    if raw.media_count <= 0:
        return False
    if "://" in text or "www." in text:
        text = _URL.sub("", text)
    return not text.strip()


def _url_sub(text: str) -> tuple[str, int]:
    """``_URL.subn(" ", text)``, with the regex scanning only from the first possible URL."""
    find = text.find
    starts = [i for i in (find("www."), find("pic.twitter.com/")) if i >= 0]
    scheme = find("://")
    if scheme >= 0:
        # "://" comes at most 5 characters after the start of "https://".
        starts.append(max(0, scheme - 5))
    if not starts:
        return text, 0
    # No URL starts before ``start``, and the pattern looks neither behind nor at the text's
    # start, so substituting in the rest alone gives the same text.
    start = min(starts)
    rest, n = _URL.subn(" ", text[start:])
    return (text[:start] + rest, n) if n else (text, 0)


def is_url_only(text: str) -> bool:
    """Non-empty, at least one URL, and nothing but URLs, @handles, whitespace and punctuation."""
    if "://" not in text and "www." not in text and "pic.twitter.com/" not in text:
        return False
    rest, n = _url_sub(text)
    if n == 0:
        return False
    if "@" in rest:
        rest = _HANDLE.sub(" ", rest)
    return _only_punctuation(rest)


def is_handle_only(text: str) -> bool:
    """At least one @handle and nothing but @handles, whitespace and punctuation ("@a @b")."""
    if "@" not in text:
        return False
    rest, n = _HANDLE.subn(" ", text)
    return n > 0 and _only_punctuation(rest)


# Plain ints: IntFlag arithmetic is several times slower and this runs once per post.
_REPOST = int(PostFlag.REPOST)
_REPLY = int(PostFlag.REPLY)
_QUOTE = int(PostFlag.QUOTE)
_DELETED = int(PostFlag.DELETED)
_MEDIA = int(PostFlag.MEDIA)
_MEDIA_ONLY = int(PostFlag.MEDIA_ONLY)
_URL_ONLY = int(PostFlag.URL_ONLY)
_HANDLE_ONLY = int(PostFlag.HANDLE_ONLY)
_EMPTY = int(PostFlag.EMPTY)
_SELF_REPLY = int(PostFlag.SELF_REPLY)
_TRUNCATED = int(PostFlag.TRUNCATED)


def content_flags(raw: RawPost, clean: str) -> int:
    """The flags in ``CONTENT_FLAGS`` for this text."""
    if not clean:
        if raw.media_count > 0:
            return _MEDIA_ONLY
        # A post that was a bare t.co link (dropped by the text rules) was a link, not nothing.
        return _URL_ONLY if raw.text and is_url_only(raw.text) else _EMPTY
    first = clean[0]
    if first.isalnum() and first not in _URL_INITIALS:
        # Fast path (most posts start with a word): a letter or digit (category L or N) is
        # content, and no URL ("h", "H", "w", "p") or @handle ("@") can start at it, so it
        # survives URL and handle removal: not MEDIA_ONLY, URL_ONLY or HANDLE_ONLY.
        return 0
    flags = 0
    if raw.media_count > 0 and is_media_only(raw, clean):
        flags |= _MEDIA_ONLY
    if is_url_only(clean):
        flags |= _URL_ONLY
    elif is_handle_only(clean):
        flags |= _HANDLE_ONLY
    return flags


def detect_flags(raw: RawPost, clean: str) -> int:
    """All flags one post can get on its own (no MERGED, DUPLICATE, NEAR_DUPLICATE here)."""
    flags = content_flags(raw, clean)
    if raw.repost or is_repost_text(clean):
        flags |= _REPOST
    if raw.quote or is_quote_text(clean):
        flags |= _QUOTE
    # Without a reply target the post is neither a self-reply nor a reply: skip both checks.
    if raw.reply_to_user or raw.reply_to_id:
        if is_self_reply_user(raw):
            flags |= _SELF_REPLY
        elif is_reply(raw, clean):
            flags |= _REPLY
    if raw.deleted:
        flags |= _DELETED
    if raw.media_count > 0:
        flags |= _MEDIA
    text = raw.text
    # Most posts hold neither character, and ``in`` says so at C speed.
    if ("(" in text or "\u2026" in text) and is_client_truncated(raw, bool(flags & _REPOST)):
        flags |= _TRUNCATED
    return flags
