"""A word-level diff of a proposal against the original, as Rich text.

    word_diff("i cant go 2day", "I can't go today")   # Text: deletions struck, insertions bold

Tokens are words, runs of whitespace and single punctuation marks, so a changed apostrophe or
a capital shows as that one word replaced, not as the whole line. ``difflib.SequenceMatcher``
(stdlib) over the token lists is enough for posts of a few hundred words: no dependency, and its
longest-matching-block opcodes read naturally for small rewrites (autojunk off, as its heuristic
would treat frequent tokens such as spaces as junk and misalign the diff).
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from rich.text import Text

#: A word (letters, digits, apostrophes inside), a run of whitespace, or any other character.
TOKEN = re.compile(r"\w+(?:['’]\w+)*|\s+|[^\w\s]")

DELETED = "strike red"
INSERTED = "bold green"


def tokens(text: str) -> list[str]:
    return TOKEN.findall(text)


def word_diff(original: str, proposal: str) -> Text:
    """``proposal`` with what it removed from ``original`` struck out (in place, before what
    replaced it) and what it added highlighted; unchanged words plain."""
    before, after = tokens(original), tokens(proposal)
    out = Text()
    for op, a1, a2, b1, b2 in SequenceMatcher(None, before, after, autojunk=False).get_opcodes():
        if op == "equal":
            out.append("".join(after[b1:b2]))
            continue
        if op in ("delete", "replace"):
            out.append("".join(before[a1:a2]), style=DELETED)
        if op in ("insert", "replace"):
            out.append("".join(after[b1:b2]), style=INSERTED)
    return out


def changes(original: str, proposal: str) -> int:
    """How many places ``proposal`` differs from ``original`` in (0: the same text)."""
    matcher = SequenceMatcher(None, tokens(original), tokens(proposal), autojunk=False)
    return sum(1 for op, *_ in matcher.get_opcodes() if op != "equal")
