"""Reward scores for proposals: the persona's newest reward model, loaded once, run on CPU.

    rewards = RewardScorers(db)                   # one per inference process (the servicer's)
    scored = await rewards.score("alice", normalizer_messages(post, version), texts)
    scored.model_id, scored.rewards               # None: no (usable) reward model

Which reward model: the persona's newest registered one (``registry.newest_model``, the rule
the trainer's ``normalizer-rl`` recipe resolves its reward model by), so labeling is steered
by the reward that RL would optimise. The model is a merged, standalone sequence-classification
model (the trainer's ``reward-model`` recipe); each text is scored alone, as the trainer's
``reward_model.score`` does, on the text ``likeness.core.reward_scoring.reward_text`` builds
(no padding, no special tokens added, the score at logit [0, 0]), so a proposal's reward is
exactly what training and RL would compute for it.

Scoring must never cost a proposal: no reward model, one whose files cannot be loaded, or one
that fails on a text gives no scores (logged), and the proposals go out unscored. A model that
failed to load is not retried until a newer one is registered or the service restarts (a
broken folder would otherwise be reloaded, and logged, on every proposal). Loaded models are
kept per model id; one that is no longer any persona's newest is dropped, so a retrained reward
model does not keep its predecessor in memory. Everything here blocks (database, torch): call
``score`` from the event loop, it runs the work in a thread.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Engine as DbEngine

from likeness.core.chat import Message
from likeness.core.registry import ModelKind, newest_model
from likeness.core.reward_scoring import reward_text

logger = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class Scored:
    model_id: str  # the reward model's registry id
    rewards: list[float]  # one per text, in order


class RewardScorer:
    """A loaded reward model: ``score(prompt, completion)`` is one answer's reward."""

    def __init__(self, model: Any, tokenizer: Any) -> None:
        self.model = model
        self.tokenizer = tokenizer

    def score(self, prompt: list[Message], completion: str) -> float:
        import torch

        text = reward_text(self.tokenizer, prompt, completion)
        inputs = self.tokenizer(text, return_tensors="pt", add_special_tokens=False)
        with torch.inference_mode():
            return float(self.model(**inputs.to(self.model.device)).logits[0, 0])


def load_scorer(path: str) -> RewardScorer:
    """The reward model saved in ``path``, on CPU in float32, in eval mode (loaded as the
    trainer's ``reward_model.load_reward_model`` loads it: the pad token falls back to EOS and
    the model knows its id, because the score is read at the last non-pad token)."""
    import torch
    from transformers import AutoModelForSequenceClassification, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(path)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    # CPU: the accelerator (if any) belongs to the generation engine; these are short texts.
    model = AutoModelForSequenceClassification.from_pretrained(path, dtype=torch.float32)
    model.to("cpu")
    model.config.pad_token_id = tokenizer.pad_token_id
    model.eval().requires_grad_(False)
    return RewardScorer(model, tokenizer)


class RewardScorers:
    """The reward scorers of one process, per model id (see the module docstring)."""

    def __init__(self, db: DbEngine, *, loader: Callable[[str], RewardScorer] = load_scorer):
        self.db = db
        self._load = loader
        self._lock = threading.Lock()  # one load at a time; concurrent proposals wait for it
        self._loaded: dict[str, RewardScorer | None] = {}  # None: its load failed
        self._newest: dict[str, str] = {}  # persona -> the model id it was last scored with

    def scorer(self, persona: str) -> tuple[str, RewardScorer] | None:
        """(model id, scorer) of the persona's newest reward model; None when it has none or
        the model cannot be loaded. Blocks (database, loading)."""
        info = newest_model(self.db, persona, ModelKind.REWARD)
        if info is None:
            return None
        with self._lock:
            self._newest[persona] = info.id
            in_use = set(self._newest.values())
            for stale in [m for m in self._loaded if m not in in_use]:
                del self._loaded[stale]
            if info.id not in self._loaded:
                try:
                    self._loaded[info.id] = self._load(info.adapter_path)
                    logger.info("scoring proposals of %s with reward model %s", persona, info.id)
                except Exception:
                    logger.exception(
                        "reward model %s (%s) cannot be loaded; proposals of %s go unscored "
                        "until a newer one is registered or the service restarts",
                        info.id,
                        info.adapter_path,
                        persona,
                    )
                    self._loaded[info.id] = None
            found = self._loaded[info.id]
        return None if found is None else (info.id, found)

    def score_now(self, persona: str, prompt: list[Message], texts: Sequence[str]) -> Scored | None:
        """Every text's reward as the answer to ``prompt``, or None (see ``scorer``; a failure
        while scoring is logged and gives None too). Blocks."""
        if not texts:
            return None
        try:
            found = self.scorer(persona)
            if found is None:
                return None
            model_id, scorer = found
            return Scored(model_id, [scorer.score(prompt, text) for text in texts])
        except Exception:
            logger.exception("scoring proposals of %s failed; they go unscored", persona)
            return None

    async def score(
        self, persona: str, prompt: list[Message], texts: Sequence[str]
    ) -> Scored | None:
        """``score_now`` in a worker thread, so the event loop (and the engine) keeps going."""
        return await asyncio.to_thread(self.score_now, persona, prompt, list(texts))
