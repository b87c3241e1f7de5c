"""Rows → token ids and labels: the serving prompt, loss on the answer only, truncation."""

from __future__ import annotations

import copy

import pytest

from likeness.core.chat import persona_messages, render_chat
from likeness.trainer.encoding import (
    IGNORE,
    assistant_target,
    encode_chat,
    encode_row,
    encode_text,
)

CARD = "You are Mags. Short sentences, dry humour."
REQUEST = [{"role": "user", "content": "Write a post about the sea"}]
ANSWER = "The quick brown fox jumps over the lazy dog."
MESSAGES = [*persona_messages(CARD, REQUEST), {"role": "assistant", "content": ANSWER}]


def _ids(tokenizer, text: str) -> list[int]:  # type: ignore[no-untyped-def]
    return list(tokenizer(text, add_special_tokens=False)["input_ids"])


def test_the_prompt_is_rendered_as_serving_renders_it(tiny_tokenizer) -> None:
    encoded = encode_chat(tiny_tokenizer, MESSAGES, max_length=512)
    serving = render_chat(tiny_tokenizer, persona_messages(CARD, REQUEST))
    assert encoded.prompt_text == serving
    assert serving.endswith("<|im_start|>assistant\n")  # the generation prompt, as served
    assert encoded.input_ids[: len(_ids(tiny_tokenizer, serving))] == _ids(tiny_tokenizer, serving)


def test_prompt_tokens_are_ignored_and_the_answer_with_its_end_marker_is_learned(
    tiny_tokenizer,
) -> None:
    encoded = encode_chat(tiny_tokenizer, MESSAGES, max_length=512)
    prompt_len = len(_ids(tiny_tokenizer, encoded.prompt_text))
    assert encoded.labels[:prompt_len] == [IGNORE] * prompt_len
    target = encoded.labels[prompt_len:]
    assert IGNORE not in target and target == encoded.input_ids[prompt_len:]
    assert encoded.target_text == ANSWER + "<|im_end|>\n"
    assert tiny_tokenizer.decode(target) == encoded.target_text
    assert encoded.loss_tokens == len(target)
    assert not encoded.truncated


def test_long_examples_are_cut_at_max_length_and_say_so(tiny_tokenizer) -> None:
    full = encode_chat(tiny_tokenizer, MESSAGES, max_length=512)
    prompt_len = len(full.input_ids) - full.loss_tokens
    cut = encode_chat(tiny_tokenizer, MESSAGES, max_length=prompt_len + 3)
    assert cut.truncated
    assert cut.input_ids == full.input_ids[: prompt_len + 3]
    assert cut.labels == full.labels[: prompt_len + 3] and cut.loss_tokens == 3
    exact = encode_chat(tiny_tokenizer, MESSAGES, max_length=len(full.input_ids))
    assert not exact.truncated and exact.input_ids == full.input_ids


def test_a_prompt_longer_than_max_length_leaves_nothing_to_learn(tiny_tokenizer) -> None:
    encoded = encode_chat(tiny_tokenizer, MESSAGES, max_length=4)
    assert encoded.truncated and len(encoded.input_ids) == 4
    assert encoded.loss_tokens == 0  # sft drops such examples rather than train on nothing


def test_a_chat_example_must_end_with_the_assistant(tiny_tokenizer) -> None:
    with pytest.raises(ValueError, match="assistant"):
        encode_chat(tiny_tokenizer, MESSAGES[:-1], max_length=64)
    with pytest.raises(ValueError, match="assistant"):
        encode_chat(tiny_tokenizer, [], max_length=64)


def test_a_template_that_rewrites_earlier_turns_trains_the_answer_and_eos(tiny_tokenizer) -> None:
    tokenizer = copy.deepcopy(tiny_tokenizer)
    # Renders the conversation differently once an answer follows: the full text does not
    # start with the prompt, so the target falls back to the answer plus end of sequence.
    tokenizer.chat_template = (
        "{% for m in messages %}{% if m['role'] == 'assistant' %}A: {{ m['content'] }}"
        "{% else %}{{ m['content'] }} {% endif %}{% endfor %}"
        "{% if add_generation_prompt %}GEN{% endif %}"
    )
    prompt, target = assistant_target(tokenizer, MESSAGES)
    assert prompt == render_chat(tokenizer, MESSAGES[:-1]) and prompt.endswith("GEN")
    assert target == ANSWER + "<|im_end|>"


def test_plain_text_is_learned_whole_with_eos(tiny_tokenizer) -> None:
    encoded = encode_text(tiny_tokenizer, ANSWER, max_length=512)
    body = [*_ids(tiny_tokenizer, ANSWER), tiny_tokenizer.eos_token_id]
    assert encoded.input_ids == body and encoded.labels == body
    assert encoded.prompt_text == "" and encoded.target_text == ANSWER


def test_a_leading_bos_is_read_but_not_learned(tiny_tokenizer) -> None:
    tokenizer = copy.deepcopy(tiny_tokenizer)
    tokenizer.add_bos_token = True
    encoded = encode_text(tokenizer, ANSWER, max_length=512)
    assert encoded.input_ids[0] == tokenizer.bos_token_id
    assert encoded.labels[0] == IGNORE and IGNORE not in encoded.labels[1:]


def test_plain_text_is_cut_too(tiny_tokenizer) -> None:
    encoded = encode_text(tiny_tokenizer, ANSWER, max_length=5)
    assert encoded.truncated and len(encoded.input_ids) == len(encoded.labels) == 5


def test_rows_are_encoded_by_their_shape(tiny_tokenizer) -> None:
    chat = encode_row(tiny_tokenizer, {"messages": MESSAGES, "meta": {"post_id": 1}}, 512)
    assert chat == encode_chat(tiny_tokenizer, MESSAGES, 512)
    text = encode_row(tiny_tokenizer, {"text": ANSWER}, 512)
    assert text == encode_text(tiny_tokenizer, ANSWER, 512)
    with pytest.raises(ValueError, match="need 'messages' or 'text'"):
        encode_row(tiny_tokenizer, {"prompt": [], "chosen": []}, 512)


def test_as_row_is_what_the_trainers_read(tiny_tokenizer) -> None:
    encoded = encode_chat(tiny_tokenizer, MESSAGES, max_length=512)
    row = encoded.as_row()
    assert row["input_ids"] == encoded.input_ids and row["labels"] == encoded.labels
    assert row["attention_mask"] == [1] * len(encoded.input_ids)
    assert row["length"] == len(encoded.input_ids)
