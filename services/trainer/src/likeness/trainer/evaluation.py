"""Held-out loss: mean cross-entropy per target token (prompt and padding excluded).

One function for every recipe and for the benchmark, so two models' held-out losses are always
the same quantity: summed token losses over all examples divided by the number of target
tokens (not a mean of per-batch means, which over-weights short batches). ``example_losses``
gives each example's own sum and count (the fidelity report's per-post perplexities).
"""

from __future__ import annotations

from typing import Any

from likeness.trainer.encoding import IGNORE, Encoded


def example_losses(
    model: Any, examples: list[Encoded], *, batch_size: int = 32
) -> list[tuple[float, int]]:
    """(summed target-token loss, target tokens) of each example, in the order given."""
    import torch

    if not examples:
        raise ValueError("no held-out examples to evaluate")
    was_training = model.training
    model.eval()
    device = next(model.parameters()).device
    results: list[tuple[float, int]] = [(0.0, 0)] * len(examples)
    # Batches of similar lengths pad least; each result goes back to its example's place.
    order = sorted(range(len(examples)), key=lambda i: len(examples[i].input_ids))
    try:
        with torch.no_grad():
            for start in range(0, len(order), batch_size):
                chunk = [examples[i] for i in order[start : start + batch_size]]
                width = max(len(e.input_ids) for e in chunk)
                ids = torch.tensor(
                    [e.input_ids + [0] * (width - len(e.input_ids)) for e in chunk], device=device
                )
                mask = torch.tensor(
                    [[1] * len(e.input_ids) + [0] * (width - len(e.input_ids)) for e in chunk],
                    device=device,
                )
                labels = torch.tensor(
                    [e.labels + [IGNORE] * (width - len(e.labels)) for e in chunk], device=device
                )
                logits = model(input_ids=ids, attention_mask=mask).logits.float()
                shifted = labels[:, 1:]
                losses = torch.nn.functional.cross_entropy(
                    logits[:, :-1].transpose(1, 2), shifted, ignore_index=IGNORE, reduction="none"
                )
                sums = losses.sum(dim=1).tolist()
                counts = (shifted != IGNORE).sum(dim=1).tolist()
                for offset, (total, count) in enumerate(zip(sums, counts, strict=True)):
                    results[order[start + offset]] = (float(total), int(count))
    finally:
        model.train(was_training)
    return results


def heldout_loss(model: Any, examples: list[Encoded], *, batch_size: int = 32) -> float:
    losses = example_losses(model, examples, batch_size=batch_size)
    total_loss = sum(loss for loss, _ in losses)
    total_tokens = sum(tokens for _, tokens in losses)
    return total_loss / max(total_tokens, 1)
