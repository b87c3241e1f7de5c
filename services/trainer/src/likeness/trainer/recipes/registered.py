"""Registered artifacts a run builds on (a reward model, a starting adapter), pinned per run.

    path = pinned(run_dir, "reward_model.txt", lambda: newest_registered(db, "alice", "reward"))

A run resolves such an input once, from the models table, and writes the answer into its run
folder; a resumed run (after a kill, or on another worker) reads the pin back, so it keeps
training against the same reward model or from the same adapter even if newer ones were
registered meanwhile. A pin may record "none" (the input was looked up and there was none).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine

from likeness.core.db.models import Model
from likeness.core.registry import ModelKind, newest_model

NONE = ""


def newest_registered(
    db: Engine, persona: str, kind: ModelKind, accept: Callable[[Model], bool] = lambda _: True
) -> str | None:
    """The folder of the persona's newest model of ``kind`` that ``accept`` takes, if any (the
    registry's rule, ``registry.newest_model``, which inference uses for reward models too)."""
    found = newest_model(db, persona, kind, accept)
    return found.adapter_path if found is not None else None


def pinned(run_dir: Path, name: str, resolve: Callable[[], str | None]) -> str | None:
    """The pinned answer of an earlier start of this run, else ``resolve()`` (then pinned)."""
    pin = run_dir / name
    if pin.exists():
        return pin.read_text("utf-8").strip() or None
    found = resolve()
    run_dir.mkdir(parents=True, exist_ok=True)
    staging = pin.with_suffix(".tmp")
    staging.write_text(found or NONE, "utf-8")
    staging.replace(pin)
    return found
