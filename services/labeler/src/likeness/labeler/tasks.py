"""Label tasks: leasing a post to an annotator, generating its proposals, resuming, showing.

    task = next_task(db, proposer, "mags", "ann")        # resumed, prefetched, or prepared now
    task = prepare_task(db, proposer, "mags", "ann")     # leased + proposals stored, not shown
    open_tasks(db, "mags", "ann")                         # what the prefetcher keeps topped up

A task is a lease: the row in ``label_tasks`` with state ``open`` keeps its post from everyone
else until ``lease_expires_at``. The database keeps two annotators (or two servers) from leasing
the same post: a partial unique index allows one open task per post, so leasing is an INSERT
that either wins or raises IntegrityError, and the loser tries another post. ``expire_leases``
(run at the start of every prepare) turns run-out leases into ``expired`` and their posts go back
to the pool; a late Submit on one is refused (``LeaseExpired``).

Preparing scores a small pool of posts (see ``likeness.labeler.sampling``): ``pool`` random
posts (default 2) and, when ``pool`` > 1, the post whose stored proposals have the highest
priority. Every member is leased, proposals are generated (or reused) and stored for each, with
the reward model's score of each text when the proposer sent one (``proposals.reward``; the task
records ``reward_model`` and the reward model's ``uncertainty`` between them, ``disagreement``
the edit distance among them). The member with the highest priority (disagreement, or with
rewards the mean of disagreement and uncertainty: ``sampling.priority``) is kept and the others
are *released* (state ``released``) with their proposals and rewards stored. A later prepare
that picks a released post reopens that same row and reuses its proposals (and their rewards)
when they came from the normaliser, prompt version and reward model the proposer uses now. The
proposer has no "which normaliser are you" call, so this is learned from the pool itself: each
prepare generates for at least one member (a fresh post, or else the first released one), and a
released member's proposals are reused only if their generator, prompt version and reward model
equal that fresh generation's; otherwise they are regenerated and replaced (they were never
shown), so a post's rewards always come from the reward model that scored the rest of the pool.
Reused proposals keep the number they were made with (``n`` is the server's one setting).

While a pool is prepared its leases are marked ``PREPARING`` (not ready), so a concurrent
NextTask of the same annotator never shows a member that may still be released or regenerated;
the kept task becomes ready in the same transaction that releases the others.

Leasing comes first and generation after (generation takes seconds); a task whose generation
fails is given back (deleted when it had no proposals, released when it kept older ones) and the
error propagates. Showing a task (``next_task``) stamps ``shown_at`` and starts a fresh lease,
so a prefetched task gives its annotator the whole lease time from when they see it.
Resume: an annotator who comes back gets their open task again — the one shown most recently
first, else the oldest prefetched one — with ``resumed`` set when it had been shown before.

On SQLite (one writer at a time) every write is a short transaction that starts with its write,
and a "database is locked" error is retried (``transaction``).
"""

from __future__ import annotations

import random
import threading
import time
import uuid
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, TypeVar, cast

from sqlalchemy import ColumnElement, CursorResult, Engine, Result, delete, func, select, update
from sqlalchemy.exc import IntegrityError, OperationalError
from sqlalchemy.orm import Session

from likeness.core.db.models import Judgment, Persona, Post
from likeness.core.db.models import LabelTask as TaskRow
from likeness.core.db.models import Proposal as ProposalRow
from likeness.core.flags import flag_names
from likeness.core.personas import get_persona
from likeness.core.proposals import Proposals, ProposedText
from likeness.labeler.errors import NothingToLabel, TaskNotFound
from likeness.labeler.sampling import (
    Candidate,
    disagreement,
    pick_candidates,
    priority,
    remaining_query,
    uncertainty,
)
from likeness.labeler.types import Action, LabelTask, PostView, ProposalView, Proposer

OPEN, JUDGED, SKIPPED, EXPIRED, RELEASED = "open", "judged", "skipped", "expired", "released"
DEFAULT_POOL = 2
# ``disagreement`` of a task whose pool is still being prepared: not ready to show, whatever
# proposals it holds (a pool member may still lose and be released; a reopened row may still
# be regenerated). The prepare sets the real score (>= 0) of the task it keeps, and releases
# the others, in one transaction.
PREPARING = -1.0
_LEASE_ROUNDS = 20  # sampling rounds before giving up on a crowd of concurrent annotators
_LOCK_RETRIES = 12

T = TypeVar("T")


def utcnow() -> datetime:
    return datetime.now(UTC)


def aware(moment: datetime | None) -> datetime | None:
    """SQLite hands datetimes back without a zone; everything stored here is UTC."""
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def changed(result: Result[Any]) -> int:
    """Rows an UPDATE/DELETE changed (``session.execute`` is typed as returning any Result)."""
    return cast(CursorResult[Any], result).rowcount


def _locked(exc: OperationalError) -> bool:
    message = str(exc.orig).lower()
    return "database is locked" in message or "database table is locked" in message


def transaction(db: Engine, work: Callable[[Session], T]) -> T:
    """Run ``work`` in one transaction, committed when it returns; on SQLite a "database is
    locked" error (a writer held the file past the busy timeout) is retried with a backoff."""
    for attempt in range(_LOCK_RETRIES):
        try:
            with Session(db, expire_on_commit=False) as session, session.begin():
                return work(session)
        except OperationalError as exc:
            if db.dialect.name != "sqlite" or not _locked(exc) or attempt == _LOCK_RETRIES - 1:
                raise
            time.sleep(min(0.05 * 2**attempt, 1.0) * random.uniform(0.5, 1.0))
    raise AssertionError("unreachable")


def ready() -> ColumnElement[bool]:
    """Tasks whose preparation is finished (see ``PREPARING``)."""
    return TaskRow.disagreement >= 0


def check_annotator(annotator: str) -> str:
    name = annotator.strip()
    if not name:
        raise ValueError("an annotator name is required (who is labeling?)")
    return name


def _persona(db: Engine, slug: str) -> Persona:
    with Session(db, expire_on_commit=False) as session:
        persona = get_persona(session, slug)
        session.expunge(persona)
        return persona


# --- Views ---


def _post_view(post: Post) -> PostView:
    return PostView(
        id=post.id,
        platform=post.platform,
        created_at=aware(post.created_at),
        raw_text=post.raw_text,
        clean_text=post.clean_text,
        flags=flag_names(post.flags),
        normalized_text=post.normalized_text or "",
    )


def task_view(
    session: Session, task: TaskRow, persona: Persona, *, resumed: bool = False
) -> LabelTask:
    """The task as the labeler hands it out: its post, its proposals in order, what is left."""
    post = session.get(Post, task.post_id)
    if post is None:
        raise TaskNotFound(f"the post of task {task.id} is gone (was the persona re-imported?)")
    proposals = session.scalars(
        select(ProposalRow).where(ProposalRow.task_id == task.id).order_by(ProposalRow.position)
    ).all()
    return LabelTask(
        task_id=task.id,
        persona=persona.slug,
        annotator=task.annotator,
        post=_post_view(post),
        proposals=[ProposalView(p.id, p.position, p.text, p.temperature) for p in proposals],
        generator=task.generator,
        prompt_version=task.prompt_version,
        lease_expires_at=aware(task.lease_expires_at) or utcnow(),
        resumed=resumed,
        disagreement=task.disagreement,
        remaining=int(session.scalar(remaining_query(persona)) or 0),
    )


def _view(db: Engine, task_id: str, persona: Persona, *, resumed: bool = False) -> LabelTask:
    with Session(db) as session:
        task = session.get(TaskRow, task_id)
        if task is None:
            raise TaskNotFound(f"no label task {task_id!r}")
        return task_view(session, task, persona, resumed=resumed)


def get_task(db: Engine, task_id: str) -> LabelTask:
    """The task with this id, whatever its state; raises TaskNotFound."""
    with Session(db) as session:
        task = session.get(TaskRow, task_id)
        if task is None:
            raise TaskNotFound(f"no label task {task_id!r}")
        persona = session.get(Persona, task.persona_id)
        if persona is None:
            raise TaskNotFound(f"the persona of task {task_id!r} is gone")
        return task_view(session, task, persona)


# --- Counting ---


def expire_leases(db: Engine, *, now: datetime | None = None) -> int:
    """Open tasks whose lease ran out become ``expired``; their posts go back to the pool.

    Looks before it writes, so the common case (nothing expired) takes no write lock."""
    now = now or utcnow()
    with Session(db) as session:
        due = session.scalar(
            select(func.count()).where(TaskRow.state == OPEN, TaskRow.lease_expires_at <= now)
        )
    if not due:
        return 0
    return transaction(
        db,
        lambda session: changed(
            session.execute(
                update(TaskRow)
                .where(TaskRow.state == OPEN, TaskRow.lease_expires_at <= now)
                .values(state=EXPIRED, finished_at=now)
                .execution_options(synchronize_session=False)
            )
        ),
    )


def open_tasks(
    db: Engine,
    persona: str,
    annotator: str,
    *,
    ready_only: bool = False,
    now: datetime | None = None,
) -> int:
    """Open, unexpired tasks the annotator holds for the persona; ``ready_only`` counts only
    the prepared ones not shown yet (what a prefetcher keeps topped up)."""
    now = now or utcnow()
    with Session(db) as session:
        query = (
            select(func.count())
            .select_from(TaskRow)
            .join(Persona, Persona.id == TaskRow.persona_id)
            .where(
                Persona.slug == persona,
                TaskRow.annotator == annotator.strip(),
                TaskRow.state == OPEN,
                TaskRow.lease_expires_at > now,
            )
        )
        if ready_only:  # prepared (a pool still generating is not ready), not shown yet
            query = query.where(TaskRow.shown_at.is_(None), ready())
        return int(session.scalar(query) or 0)


def remaining(db: Engine, persona: str) -> int:
    """The persona's kept posts without a standing decision; raises PersonaNotFound."""
    with Session(db) as session:
        return int(session.scalar(remaining_query(get_persona(session, persona))) or 0)


# --- Preparing ---


@dataclass(slots=True)
class _Leased:
    task_id: str
    post_id: str
    clean_text: str
    reopened: bool  # a released row taken again (it keeps its older proposals on failure)
    stored: Proposals | None = None  # the proposals the reopened row holds
    disagreement: float = 0.0
    uncertainty: float | None = None  # None: the proposals are unscored
    saved: bool = False  # proposals for this lease are in the database

    @property
    def priority(self) -> float:
        return priority(self.disagreement, self.uncertainty)

    def score(self, proposals: Proposals) -> None:
        self.disagreement = disagreement([p.text for p in proposals.texts])
        self.uncertainty = uncertainty([p.reward for p in proposals.texts])


class _Decided(Exception):
    """The post was decided (or skipped by this annotator) after it was picked."""


def _still_free(session: Session, persona: Persona, post_id: str, annotator: str) -> bool:
    """Checked inside the leasing transaction, after its write: the candidate was picked
    before, and another annotator may have judged it since (a judged task is no longer open,
    so the unique index alone does not stop a second lease). On SQLite the write holds the
    database's one write lock; on PostgreSQL a conflicting open row makes the INSERT wait for
    the judging transaction. Either way this read sees a judgment committed before the lease."""
    decided = session.scalar(
        select(Judgment.id)
        .where(
            Judgment.persona_id == persona.id,
            Judgment.post_id == post_id,
            Judgment.undone_at.is_(None),
            (Judgment.action != Action.SKIP.value) | (Judgment.annotator == annotator),
        )
        .limit(1)
    )
    return decided is None


def _lease(
    db: Engine,
    persona: Persona,
    candidate: Candidate,
    annotator: str,
    now: datetime,
    lease_s: float,
) -> _Leased | None:
    """Lease one candidate post to ``annotator``; None when someone else got it first."""
    expires = now + timedelta(seconds=lease_s)

    def reopen(session: Session, released: str) -> _Leased | None:
        taken = session.execute(
            update(TaskRow)
            .where(TaskRow.id == released, TaskRow.state == RELEASED)
            .values(
                state=OPEN,
                annotator=annotator,
                lease_expires_at=expires,
                shown_at=None,
                finished_at=None,
                disagreement=PREPARING,
            )
            .execution_options(synchronize_session=False)
        )
        if changed(taken) != 1:
            return None
        row = session.get(TaskRow, released)
        assert row is not None
        texts = session.execute(
            select(ProposalRow.text, ProposalRow.temperature, ProposalRow.reward)
            .where(ProposalRow.task_id == row.id)
            .order_by(ProposalRow.position)
        ).all()
        lease = _Leased(row.id, row.post_id, "", True)
        if texts:
            lease.stored = Proposals(
                [ProposedText(t, temp, reward) for t, temp, reward in texts],
                row.generator,
                row.prompt_version,
                row.prompt,
                row.reward_model,
            )
            lease.score(lease.stored)
        return lease

    def insert(session: Session) -> _Leased:
        task_id = uuid.uuid4().hex
        session.add(
            TaskRow(
                id=task_id,
                persona_id=persona.id,
                post_id=candidate.post_id,
                annotator=annotator,
                state=OPEN,
                lease_expires_at=expires,
                disagreement=PREPARING,
                created_at=now,
            )
        )
        session.flush()
        return _Leased(task_id, candidate.post_id, "", False)

    def work(session: Session) -> _Leased | None:
        if candidate.released_task is not None:
            lease = reopen(session, candidate.released_task)
        else:
            lease = insert(session)
        if lease is None:
            return None
        if not _still_free(session, persona, lease.post_id, annotator):
            raise _Decided  # rolls the lease back
        lease.clean_text = (
            session.scalar(select(Post.clean_text).where(Post.id == lease.post_id)) or ""
        )
        return lease

    try:
        return transaction(db, work)
    except (IntegrityError, _Decided):
        return None  # another annotator holds (or has decided) this post now


def _lease_pool(
    db: Engine,
    persona: Persona,
    annotator: str,
    *,
    pool: int,
    rng: random.Random,
    now: datetime,
    lease_s: float,
) -> list[_Leased]:
    """Lease ``pool`` random posts and (when ``pool`` > 1) the best one with stored proposals,
    trying other candidates when concurrent annotators win."""
    leased: list[_Leased] = []
    lost: set[str] = set()
    drawn, stored = 0, 0
    want_stored = 1 if pool > 1 else 0
    for _ in range(_LEASE_ROUNDS):
        if drawn >= pool and stored >= want_stored:
            break
        avoid = lost | {lease.post_id for lease in leased}
        with Session(db) as session:
            candidates = pick_candidates(
                session,
                persona,
                annotator,
                fresh=max(pool - drawn, 0),
                stored=max(want_stored - stored, 0),
                rng=rng,
                avoid=avoid,
            )
        if not candidates:
            if not lost:
                break
            lost.clear()  # posts lost to a concurrent pool may have been released meanwhile
            continue
        for candidate in candidates:
            lease = _lease(db, persona, candidate, annotator, now, lease_s)
            if lease is None:
                lost.add(candidate.post_id)
                continue
            leased.append(lease)
            if candidate.drawn:
                drawn += 1
            else:
                stored += 1
    return leased


def _save(db: Engine, persona: Persona, lease: _Leased, proposals: Proposals) -> None:
    """Store the task's generator, prompt and proposals with their rewards (replacing older,
    never shown ones); ``disagreement`` is set when the preparation settles (``_settle``)."""
    lease.score(proposals)

    def work(session: Session) -> None:
        session.execute(
            update(TaskRow)
            .where(TaskRow.id == lease.task_id)
            .values(
                generator=proposals.generator,
                prompt_version=proposals.prompt_version,
                prompt=proposals.prompt,
                reward_model=proposals.reward_model,
                uncertainty=lease.uncertainty,
            )
            .execution_options(synchronize_session=False)
        )
        session.execute(delete(ProposalRow).where(ProposalRow.task_id == lease.task_id))
        session.add_all(
            ProposalRow(
                id=uuid.uuid4().hex,
                persona_id=persona.id,
                post_id=lease.post_id,
                task_id=lease.task_id,
                position=position,
                temperature=proposed.temperature,
                text=proposed.text,
                generator=proposals.generator,
                prompt_version=proposals.prompt_version,
                reward=proposed.reward,
            )
            for position, proposed in enumerate(proposals.texts)
        )

    transaction(db, work)
    lease.saved = True


def _settle(db: Engine, keep: _Leased | None, give_back: list[_Leased], now: datetime) -> None:
    """End a preparation in one transaction: the kept task gets its disagreement (ready to
    show), the others are released (proposals kept for a later prepare, with their
    disagreement; rewards and uncertainty are stored with the proposals) or deleted (they have
    none)."""

    def work(session: Session) -> None:
        if keep is not None:
            session.execute(
                update(TaskRow)
                .where(TaskRow.id == keep.task_id, TaskRow.state == OPEN)
                .values(disagreement=keep.disagreement)
                .execution_options(synchronize_session=False)
            )
        for lease in give_back:
            mine = (TaskRow.id == lease.task_id) & (TaskRow.state == OPEN)
            if lease.saved or lease.reopened:
                session.execute(
                    update(TaskRow)
                    .where(mine)
                    .values(state=RELEASED, finished_at=now, disagreement=lease.disagreement)
                    .execution_options(synchronize_session=False)
                )
            else:
                session.execute(delete(TaskRow).where(mine))

    transaction(db, work)


def _generate(
    db: Engine, proposer: Proposer, persona: Persona, leases: list[_Leased], n: int
) -> None:
    """Proposals for every lease: generated for the fresh ones (and, when there is none, for
    the first reopened one), reused for a reopened one that the same normaliser, prompt
    version and reward model made, regenerated for the others."""
    fresh = [lease for lease in leases if lease.stored is None]
    if not fresh and leases:
        fresh = [leases[0]]
    current: tuple[str, str, str | None] | None = None

    # All at once: the engine batches a pool's requests, so two posts cost about what one does
    # (measured on vLLM CPU: generating them one after the other made prefetch fall behind a
    # person who reads a post in 3 s).
    def propose(lease: _Leased) -> Proposals:
        return proposer.propose(persona.slug, lease.clean_text, n)

    # Named after the caller, so logs (and the benchmark) still tell prefetch work from RPC work.
    name = threading.current_thread().name
    with ThreadPoolExecutor(max_workers=max(1, len(fresh)), thread_name_prefix=name) as pool:
        made = list(pool.map(propose, fresh))
    for lease, proposals in zip(fresh, made, strict=True):
        _save(db, persona, lease, proposals)
        current = (proposals.generator, proposals.prompt_version, proposals.reward_model)
    for lease in leases:
        if lease in fresh:
            continue
        stored = lease.stored
        assert stored is not None
        if (stored.generator, stored.prompt_version, stored.reward_model) == current:
            lease.saved = True  # its stored proposals (and rewards) stand as they are
            lease.score(stored)
        else:
            _save(db, persona, lease, proposer.propose(persona.slug, lease.clean_text, n))


def _prepare(
    db: Engine,
    proposer: Proposer,
    persona: Persona,
    annotator: str,
    *,
    n: int,
    lease_s: float,
    pool: int,
    rng: random.Random | None,
    now: datetime | None,
) -> str:
    moment = now or utcnow()
    expire_leases(db, now=moment)
    leases = _lease_pool(
        db,
        persona,
        annotator,
        pool=max(pool, 1),
        rng=rng or random.Random(),
        now=moment,
        lease_s=lease_s,
    )
    if not leases:
        raise NothingToLabel(
            f"nothing left to label for persona {persona.slug!r}: every kept post is labeled, "
            f"held by another annotator, or skipped by {annotator!r}"
        )
    try:
        _generate(db, proposer, persona, leases, n)
    except BaseException:
        _settle(db, None, leases, moment)
        raise
    # The highest priority; the first of equals: the sampler's order.
    best = max(leases, key=lambda lease: lease.priority)
    _settle(db, best, [lease for lease in leases if lease is not best], moment)
    return best.task_id


def prepare_task(
    db: Engine,
    proposer: Proposer,
    persona: str,
    annotator: str,
    *,
    n: int = 4,
    lease_s: float = 900.0,
    pool: int = DEFAULT_POOL,
    rng: random.Random | None = None,
    now: datetime | None = None,
) -> LabelTask:
    """Lease a new post to ``annotator`` and store its proposals (the task is open, not shown).

    Raises PersonaNotFound, NothingToLabel, ValueError for an empty annotator, and whatever the
    proposer raises (the lease is given back first)."""
    who = check_annotator(annotator)
    found = _persona(db, persona)
    task_id = _prepare(db, proposer, found, who, n=n, lease_s=lease_s, pool=pool, rng=rng, now=now)
    return _view(db, task_id, found)


# --- Showing ---


def _resumable(db: Engine, persona: Persona, annotator: str, now: datetime) -> TaskRow | None:
    """The annotator's open task to show: the one shown most recently, else the oldest
    prefetched one. Only a ready one: a lease that a concurrent prepare (the prefetcher) holds
    in its pool while it generates is not shown."""
    with Session(db, expire_on_commit=False) as session:
        return session.scalar(
            select(TaskRow)
            .where(
                TaskRow.persona_id == persona.id,
                TaskRow.annotator == annotator,
                TaskRow.state == OPEN,
                TaskRow.lease_expires_at > now,
                ready(),
            )
            .order_by(
                TaskRow.shown_at.is_(None),
                TaskRow.shown_at.desc(),
                TaskRow.lease_expires_at,
                TaskRow.id,
            )
            .limit(1)
        )


def _show(db: Engine, task_id: str, annotator: str, now: datetime, lease_s: float) -> bool:
    """Stamp ``shown_at`` and start a fresh lease, if the task is still the annotator's."""
    return (
        transaction(
            db,
            lambda session: changed(
                session.execute(
                    update(TaskRow)
                    .where(
                        TaskRow.id == task_id,
                        TaskRow.annotator == annotator,
                        TaskRow.state == OPEN,
                        TaskRow.lease_expires_at > now,
                    )
                    .values(shown_at=now, lease_expires_at=now + timedelta(seconds=lease_s))
                    .execution_options(synchronize_session=False)
                )
            ),
        )
        == 1
    )


def next_task(
    db: Engine,
    proposer: Proposer,
    persona: str,
    annotator: str,
    *,
    n: int = 4,
    lease_s: float = 900.0,
    pool: int = DEFAULT_POOL,
    rng: random.Random | None = None,
    now: datetime | None = None,
) -> LabelTask:
    """The task to show ``annotator`` now: their open one (``resumed`` when it had been shown
    before), else a prefetched one, else one prepared now. Marks it shown.

    Raises PersonaNotFound, NothingToLabel, ValueError for an empty annotator."""
    who = check_annotator(annotator)
    found = _persona(db, persona)
    moment = now or utcnow()
    expire_leases(db, now=moment)
    for _ in range(_LEASE_ROUNDS):
        held = _resumable(db, found, who, moment)
        if held is not None:
            task_id, resumed = held.id, held.shown_at is not None
        else:
            task_id = _prepare(
                db, proposer, found, who, n=n, lease_s=lease_s, pool=pool, rng=rng, now=moment
            )
            resumed = False
        if _show(db, task_id, who, moment, lease_s):
            return _view(db, task_id, found, resumed=resumed)
    raise NothingToLabel(f"could not hold a task for {who!r}: its leases kept running out")
