"""Run a recipe end to end: datasets, training, artifact, registration — or preview it.

    result = run_training(db, settings, "persona-sft", "alice", {"epochs": 2}, ctx)
    preview = preview_training(db, settings, "persona-sft", "alice", {}, n=3)

A run's plan (recipe, persona, config, base model, dataset ids and folders) is written to
``run_dir/run.json`` the first time it starts; a resumed run (the same ``run_dir``, after a
kill or on another worker) reads it back and trains on exactly the same dataset files, so the
checkpoint's data position still means what it meant.
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from collections.abc import Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from sqlalchemy import Engine

from likeness.core.jobs import ProgressReport
from likeness.core.settings import Settings
from likeness.trainer.artifacts import Artifact, describe, register
from likeness.trainer.datasets.spec import BuiltDataset, DatasetSpec
from likeness.trainer.encoding import Encoded, encode_row
from likeness.trainer.recipes.base import RecipeConfig, RunContext, TrainOutcome
from likeness.trainer.recipes.registry import RecipeInputs, get_recipe, parse_config

PLAN = "run.json"
T = TypeVar("T")


@dataclass(slots=True)
class TrainingResult:
    model_id: str  # "" when the run stopped early (cancelled / interrupted; resumable)
    model_kind: str
    artifact_dir: Path
    metrics: dict[str, float]
    outcome: TrainOutcome
    datasets: list[BuiltDataset]

    @property
    def stopped(self) -> bool:
        return self.outcome.stopped

    def as_result(self) -> dict[str, Any]:
        """What a job stores as its result."""
        return {
            "model_id": self.model_id,
            "model_kind": self.model_kind,
            "artifact_dir": str(self.artifact_dir),
            "metrics": self.metrics,
            "global_step": self.outcome.global_step,
            "real_tokens": self.outcome.real_tokens,
            "tokens_per_s": self.outcome.tokens_per_s,
            "datasets": [d.id for d in self.datasets],
        }


@dataclass(slots=True)
class Preview:
    recipe: str
    base_model: str
    examples: list[Encoded]
    tokenizer: Any
    train_examples: int
    heldout_examples: int
    train_tokens: int  # every token the model reads in one epoch (no padding)
    loss_tokens: int  # of which the loss is taken on
    truncated: int
    steps: int
    estimated_seconds: float
    datasets: list[BuiltDataset] = field(default_factory=list)


def resolve_base_model(settings: Settings, config: RecipeConfig) -> str:
    if config.base_model:
        return config.base_model
    from likeness.core.default_model import resolve_model

    return resolve_model(settings)


def _dataset_from_plan(entry: dict[str, Any]) -> BuiltDataset:
    return BuiltDataset(**{**entry, "dir": Path(entry["dir"])})


def _plan_entry(dataset: BuiltDataset) -> dict[str, Any]:
    return {
        "id": dataset.id,
        "kind": dataset.kind,
        "persona": dataset.persona,
        "sha256": dataset.sha256,
        "spec": dataset.spec,
        "dir": str(dataset.dir),
        "train_rows": dataset.train_rows,
        "heldout_rows": dataset.heldout_rows,
    }


def build_datasets(
    db: Engine,
    settings: Settings,
    recipe_name: str,
    persona: str,
    config: RecipeConfig,
    report: Callable[[ProgressReport], None] | None = None,
) -> list[BuiltDataset]:
    """Build (or reuse) the recipe's datasets; a generated kind (synthetic Q&A) gets a
    generator engine started for it, and stopped again before anything trains."""
    from likeness.trainer.datasets.build import GENERATED_KINDS, build_dataset

    specs = get_recipe(recipe_name).dataset_specs(persona, config)
    if not any(spec.kind in GENERATED_KINDS for spec in specs):
        return [build_dataset(db, spec, settings.data_dir) for spec in specs]
    model = getattr(config, "qa_generator", "") or None
    return run_coroutine(
        _build_with_generator(db, settings, specs, model, report or (lambda _p: None))
    )


def run_coroutine(coro: Coroutine[Any, Any, T]) -> T:
    """Run ``coro`` to completion from synchronous code, even when the calling thread already
    runs an event loop (then on a thread of its own: an engine belongs to its loop)."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(coro)
    with ThreadPoolExecutor(1, thread_name_prefix="datasets") as pool:
        return pool.submit(asyncio.run, coro).result()


async def _build_with_generator(
    db: Engine,
    settings: Settings,
    specs: list[DatasetSpec],
    model: str | None,
    report: Callable[[ProgressReport], None],
) -> list[BuiltDataset]:
    from likeness.inference.engines.loading import load_engine
    from likeness.trainer.datasets.build import GENERATED_KINDS, build_dataset_async

    if model and model.startswith(("/", ".", "~")) and not Path(model).expanduser().is_dir():
        raise FileNotFoundError(f"qa_generator {model!r}: no such model folder")
    engine = await asyncio.to_thread(load_engine, settings, model, enable_lora=False)
    report(ProgressReport(message=f"starting the generator {engine.model_id} for synthetic Q&A"))
    await engine.start()
    try:
        built = []
        for spec in specs:
            generated = spec.kind in GENERATED_KINDS
            if generated:
                report(ProgressReport(message=f"writing the {spec.kind} rows with the generator"))
            generator = engine if generated else None
            built.append(
                await build_dataset_async(db, spec, settings.data_dir, generator=generator)
            )
        return built
    finally:
        await engine.close()  # its memory goes back before the model to train is loaded


def _typed_config(recipe_name: str, config: dict[str, Any] | RecipeConfig | None) -> RecipeConfig:
    """The recipe's typed config (a caller that validated it already passes it as it is)."""
    return config if isinstance(config, RecipeConfig) else parse_config(recipe_name, config)


def _write_plan(run_dir: Path, plan: dict[str, Any]) -> None:
    run_dir.mkdir(parents=True, exist_ok=True)
    staging = run_dir / (PLAN + ".tmp")
    staging.write_text(json.dumps(plan, indent=2, sort_keys=True), "utf-8")
    os.replace(staging, run_dir / PLAN)


def run_training(
    db: Engine,
    settings: Settings,
    recipe_name: str,
    persona: str,
    config: dict[str, Any] | RecipeConfig | None,
    ctx: RunContext,
    *,
    register_artifact: bool = True,
) -> TrainingResult:
    """Train (or resume) a run in ``ctx.run_dir``; registers the artifact when it completes
    (``register_artifact=False``: the non-main processes of a distributed run)."""
    recipe = get_recipe(recipe_name)
    plan_path = ctx.run_dir / PLAN
    if plan_path.exists():  # a resumed run: same config, same base, same dataset files
        plan = json.loads(plan_path.read_text("utf-8"))
        parsed = recipe.config_type.model_validate(plan["config"])
        base_model = plan["base_model"]
        datasets = [_dataset_from_plan(entry) for entry in plan["datasets"]]
    else:
        parsed = _typed_config(recipe_name, config)
        base_model = resolve_base_model(settings, parsed) if recipe.needs_base_model else ""
        datasets = build_datasets(db, settings, recipe_name, persona, parsed, ctx.report)
        _write_plan(
            ctx.run_dir,
            {
                "recipe": recipe_name,
                "persona": persona,
                "config": parsed.model_dump(mode="json"),
                "base_model": base_model,
                "datasets": [_plan_entry(d) for d in datasets],
            },
        )
    artifact_dir = ctx.run_dir / "final"
    inputs = RecipeInputs(
        db=db,
        persona=persona,
        config=parsed,
        base_model=base_model,
        ctx=ctx,
        artifact_dir=artifact_dir,
    )
    result = recipe.train(inputs, datasets)
    metrics = {
        **result.metrics,
        "train_loss": result.outcome.train_loss,
        "global_step": float(result.outcome.global_step),
        "tokens_per_s": result.outcome.tokens_per_s,
    }
    if result.outcome.stopped or not register_artifact:
        return TrainingResult(
            "", result.model_kind, artifact_dir, metrics, result.outcome, datasets
        )
    template_sha, tokenizer_sha = describe(result.tokenizer)
    artifact = Artifact(
        kind=result.model_kind,
        recipe=recipe_name,
        persona=persona,
        base_model=result.base_model,
        path=artifact_dir,
        chat_template_sha256=template_sha,
        tokenizer_sha256=tokenizer_sha,
        dataset_sha256=datasets[0].sha256 if datasets else "",
        dataset_id=datasets[0].id if datasets else "",
        config=parsed.model_dump(mode="json"),
        metrics=metrics,
    )
    model_id = register(db, artifact)
    return TrainingResult(
        model_id, result.model_kind, artifact_dir, metrics, result.outcome, datasets
    )


def load_tokenizer(path: str) -> Any:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(path)
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer


def preview_training(
    db: Engine,
    settings: Settings,
    recipe_name: str,
    persona: str,
    config: dict[str, Any] | RecipeConfig | None,
    *,
    n: int = 3,
    time_it: bool = True,
) -> Preview:
    """The first ``n`` examples exactly as the model will see them, token counts and a time
    estimate (from two timed training steps on this machine), without training anything."""
    recipe = get_recipe(recipe_name)
    parsed = _typed_config(recipe_name, config)
    base_model = resolve_base_model(settings, parsed) if recipe.needs_base_model else ""
    datasets = build_datasets(db, settings, recipe_name, persona, parsed)
    tokenizer = load_tokenizer(base_model) if base_model else None
    examples = recipe.preview(tokenizer, datasets, parsed, n)
    # Every dataset the recipe trains on (persona-sft may mix formats), as the recipes read them.
    train_rows = [row for dataset in datasets for row in dataset.rows("train")]
    if parsed.limit:
        train_rows = train_rows[-parsed.limit :]
    train_tokens = loss_tokens = truncated = 0
    encoded: list[Encoded] = []
    if tokenizer is not None:
        for row in train_rows:
            item = _encode_for_count(tokenizer, row, parsed.max_length)
            encoded.append(item)
            train_tokens += len(item.input_ids)
            loss_tokens += item.loss_tokens
            truncated += item.truncated
    per_step = parsed.batch_size * parsed.grad_accum
    steps = max(1, -(-len(train_rows) // per_step)) * max(1, round(parsed.epochs))
    if parsed.max_steps > 0:
        steps = parsed.max_steps
    estimated = 0.0
    if time_it and tokenizer is not None and encoded:
        estimated = steps * _seconds_per_step(base_model, encoded, parsed)
    return Preview(
        recipe=recipe_name,
        base_model=base_model,
        examples=examples,
        tokenizer=tokenizer,
        train_examples=len(train_rows),
        heldout_examples=sum(dataset.heldout_rows for dataset in datasets),
        train_tokens=train_tokens,
        loss_tokens=loss_tokens,
        truncated=truncated,
        steps=steps,
        estimated_seconds=estimated,
        datasets=datasets,
    )


def _encode_for_count(tokenizer: Any, row: dict[str, Any], max_length: int) -> Encoded:
    if "prompt" in row and "chosen" in row:  # preference rows: the chosen conversation
        return encode_row(tokenizer, {"messages": row["prompt"] + row["chosen"]}, max_length)
    return encode_row(tokenizer, row, max_length)


def _seconds_per_step(base_model: str, encoded: list[Encoded], config: RecipeConfig) -> float:
    """Time two forward+backward passes on a typical batch (the first one warms up)."""
    import torch
    from transformers import AutoModelForCausalLM

    model = AutoModelForCausalLM.from_pretrained(base_model, dtype=torch.float32)
    model.train()
    batch = sorted(encoded, key=lambda e: len(e.input_ids))
    middle = len(batch) // 2
    chosen = batch[max(0, middle - config.batch_size // 2) :][: config.batch_size]
    width = max(len(e.input_ids) for e in chosen)
    pad = 0
    ids = torch.tensor([e.input_ids + [pad] * (width - len(e.input_ids)) for e in chosen])
    mask = torch.tensor([[1] * len(e.input_ids) + [0] * (width - len(e.input_ids)) for e in chosen])
    timings = []
    for _ in range(2):
        started = time.perf_counter()
        out = model(input_ids=ids, attention_mask=mask, labels=ids)
        out.loss.backward()
        model.zero_grad(set_to_none=True)
        timings.append(time.perf_counter() - started)
    return timings[-1] * config.grad_accum
