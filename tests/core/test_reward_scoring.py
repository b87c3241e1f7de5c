"""The reward text: the one format reward training, RL and proposal scoring share.

The trainer's ``score`` must tokenize exactly ``reward_text`` (byte for byte), and that text
must be what trl's RewardTrainer trains on (the same token ids), or scores mean nothing."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from preference_data import pref_row, save_tiny_reward_model
from trl.data_utils import _tokenize

from likeness.core.prompts import normalizer_messages
from likeness.core.reward_scoring import reward_messages, reward_text
from likeness.trainer.recipes.reward_model import load_reward_model, score

POST, REWRITE = "RT @bob: the ferry is late again #sea", "the ferry is late again"


class RecordingTokenizer:
    """The real tokenizer, keeping every text it was asked to tokenize."""

    def __init__(self, inner: Any) -> None:
        self.inner = inner
        self.texts: list[str] = []

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def __call__(self, text: str, **kwargs: Any) -> Any:
        self.texts.append(text)
        return self.inner(text, **kwargs)


def test_the_answer_is_the_assistant_turn_after_the_prompt(tiny_tokenizer: Any) -> None:
    prompt = normalizer_messages(POST, "normalizer-v1")
    before = [dict(m) for m in prompt]
    messages = reward_messages(prompt, REWRITE)
    assert messages == [*before, {"role": "assistant", "content": REWRITE}]
    assert prompt == before  # the caller's prompt is not changed
    text = reward_text(tiny_tokenizer, prompt, REWRITE)
    # The tiny ChatML template: the answer closes the text, with no generation prompt after it.
    assert text.endswith(f"<|im_start|>assistant\n{REWRITE}<|im_end|>\n")
    assert text.startswith("<|im_start|>system\n")
    assert POST in text


def test_the_scored_text_is_what_the_reward_trainer_trains_on(tiny_tokenizer: Any) -> None:
    row = pref_row(POST, REWRITE)  # a normalizer-prefs row, as the dataset builder writes it
    trained = _tokenize(tiny_tokenizer, row["prompt"] + row["chosen"])["input_ids"]
    text = reward_text(tiny_tokenizer, row["prompt"], REWRITE)
    assert tiny_tokenizer(text, add_special_tokens=False)["input_ids"] == trained


def test_the_trainers_score_reads_the_shared_text_byte_for_byte(
    tmp_path: Path, tiny_model_dir: Path
) -> None:
    model, tokenizer = load_reward_model(save_tiny_reward_model(tmp_path / "rm", tiny_model_dir))
    recording = RecordingTokenizer(tokenizer)
    prompt = normalizer_messages(POST)
    reward = score(model, recording, prompt, REWRITE)
    assert recording.texts == [reward_text(tokenizer, prompt, REWRITE)]
    assert isinstance(reward, float)
    assert score(model, tokenizer, prompt, REWRITE) == reward  # deterministic: eval mode
