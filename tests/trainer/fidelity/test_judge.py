"""The style judge: it separates clearly different styles, and says when it cannot."""

from __future__ import annotations

import random

import pytest

from likeness.trainer.fidelity.judge import (
    JUDGE_MIN_ACCURACY,
    judge_verdict,
    train_judge,
)

NOUNS = ["economy", "border", "media", "election", "rally", "deal", "country", "jobs", "poll"]
VERBS = ["is", "will be", "was", "looks", "remains", "becomes", "feels"]
ADJECTIVES = ["great", "terrible", "huge", "rigged", "strong", "weak", "amazing", "unfair"]
CALM = ["garden", "tea", "morning", "book", "walk", "river", "bread", "cat", "rain", "quilt"]
CALM_VERBS = ["was", "seemed", "felt", "is", "became"]
CALM_ADJ = ["lovely", "quiet", "gentle", "soft", "pleasant", "slow", "warm", "calm"]


def shouting(rng: random.Random) -> str:
    parts = [
        f"THE {rng.choice(NOUNS).upper()} {rng.choice(VERBS).upper()} "
        f"{rng.choice(ADJECTIVES).upper()}!!!"
        for _ in range(rng.randint(1, 3))
    ]
    return " ".join(parts)


def calm(rng: random.Random) -> str:
    parts = [
        f"the {rng.choice(CALM)} {rng.choice(CALM_VERBS)} {rng.choice(CALM_ADJ)} today, i think."
        for _ in range(rng.randint(1, 3))
    ]
    return " ".join(parts)


def mixed(rng: random.Random) -> str:
    return shouting(rng) if rng.random() < 0.5 else calm(rng)


def test_the_judge_separates_two_clear_styles() -> None:
    rng = random.Random(1)
    judge = train_judge(
        {"persona": [shouting(rng) for _ in range(60)], "other": [calm(rng) for _ in range(60)]}
    )
    assert set(judge.labels) == {"persona", "other"}
    heldout_persona = [shouting(rng) for _ in range(40)]
    heldout_other = [calm(rng) for _ in range(40)]
    accuracy = judge.accuracy({"persona": heldout_persona, "other": heldout_other})
    assert accuracy >= JUDGE_MIN_ACCURACY
    assert judge_verdict(accuracy)[0] is True
    assert judge.attribution(heldout_persona) == pytest.approx(1.0, abs=0.05)
    assert judge.attribution(heldout_other) == pytest.approx(0.0, abs=0.05)
    assert judge.attribution(heldout_other, label="other") == pytest.approx(1.0, abs=0.05)
    assert judge.predict(["THE BORDER IS HUGE!!!", "the tea was warm today, i think."]) == [
        "persona",
        "other",
    ]
    assert judge.predict([]) == [] and judge.attribution([]) == 0.0


def test_more_than_two_classes() -> None:
    rng = random.Random(2)
    judge = train_judge(
        {
            "source-a": [shouting(rng) for _ in range(30)],
            "source-b": [calm(rng) for _ in range(30)],
            "other": [f"{rng.randint(0, 10**6)} {rng.randint(0, 10**6)} #{i}" for i in range(30)],
        }
    )
    assert judge.labels == ("source-a", "source-b", "other")
    assert judge.predict([shouting(rng), calm(rng), "123456 987654 #3"]) == [
        "source-a",
        "source-b",
        "other",
    ]


def test_a_judge_on_indistinguishable_classes_is_unreliable() -> None:
    rng = random.Random(3)
    judge = train_judge(
        {"persona": [mixed(rng) for _ in range(60)], "other": [mixed(rng) for _ in range(60)]}
    )
    accuracy = judge.accuracy(
        {"persona": [mixed(rng) for _ in range(60)], "other": [mixed(rng) for _ in range(60)]}
    )
    assert accuracy < JUDGE_MIN_ACCURACY
    reliable, reason = judge_verdict(accuracy)
    assert reliable is False
    assert "unreliable" in reason and f"{accuracy:.1%}" in reason


def test_the_verdict_boundary() -> None:
    assert judge_verdict(0.90) == (True, judge_verdict(0.90)[1])
    assert judge_verdict(0.8999)[0] is False
    assert "reliable" in judge_verdict(0.95)[1]
    assert judge_verdict(float("nan"))[0] is False


def test_a_tiny_class_is_refused_clearly() -> None:
    rng = random.Random(4)
    with pytest.raises(ValueError, match=r"class 'persona' has 4 non-blank texts.*at least 5"):
        train_judge(
            {
                "persona": [shouting(rng) for _ in range(4)] + ["   "],
                "other": [calm(rng) for _ in range(20)],
            }
        )
    with pytest.raises(ValueError, match="at least two classes"):
        train_judge({"persona": [shouting(rng) for _ in range(20)]})


def test_unknown_labels_are_refused() -> None:
    rng = random.Random(5)
    judge = train_judge(
        {"persona": [shouting(rng) for _ in range(10)], "other": [calm(rng) for _ in range(10)]}
    )
    with pytest.raises(ValueError, match="not trained on 'nobody'"):
        judge.attribution(["x"], label="nobody")
    with pytest.raises(ValueError, match="not trained on 'nobody'"):
        judge.accuracy({"nobody": ["x"]})
    with pytest.raises(ValueError, match="no texts"):
        judge.accuracy({"persona": [], "other": []})
