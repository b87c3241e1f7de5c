"""``likeness train | jobs | models | serve trainer``: the training side of the CLI.

    likeness train persona --persona alice --epochs 2 --dry-run   # see exactly what it trains on
    likeness train persona --persona alice --epochs 2             # train here, live progress
    likeness train persona --persona alice --server gpu:50054 --detach
    likeness jobs --status running ; likeness jobs watch ID ; likeness jobs cancel ID
    likeness models --persona alice ; likeness models activate MODEL_ID

Without ``--server`` / ``LIKENESS_TRAINER_ADDR`` everything runs embedded: a job is queued in the
local database and run in this process by the same worker the trainer service runs, so Ctrl-C
saves a checkpoint and the job resumes later where it stopped. With a server, the same commands
print the same output. The trainer package is imported lazily, so ingest-only installs work.
"""

from __future__ import annotations

import contextlib
import json
import sys
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Protocol

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table
from rich.text import Text

from likeness.cli import render
from likeness.cli.main import JsonOpt, PersonaOpt, app, fail, serve_app
from likeness.core.settings import Settings, get_settings

if TYPE_CHECKING:
    from likeness.core.jobs import JobInfo, ProgressReport
    from likeness.core.registry import ModelInfo
    from likeness.trainer.training_jobs import JobEvent, TrainingPreview

jobs_app = typer.Typer(
    help="Training jobs in the queue: list, show, watch, cancel, resume, or work on them."
)
models_app = typer.Typer(help="Trained models: list them, activate a persona adapter.")
app.add_typer(jobs_app, name="jobs")
app.add_typer(models_app, name="models")

#: CLI name -> recipe id. Recipe ids are accepted too (and any recipe the registry knows).
CLI_RECIPES = {
    "persona": "persona-sft",
    "normalizer-sft": "normalizer-sft",
    "reward": "reward-model",
    "normalizer-rl": "normalizer-rl",
    "normalizer-dpo": "normalizer-dpo",
    "scratch": "scratch",
}
STATUSES = ("queued", "running", "succeeded", "failed", "cancelled")
#: Tables show ids this long; commands accept any unique prefix (as git does).
SHORT_ID = 12
FULL_ID = 32
KEY_METRICS = (
    "heldout_loss",
    "heldout_perplexity",
    "eval_loss",
    "heldout_reward",
    "reward_accuracy",
    "train_loss",
)
EXIT_INTERRUPTED = 130

ServerOpt = Annotated[
    str | None,
    typer.Option(
        "--server",
        help="host:port of a running trainer service (default: LIKENESS_TRAINER_ADDR; "
        "unset: embedded, in this process).",
    ),
]


#: ``likeness jobs --server X show ID``: the group's --server, for its subcommands.
_group_server: dict[str, str | None] = {"jobs": None, "models": None}


def recipe_id(name: str) -> str:
    return CLI_RECIPES.get(name, name)


# --- backends: the same calls embedded and remote ----------------------------------------------


class Trainer(Protocol):
    def submit(
        self, recipe: str, persona: str, config: dict[str, Any], *, priority: int = 0
    ) -> str: ...

    def preview(
        self, recipe: str, persona: str, config: dict[str, Any], *, n: int, time_it: bool
    ) -> TrainingPreview: ...

    def get(self, job_id: str) -> JobInfo: ...

    def list_jobs(
        self, *, persona: str | None, statuses: list[str] | None, limit: int
    ) -> list[JobInfo]: ...

    def cancel(self, job_id: str) -> JobInfo: ...

    def watch(self, job_id: str) -> Iterator[JobEvent]: ...

    def list_models(self, persona: str | None = None) -> list[ModelInfo]: ...

    def activate(self, model_id: str) -> ModelInfo: ...

    def close(self) -> None: ...


def training_prints_to_stderr() -> contextlib.AbstractContextManager[object]:
    """Training libraries print their logs to stdout (transformers' PrinterCallback); stdout is
    for this command's own output (``--json`` must stay parseable)."""
    return contextlib.redirect_stdout(sys.stderr)


class EmbeddedTrainer:
    """The queue and the runs in this process, on the configured database."""

    def __init__(self, settings: Settings) -> None:
        from likeness.core.db import open_database

        self.settings = settings
        self.db = open_database(settings)

    def submit(
        self, recipe: str, persona: str, config: dict[str, Any], *, priority: int = 0
    ) -> str:
        from likeness.trainer.training_jobs import submit_training

        return submit_training(self.db, recipe, persona, config, priority=priority)

    def preview(
        self, recipe: str, persona: str, config: dict[str, Any], *, n: int, time_it: bool
    ) -> TrainingPreview:
        from likeness.trainer.training_jobs import preview_job

        return preview_job(self.db, self.settings, recipe, persona, config, n=n, time_it=time_it)

    def get(self, job_id: str) -> JobInfo:
        from likeness.core import jobs

        return jobs.get(self.db, job_id)

    def list_jobs(
        self, *, persona: str | None, statuses: list[str] | None, limit: int
    ) -> list[JobInfo]:
        from likeness.core import jobs

        return jobs.list_jobs(self.db, persona=persona, statuses=statuses, limit=limit)

    def cancel(self, job_id: str) -> JobInfo:
        from likeness.core import jobs

        return jobs.cancel(self.db, job_id)

    def watch(self, job_id: str) -> Iterator[JobEvent]:
        from likeness.core import jobs
        from likeness.trainer.training_jobs import event_from_job

        return (event_from_job(job) for job in jobs.watch(self.db, job_id))

    def list_models(self, persona: str | None = None) -> list[ModelInfo]:
        from likeness.core.registry import list_models

        return list_models(self.db, persona)

    def activate(self, model_id: str) -> ModelInfo:
        from likeness.inference.client import configured_inference
        from likeness.trainer.training_jobs import activate

        with configured_inference(self.settings) as inference:
            return activate(self.db, self.settings, model_id, inference)

    def run(
        self, job_id: str | None, on_progress: Callable[[JobInfo, ProgressReport], None]
    ) -> tuple[JobInfo | None, bool]:
        """Run one job here (``job_id``, or the next waiting one) with Ctrl-C as a graceful
        stop; (the job as it ended up or None, whether Ctrl-C stopped it)."""
        from likeness.trainer.worker import Worker, stop_on_signals

        stop = threading.Event()
        worker = Worker(self.db, self.settings, on_progress=on_progress, stop=stop)
        with stop_on_signals(stop), training_prints_to_stderr():
            job = worker.run_once(job_id)
        return job, stop.is_set()

    def close(self) -> None:
        self.db.dispose()


def _domain_errors() -> tuple[type[Exception], ...]:
    """What a command reports as a clear error (exit 2) instead of a traceback."""
    from likeness.core.errors import PersonaNotFound
    from likeness.core.jobs import JobNotFound
    from likeness.core.registry import ModelNotFound, NotAnAdapter
    from likeness.trainer.client import TrainerError, TrainerUnavailable
    from likeness.trainer.recipes.registry import UnknownRecipe
    from likeness.trainer.training_jobs import ActivationRefused

    return (
        PersonaNotFound,
        JobNotFound,
        ModelNotFound,
        NotAnAdapter,
        UnknownRecipe,
        ActivationRefused,
        TrainerError,
        TrainerUnavailable,
        ValueError,  # InvalidConfig and other bad input
    )


@contextmanager
def trainer(server: str | None) -> Iterator[Trainer]:
    """The remote trainer if an address is given (or configured), else the embedded one."""
    errors = _domain_errors()
    addr = server or get_settings().trainer_addr
    try:
        if addr:
            from likeness.trainer.client import TrainerClient

            handle: Trainer = TrainerClient(addr, api_key=get_settings().api_key)
        else:
            handle = EmbeddedTrainer(get_settings())
    except errors as exc:
        raise fail(str(exc)) from exc
    try:
        yield handle
    except errors as exc:
        raise fail(str(exc)) from exc
    finally:
        handle.close()


def _unique(prefix: str, ids: list[str], what: str) -> str:
    matches = sorted({i for i in ids if i.startswith(prefix)})
    if len(matches) == 1:
        return matches[0]
    if matches:
        raise fail(f"{what} id {prefix!r} is ambiguous: {', '.join(m[:SHORT_ID] for m in matches)}")
    return prefix  # let the lookup say it does not exist, in its own words


def resolve_job_id(handle: Trainer, job_id: str) -> str:
    """A full job id from a prefix of one (the tables show the first 12 characters)."""
    if len(job_id) >= FULL_ID:
        return job_id
    recent = handle.list_jobs(persona=None, statuses=None, limit=1000)
    return _unique(job_id, [j.id for j in recent], "job")


def resolve_model_id(handle: Trainer, model_id: str) -> str:
    if len(model_id) >= FULL_ID:
        return model_id
    return _unique(model_id, [m.id for m in handle.list_models()], "model")


# --- progress --------------------------------------------------------------------------------


def _duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class ProgressDisplay:
    """A live bar per job: step/total, loss, tokens/s, ETA and the latest message."""

    def __init__(self, bar: Progress) -> None:
        self.bar = bar
        self.tasks: dict[str, Any] = {}

    def update(self, job_id: str, label: str, status: str, progress: ProgressReport) -> None:
        fields: dict[str, Any] = {
            "loss": f"loss {progress.loss:.4f}" if progress.step else "",
            "speed": f"{progress.tokens_per_s:,.0f} tok/s" if progress.tokens_per_s else "",
            "eta": f"ETA {_duration(progress.eta_s)}" if progress.eta_s else "",
            # A failed job's message is its error, printed in full once it ends.
            "note": status if status in ("queued", "failed") else progress.message,
        }
        if job_id not in self.tasks:
            self.tasks[job_id] = self.bar.add_task(label, total=None, **fields)
        self.bar.update(
            self.tasks[job_id],
            completed=progress.step,
            total=progress.total or None,
            **fields,
        )


@contextmanager
def progress_display(enabled: bool) -> Iterator[ProgressDisplay]:
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[loss]}"),
        TextColumn("{task.fields[speed]}"),
        TextColumn("{task.fields[eta]}"),
        TextColumn("[dim]{task.fields[note]}"),
        console=render.err,
        disable=not enabled,
    ) as bar:
        yield ProgressDisplay(bar)


def _watch(handle: Trainer, job_id: str, label: str, show: bool) -> None:
    with progress_display(show) as display:
        for event in handle.watch(job_id):
            display.update(job_id, label, event.status, event.progress)


# --- output ----------------------------------------------------------------------------------


def _job_dict(job: JobInfo) -> dict[str, Any]:
    return asdict(job)


def _finished(job: JobInfo, as_json: bool) -> None:
    """The end of a job: its outcome, and the exit code that goes with it."""
    if as_json:
        render.print_json(_job_dict(job))
    elif job.status == "succeeded":
        model_id = job.result.get("model_id", "")
        metrics = job.result.get("metrics", {})
        shown = ", ".join(f"{k} {v:.4g}" for k, v in metrics.items() if isinstance(v, int | float))
        render.out.print(f"job {job.id} succeeded: model {model_id}", highlight=False)
        if shown:
            render.out.print(f"  {shown}", highlight=False)
        if job.result.get("model_kind") == "persona-lora":
            render.out.print(f"activate it with: likeness models activate {model_id}")
    elif job.status == "failed":
        render.err.print(f"[bold red]job {job.id} failed:[/bold red] {job.error}", highlight=False)
    elif job.status == "cancelled":
        render.out.print(f"job {job.id} cancelled", highlight=False)
    else:
        render.out.print(f"job {job.id} is {job.status}", highlight=False)
    if job.status in ("failed", "cancelled"):
        raise typer.Exit(1)


def show_preview(preview: TrainingPreview) -> None:
    render.out.print(
        f"[bold]{preview.recipe}[/bold] on {preview.base_model or '(its own tokenizer)'} — "
        "[dim]grey: prompt (no loss)[/dim], [bold]bold: trained on[/bold]",
        highlight=False,
    )
    for index, example in enumerate(preview.examples, 1):
        cut = ", truncated" if example.truncated else ""
        render.out.rule(
            f"example {index}: {example.tokens} tokens, {example.trained_tokens} trained{cut}"
        )
        text = Text()
        for piece in example.pieces:
            text.append(piece.text, style="bold" if piece.trained else "dim")
        render.out.print(text)
    render.out.rule()
    table = Table(title="dry run: nothing was trained", show_header=False)
    table.add_column("")
    table.add_column("", justify="right")
    table.add_row("training examples", f"{preview.train_examples:,}")
    table.add_row("held-out examples", f"{preview.heldout_examples:,}")
    table.add_row("tokens per epoch", f"{preview.train_tokens:,}")
    table.add_row("trained tokens per epoch", f"{preview.trained_tokens:,}")
    table.add_row("truncated examples", f"{preview.truncated:,}")
    table.add_row("optimizer steps", f"{preview.steps:,}")
    seconds = preview.estimated_seconds
    estimate = (
        "not timed" if not seconds else f"{seconds:.1f} s" if seconds < 60 else _duration(seconds)
    )
    table.add_row("estimated time", estimate)
    render.out.print(table)


def show_jobs(found: list[JobInfo]) -> None:
    table = Table(title=f"{len(found)} job(s)", header_style="bold")
    for column in ("id", "recipe", "persona", "status", "step", "loss", "tries", "created"):
        table.add_column(column, no_wrap=column in ("id", "created"))
    for job in found:
        step, total = job.progress.get("step", 0), job.progress.get("total", 0)
        loss = job.progress.get("loss", 0.0)
        status = job.status + (" (cancelling)" if job.cancel_requested and not job.done else "")
        table.add_row(
            job.id[:SHORT_ID],
            job.kind,
            job.persona,
            status,
            f"{step}/{total}" if total else "",
            f"{loss:.4f}" if loss else "",
            f"{job.attempts}/{job.max_attempts}",
            f"{job.created_at:%m-%d %H:%M}",
        )
    render.out.print(table)


def show_job(job: JobInfo) -> None:
    table = Table(title=f"job {job.id}", header_style="bold", show_header=False)
    table.add_column("")
    table.add_column("", overflow="fold")
    rows = [
        ("recipe", job.kind),
        ("persona", job.persona),
        ("status", job.status + (" (cancel requested)" if job.cancel_requested else "")),
        ("attempts", f"{job.attempts}/{job.max_attempts}"),
        ("worker", job.worker or "—"),
        ("created", f"{job.created_at:%Y-%m-%d %H:%M:%S}"),
        ("started", f"{job.started_at:%Y-%m-%d %H:%M:%S}" if job.started_at else "—"),
        ("finished", f"{job.finished_at:%Y-%m-%d %H:%M:%S}" if job.finished_at else "—"),
        ("config", json.dumps(job.config, sort_keys=True)),
        ("progress", json.dumps(job.progress, sort_keys=True)),
    ]
    if job.result:
        rows.append(("result", json.dumps(job.result, sort_keys=True)))
    if job.error:
        rows.append(("error", job.error))
    for key, value in rows:
        table.add_row(key, Text(str(value)))
    render.out.print(table)


def key_metrics(metrics: dict[str, float], limit: int = 3) -> str:
    """The metrics people compare models by first, then whatever else there is."""
    chosen = [k for k in KEY_METRICS if k in metrics]
    chosen += [k for k in sorted(metrics) if k not in chosen]
    return ", ".join(f"{k} {metrics[k]:.4g}" for k in chosen[:limit])


def show_models(found: list[ModelInfo]) -> None:
    table = Table(title=f"{len(found)} model(s)", header_style="bold")
    for column in ("id", "persona", "kind", "base", "active", "metrics"):
        table.add_column(column, no_wrap=column == "id", overflow="fold")
    for model in found:
        table.add_row(
            model.id[:SHORT_ID],
            model.persona or "—",
            model.kind,
            model.base_model or "—",
            "yes" if model.active else "",
            key_metrics(model.metrics),
        )
    render.out.print(table)


# --- config ----------------------------------------------------------------------------------


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


# --- commands --------------------------------------------------------------------------------


@app.command()
def train(
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
    server: ServerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Train a model for a persona: validate, queue, run (here, or on the trainer service).

    Every option of a recipe can be set with --set KEY=VALUE: `likeness recipes NAME` lists
    them with their defaults. Ctrl-C stops a run embedded here gracefully: a checkpoint is
    saved and the job waits in the queue, to resume with `likeness jobs resume ID`.
    """
    name = recipe_id(recipe)
    config = build_config(
        config_file,
        sets or [],
        {
            "epochs": epochs,
            "max_steps": max_steps,
            "learning_rate": learning_rate,
            "batch_size": batch_size,
            "base_model": base_model,
            "limit": limit,
        },
    )
    label = f"{name} · {persona}"
    with trainer(server) as handle:
        if dry_run:
            preview = handle.preview(name, persona, config, n=examples, time_it=True)
            if as_json:
                render.print_json(asdict(preview))
            else:
                show_preview(preview)
            return
        job_id = handle.submit(name, persona, config, priority=priority)
        if detach:
            if as_json:
                render.print_json({"job_id": job_id})
            else:
                render.out.print(job_id)
                render.err.print(f"queued; follow it with: likeness jobs watch {job_id}")
            return
        render.err.print(f"job {job_id}: {label}", highlight=False)
        if isinstance(handle, EmbeddedTrainer):
            _run_here(handle, job_id, as_json)
        else:
            _follow(handle, job_id, label, as_json)


@app.command()
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


def _label(job: JobInfo) -> str:
    return f"{job.kind} · {job.persona}" if job.persona else job.kind


def _run_here(handle: EmbeddedTrainer, job_id: str | None, as_json: bool) -> None:
    """Run a job in this process with a live bar; Ctrl-C checkpoints and hands it back."""
    with progress_display(not as_json) as display:
        job, interrupted = handle.run(
            job_id,
            lambda job, progress: display.update(job.id, _label(job), "running", progress),
        )
    if job is None and job_id is not None:  # another worker took it first: follow it there
        _follow(handle, job_id, _label(handle.get(job_id)), as_json)
        return
    if job is None:
        render.err.print("no job is waiting")
        return
    if interrupted and not job.done:
        render.err.print(
            f"stopped: checkpoint saved, job {job.id} is back in the queue; resume with "
            f"`likeness jobs resume {job.id}` (or any `likeness jobs work`)",
            highlight=False,
        )
        raise typer.Exit(EXIT_INTERRUPTED)
    _finished(job, as_json)


def _follow(handle: Trainer, job_id: str, label: str, as_json: bool) -> None:
    """Watch a job that runs elsewhere; Ctrl-C stops watching, not the job."""
    try:
        _watch(handle, job_id, label, not as_json)
    except KeyboardInterrupt:
        render.err.print(
            f"stopped watching; job {job_id} goes on (likeness jobs watch {job_id})",
            highlight=False,
        )
        raise typer.Exit(EXIT_INTERRUPTED) from None
    _finished(handle.get(job_id), as_json)


@jobs_app.callback(invoke_without_command=True)
def jobs_list(
    ctx: typer.Context,
    persona: Annotated[str | None, typer.Option("--persona", "-p", help="Persona slug.")] = None,
    status: Annotated[
        list[str] | None,
        typer.Option("--status", help=f"Only these statuses ({', '.join(STATUSES)})."),
    ] = None,
    limit: Annotated[int, typer.Option(help="Newest N jobs.")] = 50,
    server: ServerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List training jobs, newest first (or run one of the commands below)."""
    _group_server["jobs"] = server
    if ctx.invoked_subcommand is not None:
        return
    unknown = sorted(set(status or []) - set(STATUSES))
    if unknown:
        raise fail(f"unknown status {', '.join(unknown)}; choose from {', '.join(STATUSES)}")
    with trainer(server) as handle:
        found = handle.list_jobs(persona=persona, statuses=status or None, limit=limit)
    if as_json:
        render.print_json([_job_dict(j) for j in found])
    else:
        show_jobs(found)


JobIdArg = Annotated[
    str, typer.Argument(help="The job id, or a unique prefix of it (see `likeness jobs`).")
]


@jobs_app.command("show")
def jobs_show(job_id: JobIdArg, server: ServerOpt = None, as_json: JsonOpt = False) -> None:
    """Everything about one job: config, progress, result or error."""
    with trainer(server or _group_server["jobs"]) as handle:
        job = handle.get(resolve_job_id(handle, job_id))
    if as_json:
        render.print_json(_job_dict(job))
    else:
        show_job(job)


@jobs_app.command("watch")
def jobs_watch(job_id: JobIdArg, server: ServerOpt = None, as_json: JsonOpt = False) -> None:
    """Follow a job's progress until it ends (Ctrl-C stops watching, not the job)."""
    with trainer(server or _group_server["jobs"]) as handle:
        job = handle.get(resolve_job_id(handle, job_id))
        _follow(handle, job.id, _label(job), as_json)


@jobs_app.command("cancel")
def jobs_cancel(job_id: JobIdArg, server: ServerOpt = None, as_json: JsonOpt = False) -> None:
    """Cancel a job: a queued one at once, a running one at its worker's next heartbeat."""
    with trainer(server or _group_server["jobs"]) as handle:
        job = handle.cancel(resolve_job_id(handle, job_id))
    if as_json:
        render.print_json(_job_dict(job))
    elif job.status == "cancelled":
        render.out.print(f"job {job.id} cancelled", highlight=False)
    elif job.cancel_requested:
        render.out.print(
            f"job {job.id}: cancel requested; its worker stops at the next heartbeat",
            highlight=False,
        )
    else:
        render.out.print(f"job {job.id} already {job.status}", highlight=False)


@jobs_app.command("resume")
def jobs_resume(job_id: JobIdArg, server: ServerOpt = None, as_json: JsonOpt = False) -> None:
    """Resume a stopped job from its last checkpoint (here; with a server, its workers do)."""
    with trainer(server or _group_server["jobs"]) as handle:
        job = handle.get(resolve_job_id(handle, job_id))
        if job.done:
            raise fail(f"job {job.id} already {job.status}")
        if isinstance(handle, EmbeddedTrainer) and job.status == "queued":
            _run_here(handle, job.id, as_json)
        else:
            _follow(handle, job.id, _label(job), as_json)


@jobs_app.command("work")
def jobs_work(
    once: Annotated[bool, typer.Option("--once", help="Run one waiting job, then exit.")] = False,
    lease: Annotated[float, typer.Option(help="Lease seconds (renewed every third of it).")] = 60.0,
    poll: Annotated[float, typer.Option(help="Seconds between looks at an empty queue.")] = 2.0,
    as_json: JsonOpt = False,
) -> None:
    """Work on the queue in this process: claim jobs from the database (LIKENESS_DATABASE_URL;
    a shared PostgreSQL makes any number of machines workers). Ctrl-C checkpoints and stops."""
    from likeness.trainer.worker import Worker

    errors = _domain_errors()
    try:
        handle = EmbeddedTrainer(get_settings())
    except errors as exc:
        raise fail(str(exc)) from exc
    try:
        if once:
            _run_here(handle, None, as_json)
            return
        stop = threading.Event()
        with progress_display(not as_json) as display:
            worker = Worker(
                handle.db,
                handle.settings,
                lease_s=lease,
                poll_s=poll,
                stop=stop,
                on_progress=lambda job, progress: display.update(
                    job.id, f"{job.id[:8]} {_label(job)}", "running", progress
                ),
            )
            render.err.print(f"worker {worker.worker_id}: waiting for jobs (Ctrl-C stops)")
            with training_prints_to_stderr():
                worker.run_forever(stop)
    finally:
        handle.close()


@models_app.callback(invoke_without_command=True)
def models_list(
    ctx: typer.Context,
    persona: Annotated[str | None, typer.Option("--persona", "-p", help="Persona slug.")] = None,
    server: ServerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List trained models (or activate one, below)."""
    _group_server["models"] = server
    if ctx.invoked_subcommand is not None:
        return
    with trainer(server) as handle:
        found = handle.list_models(persona)
    if as_json:
        render.print_json([asdict(m) for m in found])
    else:
        show_models(found)


@models_app.command("activate")
def models_activate(
    model_id: Annotated[
        str, typer.Argument(help="The model id, or a unique prefix of it (see `likeness models`).")
    ],
    server: ServerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Make a persona adapter the one its persona is served with (through the inference service
    if LIKENESS_INFERENCE_ADDR is set, so it loads at once)."""
    with trainer(server or _group_server["models"]) as handle:
        info = handle.activate(resolve_model_id(handle, model_id))
    if as_json:
        render.print_json(asdict(info))
    else:
        render.out.print(f"model {info.id} is now active for {info.persona}", highlight=False)


@serve_app.command("trainer")
def serve_trainer(
    host: Annotated[str, typer.Option(help="Address to bind (loopback unless keys exist).")] = (
        "127.0.0.1"
    ),
    port: Annotated[int, typer.Option(help="gRPC TrainerService port.")] = 50054,
    workers: Annotated[
        int, typer.Option(help="Worker threads training here (0: API only).", min=0)
    ] = 1,
) -> None:
    """Run the trainer gRPC service (health + reflection) with in-process workers."""
    from likeness.core.bind import InsecureBind
    from likeness.inference.client import configured_inference
    from likeness.trainer.server import run_trainer_service

    settings = get_settings()
    try:
        with configured_inference(settings) as inference:
            run_trainer_service(
                settings, host=host, port=port, workers=workers, inference=inference
            )
    except (InsecureBind, OSError) as exc:
        raise fail(str(exc)) from exc
