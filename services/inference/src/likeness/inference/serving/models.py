"""What a request's model/persona name resolves to, with each adapter loaded into the engine once.

    resolver = ModelResolver(engine, db)
    served = await resolver.resolve("alice")     # ServedModel(id="alice", card=..., adapter=...)
    served = await resolver.resolve(resolver.base_name)   # the bare base model
    normalizer = await resolver.normalizer("alice")    # the persona's normaliser, loaded
    async for delta in resolver.generate(request, served, stream=True): ...   # copy-guarded

The base model is named by ``public_model_name``: the model's own id, never the folder it was
loaded from (that is a path on the server).
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import anyio
from sqlalchemy import Engine as DbEngine

from likeness.core.copying import CopyIndex
from likeness.core.settings import get_settings
from likeness.inference.engines.base import (
    AdapterInfo,
    AdapterMismatch,
    Delta,
    Engine,
    GenerationRequest,
)
from likeness.inference.normalizers import Normalizer, base_normalizer, current_normalizer
from likeness.inference.personas import list_personas, load_persona
from likeness.inference.serving.copy_guard import CopyGuard, Generate
from likeness.inference.serving.errors import AdapterNotServable

log = logging.getLogger(__name__)


def public_model_name(model_id: str) -> str:
    """The name clients see for a base model: a hub id as it is (``org/name``), a local folder
    by its own name (``/data/models/SmolLM2-135M-Instruct`` -> ``SmolLM2-135M-Instruct``)."""
    path = Path(model_id.rstrip("/")).expanduser()
    if path.is_absolute() or model_id.startswith((".", "~")) or path.is_dir():
        return path.name or model_id
    return model_id


@dataclass(frozen=True, slots=True)
class ServedModel:
    """What a request's model name resolved to."""

    id: str  # the name answers carry: a persona slug, or the base model's public name
    card: str | None  # the persona card; None for the bare base model
    adapter: str | None  # adapter name known to the engine; None = base weights
    #: the copy index of the persona adapter's training posts, when the copy guard is on for it
    copy_index: CopyIndex | None = field(default=None, compare=False, repr=False)


class ModelResolver:
    """Personas, their normalisers and the base model of one engine; adapters (persona adapters
    and normalisers alike) are loaded on first use and cached, so every transport and the
    normalisation jobs of one engine share one cache. Generations go through ``generate``,
    where the copy guard (``copy_guard``; by default as the settings say) watches personas."""

    def __init__(
        self,
        engine: Engine,
        db: DbEngine,
        model_adapters: Mapping[str, str] | None = None,
        *,
        copy_guard: CopyGuard | None = None,
    ) -> None:
        self.engine = engine
        self.db = db
        #: persona slug -> adapter name the caller already loaded into the engine
        self.model_adapters = dict(model_adapters or {})
        self.copy_guard = copy_guard or CopyGuard.from_settings(get_settings())
        self.base_name = public_model_name(engine.model_id)
        self._loaded: dict[str, AdapterInfo] = {}
        self._lock = asyncio.Lock()

    def is_base(self, name: str) -> bool:
        # The raw id still resolves, for clients written before the public name.
        return name in (self.base_name, self.engine.model_id)

    async def resolve(self, name: str) -> ServedModel:
        """The base model or the persona ``name``; raises ``PersonaNotFound`` for anything else."""
        if self.is_base(name):
            return ServedModel(id=self.base_name, card=None, adapter=None)
        persona = await anyio.to_thread.run_sync(load_persona, self.db, name)
        adapter = self.model_adapters.get(persona.slug)
        if adapter is None and persona.adapter is not None:
            await self._ensure_adapter(persona.slug, persona.adapter)
            adapter = persona.adapter.name
        index = None
        if adapter is not None and persona.adapter is not None:
            index = await self._copy_index(persona.adapter)
        return ServedModel(id=persona.slug, card=persona.card, adapter=adapter, copy_index=index)

    def generate(
        self,
        request: GenerationRequest,
        served: ServedModel,
        *,
        stream: bool,
        generate: Generate | None = None,
    ) -> AsyncIterator[Delta]:
        """The deltas of ``request`` for ``served``: the engine's (``generate``: the caller's
        wrapper around it), through the copy guard when ``served`` is a persona adapter with a
        copy index. ``stream``: deltas as they come (a few words held back); otherwise the
        answer may come as one delta."""
        return self.copy_guard.generate(
            generate or self.engine.generate,
            request,
            index=served.copy_index,
            persona=served.id,
            stream=stream,
            count_tokens=self.engine.count_tokens,
        )

    async def abort(self, request_id: str) -> None:
        """Abort a request started through ``generate``, whichever try of it is running."""
        await self.engine.abort(self.copy_guard.cancel(request_id))

    async def _copy_index(self, adapter: AdapterInfo) -> CopyIndex | None:
        if not self.copy_guard.enabled:
            return None
        known, index = self.copy_guard.cached_index(adapter)
        if known:
            return index
        return await anyio.to_thread.run_sync(self.copy_guard.index, adapter)

    async def normalizer(self, persona: str) -> Normalizer:
        """The persona's current normaliser with its adapter loaded into the engine (once); the
        bare base model for "" or the base model's name. Raises PersonaNotFound,
        AdapterNotServable."""
        if not persona or self.is_base(persona):
            return base_normalizer(self.base_name)
        normalizer = await anyio.to_thread.run_sync(
            lambda: current_normalizer(self.db, persona, base_name=self.base_name)
        )
        if normalizer.adapter is not None:
            await self._ensure_adapter(persona, normalizer.adapter)
        return normalizer

    async def persona_names(self) -> list[str]:
        personas = await anyio.to_thread.run_sync(list_personas, self.db)
        return [p.slug for p in personas if not self.is_base(p.slug)]

    def note_loaded(self, info: AdapterInfo) -> None:
        """Record an adapter loaded into the engine elsewhere (activation), so the first request
        for it does not load it again."""
        self._loaded[info.name] = info

    async def _ensure_adapter(self, slug: str, info: AdapterInfo) -> None:
        # The lock keeps concurrent first requests from loading the same adapter twice.
        async with self._lock:
            if self._loaded.get(info.name) == info:
                return
            try:
                await self.engine.load_adapter(info)
            except (AdapterMismatch, FileNotFoundError, ValueError) as exc:
                log.error("persona %r: its adapter %r cannot be served: %s", slug, info.name, exc)
                raise AdapterNotServable(
                    f"persona {slug!r} has an active adapter ({info.name}) that this engine "
                    "cannot serve (the inference service log says why); activate another model "
                    "or retrain it"
                ) from exc
            self._loaded[info.name] = info
