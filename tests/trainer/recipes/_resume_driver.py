"""Runs persona-sft in its own process so a test can kill it mid-run (SIGKILL, no cleanup)."""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "helpers"))

from recipe_data import persona_dataset

from likeness.trainer.recipes.base import RunContext
from likeness.trainer.recipes.persona_sft import RECIPE, PersonaSftConfig
from likeness.trainer.recipes.registry import RecipeInputs


def main(model_dir: str, run_dir: str, data_dir: str, slow: str) -> None:
    config = PersonaSftConfig(max_steps=8, save_steps=2, batch_size=4, logging_steps=1)
    ctx = RunContext(run_dir=Path(run_dir), data_dir=Path(data_dir), device="cpu")
    if slow == "1":  # give the killer time to strike between checkpoints
        ctx.report = lambda _p: time.sleep(0.3)
    dataset = persona_dataset(Path(data_dir) / "ds")
    inputs = RecipeInputs(None, "mags", config, model_dir, ctx, Path(run_dir) / "final")  # type: ignore[arg-type]
    outcome = RECIPE.train(inputs, [dataset]).outcome
    print(f"done step={outcome.global_step}", flush=True)


if __name__ == "__main__":
    main(*sys.argv[1:])
