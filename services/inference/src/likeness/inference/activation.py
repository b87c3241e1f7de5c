"""Activating an adapter on the running engine: the serving-side checks, then the registry.

    info = await activate_model(db, engine, model_id)    # ModelInfo with served_now=True

Two kinds of adapter are activated, each into a slot of its own per persona: a persona adapter
(``persona-lora``; chat and post generation run through it, known to the engine as
``persona-<id>``) and a normaliser (``normalizer``; proposals and batch normalisation run
through it, known as ``normalizer-<id>``). Activating one never deactivates the other.

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
from likeness.core.gate import require_gate
from likeness.core.registry import ModelInfo, ModelKind
from likeness.core.settings import Settings, get_settings
from likeness.inference.engines.base import AdapterInfo, Engine, check_adapter_fits

logger = logging.getLogger(__name__)


class AdapterRecord(Protocol):
    """A registered adapter: a ``ModelInfo``, or a ``models`` row."""

    id: str
    kind: str
    base_model: str
    chat_template_sha256: str

    @property
    def adapter_path(self) -> str | None: ...


def adapter_name(model: AdapterRecord) -> str:
    """The name the engine knows an adapter by: ``normalizer-<id>`` for a normaliser,
    ``persona-<id>`` for a persona adapter (so the two slots never share a name)."""
    prefix = "normalizer" if model.kind == ModelKind.NORMALIZER else "persona"
    return f"{prefix}-{model.id}"


def adapter_info(model: AdapterRecord) -> AdapterInfo:
    """The engine-side description of a registered adapter."""
    return AdapterInfo(
        name=adapter_name(model),
        path=model.adapter_path or "",
        base_model=model.base_model,
        chat_template_sha256=model.chat_template_sha256,
    )


async def activate_model(
    db: DbEngine,
    engine: Engine,
    model_id: str,
    *,
    settings: Settings | None = None,
    force: bool = False,
) -> ModelInfo:
    """Check, load into ``engine``, then mark active. Raises ModelNotFound, NotAnAdapter (also
    for a normaliser trained on an unknown prompt version), NoReport or GateFailed (a persona
    model without a passing report card, unless ``force``; thresholds from ``settings``, else
    the process's), AdapterMismatch or FileNotFoundError (then nothing changed)."""
    info = registry.activatable(db, model_id)
    require_gate(db, settings or get_settings(), info, force=force)
    adapter = adapter_info(info)
    check_adapter_fits(adapter, engine.model_id, engine.chat_template_sha256)
    await engine.load_adapter(adapter)
    info = registry.activate(db, model_id)
    info.served_now = True
    role = "normaliser" if info.kind == ModelKind.NORMALIZER else "persona adapter"
    logger.info("activated %s as the %s of persona %s", model_id, role, info.persona)
    return info
