"""How the CLI shows results: rich tables, previews and progress bars for people, one JSON object
for programs (``--json``: stdout parses, stderr carries no bars)."""

from __future__ import annotations

import importlib
import json
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict, is_dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

import orjson
from rich.console import Console
from rich.markup import escape
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from rich.table import Table
from rich.text import Text

from likeness.core.auth import ApiKeyInfo
from likeness.core.registry import ModelKind
from likeness.core.reports import headline as report_headline
from likeness.ingest.corpus import PersonaStats, PostPage
from likeness.ingest.personas import PersonaInfo
from likeness.ingest.summary import ImportSummary

if TYPE_CHECKING:
    from pathlib import Path

    from likeness.core.jobs import JobInfo, ProgressReport
    from likeness.core.registry import ModelInfo
    from likeness.trainer.training_jobs import TrainingPreview

T = TypeVar("T")
# soft_wrap: a message is one line the terminal wraps, never broken by us inside a path or a
# command a user copies (tables still fit the width).
out = Console(soft_wrap=True)
err = Console(stderr=True, soft_wrap=True)

#: Tables show ids this long; commands accept any unique prefix (as git does).
SHORT_ID = 12
KEY_METRICS = (
    "heldout_loss",
    "heldout_perplexity",
    "eval_loss",
    "heldout_reward",
    "reward_accuracy",
    "train_loss",
)


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def print_json(value: Any) -> None:
    data = asdict(value) if is_dataclass(value) and not isinstance(value, type) else value
    sys.stdout.write(orjson.dumps(data, default=_default, option=orjson.OPT_INDENT_2).decode())
    sys.stdout.write("\n")
    sys.stdout.flush()


def emit(value: T, as_json: bool, show: Callable[[T], None]) -> None:
    """One JSON document for ``--json``, else the human rendering."""
    if as_json:
        print_json(value)
    else:
        show(value)


#: (module, its documented switch) for the libraries that draw tqdm bars on stderr.
_LIBRARY_BAR_SWITCHES = (
    ("huggingface_hub.utils", "disable_progress_bars"),
    ("transformers.utils.logging", "disable_progress_bar"),
    ("datasets", "disable_progress_bars"),
)
#: The same switches as environment variables, read by each library (and tqdm) when imported.
_BAR_ENV = ("HF_HUB_DISABLE_PROGRESS_BARS", "HF_DATASETS_DISABLE_PROGRESS_BARS", "TQDM_DISABLE")


def silence_progress_bars() -> None:
    """No tqdm bar from any library (GGUF conversion, trl's dataset maps) on a ``--json`` run.

    Libraries already imported are switched off through their own functions; the rest (and
    plain tqdm, which the GGUF loader uses directly) read the variables when they are imported,
    which in a CLI process is later, inside the command.
    """
    for name in _BAR_ENV:
        os.environ[name] = "1"
    for module, switch in _LIBRARY_BAR_SWITCHES:
        if module.partition(".")[0] in sys.modules:
            getattr(importlib.import_module(module), switch)()


@contextmanager
def engine_output_to(log: Path) -> Iterator[Console]:
    """Send everything written to this process's stdout and stderr, and its children's (vLLM's
    engine process, torch's C++ logs, library warnings and bars), to the file ``log``; yield a
    console on the real terminal for the command's own display. For a command that draws one
    display and summarises at the end (``likeness demo``); the streams are back on exit."""
    log.parent.mkdir(parents=True, exist_ok=True)
    for stream in (sys.stdout, sys.stderr):
        stream.flush()
    saved = [os.dup(1), os.dup(2)]
    terminal = os.fdopen(os.dup(saved[1]), "w", encoding="utf-8", errors="replace")
    with open(log, "ab") as file:
        os.dup2(file.fileno(), 1)
        os.dup2(file.fileno(), 2)
    try:
        yield Console(file=terminal, soft_wrap=True)
    finally:
        for stream in (sys.stdout, sys.stderr):
            stream.flush()
        for fd, copy in enumerate(saved, start=1):
            os.dup2(copy, fd)
            os.close(copy)
        terminal.close()


def _rows_table(title: str, rows: list[tuple[str, str]], *, header: str | None = "posts") -> Table:
    """A two-column table: a label, then a right-aligned value."""
    table = Table(title=title, header_style="bold", show_header=header is not None)
    table.add_column("")
    table.add_column(header or "", justify="right")
    for label, value in rows:
        table.add_row(label, value)
    return table


def _counts(counts: dict[str, int], prefix: str = "") -> list[tuple[str, str]]:
    return [(f"{prefix}{key}", f"{value:,}") for key, value in counts.items()]


def show_summary(summary: ImportSummary) -> None:
    rows = [("read", f"{summary.read:,}"), ("kept for training", f"{summary.kept:,}")]
    rows += _counts(summary.flagged, "  flagged: ")
    rows += [("merged into threads", f"{summary.merged:,}")]
    rows += [("duplicates", f"{summary.duplicates:,}")]
    if summary.repeated:
        rows.append(("repeated records (kept once)", f"{summary.repeated:,}"))
    rows += _counts(summary.skipped, "skipped, never stored: ")
    rows.append(("[bold]new rows[/bold]", f"[bold]{summary.new:,}[/bold]"))
    out.print(_rows_table(f"import → {summary.persona} ({summary.format})", rows))
    note = " (this exact export was imported before)" if summary.source_seen_before else ""
    out.print(f"{summary.seconds:.2f} s{note}")


def show_default_card_hint(persona: PersonaInfo) -> None:
    """A persona the import just created has a placeholder card: say how to give it a voice."""
    out.print(
        f"persona {persona.slug} was created with a placeholder card ({persona.card!r}); "
        "give it a real name and card with:",
        highlight=False,
        markup=False,
    )
    # On a line of its own and never wrapped, so it can be copied whole.
    command = f'likeness personas update {persona.slug} --name "…" --card-file card.txt'
    out.print(f"  {command}", highlight=False, markup=False, soft_wrap=True)


def show_stats(stats: PersonaStats) -> None:
    rows = [
        ("total", f"{stats.total:,}"),
        ("kept for training", f"{stats.kept:,}"),
        ("flagged out", f"{stats.flagged:,}"),
        ("normalised", f"{stats.normalized:,}"),
        ("sources", f"{stats.sources:,}"),
    ]
    out.print(_rows_table(f"corpus of {stats.persona}", rows))
    out.print(_rows_table("by platform", _counts(stats.by_platform)))
    out.print(_rows_table("by year", _counts(stats.by_year)))
    if stats.by_flag:
        out.print(_rows_table("by flag", _counts(stats.by_flag)))


def show_posts(page: PostPage, *, raw: bool = False) -> None:
    table = Table(
        title=f"{len(page.posts)} of {page.total:,} posts", header_style="bold", show_lines=False
    )
    table.add_column("date", no_wrap=True)
    table.add_column("id", no_wrap=True)
    table.add_column("text", overflow="fold")
    table.add_column("flags")
    for post in page.posts:
        when = post.created_at.strftime("%Y-%m-%d %H:%M") if post.created_at else "—"
        text = post.raw_text if raw else post.clean_text
        style = "" if post.kept else "dim"
        table.add_row(when, post.id[:10], text, ", ".join(post.flags), style=style)
    out.print(table)
    if page.next_page_token:
        out.print(f"more: --page-token {page.next_page_token}")


def show_personas(personas: list[PersonaInfo]) -> None:
    table = Table(title="personas", header_style="bold")
    table.add_column("slug")
    table.add_column("name")
    table.add_column("posts", justify="right")
    mixed = any(persona.mix for persona in personas)
    if mixed:
        table.add_column("mix of")
    gated = any(persona.gate for persona in personas)
    if gated:
        table.add_column("serving gate (own thresholds)")
    for persona in personas:
        row = [persona.slug, persona.display_name, f"{persona.post_count:,}"]
        if mixed:
            row.append(" + ".join(persona.mix))
        if gated:
            row.append(
                ", ".join(f"{k} {v if v is not None else 'off'}" for k, v in persona.gate.items())
            )
        table.add_row(*row)
    out.print(table)


def show_keys(keys: list[ApiKeyInfo]) -> None:
    table = Table(title="API keys", header_style="bold")
    table.add_column("id", justify="right")
    table.add_column("name")
    table.add_column("created")
    table.add_column("state")
    for key in keys:
        state = "active" if key.active else f"revoked {key.revoked_at:%Y-%m-%d}"
        table.add_row(str(key.id), key.name, f"{key.created_at:%Y-%m-%d %H:%M}", state)
    out.print(table)


# --- progress --------------------------------------------------------------------------------

ImportProgress = Callable[[str, int, "int | None"], None]
_STAGES = {"read": "reading", "clean": "cleaning", "store": "storing"}


@contextmanager
def import_progress(enabled: bool) -> Iterator[ImportProgress]:
    """One bar per import stage (read, clean, store; upload when remote)."""
    if not enabled:
        yield lambda stage, done, total: None
        return
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description:<9}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=err,
        transient=True,
    ) as bar:
        tasks: dict[str, Any] = {}

        def update(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(_STAGES.get(stage, stage), total=total)
            bar.update(tasks[stage], completed=done, total=total)

        yield update


def duration(seconds: float) -> str:
    seconds = max(0, round(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


class JobProgress:
    """A live bar per job: step/total, loss, tokens/s, ETA and the latest message."""

    def __init__(self, bar: Progress) -> None:
        self.bar = bar
        self.tasks: dict[str, Any] = {}

    def update(self, job_id: str, label: str, status: str, progress: ProgressReport) -> None:
        fields: dict[str, Any] = {
            "loss": f"loss {progress.loss:.4f}" if progress.step else "",
            "speed": f"{progress.tokens_per_s:,.0f} tok/s" if progress.tokens_per_s else "",
            "eta": f"ETA {duration(progress.eta_s)}" if progress.eta_s else "",
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
def job_progress(enabled: bool) -> Iterator[JobProgress]:
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TextColumn("{task.fields[loss]}"),
        TextColumn("{task.fields[speed]}"),
        TextColumn("{task.fields[eta]}"),
        TextColumn("[dim]{task.fields[note]}"),
        console=err,
        disable=not enabled,
    ) as bar:
        yield JobProgress(bar)


# --- training --------------------------------------------------------------------------------


def show_preview(preview: TrainingPreview) -> None:
    out.print(
        f"[bold]{preview.recipe}[/bold] on {preview.base_model or '(its own tokenizer)'} — "
        "[dim]grey: prompt (no loss)[/dim], [bold]bold: trained on[/bold]",
        highlight=False,
    )
    for index, example in enumerate(preview.examples, 1):
        cut = ", truncated" if example.truncated else ""
        out.rule(f"example {index}: {example.tokens} tokens, {example.trained_tokens} trained{cut}")
        text = Text()
        for piece in example.pieces:
            text.append(piece.text, style="bold" if piece.trained else "dim")
        out.print(text)
    out.rule()
    seconds = preview.estimated_seconds
    estimate = (
        "not timed" if not seconds else f"{seconds:.1f} s" if seconds < 60 else duration(seconds)
    )
    rows = [
        ("training examples", f"{preview.train_examples:,}"),
        ("held-out examples", f"{preview.heldout_examples:,}"),
        ("tokens per epoch", f"{preview.train_tokens:,}"),
        ("trained tokens per epoch", f"{preview.trained_tokens:,}"),
        ("truncated examples", f"{preview.truncated:,}"),
        ("optimizer steps", f"{preview.steps:,}"),
        ("estimated time", estimate),
    ]
    out.print(_rows_table("dry run: nothing was trained", rows, header=None))


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
    out.print(table)


def _when(moment: datetime | None) -> str:
    return f"{moment:%Y-%m-%d %H:%M:%S}" if moment else "—"


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
        ("created", _when(job.created_at)),
        ("started", _when(job.started_at)),
        ("finished", _when(job.finished_at)),
        ("config", json.dumps(job.config, sort_keys=True)),
        ("progress", json.dumps(job.progress, sort_keys=True)),
    ]
    if job.result:
        rows.append(("result", json.dumps(job.result, sort_keys=True)))
    if job.error:
        rows.append(("error", job.error))
    for key, value in rows:
        table.add_row(key, Text(str(value)))
    out.print(table)


def show_evaluation(result: dict[str, Any]) -> None:
    """An evaluation's outcome: the headline figures, the gate, where the card is."""
    metrics = result.get("metrics", {})
    table = Table(title=f"report card · model {result.get('model_id', '')[:SHORT_ID]}")
    table.add_column("measure")
    table.add_column("value", justify="right")
    rows = (
        ("style judge accuracy", "judge_accuracy", "%"),
        ("attributed to the persona: tuned", "attribution_tuned", "%"),
        ("attributed to the persona: base", "attribution_base", "%"),
        ("held-out perplexity: tuned", "perplexity_tuned", "n"),
        ("held-out perplexity: base", "perplexity_base", "n"),
        ("perplexity reduction", "perplexity_reduction", "%"),
        ("copies a training post (guard off)", "copy_rate", "%"),
        ("copies a training post (guard on)", "copy_rate_guarded", "%"),
        ("distinct-2 vs the author's", "distinct2_ratio", "x"),
    )
    for name, key, kind in rows:
        value = metrics.get(key)
        if not isinstance(value, int | float):
            continue
        shown = {"%": f"{100 * value:.1f}%", "x": f"{value:.2f}×", "n": f"{value:.4g}"}[kind]
        table.add_row(name, shown)
    out.print(table)
    if metrics.get("judge_reliable") is False:
        out.print("the style judge is unreliable (accuracy below 90%): attribution is marked so")
    gate = result.get("gate") or {}
    if gate:
        if gate.get("passed"):
            out.print("serving gate: passes")
        else:
            failed = [c for c in gate.get("checks", []) if c.get("passed") is False]
            reasons = "; ".join(
                f"{c['metric']} {c['value']:.3g} vs {c['threshold']:.3g}"
                if isinstance(c.get("value"), int | float)
                else f"{c['metric']}: {c.get('note', '')}"
                for c in failed
            )
            out.print(f"[bold red]serving gate: fails[/bold red] ({escape(reasons)})")
    if result.get("report_dir"):
        out.print(f"report card: {result['report_dir']}/report.md", highlight=False)


def show_finished(job: JobInfo) -> None:
    """A job's outcome, in words."""
    if job.status == "succeeded" and job.kind == "eval":
        show_evaluation(job.result)
    elif job.status == "succeeded":
        model_id = job.result.get("model_id", "")
        metrics = job.result.get("metrics", {})
        shown = ", ".join(f"{k} {v:.4g}" for k, v in metrics.items() if isinstance(v, int | float))
        out.print(f"job {job.id} succeeded: model {model_id}", highlight=False)
        if shown:
            out.print(f"  {shown}", highlight=False)
        if job.result.get("evaluation"):
            show_evaluation(job.result["evaluation"])
        if job.result.get("model_kind") == ModelKind.PERSONA_LORA:
            out.print(f"activate it with: likeness models activate {model_id}")
    elif job.status == "failed":
        err.print(f"[bold red]job {job.id} failed:[/bold red] {escape(job.error or '')}")
    else:
        verb = "cancelled" if job.status == "cancelled" else f"is {job.status}"
        out.print(f"job {job.id} {verb}", highlight=False)


def key_metrics(metrics: dict[str, float], limit: int = 3) -> str:
    """The metrics people compare models by first, then whatever else there is."""
    chosen = [k for k in KEY_METRICS if k in metrics]
    chosen += [k for k in sorted(metrics) if k not in chosen]
    return ", ".join(f"{k} {metrics[k]:.4g}" for k in chosen[:limit])


def show_models(found: list[ModelInfo]) -> None:
    table = Table(title=f"{len(found)} model(s)", header_style="bold")
    for column in ("id", "persona", "kind", "base", "active", "metrics", "fidelity"):
        table.add_column(column, no_wrap=column == "id", overflow="fold")
    for model in found:
        persona_model = model.kind in (ModelKind.PERSONA_LORA, ModelKind.PERSONA_FULL)
        table.add_row(
            model.id[:SHORT_ID],
            model.persona or "—",
            model.kind,
            model.base_model or "—",
            "yes" if model.active else "",
            key_metrics(model.metrics),
            (report_headline(model.report) or "not evaluated") if persona_model else "",
        )
    out.print(table)
