"""The one verbatim-copy detector: has a text copied a span of a persona's training posts?

    index = CopyIndex.build(training_posts)          # n = DEFAULT_COPY_TOKENS (8)
    index.save(adapter_dir / COPY_INDEX_FILE)        # stored with each persona adapter
    index = CopyIndex.load(adapter_dir / COPY_INDEX_FILE)
    index.longest_copied_span("…")                   # 11: eleven words in a row from a post
    index.copies("…")                                # longest span >= index.n

The evaluation (copy rate of a model's generations) and the serving-time copy guard use this
same code, so "a copy" means one thing everywhere.

**Tokens** are words, not model tokens: lower-cased runs of word characters (``\\w+``, an
apostrophe inside a word kept: ``don't``, ``’`` counts as ``'``), with punctuation, whitespace
and URLs ignored. That makes an index independent of the tokenizer (one index serves an adapter
on any base model, and the figures of two models compare), and makes a copy that only differs
in case, punctuation or spacing still a copy.

**Storage**: each n-gram of consecutive words becomes a stable 64-bit hash (blake2b of each
word, combined position by position and mixed, all vectorised with numpy: Python's ``hash()``
is salted per process and could not be stored); the index is the sorted array of distinct
hashes, and a lookup is a binary search (``np.searchsorted``). A false match needs a 64-bit
collision. ``save`` writes an ``.npz`` (n, the hash scheme, the array) atomically.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
import zipfile
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np
import numpy.typing as npt

DEFAULT_COPY_TOKENS = 8  # a span of >= 8 words shared with a training post is a copy
COPY_INDEX_FILE = "copy_index.npz"  # stored next to each persona adapter's weights
#: Names how words become hashes; an index stored under another scheme is refused on load.
HASH_SCHEME = "blake2b64-words-poly-v1"

__all__ = [
    "COPY_INDEX_FILE",
    "DEFAULT_COPY_TOKENS",
    "CopyIndex",
    "CopyIndexError",
    "word_spans",
    "words",
]

# A URL (skipped whole), else a word: \w runs joined by inner apostrophes.
_TOKEN = re.compile(r"((?i:https?://|www\.)\S+)|(\w+(?:['’]\w+)*)")
_M1 = np.uint64(0xBF58476D1CE4E5B9)
_M2 = np.uint64(0x94D049BB133111EB)
_S30, _S27, _S31 = np.uint64(30), np.uint64(27), np.uint64(31)

Hashes = npt.NDArray[np.uint64]


class CopyIndexError(ValueError):
    """A copy index file that cannot be read: corrupt, truncated, or of another format."""


def word_spans(text: str) -> list[tuple[int, int, str]]:
    """``words(text)`` with where each one is: (start, end, word), character offsets."""
    return [
        (m.start(2), m.end(2), _normal(m.group(2)))
        for m in _TOKEN.finditer(text)
        if m.group(2) is not None
    ]


def words(text: str) -> list[str]:
    """The tokens copying counts: lower-cased words, punctuation and URLs ignored.

    ``"Don’t STOP, read https://x.io now!"`` -> ``["don't", "stop", "read", "now"]``.
    Words rather than model tokens, so an index works for every base model and tokenizer.
    """
    return [_normal(word) for _url, word in _TOKEN.findall(text) if word]


def _normal(word: str) -> str:
    return word.lower().replace("’", "'")


def _digest(data: bytes) -> int:
    return int.from_bytes(hashlib.blake2b(data, digest_size=8).digest(), "little")


def _word_digest(word: str) -> int:
    return _digest(b"w:" + word.encode("utf-8", "surrogatepass"))


_word_hash = functools.lru_cache(maxsize=1 << 16)(_word_digest)


@functools.lru_cache(maxsize=64)
def _multipliers(n: int) -> tuple[np.uint64, ...]:
    # One odd 64-bit constant per position: "a b" and "b a" hash apart.
    return tuple(np.uint64(_digest(f"p:{i}".encode()) | 1) for i in range(n))


def _mix(x: Hashes) -> Hashes:
    """splitmix64's finaliser, in place: every input bit reaches every output bit."""
    x ^= x >> _S30
    x *= _M1
    x ^= x >> _S27
    x *= _M2
    x ^= x >> _S31
    return x


def _ngram_hashes(word_hashes: Hashes, n: int) -> Hashes:
    """The hash of each window of ``n`` consecutive word hashes (uint64 arithmetic wraps)."""
    count = len(word_hashes) - n + 1
    if count <= 0:
        return np.empty(0, dtype=np.uint64)
    acc = np.zeros(count, dtype=np.uint64)
    for i, multiplier in enumerate(_multipliers(n)):
        acc += word_hashes[i : i + count] * multiplier
    return _mix(acc)


def _sorted_distinct(values: Hashes) -> Hashes:
    # np.sort and a neighbour compare: np.unique takes ~70x as long on 3M uint64 (numpy 2.3).
    ordered = np.sort(values)
    if len(ordered) < 2:
        return ordered
    keep = np.empty(len(ordered), dtype=bool)
    keep[0] = True
    np.not_equal(ordered[1:], ordered[:-1], out=keep[1:])
    return ordered[keep]


def _hash_words(tokens: Sequence[str]) -> Hashes:
    return np.fromiter((_word_hash(t) for t in tokens), dtype=np.uint64, count=len(tokens))


class CopyIndex:
    """The n-grams (``n`` words) of a set of texts, as sorted stable hashes."""

    def __init__(self, n: int, hashes: Hashes) -> None:
        if n < 1:
            raise ValueError(f"n must be at least 1, got {n}")
        self.n = n
        self._hashes = hashes

    @classmethod
    def build(cls, texts: Iterable[str], n: int = DEFAULT_COPY_TOKENS) -> CopyIndex:
        """The index of every run of ``n`` words inside one text (never across two)."""
        if n < 1:
            raise ValueError(f"n must be at least 1, got {n}")
        cache: dict[str, int] = {}
        flat: list[int] = []
        lengths: list[int] = []
        for text in texts:
            tokens = words(text)
            if len(tokens) < n:
                continue
            for token in tokens:
                value = cache.get(token)
                if value is None:
                    value = cache[token] = _word_digest(token)
                flat.append(value)
            lengths.append(len(tokens))
        if not flat:
            return cls(n, np.empty(0, dtype=np.uint64))
        word_hashes = np.array(flat, dtype=np.uint64)
        grams = _ngram_hashes(word_hashes, n)
        # Keep the windows that start and end inside one text.
        sizes = np.array(lengths, dtype=np.int64)
        ends = np.repeat(np.cumsum(sizes), sizes)[: len(grams)]
        inside = np.arange(len(grams), dtype=np.int64) + n <= ends
        return cls(n, _sorted_distinct(grams[inside]))

    def save(self, path: Path) -> None:
        """Write the index to ``path`` (a file), atomically: a temporary file, then a rename."""
        path = Path(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        staging = path.with_name(f".{path.name}.{os.getpid()}.tmp")
        try:
            with staging.open("wb") as handle:  # a handle: np.savez would add ".npz" to a name
                np.savez(
                    handle,
                    n=np.array(self.n, dtype=np.int64),
                    scheme=np.array(HASH_SCHEME),
                    hashes=self._hashes,
                )
            os.replace(staging, path)
        finally:
            staging.unlink(missing_ok=True)

    @classmethod
    def load(cls, path: Path) -> CopyIndex:
        """The index saved at ``path``; FileNotFoundError when there is none, CopyIndexError
        when the file is not a copy index of this scheme (corrupt, truncated, another format)."""
        path = Path(path)
        if not path.is_file():
            raise FileNotFoundError(f"no copy index at {path}")
        try:
            with np.load(path, allow_pickle=False) as data:
                n = int(data["n"])
                scheme = str(data["scheme"])
                hashes = np.asarray(data["hashes"])
        except (OSError, ValueError, KeyError, EOFError, zipfile.BadZipFile) as exc:
            raise CopyIndexError(f"{path} is not a readable copy index: {exc}") from exc
        if scheme != HASH_SCHEME:
            raise CopyIndexError(
                f"{path} was built with hash scheme {scheme!r}, not {HASH_SCHEME!r}; rebuild it"
            )
        if n < 1 or hashes.dtype != np.uint64 or hashes.ndim != 1:
            raise CopyIndexError(f"{path} is not a valid copy index (n={n}, {hashes.dtype})")
        if len(hashes) > 1 and not bool(np.all(hashes[1:] > hashes[:-1])):
            raise CopyIndexError(f"{path} is not a valid copy index (hashes not sorted)")
        return cls(n, hashes)

    def hits(self, tokens: Sequence[str]) -> npt.NDArray[np.bool_]:
        """For each n-gram of ``tokens`` (already ``words``), in order: whether it is indexed."""
        grams = _ngram_hashes(_hash_words(tokens), self.n)
        if not len(grams) or not len(self._hashes):
            return np.zeros(len(grams), dtype=bool)
        at = np.searchsorted(self._hashes, grams)
        return self._hashes[np.minimum(at, len(self._hashes) - 1)] == grams

    def longest_copied_span(self, text: str) -> int:
        """Words in the longest run of consecutive indexed n-grams of ``text`` (0 when none
        matches): ``k`` n-grams in a row cover ``n + k - 1`` words."""
        found = self.hits(words(text))
        if not found.any():
            return 0
        edges = np.diff(np.concatenate(([0], found.astype(np.int8), [0])))
        runs = np.flatnonzero(edges == -1) - np.flatnonzero(edges == 1)
        return self.n + int(runs.max()) - 1

    def copies(self, text: str) -> bool:
        """Whether ``text`` shares a span of at least ``n`` words with an indexed text."""
        return self.longest_copied_span(text) >= self.n

    def __len__(self) -> int:
        """Distinct n-grams indexed."""
        return len(self._hashes)

    def __repr__(self) -> str:
        return f"CopyIndex(n={self.n}, ngrams={len(self)})"
