"""Normalisation proposals for one post: what a person picks from, accepts or edits.

    proposals = await propose(engine, db, resolver, "alice", post.clean_text, 4, seed=7,
                              rewards=RewardScorers(db))
    proposals.texts        # [ProposedText(text, temperature, reward)], distinct, greedy first
    proposals.prompt       # the rendered prompt, byte for byte what batch normalisation sends
    proposals.reward_model # the reward model that scored them (None: unscored)

The persona's current normaliser (``normalizers.current_normalizer``: its active normaliser
adapter with the prompt version it was trained on, else the bare base model with the current
version) completes one prompt ``n`` times: greedy first, then samples at rising temperatures
(0.7, 0.9, 1.1, ... capped at 1.5), started as soon as the greedy one's prompt is computed so they
reuse it from the engine's prefix cache (``_greedy_then_samples``), batched together (seeded per
sample when a
seed is given, so the same call gives the same proposals), each within a token budget of about
1.5 times the post's length (``proposal_budget``; ``max_tokens`` caps it). Texts are stripped;
empty ones are dropped and identical ones merged, each kept at the lowest temperature that
produced it, so fewer than ``n`` may come back.

Rewards: given ``rewards`` (the process's ``reward_scorer.RewardScorers``), each distinct text
is scored by the persona's newest reward model as the answer to the normaliser's prompt
messages (the ones ``prompt`` was rendered from, at the normaliser's prompt version), in a
thread, after generation. The labeler uses the scores to find posts where the reward model
cannot tell the proposals apart (``likeness.labeler.sampling.uncertainty``). No reward model,
or one that fails, leaves the texts unscored; it never fails the proposals.
"""

from __future__ import annotations

import asyncio
import math
from dataclasses import replace

from sqlalchemy import Engine as DbEngine

from likeness.core.prompts import normalizer_messages
from likeness.core.proposals import Proposals, ProposedText
from likeness.inference.engines.base import Engine, SamplingParams
from likeness.inference.normalizers import (
    DEFAULT_MAX_TOKENS,
    Normalizer,
    normalizer_prompt,
    rewrite,
)
from likeness.inference.reward_scorer import RewardScorers
from likeness.inference.serving import (
    MAX_TOKENS_LIMIT,
    InvalidRequest,
    ModelResolver,
    check_prompt,
    check_text,
)

MAX_PROPOSALS = 16
FIRST_SAMPLE_TEMPERATURE = 0.7
TEMPERATURE_STEP = 0.2
# Past this a small model writes noise nobody would accept; more samples repeat it (reseeded).
MAX_SAMPLE_TEMPERATURE = 1.5
# A rewrite is about as long as the post (the rules add nothing), but a sample at a high
# temperature often rambles on to the token cap, and the batch waits for its longest member:
# measured on vLLM CPU with the default model, one post's four proposals took 3.5-6.8 s with
# the flat 160-token cap (samples of 260-530 characters for a 60-character post) against 0.9 s
# for the greedy one alone. So each proposal gets a budget from the post's own length.
BUDGET_FACTOR = 1.5
BUDGET_SLACK_TOKENS = 16
_SEED_SPACE = 2**63  # seeds stay non-negative 64-bit, as torch and vLLM take them


def proposal_temperatures(n: int) -> list[float]:
    """Greedy (0.0), then ``n - 1`` rising sampling temperatures."""
    samples = [
        min(round(FIRST_SAMPLE_TEMPERATURE + TEMPERATURE_STEP * i, 2), MAX_SAMPLE_TEMPERATURE)
        for i in range(n - 1)
    ]
    return [0.0, *samples]


def proposal_budget(post_tokens: int, cap: int) -> int:
    """Tokens a proposal may take for a post of ``post_tokens`` tokens (never above ``cap``)."""
    return max(1, min(cap, math.ceil(BUDGET_FACTOR * post_tokens) + BUDGET_SLACK_TOKENS))


async def _greedy_then_samples(
    engine: Engine, normalizer: Normalizer, prompt: str, samplings: list[SamplingParams]
) -> list[str]:
    """The completions of one prompt, greedy first: the samples start once the greedy one has
    its first token, so its prompt is in the engine's prefix cache and they reuse it instead of
    each computing the post's part of the prompt again (on a CPU host, prompt tokens cost about
    15 ms each, and they were most of a proposal's time). The samples then run together."""
    first = asyncio.Event()
    greedy = asyncio.ensure_future(rewrite(engine, normalizer, prompt, samplings[0], first))
    if len(samplings) > 1:
        started = asyncio.ensure_future(first.wait())
        await asyncio.wait({greedy, started}, return_when=asyncio.FIRST_COMPLETED)
        started.cancel()
    try:
        samples = await asyncio.gather(
            *(rewrite(engine, normalizer, prompt, sampling) for sampling in samplings[1:])
        )
    except BaseException:
        greedy.cancel()
        raise
    return [await greedy, *samples]


def distinct_texts(texts: list[str], temperatures: list[float]) -> list[ProposedText]:
    """Non-empty texts in order, each once, at the lowest temperature that produced it."""
    lowest: dict[str, float] = {}
    for text, temperature in zip(texts, temperatures, strict=True):
        if text and (text not in lowest or temperature < lowest[text]):
            lowest[text] = temperature
    return sorted(
        (ProposedText(text, temperature) for text, temperature in lowest.items()),
        key=lambda proposed: proposed.temperature,
    )


async def propose(
    engine: Engine,
    db: DbEngine,
    resolver: ModelResolver | None,
    persona: str,
    clean_text: str,
    n: int,
    *,
    max_tokens: int = DEFAULT_MAX_TOKENS,
    seed: int | None = None,
    rewards: RewardScorers | None = None,
) -> Proposals:
    """Up to ``n`` distinct proposals from the persona's current normaliser, scored by its
    reward model when ``rewards`` is given and it has one (see the module docstring). Raises
    PersonaNotFound, AdapterNotServable, InvalidRequest (n outside 1-16, max_tokens outside
    1-2048, a post the model's context cannot hold)."""
    if not 0 < n <= MAX_PROPOSALS:
        raise InvalidRequest(f"n must be 1-{MAX_PROPOSALS}, not {n}", param="n")
    if not 0 < max_tokens <= MAX_TOKENS_LIMIT:
        raise InvalidRequest(f"max_tokens must be 1-{MAX_TOKENS_LIMIT}", param="max_tokens")
    check_text(clean_text, "text")
    normalizer = await (resolver or ModelResolver(engine, db)).normalizer(persona)
    prompt = normalizer_prompt(engine, clean_text, normalizer.prompt_version)
    check_prompt(engine, prompt, "text")
    temperatures = proposal_temperatures(n)
    budget = proposal_budget(engine.count_tokens(clean_text), max_tokens)
    samplings = [
        SamplingParams(
            max_tokens=budget,
            temperature=temperature,
            seed=None if seed is None or index == 0 else (seed + index) % _SEED_SPACE,
        )
        for index, temperature in enumerate(temperatures)
    ]
    texts = await _greedy_then_samples(engine, normalizer, prompt, samplings)
    proposed = distinct_texts(list(texts), temperatures)
    scored = None
    if rewards is not None:
        messages = normalizer_messages(clean_text, version=normalizer.prompt_version)
        scored = await rewards.score(persona, messages, [p.text for p in proposed])
    if scored is not None:
        proposed = [replace(p, reward=r) for p, r in zip(proposed, scored.rewards, strict=True)]
    return Proposals(
        texts=proposed,
        generator=normalizer.model_id,
        prompt_version=normalizer.prompt_version,
        prompt=prompt,
        reward_model=None if scored is None else scored.model_id,
    )
