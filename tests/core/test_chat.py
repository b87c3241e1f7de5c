"""The shared prompt builder: persona card first, no template default system prompt, stable hash."""

from __future__ import annotations

import copy

import pytest

from likeness.core.chat import chat_template_sha256, persona_messages, render_chat

DEFAULT_SYSTEM = "You are a helpful AI assistant named SmolLM"
CARD = "You are Ada. Short sentences, dry humour."


def test_template_injects_its_own_system_prompt_without_ours(tiny_tokenizer) -> None:
    # The hazard persona_messages exists for: this template speaks as SmolLM by default.
    prompt = render_chat(tiny_tokenizer, [{"role": "user", "content": "hi"}])
    assert DEFAULT_SYSTEM in prompt


def test_persona_card_is_first_system_message_and_default_never_appears(tiny_tokenizer) -> None:
    history = [
        {"role": "system", "content": "Answer in French."},
        {"role": "user", "content": "hi"},
        {"role": "assistant", "content": "salut"},
        {"role": "user", "content": "ça va?"},
    ]
    messages = persona_messages(CARD, history)
    assert messages[0] == {"role": "system", "content": CARD}
    assert messages[1:] == history
    prompt = render_chat(tiny_tokenizer, messages)
    assert DEFAULT_SYSTEM not in prompt
    assert prompt.startswith(f"<|im_start|>system\n{CARD}<|im_end|>\n")
    assert prompt.index(CARD) < prompt.index("Answer in French.") < prompt.index("ça va?")
    assert prompt.endswith("<|im_start|>assistant\n")


def test_persona_messages_leaves_the_input_untouched() -> None:
    history = [{"role": "user", "content": "hi"}]
    before = copy.deepcopy(history)
    persona_messages(CARD, history)[1]["content"] = "changed"
    assert history == before


def test_chat_template_hash_follows_the_template(tiny_tokenizer) -> None:
    digest = chat_template_sha256(tiny_tokenizer)
    assert len(digest) == 64 and digest == chat_template_sha256(tiny_tokenizer)
    other = copy.copy(tiny_tokenizer)
    other.chat_template = tiny_tokenizer.chat_template + " "
    assert chat_template_sha256(other) != digest


def test_render_chat_without_template_fails_clearly(tiny_tokenizer) -> None:
    bare = copy.copy(tiny_tokenizer)
    bare.chat_template = None
    with pytest.raises(ValueError, match="no chat template"):
        render_chat(bare, [{"role": "user", "content": "hi"}])
