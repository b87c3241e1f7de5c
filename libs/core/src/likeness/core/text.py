"""Text that every database can store."""

from __future__ import annotations

import re

REPLACEMENT = "\ufffd"
# A sentence end: . ! ? or … plus any closing quotes/brackets (they stay with the sentence), then
# the whitespace (group 1) where it splits.
_SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*(\s+)")


def storable(text: str) -> str:
    """``text`` with NUL replaced by U+FFFD: PostgreSQL text columns cannot hold NUL (0x00).

    Exports occasionally carry one, and so can a model's output; U+FFFD marks the spot without
    losing the rest of the text.
    """
    return text.replace("\x00", REPLACEMENT) if "\x00" in text else text


def split_sentences(text: str) -> list[str]:
    """``text`` split at the whitespace after each sentence end; empty pieces left out.

    The essay importer (chunking) and the trainer (re-packing essays) split the same way.
    """
    sentences: list[str] = []
    start = 0
    for match in _SENTENCE_END.finditer(text):
        sentences.append(text[start : match.start(1)])
        start = match.end(1)
    sentences.append(text[start:])
    return [s for s in sentences if s]
