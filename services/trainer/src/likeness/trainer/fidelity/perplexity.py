"""Held-out perplexity: how surprised each model is by the real posts it never saw.

    scores = heldout_perplexity(model, card, heldout)
    scores.tuned, scores.base                    # over all held-out target tokens
    scores.tuned_per_post, scores.base_per_post  # one per post (the report's histograms)

Each held-out post is scored as the serving conversation that asks for it (card, "Write a post
about <topics>", the post): the loss is taken on the post's tokens only, through the trainer's
one loss function (``evaluation.example_losses``). A LoRA model is scored with its adapter on and
then off on the same loaded weights, so both figures come from one base load; a full fine-tune
loads the two models one after the other.
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
