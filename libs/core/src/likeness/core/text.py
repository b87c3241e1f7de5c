"""Text that every database can store."""

from __future__ import annotations

REPLACEMENT = "\ufffd"


def storable(text: str) -> str:
    """``text`` with NUL replaced by U+FFFD: PostgreSQL text columns cannot hold NUL (0x00).

    Exports occasionally carry one, and so can a model's output; U+FFFD marks the spot without
    losing the rest of the text.
    """
    return text.replace("\x00", REPLACEMENT) if "\x00" in text else text
