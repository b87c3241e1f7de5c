"""``likeness jobs [show | watch | cancel | resume | work]``: the training queue.

Embedded (no ``--server``, no trainer_addr setting) a job runs in this process by the same
worker the trainer service runs, so Ctrl-C saves a checkpoint and the job resumes later where it
stopped. With a server, the same commands print the same output.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from typing import TYPE_CHECKING, Annotated

import typer

from likeness.cli import backend, render
from likeness.cli.app import (
    JsonOpt,
    OptionalPersonaOpt,
    ServerOpt,
    fail,
    listing,
    new_typer,
    state,
    trainer_server,
)
from likeness.core.jobs import JobHeld

if TYPE_CHECKING:
    from likeness.core.jobs import JobInfo, ProgressReport

app = new_typer(
    "Training jobs in the queue: list, show, watch, cancel, resume, or work on them.",
    no_args_is_help=False,
)

STATUSES = ("queued", "running", "succeeded", "failed", "cancelled")
FULL_ID = 32
EXIT_INTERRUPTED = 130

JobIdArg = Annotated[
    str, typer.Argument(help="The job id, or a unique prefix of it (see `likeness jobs`).")
]


def unique_id(prefix: str, known: Callable[[], list[str]], what: str) -> str:
    """The one id that starts with ``prefix`` (the tables show the first 12 characters)."""
    if len(prefix) >= FULL_ID:
        return prefix
    matches = sorted({i for i in known() if i.startswith(prefix)})
    if len(matches) == 1:
        return matches[0]
    if matches:
        shown = ", ".join(m[: render.SHORT_ID] for m in matches)
        raise fail(f"{what} id {prefix!r} is ambiguous: {shown}")
    return prefix  # let the lookup say it does not exist, in its own words


def resolve_job_id(handle: backend.Trainer, job_id: str) -> str:
    def recent() -> list[str]:
        return [j.id for j in handle.list_jobs(persona=None, statuses=None, limit=1000)]

    return unique_id(job_id, recent, "job")


def label(job: JobInfo) -> str:
    return f"{job.kind} · {job.persona}" if job.persona else job.kind


def finished(job: JobInfo, as_json: bool) -> None:
    """The end of a job: its outcome, and the exit code that goes with it."""
    render.emit(job, as_json, render.show_finished)
    if job.status in ("failed", "cancelled"):
        raise typer.Exit(1)


def run_here(
    handle: backend.EmbeddedTrainer,
    job_id: str | None,
    as_json: bool,
    *,
    take_over: bool = False,
    announce: bool = True,
) -> JobInfo | None:
    """Run a job in this process with a live bar; Ctrl-C checkpoints and hands it back.
    ``take_over`` also claims a job whose worker died (``jobs resume``). Returns the job as it
    ended (None: nothing waited); ``announce=False`` leaves saying how it ended to the caller."""
    with render.job_progress(not as_json) as display:

        def on_progress(job: JobInfo, progress: ProgressReport) -> None:
            display.update(job.id, label(job), "running", progress)

        if take_over and job_id is not None:
            job, interrupted = handle.resume(job_id, on_progress)
        else:
            job, interrupted = handle.run(job_id, on_progress)
    if job is None and job_id is not None:  # another worker took it first: follow it there
        return follow(handle, job_id, label(handle.get(job_id)), as_json, announce=announce)
    if job is None:
        render.err.print("no job is waiting")
        return None
    if interrupted and not job.done:
        render.err.print(
            f"stopped: checkpoint saved, job {job.id} is back in the queue; resume with "
            f"`likeness jobs resume {job.id}` (or any `likeness jobs work`)",
            highlight=False,
        )
        raise typer.Exit(EXIT_INTERRUPTED)
    if announce:
        finished(job, as_json)
    return job


def follow(
    handle: backend.Trainer, job_id: str, name: str, as_json: bool, *, announce: bool = True
) -> JobInfo:
    """Watch a job that runs elsewhere; Ctrl-C stops watching, not the job. Returns the job as
    it ended (``announce=False``: without saying so)."""
    try:
        with render.job_progress(not as_json) as display:
            for event in handle.watch(job_id):
                display.update(job_id, name, event.status, event.progress)
    except KeyboardInterrupt:
        render.err.print(
            f"stopped watching; job {job_id} goes on (likeness jobs watch {job_id})",
            highlight=False,
        )
        raise typer.Exit(EXIT_INTERRUPTED) from None
    job = handle.get(job_id)
    if announce:
        finished(job, as_json)
    return job


def _trainer(ctx: typer.Context, server: str | None) -> AbstractContextManager[backend.Trainer]:
    return backend.trainer(state(ctx).settings(), trainer_server(ctx, server))


@contextmanager
def _one_job(
    ctx: typer.Context, server: str | None, job_id: str
) -> Iterator[tuple[backend.Trainer, JobInfo]]:
    """The trainer, and the job an id (or a unique prefix of one) names."""
    with _trainer(ctx, server) as handle:
        yield handle, handle.get(resolve_job_id(handle, job_id))


@app.callback(invoke_without_command=True)
def jobs_list(
    ctx: typer.Context,
    persona: OptionalPersonaOpt = None,
    status: Annotated[
        list[str] | None,
        typer.Option("--status", help=f"Only these statuses ({', '.join(STATUSES)})."),
    ] = None,
    limit: Annotated[int, typer.Option(help="Newest N jobs.")] = 50,
    server: ServerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List training jobs, newest first (or run one of the commands below)."""
    if not listing(ctx, server):
        return
    unknown = sorted(set(status or []) - set(STATUSES))
    if unknown:
        raise fail(f"unknown status {', '.join(unknown)}; choose from {', '.join(STATUSES)}")
    with _trainer(ctx, server) as handle:
        found = handle.list_jobs(persona=persona, statuses=status or None, limit=limit)
    render.emit(found, as_json, render.show_jobs)


JobAction = Callable[[backend.Trainer, "JobInfo", bool], None]


def job_command(name: str, help: str) -> Callable[[JobAction], JobAction]:
    """Register ``likeness jobs NAME ID``: ``act(trainer, job, as_json)`` on the job ID names."""

    def register(act: JobAction) -> JobAction:
        def command(
            ctx: typer.Context,
            job_id: JobIdArg,
            server: ServerOpt = None,
            as_json: JsonOpt = False,
        ) -> None:
            with _one_job(ctx, server, job_id) as (handle, job):
                act(handle, job, as_json)

        app.command(name, help=help)(command)
        return act

    return register


@job_command("show", "Everything about one job: config, progress, result or error.")
def jobs_show(handle: backend.Trainer, job: JobInfo, as_json: bool) -> None:
    render.emit(job, as_json, render.show_job)


@job_command("watch", "Follow a job's progress until it ends (Ctrl-C stops watching, not the job).")
def jobs_watch(handle: backend.Trainer, job: JobInfo, as_json: bool) -> None:
    follow(handle, job.id, label(job), as_json)


@job_command(
    "cancel", "Cancel a job: a queued one at once, a running one at its worker's next heartbeat."
)
def jobs_cancel(handle: backend.Trainer, job: JobInfo, as_json: bool) -> None:
    render.emit(handle.cancel(job.id), as_json, _cancelled)


def _cancelled(job: JobInfo) -> None:
    if job.status == "cancelled":
        render.out.print(f"job {job.id} cancelled", highlight=False)
    elif job.cancel_requested:
        render.out.print(
            f"job {job.id}: cancel requested; its worker stops at the next heartbeat",
            highlight=False,
        )
    else:
        render.out.print(f"job {job.id} already {job.status}", highlight=False)


@job_command(
    "resume",
    """Resume a stopped job from its last checkpoint (here; with a server, its workers do).

    A job still marked running whose worker died (its lease ran out) is taken over here; one a
    live worker holds is followed instead.""",
)
def jobs_resume(handle: backend.Trainer, job: JobInfo, as_json: bool) -> None:
    if job.done:
        raise fail(f"job {job.id} already {job.status}")
    if not isinstance(handle, backend.EmbeddedTrainer):
        follow(handle, job.id, label(job), as_json)
        return
    try:
        run_here(handle, job.id, as_json, take_over=True)
    except JobHeld as held:  # a live worker runs it: watch it there
        render.err.print(str(held), highlight=False)
        follow(handle, job.id, label(job), as_json)


@app.command("work")
def jobs_work(
    ctx: typer.Context,
    once: Annotated[bool, typer.Option("--once", help="Run one waiting job, then exit.")] = False,
    lease: Annotated[float, typer.Option(help="Lease seconds (renewed every third of it).")] = 60.0,
    poll: Annotated[float, typer.Option(help="Seconds between looks at an empty queue.")] = 2.0,
    as_json: JsonOpt = False,
) -> None:
    """Work on the queue in this process: claim jobs from the database (the database_url
    setting; a shared PostgreSQL makes any number of machines workers). Ctrl-C checkpoints and
    stops."""
    from likeness.trainer.worker import Worker

    with backend.embedded_trainer(state(ctx).settings()) as handle:
        if once:
            run_here(handle, None, as_json)
            return
        stop = threading.Event()
        with render.job_progress(not as_json) as display:
            worker = Worker(
                handle.db,
                handle.settings,
                lease_s=lease,
                poll_s=poll,
                stop=stop,
                on_progress=lambda job, progress: display.update(
                    job.id, f"{job.id[:8]} {label(job)}", "running", progress
                ),
            )
            render.err.print(f"worker {worker.worker_id}: waiting for jobs (Ctrl-C stops)")
            with backend.training_prints_to_stderr():
                worker.run_forever(stop)
