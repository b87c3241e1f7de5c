"""``likeness label [stats | export]``: judge the normaliser's proposals, see progress, export.

    likeness label --persona alice [--annotator ann]     # the interactive loop
    likeness label stats --persona alice
    likeness label export --persona alice --kind sft --format trl --out sft.jsonl

Embedded by default: stats and export open the database here; the loop also starts the
inference service in this process on loopback (the configured engine and model) and asks it
for proposals through its gRPC client, exactly as a labeler service would. ``--server
HOST:PORT`` (or the labeler_addr setting) talks to a running labeler service instead. Every
decision is sent the moment it is made; quitting (or losing the terminal) keeps the task in
front of you leased to you until its lease runs out, and the next session resumes it.
"""

from __future__ import annotations

import getpass
import os
import tempfile
import time
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Protocol

import typer
from rich.markup import escape
from rich.panel import Panel
from rich.table import Table

from likeness.cli import render
from likeness.cli.app import JsonOpt, OptionalPersonaOpt, PersonaOpt, fail, new_typer, state
from likeness.core.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from likeness.labeler.arena import ArenaStats, ComparisonView, VoteResult
    from likeness.labeler.prefetch import Prefetcher
    from likeness.labeler.types import (
        Decision,
        LabelProgress,
        LabelTask,
        Proposer,
        SubmitResult,
    )

app = new_typer(
    "Label posts: `likeness label -p SLUG` shows each post with the normaliser's proposals; "
    "1-9 accept one, `e N` edit one, `w` write your own, `r` reject all, `s` skip, `u` undo "
    "your last decision, `q` quit; end a line with ` # note` to store a comment with the "
    "decision. Every decision is stored the moment you make it. "
    "`stats` shows progress, `export` writes training rows.",
    no_args_is_help=True,
)

#: --kind as typed -> the export kind the labeler knows.
EXPORT_KINDS = {"sft": "normalizer-sft", "prefs": "normalizer-prefs"}
EXPORT_FORMATS = ("trl", "openai", "likeness")
KEYS_HELP = (
    "1-9 accept · e N edit · w write your own · r reject all · s skip · u undo · q quit"
    " · end a line with ' # note' to store a comment"
)
#: Separates a decision from its comment ("1 # the RT was kept"); a hashtag has no space after #.
COMMENT_MARK = " # "

LabelServerOpt = Annotated[
    str | None,
    typer.Option(
        "--server",
        help="host:port of a running labeler service (default: the labeler_addr setting, "
        "LIKENESS_LABELER_ADDR; unset: embedded, in this process).",
    ),
]


# --- where the calls go ----------------------------------------------------------------------


class Labeler(Protocol):
    """What the commands call: ``LabelerClient`` remotely, :class:`EmbeddedLabeler` here."""

    def next_task(self, persona: str, annotator: str, *, n: int = 0) -> LabelTask: ...

    def submit(self, decision: Decision) -> SubmitResult: ...

    def undo(self, persona: str, annotator: str) -> LabelTask: ...

    def progress(self, persona: str) -> LabelProgress: ...

    def export(
        self, persona: str, kind: str, fmt: str, split: str | None = None
    ) -> tuple[int, Iterator[str]]: ...

    def next_comparison(self, persona: str, annotator: str) -> ComparisonView: ...

    def vote(
        self, comparison_id: str, annotator: str, vote: str, *, seconds_spent: float | None = None
    ) -> VoteResult: ...

    def arena_stats(self, persona: str, model: str | None = None) -> ArenaStats: ...


class EmbeddedLabeler:
    """The labeler's domain functions on the configured database, in this process (with the
    same prefetch a labeler service runs, when a proposer is given)."""

    def __init__(self, settings: Settings, db: Engine, proposer: Proposer | None = None) -> None:
        from likeness.labeler.prefetch import Prefetcher

        self.settings = settings
        self.db = db
        self.proposer = proposer
        self.prefetcher: Prefetcher | None = None
        if proposer is not None:
            self.prefetcher = Prefetcher(
                db,
                proposer,
                ahead=settings.label_prefetch,
                n=settings.label_proposals,
                lease_s=settings.label_lease_s,
            ).start()

    def next_task(self, persona: str, annotator: str, *, n: int = 0) -> LabelTask:
        from likeness.labeler.tasks import next_task

        if self.proposer is None:
            raise RuntimeError("labeling needs a proposer (the inference service)")
        if self.prefetcher is not None:
            self.prefetcher.await_ready(persona, annotator)
        task = next_task(
            self.db,
            self.proposer,
            persona,
            annotator,
            n=n or self.settings.label_proposals,
            lease_s=self.settings.label_lease_s,
        )
        if self.prefetcher is not None:
            self.prefetcher.kick(task.persona, annotator)
        return task

    def submit(self, decision: Decision) -> SubmitResult:
        from likeness.labeler.decisions import submit

        result = submit(self.db, decision)
        if self.prefetcher is not None:
            self.prefetcher.kick_annotator(decision.annotator)
        return result

    def undo(self, persona: str, annotator: str) -> LabelTask:
        from likeness.labeler.decisions import undo_last

        return undo_last(self.db, persona, annotator, lease_s=self.settings.label_lease_s)

    def progress(self, persona: str) -> LabelProgress:
        from likeness.labeler.progress import label_progress

        return label_progress(self.db, persona)

    def export(
        self, persona: str, kind: str, fmt: str, split: str | None = None
    ) -> tuple[int, Iterator[str]]:
        from likeness.labeler.export import export_lines

        return export_lines(self.db, persona, kind, fmt, split)

    def next_comparison(self, persona: str, annotator: str) -> ComparisonView:
        from likeness.labeler.arena import next_comparison

        return next_comparison(self.db, persona, annotator, lease_s=self.settings.label_lease_s)

    def vote(
        self, comparison_id: str, annotator: str, vote: str, *, seconds_spent: float | None = None
    ) -> VoteResult:
        from likeness.labeler.arena import vote as store_vote

        return store_vote(self.db, comparison_id, annotator, vote, seconds_spent=seconds_spent)

    def arena_stats(self, persona: str, model: str | None = None) -> ArenaStats:
        from likeness.labeler.arena import arena_stats

        return arena_stats(self.db, persona, model)

    def close(self) -> None:
        if self.prefetcher is not None:
            self.prefetcher.stop()


def labeler_errors() -> tuple[type[Exception], ...]:
    """What a label command reports as one clean error line (exit 2) instead of a traceback."""
    from likeness.core.errors import PersonaNotFound
    from likeness.core.grpc_client import ServiceError
    from likeness.labeler.errors import LabelerError

    return (PersonaNotFound, LabelerError, ServiceError, ValueError)


@contextmanager
def embedded_proposer(settings: Settings, db: Engine) -> Iterator[Proposer]:
    """The inference service in this process on loopback (the configured engine and model),
    and a client for it: proposals travel the same gRPC path as with a labeler service."""
    from likeness.core.auth import KeyChecker, generate_key
    from likeness.core.grpc_server import stop_server
    from likeness.inference.client import InferenceClient
    from likeness.inference.engine_thread import EngineThread
    from likeness.inference.engines.loading import load_engine
    from likeness.inference.personas import any_active_adapter
    from likeness.inference.server import make_inference_grpc_server

    render.err.print("starting the normaliser model …", highlight=False)
    engine = load_engine(settings, None, enable_lora=any_active_adapter(db))
    # A key for this process only: once stored API keys exist the in-process server requires
    # one, and the user should not have to export a key to talk to their own process.
    key = generate_key()
    checker = KeyChecker(db, session_keys=(key,))
    with EngineThread(engine) as runner:
        server, port = make_inference_grpc_server(
            runner, db, host="127.0.0.1", port=0, key_checker=checker
        )
        server.start()
        try:
            with InferenceClient(f"127.0.0.1:{port}", key) as client:
                yield client
        finally:
            stop_server(server, grace_s=1.0)


def _open(
    stack: ExitStack, settings: Settings, server: str | None, *, interactive: bool
) -> Labeler:
    """The backend, with what closes it pushed on ``stack`` (prefetch, then the in-process
    inference service, then the database)."""
    addr = server or settings.labeler_addr
    if addr:
        from likeness.labeler.client import LabelerClient

        return stack.enter_context(LabelerClient(addr, api_key=settings.api_key))  # type: ignore[return-value]
    from likeness.core.db import open_database

    db = open_database(settings)
    stack.callback(db.dispose)
    proposer = stack.enter_context(embedded_proposer(settings, db)) if interactive else None
    embedded = EmbeddedLabeler(settings, db, proposer)
    stack.callback(embedded.close)
    return embedded


@contextmanager
def labeler(settings: Settings, server: str | None, *, interactive: bool) -> Iterator[Labeler]:
    """The remote labeler if an address is given (or configured), else the embedded one; the
    labeler's errors (opening included) become one error line."""
    try:
        with ExitStack() as stack:
            yield _open(stack, settings, server, interactive=interactive)
    except labeler_errors() as exc:
        raise fail(str(exc)) from exc


# --- the interactive loop --------------------------------------------------------------------


def default_annotator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        return "annotator"


@app.callback(invoke_without_command=True)
def label(
    ctx: typer.Context,
    persona: OptionalPersonaOpt = None,
    annotator: Annotated[
        str | None, typer.Option(help="Who is labeling (default: your user name).")
    ] = None,
    server: LabelServerOpt = None,
) -> None:
    """Label posts one by one: each shows the post (flags, date) and the normaliser's proposals.
    Keys: 1-9 accept that proposal, `e N` edit it, `w` write your own, `r` reject all, `s` skip,
    `u` undo your last decision, `q` quit. Every decision is stored the moment you make it."""
    if ctx.invoked_subcommand is not None:
        return
    if not persona:
        raise fail("which persona? pass --persona SLUG")
    who = annotator or default_annotator()
    with labeler(state(ctx).settings(), server, interactive=True) as handle:
        LabelLoop(handle, persona, who).run()


@dataclass
class LabelLoop:
    """One labeling session: show a task, read one input, send the decision, repeat."""

    labeler: Labeler
    persona: str
    annotator: str
    decided: int = 0

    def run(self) -> None:
        from likeness.labeler.errors import NothingToLabel

        try:
            task: LabelTask | None = self.labeler.next_task(self.persona, self.annotator)
        except NothingToLabel as exc:
            render.out.print(f"nothing to label: {escape(str(exc))}", highlight=False)
            return
        while task is not None:
            task = self.one(task)
        render.out.print(f"{self.decided} decision(s) stored this session; bye.", highlight=False)

    def one(self, task: LabelTask) -> LabelTask | None:
        """Show ``task`` and act on inputs until it is decided; the next task, or None (quit)."""
        from likeness.labeler.errors import (
            AlreadyJudged,
            InvalidDecision,
            LeaseExpired,
            NothingToLabel,
            NothingToUndo,
            TaskNotFound,
        )

        show_task(task)
        shown = time.monotonic()
        while True:
            try:
                line = typer.prompt(KEYS_HELP, prompt_suffix="\n> ").strip()
            except typer.Abort:  # end of input, Ctrl-C / Ctrl-D
                return None
            try:
                decision = self.decision(task, line, time.monotonic() - shown)
            except typer.Abort:
                return None
            if decision == "quit":
                return None
            if decision == "undo":
                try:
                    return self.labeler.undo(self.persona, self.annotator)
                except NothingToUndo as exc:
                    render.err.print(escape(str(exc)), highlight=False)
                    continue
            if decision is None or isinstance(decision, str):
                render.err.print(f"not understood: {escape(line)!r}", highlight=False)
                continue
            try:
                result = self.labeler.submit(decision)
            except InvalidDecision as exc:
                render.err.print(escape(str(exc)), highlight=False)
                continue
            except (LeaseExpired, AlreadyJudged, TaskNotFound) as exc:
                # The task is no longer this annotator's to decide: say so, go on.
                render.err.print(f"not stored: {escape(str(exc))}", highlight=False)
            else:
                self.decided += 1
                render.out.print(
                    f"[green]stored[/green] ({decision.action}, edit distance "
                    f"{result.edit_distance}; {result.labeled} labeled by {self.annotator})",
                    highlight=False,
                )
            try:
                return self.labeler.next_task(self.persona, self.annotator)
            except NothingToLabel as exc:
                render.out.print(f"nothing left to label: {escape(str(exc))}", highlight=False)
                return None

    def decision(self, task: LabelTask, line: str, seconds: float) -> Decision | str | None:
        """The decision an input line stands for; "quit", "undo", or None (not understood)."""
        from likeness.labeler.types import Action, Decision

        line, _, note = line.partition(COMMENT_MARK)
        comment = note.strip()

        def made(action: Action, index: int | None = None, text: str = "") -> Decision:
            return Decision(
                task_id=task.task_id,
                annotator=self.annotator,
                action=action,
                proposal_index=index,
                text=text,
                seconds_spent=max(seconds, 0.001),
                comment=comment,
            )

        word, _, rest = line.strip().partition(" ")
        word = word.lower()
        count = len(task.proposals)
        if word.isdigit():
            index = int(word) - 1
            return made(Action.ACCEPT, index) if 0 <= index < count else None
        if word == "e":
            number = rest.strip() or (typer.prompt("edit which proposal") if count > 1 else "1")
            if not number.isdigit() or not 0 < int(number) <= count:
                return None
            index = int(number) - 1
            text = typer.prompt("edited text", default=task.proposals[index].text)
            return made(Action.EDIT, index, text)
        if word == "w":
            return made(Action.OWN, text=rest.strip() or typer.prompt("your text"))
        if word == "r":
            return made(Action.REJECT)
        if word == "s":
            return made(Action.SKIP)
        return {"u": "undo", "q": "quit"}.get(word)


def show_task(task: LabelTask) -> None:
    post = task.post
    title = " · ".join(escape(fact) for fact in task.facts())
    render.out.print()
    render.out.print(
        Panel(escape(post.clean_text), title=title, subtitle=f"{task.remaining:,} to go")
    )
    if post.raw_text and post.raw_text != post.clean_text:
        render.out.print(f"[dim]raw: {escape(post.raw_text)}[/dim]", highlight=False)
    for number, proposal in enumerate(task.proposals, 1):
        render.out.print(f"[bold]{number}.[/bold] {escape(proposal.text)}", highlight=False)


# --- stats and export ------------------------------------------------------------------------


@app.command("stats")
def label_stats(
    ctx: typer.Context,
    persona: PersonaOpt,
    server: LabelServerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Labeling progress: posts labeled and remaining, by action, by annotator, labels/minute."""
    with labeler(state(ctx).settings(), server, interactive=False) as handle:
        progress = handle.progress(persona)
    render.emit(progress, as_json, show_progress)


def show_progress(progress: LabelProgress) -> None:
    table = Table(title=f"labels of {progress.persona}", header_style="bold")
    table.add_column("")
    table.add_column("posts", justify="right")
    table.add_row("labeled", f"{progress.labeled:,}")
    table.add_row("remaining", f"{progress.remaining:,}")
    table.add_row("leased now", f"{progress.open_tasks:,}")
    for action, count in sorted(progress.by_action.items()):
        table.add_row(f"  {action}", f"{count:,}")
    table.add_row("labels per minute", f"{progress.labels_per_minute:.1f}")
    render.out.print(table)
    if progress.annotators:
        people = Table(header_style="bold")
        for column in ("annotator", "labeled", "per minute", "last"):
            people.add_column(column, justify="left" if column == "annotator" else "right")
        for person in progress.annotators:
            last = person.last_at.strftime("%Y-%m-%d %H:%M") if person.last_at else "-"
            people.add_row(
                escape(person.annotator),
                f"{person.labeled:,}",
                f"{person.labels_per_minute:.1f}",
                last,
            )
        render.out.print(people)


@app.command("export")
def label_export(
    ctx: typer.Context,
    persona: PersonaOpt,
    out: Annotated[Path, typer.Option("--out", help="The JSONL file to write.")],
    kind: Annotated[
        str, typer.Option(help="sft (normaliser SFT rows) or prefs (preference pairs).")
    ] = "sft",
    fmt: Annotated[str, typer.Option("--format", help="trl, openai or likeness.")] = "trl",
    split: Annotated[str, typer.Option(help="train, heldout, or all (train first).")] = "all",
    server: LabelServerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Write the persona's labels as training rows (the trainer's own row builders). The file
    is replaced only once every row is written."""
    if kind not in EXPORT_KINDS:
        raise fail(f"--kind must be one of: {', '.join(EXPORT_KINDS)}")
    if fmt not in EXPORT_FORMATS:
        raise fail(f"--format must be one of: {', '.join(EXPORT_FORMATS)}")
    if split not in ("train", "heldout", "all"):
        raise fail("--split must be train, heldout or all")
    with labeler(state(ctx).settings(), server, interactive=False) as handle:
        total, lines = handle.export(
            persona, EXPORT_KINDS[kind], fmt, None if split == "all" else split
        )
        written = write_lines(out, lines)
    summary = {"rows": written, "total_rows": total, "path": str(out), "kind": kind, "format": fmt}
    if as_json:
        render.print_json(summary)
    elif written == 0:
        render.out.print(
            f"no {kind} rows for {persona} yet (label some posts first); wrote an empty {out}",
            highlight=False,
        )
    else:
        render.out.print(f"wrote {written:,} {kind} rows to {out}", highlight=False)


def write_lines(path: Path, lines: Iterator[str]) -> int:
    """Write the lines (one per line) to a temporary file beside ``path``, then rename it."""
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
    count = 0
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            for line in lines:
                file.write(line.rstrip("\n") + "\n")
                count += 1
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    return count
