"""The jobs screen over the real trainer service: jobs of every kind listed, cancel after a
confirm, live progress and loss of a running job, models activated or refused, its look at 80×24.

The trainer here runs no job worker, so a submitted job stays queued until the test claims it
with a made-up worker id and reports progress the way a worker does (``likeness.core.jobs``).
"""

from __future__ import annotations

import threading
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from label_fakes import FakeProposer
from registered_models import add_model
from report_cards import add_passing_report
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session
from textual.pilot import Pilot
from textual.widgets import DataTable, Label, ProgressBar
from textual.worker import WorkerState
from tui_services import loopback_services

from likeness.core import jobs
from likeness.core.db.models import Job, Persona
from likeness.core.job_worker import JobContext
from likeness.core.jobs import ProgressReport
from likeness.core.registry import NewModel, get_model, register
from likeness.core.settings import Settings
from likeness.inference.engines.transformers_engine import TransformersEngine
from likeness.tui.app import LikenessApp
from likeness.tui.screens.jobs import (
    ConfirmCancel,
    JobsScreen,
    LossPlot,
    headline,
    step_ticks,
)
from likeness.tui.services import Services

pytestmark = pytest.mark.anyio

TINY_SFT = {"max_steps": 2, "batch_size": 1}
FAKE_WORKER = "elsewhere:4242"  # no process of this host: nothing takes the job over


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def make_app(services: Services) -> LikenessApp:
    return LikenessApp(services, persona="mags", annotator="ann", health_poll_s=0)


def screen_of(app: LikenessApp) -> JobsScreen:
    screen = app.screen
    assert isinstance(screen, JobsScreen)
    return screen


async def settle(app: LikenessApp, pilot: Pilot[None]) -> None:
    """Every worker but a job watch done (a watch lasts as long as its job), and rendered."""
    others = [w for w in app.workers if w.group != "jobs-watch"]
    if others:  # (an empty list would mean every worker, the watch too)
        await app.workers.wait_for_complete(others)
    await pilot.pause()


async def until(pilot: Pilot[None], condition: Callable[[], bool], seconds: float = 10.0) -> None:
    """Wait for what a worker or the watch stream brings (the trainer polls the queue)."""
    for _ in range(int(seconds / 0.05)):
        if condition():
            return
        await pilot.pause(0.05)
    assert condition(), "timed out"


async def open_jobs(app: LikenessApp, pilot: Pilot[None]) -> JobsScreen:
    await pilot.press("f4")
    await settle(app, pilot)
    return screen_of(app)


def cell(app: LikenessApp, table: str, row: str, column: str) -> str:
    return str(app.screen.query_one(table, DataTable).get_cell(row, column))


def notes(app: LikenessApp) -> list[str]:
    return [str(note.message) for note in app._notifications]


def add_finished_normalisation(db: Engine, persona: str) -> str:
    """A normalisation job as the inference service leaves it when done (inserted as a row: the
    inference server here would claim a queued one itself)."""
    job_id = uuid.uuid4().hex
    now = datetime.now(UTC)
    with Session(db) as session, session.begin():
        owner = session.query(Persona.id).filter_by(slug=persona).scalar()
        session.add(
            Job(
                id=job_id,
                kind="normalize",
                persona_id=owner,
                config={},
                status=jobs.SUCCEEDED,
                cancel_requested=False,
                priority=0,
                attempts=1,
                max_attempts=3,
                worker="elsewhere:1:inference",
                progress=ProgressReport(step=330, total=330).as_dict(),
                result={"normalized": 330},
                error="",
                created_at=now,
                started_at=now,
                finished_at=now,
            )
        )
    return job_id


# --- jobs ----------------------------------------------------------------------------------------


async def test_lists_training_and_normalisation_jobs(services: Services, mags_db: Engine) -> None:
    assert services.trainer is not None
    training = services.trainer.submit("persona-sft", "mags", TINY_SFT)
    normalising = add_finished_normalisation(mags_db, "mags")
    app = make_app(services)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_jobs(app, pilot)
        assert set(screen.jobs) == {training, normalising}
        assert cell(app, "#jobs-table", training, "kind") == "persona-sft"
        assert cell(app, "#jobs-table", training, "status") == "queued"
        assert cell(app, "#jobs-table", training, "persona") == "mags"
        assert cell(app, "#jobs-table", normalising, "kind") == "normalize"
        assert cell(app, "#jobs-table", normalising, "progress") == "██████████ 100%"
        # Newest first: the normalisation, inserted last, is selected.
        assert screen.selected_job == normalising
        summary = str(screen.query_one("#job-summary", Label).render())
        assert summary.endswith("normalize · succeeded")


async def test_cancel_asks_first_and_cancels_on_yes(services: Services) -> None:
    assert services.trainer is not None
    job_id = services.trainer.submit("persona-sft", "mags", TINY_SFT)
    app = make_app(services)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_jobs(app, pilot)
        assert screen.selected_job == job_id
        await pilot.press("c")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmCancel)
        await pilot.press("n")  # kept
        await settle(app, pilot)
        assert app.screen is screen
        assert services.trainer.get(job_id).status == "queued"

        await pilot.press("c")
        await pilot.pause()
        await pilot.press("y")
        await settle(app, pilot)
        await until(pilot, lambda: cell(app, "#jobs-table", job_id, "status") == "cancelled")
        assert services.trainer.get(job_id).status == "cancelled"
        assert f"job {job_id[:8]} cancelled" in notes(app)

        await pilot.press("c")  # an ended job is not asked about again
        await pilot.pause()
        assert app.screen is screen
        assert f"job {job_id[:8]} has already ended (cancelled)" in notes(app)


async def test_running_job_progress_and_loss_update_live(
    services: Services, mags_db: Engine
) -> None:
    assert services.trainer is not None
    job_id = services.trainer.submit("persona-sft", "mags", TINY_SFT)
    jobs.claim_job(mags_db, job_id, FAKE_WORKER)

    def report(step: int, loss: float) -> None:
        progress = ProgressReport(step=step, total=10, loss=loss, eta_s=90.0)
        jobs.heartbeat(mags_db, job_id, FAKE_WORKER, progress=progress.as_dict())

    report(3, 2.5)
    app = make_app(services)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_jobs(app, pilot)
        bar = screen.query_one("#job-bar", ProgressBar)
        plot = screen.query_one(LossPlot)
        assert screen.watching == job_id  # selected and running: watched
        assert cell(app, "#jobs-table", job_id, "progress") == "███░░░░░░░  30%"
        assert (bar.display, bar.progress, bar.total) == (True, 3, 10)
        assert plot.points == [(3, 2.5)]
        assert "step 3/10 · loss 2.5 · eta 1m30s" in str(
            screen.query_one("#job-summary", Label).render()
        )

        report(6, 1.25)  # seen through the watch stream, not a reload
        await until(pilot, lambda: bar.progress == 6)
        assert cell(app, "#jobs-table", job_id, "progress") == "██████░░░░  60%"
        assert cell(app, "#jobs-table", job_id, "loss") == "1.25"
        assert plot.points == [(3, 2.5), (6, 1.25)]
        assert plot.caption == f"loss · {job_id[:8]} persona-sft"

        jobs.finish(mags_db, job_id, FAKE_WORKER, "succeeded", result={"model_id": "m" * 32})
        await until(pilot, lambda: cell(app, "#jobs-table", job_id, "status") == "succeeded")
        await until(pilot, lambda: screen.watching is None)

        # The done event carries the status; the result (the model) comes with the reload it
        # triggers, a moment later.
        def summary() -> str:
            return str(screen.query_one("#job-summary", Label).render())

        await until(pilot, lambda: "succeeded · model mmmmmmmm" in summary())


async def test_hiding_the_screen_ends_the_watch(services: Services, mags_db: Engine) -> None:
    assert services.trainer is not None
    job_id = services.trainer.submit("persona-sft", "mags", TINY_SFT)
    jobs.claim_job(mags_db, job_id, FAKE_WORKER)
    app = make_app(services)

    def watches() -> list[object]:
        return [
            w for w in app.workers if w.group == "jobs-watch" and w.state == WorkerState.RUNNING
        ]

    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_jobs(app, pilot)
        await until(pilot, lambda: len(watches()) == 1)
        await pilot.press("f1")
        await until(pilot, lambda: not watches())  # its stream closed, its thread returned
        assert screen.watching is None
        await pilot.press("f4")
        await until(pilot, lambda: len(watches()) == 1)
        assert screen.watching == job_id


async def test_without_a_trainer_it_says_so_once(services: Services) -> None:
    services._clients.pop("trainer").close()  # a trainer no server runs
    app = make_app(services)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_jobs(app, pilot)
        await pilot.press("r")
        await settle(app, pilot)
        said = [n for n in notes(app) if n.startswith("not connected to a trainer service")]
        assert len(said) == 1  # not once per reload
        summary = str(screen.query_one("#job-summary", Label).render())
        assert summary.startswith("not connected to a trainer service")


# --- models --------------------------------------------------------------------------------------


@pytest.fixture
def tiny_engine(tiny_model_dir: Path) -> TransformersEngine:
    return TransformersEngine.load(str(tiny_model_dir))


@pytest.fixture
def engine_services(
    tui_settings: Settings, mags_db: Engine, tiny_engine: TransformersEngine, proposer: FakeProposer
) -> Iterator[Services]:
    """The services, with the engine at hand (an adapter must fit what it serves)."""
    with loopback_services(tui_settings, mags_db, tiny_engine, proposer=proposer) as found:
        yield found


async def test_activate_a_model_or_say_why_not(
    engine_services: Services,
    mags_db: Engine,
    tiny_engine: TransformersEngine,
    tiny_adapter_dir: Path,
) -> None:
    other_base = add_model(
        mags_db, "mags", str(tiny_adapter_dir), kind="persona-lora", base="base", hours_ago=2
    )
    fits = add_model(
        mags_db,
        "mags",
        str(tiny_adapter_dir),
        kind="persona-lora",
        base=tiny_engine.model_id,
        template=tiny_engine.chat_template_sha256,
        hours_ago=1,
    )
    for model in (other_base, fits):
        add_passing_report(mags_db, model)  # the serving gate lets both through
    app = make_app(engine_services)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_jobs(app, pilot)
        await pilot.press("tab")
        assert screen.query_one("#models-table", DataTable).has_focus
        assert cell(app, "#models-table", other_base, "active") == "—"

        await pilot.press("a")  # the first (oldest) model: trained on another base
        await settle(app, pilot)
        refusal = [n for n in notes(app) if n.startswith(f"model {other_base[:8]} not activated")]
        assert refusal and "trained on base model 'base'" in refusal[0]
        assert not get_model(mags_db, other_base).active

        await pilot.press("down", "a")
        await settle(app, pilot)
        assert f"model {fits[:8]} is now the active persona adapter of mags" in notes(app)
        assert get_model(mags_db, fits).active
        await until(pilot, lambda: cell(app, "#models-table", fits, "active") == "● yes")
        assert f"persona-{fits}" in tiny_engine.adapters  # loaded by the running service


def test_headline_metrics() -> None:
    assert headline({"heldout_loss": 1.234, "train_loss": 1.5, "global_step": 8}) == (
        "eval 1.23 · train 1.5"
    )
    assert headline({"heldout_reward_accuracy": 0.75, "heldout_accuracy": 0.5}) == "acc 0.75"
    assert headline({"global_step": 8.0}) == "—"


async def test_a_job_opened_part_way_shows_its_whole_loss_curve(
    services: Services, mags_db: Engine
) -> None:
    assert services.trainer is not None
    job_id = services.trainer.submit("persona-sft", "mags", TINY_SFT)
    # Reported through a worker's JobContext, stored by its heartbeat, before the app starts.
    run = JobContext(jobs.claim_job(mags_db, job_id, FAKE_WORKER), threading.Event(), None)
    for step, loss in [(1, 3.0), (2, 2.5), (3, 2.0)]:
        run.report(ProgressReport(step=step, total=10, loss=loss))
    jobs.heartbeat(mags_db, job_id, FAKE_WORKER, progress=run.stored_progress())
    app = make_app(services)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_jobs(app, pilot)
        assert screen.query_one(LossPlot).points == [(1, 3.0), (2, 2.5), (3, 2.0)]


# --- look ----------------------------------------------------------------------------------------


def test_snapshot_80x24(services: Services, mags_db: Engine, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert services.trainer is not None
    submitted = services.trainer.submit("persona-sft", "mags", TINY_SFT)
    with mags_db.begin() as conn:  # fixed ids: the snapshot must not change from run to run
        conn.execute(update(Job).where(Job.id == submitted).values(id="0b5e55ed" + "0" * 24))
    register(
        mags_db,
        NewModel(
            kind="persona-lora",
            persona="mags",
            base_model="/models/tiny-llama",
            adapter_path="/runs/r1/final",
            metrics={"heldout_loss": 2.345, "train_loss": 2.5},
            id="5ca1ab1e" + "0" * 24,
        ),
    )
    app = make_app(services)

    async def show_jobs(pilot: Pilot[None]) -> None:
        await pilot.press("f4")
        await settle(app, pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=show_jobs)


def test_snapshot_of_the_cancel_confirm(services: Services, mags_db: Engine, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert services.trainer is not None
    submitted = services.trainer.submit("persona-sft", "mags", TINY_SFT)
    with mags_db.begin() as conn:
        conn.execute(update(Job).where(Job.id == submitted).values(id="0b5e55ed" + "2" * 24))
    app = make_app(services)

    async def ask(pilot: Pilot[None]) -> None:
        await pilot.press("f4")
        await settle(app, pilot)
        await pilot.press("c")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=ask)


def test_snapshot_of_a_running_job(services: Services, mags_db: Engine, snap_compare) -> None:  # type: ignore[no-untyped-def]
    assert services.trainer is not None
    job_id = "0b5e55ed" + "1" * 24
    submitted = services.trainer.submit("persona-sft", "mags", TINY_SFT)
    with mags_db.begin() as conn:
        conn.execute(update(Job).where(Job.id == submitted).values(id=job_id))
    jobs.claim_job(mags_db, job_id, FAKE_WORKER)
    progress = ProgressReport(step=6, total=10, loss=1.25, eta_s=90.0)
    jobs.heartbeat(mags_db, job_id, FAKE_WORKER, progress=progress.as_dict())
    app = make_app(services)

    async def show_running(pilot: Pilot[None]) -> None:
        await pilot.press("f4")
        await settle(app, pilot)
        screen = screen_of(app)
        # The curve as a screen that watched the first six steps has it (fixed, not timed).
        screen.losses[job_id] = [(1, 3.1), (2, 2.6), (3, 2.2), (4, 1.9), (5, 1.5), (6, 1.25)]
        screen.show_selected()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=show_running)


def test_plot_ticks_are_whole_steps() -> None:
    assert step_ticks(1, 3) == [1, 2, 3]
    assert step_ticks(1, 6) == [1, 2, 3, 4, 5, 6]
    assert step_ticks(10, 410) == [10, 110, 210, 310, 410]
