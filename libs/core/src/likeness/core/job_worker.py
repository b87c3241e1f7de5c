"""The one job worker loop: claim, heartbeat, progress, cancel, stop, finish; a handler per kind.

A service registers a handler for each job kind it runs; the loop does the rest. A handler
gets a ``JobContext`` (the job, ``report`` for progress, ``should_stop`` for its safe points)
and returns a ``JobOutcome``, say for the labeler's coming kind::

    def label(run: JobContext) -> JobOutcome:
        posts = posts_to_label(db, run.job.persona, run.job.config)
        for done, post in enumerate(posts, 1):
            if run.should_stop():                  # cancel, lost lease or shutdown: a safe point
                return JobOutcome.stopped_early()
            label_one(db, post)                    # committed: a resumed run skips it
            run.report(ProgressReport(step=done, total=len(posts)))
        return JobOutcome(result={"labelled": len(posts)})

    worker = JobWorker(db, {"label": label}, worker_id=f"{default_worker_id()}:labeler")
    worker.run_forever(stop)           # claims "label" jobs until ``stop`` (or SIGINT/SIGTERM)
    job = worker.run_once()            # the next waiting job, to its end; None if none waits
    job = worker.run_job(job_id)       # that job, also taken over from a dead worker

While a handler runs, a heartbeat thread renews the lease and stores the latest progress every
``lease_s / 3`` or ``progress_s`` seconds, whichever is shorter (watchers on other machines see
progress through the database). How a run ends:

- the handler returns → ``succeeded`` with its result;
- a heartbeat saw a cancel request, the handler stopped early → ``cancelled``;
- the worker shuts down (``stop`` set, SIGINT/SIGTERM), the handler stopped early → back in the
  queue with the progress it reached; a clean hand-back costs no attempt;
- the lease was lost (another worker holds the job now) → nothing more is written;
- the handler raised → ``failed`` with the reason in one line (see ``describe_failure``); the
  worker goes on with the next job. It is not retried: a bad input fails again. Retries are for
  workers that vanish: each claim counts an attempt, and a job whose worker stopped renewing
  its lease is claimed again until ``max_attempts`` (``likeness.core.jobs``).
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from typing import Any

from sqlalchemy import Engine

from likeness.core import jobs
from likeness.core.jobs import JobInfo, JobNotClaimable, LeaseLost, ProgressReport

logger = logging.getLogger(__name__)

ProgressHook = Callable[[JobInfo, ProgressReport], None]

#: Failures of the job's inputs (bad config, unknown persona, empty dataset, missing files),
#: whose message is the whole story; anything else is logged with its traceback.
EXPECTED_FAILURES = (LookupError, ValueError, FileNotFoundError)


@dataclass(frozen=True, slots=True)
class JobOutcome:
    """What a handler returns: its result, or that it stopped early at a safe point."""

    result: dict[str, Any] = field(default_factory=dict)
    stopped: bool = False

    @classmethod
    def stopped_early(cls) -> JobOutcome:
        return cls(stopped=True)


class JobContext:
    """One running job as its handler and its heartbeat thread share it."""

    def __init__(self, job: JobInfo, shutdown: threading.Event, on_progress: ProgressHook | None):
        self.job = job
        self.latest = ProgressReport(message="starting")
        #: the loss by step of the whole run (a resumed job goes on with its earlier runs')
        self.losses = job.loss_history
        self.cancel_requested = False
        self.lease_lost = False
        self._shutdown = shutdown
        self._on_progress = on_progress

    def report(self, progress: ProgressReport) -> None:
        """The job's progress now (stored with the next heartbeat)."""
        self.latest = progress
        jobs.add_loss_point(self.losses, progress.step, progress.loss)
        if self._on_progress is not None:
            try:
                self._on_progress(self.job, progress)
            except Exception:  # a display problem must not stop the job
                logger.exception("progress hook failed")

    def stored_progress(self) -> dict[str, Any]:
        """What the queue stores: the latest progress and the loss history."""
        stored = self.latest.as_dict()
        if self.losses:
            stored[jobs.LOSS_HISTORY_KEY] = [list(point) for point in self.losses]
        return stored

    def should_stop(self) -> bool:
        """Stop at the next safe point: cancel requested, lease lost or the worker stopping."""
        return self.cancel_requested or self.lease_lost or self._shutdown.is_set()


Handler = Callable[[JobContext], JobOutcome]


def describe_failure(exc: BaseException) -> str:
    """What a failed job's ``error`` says: the reason in one line, not a traceback."""
    text = str(exc).strip() or type(exc).__name__
    if isinstance(exc, EXPECTED_FAILURES):
        return text
    return f"{type(exc).__name__}: {text}"


@contextmanager
def stop_on_signals(stop: threading.Event) -> Iterator[None]:
    """SIGINT/SIGTERM set ``stop`` (a run then stops at a safe point and hands its job back); a
    second one interrupts at once. Only the main thread can install handlers; elsewhere this
    does nothing."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def on_signal(signum: int, _frame: Any) -> None:
        if stop.is_set():
            raise KeyboardInterrupt
        logger.warning(
            "%s: stopping at the next safe point (again to stop at once)",
            signal.Signals(signum).name,
        )
        stop.set()

    previous = {sig: signal.signal(sig, on_signal) for sig in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)


class JobWorker:
    def __init__(
        self,
        db: Engine,
        handlers: Mapping[str, Handler],
        *,
        worker_id: str | None = None,
        lease_s: float = jobs.DEFAULT_LEASE_S,
        poll_s: float = 2.0,
        progress_s: float = 2.0,
        on_progress: ProgressHook | None = None,
        stop: threading.Event | None = None,
    ) -> None:
        self.db = db
        self.handlers = dict(handlers)
        self.worker_id = worker_id or jobs.default_worker_id()
        self.lease_s = lease_s
        self.poll_s = poll_s
        self.beat_s = min(lease_s / 3, progress_s)
        self.on_progress = on_progress
        #: Set to shut down: a running job stops at its next safe point and goes back to the queue.
        self.stop = stop or threading.Event()

    @property
    def kinds(self) -> list[str]:
        return list(self.handlers)

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
        """Claim the next waiting job (``job_id`` only, if given) and run it to its end; the job
        as it ended up, or None when nothing waited."""
        if self.stop.is_set():
            return None
        job = jobs.claim(
            self.db, self.worker_id, kinds=self.kinds, job_id=job_id, lease_s=self.lease_s
        )
        if job is None:
            return None
        self._run(job)
        return jobs.get(self.db, job.id)

    def run_job(self, job_id: str) -> JobInfo:
        """Claim this job and run it here to its end (``likeness jobs resume ID``): it may wait
        in the queue, or be left running by a worker whose lease expired or whose process on
        this host is gone. Returns the job as it ended up (``queued`` again if ``stop`` was
        set). Raises JobNotFound; JobHeld when a live worker runs it (watch it instead);
        JobNotClaimable when it has ended, or is of a kind this worker has no handler for."""
        kind = jobs.get(self.db, job_id).kind
        if kind not in self.handlers:
            raise JobNotClaimable(
                f"job {job_id} is a {kind!r} job; this worker runs {', '.join(self.kinds)}"
            )
        self._run(jobs.claim_job(self.db, job_id, self.worker_id, lease_s=self.lease_s))
        return jobs.get(self.db, job_id)

    # -- one job -------------------------------------------------------------------------------

    def _run(self, job: JobInfo) -> None:
        logger.info(
            "worker %s: running job %s (%s for %s, attempt %d/%d)",
            self.worker_id,
            job.id,
            job.kind,
            job.persona or "-",
            job.attempts,
            job.max_attempts,
        )
        run = JobContext(job, self.stop, self.on_progress)
        with self._heartbeats(run):
            try:
                outcome: JobOutcome | Exception = self.handlers[job.kind](run)
            except Exception as exc:  # ends the job, not the worker
                outcome = exc
        if isinstance(outcome, Exception):
            self._fail(run, outcome)
        elif not outcome.stopped:
            self._finish(run, jobs.SUCCEEDED, result=outcome.result)
        elif run.cancel_requested:
            self._finish(run, jobs.CANCELLED)
        else:
            self._release(run)

    @contextmanager
    def _heartbeats(self, run: JobContext) -> Iterator[None]:
        """A heartbeat thread for the body's length. Interrupted hard (a second Ctrl-C), the
        job goes back to the queue rather than stay leased."""
        ended = threading.Event()
        beats = threading.Thread(
            target=self._heartbeat, args=(run, ended), name=f"heartbeat-{run.job.id[:8]}"
        )
        beats.daemon = True
        beats.start()
        try:
            yield
        except BaseException:
            ended.set()
            beats.join()
            self._release(run)
            raise
        ended.set()
        beats.join()

    def _heartbeat(self, run: JobContext, ended: threading.Event) -> None:
        while not ended.wait(self.beat_s):
            try:
                beat = jobs.heartbeat(
                    self.db,
                    run.job.id,
                    self.worker_id,
                    progress=run.stored_progress(),
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

    def _fail(self, run: JobContext, exc: Exception) -> None:
        error = describe_failure(exc)
        if isinstance(exc, EXPECTED_FAILURES):  # the message says it all
            logger.info("job %s failed: %s", run.job.id, error)
        else:
            logger.error("job %s failed", run.job.id, exc_info=exc)
        run.latest = replace(run.latest, message=error)
        self._finish(run, jobs.FAILED, error=error)

    def _release(self, run: JobContext) -> None:
        """Back to the queue, with the progress it stopped at (where the next run resumes)."""
        if run.lease_lost:
            return  # another worker has the job; what it wrote is its own now
        jobs.release(self.db, run.job.id, self.worker_id, progress=run.stored_progress())
        logger.info("job %s: stopped at a safe point, back in the queue", run.job.id)

    def _finish(
        self, run: JobContext, status: str, *, result: dict[str, Any] | None = None, error: str = ""
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
                progress=run.stored_progress(),
            )
        except LeaseLost:
            logger.warning("job %s: lease lost before it could be marked %s", run.job.id, status)
        else:
            logger.info("job %s %s", run.job.id, status)
