"""Hand-written normaliser preference datasets and a tiny reward model, for recipe tests."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import torch
from recipe_data import write_dataset

from likeness.core.prompts import normalizer_messages
from likeness.trainer.datasets.spec import BuiltDataset

POSTS = [
    ("RT @bob: I walked along the river this morning", "I walked along the river this morning"),
    ("Hello! How are you today? https://t.co/x", "Hello! How are you today?"),
    ("@amy The quick brown fox #fox", "The quick brown fox"),
    ("I am fine, thank you very much!!! #blessed", "I am fine, thank you very much!!!"),
    ("old friends http://x.co", "old friends"),
    ("RT @cat: dry humour, no emoji", "dry humour, no emoji"),
]


def pref_row(
    noisy: str,
    clean: str,
    *,
    rejected: str | None = None,
    system: str | None = None,
    meta: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """A ``normalizer-prefs`` row: ``clean`` beat ``rejected`` (default: the noisy post itself)
    on the normaliser prompt for ``noisy`` (``system``: another system prompt, as a stale row
    would carry)."""
    prompt = normalizer_messages(noisy)
    if system is not None:
        prompt[0] = {"role": "system", "content": system}
    return {
        "prompt": prompt,
        "chosen": [{"role": "assistant", "content": clean}],
        "rejected": [{"role": "assistant", "content": noisy if rejected is None else rejected}],
        "meta": {"post_id": 7} if meta is None else meta,
    }


def write_prefs(root: Path, train: list[dict], heldout: list[dict]) -> BuiltDataset:
    return write_dataset(root, train, heldout, kind="normalizer-prefs", persona="alice")


def prefs_dataset(root: Path) -> BuiltDataset:
    """Four training pairs and two held-out pairs on the one normaliser prompt."""
    return write_prefs(root, [pref_row(*p) for p in POSTS[:4]], [pref_row(*p) for p in POSTS[4:]])


def save_tiny_reward_model(path: Path, model_dir: Path) -> Path:
    """A random reward model on the tiny base, saved the way the reward-model recipe saves one."""
    from transformers import AutoConfig, AutoTokenizer, LlamaForSequenceClassification

    config = AutoConfig.from_pretrained(model_dir, num_labels=1)
    torch.manual_seed(3)
    LlamaForSequenceClassification(config).save_pretrained(path)
    AutoTokenizer.from_pretrained(model_dir).save_pretrained(path)
    return path
