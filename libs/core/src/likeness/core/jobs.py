"""The shared job queue, in the database every service already uses (never in memory).

    job_id = submit(db, "persona-sft", persona="alice", config={...})
    job = claim(db, worker="host-1:4242", kinds={"persona-sft"})    # None when nothing waits
    job = claim_job(db, job_id, worker="host-1:4242")             # that job, or JobNotClaimable
    beat = heartbeat(db, job.id, job.worker, progress={...})       # renews the lease
    if beat.cancel_requested: ...                                   # stop, then finish(cancelled)
    finish(db, job.id, job.worker, "succeeded", result={...})

Workers on any number of machines pull from the same table. On PostgreSQL a claim locks the
chosen row with ``FOR UPDATE SKIP LOCKED``, so two workers never take the same job and neither
waits for the other; on SQLite (embedded mode, one machine) the claim is a conditional UPDATE
of the row, which SQLite serialises. A claimed job carries a lease; the worker renews it with
each heartbeat. A job whose lease ran out (its worker crashed or lost the network) is claimed
again by the next worker, up to ``max_attempts`` times; after that it fails with the reason.
A heartbeat that finds the job no longer leased to its worker raises ``LeaseLost``: another
worker has it now, and the first must stop without writing anything more. ``claim_job`` (the
CLI resuming one job in its own process) also takes over a job whose worker was a process of
this host that no longer exists (``kill -9``), without waiting for its lease to run out.

The loop that claims, heartbeats and finishes jobs is ``likeness.core.job_worker``.

Lease times come from the workers' clocks; keep them in sync (NTP), as any lease system needs.
"""

from __future__ import annotations

import os
import socket
import time
import uuid
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any, cast

from sqlalchemy import CursorResult, Engine, Result, Select, or_, select, update
from sqlalchemy.orm import Session

from likeness.core.db.models import Job, Persona
from likeness.core.personas import persona_id as lookup_persona_id

QUEUED, RUNNING, SUCCEEDED, FAILED, CANCELLED = (
    "queued",
    "running",
    "succeeded",
    "failed",
    "cancelled",
)
TERMINAL = frozenset({SUCCEEDED, FAILED, CANCELLED})
DEFAULT_LEASE_S = 60.0


class JobNotFound(LookupError):
    """No job with that id."""


class LeaseLost(RuntimeError):
    """The job is no longer leased to this worker (it expired and was claimed again, or ended)."""


class JobNotClaimable(RuntimeError):
    """``claim_job`` cannot take this job: it has ended (or ended just now, see the message)."""


class JobHeld(JobNotClaimable):
    """A live worker holds the job's lease; it can be watched, not taken over."""

    def __init__(self, message: str, worker: str, lease_expires_at: datetime | None) -> None:
        super().__init__(message)
        self.worker = worker
        self.lease_expires_at = lease_expires_at


#: The stored progress key of a job's loss by step: the whole run, for a plot opened part-way.
LOSS_HISTORY_KEY = "loss_history"
#: Points a loss history keeps; past it every other point is dropped (the curve's shape stays).
LOSS_HISTORY_POINTS = 256


def add_loss_point(
    points: list[tuple[int, float]], step: int, loss: float, *, cap: int = LOSS_HISTORY_POINTS
) -> None:
    """Record ``loss`` at ``step`` in ``points``; a run resumed from an earlier checkpoint drops
    the steps it will train again. Past ``cap`` points every other one is dropped, and from then
    on points are kept that many steps apart (the first gap tells the spacing), so a long run stays
    evenly sampled from its first step; the last point is always the newest report."""
    if step <= 0 or not loss:
        return
    while points and points[-1][0] >= step:
        points.pop()
    if len(points) >= 3 and points[-1][0] - points[-2][0] < points[1][0] - points[0][0]:
        points.pop()  # the newest report so far, off the spacing: the new one takes its place
    points.append((step, loss))
    if len(points) > cap:
        points[:] = [*points[:-1:2], points[-1]]


@dataclass(frozen=True, slots=True)
class JobInfo:
    id: str
    kind: str
    persona: str
    status: str
    config: dict[str, Any]
    progress: dict[str, Any]
    result: dict[str, Any]
    error: str
    attempts: int
    max_attempts: int
    worker: str
    cancel_requested: bool
    created_at: datetime
    started_at: datetime | None
    finished_at: datetime | None

    @property
    def done(self) -> bool:
        return self.status in TERMINAL

    @property
    def loss_history(self) -> list[tuple[int, float]]:
        """The job's loss by step so far (``add_loss_point``'s list, as stored)."""
        stored = self.progress.get(LOSS_HISTORY_KEY) or []
        return [(int(step), float(loss)) for step, loss in stored]

    @property
    def report(self) -> ProgressReport:
        """The stored progress, typed; a failed job's last word is why it failed."""
        report = ProgressReport.from_dict(self.progress)
        if self.status == FAILED and self.error:
            report.message = self.error
        return report


@dataclass(frozen=True, slots=True)
class Beat:
    cancel_requested: bool


@dataclass(slots=True)
class ProgressReport:
    """What a running job reports; stored as the job's ``progress`` and streamed to watchers."""

    step: int = 0
    total: int = 0
    loss: float = 0.0
    learning_rate: float = 0.0
    tokens_per_s: float = 0.0
    eta_s: float = 0.0
    message: str = ""
    extra: dict[str, Any] = field(default_factory=dict)

    def as_dict(self) -> dict[str, Any]:
        return {
            "step": self.step,
            "total": self.total,
            "loss": self.loss,
            "learning_rate": self.learning_rate,
            "tokens_per_s": self.tokens_per_s,
            "eta_s": self.eta_s,
            "message": self.message,
            **({"extra": self.extra} if self.extra else {}),
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> ProgressReport:
        """The one decoder of a stored ``progress`` (missing keys are zero: older rows)."""
        return cls(
            step=int(data.get("step", 0)),
            total=int(data.get("total", 0)),
            loss=float(data.get("loss", 0.0)),
            learning_rate=float(data.get("learning_rate", 0.0)),
            tokens_per_s=float(data.get("tokens_per_s", 0.0)),
            eta_s=float(data.get("eta_s", 0.0)),
            message=str(data.get("message", "")),
            extra=dict(data.get("extra", {})),
        )


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime | None) -> datetime | None:
    # SQLite hands datetimes back without a zone; everything stored here is UTC.
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def _info(job: Job, slug: str | None) -> JobInfo:
    return JobInfo(
        id=job.id,
        kind=job.kind,
        persona=slug or "",
        status=job.status,
        config=dict(job.config or {}),
        progress=dict(job.progress or {}),
        result=dict(job.result or {}),
        error=job.error or "",
        attempts=job.attempts,
        max_attempts=job.max_attempts,
        worker=job.worker or "",
        cancel_requested=bool(job.cancel_requested),
        created_at=_aware(job.created_at) or _now(),
        started_at=_aware(job.started_at),
        finished_at=_aware(job.finished_at),
    )


def submit(
    db: Engine,
    kind: str,
    *,
    persona: str | None = None,
    config: dict[str, Any] | None = None,
    priority: int = 0,
    max_attempts: int = 3,
) -> str:
    """Queue a job; returns its id."""
    if max_attempts < 1:
        raise ValueError("max_attempts must be at least 1")
    job_id = uuid.uuid4().hex
    with Session(db) as session, session.begin():
        persona_id = lookup_persona_id(session, persona) if persona else None
        session.add(
            Job(
                id=job_id,
                kind=kind,
                persona_id=persona_id,
                config=config or {},
                status=QUEUED,
                cancel_requested=False,
                priority=priority,
                attempts=0,
                max_attempts=max_attempts,
                worker="",
                progress={},
                result={},
                error="",
                created_at=_now(),
            )
        )
    return job_id


def _select_with_slug() -> Select[tuple[Job, str]]:
    return select(Job, Persona.slug).outerjoin(Persona, Job.persona_id == Persona.id)


def _fetch(db: Engine, query: Select[tuple[Job, str]]) -> list[JobInfo]:
    with Session(db) as session:
        return [_info(job, slug) for job, slug in session.execute(query).all()]


def get(db: Engine, job_id: str) -> JobInfo:
    found = _fetch(db, _select_with_slug().where(Job.id == job_id))
    if not found:
        raise JobNotFound(f"no job {job_id!r}")
    return found[0]


def list_jobs(
    db: Engine,
    *,
    persona: str | None = None,
    kinds: Collection[str] | None = None,
    statuses: Collection[str] | None = None,
    limit: int = 50,
    before: datetime | None = None,
) -> list[JobInfo]:
    """Newest first."""
    query = _select_with_slug()
    if persona:
        query = query.where(Persona.slug == persona)
    if kinds:
        query = query.where(Job.kind.in_(list(kinds)))
    if statuses:
        query = query.where(Job.status.in_(list(statuses)))
    if before is not None:
        query = query.where(Job.created_at < before)
    return _fetch(db, query.order_by(Job.created_at.desc(), Job.id).limit(limit))


def _fail_exhausted(session: Session, now: datetime) -> None:
    """Jobs whose last allowed attempt lost its lease fail instead of running forever."""
    exhausted = session.scalars(
        select(Job)
        .where(Job.status == RUNNING, Job.lease_expires_at < now, Job.attempts >= Job.max_attempts)
        .with_for_update(skip_locked=True)
    ).all()
    for job in exhausted:
        job.status = FAILED
        job.error = (
            f"the worker stopped renewing its lease {job.attempts} time(s) "
            f"(last worker: {job.worker or 'unknown'}); giving up after max_attempts"
        )
        job.finished_at = now


def _cancel_abandoned(session: Session, now: datetime) -> None:
    """A job cancelled while its worker died would otherwise stay "running" forever: claims
    skip cancel-requested jobs, so nobody would take it to notice the cancel."""
    abandoned = session.scalars(
        select(Job)
        .where(
            Job.status == RUNNING,
            Job.lease_expires_at < now,
            Job.cancel_requested.is_(True),
        )
        .with_for_update(skip_locked=True)
    ).all()
    for job in abandoned:
        job.status = CANCELLED
        job.lease_expires_at = None
        job.finished_at = now


def default_worker_id() -> str:
    """``host:pid``: what ``claim_job`` reads back to tell a dead local worker from a live one."""
    return f"{socket.gethostname()}:{os.getpid()}"


def _holder_is_gone(worker: str) -> bool:
    """True only when ``worker`` (``host:pid…``) names a process of this host that has exited;
    a worker elsewhere, or one that cannot be told, counts as alive (its lease decides)."""
    host, _, rest = worker.partition(":")
    digits = rest[: len(rest) - len(rest.lstrip("0123456789"))]
    if host != socket.gethostname() or not digits:
        return False
    pid = int(digits)
    if pid == os.getpid():
        return False  # another thread of this very process
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError):
        return False
    return False


def _changed(result: Result[Any]) -> int:
    """Rows an UPDATE changed (``session.execute`` is typed as returning any Result)."""
    return cast(CursorResult[Any], result).rowcount


def _claimable(now: datetime):  # type: ignore[no-untyped-def]
    return or_(Job.status == QUEUED, (Job.status == RUNNING) & (Job.lease_expires_at < now))


def _take(session: Session, job_id: str, worker: str, now: datetime, lease_s: float) -> bool:
    """Lease the job to ``worker`` if it is still claimable. The condition repeats the
    candidate test: on SQLite (no row locks) it is what keeps two workers from both taking it."""
    taken = session.execute(
        update(Job)
        .where(Job.id == job_id, _claimable(now))
        .values(
            status=RUNNING,
            worker=worker,
            attempts=Job.attempts + 1,
            lease_expires_at=now + timedelta(seconds=lease_s),
            heartbeat_at=now,
            started_at=now,
        )
        .execution_options(synchronize_session=False)
    )
    return _changed(taken) == 1


def claim(
    db: Engine,
    worker: str,
    *,
    kinds: Collection[str] | None = None,
    job_id: str | None = None,
    lease_s: float = DEFAULT_LEASE_S,
) -> JobInfo | None:
    """Lease the next job (highest priority, oldest first) to ``worker``; None if none waits.

    ``job_id`` claims that one job only, if it waits (``claim_job`` says why it cannot).
    """
    now = _now()
    with Session(db) as session, session.begin():
        _cancel_abandoned(session, now)
        _fail_exhausted(session, now)
        candidates = (
            select(Job.id)
            .where(_claimable(now), Job.cancel_requested.is_(False))
            .order_by(Job.priority.desc(), Job.created_at, Job.id)
            .limit(1)
            .with_for_update(skip_locked=True)
        )
        if kinds:
            candidates = candidates.where(Job.kind.in_(list(kinds)))
        if job_id is not None:
            candidates = candidates.where(Job.id == job_id)
        chosen = session.scalar(candidates)
        if chosen is None or not _take(session, chosen, worker, now, lease_s):
            return None
    return get(db, chosen)


def claim_job(db: Engine, job_id: str, worker: str, *, lease_s: float = DEFAULT_LEASE_S) -> JobInfo:
    """Lease this one job to ``worker`` (``likeness jobs resume ID`` runs it in its process).

    It is taken when it waits in the queue, when its lease has expired, or when its worker was
    a process of this host that no longer exists (killed with ``kill -9``: its lease may still
    run for a minute). Raises JobNotFound; JobHeld when a live worker holds it (watch it
    instead); JobNotClaimable when it has ended, or ends now: cancelled while its worker was
    gone, or failed with its last allowed attempt.
    """
    now = _now()
    with Session(db) as session, session.begin():
        job = session.scalar(select(Job).where(Job.id == job_id).with_for_update())
        if job is None:
            raise JobNotFound(f"no job {job_id!r}")
        expires = _aware(job.lease_expires_at)
        if job.status == RUNNING and expires is not None and expires >= now:
            if not _holder_is_gone(job.worker or ""):
                raise JobHeld(
                    f"job {job_id} is running on worker {job.worker or 'unknown'} (lease until "
                    f"{expires:%H:%M:%S} UTC); watch it, or resume it once that lease ran out",
                    job.worker or "",
                    expires,
                )
            job.lease_expires_at = now - timedelta(microseconds=1)  # its process is gone
            session.flush()
        # These end it if it was cancelled meanwhile or has no attempt left (``job`` is the
        # same object they change).
        _cancel_abandoned(session, now)
        _fail_exhausted(session, now)
        session.flush()
        # Refused after the commit: settling the job above is kept.
        if job.status in TERMINAL:
            refusal = f"job {job_id} {job.status}" + (f": {job.error}" if job.error else "")
        elif job.cancel_requested or not _take(session, job_id, worker, now, lease_s):
            refusal = f"job {job_id} cannot be claimed now ({job.status})"
        else:
            refusal = ""
    if refusal:
        raise JobNotClaimable(refusal)
    return get(db, job_id)


@contextmanager
def _holding(db: Engine, job_id: str, worker: str, values: dict[str, Any]) -> Iterator[Session]:
    """Apply ``values`` to a job ``worker`` holds, in a transaction the caller may read in;
    raises LeaseLost (and changes nothing) if the job is not ``worker``'s any more."""
    with Session(db) as session, session.begin():
        updated = session.execute(
            update(Job)
            .where(Job.id == job_id, Job.worker == worker, Job.status == RUNNING)
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        if _changed(updated) != 1:
            raise LeaseLost(f"job {job_id} is no longer leased to {worker}")
        yield session


def heartbeat(
    db: Engine,
    job_id: str,
    worker: str,
    *,
    progress: dict[str, Any] | None = None,
    lease_s: float = DEFAULT_LEASE_S,
) -> Beat:
    """Renew the lease (and store progress); raises LeaseLost if the job is not ours any more."""
    now = _now()
    values: dict[str, Any] = {
        "lease_expires_at": now + timedelta(seconds=lease_s),
        "heartbeat_at": now,
    }
    if progress is not None:
        values["progress"] = progress
    with _holding(db, job_id, worker, values) as session:
        cancel = session.scalar(select(Job.cancel_requested).where(Job.id == job_id))
    return Beat(cancel_requested=bool(cancel))


def finish(
    db: Engine,
    job_id: str,
    worker: str,
    status: str,
    *,
    result: dict[str, Any] | None = None,
    error: str = "",
    progress: dict[str, Any] | None = None,
) -> None:
    """End a job this worker holds (succeeded, failed or cancelled)."""
    if status not in TERMINAL:
        raise ValueError(f"{status!r} is not a final status")
    values: dict[str, Any] = {
        "status": status,
        "finished_at": _now(),
        "lease_expires_at": None,
        "error": error,
    }
    if result is not None:
        values["result"] = result
    if progress is not None:
        values["progress"] = progress
    with _holding(db, job_id, worker, values):
        pass


def release(
    db: Engine, job_id: str, worker: str, *, progress: dict[str, Any] | None = None
) -> None:
    """Give a job back to the queue (a worker shutting down cleanly), with the ``progress`` it
    stopped at; the attempt is not counted. A job no longer ours is left alone."""
    values: dict[str, Any] = {
        "status": QUEUED,
        "worker": "",
        "lease_expires_at": None,
        "attempts": Job.attempts - 1,
    }
    if progress is not None:
        values["progress"] = progress
    with suppress(LeaseLost), _holding(db, job_id, worker, values):
        pass


def cancel(db: Engine, job_id: str) -> JobInfo:
    """A queued job is cancelled at once; a running one at its worker's next heartbeat."""
    now = _now()
    with Session(db) as session, session.begin():
        job = session.scalar(select(Job).where(Job.id == job_id).with_for_update())
        if job is None:
            raise JobNotFound(f"no job {job_id!r}")
        if job.status == QUEUED:
            job.status, job.finished_at, job.cancel_requested = CANCELLED, now, True
        elif job.status == RUNNING:
            job.cancel_requested = True
    return get(db, job_id)


def watch(
    db: Engine,
    job_id: str,
    *,
    poll_s: float = 0.5,
    still_wanted: Callable[[], bool] = lambda: True,
) -> Iterator[JobInfo]:
    """The job's state now and at every change until it ends (polls; works across machines)."""
    last: tuple[Any, ...] | None = None
    while still_wanted():
        job = get(db, job_id)
        seen = (job.status, job.progress, job.error, job.cancel_requested, job.attempts)
        if seen != last:
            last = seen
            yield job
            if job.done:
                return
        time.sleep(poll_s)
