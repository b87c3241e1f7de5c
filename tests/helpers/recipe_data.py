"""Hand-written datasets and run inputs for recipe tests (the builders are tested elsewhere).

inputs = recipe_inputs(tmp_path, tiny_model_dir, config, should_stop=lambda: True)
result = get_recipe("persona-sft").train(inputs, [persona_dataset(tmp_path / "ds")])
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine

from likeness.trainer.datasets.spec import BuiltDataset
from likeness.trainer.recipes.base import RecipeConfig, RunContext
from likeness.trainer.recipes.registry import RecipeInputs

CARD = "You are Mags, a lighthouse keeper who writes short, dry posts."
POSTS = [
    "The fog came in early and the foghorn sang all night.",
    "Painted the railings again. Salt wins every winter.",
    "Three gulls, one sandwich, no survivors.",
    "A fishing boat waved at the lamp. I waved back.",
    "Tea, wind, and the long view north.",
    "The keeper's log says: calm. The kettle disagrees.",
    "Storm tonight. Candles ready, books stacked.",
    "Someone asked if it gets lonely. The sea talks plenty.",
]


def chat_row(text: str, topics: str = "the sea") -> dict:
    return {
        "messages": [
            {"role": "system", "content": CARD},
            {"role": "user", "content": f"Write a post about {topics}"},
            {"role": "assistant", "content": text},
        ]
    }


def write_dataset(
    root: Path,
    train: list[dict],
    heldout: list[dict],
    *,
    kind: str = "persona-chat",
    persona: str = "mags",
) -> BuiltDataset:
    """A dataset folder with these rows, as the builders would leave it (hashes are dummies)."""
    root.mkdir(parents=True, exist_ok=True)
    for name, rows in (("train.jsonl", train), ("heldout.jsonl", heldout)):
        (root / name).write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    return BuiltDataset(
        id=kind.replace("-", "")[:32].ljust(32, "d"),
        kind=kind,
        persona=persona,
        sha256="s" * 64,
        spec={"kind": kind},
        dir=root,
        train_rows=len(train),
        heldout_rows=len(heldout),
    )


def persona_dataset(root: Path, repeat: int = 4) -> BuiltDataset:
    train = [chat_row(p) for p in POSTS[:6]] * repeat
    heldout = [chat_row(p) for p in POSTS[6:]]
    return write_dataset(root, train, heldout)


def recipe_inputs(
    root: Path,
    base_model: str | Path,
    config: RecipeConfig,
    *,
    db: Engine | None = None,
    persona: str = "alice",
    **ctx: Any,
) -> RecipeInputs:
    """A CPU run in ``root/run`` (artifact in ``root/run/final``); ``ctx`` goes to RunContext
    (``report``, ``should_stop``). ``db``: an empty in-memory SQLite unless given."""
    run_dir = root / "run"
    return RecipeInputs(
        db=db if db is not None else create_engine("sqlite://"),
        persona=persona,
        config=config,
        base_model=str(base_model),
        ctx=RunContext(run_dir=run_dir, data_dir=root, device="cpu", **ctx),
        artifact_dir=run_dir / "final",
    )
