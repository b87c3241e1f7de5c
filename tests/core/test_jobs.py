"""The job queue with leases, on SQLite and PostgreSQL."""

from __future__ import annotations

import os
import socket
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from datetime import timedelta

import pytest
from dead_worker import dead_local_worker
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from likeness.core import jobs
from likeness.core.db.models import Job, Persona
from likeness.core.errors import PersonaNotFound
from likeness.core.job_progress import progress_message
from likeness.core.jobs import JobHeld, JobNotClaimable, JobNotFound, LeaseLost, ProgressReport


def _age(engine: Engine, job_id: str, seconds: float) -> None:
    """Make a job look ``seconds`` older (created_at order without sleeping)."""
    with Session(engine) as session, session.begin():
        job = session.get(Job, job_id)
        assert job is not None
        job.created_at = job.created_at - timedelta(seconds=seconds)


def test_claim_order_is_priority_then_age(engine: Engine) -> None:
    old = jobs.submit(engine, "persona-sft")
    new = jobs.submit(engine, "persona-sft")
    urgent = jobs.submit(engine, "persona-sft", priority=5)
    _age(engine, old, 60)
    _age(engine, urgent, -60)  # newest of all, but first by priority
    order = [jobs.claim(engine, f"w{i}") for i in range(4)]
    assert [j.id if j else None for j in order] == [urgent, old, new, None]
    assert all(j.status == "running" and j.attempts == 1 for j in order if j)


def test_submit_checks_persona_and_claim_filters_kinds(engine: Engine) -> None:
    with pytest.raises(PersonaNotFound):
        jobs.submit(engine, "persona-sft", persona="nobody")
    with Session(engine) as session, session.begin():
        session.add(Persona(slug="mags", display_name="Mags", card="", settings={}))
    sft = jobs.submit(engine, "persona-sft", persona="mags", config={"epochs": 2})
    dpo = jobs.submit(engine, "normalizer-dpo")
    assert jobs.claim(engine, "w", kinds={"scratch"}) is None
    taken = jobs.claim(engine, "w", kinds={"normalizer-dpo"})
    assert taken is not None and taken.id == dpo
    info = jobs.get(engine, sft)
    assert info.persona == "mags" and info.config == {"epochs": 2} and info.status == "queued"
    assert [j.id for j in jobs.list_jobs(engine, persona="mags")] == [sft]
    with pytest.raises(JobNotFound):
        jobs.get(engine, "nope")


def test_claim_by_id_takes_that_job_only(engine: Engine) -> None:
    first = jobs.submit(engine, "scratch")
    second = jobs.submit(engine, "scratch")
    taken = jobs.claim(engine, "cli", job_id=second)
    assert taken is not None and taken.id == second
    assert jobs.claim(engine, "cli", job_id=second) is None  # leased now
    assert jobs.get(engine, first).status == "queued"


def test_claim_job_takes_a_waiting_job_or_one_whose_lease_expired(engine: Engine) -> None:
    waiting = jobs.submit(engine, "scratch")
    taken = jobs.claim_job(engine, waiting, "cli:1")
    assert taken.status == "running" and taken.worker == "cli:1" and taken.attempts == 1
    abandoned = jobs.submit(engine, "scratch")
    assert jobs.claim(engine, "elsewhere:7", job_id=abandoned, lease_s=0.05) is not None
    time.sleep(0.1)
    resumed = jobs.claim_job(engine, abandoned, "cli:1", lease_s=60)
    assert resumed.worker == "cli:1" and resumed.attempts == 2
    with pytest.raises(LeaseLost):
        jobs.heartbeat(engine, abandoned, "elsewhere:7")


def test_claim_job_takes_over_from_a_dead_local_process_before_its_lease_ends(
    engine: Engine,
) -> None:
    job_id = jobs.submit(engine, "scratch")
    dead = dead_local_worker()
    assert jobs.claim(engine, dead, lease_s=600) is not None
    taken = jobs.claim_job(engine, job_id, "cli:2")
    assert taken.worker == "cli:2" and taken.attempts == 2


def test_claim_job_refuses_a_job_a_live_worker_holds(engine: Engine) -> None:
    job_id = jobs.submit(engine, "scratch")
    live = [f"{socket.gethostname()}:{os.getpid()}/0", "other-host:1", "no-pid-here"]
    for worker in live:
        jobs.claim(engine, worker, job_id=job_id, lease_s=600)
        with pytest.raises(JobHeld) as held:
            jobs.claim_job(engine, job_id, "cli:3")
        assert held.value.worker == worker and worker in str(held.value)
        assert held.value.lease_expires_at is not None
        jobs.release(engine, job_id, worker)
    with pytest.raises(JobNotFound):
        jobs.claim_job(engine, "nope", "cli:3")


def test_claim_job_refuses_an_ended_job_and_settles_one_left_cancelled(engine: Engine) -> None:
    done = jobs.submit(engine, "scratch")
    jobs.claim_job(engine, done, "w")
    jobs.finish(engine, done, "w", "succeeded")
    with pytest.raises(JobNotClaimable, match="succeeded"):
        jobs.claim_job(engine, done, "cli")
    cancelled = jobs.submit(engine, "scratch")
    assert jobs.claim(engine, dead_local_worker(), job_id=cancelled, lease_s=600) is not None
    jobs.cancel(engine, cancelled)
    with pytest.raises(JobNotClaimable, match="cancelled"):
        jobs.claim_job(engine, cancelled, "cli")
    assert jobs.get(engine, cancelled).status == "cancelled"
    exhausted = jobs.submit(engine, "scratch", max_attempts=1)
    assert jobs.claim(engine, "w", job_id=exhausted, lease_s=0.05) is not None
    time.sleep(0.1)
    with pytest.raises(JobNotClaimable, match="max_attempts"):
        jobs.claim_job(engine, exhausted, "cli")
    assert jobs.get(engine, exhausted).status == "failed"


def test_progress_decodes_one_way_and_a_failed_job_reports_its_error(engine: Engine) -> None:
    sent = ProgressReport(step=3, total=9, loss=0.5, message="m", extra={"k": 1})
    stored = sent.as_dict()
    assert ProgressReport.from_dict(stored) == sent
    assert ProgressReport.from_dict({}) == ProgressReport()
    job_id = jobs.submit(engine, "scratch")
    jobs.claim(engine, "w")
    jobs.finish(engine, job_id, "w", "failed", error="no rows", progress=stored)
    failed = jobs.get(engine, job_id)
    assert failed.report.step == 3 and failed.report.message == "no rows"
    message = progress_message(failed)
    assert (message.job_id, message.status, message.step, message.total) == (job_id, "failed", 3, 9)
    assert message.loss == 0.5 and message.message == "no rows" and message.at.seconds > 0


def test_a_leased_job_is_not_claimed_again(engine: Engine) -> None:
    job_id = jobs.submit(engine, "scratch")
    assert jobs.claim(engine, "w1", lease_s=60) is not None
    assert jobs.claim(engine, "w2") is None
    beat = jobs.heartbeat(engine, job_id, "w1", progress={"step": 3})
    assert not beat.cancel_requested
    assert jobs.get(engine, job_id).progress == {"step": 3}


def test_an_expired_lease_is_reclaimed_and_the_old_worker_loses_it(engine: Engine) -> None:
    job_id = jobs.submit(engine, "scratch")
    assert jobs.claim(engine, "w1", lease_s=0.05) is not None
    time.sleep(0.1)
    again = jobs.claim(engine, "w2", lease_s=60)
    assert again is not None and again.id == job_id
    assert again.attempts == 2 and again.worker == "w2"
    with pytest.raises(LeaseLost):
        jobs.heartbeat(engine, job_id, "w1")
    with pytest.raises(LeaseLost):
        jobs.finish(engine, job_id, "w1", "succeeded")
    jobs.heartbeat(engine, job_id, "w2")
    jobs.finish(engine, job_id, "w2", "succeeded", result={"model_id": "m"})
    done = jobs.get(engine, job_id)
    assert done.status == "succeeded" and done.result == {"model_id": "m"} and done.done
    with pytest.raises(LeaseLost):  # a finished job has no lease any more
        jobs.heartbeat(engine, job_id, "w2")


def test_after_max_attempts_the_job_fails_with_the_reason(engine: Engine) -> None:
    job_id = jobs.submit(engine, "scratch", max_attempts=2)
    for worker in ("w1", "w2"):
        assert jobs.claim(engine, worker, lease_s=0.05) is not None
        time.sleep(0.1)
    assert jobs.claim(engine, "w3") is None
    failed = jobs.get(engine, job_id)
    assert failed.status == "failed" and failed.attempts == 2
    assert "max_attempts" in failed.error and "w2" in failed.error
    with pytest.raises(ValueError):
        jobs.submit(engine, "scratch", max_attempts=0)


def test_cancel_a_queued_job_at_once_and_a_running_one_at_its_heartbeat(engine: Engine) -> None:
    queued = jobs.submit(engine, "scratch")
    assert jobs.cancel(engine, queued).status == "cancelled"
    assert jobs.claim(engine, "w") is None

    running = jobs.submit(engine, "scratch")
    assert jobs.claim(engine, "w") is not None
    info = jobs.cancel(engine, running)
    assert info.status == "running" and info.cancel_requested
    assert jobs.heartbeat(engine, running, "w").cancel_requested
    jobs.finish(engine, running, "w", "cancelled")
    assert jobs.get(engine, running).status == "cancelled"
    with pytest.raises(JobNotFound):
        jobs.cancel(engine, "nope")


def test_a_cancelled_job_whose_worker_died_ends_cancelled(engine: Engine) -> None:
    job_id = jobs.submit(engine, "scratch")
    assert jobs.claim(engine, "dead", lease_s=0.05) is not None
    jobs.cancel(engine, job_id)
    time.sleep(0.1)
    # Nobody will ever run it again; the next claim settles it instead of leaving it "running".
    assert jobs.claim(engine, "w") is None
    ended = jobs.get(engine, job_id)
    assert ended.status == "cancelled" and ended.finished_at is not None


def test_release_gives_the_job_back_without_counting_the_attempt(engine: Engine) -> None:
    job_id = jobs.submit(engine, "scratch", max_attempts=1)
    for _ in range(3):  # released any number of times, it never runs out of attempts
        taken = jobs.claim(engine, "w")
        assert taken is not None and taken.attempts == 1
        jobs.release(engine, job_id, "w")
        back = jobs.get(engine, job_id)
        assert back.status == "queued" and back.attempts == 0 and back.worker == ""
    jobs.release(engine, job_id, "someone-else")  # not theirs: nothing happens
    assert jobs.get(engine, job_id).status == "queued"
    jobs.claim(engine, "w")
    jobs.release(engine, job_id, "w", progress={"step": 4})  # where the next run resumes
    assert jobs.get(engine, job_id).progress == {"step": 4}


def test_watch_yields_each_change_and_ends_with_the_job(engine: Engine) -> None:
    job_id = jobs.submit(engine, "scratch")
    assert jobs.claim(engine, "w") is not None

    def work() -> None:
        for step in (1, 2):
            time.sleep(0.05)
            jobs.heartbeat(engine, job_id, "w", progress={"step": step, "total": 2})
        time.sleep(0.05)
        jobs.finish(engine, job_id, "w", "succeeded", progress={"step": 2, "total": 2})

    worker = threading.Thread(target=work)
    worker.start()
    seen = list(jobs.watch(engine, job_id, poll_s=0.01))
    worker.join()
    assert [j.progress.get("step") for j in seen] == [None, 1, 2, 2]
    assert seen[-1].status == "succeeded" and all(j.status == "running" for j in seen[:-1])
    assert list(jobs.watch(engine, job_id, still_wanted=lambda: False)) == []


def test_concurrent_workers_never_share_a_job(engine: Engine) -> None:
    """8 threads claim from 20 jobs at once: each job is taken exactly once (on PostgreSQL by
    row locks with SKIP LOCKED, on SQLite by the conditional UPDATE)."""
    submitted = {jobs.submit(engine, "race") for _ in range(20)}
    start = threading.Barrier(8)

    def claim_all(index: int) -> list[str]:
        start.wait()
        taken = []
        while (job := jobs.claim(engine, f"w{index}", kinds={"race"})) is not None:
            taken.append(job.id)
        return taken

    with ThreadPoolExecutor(8) as pool:
        results = list(pool.map(claim_all, range(8)))
    claimed = [job_id for taken in results for job_id in taken]
    assert len(claimed) == len(set(claimed)) == 20
    assert set(claimed) == submitted
