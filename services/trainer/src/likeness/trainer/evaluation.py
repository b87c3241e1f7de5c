"""Held-out loss: mean cross-entropy per target token (prompt and padding excluded).

One function for every recipe and for the benchmark, so two models' held-out losses are always
the same quantity: summed token losses over all examples divided by the number of target
tokens (not a mean of per-batch means, which over-weights short batches).
"""

from __future__ import annotations

from typing import Any

from likeness.trainer.encoding import IGNORE, Encoded


def heldout_loss(model: Any, examples: list[Encoded], *, batch_size: int = 32) -> float:
    import torch

    if not examples:
        raise ValueError("no held-out examples to evaluate")
    was_training = model.training
    model.eval()
    device = next(model.parameters()).device
    total_loss, total_tokens = 0.0, 0
    ordered = sorted(examples, key=lambda e: len(e.input_ids))
    try:
        with torch.no_grad():
            for start in range(0, len(ordered), batch_size):
                chunk = ordered[start : start + batch_size]
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
                    logits[:, :-1].reshape(-1, logits.size(-1)),
                    shifted.reshape(-1),
                    ignore_index=IGNORE,
                    reduction="sum",
                )
                total_loss += float(losses)
                total_tokens += int((shifted != IGNORE).sum())
    finally:
        model.train(was_training)
    return total_loss / max(total_tokens, 1)
