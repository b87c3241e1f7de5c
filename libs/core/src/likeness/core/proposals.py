"""Normalisation proposals as they travel between services (inference makes them, the labeler
stores and shows them): the texts, exactly which normaliser and prompt made them, and — when
the persona has a reward model — what that reward model thinks of each text."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class ProposedText:
    text: str
    temperature: float  # the lowest temperature that produced it (0 = greedy)
    reward: float | None = None  # the reward model's score (higher = better); None: unscored


@dataclass(frozen=True, slots=True)
class Proposals:
    """What a normaliser proposed for one post, and exactly how it was asked."""

    texts: list[ProposedText]  # distinct, greedy first
    generator: str  # the normaliser's model id (a registry id, or the base model's name)
    prompt_version: str  # e.g. "normalizer-v2"
    prompt: str  # the rendered prompt the engine completed, byte for byte
    # The registry id of the reward model that scored the texts (None: they are unscored).
    reward_model: str | None = None
