"""``likeness demo``: the whole loop on the bundled sample (what ``make run`` runs).

    likeness demo                # set up → import → normalise → train → evaluate → activate
                                 # → likeness up → posts in the persona's voice → how to go on
    likeness demo --fresh        # train and evaluate a new persona model

The steps are ``likeness.stack.demo.run_demo``; this draws them as one progress display (a bar
for the steps, one for the step at work) and prints the summary.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from likeness.cli import render
from likeness.cli.app import JsonOpt, fail
from likeness.cli.commands.training import build_config
from likeness.core.settings import get_settings

if TYPE_CHECKING:
    from likeness.stack.demo import DemoSummary

EXIT_INTERRUPTED = 130
#: In the data dir: what the engines and libraries printed during `likeness demo`.
DEMO_LOG = "demo.log"


class ProgressReporter:
    """The demo's steps on one rich display: the steps done of all, and the one at work."""

    def __init__(self, bar: Progress, steps: int) -> None:
        self.bar = bar
        # Its bar counts the steps done; the row under it is the step at work.
        self.overall = bar.add_task("[bold]whole loop[/bold]", total=steps, note="")
        self.current: TaskID | None = None

    def step(self, name: str) -> None:
        if self.current is not None:
            self.bar.remove_task(self.current)
        self.current = self.bar.add_task(name, total=None, note="")

    def progress(self, done: int, total: int | None, note: str = "") -> None:
        if self.current is not None:
            self.bar.update(self.current, completed=done, total=total, note=escape(note))

    def done(self, name: str, result: str, *, skipped: bool = False) -> None:
        mark = "[dim]↺[/dim]" if skipped else "[green]✓[/green]"
        self.bar.console.print(f"{mark} [bold]{name}[/bold]: {escape(result)}", highlight=False)
        self.bar.advance(self.overall)

    def warn(self, message: str) -> None:
        self.bar.console.print(f"[bold yellow]warning:[/bold yellow] {escape(message)}")


def demo(
    fresh: Annotated[
        bool,
        typer.Option(
            "--fresh", help="Train and evaluate a new persona model even if one exists already."
        ),
    ] = False,
    archive: Annotated[
        Path | None,
        typer.Option(help="The archive to import (default: the bundled examples/sample-archive)."),
    ] = None,
    persona: Annotated[str, typer.Option("--persona", "-p", help="Persona slug.")] = "mags",
    http_port: Annotated[
        int,
        typer.Option(
            "--http-port", help="OpenAI-compatible HTTP port of `likeness up`.", min=0, max=65535
        ),
    ] = 8000,
    normalize: Annotated[
        int | None,
        typer.Option(
            "--normalize", help="Normalise at most N posts (default: every kept post).", min=1
        ),
    ] = None,
    max_steps: Annotated[
        int | None, typer.Option(help="Stop training after N optimizer steps (quicker).", min=1)
    ] = None,
    sets: Annotated[
        list[str] | None,
        typer.Option(
            "--set", help="A persona-sft option KEY=VALUE (see `likeness recipes persona`)."
        ),
    ] = None,
    eval_samples: Annotated[
        int | None,
        typer.Option(
            help="Held-out posts (and judge negatives, 5 at least) the report card generates for.",
            min=1,
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """The whole loop on the bundled sample archive, in minutes on a laptop without a GPU: set
    up, import, normalise, train a small LoRA persona, evaluate it (report card), activate it,
    start every service (`likeness up`), write posts in the persona's voice through them, and
    print how to reach them (OpenAI-compatible endpoint, terminal app).

    Running it again reuses what is done (import, normalisation, the trained model and its
    report card, the running services); --fresh trains a new model. `likeness down` stops the
    services. What the engines print goes to DATA_DIR/demo.log, not over the display."""
    from likeness.stack.background import StackError
    from likeness.stack.demo import STEPS, DemoFailed, DemoInterrupted, DemoOptions, run_demo

    render.silence_progress_bars()  # one display: the demo's own
    options = DemoOptions(
        persona=persona, fresh=fresh, http_port=http_port, normalize_limit=normalize
    )
    if archive is not None:
        options.archive = archive
    options.recipe.update(build_config(None, sets or [], {"max_steps": max_steps}))
    if eval_samples is not None:
        from likeness.trainer.fidelity.config import MIN_CLASS_TEXTS

        # The judge needs a few negatives to train at all, however few posts are generated.
        negatives = max(eval_samples, MIN_CLASS_TEXTS)
        options.evaluation.update(samples=eval_samples, negatives=negatives)
    settings = get_settings()
    log = settings.data_dir / DEMO_LOG
    try:
        with (
            # What the engines and training libraries print would tear the display: it goes
            # to the log, and the results are summarised.
            render.engine_output_to(log) as terminal,
            contextlib.redirect_stdout(io.StringIO()),
            Progress(
                SpinnerColumn(),
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                TextColumn("[dim]{task.fields[note]}"),
                console=terminal,
                disable=as_json,
                redirect_stdout=False,
                redirect_stderr=False,
                transient=True,  # the ✓ lines stay; the bars go once the summary follows
            ) as bar,
        ):
            summary = run_demo(settings, options, ProgressReporter(bar, len(STEPS)))
    except DemoInterrupted as exc:
        render.err.print(str(exc), highlight=False)
        raise typer.Exit(EXIT_INTERRUPTED) from exc
    except (DemoFailed, StackError, ValueError, OSError) as exc:
        raise fail(f"{exc} (the engines' output: {log})") from exc
    if as_json:
        from dataclasses import asdict

        render.print_json(asdict(summary))
        return
    show_summary(summary, keys_required=_keys_required(), log=log)


def _keys_required() -> bool:
    from likeness.core.auth import KeyChecker
    from likeness.core.db import open_database

    db = open_database(get_settings())
    try:
        return KeyChecker(db, ttl_s=0).required()
    finally:
        db.dispose()


def show_summary(summary: DemoSummary, *, keys_required: bool, log: Path) -> None:
    out = render.out
    out.rule("[bold]likeness: the whole loop[/bold]")
    table = Table("step", "time", header_style="bold", box=None)
    for name, seconds in summary.seconds.items():
        table.add_row(name, _seconds(seconds))
    table.add_row("[bold]total[/bold]", _seconds(sum(summary.seconds.values())))
    out.print(table)
    out.print(
        f"persona [bold]{summary.persona}[/bold]: {summary.posts:,} posts imported, "
        f"{summary.kept:,} kept, {summary.normalized:,} normalised; base model {summary.model}",
        highlight=False,
    )
    trained = "trained now" if summary.trained_now else "trained earlier"
    out.print(f"persona model {summary.model_id} ({trained})", highlight=False)
    render.show_evaluation(
        {
            "model_id": summary.model_id,
            "metrics": summary.metrics,
            "gate": summary.gate,
            "report_dir": summary.report_dir,
        }
    )
    if summary.forced:
        out.print(
            "[bold yellow]activated with --force for the demo[/bold yellow]: it fails the "
            "serving gate (above); a model trained for minutes on 300 posts is a demo, not a "
            "finished persona — train longer on a real archive (README: Train a persona)",
            highlight=False,
        )
    out.rule(f"posts in the voice of {summary.persona}, through the running services")
    for topic, text in summary.drafts:
        out.print(f"[dim]{escape(topic)}:[/dim] {escape(text)}", highlight=False)
    out.print(f"[dim]chat over HTTP, 'How was your day?':[/dim] {escape(summary.chat_reply)}")
    out.rule("what now")
    url = f"{summary.http_url}/v1"
    key = "$LIKENESS_API_KEY" if keys_required else "unused-without-keys"
    auth = f' -H "Authorization: Bearer {key}"' if keys_required else ""
    out.print(f"OpenAI-compatible endpoint: [bold]{url}[/bold] (model = persona slug)")
    out.print("\n[bold]curl[/bold]", highlight=False)
    out.print(
        f"curl {url}/chat/completions -H 'Content-Type: application/json'{auth} \\\n"
        f'  -d \'{{"model": "{summary.persona}", "messages": [{{"role": "user", '
        '"content": "What is the weather doing?"}]}\'',
        highlight=False,
        markup=False,
        soft_wrap=True,
    )
    out.print("\n[bold]openai-python[/bold]", highlight=False)
    out.print(
        "from openai import OpenAI\n"
        f'client = OpenAI(base_url="{url}", api_key="{key}")\n'
        "reply = client.chat.completions.create(\n"
        f'    model="{summary.persona}", messages=[{{"role": "user", "content": "Tea?"}}]\n'
        ")\n"
        "print(reply.choices[0].message.content)",
        highlight=False,
        markup=False,
        soft_wrap=True,
    )
    out.print(
        "\n[bold]terminal app[/bold]: .venv/bin/likeness tui   (F2 chat with "
        f"{summary.persona}, F5 the drafts above, F4 jobs and models)\n"
        "[bold]status[/bold]: likeness status · [bold]stop[/bold]: likeness down · "
        "[bold]again[/bold]: make run (reuses all this) · make run FRESH=1 (trains a new model)",
        highlight=False,
    )
    out.print(f"[dim]what the engines printed: {log} · the services' log: likeness status[/dim]")
    if keys_required:
        out.print(
            "[dim]API keys exist in this database: send one (likeness keys create NAME)[/dim]"
        )


def _seconds(seconds: float) -> str:
    return f"{seconds:.1f} s" if seconds < 60 else f"{render.duration(seconds)} min"
