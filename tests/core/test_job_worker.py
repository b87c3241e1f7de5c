"""The one job worker loop, with plain handlers: how each way a run can end reaches the queue."""

from __future__ import annotations

import itertools
import threading
import time
from collections.abc import Callable

import pytest
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session

from likeness.core import jobs
from likeness.core.db.models import Job
from likeness.core.job_worker import JobContext, JobOutcome, JobWorker, describe_failure
from likeness.core.jobs import JobInfo, JobNotClaimable, ProgressReport

KIND = "count"


def counting(steps: int, step_s: float = 0.005) -> Callable[[JobContext], JobOutcome]:
    """A handler that counts to ``steps``, with a safe point before each step."""

    def handler(run: JobContext) -> JobOutcome:
        for step in range(1, steps + 1):
            if run.should_stop():
                return JobOutcome.stopped_early()
            time.sleep(step_s)
            run.report(ProgressReport(step=step, total=steps))
        return JobOutcome(result={"counted": steps})

    return handler


def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def in_background(target: Callable[[], object]) -> threading.Thread:
    thread = threading.Thread(target=target, daemon=True)
    thread.start()
    return thread


def test_a_handler_runs_its_kind_to_success_with_progress(engine: Engine) -> None:
    other = jobs.submit(engine, "other-kind")
    job_id = jobs.submit(engine, KIND)
    seen: list[int] = []
    worker = JobWorker(
        engine,
        {KIND: counting(3)},
        worker_id="w1",
        on_progress=lambda job, progress: seen.append(progress.step),
    )
    assert worker.kinds == [KIND]
    done = worker.run_once()
    assert done is not None and done.id == job_id and done.status == jobs.SUCCEEDED
    assert done.result == {"counted": 3} and done.report.step == done.report.total == 3
    assert seen == [1, 2, 3]
    assert worker.run_once() is None  # the other kind is not this worker's
    assert jobs.get(engine, other).status == jobs.QUEUED


def test_a_failing_handler_fails_its_job_in_one_line_and_the_worker_goes_on(
    engine: Engine,
) -> None:
    def broken(run: JobContext) -> JobOutcome:
        raise ValueError(run.job.config["why"])

    def crashing(run: JobContext) -> JobOutcome:
        raise RuntimeError("the engine died")

    bad = jobs.submit(engine, "broken", config={"why": "no rows"}, priority=2)
    crashed = jobs.submit(engine, "crashing", priority=1)
    good = jobs.submit(engine, KIND)
    stop = threading.Event()
    handlers = {"broken": broken, "crashing": crashing, KIND: counting(1)}
    worker = JobWorker(engine, handlers, worker_id="w1", poll_s=0.01)
    thread = in_background(lambda: worker.run_forever(stop))
    wait_for(lambda: jobs.get(engine, good).done)
    stop.set()
    thread.join(timeout=10)
    failed = jobs.get(engine, bad)
    assert failed.status == jobs.FAILED and failed.error == "no rows"
    assert failed.progress["message"] == "no rows" and failed.attempts == 1  # not retried
    assert jobs.get(engine, crashed).error == "RuntimeError: the engine died"
    assert jobs.get(engine, good).status == jobs.SUCCEEDED
    assert describe_failure(KeyError()) == "KeyError"


def test_cancel_ends_a_running_job_cancelled(engine: Engine) -> None:
    job_id = jobs.submit(engine, KIND)
    worker = JobWorker(engine, {KIND: counting(10_000)}, worker_id="w1", lease_s=0.3)
    thread = in_background(worker.run_once)
    wait_for(lambda: jobs.get(engine, job_id).progress.get("step", 0) >= 2)
    jobs.cancel(engine, job_id)
    thread.join(timeout=10)
    ended = jobs.get(engine, job_id)
    assert ended.status == jobs.CANCELLED and 2 <= ended.progress["step"] < 10_000


def test_stop_hands_the_job_back_with_its_progress_at_no_cost(engine: Engine) -> None:
    job_id = jobs.submit(engine, KIND)
    stop = threading.Event()
    worker = JobWorker(engine, {KIND: counting(10_000)}, worker_id="w1", lease_s=0.3, stop=stop)
    thread = in_background(worker.run_once)
    wait_for(lambda: jobs.get(engine, job_id).progress.get("step", 0) >= 1)
    stop.set()
    thread.join(timeout=10)
    back = jobs.get(engine, job_id)
    assert back.status == jobs.QUEUED and back.attempts == 0 and back.worker == ""
    assert back.progress["step"] >= 1  # stored at the hand-back, not only at a heartbeat


def test_a_worker_that_lost_its_lease_writes_nothing_more(engine: Engine) -> None:
    job_id = jobs.submit(engine, KIND)
    worker = JobWorker(engine, {KIND: counting(10_000)}, worker_id="w1", lease_s=0.3)
    ended: list[JobInfo | None] = []
    thread = in_background(lambda: ended.append(worker.run_once()))
    wait_for(lambda: jobs.get(engine, job_id).progress.get("step", 0) >= 2)
    with Session(engine) as session, session.begin():  # another worker took the job over
        session.execute(update(Job).where(Job.id == job_id).values(worker="w2", progress={}))
    thread.join(timeout=10)
    after = jobs.get(engine, job_id)
    assert after.status == jobs.RUNNING and after.worker == "w2" and after.progress == {}
    assert ended[0] is not None and ended[0].worker == "w2"


def test_a_hard_interrupt_gives_the_job_back(engine: Engine) -> None:
    def interrupted(run: JobContext) -> JobOutcome:
        run.report(ProgressReport(step=1, total=2))
        raise KeyboardInterrupt

    job_id = jobs.submit(engine, KIND)
    with pytest.raises(KeyboardInterrupt):
        JobWorker(engine, {KIND: interrupted}, worker_id="w1").run_once()
    back = jobs.get(engine, job_id)
    assert back.status == jobs.QUEUED and back.progress["step"] == 1


def test_run_job_takes_over_an_expired_lease_and_refuses_other_kinds(engine: Engine) -> None:
    job_id = jobs.submit(engine, KIND)
    assert jobs.claim(engine, "elsewhere:1", lease_s=0.2) is not None
    worker = JobWorker(engine, {KIND: counting(2)}, worker_id="cli:1")
    with pytest.raises(jobs.JobHeld):
        worker.run_job(job_id)
    time.sleep(0.25)
    done = worker.run_job(job_id)
    assert done.status == jobs.SUCCEEDED and done.worker == "cli:1" and done.attempts == 2
    other = jobs.submit(engine, "other-kind")
    with pytest.raises(JobNotClaimable, match="other-kind"):
        worker.run_job(other)
    assert jobs.get(engine, other).status == jobs.QUEUED


def test_the_loss_history_is_stored_and_a_resumed_run_goes_on_with_it(engine: Engine) -> None:
    def losing(first: int, last: int) -> Callable[[JobContext], JobOutcome]:
        def handler(run: JobContext) -> JobOutcome:
            for step in range(first, last + 1):
                run.report(ProgressReport(step=step, total=6, loss=10.0 / step))
            # The first run stops after its steps, as at a safe point before the next one.
            return JobOutcome.stopped_early() if last < 6 else JobOutcome(result={})

        return handler

    job_id = jobs.submit(engine, KIND)
    JobWorker(engine, {KIND: losing(1, 4)}, worker_id="w1").run_once()
    back = jobs.get(engine, job_id)
    assert back.status == jobs.QUEUED
    assert back.loss_history == [(s, 10.0 / s) for s in (1, 2, 3, 4)]
    # Resumed from its step-3 checkpoint: step 4 is trained again, the history goes on.
    done = JobWorker(engine, {KIND: losing(4, 6)}, worker_id="w2").run_once()
    assert done is not None and done.status == jobs.SUCCEEDED
    assert done.loss_history == [(s, 10.0 / s) for s in range(1, 7)]


def test_loss_points_of_a_resumed_run_and_a_long_one() -> None:
    points: list[tuple[int, float]] = []
    for step, loss in [(1, 3.0), (2, 2.0), (2, 2.0), (0, 0.0), (3, 1.5), (2, 2.2)]:
        jobs.add_loss_point(points, step, loss)
    # the repeat is kept once, the empty report skipped, the resume from step 2 drops step 3
    assert points == [(1, 3.0), (2, 2.2)]
    long: list[tuple[int, float]] = []
    for step in range(1, 1001):
        jobs.add_loss_point(long, step, 1.0 / step, cap=100)
    assert 50 <= len(long) <= 100
    assert long[0] == (1, 1.0) and long[-1] == (1000, 1.0 / 1000)  # first and newest kept
    steps = [step for step, _ in long]
    # thinned evenly: every kept point the same distance apart (up to the newest one)
    assert {b - a for a, b in itertools.pairwise(steps[:-1])} == {16}
