"""The copy detector (``likeness.core.copying``) on hand-made cases."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from likeness.core.copying import (
    COPY_INDEX_FILE,
    DEFAULT_COPY_TOKENS,
    CopyIndex,
    CopyIndexError,
    word_spans,
    words,
)

POSTS = [
    "The fog came in early this morning and the foghorn sang all night long.",
    "Painted the railings again. Salt wins every winter, and it always will.",
    "Short one.",
]


@pytest.fixture
def index() -> CopyIndex:
    return CopyIndex.build(POSTS)


def test_words_are_lowercased_without_punctuation_or_urls() -> None:
    text = "Don’t STOP, read https://x.io/a?b=1 and www.example.com now!! it's_fine 42"
    assert words(text) == ["don't", "stop", "read", "and", "now", "it's_fine", "42"]
    assert [text[s:e] for s, e, _ in word_spans(text)] == [
        "Don’t",
        "STOP",
        "read",
        "and",
        "now",
        "it's_fine",
        "42",
    ]
    assert [w for _, _, w in word_spans(text)] == words(text)


def test_an_exact_copy_of_eight_words_or_more_is_detected(index: CopyIndex) -> None:
    assert index.n == DEFAULT_COPY_TOKENS
    assert index.copies(POSTS[0])
    assert index.longest_copied_span(POSTS[0]) == len(words(POSTS[0])) == 14
    # Exactly 8 consecutive words of the post, inside other text.
    eight = "Honestly: early this morning and the foghorn sang all — what a racket."
    assert index.longest_copied_span(eight) == 8 and index.copies(eight)


def test_a_seven_word_overlap_is_not_a_copy(index: CopyIndex) -> None:
    seven = "I swear this morning and the foghorn sang all day."
    assert index.longest_copied_span(seven) == 0
    assert not index.copies(seven)


def test_a_paraphrase_is_not_a_copy(index: CopyIndex) -> None:
    paraphrase = (
        "Early today the mist rolled in, and the fog signal kept singing through the night."
    )
    assert index.longest_copied_span(paraphrase) == 0
    assert not index.copies(paraphrase)


def test_case_punctuation_and_spacing_do_not_hide_a_copy(index: CopyIndex) -> None:
    shouted = "THE FOG... came in EARLY, this morning -- and the   foghorn sang!!! all night long"
    assert index.longest_copied_span(shouted) == 14
    curly = "painted the railings again; salt wins every winter — and it always will"
    assert index.copies(curly)


def test_span_length_is_exact(index: CopyIndex) -> None:
    # 10 consecutive words of POSTS[1] inside other text: 3 n-grams in a row -> 8 + 3 - 1.
    text = "Today I painted the railings again. Salt wins every winter, and it rained."
    assert index.longest_copied_span(text) == 10
    # Two separate copied runs: the longer one counts.
    two = f"{POSTS[1]} then something new entirely {POSTS[0][:48]}"
    assert index.longest_copied_span(two) == len(words(POSTS[1]))


def test_ngrams_never_span_two_posts() -> None:
    # Words at the end of one post and the start of the next are not a span of either.
    index = CopyIndex.build(["one two three four", "five six seven eight"])
    assert len(index) == 0
    assert not index.copies("one two three four five six seven eight")
    assert CopyIndex.build(POSTS, n=3).longest_copied_span("short one") == 0
    assert len(CopyIndex.build(["a b c d"], n=2)) == 3


def test_texts_shorter_than_n_and_empty_index() -> None:
    empty = CopyIndex.build([])
    assert len(empty) == 0 and empty.longest_copied_span(POSTS[0]) == 0
    assert CopyIndex.build(POSTS).longest_copied_span("") == 0


def test_save_load_round_trip(index: CopyIndex, tmp_path: Path) -> None:
    path = tmp_path / "adapter" / COPY_INDEX_FILE
    index.save(path)
    assert path.is_file() and [p.name for p in path.parent.iterdir()] == [COPY_INDEX_FILE]
    loaded = CopyIndex.load(path)
    assert loaded.n == index.n and len(loaded) == len(index)
    for text in (POSTS[0], "Salt wins every winter, and it always will. Right?", "nothing"):
        assert loaded.longest_copied_span(text) == index.longest_copied_span(text)
    small = CopyIndex.build(POSTS, n=4)
    small.save(path)  # replaces the file
    assert CopyIndex.load(path).n == 4


def test_hashes_are_stable_across_processes(index: CopyIndex, tmp_path: Path) -> None:
    # Another interpreter (another hash salt) reads the index and finds the same copies.
    path = tmp_path / COPY_INDEX_FILE
    index.save(path)
    code = (
        "import sys; from likeness.core.copying import CopyIndex; "
        f"print(CopyIndex.load(sys.argv[1]).longest_copied_span({POSTS[1]!r}))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code, str(path)], capture_output=True, text=True, check=True
    )
    assert int(out.stdout) == len(words(POSTS[1]))


def test_missing_and_corrupt_files_raise_clear_errors(index: CopyIndex, tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no copy index"):
        CopyIndex.load(tmp_path / COPY_INDEX_FILE)
    garbage = tmp_path / "garbage.npz"
    garbage.write_bytes(b"not a zip at all")
    with pytest.raises(CopyIndexError, match="not a readable copy index"):
        CopyIndex.load(garbage)
    good = tmp_path / "good.npz"
    index.save(good)
    truncated = tmp_path / "truncated.npz"
    truncated.write_bytes(good.read_bytes()[: good.stat().st_size // 2])
    with pytest.raises(CopyIndexError):
        CopyIndex.load(truncated)
    other = tmp_path / "other.npz"
    np.savez(other, n=np.array(8), scheme=np.array("python-hash"), hashes=np.zeros(1, np.uint64))
    with pytest.raises(CopyIndexError, match="hash scheme"):
        CopyIndex.load(other)
    missing_key = tmp_path / "missing-key.npz"
    np.savez(missing_key, n=np.array(8))
    with pytest.raises(CopyIndexError):
        CopyIndex.load(missing_key)


def test_build_is_fast_for_a_large_corpus() -> None:
    import random
    import time

    rng = random.Random(0)
    vocab = [f"w{i}" for i in range(5000)]
    posts = [" ".join(rng.choices(vocab, k=rng.randint(5, 40))) for _ in range(20_000)]
    started = time.perf_counter()
    index = CopyIndex.build(posts)
    elapsed = time.perf_counter() - started
    assert index.copies(posts[123]) and len(index) > 300_000
    assert elapsed < 10  # about 1 s here; the bound only catches a per-n-gram Python loop
