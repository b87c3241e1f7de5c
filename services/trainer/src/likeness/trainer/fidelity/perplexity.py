"""Held-out perplexity: how surprised each model is by the real posts it never saw.

    scores = heldout_perplexity(model, card, heldout)
    scores.tuned, scores.base                    # over all held-out target tokens
    scores.tuned_per_post, scores.base_per_post  # one per post (the report's histograms)

Each held-out post is scored as the serving conversation that asks for it (card, "Write a post
about <topics>", the post): the loss is taken on the post's tokens only, through the trainer's
one loss function (``evaluation.example_losses``). A LoRA model is scored with its adapter on and
then off on the same loaded weights, so both figures come from one base load; a full fine-tune
loads the two models one after the other.

``answer_fit`` asks whether chat answers answer their question: the opening of each answer
(``FIT_WORDS`` words: whether it answers shows there) is scored by the base model under its own
question and under ``FIT_OTHERS`` other chat questions (the ones after it in the fixed list);
its fit is the share of those under which it is less likely than under its own (0.5 = no better
than chance, 1 = always likelier after its own question). The base model judges every model's
answers, so the figures compare. Scoring every answer under every question costs 16 forward
passes per answer: minutes on a CPU.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from likeness.core.registry import ModelInfo, ModelKind
from likeness.trainer.datasets.persona import chat_row
from likeness.trainer.encoding import encode_row
from likeness.trainer.evaluation import example_losses
from likeness.trainer.fidelity.data import HeldoutPost

MAX_LENGTH = 512
FIT_WORDS = 40
FIT_OTHERS = 3


@dataclass(frozen=True, slots=True)
class Perplexities:
    tuned: float
    base: float
    tuned_per_post: list[float]
    base_per_post: list[float]

    @property
    def reduction(self) -> float:
        """How much lower the tuned model's perplexity is, as a fraction of the base's."""
        return 1.0 - self.tuned / self.base if self.base > 0 else 0.0


def _summarise(losses: list[tuple[float, int]]) -> tuple[float, list[float]]:
    total = sum(loss for loss, _ in losses)
    tokens = sum(count for _, count in losses)
    overall = math.exp(total / tokens) if tokens else float("nan")
    return overall, [math.exp(loss / count) for loss, count in losses if count]


def heldout_perplexity(
    model: ModelInfo, card: str, heldout: Sequence[HeldoutPost], *, batch_size: int = 16
) -> Perplexities:
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(model.base_model)
    examples = [
        encode_row(tokenizer, chat_row(card, post.request, post.text), MAX_LENGTH)
        for post in heldout
    ]
    base = AutoModelForCausalLM.from_pretrained(model.base_model, dtype=torch.float32)
    if model.kind == ModelKind.PERSONA_FULL:
        base_losses = example_losses(base, examples, batch_size=batch_size)
        del base
        tuned = AutoModelForCausalLM.from_pretrained(model.adapter_path, dtype=torch.float32)
        tuned_losses = example_losses(tuned, examples, batch_size=batch_size)
    else:
        from peft import PeftModel

        tuned = PeftModel.from_pretrained(base, model.adapter_path)
        tuned_losses = example_losses(tuned, examples, batch_size=batch_size)
        with tuned.disable_adapter():
            base_losses = example_losses(tuned, examples, batch_size=batch_size)
    tuned_all, tuned_each = _summarise(tuned_losses)
    base_all, base_each = _summarise(base_losses)
    return Perplexities(tuned_all, base_all, tuned_each, base_each)


def answer_fit(
    base_model: str,
    card: str,
    questions: Sequence[str],
    answers: dict[str, Sequence[str]],
    *,
    batch_size: int = 16,
) -> dict[str, float | None]:
    """Each answer set's mean fit (see the module docstring); ``questions[i]`` is what
    ``answers[name][i]`` answers. None for a set with no answer or fewer than two questions
    (a report's JSON has no NaN)."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    asked = list(dict.fromkeys(questions))
    if len(asked) < 2:
        return dict.fromkeys(answers)
    others = min(FIT_OTHERS, len(asked) - 1)
    tokenizer = AutoTokenizer.from_pretrained(base_model)
    model = AutoModelForCausalLM.from_pretrained(base_model, dtype=torch.float32)
    fits: dict[str, float | None] = {}
    for name, texts in answers.items():
        pairs = [(q, a) for q, a in zip(questions, texts, strict=True) if a.strip()]
        if not pairs:
            fits[name] = None
            continue
        contexts = [
            [asked[(asked.index(q) + k) % len(asked)] for k in range(others + 1)] for q, _a in pairs
        ]
        examples = [
            encode_row(tokenizer, chat_row(card, context, opening(answer)), MAX_LENGTH)
            for (_q, answer), row in zip(pairs, contexts, strict=True)
            for context in row
        ]
        losses = [loss for loss, _tokens in example_losses(model, examples, batch_size=batch_size)]
        rows = [losses[i * (others + 1) : (i + 1) * (others + 1)] for i in range(len(pairs))]
        fits[name] = sum(
            fit_from_losses(row, [row[0]], [scores])
            for row, scores in zip(contexts, rows, strict=True)
        ) / len(rows)
    return fits


def opening(text: str, words: int = FIT_WORDS) -> str:
    """The first ``words`` words of ``text``."""
    return " ".join(text.split()[:words])


def fit_from_losses(
    asked: Sequence[str], questions: Sequence[str], losses: Sequence[Sequence[float]]
) -> float:
    """The mean fit of answers whose losses under each of ``asked`` are ``losses[i]``, the
    i-th answering ``questions[i]``: per answer, the share of the other questions under which
    its loss is higher than under its own (a tie counts half)."""
    scores = []
    for question, row in zip(questions, losses, strict=True):
        own = row[asked.index(question)]
        others = [loss for q, loss in zip(asked, row, strict=True) if q != question]
        wins = sum(1.0 if own < loss else 0.5 if own == loss else 0.0 for loss in others)
        scores.append(wins / len(others))
    return sum(scores) / len(scores)
