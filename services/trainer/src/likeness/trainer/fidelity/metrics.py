"""Text metrics of a report card: diversity (distinct-n), post lengths, near-duplicates.

Pure functions of strings: no model, no torch. **Words** are the copy detector's words
(``likeness.core.copying.words``: lower-cased ``\\w+`` runs, URLs and punctuation ignored), so
"a word" means the same in the copy rate, the diversity and the lengths of one report.

**Near-duplicates** are character-level: rapidfuzz's ``fuzz.ratio`` (100 x (1 - Indel distance /
total length)) between a generation and its closest training post, both lower-cased with runs
of whitespace collapsed. Scoring every pair is 40M ratios for 2,000 generations x 20,000 posts
(~9 s for tweet-length posts); a cheap exact bound picks the pairs worth scoring first (see
``near_duplicates``) and gives the same answer in ~2 s. The bound rules out nearly every pair of
posts up to a few hundred characters; texts of thousands of characters (whole essays) have
character mixes too alike for it, and their cost grows toward scoring every pair.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import numpy.typing as npt
from rapidfuzz import fuzz, process

from likeness.core.copying import words

__all__ = [
    "LengthStats",
    "NearDuplicates",
    "distinct_n",
    "length_stats",
    "near_duplicates",
    "words",
]

MAX_PAIRS = 10  # near-duplicate pairs a report shows
# Rows of the dense 0/1 matrices the near-duplicate bound multiplies, per block: a block of
# generations x a block of training posts, so memory stays bounded for any corpus size.
_GEN_BLOCK = 2048
_TRAIN_BLOCK = 4096


def distinct_n(texts: Sequence[str], n: int) -> float:
    """Distinct word ``n``-grams / all word ``n``-grams, over all ``texts`` (0.0 when none).

    N-grams stay inside one text. ``distinct_n(["a b a b"], 1) == 0.5`` (2 of 4),
    ``distinct_n(["a b a b"], 2) == 2 / 3`` ("a b", "b a" of 3).
    """
    if n < 1:
        raise ValueError(f"n must be at least 1, got {n}")
    seen: set[tuple[str, ...]] = set()
    total = 0
    for text in texts:
        tokens = words(text)
        grams = [tuple(tokens[i : i + n]) for i in range(len(tokens) - n + 1)]
        total += len(grams)
        seen.update(grams)
    return len(seen) / total if total else 0.0


@dataclass(frozen=True)
class LengthStats:
    """Words per text: how many texts, mean, median, 10th and 90th percentiles."""

    count: int
    mean: float
    median: float
    p10: float
    p90: float


def length_stats(texts: Sequence[str]) -> LengthStats:
    """Word counts of ``texts`` summarised (percentiles interpolate linearly); all 0 when empty."""
    if not texts:
        return LengthStats(count=0, mean=0.0, median=0.0, p10=0.0, p90=0.0)
    lengths = np.array([len(words(text)) for text in texts], dtype=np.float64)
    p10, median, p90 = (float(v) for v in np.percentile(lengths, [10, 50, 90]))
    return LengthStats(
        count=len(lengths), mean=float(lengths.mean()), median=median, p10=p10, p90=p90
    )


@dataclass(frozen=True)
class NearDuplicates:
    """Share of generations whose closest training post scores at/above the threshold, and
    the closest such pairs: (generation, training post, score 0-100), highest score first, at
    most ``MAX_PAIRS``."""

    rate: float
    pairs: list[tuple[str, str, float]] = field(default_factory=list)


def near_duplicates(
    generations: Sequence[str], training: Sequence[str], *, threshold: float = 90.0
) -> NearDuplicates:
    """Generations that are near-copies of a training post: ``fuzz.ratio >= threshold``.

    Exact, and fast: ``fuzz.ratio`` is ``200 x LCS / (len_a + len_b)``, and the longest common
    subsequence can use each character at most as often as both texts hold it, so
    ``200 x sum_c min(count_a(c), count_b(c)) / (len_a + len_b)`` bounds the ratio from above.
    That bound for all pairs is one matrix product (each text a 0/1 row: "holds at least k of
    character c"), and rapidfuzz scores only the pairs it does not rule out.
    """
    if not 0 < threshold <= 100:
        raise ValueError(f"threshold must be in (0, 100], got {threshold}")
    if not generations:
        return NearDuplicates(rate=0.0, pairs=[])
    gens = [_normal(g) for g in generations]
    posts = [_normal(t) for t in training]
    candidates = _candidates(gens, posts, threshold)
    found: list[tuple[int, int, float]] = []  # (generation, training post, score)
    for i, cands in enumerate(candidates):
        if not gens[i] or not len(cands):
            continue
        best = process.extractOne(
            gens[i], [posts[j] for j in cands], scorer=fuzz.ratio, score_cutoff=threshold
        )
        if best is not None:
            _choice, score, at = best
            found.append((i, int(cands[at]), float(score)))
    found.sort(key=lambda hit: -hit[2])  # stable: equal scores keep the generations' order
    pairs = [(generations[i], training[j], score) for i, j, score in found[:MAX_PAIRS]]
    return NearDuplicates(rate=len(found) / len(generations), pairs=pairs)


def _normal(text: str) -> str:
    return " ".join(text.lower().split())


def _candidates(gens: list[str], posts: list[str], threshold: float) -> list[npt.NDArray[np.intp]]:
    """For each generation, the training posts (indices, ascending) whose ratio bound reaches
    ``threshold``. Feature ``offset[c] + k`` of a text is 1 when it holds more than ``k``
    of character ``c``, so the dot product of two rows is ``sum_c min(count_a(c), count_b(c))``
    (integers, exact in float32). Characters and counts no training post has are left out:
    they cannot be shared."""
    post_counts = [Counter(p) for p in posts]
    most: dict[str, int] = {}
    for counts in post_counts:
        for char, k in counts.items():
            if k > most.get(char, 0):
                most[char] = k
    offset: dict[str, int] = {}
    width = 0
    for char, k in most.items():
        offset[char] = width
        width += k
    gen_counts = [Counter(g) for g in gens]
    post_len = np.array([len(p) for p in posts], dtype=np.float32)
    gen_len = np.array([len(g) for g in gens], dtype=np.float32)
    hit_rows: list[npt.NDArray[np.intp]] = []
    hit_cols: list[npt.NDArray[np.intp]] = []
    # A hair under the threshold: float32 rounding must never rule out a true match.
    cut = threshold - 1e-3
    for g0 in range(0, len(gens), _GEN_BLOCK):
        gen_rows = _rows(gen_counts[g0 : g0 + _GEN_BLOCK], offset, most, width)
        for t0 in range(0, len(posts), _TRAIN_BLOCK):
            post_rows = _rows(post_counts[t0 : t0 + _TRAIN_BLOCK], offset, most, width)
            shared = gen_rows @ post_rows.T
            total = gen_len[g0 : g0 + _GEN_BLOCK, None] + post_len[None, t0 : t0 + _TRAIN_BLOCK]
            bound = 200.0 * shared / np.maximum(total, 1.0)
            rows, cols = np.nonzero(bound >= cut)
            hit_rows.append(rows + g0)
            hit_cols.append(cols + t0)
    if not hit_rows:
        return [np.empty(0, dtype=np.intp) for _ in gens]
    rows = np.concatenate(hit_rows)
    cols = np.concatenate(hit_cols)
    order = np.lexsort((cols, rows))
    rows, cols = rows[order], cols[order]
    bounds = np.searchsorted(rows, np.arange(len(gens) + 1))
    return [cols[bounds[i] : bounds[i + 1]] for i in range(len(gens))]


def _rows(
    counts: list[Counter[str]], offset: dict[str, int], most: dict[str, int], width: int
) -> npt.NDArray[np.float32]:
    rows = np.zeros((len(counts), width), dtype=np.float32)
    for r, text_counts in enumerate(counts):
        for char, k in text_counts.items():
            start = offset.get(char)
            if start is not None:
                rows[r, start : start + min(k, most[char])] = 1.0
    return rows
