"""The trainer's job worker: runs, fails, cancels, hands back and resumes jobs from the queue.

Training is the test-only ``test-steps`` recipe (``tests/helpers/steps_recipe.py``), which steps
through a loop in milliseconds, so these tests exercise the worker and the queue, not a model.
"""

from __future__ import annotations

import os
import shutil
import signal
import threading
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from dead_worker import dead_local_worker
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session
from steps_recipe import use_steps_recipe

from likeness.core import jobs
from likeness.core.db import create_db_engine
from likeness.core.db.models import Job, Persona
from likeness.core.jobs import JobInfo, ProgressReport
from likeness.core.registry import list_models
from likeness.core.settings import Settings
from likeness.trainer.recipes import registry
from likeness.trainer.worker import Worker

STEPS = "test-steps"


@pytest.fixture
def steps_recipe(monkeypatch: pytest.MonkeyPatch) -> str:
    """Register the test-only recipe under ``test-steps`` for this test."""
    return use_steps_recipe(monkeypatch)


@pytest.fixture
def settings(tmp_path: Path, db_url: str, tiny_model_dir: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", database_url=db_url, model=str(tiny_model_dir))


@pytest.fixture
def persona(engine: Engine) -> str:
    with Session(engine) as session, session.begin():
        session.add(Persona(slug="mags", display_name="Mags", card="You are Mags.", settings={}))
    return "mags"


def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


@pytest.fixture
def background() -> Iterator[Callable[[Callable[[], object]], threading.Thread]]:
    threads: list[threading.Thread] = []

    def start(target: Callable[[], object]) -> threading.Thread:
        thread = threading.Thread(target=target, daemon=True)
        thread.start()
        threads.append(thread)
        return thread

    yield start
    for thread in threads:
        thread.join(timeout=10)


def starts(settings: Settings, job_id: str) -> list[int]:
    log = settings.data_dir / "runs" / job_id / "starts.log"
    return [int(line) for line in log.read_text().split()]


def test_a_job_runs_to_success_and_registers_its_model(
    engine: Engine, settings: Settings, steps_recipe: str, persona: str
) -> None:
    job_id = jobs.submit(engine, steps_recipe, persona=persona, config={"steps": 4})
    seen: list[tuple[str, int]] = []

    def on_progress(job: JobInfo, progress: ProgressReport) -> None:
        seen.append((job.id, progress.step))

    worker = Worker(engine, settings, worker_id="w1", on_progress=on_progress)
    assert worker.kinds == [*registry.recipe_names(), "eval", "arena"]
    assert steps_recipe in worker.kinds
    done = worker.run_once()
    assert done is not None and done.id == job_id
    assert done.status == "succeeded", done.error
    assert [step for _, step in seen] == [1, 2, 3, 4] and {j for j, _ in seen} == {job_id}
    assert done.progress["step"] == done.progress["total"] == 4
    models = list_models(engine, persona)
    assert [m.id for m in models] == [done.result["model_id"]]
    assert models[0].kind == "persona-lora" and models[0].metrics["heldout_loss"] == 0.5
    assert done.result["global_step"] == 4
    assert (settings.data_dir / "runs" / job_id / "run.json").is_file()
    assert worker.run_once() is None  # nothing left


def test_bad_config_and_failing_runs_fail_the_job_not_the_worker(
    engine: Engine, settings: Settings, steps_recipe: str, persona: str
) -> None:
    # Submitted around the validation SubmitJob does, as an older client might have.
    bad = jobs.submit(engine, steps_recipe, persona=persona, config={"epochs": -1, "nope": 1})
    empty = jobs.submit(engine, steps_recipe, persona=persona, config={"fail_with": "no rows"})
    unknown = jobs.submit(engine, "no-such-recipe", persona=persona)
    good = jobs.submit(engine, steps_recipe, persona=persona, config={"steps": 1})
    stop = threading.Event()
    kinds = [*registry.recipe_names(), "no-such-recipe"]
    worker = Worker(engine, settings, worker_id="w1", poll_s=0.01, kinds=kinds)
    finished = threading.Thread(target=worker.run_forever, args=(stop,), daemon=True)
    finished.start()
    wait_for(lambda: jobs.get(engine, good).done)
    stop.set()
    finished.join(timeout=10)

    failed = jobs.get(engine, bad)
    assert failed.status == "failed"
    assert failed.error.startswith(f"bad config for recipe {steps_recipe!r}: epochs:")
    assert "nope: Extra inputs are not permitted" in failed.error
    assert "\n" not in failed.error
    assert jobs.get(engine, empty).status == "failed"
    assert jobs.get(engine, empty).error == "no rows"
    assert "unknown recipe 'no-such-recipe'" in jobs.get(engine, unknown).error
    assert jobs.get(engine, good).status == "succeeded"


def test_cancel_stops_a_running_job_at_its_next_heartbeat(
    engine: Engine, settings: Settings, steps_recipe: str, persona: str, background
) -> None:  # type: ignore[no-untyped-def]
    job_id = jobs.submit(
        engine, steps_recipe, persona=persona, config={"steps": 1000, "step_s": 0.01}
    )
    worker = Worker(engine, settings, worker_id="w1", lease_s=0.3)
    background(worker.run_once)
    wait_for(lambda: jobs.get(engine, job_id).progress.get("step", 0) >= 2)
    jobs.cancel(engine, job_id)
    wait_for(lambda: jobs.get(engine, job_id).done)
    ended = jobs.get(engine, job_id)
    assert ended.status == "cancelled"
    assert 2 <= ended.progress["step"] < 1000
    assert list_models(engine, persona) == []


def test_shutdown_hands_the_job_back_and_the_next_worker_resumes_it(
    engine: Engine, settings: Settings, steps_recipe: str, persona: str, background
) -> None:  # type: ignore[no-untyped-def]
    config = {"steps": 200, "step_s": 0.003}
    job_id = jobs.submit(engine, steps_recipe, persona=persona, config=config)
    stop = threading.Event()
    first = Worker(engine, settings, worker_id="w1", lease_s=0.3, poll_s=0.01)
    background(lambda: first.run_forever(stop))
    wait_for(lambda: jobs.get(engine, job_id).progress.get("step", 0) >= 1)
    stop.set()
    wait_for(lambda: jobs.get(engine, job_id).status == "queued")
    released = jobs.get(engine, job_id)
    assert released.attempts == 0 and released.worker == ""  # a clean hand-back costs nothing

    second = Worker(engine, settings, worker_id="w2")
    done = second.run_once()
    assert done is not None and done.status == "succeeded" and done.attempts == 1
    resumed_at = starts(settings, job_id)
    assert resumed_at[0] == 0 and 0 < resumed_at[1] < 200  # from the checkpoint, not from 0
    assert resumed_at[1] == released.progress["step"]
    assert done.result["global_step"] == 200


def test_a_job_whose_worker_died_is_finished_by_another(
    engine: Engine, settings: Settings, steps_recipe: str, persona: str
) -> None:
    job_id = jobs.submit(engine, steps_recipe, persona=persona, config={"steps": 3})
    # A worker claims it and dies at once: no heartbeat, no finish.
    assert jobs.claim(engine, "dead:1", lease_s=0.1) is not None
    survivor = Worker(engine, settings, worker_id="alive:2")
    assert survivor.run_once() is None  # still leased to the dead one
    time.sleep(0.15)
    done = survivor.run_once()
    assert done is not None and done.id == job_id
    assert done.status == "succeeded" and done.attempts == 2 and done.worker == "alive:2"


def _killed_mid_run(engine: Engine, settings: Settings, job_id: str, lease_s: float) -> str:
    """Leave ``job_id`` as ``kill -9`` leaves it: checkpoints on disk, the row still running,
    held by a process of this host that is gone, its lease running for ``lease_s`` more."""
    stop = threading.Event()
    victim = Worker(engine, settings, worker_id="victim", lease_s=0.3, stop=stop)
    thread = threading.Thread(target=victim.run_once, daemon=True)
    thread.start()
    wait_for(lambda: jobs.get(engine, job_id).progress.get("step", 0) >= 2)
    stop.set()
    thread.join(timeout=10)
    dead = dead_local_worker()
    with Session(engine) as session, session.begin():
        session.execute(
            update(Job)
            .where(Job.id == job_id)
            .values(
                status="running",
                worker=dead,
                attempts=1,
                lease_expires_at=datetime.now(UTC) + timedelta(seconds=lease_s),
            )
        )
    return dead


@pytest.mark.parametrize("lease_left_s", [-1.0, 600.0], ids=["lease-expired", "lease-live"])
def test_resume_takes_over_a_job_whose_worker_was_killed_and_runs_it_to_the_end(
    engine: Engine, settings: Settings, steps_recipe: str, persona: str, lease_left_s: float
) -> None:
    # Before: ``jobs resume`` found the job "running" and only watched it, forever.
    config = {"steps": 60, "step_s": 0.003}
    job_id = jobs.submit(engine, steps_recipe, persona=persona, config=config)
    _killed_mid_run(engine, settings, job_id, lease_left_s)
    resumer = Worker(engine, settings, worker_id="cli:2")
    done = resumer.run_job(job_id)
    assert done.status == "succeeded", done.error
    assert done.worker == "cli:2" and done.attempts == 2
    assert done.result["global_step"] == 60
    resumed_at = starts(settings, job_id)
    assert resumed_at[0] == 0 and 2 <= resumed_at[1] < 60  # from the checkpoint
    assert [m.id for m in list_models(engine, persona)] == [done.result["model_id"]]


def test_resume_refuses_a_job_a_live_worker_runs(
    engine: Engine, settings: Settings, steps_recipe: str, persona: str
) -> None:
    job_id = jobs.submit(engine, steps_recipe, persona=persona)
    assert jobs.claim(engine, "gpu-box:1", lease_s=600) is not None
    with pytest.raises(jobs.JobHeld, match="gpu-box:1"):
        Worker(engine, settings, worker_id="cli:2").run_job(job_id)
    assert jobs.get(engine, job_id).worker == "gpu-box:1"


def test_a_worker_that_lost_its_lease_stops_and_writes_nothing(
    engine: Engine, settings: Settings, steps_recipe: str, persona: str, background
) -> None:  # type: ignore[no-untyped-def]
    job_id = jobs.submit(
        engine, steps_recipe, persona=persona, config={"steps": 1000, "step_s": 0.01}
    )
    worker = Worker(engine, settings, worker_id="w1", lease_s=0.3)
    results: list[JobInfo | None] = []
    thread = background(lambda: results.append(worker.run_once()))
    wait_for(lambda: jobs.get(engine, job_id).progress.get("step", 0) >= 2)
    with Session(engine) as session, session.begin():  # another worker took the job over
        session.execute(update(Job).where(Job.id == job_id).values(worker="w2"))
    thread.join(timeout=10)
    assert not thread.is_alive()
    after = jobs.get(engine, job_id)
    assert after.status == "running" and after.worker == "w2"
    assert results[0] is not None and results[0].worker == "w2"
    assert list_models(engine, persona) == []


def test_sigint_in_run_forever_checkpoints_and_releases(
    tmp_path: Path, sqlite_template: Path, tiny_model_dir: Path, steps_recipe: str
) -> None:
    # The signal path does not depend on the database: SQLite only.
    shutil.copy(sqlite_template, tmp_path / "signal.db")
    url = f"sqlite:///{tmp_path / 'signal.db'}"
    engine = create_db_engine(url)
    settings = Settings(data_dir=tmp_path / "data", database_url=url, model=str(tiny_model_dir))
    with Session(engine) as session, session.begin():
        session.add(Persona(slug="mags", display_name="Mags", card="", settings={}))
    job_id = jobs.submit(engine, steps_recipe, persona="mags", config={"steps": 1000})

    def interrupt_when_running() -> None:
        wait_for(lambda: jobs.get(engine, job_id).progress.get("step", 0) >= 1)
        os.kill(os.getpid(), signal.SIGINT)

    threading.Thread(target=interrupt_when_running, daemon=True).start()
    previous = signal.getsignal(signal.SIGINT)
    try:
        Worker(engine, settings, worker_id="w1", lease_s=0.3, poll_s=0.01).run_forever()
        assert signal.getsignal(signal.SIGINT) is previous
        back = jobs.get(engine, job_id)
        assert back.status == "queued" and 1 <= back.progress["step"] < 1000
    finally:
        engine.dispose()
