"""Corpus normalisation as jobs in the shared queue, run by the inference service's engine.

    jobs = NormalizeJobs(runner, db, resolver)   # a worker thread claims "normalize" jobs
    job_id = jobs.start("alice", limit=None, kept_only=True)
    for job in jobs.watch(job_id): ...

A request queues a job in the database (``likeness.core.jobs``), never in memory: one queued
or running normalisation per persona at a time. A worker thread of the serving process (the
core job loop, ``likeness.core.job_worker``, with the handler below) claims it with a lease,
runs ``normalize.normalize_corpus`` (committed chunk by chunk) on the engine with the persona's
current normaliser (through the service's ``ModelResolver``, so its adapter is loaded once for
jobs and requests alike), and renews the lease with its progress. If the server dies, the lease
runs out and the next inference server to start claims the job again; the run resumes after the
last committed chunk.
Cancelling stops it between chunks; a server shutting down hands it back to the queue.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import replace

from sqlalchemy import Engine as DbEngine

from likeness.core import jobs
from likeness.core.job_worker import JobContext, JobOutcome, JobWorker
from likeness.core.jobs import ProgressReport
from likeness.inference.engine_thread import EngineThread
from likeness.inference.normalize import DEFAULT_CHUNK, normalize_corpus
from likeness.inference.serving import ModelResolver

KIND = "normalize"
ACTIVE = (jobs.QUEUED, jobs.RUNNING)


class NormalizeJobs:
    def __init__(
        self,
        runner: EngineThread,
        db: DbEngine,
        resolver: ModelResolver | None = None,
        *,
        lease_s: float = jobs.DEFAULT_LEASE_S,
        poll_s: float = 1.0,
        chunk_size: int = DEFAULT_CHUNK,
        worker: bool = True,
    ):
        self.chunk_size = chunk_size
        self.runner = runner
        self.db = db
        self.resolver = resolver or ModelResolver(runner.engine, db)
        self.worker = JobWorker(
            db,
            {KIND: self._normalize},
            worker_id=f"{jobs.default_worker_id()}:inference",
            lease_s=lease_s,
            poll_s=poll_s,
        )
        self._thread: threading.Thread | None = None
        if worker:
            self._thread = threading.Thread(
                target=self.worker.run_forever, name="normalize-jobs", daemon=True
            )
            self._thread.start()
            runner.on_close(self.close)

    def close(self) -> None:
        self.worker.stop.set()
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

    # -- the handler ---------------------------------------------------------------------------
    def _normalize(self, run: JobContext) -> JobOutcome:
        """The committed chunks stay whatever happens; a stop comes between chunks."""
        started = time.monotonic()

        def progress(done: int, total: int) -> None:
            elapsed = time.monotonic() - started
            eta = elapsed / done * (total - done) if done else 0.0
            run.report(ProgressReport(step=done, total=total, eta_s=round(eta, 1)))

        config = run.job.config
        summary = self.runner.run(
            normalize_corpus(
                self.db,
                self.runner.engine,
                run.job.persona,
                resolver=self.resolver,
                chunk_size=self.chunk_size,
                kept_only=bool(config.get("kept_only", True)),
                limit=config.get("limit"),
                progress=progress,
                should_stop=run.should_stop,
            )
        )
        message = (
            f"{summary.normalized} normalised by {summary.model} ({summary.version}), "
            f"{summary.remaining} remaining"
        )
        run.report(replace(run.latest, message=message, eta_s=0.0))
        if summary.stopped:
            return JobOutcome.stopped_early()
        return JobOutcome(
            result={
                "normalized": summary.normalized,
                "normalizer_model": summary.model,
                "normalizer_version": summary.version,
            }
        )
