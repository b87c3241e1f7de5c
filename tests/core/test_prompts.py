"""The versioned normaliser prompt: v1 frozen byte for byte, v2 = rules + worked examples."""

from __future__ import annotations

import pytest

from likeness.core.prompts import (
    NORMALIZER_EXAMPLES_V2,
    NORMALIZER_PROMPT_VERSION,
    NORMALIZER_PROMPT_VERSIONS,
    normalizer_messages,
    normalizer_version,
)

# Today's v1 system prompt, copied here on purpose: if prompts.py changes it, v1 rows in the
# database no longer match the prompt they were labeled and trained with.
V1_SYSTEM = (
    "You rewrite one social media post into clean first-person prose in the author's own "
    "voice. Drop retweet prefixes such as 'RT @name:', links, hashtag noise and @handle "
    "salutes. Keep the author's words, word order, capital letters, exclamation marks and "
    "emoji. Do not add facts, opinions or words the author did not write. Answer with the "
    "rewritten post only."
)
POST = "RT @someone: Big  day!!! #Win https://example.com/x"


def test_v1_messages_are_byte_identical_to_the_original_prompt() -> None:
    assert normalizer_messages(POST, "normalizer-v1") == [
        {"role": "system", "content": V1_SYSTEM},
        {"role": "user", "content": POST},
    ]


def test_v2_is_the_current_version_and_both_are_known() -> None:
    assert NORMALIZER_PROMPT_VERSIONS == ("normalizer-v1", "normalizer-v2")
    assert NORMALIZER_PROMPT_VERSION == "normalizer-v2"
    assert normalizer_messages(POST) == normalizer_messages(POST, "normalizer-v2")
    assert normalizer_version("org/model").startswith("normalizer-v2@model:")


def test_v2_is_system_then_example_turns_then_the_post_untouched() -> None:
    messages = normalizer_messages(POST, "normalizer-v2")
    assert messages[0]["role"] == "system"
    examples = messages[1:-1]
    assert 4 <= len(examples) // 2 <= 6
    assert [m["role"] for m in examples] == ["user", "assistant"] * (len(examples) // 2)
    pairs = zip(examples[::2], examples[1::2], strict=True)
    assert [(u["content"], a["content"]) for u, a in pairs] == list(NORMALIZER_EXAMPLES_V2)
    assert messages[-1] == {"role": "user", "content": POST}


def test_v2_examples_show_every_rule() -> None:
    posts = " ".join(p for p, _ in NORMALIZER_EXAMPLES_V2)
    answers = " ".join(a for _, a in NORMALIZER_EXAMPLES_V2)
    for marker in ("RT @", "http", "w/", " @ ", "#", "BREAKING:", "—", " - ", "!!!"):
        assert marker in posts, marker
    for gone in ("RT @", "http", "w/", "@", "#", "BREAKING:", "—"):
        assert gone not in answers, gone
    assert "!!!" in answers and "WEAK" in answers  # kept as written
    # One example has nothing to fix and comes back unchanged.
    assert any(p == a for p, a in NORMALIZER_EXAMPLES_V2)


def test_unknown_version_is_refused_naming_the_known_ones() -> None:
    with pytest.raises(ValueError, match="normalizer-v1, normalizer-v2"):
        normalizer_messages(POST, "normalizer-v3")
