"""The trainer's job worker: claims training jobs from the shared queue and runs them.

    worker = Worker(db, settings)                 # id "host:pid", every recipe, 60 s lease
    worker.run_forever(stop)                      # until ``stop`` is set (or SIGINT/SIGTERM)
    job = worker.run_once(job_id)                 # that one job, here and now (the CLI)

A job runs in ``DATA_DIR/runs/<job id>``, so a job claimed again (after a crash, or released
by a worker shutting down) resumes from its own checkpoints, on this machine or another one that
shares the data dir (elsewhere it starts over). While it runs, a heartbeat thread renews the
lease and stores the latest progress every ``lease_s / 3`` or ``progress_s`` seconds, whichever
is shorter. The run is asked to stop (it saves a checkpoint first) when

- the job's cancel is requested (seen by a heartbeat) → the job ends ``cancelled``;
- the worker shuts down (``stop`` set, SIGINT/SIGTERM) → the job goes back to the queue;
- the lease is lost (another worker holds the job now) → the worker writes nothing more.

Any error in a run (bad config, empty dataset, out of memory) fails that job with the reason;
the worker itself goes on with the next one.
"""

from __future__ import annotations

import logging
import os
import signal
import socket
import threading
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine

from likeness.core import jobs
from likeness.core.jobs import JobInfo, LeaseLost, ProgressReport
from likeness.core.settings import Settings
from likeness.trainer.recipes.base import RunContext
from likeness.trainer.recipes.registry import recipe_names
from likeness.trainer.runner import run_training
from likeness.trainer.training_jobs import describe_validation_error

logger = logging.getLogger(__name__)

ProgressHook = Callable[[JobInfo, ProgressReport], None]


def default_worker_id() -> str:
    return f"{socket.gethostname()}:{os.getpid()}"


#: Failures of the job's inputs (bad config, unknown persona, empty dataset, missing files),
#: whose message is the whole story; anything else is logged with its traceback.
EXPECTED_FAILURES = (LookupError, ValueError, FileNotFoundError)


def describe_failure(job: JobInfo, exc: BaseException) -> str:
    """What a failed job's ``error`` says: the reason in one line, not a traceback."""
    if isinstance(exc, ValidationError):
        return describe_validation_error(job.kind, exc)
    text = str(exc).strip() or type(exc).__name__
    if isinstance(exc, EXPECTED_FAILURES):
        return text
    return f"{type(exc).__name__}: {text}"


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGINT/SIGTERM set ``stop`` (a run then checkpoints and hands its job back); a second one
    interrupts at once. Only the main thread can install handlers; elsewhere this does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_signal(signum: int, _frame: Any) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        logger.warning(
            "%s: stopping after a checkpoint (again to stop at once)", signal.Signals(signum).name
        )
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


class _Run:
    """What one running job knows about itself; shared by the run and its heartbeat thread."""

    def __init__(self, job: JobInfo) -> None:
        self.job = job
        self.latest = ProgressReport(message="starting")
        self.cancel_requested = False
        self.lease_lost = False
        self.done = threading.Event()


class Worker:
    def __init__(
        self,
        db: Engine,
        settings: Settings,
        *,
        worker_id: str | None = None,
        kinds: Collection[str] | None = None,
        lease_s: float = jobs.DEFAULT_LEASE_S,
        poll_s: float = 2.0,
        progress_s: float = 2.0,
        on_progress: ProgressHook | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        self.db = db
        self.settings = settings
        self.worker_id = worker_id or default_worker_id()
        self.kinds = list(kinds) if kinds is not None else recipe_names()
        self.lease_s = lease_s
        self.poll_s = poll_s
        # Watchers on other machines see progress through the database: beat often enough for
        # a live bar, not only as often as the lease needs.
        self.beat_s = min(lease_s / 3, progress_s)
        self.on_progress = on_progress
        #: Set to shut down: a running job checkpoints and goes back to the queue.
        self.stop = stop or threading.Event()

    # -- the loop ------------------------------------------------------------------------------

    def run_forever(self, stop: threading.Event | None = None) -> None:
        """Claim and run jobs until ``stop`` is set (SIGINT/SIGTERM set it, in the main thread)."""
        if stop is not None:
            self.stop = stop
        logger.info("worker %s: waiting for %s jobs", self.worker_id, ", ".join(self.kinds))
        with stop_on_signals(self.stop):
            while not self.stop.is_set():
                try:
                    job = self.run_once()
                except Exception:
                    # The database went away for a moment, most likely; keep the worker alive.
                    logger.exception("worker %s: could not claim a job", self.worker_id)
                    job = None
                if job is None:
                    self.stop.wait(self.poll_s)
        logger.info("worker %s: stopped", self.worker_id)

    def run_once(self, job_id: str | None = None) -> JobInfo | None:
        """Claim one job (``job_id`` only, if given), run it to its end; the job as it ended up,
        or None when there was nothing to claim."""
        if self.stop.is_set():
            return None
        job = jobs.claim(
            self.db, self.worker_id, kinds=self.kinds, job_id=job_id, lease_s=self.lease_s
        )
        if job is None:
            return None
        logger.info(
            "worker %s: running job %s (%s for %s, attempt %d/%d)",
            self.worker_id,
            job.id,
            job.kind,
            job.persona or "-",
            job.attempts,
            job.max_attempts,
        )
        self._run(job)
        return jobs.get(self.db, job.id)

    # -- one job -------------------------------------------------------------------------------

    def _report(self, run: _Run, progress: ProgressReport) -> None:
        run.latest = progress
        if self.on_progress is not None:
            try:
                self.on_progress(run.job, progress)
            except Exception:  # a display problem must not stop training
                logger.exception("progress hook failed")

    def _should_stop(self, run: _Run) -> bool:
        return run.cancel_requested or run.lease_lost or self.stop.is_set()

    def _heartbeat(self, run: _Run) -> None:
        while not run.done.wait(self.beat_s):
            try:
                beat = jobs.heartbeat(
                    self.db,
                    run.job.id,
                    self.worker_id,
                    progress=run.latest.as_dict(),
                    lease_s=self.lease_s,
                )
            except LeaseLost:
                logger.warning("job %s: lease lost; stopping without writing", run.job.id)
                run.lease_lost = True
                return
            except Exception:
                # Keep trying: the lease outlives a few missed beats.
                logger.exception("job %s: heartbeat failed", run.job.id)
                continue
            if beat.cancel_requested and not run.cancel_requested:
                logger.info("job %s: cancel requested", run.job.id)
                run.cancel_requested = True

    def _run(self, job: JobInfo) -> None:
        run = _Run(job)
        run_dir = self.settings.data_dir / "runs" / job.id
        ctx = RunContext(
            run_dir=run_dir,
            data_dir=self.settings.data_dir,
            report=lambda progress: self._report(run, progress),
            should_stop=lambda: self._should_stop(run),
        )
        beats = threading.Thread(
            target=self._heartbeat, args=(run,), name=f"heartbeat-{job.id[:8]}", daemon=True
        )
        beats.start()
        try:
            result = run_training(self.db, self.settings, job.kind, job.persona, job.config, ctx)
        except Exception as exc:
            self._end_heartbeat(run, beats)
            error = describe_failure(job, exc)
            if isinstance(exc, EXPECTED_FAILURES):  # the message says it all
                logger.info("job %s failed: %s", job.id, error)
            else:
                logger.exception("job %s failed", job.id)
            self._finish(run, jobs.FAILED, error=error)
            return
        except BaseException:
            # Interrupted hard (a second Ctrl-C): give the job back rather than leave it leased.
            self._end_heartbeat(run, beats)
            if not run.lease_lost:
                self._release(run)
            raise
        self._end_heartbeat(run, beats)
        if not result.stopped:
            self._finish(run, jobs.SUCCEEDED, result=result.as_result())
        elif run.lease_lost:
            pass  # another worker has the job; its checkpoints are its own now
        elif run.cancel_requested:
            self._finish(run, jobs.CANCELLED)
        else:
            self._release(run)

    def _release(self, run: _Run) -> None:
        """Back to the queue, with the progress it stopped at (where the next run resumes)."""
        try:
            jobs.heartbeat(
                self.db, run.job.id, self.worker_id, progress=run.latest.as_dict(), lease_s=60
            )
        except LeaseLost:
            return
        jobs.release(self.db, run.job.id, self.worker_id)
        logger.info("job %s: checkpoint saved, back in the queue", run.job.id)

    def _end_heartbeat(self, run: _Run, beats: threading.Thread) -> None:
        run.done.set()
        beats.join()

    def _finish(
        self,
        run: _Run,
        status: str,
        *,
        result: dict[str, Any] | None = None,
        error: str = "",
    ) -> None:
        if run.lease_lost:
            return
        try:
            jobs.finish(
                self.db,
                run.job.id,
                self.worker_id,
                status,
                result=result,
                error=error,
                progress=run.latest.as_dict(),
            )
        except LeaseLost:
            logger.warning("job %s: lease lost before it could be marked %s", run.job.id, status)
        else:
            logger.info("job %s %s", run.job.id, status)
