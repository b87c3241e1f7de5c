"""The one prompt builder shared by training, labeling and serving.

    messages = persona_messages(persona.card, request_messages)
    prompt = render_chat(tokenizer, messages)            # text ending in the assistant turn
    digest = chat_template_sha256(tokenizer)             # stored with every adapter

A persona's card is always the first system message. That matters beyond style: ChatML templates
such as SmolLM2's inject their own default system prompt ("You are a helpful AI assistant named
SmolLM...") when the conversation does not start with one, and a persona must never speak under
that identity.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

Message = dict[str, str]


def chat_template_sha256(tokenizer: Any) -> str:
    """sha256 (hex) of the tokenizer's chat template.

    Adapters record this digest at training time; an engine refuses an adapter whose digest differs
    from its own, because a LoRA trained on one prompt format silently degrades on another.
    """
    template = getattr(tokenizer, "chat_template", None)
    if template is None:
        text = ""
    elif isinstance(template, str):
        text = template
    else:
        # Some tokenizers carry several named templates; hash them in a stable order.
        text = json.dumps(template, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def render_chat(tokenizer: Any, messages: list[Message]) -> str:
    """The prompt text for ``messages``, ending with the generation prompt for the assistant."""
    if getattr(tokenizer, "chat_template", None) is None:
        raise ValueError("the tokenizer has no chat template; cannot render a chat prompt")
    rendered = tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    if not isinstance(rendered, str):  # a batch of conversations is never passed here
        raise TypeError(f"apply_chat_template returned {type(rendered).__name__}, expected str")
    return rendered


def persona_messages(card: str, messages: list[Message]) -> list[Message]:
    """The persona's card as the first system message, followed by the client's whole history.

    Client system messages are kept (in their original place, after the card): they carry
    per-conversation instructions, while the card carries the identity.
    """
    return [{"role": "system", "content": card}, *(dict(m) for m in messages)]
