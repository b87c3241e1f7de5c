"""A test-only recipe: steps through a loop the way a real one trains, in milliseconds.

The worker, servicer, training-jobs and CLI tests register it for one test with
``use_steps_recipe(monkeypatch)`` (their ``steps_recipe`` fixtures). It reports progress each
step, honours ``should_stop`` by saving a "checkpoint" (the step reached) and returning early,
resumes from that checkpoint, and records each start in ``run_dir/starts.log`` so a test can see
where a resumed run picked up. ``fail_with`` makes the run raise, as an empty dataset would.
"""

from __future__ import annotations

import json
import time
from typing import Any

import pytest
from pydantic import Field

from likeness.core.jobs import ProgressReport
from likeness.trainer.encoding import Encoded, encode_row
from likeness.trainer.recipes import registry
from likeness.trainer.recipes.base import RecipeConfig, TrainOutcome
from likeness.trainer.recipes.registry import Recipe, RecipeInputs, RecipeResult

NAME = "test-steps"
ROWS = [
    {
        "messages": [
            {"role": "system", "content": "You are Mags."},
            {"role": "user", "content": "Write a post about the sea."},
            {"role": "assistant", "content": "The quick brown fox jumps over the lazy dog."},
        ]
    },
    {"text": "Hello! How are you today? I am fine, thank you very much."},
    {"text": "Les élèves étudient à l'école; naïve café déjà vu ☕ 🙂."},
]


class StepsConfig(RecipeConfig):
    steps: int = Field(5, description="Steps the run takes.")
    step_s: float = Field(0.01, description="Seconds each step sleeps.")
    fail_with: str = Field("", description="Raise ValueError with this message instead.")
    kind: str = Field("persona-lora", description="Model kind of the artifact.")


def dataset_specs(persona: str, config: StepsConfig) -> list[Any]:
    return []


def preview(tokenizer: Any, datasets: list[Any], config: StepsConfig, n: int) -> list[Encoded]:
    return [encode_row(tokenizer, row, config.max_length) for row in ROWS[:n]]


def train(inputs: RecipeInputs, datasets: list[Any]) -> RecipeResult:
    from likeness.trainer.runner import load_tokenizer

    config: StepsConfig = inputs.config  # type: ignore[assignment]
    ctx = inputs.ctx
    if config.fail_with:
        raise ValueError(config.fail_with)
    checkpoint = ctx.run_dir / "checkpoint.json"
    start = json.loads(checkpoint.read_text())["step"] if checkpoint.exists() else 0
    with (ctx.run_dir / "starts.log").open("a") as log:
        log.write(f"{start}\n")
    started = time.monotonic()
    step = start
    stopped = False
    while step < config.steps:
        if ctx.should_stop():
            stopped = True
            break
        time.sleep(config.step_s)
        step += 1
        checkpoint.write_text(json.dumps({"step": step}))
        ctx.report(
            ProgressReport(
                step=step,
                total=config.steps,
                loss=1.0 / step,
                learning_rate=config.learning_rate,
                tokens_per_s=100.0,
                eta_s=(config.steps - step) * config.step_s,
            )
        )
    outcome = TrainOutcome(
        global_step=step,
        max_steps=config.steps,
        stopped=stopped,
        resumed_from=checkpoint if start else None,
        train_loss=1.0 / max(step, 1),
        real_tokens=100 * (step - start),
        seconds=time.monotonic() - started,
    )
    if not stopped:
        inputs.artifact_dir.mkdir(parents=True, exist_ok=True)
    return RecipeResult(
        model_kind=config.kind,
        base_model=inputs.base_model,
        tokenizer=load_tokenizer(inputs.base_model),
        outcome=outcome,
        metrics={"heldout_loss": 0.5},
    )


RECIPE = Recipe(
    name=NAME,
    summary="Test recipe: steps through a loop.",
    config_type=StepsConfig,
    dataset_specs=dataset_specs,
    preview=preview,
    train=train,
)


def use_steps_recipe(monkeypatch: pytest.MonkeyPatch) -> str:
    """Register this recipe under ``test-steps`` until the test ends; returns that name."""
    monkeypatch.setitem(registry.RECIPE_MODULES, NAME, __name__)
    return NAME
