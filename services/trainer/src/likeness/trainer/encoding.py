"""Rows → token ids and loss labels, exactly as the model sees them in training and serving.

The prompt part of a chat row is rendered by ``likeness.core.chat.render_chat`` — the very
function the inference service renders prompts with — and tokenised on its own, as it is at
serving time; the target is whatever the chat template writes after that prompt for the
assistant turn (its text plus the end-of-turn marker, so the model learns to stop). Prompt and
padding positions get label -100: the loss covers the assistant's answer only.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from likeness.core.chat import render_chat

IGNORE = -100


@dataclass(frozen=True, slots=True)
class Encoded:
    input_ids: list[int]
    labels: list[int]  # IGNORE where no loss is taken
    prompt_text: str
    target_text: str
    truncated: bool

    @property
    def loss_tokens(self) -> int:
        return sum(1 for label in self.labels if label != IGNORE)

    def as_row(self) -> dict[str, Any]:
        return {
            "input_ids": self.input_ids,
            "labels": self.labels,
            "attention_mask": [1] * len(self.input_ids),
            "length": len(self.input_ids),
        }


def assistant_target(tokenizer: Any, messages: list[dict[str, str]]) -> tuple[str, str]:
    """(prompt text, target text) for a conversation whose last message is the assistant's."""
    if not messages or messages[-1].get("role") != "assistant":
        raise ValueError("a chat example must end with the assistant's message")
    prompt = render_chat(tokenizer, messages[:-1])
    full = tokenizer.apply_chat_template(messages, tokenize=False)
    if isinstance(full, str) and full.startswith(prompt) and len(full) > len(prompt):
        return prompt, full[len(prompt) :]
    # A template that rewrites earlier turns once an answer follows: answer + end of sequence.
    return prompt, messages[-1]["content"] + (tokenizer.eos_token or "")


def _ids(tokenizer: Any, text: str) -> list[int]:
    return list(tokenizer(text, add_special_tokens=False)["input_ids"])


def encode_chat(tokenizer: Any, messages: list[dict[str, str]], max_length: int) -> Encoded:
    prompt, target = assistant_target(tokenizer, messages)
    prompt_ids, target_ids = _ids(tokenizer, prompt), _ids(tokenizer, target)
    ids = prompt_ids + target_ids
    labels = [IGNORE] * len(prompt_ids) + target_ids
    truncated = len(ids) > max_length
    return Encoded(ids[:max_length], labels[:max_length], prompt, target, truncated)


def encode_text(tokenizer: Any, text: str, max_length: int) -> Encoded:
    """A plain-text example: every token is a target (BOS, if the model uses one, is not)."""
    bos = [tokenizer.bos_token_id] if _adds_bos(tokenizer) else []
    eos = [tokenizer.eos_token_id] if tokenizer.eos_token_id is not None else []
    body = _ids(tokenizer, text) + eos
    ids = bos + body
    labels = [IGNORE] * len(bos) + body
    truncated = len(ids) > max_length
    return Encoded(ids[:max_length], labels[:max_length], "", text, truncated)


def _adds_bos(tokenizer: Any) -> bool:
    # transformers 5 does not save ``add_bos_token``; ask the tokenizer what it prepends.
    if tokenizer.bos_token_id is None:
        return False
    if getattr(tokenizer, "add_bos_token", False):
        return True
    added = tokenizer("", add_special_tokens=True)["input_ids"]
    return bool(added) and added[0] == tokenizer.bos_token_id


def encode_row(tokenizer: Any, row: dict[str, Any], max_length: int) -> Encoded:
    """A chat (``messages``) or plain-text (``text``) row of any dataset kind."""
    if "messages" in row:
        return encode_chat(tokenizer, row["messages"], max_length)
    if "text" in row:
        return encode_text(tokenizer, row["text"], max_length)
    raise ValueError(f"cannot encode a row with keys {sorted(row)}: need 'messages' or 'text'")
