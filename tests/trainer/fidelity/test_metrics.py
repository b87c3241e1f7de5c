"""Fidelity metrics on hand-made texts: distinct-n, length statistics, near-duplicates."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz, process

from likeness.trainer.fidelity.metrics import (
    MAX_PAIRS,
    LengthStats,
    distinct_n,
    length_stats,
    near_duplicates,
)


def test_distinct_n_exact_values() -> None:
    assert distinct_n(["a b a b"], 1) == 0.5
    assert distinct_n(["a b a b"], 2) == pytest.approx(2 / 3)
    # Over all texts together; n-grams never span two texts; case and punctuation ignored.
    assert distinct_n(["A b.", "a, B!"], 1) == 0.5
    assert distinct_n(["a b", "c d"], 2) == 1.0
    assert distinct_n(["x y z"], 3) == 1.0


def test_distinct_n_is_zero_without_ngrams_and_rejects_n_below_one() -> None:
    assert distinct_n([], 1) == 0.0
    assert distinct_n(["one", "!!!"], 2) == 0.0
    with pytest.raises(ValueError, match="at least 1"):
        distinct_n(["a b"], 0)


def test_length_stats_in_words() -> None:
    texts = [" ".join(["w"] * k) for k in range(1, 11)]  # 1..10 words
    stats = length_stats(texts)
    assert stats.count == 10
    assert stats.mean == pytest.approx(5.5)
    assert stats.median == pytest.approx(5.5)
    assert stats.p10 == pytest.approx(1.9)  # linear interpolation, as numpy.percentile
    assert stats.p90 == pytest.approx(9.1)
    assert length_stats(["Hello, world! https://x.io"]).mean == 2.0  # the URL is no word


def test_length_stats_of_nothing() -> None:
    assert length_stats([]) == LengthStats(count=0, mean=0.0, median=0.0, p10=0.0, p90=0.0)


TRAINING = [
    "The economy is doing great, best numbers in years. Jobs are coming back to Ohio!",
    "Watching the debate tonight with friends, popcorn ready and opinions even readier.",
    "Our garden finally has tomatoes. Small, green, and very proud of themselves.",
]


def test_a_one_character_edit_is_a_near_duplicate() -> None:
    copied = TRAINING[0].replace("Ohio", "Ohio.")
    result = near_duplicates([copied, "Something else entirely, about trains."], TRAINING)
    assert result.rate == 0.5
    assert len(result.pairs) == 1
    generation, closest, score = result.pairs[0]
    assert (generation, closest) == (copied, TRAINING[0])
    assert 90.0 <= score < 100.0


def test_a_paraphrase_is_not_a_near_duplicate() -> None:
    paraphrase = "Ohio is getting its jobs back; the economy has its best figures in years."
    result = near_duplicates([paraphrase], TRAINING)
    assert result.rate == 0.0
    assert result.pairs == []


def test_case_and_spacing_do_not_hide_a_copy() -> None:
    shouted = "  OUR GARDEN FINALLY HAS TOMATOES.   small, green, and very proud of themselves."
    result = near_duplicates([shouted], TRAINING)
    assert result.rate == 1.0
    assert result.pairs[0][2] == 100.0


def test_pairs_are_worst_first_and_capped() -> None:
    post = "a fairly long training post about the weather on the coast this weekend"
    gens = [post[: len(post) - k] for k in range(0, 2 * MAX_PAIRS)]  # ever shorter copies
    result = near_duplicates(gens, [post, "unrelated"], threshold=50.0)
    assert result.rate == 1.0
    assert len(result.pairs) == MAX_PAIRS
    scores = [score for _gen, _post, score in result.pairs]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] == 100.0


def test_empty_inputs_and_bad_threshold() -> None:
    assert near_duplicates([], TRAINING).rate == 0.0
    assert near_duplicates(["anything"], []).rate == 0.0
    assert near_duplicates(["", "   "], ["", "x"]).rate == 0.0
    with pytest.raises(ValueError, match="threshold"):
        near_duplicates(["a"], ["a"], threshold=0)


@pytest.mark.parametrize("threshold", [60.0, 75.0, 90.0])
def test_the_prefilter_finds_exactly_what_scoring_every_pair_finds(threshold: float) -> None:
    rng = random.Random(7)
    vocab = ["the", "a", "vote", "great", "sad!", "tonight", "Ohio", "jobs", "we", "win", "x"]

    def post() -> str:
        return " ".join(rng.choice(vocab) for _ in range(rng.randint(1, 12)))

    training = [post() for _ in range(300)]
    gens = [post() for _ in range(60)] + [t[:-1] for t in training[:20] if len(t) > 1]
    result = near_duplicates(gens, training, threshold=threshold)
    norm = [" ".join(t.lower().split()) for t in training]
    expected = [
        process.extractOne(" ".join(g.lower().split()), norm, scorer=fuzz.ratio) for g in gens
    ]
    hits = [score for _choice, score, _at in expected if score >= threshold]
    assert result.rate == pytest.approx(len(hits) / len(gens))
    assert [s for _g, _t, s in result.pairs] == sorted(hits, reverse=True)[:MAX_PAIRS]
