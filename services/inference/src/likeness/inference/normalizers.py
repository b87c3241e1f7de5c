"""The persona's current normaliser: which model rewrites its posts, and with which prompt.

    normalizer = current_normalizer(db, "alice", base_name="SmolLM2-135M-Instruct")
    normalizer = await resolver.normalizer("alice")     # the same, its adapter loaded (once)
    prompt = normalizer_prompt(engine, post.clean_text, normalizer.prompt_version)

A persona's active ``normalizer`` model (a LoRA adapter, activated separately from its persona
adapter) if it has one, else the bare base model. A trained normaliser is always served with
the prompt version it was trained on (``registry.trained_prompt_version``); the bare base model
gets the current version. Proposals (``proposing``), the Normalize RPC and batch normalisation
(``normalize``) all build their prompt with ``normalizer_prompt``, so the prompt a person labels
is byte for byte the prompt the corpus is normalised with.
"""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass

from sqlalchemy import Engine as DbEngine
from sqlalchemy.orm import Session

from likeness.core import registry
from likeness.core.personas import get_persona
from likeness.core.prompts import NORMALIZER_PROMPT_VERSION, normalizer_messages
from likeness.core.registry import ModelKind
from likeness.core.text import storable
from likeness.inference.activation import adapter_info
from likeness.inference.engines.base import AdapterInfo, Engine, GenerationRequest, SamplingParams

# Normalised posts are short; a cap keeps a runaway generation from eating the batch.
DEFAULT_MAX_TOKENS = 160


@dataclass(frozen=True, slots=True)
class Normalizer:
    """What rewrites a persona's posts; ``model_id`` and ``prompt_version`` are what every text
    it writes records (``posts.normalizer_model``, ``posts.normalizer_version``)."""

    adapter: AdapterInfo | None  # None: the bare base model
    model_id: str  # the normaliser's registry id, or the base model's public name
    prompt_version: str  # e.g. "normalizer-v2"


def base_normalizer(base_name: str) -> Normalizer:
    """The bare base model as normaliser, with the current prompt version."""
    return Normalizer(adapter=None, model_id=base_name, prompt_version=NORMALIZER_PROMPT_VERSION)


def current_normalizer(db: DbEngine, persona: str, *, base_name: str) -> Normalizer:
    """The persona's active normaliser, else the base model (named ``base_name``, the engine's
    public base name). Raises PersonaNotFound, or NotAnAdapter for an active normaliser trained
    on a prompt version this code cannot render."""
    with Session(db) as session:
        get_persona(session, persona)
    info = registry.active_model(db, persona, ModelKind.NORMALIZER)
    if info is None or not info.adapter_path:
        return base_normalizer(base_name)
    return Normalizer(
        adapter=adapter_info(info),
        model_id=info.id,
        prompt_version=registry.trained_prompt_version(db, info.id),
    )


def normalizer_prompt(engine: Engine, clean_text: str, version: str) -> str:
    """The rendered prompt a normaliser completes for one post: the one function proposals, the
    Normalize RPC and batch normalisation share."""
    return engine.render_chat(normalizer_messages(clean_text, version=version))


async def rewrite(
    engine: Engine,
    normalizer: Normalizer,
    prompt: str,
    sampling: SamplingParams,
    started: asyncio.Event | None = None,
) -> str:
    """The normaliser's completion of a rendered ``prompt``, stripped and storable ("" when it
    wrote nothing); ``started`` is set when the first delta arrives (the prompt is computed).
    Raises the engine's ValueError for a prompt it refuses."""
    request = GenerationRequest(
        request_id=f"norm-{uuid.uuid4().hex}",
        prompt=prompt,
        sampling=sampling,
        adapter=normalizer.adapter.name if normalizer.adapter is not None else None,
    )
    parts = []
    async for delta in engine.generate(request):
        if started is not None:
            started.set()
        parts.append(delta.text)
    return storable("".join(parts).strip())
