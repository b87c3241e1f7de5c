"""Activating a persona adapter on the running engine: the serving-side checks, then the registry.

    info = await activate_model(db, engine, model_id)    # ModelInfo with served_now=True

The model registry (``likeness.core.registry``) owns the ``models`` table and the rule "one
active model per persona and kind"; what only the serving side can check is done here first:
the adapter was trained on the base model and chat template the engine serves, and it loads.
Nothing changes in the database if either check fails. A vLLM engine started without LoRA (no
adapter was active when it started) restarts itself with LoRA enabled for the first one
(``VllmEngine.enable_lora``).
"""

from __future__ import annotations

import logging
from typing import Protocol

from sqlalchemy import Engine as DbEngine

from likeness.core import registry
from likeness.core.registry import ModelInfo
from likeness.inference.engines.base import AdapterInfo, Engine, check_adapter_fits

logger = logging.getLogger(__name__)


class AdapterRecord(Protocol):
    """A registered adapter: a ``ModelInfo``, or a ``models`` row."""

    id: str
    base_model: str
    chat_template_sha256: str

    @property
    def adapter_path(self) -> str | None: ...


def adapter_info(model: AdapterRecord) -> AdapterInfo:
    """The engine-side description of a persona adapter (the name the engine knows it by)."""
    return AdapterInfo(
        name=f"persona-{model.id}",
        path=model.adapter_path or "",
        base_model=model.base_model,
        chat_template_sha256=model.chat_template_sha256,
    )


async def activate_model(db: DbEngine, engine: Engine, model_id: str) -> ModelInfo:
    """Check, load into ``engine``, then mark active. Raises ModelNotFound, NotAnAdapter,
    AdapterMismatch or FileNotFoundError (then nothing changed)."""
    info = registry.get_model(db, model_id)
    registry.require_activatable(info)
    adapter = adapter_info(info)
    check_adapter_fits(adapter, engine.model_id, engine.chat_template_sha256)
    await engine.load_adapter(adapter)
    info = registry.activate(db, model_id)
    info.served_now = True
    logger.info("activated %s for persona %s", model_id, info.persona)
    return info
