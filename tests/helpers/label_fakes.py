"""A deterministic Proposer for labeler tests: proposals made from the text, no model.

proposer = FakeProposer()                      # text, lower, UPPER, reversed (distinct, first n)
proposer = FakeProposer(variants=lambda t: [t] * 4)   # all agree: disagreement 0
proposer.generator = "normaliser-2"            # a newly activated normaliser
proposer.fail = RuntimeError("engine down")    # the next propose() raises it
proposer.calls                                 # the clean texts it was asked for, in order
proposer.before = lambda text: gate.wait()     # runs first in every propose() (hold it there)
proposer = FakeProposer(rewards=lambda t: [1.0, 0.9, -2.0, -3.0])   # scored by "fake-reward"
proposer.reward_model = "fake-reward-2"        # a newly trained reward model
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from likeness.core.proposals import Proposals, ProposedText


def default_variants(text: str) -> list[str]:
    return [text, text.lower(), text.upper(), text[::-1]]


class FakeProposer:
    """Proposes ``variants(text)`` (identical texts merged, greedy first, temperatures rising)
    as ``generator`` with ``prompt_version``; with ``rewards``, the proposals are scored by
    ``reward_model``: ``rewards(text)`` gives the rewards in the order of the proposals (missing
    ones unscored). Thread-safe, as the prefetcher calls it too."""

    def __init__(
        self,
        *,
        generator: str = "fake-normaliser",
        prompt_version: str = "normalizer-v2",
        variants: Callable[[str], list[str]] = default_variants,
        rewards: Callable[[str], list[float]] | None = None,
        reward_model: str = "fake-reward",
    ) -> None:
        self.generator = generator
        self.prompt_version = prompt_version
        self.variants = variants
        self.rewards = rewards
        self.reward_model = reward_model
        self.fail: Exception | None = None
        self.before: Callable[[str], object] | None = None
        self.calls: list[str] = []
        self._lock = threading.Lock()

    def prompt(self, clean_text: str) -> str:
        return f"<|{self.prompt_version}|>\n{clean_text}\n"

    def propose(self, persona: str, clean_text: str, n: int) -> Proposals:
        if self.before is not None:
            self.before(clean_text)
        with self._lock:
            self.calls.append(clean_text)
            if self.fail is not None:
                raise self.fail
        texts = list(dict.fromkeys(self.variants(clean_text)))[: max(n, 1)]
        scores: list[float | None] = [] if self.rewards is None else [*self.rewards(clean_text)]
        scores = (scores + [None] * len(texts))[: len(texts)]
        return Proposals(
            texts=[
                ProposedText(text, round(0.3 * i, 2), reward)
                for i, (text, reward) in enumerate(zip(texts, scores, strict=True))
            ],
            generator=self.generator,
            prompt_version=self.prompt_version,
            prompt=self.prompt(clean_text),
            reward_model=None if self.rewards is None else self.reward_model,
        )
