"""The jobs screen: the job queue (training and normalisation) and the model registry.

    jobs table     id, kind, persona, status, progress, loss (every kind: normalisation too)
    selected job   one line: what it is doing, and its progress bar
    models table   id, kind, persona, base, active, headline metrics
    loss plot      the selected job's loss by step

``c`` cancels the selected job (after a confirm), ``a`` activates the selected model (the
trainer's ActivateModel: a persona adapter or a normaliser, each its own slot), ``r`` reloads,
``tab`` moves between the tables. Both tables reload every ``REFRESH_S`` seconds while the screen
is shown, in a worker. The selected job, while it runs, is also watched (``TrainerClient.watch``
in an exclusive worker that a new selection, or hiding the screen, cancels), so its bar and plot
move with every report. The loss curve starts from the history the queue keeps with the job
(``JobInfo.loss_history``: the whole run, thinned past 256 points), so a job opened part-way
shows its run from the first step.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import closing
from dataclasses import replace
from typing import ClassVar, cast

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.timer import Timer
from textual.widgets import Button, DataTable, Footer, Label, Markdown, ProgressBar
from textual.worker import Worker, WorkerState, get_current_worker
from textual_plotext import PlotextPlot

from likeness.core.errors import GateFailed
from likeness.core.jobs import (
    CANCELLED,
    FAILED,
    QUEUED,
    RUNNING,
    SUCCEEDED,
    JobInfo,
    add_loss_point,
)
from likeness.core.registry import ModelInfo
from likeness.core.reports import ReportNotFound, StoredReport
from likeness.core.reports import headline as report_headline
from likeness.trainer.training_jobs import JobEvent
from likeness.tui.screens.base import ServiceScreen
from likeness.tui.working import background, describe

#: Seconds between reloads of both tables while the screen is shown.
REFRESH_S = 2.0
#: The watch stream is re-opened this often (each opening reports the job's state at once), so
#: a cancelled watch worker notices within this long and closes its stream.
WATCH_CHECK_S = 2.0
JOB_LIMIT = 50
BAR_CELLS = 10
#: The metrics worth a column, best first (what the recipes record), and their short names.
HEADLINE_METRICS = (
    ("heldout_loss", "eval"),
    ("heldout_reward_accuracy", "acc"),
    ("heldout_accuracy", "acc"),
    ("heldout_reward", "reward"),
    ("train_loss", "train"),
)
STATUS_STYLES = {
    QUEUED: "",
    RUNNING: "bold",
    SUCCEEDED: "green",
    FAILED: "red",
    CANCELLED: "dim",
}


# --- cells ---------------------------------------------------------------------------------------


def short_id(full: str) -> str:
    return full[:8]


def bar_text(fraction: float) -> str:
    """A bar of ``BAR_CELLS`` cells and the percentage, for a table cell."""
    fraction = min(max(fraction, 0.0), 1.0)
    filled = round(fraction * BAR_CELLS)
    return f"{'█' * filled}{'░' * (BAR_CELLS - filled)} {fraction:>4.0%}"


def progress_cell(job: JobInfo) -> Text:
    report = job.report
    if report.total > 0:
        return Text(bar_text(report.step / report.total))
    if job.status == SUCCEEDED:
        return Text(bar_text(1.0))
    return Text("—", style="dim")


def loss_cell(job: JobInfo) -> Text:
    loss = job.report.loss
    return Text(f"{loss:.4g}" if loss else "—", style="" if loss else "dim")


def job_cells(job: JobInfo) -> list[Text]:
    status = job.status + ("*" if job.cancel_requested and job.status == RUNNING else "")
    return [
        Text(short_id(job.id)),
        Text(job.kind),
        Text(job.persona or "—"),
        Text(status, style=STATUS_STYLES.get(job.status, "")),
        progress_cell(job),
        loss_cell(job),
    ]


def headline(metrics: dict[str, float]) -> str:
    """At most two metrics, the most telling first: ``eval 1.23 · train 1.51``."""
    shown: list[str] = []
    for key, name in HEADLINE_METRICS:
        if key in metrics and not any(s.startswith(f"{name} ") for s in shown):
            shown.append(f"{name} {metrics[key]:.3g}")
    return " · ".join(shown[:2]) or "—"


def base_name(base: str, width: int = 12) -> str:
    """The base model's last path part (its name, not the folder it was found in), cut to fit."""
    name = base.rstrip("/").rsplit("/", 1)[-1] or base
    return name if len(name) <= width else name[: width - 1] + "…"


def model_cells(model: ModelInfo) -> list[Text]:
    # A persona model's report card says more than its training loss: show that once it has one.
    figures = report_headline(model.report) if model.report else headline(model.metrics)
    return [
        Text(short_id(model.id)),
        Text(model.kind),
        Text(model.persona or "—"),
        Text(base_name(model.base_model)),
        Text("● yes", style="green bold") if model.active else Text("—", style="dim"),
        Text(figures),
    ]


def slot_name(kind: str) -> str:
    return "normaliser" if kind == "normalizer" else "persona adapter"


def eta_text(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s"


def job_summary(job: JobInfo | None, jobs_listed: int) -> str:
    """The selected job in one line: what it is doing now, or how it ended."""
    if job is None:
        if jobs_listed:
            return "no job selected"
        return "no jobs yet: `likeness train RECIPE --persona SLUG` queues one"
    head = f"{short_id(job.id)} {job.kind}"
    report = job.report
    if job.status == QUEUED:
        return f"{head} · queued, waiting for a worker"
    if job.status == RUNNING:
        parts = [head]
        if report.total:
            parts.append(f"step {report.step}/{report.total}")
        if report.loss:
            parts.append(f"loss {report.loss:.4g}")
        if report.eta_s:
            parts.append(f"eta {eta_text(report.eta_s)}")
        if job.cancel_requested:
            parts.append("cancel requested")
        elif report.message:
            parts.append(report.message)
        return " · ".join(parts)
    if job.status == SUCCEEDED:
        model = str(job.result.get("model_id") or "")
        return f"{head} · succeeded" + (f" · model {short_id(model)}" if model else "")
    if job.status == FAILED:
        return f"{head} · failed: {job.error or report.message or 'no reason given'}"
    return f"{head} · {job.status}"


# --- widgets -------------------------------------------------------------------------------------


class LossPlot(PlotextPlot):
    """The selected job's loss by step (``points``: what is drawn now)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.points: list[tuple[int, float]] = []
        self.caption = ""

    def show(self, title: str, points: list[tuple[int, float]]) -> None:
        self.points = list(points)
        self.caption = title
        plt = self.plt
        plt.clear_figure()
        plt.title(title)
        if points:
            steps = [step for step, _ in points]
            plt.plot(steps, [loss for _, loss in points], marker="braille")
            # Whole steps on the axis, not plotext's 2.2, 3.5, …
            plt.xticks([float(t) for t in step_ticks(steps[0], steps[-1])])
        self.refresh()


def step_ticks(first: int, last: int, most: int = 5) -> list[int]:
    """At most ``most`` whole steps from ``first`` to ``last``, evenly spread."""
    if last - first <= most:
        return list(range(first, last + 1))
    return sorted({round(first + i * (last - first) / (most - 1)) for i in range(most)})


class Confirm(ModalScreen[bool]):
    """A yes/no question before something that cannot be taken back; y/n or the buttons."""

    DEFAULT_CSS = """
    Confirm { align: center middle; }
    Confirm #confirm {
        width: 60; height: auto; padding: 1 2; border: thick $error; background: $surface;
    }
    Confirm #confirm Label { width: 100%; }
    Confirm #confirm-buttons { height: auto; margin-top: 1; align-horizontal: center; }
    Confirm Button { margin: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("y", "answer(True)", "Yes", id="jobs.confirm_yes"),
        Binding("n,escape", "answer(False)", "No", id="jobs.confirm_no"),
    ]

    def __init__(self, question: str, yes: str, no: str) -> None:
        super().__init__()
        self.question, self.yes, self.no = question, yes, no

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm"):
            yield Label(self.question, markup=False)
            with Horizontal(id="confirm-buttons"):
                yield Button(f"{self.yes} (y)", variant="error", id="confirm-yes")
                yield Button(f"{self.no} (n)", id="confirm-no")

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "confirm-yes")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)


class ConfirmCancel(Confirm):
    """Asks before a job is cancelled (a cancelled run does not resume)."""

    def __init__(self, job: JobInfo) -> None:
        what = "stops at its next safe point" if job.status == RUNNING else "will not run"
        super().__init__(
            f"Cancel job {short_id(job.id)} ({job.kind}, {job.persona or 'no persona'}, "
            f"{job.status})? It {what}.",
            "Cancel job",
            "Keep it",
        )
        self.job = job


class ConfirmForce(Confirm):
    """Asks before a persona model that fails its serving gate is activated anyway."""

    def __init__(self, model: ModelInfo, reason: str) -> None:
        super().__init__(
            f"Model {short_id(model.id)} was refused by the serving gate: {reason}\n\n"
            f"Serve it for {model.persona} anyway?",
            "Activate anyway",
            "Leave it",
        )
        self.model = model


class ReportCardView(ModalScreen[None]):
    """A model's report card (its markdown), read-only; Esc or q closes it."""

    DEFAULT_CSS = """
    ReportCardView { align: center middle; }
    ReportCardView #card-box {
        width: 95%; height: 90%; border: thick $primary; background: $surface;
    }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q", "close", "Close", id="jobs.card_close"),
    ]

    def __init__(self, report: StoredReport) -> None:
        super().__init__()
        self.report = report

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="card-box") as box:
            box.border_title = f"report card · model {short_id(self.report.model_id)}"
            box.border_subtitle = f"{self.report.report_dir} · Esc closes"
            yield Markdown(self.report.markdown)

    def action_close(self) -> None:
        self.dismiss(None)


# --- the screen ----------------------------------------------------------------------------------


class JobsScreen(ServiceScreen):
    """See the module docstring."""

    CSS_PATH = "jobs.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("c", "cancel_job", "Cancel job", id="jobs.cancel"),
        Binding("a", "activate_model", "Activate model", id="jobs.activate"),
        Binding("v", "view_report", "Card", id="jobs.report"),
        Binding("r", "reload", "Refresh", id="jobs.refresh"),
        Binding("tab", "switch_table", "Jobs/Models", id="jobs.switch_table"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.jobs: dict[str, JobInfo] = {}
        self.models: dict[str, ModelInfo] = {}
        #: (step, loss) of each job, as seen by this screen.
        self.losses: dict[str, list[tuple[int, float]]] = {}
        self.selected_job: str | None = None
        #: The job the watch worker follows now (None: no watch runs).
        self.watching: str | None = None
        self._shown = False
        self._timer: Timer | None = None
        self._list_error: str | None = None
        self._watch_worker: Worker[None] | None = None

    def compose(self) -> ComposeResult:
        yield from self.top_bar()
        jobs: DataTable[Text] = DataTable(id="jobs-table", cursor_type="row", zebra_stripes=True)
        jobs.border_title = "Jobs"
        yield jobs
        with Horizontal(id="job-detail"):
            yield Label("", id="job-summary", markup=False)
            yield ProgressBar(id="job-bar", show_eta=False)
        models: DataTable[Text] = DataTable(
            id="models-table", cursor_type="row", zebra_stripes=True
        )
        models.border_title = "Models"
        yield models
        yield LossPlot(id="loss-plot")
        yield Footer()

    def on_mount(self) -> None:
        jobs = self.query_one("#jobs-table", DataTable)
        for key, label, width in (
            ("id", "id", 8),
            ("kind", "kind", 14),
            ("persona", "persona", 10),
            ("status", "status", 10),
            ("progress", "progress", 15),
            ("loss", "loss", 7),
        ):
            jobs.add_column(label, key=key, width=width)
        models = self.query_one("#models-table", DataTable)
        for key, label, width in (
            ("id", "id", 8),
            ("kind", "kind", 12),
            ("persona", "persona", 8),
            ("base", "base", 12),
            ("active", "active", 6),
        ):
            models.add_column(label, key=key, width=width)
        # A fixed width (the report headline's): an auto-sized last column was measured before its
        # cells at times, and cut them to the header's width.
        models.add_column("metrics", key="metrics", width=38)
        self._timer = self.set_interval(REFRESH_S, self.reload, pause=True)
        self.show_selected()

    # --- shown or hidden ---

    def on_screen_resume(self) -> None:
        self._shown = True
        if self._timer is not None:
            self._timer.resume()
        self.reload()
        self.follow()

    def on_screen_suspend(self) -> None:
        # Hidden (another screen, or the cancel confirm): no polling and no open stream.
        self._shown = False
        if self._timer is not None:
            self._timer.pause()
        self.follow()

    # --- loading ---

    @background(group="jobs-list")
    def reload(self) -> None:
        worker = get_current_worker()
        try:
            trainer = self.services.require("trainer")
            jobs = trainer.list_jobs(limit=JOB_LIMIT)
            models = trainer.list_models()
        except Exception as exc:
            if not worker.is_cancelled:
                self.app.call_from_thread(self.list_failed, describe(exc))
            return
        if not worker.is_cancelled:
            self.app.call_from_thread(self.show_lists, jobs, models)

    def list_failed(self, message: str) -> None:
        # Reloads repeat every few seconds: say a failure once, not at every reload.
        if message != self._list_error:
            self._list_error = message
            self.notify(message, severity="error", timeout=8, markup=False)
        if not self.jobs:  # instead of "no jobs yet", which it cannot tell
            self.query_one("#job-summary", Label).update(message)

    def show_lists(self, jobs: list[JobInfo], models: list[ModelInfo]) -> None:
        self._list_error = None
        self.jobs = {job.id: job for job in jobs}
        for job in jobs:
            seen = self.losses.setdefault(job.id, [])
            # The queue's history covers the run before this screen saw it.
            if len(job.loss_history) > len(seen):
                seen[:] = job.loss_history
            add_loss_point(seen, job.report.step, job.report.loss)
        fill(self.query_one("#jobs-table", DataTable), {j.id: job_cells(j) for j in jobs})
        self.models = {model.id: model for model in models}
        fill(self.query_one("#models-table", DataTable), {m.id: model_cells(m) for m in models})
        self.select_job(highlighted(self.query_one("#jobs-table", DataTable)))
        self.show_selected()
        self.follow()

    # --- the selected job ---

    @on(DataTable.RowHighlighted, "#jobs-table")
    def job_highlighted(self, event: DataTable.RowHighlighted) -> None:
        # The cursor as it is now, not as the event says: a reload moves it more than once.
        self.select_job(highlighted(event.data_table))

    def select_job(self, job_id: str | None) -> None:
        if job_id == self.selected_job:
            return
        self.selected_job = job_id
        self.show_selected()
        self.follow()

    def show_selected(self) -> None:
        job = self.jobs.get(self.selected_job or "")
        self.query_one("#job-summary", Label).update(job_summary(job, len(self.jobs)))
        bar = self.query_one("#job-bar", ProgressBar)
        report = job.report if job else None
        # A job that has not said how far it goes gets no bar: an indeterminate one would only
        # move for the sake of moving.
        bar.display = bool(report and report.total)
        if report and report.total:
            bar.update(total=report.total, progress=min(report.step, report.total))
        plot = self.query_one(LossPlot)
        if job is None:
            plot.show("loss of the selected job", [])
            return
        points = self.losses.get(job.id, [])
        head = f"loss · {short_id(job.id)} {job.kind}"
        plot.show(head if points else f"{head} · none reported yet", points)

    def follow(self) -> None:
        """Watch the selected job while it runs and the screen is shown; else watch nothing."""
        job = self.jobs.get(self.selected_job or "")
        wanted = job.id if job and job.status == RUNNING and self._shown else None
        if wanted == self.watching:
            return
        self.watching = wanted
        if wanted is None:
            self.workers.cancel_group(self, "jobs-watch")
            self._watch_worker = None
        else:
            # exclusive: cancels the watch of the job selected before. (@work returns the
            # Worker; ``background`` keeps the method's own signature for the type checker.)
            start = cast(Callable[[str], "Worker[None]"], self.watch_job)
            self._watch_worker = start(wanted)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        super().on_worker_state_changed(event)
        # A watch that ended by itself (its job ended, or the stream broke): the next reload
        # starts another if the job still runs.
        if event.worker is self._watch_worker and event.state in (
            WorkerState.SUCCESS,
            WorkerState.ERROR,
        ):
            self._watch_worker = None
            self.watching = None

    @background(group="jobs-watch")
    def watch_job(self, job_id: str) -> None:
        worker = get_current_worker()
        trainer = self.services.require("trainer")
        # closing(): leaving the loop early closes the generator, which cancels the stream.
        with closing(trainer.watch(job_id, deadline_s=WATCH_CHECK_S)) as events:
            for event in events:
                if worker.is_cancelled:
                    return
                self.app.call_from_thread(self.show_event, event)

    def show_event(self, event: JobEvent) -> None:
        job = self.jobs.get(event.job_id)
        if job is None:
            return
        job = replace(job, status=event.status, progress=event.progress.as_dict())
        self.jobs[job.id] = job
        add_loss_point(self.losses.setdefault(job.id, []), event.progress.step, event.progress.loss)
        fill_row(self.query_one("#jobs-table", DataTable), job.id, job_cells(job))
        if job.id == self.selected_job:
            self.show_selected()
        if event.done:
            self.reload()  # its final state (result, error) and what else changed meanwhile

    # --- actions ---

    def action_reload(self) -> None:
        self.reload()

    def action_switch_table(self) -> None:
        jobs = self.query_one("#jobs-table", DataTable)
        models = self.query_one("#models-table", DataTable)
        (models if jobs.has_focus else jobs).focus()

    def action_cancel_job(self) -> None:
        job = self.jobs.get(self.selected_job or "")
        if job is None:
            self.notify("no job selected", severity="warning")
            return
        if job.done:
            self.notify(f"job {short_id(job.id)} has already ended ({job.status})", markup=False)
            return

        def answered(yes: bool | None) -> None:
            if yes:
                self.cancel_job(job.id)

        self.app.push_screen(ConfirmCancel(job), answered)

    @background(exclusive=False, group="jobs-cancel")
    def cancel_job(self, job_id: str) -> None:
        info = self.services.require("trainer").cancel(job_id)
        if info.status == CANCELLED:
            self.notify(f"job {short_id(job_id)} cancelled", markup=False)
        else:
            self.notify(
                f"job {short_id(job_id)}: cancel requested; it stops at its worker's next "
                "heartbeat",
                markup=False,
            )
        self.app.call_from_thread(self.reload)

    def action_activate_model(self) -> None:
        model = self.models.get(highlighted(self.query_one("#models-table", DataTable)) or "")
        if model is None:
            self.notify("no model selected (tab moves to the models table)", severity="warning")
            return
        self.notify(f"activating model {short_id(model.id)} …", markup=False)
        self.activate_model(model.id)

    def action_view_report(self) -> None:
        model = self.models.get(highlighted(self.query_one("#models-table", DataTable)) or "")
        if model is None:
            self.notify("no model selected (tab moves to the models table)", severity="warning")
            return
        self.fetch_report(model.id)

    @background(exclusive=True, group="models-report")
    def fetch_report(self, model_id: str) -> None:
        try:
            report = self.services.require("trainer").report(model_id)
        except ReportNotFound:
            self.notify(
                f"model {short_id(model_id)} has no report card yet: likeness eval {model_id}",
                severity="warning",
                timeout=10,
                markup=False,
            )
            return
        except Exception as exc:
            self.notify(describe(exc), severity="error", markup=False)
            return
        self.app.call_from_thread(self.app.push_screen, ReportCardView(report))

    @background(exclusive=False, group="models-activate")
    def activate_model(self, model_id: str, force: bool = False) -> None:
        try:
            info = self.services.require("trainer").activate(model_id, force=force)
        except GateFailed as exc:
            # A gate refusal can be overridden, after a confirm that says why it refused.
            model = self.models.get(model_id)
            if model is not None:
                reason = str(exc).split(": ", 1)[-1].removesuffix(" (activate anyway with --force)")
                self.app.call_from_thread(self.confirm_force, model, reason)
                return
            self.notify(
                f"model {short_id(model_id)} not activated: {describe(exc)}",
                severity="error",
                timeout=12,
                markup=False,
            )
            return
        except Exception as exc:
            # A refusal (another base model, files missing) is an answer, not a crash: say why.
            self.notify(
                f"model {short_id(model_id)} not activated: {describe(exc)}",
                severity="error",
                timeout=12,
                markup=False,
            )
            return
        self.notify(
            f"model {short_id(info.id)} is now the active {slot_name(info.kind)} of {info.persona}",
            markup=False,
        )
        self.app.call_from_thread(self.reload)

    def confirm_force(self, model: ModelInfo, reason: str) -> None:
        def answered(yes: bool | None) -> None:
            if yes:
                self.notify(f"activating model {short_id(model.id)} anyway …", markup=False)
                self.activate_model(model.id, force=True)

        self.app.push_screen(ConfirmForce(model, reason), answered)


# --- table helpers -------------------------------------------------------------------------------


def highlighted(table: DataTable[Text]) -> str | None:
    """The key of the row under the cursor (None: an empty table)."""
    if not table.row_count:
        return None
    row = table.coordinate_to_cell_key(table.cursor_coordinate).row_key
    return None if row.value is None else str(row.value)


def fill_row(table: DataTable[Text], key: str, cells: list[Text]) -> None:
    columns = [column.key for column in table.ordered_columns]
    if key in table.rows:
        for column, cell in zip(columns, cells, strict=True):
            # Re-measured: a value that grows after the first fill (a loss, a report) must not be
            # cut to the width its column got then.
            table.update_cell(key, column, cell, update_width=True)


def fill(table: DataTable[Text], rows: dict[str, list[Text]]) -> None:
    """Show ``rows`` (in order, by key), keeping the cursor on the row it was on."""
    if [row.value for row in table.rows] == list(rows):
        for key, cells in rows.items():
            fill_row(table, key, cells)  # same rows: update in place (no flicker, no jump)
        return
    keep = highlighted(table)
    table.clear()
    for key, cells in rows.items():
        table.add_row(*cells, key=key)
    if keep in rows:
        table.move_cursor(row=table.get_row_index(keep), animate=False)
