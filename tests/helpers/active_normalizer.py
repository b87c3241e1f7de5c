"""A trained normaliser as a finished normalizer-sft run leaves it, made the persona's active one.

model_id = add_active_normalizer(db, "mags", tiny_adapter_dir, engine)   # fits ``engine``
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from registered_models import add_model
from sqlalchemy import Engine, update

from likeness.core.db.models import Model
from likeness.core.registry import activate


def add_active_normalizer(
    db: Engine,
    persona: str,
    adapter_dir: Path,
    engine: Any,
    *,
    prompt_version: str = "normalizer-v2",
    active: bool = True,
) -> str:
    """A ``normalizer`` adapter of the (existing) persona trained on ``engine``'s base model and
    chat template with ``prompt_version``, activated in the database; returns its id."""
    model_id = add_model(
        db,
        persona,
        str(adapter_dir),
        kind="normalizer",
        base=engine.model_id,
        template=engine.chat_template_sha256,
        recipe="normalizer-sft",
    )
    with db.begin() as conn:
        conn.execute(
            update(Model)
            .where(Model.id == model_id)
            .values(config={"recipe": "normalizer-sft", "prompt_version": prompt_version})
        )
    if active:
        activate(db, model_id)
    return model_id
