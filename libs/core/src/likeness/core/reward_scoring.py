"""The text a reward model scores: one format for training, RL and labeling.

    text = reward_text(tokenizer, normalizer_messages(post, version), "the rewrite")
    # the trainer's ``reward_model.score`` and inference's ``reward_scorer`` both tokenize
    # exactly this (no special tokens added) and read the score at logit [0, 0]

A reward model (``likeness.trainer.recipes.reward_model``) learns on the prompt messages plus
the answer as an assistant turn, rendered by the reward tokenizer's chat template with no
generation prompt after it — how trl renders a conversational preference pair. Scoring anything
in another shape (a generation prompt, a missing system turn) gives numbers the model was never
trained to produce, so every scorer builds its text here. No torch: the tokenizer is any object
with ``apply_chat_template``; loading and running the model stays with the services that have
torch.
"""

from __future__ import annotations

from typing import Any

from likeness.core.chat import Message


def reward_messages(prompt: list[Message], completion: str) -> list[Message]:
    """The conversation scored: the prompt's turns, then ``completion`` as the assistant's."""
    return [*(dict(m) for m in prompt), {"role": "assistant", "content": completion}]


def reward_text(tokenizer: Any, prompt: list[Message], completion: str) -> str:
    """The text the reward model scores for ``completion`` as the answer to ``prompt``."""
    rendered = tokenizer.apply_chat_template(reward_messages(prompt, completion), tokenize=False)
    if not isinstance(rendered, str):  # a batch of conversations is never passed here
        raise TypeError(f"apply_chat_template returned {type(rendered).__name__}, expected str")
    return rendered
