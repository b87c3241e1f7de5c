"""Mix personas: one voice mixed from other personas' corpora (the seed's "Shrump").

    sources = mix_sources(persona.settings)          # ["trump", "andre"], or [] for a plain one
    kept = balance_by_tokens({"trump": posts_a, "andre": posts_b}, lambda p: word_tokens(p.text))
    rows = interleave(kept, lambda p: word_tokens(p.text))

A mix persona has no corpus of its own that training reads: its datasets are built from its
sources' kept posts, each source with its own time split, **token-balanced** so that every
source gives about the same number of tokens. Tokens are counted cheaply and
deterministically as whitespace-separated words (``word_tokens``), the same on every machine and
for every base model. A larger source is cut to the smallest one's total, its oldest posts
dropped first. The definition lives in ``personas.settings["mix"]`` (a list of slugs, at least
two; a mix persona is never itself a source of a mix), written by the ingest service's
CreatePersona.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from typing import Any, TypeVar

T = TypeVar("T")

MIX_SETTING = "mix"
MIN_SOURCES = 2


def mix_sources(settings: Mapping[str, Any] | None) -> list[str]:
    """The source persona slugs of a mix persona's settings, in the order given ([] when the
    persona is not a mix)."""
    value = (settings or {}).get(MIX_SETTING) or []
    return [str(slug) for slug in value]


def word_tokens(text: str) -> int:
    """The balancing measure: whitespace-separated words."""
    return len(text.split())


def balance_by_tokens(
    groups: Mapping[str, Sequence[T]], tokens: Callable[[T], int]
) -> dict[str, list[T]]:
    """Each group (oldest first) cut to at most the smallest group's token total: the newest
    items are kept and the oldest dropped first, so a group ends within one item of the
    smallest total and the smallest group is kept whole. Deterministic."""
    totals = {name: sum(tokens(item) for item in items) for name, items in groups.items()}
    target = min(totals.values(), default=0)
    balanced: dict[str, list[T]] = {}
    for name, items in groups.items():
        kept: list[T] = []
        total = 0
        for item in reversed(items):
            count = tokens(item)
            if total + count > target:
                break
            kept.append(item)
            total += count
        kept.reverse()
        balanced[name] = kept
    return balanced


def interleave(groups: Mapping[str, Sequence[T]], tokens: Callable[[T], int]) -> list[T]:
    """The groups' items in one list: each group keeps its own order (oldest first), and the
    groups are interleaved by the share of their tokens reached so far, so any newest-N cut of
    the list (a dataset ``limit``) keeps them about balanced."""
    keyed: list[tuple[float, int, int, T]] = []
    for rank, items in enumerate(groups.values()):
        total = sum(tokens(item) for item in items) or 1
        reached = 0
        for position, item in enumerate(items):
            reached += tokens(item)
            keyed.append((reached / total, rank, position, item))
    keyed.sort(key=lambda entry: entry[:3])
    return [entry[3] for entry in keyed]
