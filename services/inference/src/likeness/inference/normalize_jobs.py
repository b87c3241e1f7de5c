"""Corpus normalisation as jobs in the shared queue, run by the inference service's engine.

    jobs = NormalizeJobs(runner, db)     # starts a worker thread that claims "normalize" jobs
    job_id = jobs.start("alice", limit=None, kept_only=True)
    for job in jobs.watch(job_id): ...

A request queues a job in the database (``likeness.core.jobs``), never in memory: one queued
or running normalisation per persona at a time. A worker thread of the serving process claims
it with a lease, runs ``normalize.normalize_corpus`` (committed chunk by chunk) on the engine,
and renews the lease with its progress. If the server dies, the lease runs out and the next
inference server to start claims the job again; the run resumes after the last committed chunk.
Cancelling stops it between chunks.
"""

from __future__ import annotations

import logging
import os
import socket
import threading
import time
from collections.abc import Callable, Iterator
from typing import Any

from sqlalchemy import Engine as DbEngine

from likeness.core import jobs
from likeness.inference.engine_thread import EngineThread
from likeness.inference.normalize import DEFAULT_CHUNK, normalize_corpus

logger = logging.getLogger(__name__)
KIND = "normalize"
ACTIVE = (jobs.QUEUED, jobs.RUNNING)


class NormalizeJobs:
    def __init__(
        self,
        runner: EngineThread,
        db: DbEngine,
        *,
        lease_s: float = jobs.DEFAULT_LEASE_S,
        poll_s: float = 1.0,
        chunk_size: int = DEFAULT_CHUNK,
        worker: bool = True,
    ):
        self.chunk_size = chunk_size
        self.runner = runner
        self.db = db
        self.lease_s = lease_s
        self.poll_s = poll_s
        self.worker_id = f"{socket.gethostname()}:{os.getpid()}:inference"
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        if worker:
            self._thread = threading.Thread(target=self._work, name="normalize-jobs", daemon=True)
            self._thread.start()
            runner.on_close(self.close)

    def close(self) -> None:
        self._stop.set()
        if self._thread is not None:
            self._thread.join(timeout=30)

    # -- requests ------------------------------------------------------------------------------
    def start(self, persona: str, *, limit: int | None, kept_only: bool) -> str:
        """The id of the persona's queued or running normalisation, or of a new one."""
        active = jobs.list_jobs(self.db, persona=persona, kinds=[KIND], statuses=ACTIVE, limit=1)
        if active:
            return active[0].id
        return jobs.submit(
            self.db,
            KIND,
            persona=persona,
            config={"limit": limit, "kept_only": kept_only},
        )

    def get(self, job_id: str) -> jobs.JobInfo | None:
        try:
            job = jobs.get(self.db, job_id)
        except jobs.JobNotFound:
            return None
        return job if job.kind == KIND else None

    def watch(
        self, job_id: str, *, still_wanted: Callable[[], bool] = lambda: True
    ) -> Iterator[jobs.JobInfo]:
        return jobs.watch(self.db, job_id, poll_s=0.25, still_wanted=still_wanted)

    # -- the worker ----------------------------------------------------------------------------
    def _work(self) -> None:
        while not self._stop.is_set():
            try:
                job = jobs.claim(self.db, self.worker_id, kinds=[KIND], lease_s=self.lease_s)
            except Exception:  # the database went away for a moment; try again later
                logger.exception("claiming a normalisation job failed")
                job = None
            if job is None:
                self._stop.wait(self.poll_s)
                continue
            self._run(job)

    def _run(self, job: jobs.JobInfo) -> None:
        latest: dict[str, Any] = {"step": 0, "total": 0, "eta_s": 0.0, "message": ""}
        started = time.monotonic()
        stop = threading.Event()  # cancel requested, lease lost, or server stopping
        lost = threading.Event()

        def progress(done: int, total: int) -> None:
            elapsed = time.monotonic() - started
            eta = elapsed / done * (total - done) if done else 0.0
            latest.update(step=done, total=total, eta_s=round(eta, 1))

        def beat() -> None:
            while not stop.wait(self.lease_s / 3):
                try:
                    answer = jobs.heartbeat(
                        self.db, job.id, self.worker_id, progress=dict(latest), lease_s=self.lease_s
                    )
                except jobs.LeaseLost:
                    lost.set()
                    stop.set()
                    return
                except Exception:  # keep trying until the lease would run out
                    logger.exception("heartbeat for job %s failed", job.id)
                    continue
                if answer.cancel_requested or self._stop.is_set():
                    stop.set()

        beater = threading.Thread(target=beat, name=f"beat-{job.id[:8]}", daemon=True)
        beater.start()
        config = job.config
        try:
            summary = self.runner.run(
                normalize_corpus(
                    self.db,
                    self.runner.engine,
                    job.persona,
                    chunk_size=self.chunk_size,
                    kept_only=bool(config.get("kept_only", True)),
                    limit=config.get("limit"),
                    progress=progress,
                    should_stop=lambda: stop.is_set() or self._stop.is_set(),
                )
            )
        except Exception as exc:  # the committed chunks stay; the job reports why it stopped
            stop.set()
            beater.join()
            if not lost.is_set():
                self._finish(job, jobs.FAILED, latest, error=str(exc) or type(exc).__name__)
            return
        stop.set()
        beater.join()
        if lost.is_set():
            return
        message = f"{summary.normalized} normalised, {summary.remaining} remaining"
        latest["message"], latest["eta_s"] = message, 0.0
        if summary.stopped and self._stop.is_set():
            jobs.release(self.db, job.id, self.worker_id)  # another server picks it up
        elif summary.stopped:
            self._finish(job, jobs.CANCELLED, latest)
        else:
            self._finish(job, jobs.SUCCEEDED, latest, result={"normalized": summary.normalized})

    def _finish(
        self,
        job: jobs.JobInfo,
        status: str,
        progress: dict[str, Any],
        *,
        result: dict[str, Any] | None = None,
        error: str = "",
    ) -> None:
        if error:
            progress = {**progress, "message": error}
        try:
            jobs.finish(
                self.db,
                job.id,
                self.worker_id,
                status,
                result=result,
                error=error,
                progress=progress,
            )
        except jobs.LeaseLost:
            logger.warning("job %s was taken over before it could finish here", job.id)
