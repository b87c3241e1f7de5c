"""``likeness train | recipes``: validate, preview and run training recipes.

likeness train persona --persona alice --epochs 2 --dry-run   # see exactly what it trains on
likeness train persona --persona alice --epochs 2             # train here, live progress
likeness train persona --persona alice --server gpu:50054 --detach
"""

from __future__ import annotations

import json
from dataclasses import asdict, replace
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.table import Table

from likeness.cli import backend, render
from likeness.cli.app import JsonOpt, PersonaOpt, ServerOpt, fail, state
from likeness.cli.commands.jobs import finished, follow, run_here

if TYPE_CHECKING:
    from likeness.core.jobs import JobInfo

#: CLI name -> recipe id. Recipe ids are accepted too (and any recipe the registry knows).
CLI_RECIPES = {
    "persona": "persona-sft",
    "normalizer-sft": "normalizer-sft",
    "reward": "reward-model",
    "normalizer-rl": "normalizer-rl",
    "normalizer-dpo": "normalizer-dpo",
    "scratch": "scratch",
}


def recipe_id(name: str) -> str:
    return CLI_RECIPES.get(name, name)


def _value(text: str) -> Any:
    """``--set`` values are JSON when they parse as JSON (numbers, true, lists), else strings."""
    try:
        return json.loads(text)
    except json.JSONDecodeError:
        return text


def build_config(
    config_file: Path | None, sets: list[str], flags: dict[str, Any]
) -> dict[str, Any]:
    """The file first, then the flags, then each ``--set key=value`` (later ones win)."""
    config: dict[str, Any] = {}
    if config_file is not None:
        try:
            loaded = json.loads(config_file.read_text("utf-8"))
        except (OSError, json.JSONDecodeError) as exc:
            raise fail(f"cannot read the config file {config_file}: {exc}") from exc
        if not isinstance(loaded, dict):
            raise fail(f"the config file {config_file} must hold a JSON object")
        config.update(loaded)
    config.update({key: value for key, value in flags.items() if value is not None})
    for pair in sets:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise fail(f"--set takes KEY=VALUE (e.g. lora_r=32), not {pair!r}")
        target = config
        *parents, leaf = key.strip().split(".")
        for parent in parents:  # a.b=1 sets {"a": {"b": 1}}
            target = target.setdefault(parent, {})
        target[leaf] = _value(value)
    return config


def train(
    ctx: typer.Context,
    recipe: Annotated[
        str,
        typer.Argument(
            help=f"What to train: {', '.join(CLI_RECIPES)} (or a recipe id like persona-sft)."
        ),
    ],
    persona: PersonaOpt,
    sets: Annotated[
        list[str] | None,
        typer.Option("--set", help="A recipe option KEY=VALUE (repeatable; VALUE may be JSON)."),
    ] = None,
    config_file: Annotated[
        Path | None, typer.Option("--config-file", help="Recipe options as a JSON object.")
    ] = None,
    epochs: Annotated[float | None, typer.Option(help="Passes over the training set.")] = None,
    max_steps: Annotated[
        int | None, typer.Option(help="Stop after this many optimizer steps.")
    ] = None,
    learning_rate: Annotated[float | None, typer.Option(help="Peak learning rate.")] = None,
    batch_size: Annotated[int | None, typer.Option(help="Examples per optimizer step.")] = None,
    base_model: Annotated[
        str | None, typer.Option(help="Hugging Face id or folder (default: the default model).")
    ] = None,
    limit: Annotated[int | None, typer.Option(help="Use at most N training examples.")] = None,
    dry_run: Annotated[
        bool,
        typer.Option(
            "--dry-run", help="Show the first examples as the model sees them; train nothing."
        ),
    ] = False,
    examples: Annotated[int, typer.Option(help="Examples shown by --dry-run.")] = 3,
    detach: Annotated[
        bool, typer.Option("--detach", help="Queue the job, print its id and return.")
    ] = False,
    priority: Annotated[int, typer.Option(help="Higher runs first.")] = 0,
    no_eval: Annotated[
        bool,
        typer.Option(
            "--no-eval",
            help="Do not evaluate the trained persona model (no report card: the serving gate "
            "then asks for one before it is activated).",
        ),
    ] = False,
    server: ServerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Train a model for a persona: validate, queue, run (here, or on the trainer service).

    A persona model is then evaluated against its base (`likeness eval`): its report card is
    what the serving gate reads when it is activated.

    Every option of a recipe can be set with --set KEY=VALUE: `likeness recipes NAME` lists
    them with their defaults. Ctrl-C stops a run embedded here gracefully: a checkpoint is
    saved and the job waits in the queue, to resume with `likeness jobs resume ID`.
    """
    name = recipe_id(recipe)
    flags = {
        "epochs": epochs,
        "max_steps": max_steps,
        "learning_rate": learning_rate,
        "batch_size": batch_size,
        "base_model": base_model,
        "limit": limit,
        "evaluate": False if no_eval else None,
    }
    config = build_config(config_file, sets or [], flags)
    with backend.trainer(state(ctx).settings(), server) as handle:
        if dry_run:
            preview = handle.preview(name, persona, config, n=examples, time_it=True)
            if as_json:
                render.print_json(asdict(preview))
            else:
                render.show_preview(preview)
            return
        job_id = handle.submit(name, persona, config, priority=priority)
        if detach:
            if as_json:
                render.print_json({"job_id": job_id})
            else:
                render.out.print(job_id)
                render.err.print(f"queued; follow it with: likeness jobs watch {job_id}")
            return
        label = f"{name} · {persona}"
        render.err.print(f"job {job_id}: {label}", highlight=False)
        job = run_job(handle, job_id, label, as_json)
        evaluation_id = job.result.get("eval_job") if job.status == "succeeded" else None
        if evaluation_id:
            # The evaluation the run queued (it runs on a free worker; here, in this process).
            render.err.print(f"job {evaluation_id}: eval · {persona}", highlight=False)
            evaluation = run_job(handle, str(evaluation_id), f"eval · {persona}", as_json)
            job = replace(job, result={**job.result, "evaluation": evaluation.result})
        finished(job, as_json)


def run_job(handle: backend.Trainer, job_id: str, label: str, as_json: bool) -> JobInfo:
    """Run the job here (embedded) or follow it on the trainer service; the job as it ended."""
    if isinstance(handle, backend.EmbeddedTrainer):
        job = run_here(handle, job_id, as_json, announce=False)
        if job is not None:
            return job
    return follow(handle, job_id, label, as_json, announce=False)


def recipes(
    recipe: Annotated[
        str | None,
        typer.Argument(help="A recipe (CLI name or id) to list the options of; none: all recipes."),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """The training recipes, or one recipe's options (what `train --set KEY=VALUE` takes)."""
    from likeness.trainer.recipes.registry import (
        UnknownRecipe,
        get_recipe,
        recipe_names,
        recipe_options,
    )

    if recipe is None:
        names = {recipe_id(cli): cli for cli in CLI_RECIPES}
        rows = [
            {"name": names.get(rid, rid), "recipe": rid, "summary": get_recipe(rid).summary}
            for rid in recipe_names()
        ]
        if as_json:
            render.print_json(rows)
            return
        table = Table("likeness train …", "recipe", "what it trains")
        for row in rows:
            table.add_row(row["name"], row["recipe"], row["summary"])
        render.out.print(table)
        return
    try:
        options = recipe_options(recipe_id(recipe))
    except UnknownRecipe as exc:
        raise fail(str(exc)) from exc
    if as_json:
        render.print_json([asdict(option) for option in options])
        return
    table = Table("option", "type", "default", "meaning", title=recipe_id(recipe))
    for option in options:
        table.add_row(option.name, option.type, json.dumps(option.default), option.description)
    render.out.print(table)
