"""Chat fit: an answer fits its question when the base model finds it likelier after that
question than after the others (the ranking rule; the model run is in the end-to-end eval)."""

from __future__ import annotations

import pytest

from likeness.trainer.fidelity.perplexity import fit_from_losses

ASKED = ["Who are you?", "What makes you angry?", "How was your weekend?"]


def test_an_answer_likeliest_after_its_own_question_fits_fully() -> None:
    losses = [[1.0, 5.0, 6.0], [4.0, 2.0, 9.0]]  # each lowest under its own question
    assert fit_from_losses(ASKED, ASKED[:2], losses) == 1.0


def test_an_answer_that_fits_another_question_better_scores_lower() -> None:
    # own loss 5.0: higher than under "Who are you?" (1.0), lower than under the weekend (6.0)
    assert fit_from_losses(ASKED, [ASKED[1]], [[1.0, 5.0, 6.0]]) == 0.5
    assert fit_from_losses(ASKED, [ASKED[2]], [[1.0, 5.0, 6.0]]) == 0.0


def test_ties_count_half_and_answers_are_averaged() -> None:
    assert fit_from_losses(ASKED, [ASKED[0]], [[3.0, 3.0, 3.0]]) == 0.5
    assert fit_from_losses(ASKED, [ASKED[0], ASKED[2]], [[1.0, 2.0, 2.0], [1.0, 2.0, 6.0]]) == (
        pytest.approx(0.5)
    )
