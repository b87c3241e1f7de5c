"""The generations a report judges: posts for held-out topics and answers to chat questions,
by the tuned model and by its base, on the inference engines the service runs.

    texts = await generate_all(engine, jobs, sampling, progress)   # one engine batch

Every prompt is the serving prompt (``persona_messages(card, [request])`` through the engine's
chat renderer), and the base model gets the same card as the tuned one: the comparison is "what
tuning added", not "what a system prompt added". Requests run together so the engine batches
them; each has its own seed, so a report can be reproduced.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from likeness.core.chat import persona_messages
from likeness.core.registry import ModelInfo
from likeness.core.text import storable
from likeness.inference.engines.base import (
    AdapterInfo,
    Engine,
    GenerationRequest,
    SamplingParams,
)

#: Questions a persona is asked in chat (not "write a post"): its answers are judged as posts,
#: and whether they answer the question is measured (``fidelity.perplexity.answer_fit``).
CHAT_QUESTIONS: tuple[str, ...] = (
    "Who are you?",
    "What do you care about most?",
    "What did you do today?",
    "What do you think of the news media?",
    "What would you tell a young person starting out?",
    "What is the biggest problem facing the country?",
    "Who do you admire, and why?",
    "What makes you angry?",
    "What are you proud of?",
    "How was your weekend?",
    "What should people read or watch this week?",
    "What do you want to change next year?",
    "What's the best advice you ever got?",
    "Why should anyone listen to you?",
    "What are you working on right now?",
    "What do you think of your critics?",
)


def chat_requests(samples: int) -> list[str]:
    """Every chat question ``samples`` times over, question by question."""
    return [question for question in CHAT_QUESTIONS for _ in range(samples)]


@dataclass(frozen=True, slots=True)
class Ask:
    """One generation to make: a request under the card, through an adapter (None: base)."""

    request: str
    adapter: str | None
    seed: int


def adapter_info(model: ModelInfo, name: str) -> AdapterInfo:
    """A registered persona adapter as an engine loads it, under ``name``."""
    return AdapterInfo(
        name=name,
        path=model.adapter_path or "",
        base_model=model.base_model,
        chat_template_sha256=model.chat_template_sha256,
    )


def prompt_for(engine: Engine, card: str, request: str) -> str:
    return engine.render_chat(persona_messages(card, [{"role": "user", "content": request}]))


async def generate_one(engine: Engine, card: str, ask: Ask, sampling: SamplingParams) -> str:
    request = GenerationRequest(
        request_id=f"eval-{uuid.uuid4().hex}",
        prompt=prompt_for(engine, card, ask.request),
        sampling=SamplingParams(
            max_tokens=sampling.max_tokens,
            temperature=sampling.temperature,
            top_p=sampling.top_p,
            seed=ask.seed,
        ),
        adapter=ask.adapter,
    )
    return storable("".join([d.text async for d in engine.generate(request)]).strip())


async def generate_all(
    engine: Engine,
    card: str,
    asks: Sequence[Ask],
    sampling: SamplingParams,
    on_done: Callable[[int], None] | None = None,
    *,
    concurrency: int = 32,
) -> list[str]:
    """The completion of every ask, in order; ``on_done(n)`` after each one (n done so far).
    At most ``concurrency`` are in the engine at once (more only queue there)."""
    gate = asyncio.Semaphore(concurrency)
    done = 0

    async def one(ask: Ask) -> str:
        nonlocal done
        async with gate:
            text = await generate_one(engine, card, ask, sampling)
        done += 1
        if on_done is not None:
            on_done(done)
        return text

    return list(await asyncio.gather(*(one(ask) for ask in asks)))
