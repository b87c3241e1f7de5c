"""Submit and Undo: a person's decision on a task, stored at once, and taken back.

    result = submit(db, Decision(task_id, "ann", Action.EDIT, proposal_index=1, text="..."))
    task = undo_last(db, "mags", "ann")      # the last decision undone, its task open again

Submit is one transaction that starts with a conditional UPDATE of the task (``open`` and the
annotator's and its lease still running -> ``judged`` / ``skipped``). Only the caller whose
UPDATE changed the row writes a judgment, so a retried or doubled Submit can never store a
second one; when nothing changed, the task is read to say why (TaskNotFound, LeaseExpired,
AlreadyJudged). Once Submit returns, the judgment is committed.

What each action stores (the pairs are in ``likeness.labeler.types``):

- ``edit_distance`` is the Levenshtein distance (rapidfuzz) from the proposal the person
  started from to what they chose: 0 for accept; edit: proposal i -> the edit; own: the greedy
  proposal -> their text (``proposal_id`` stays empty: an own text starts from no proposal);
  reject and skip: 0.
- Edit and own texts are stripped of surrounding whitespace; a blank one is InvalidDecision.
  An edit that leaves proposal i as it was is stored as an **accept** of proposal i (it is one:
  the same pairs, and a 0-character "edit" would weigh as a real correction).
- accept / edit / own also make the chosen text the post's normalised text, approved by a person
  (``normalizer_model = "human:<annotator>"``, version = the task's prompt version), so batch
  normalisation never overwrites it. Reject leaves the post as it is; skip stores a ``skip``
  judgment (so the skipper is not offered the post again) and returns the post to the pool.
- ``seconds_spent``: as given, else the time since the task was shown.

Undo takes back the annotator's most recent standing decision (not undone, not a skip): the
judgment is marked ``undone_at`` (kept, never deleted), the post's normalised text is cleared if
it still holds that judgment's text, and the task is open again for the same annotator with a
fresh lease (shown now). Undoing again takes back the decision before it.
"""

from __future__ import annotations

import uuid
from datetime import datetime, timedelta

from rapidfuzz.distance import Levenshtein
from sqlalchemy import Engine, func, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from likeness.core.db.models import Judgment, Persona, Post
from likeness.core.db.models import LabelTask as TaskRow
from likeness.core.db.models import Proposal as ProposalRow
from likeness.core.personas import get_persona
from likeness.labeler.errors import (
    AlreadyJudged,
    InvalidDecision,
    LabelerError,
    LeaseExpired,
    NothingToUndo,
    TaskNotFound,
)
from likeness.labeler.tasks import (
    EXPIRED,
    JUDGED,
    OPEN,
    SKIPPED,
    aware,
    changed,
    check_annotator,
    task_view,
    transaction,
    utcnow,
)
from likeness.labeler.types import CHOOSING, Action, Decision, LabelTask, SubmitResult

HUMAN = "human:"


class PostHeldElsewhere(LabelerError):
    """Undo cannot reopen a task: another annotator holds its post now."""


def _action(value: object) -> Action:
    try:
        return Action(str(value))
    except ValueError:
        known = ", ".join(a.value for a in Action)
        raise InvalidDecision(f"unknown action {value!r}; known actions: {known}") from None


def _refusal(session: Session, decision: Decision, now: datetime) -> LabelerError:
    """Why the conditional UPDATE changed nothing."""
    task = session.get(TaskRow, decision.task_id)
    if task is None or task.annotator != decision.annotator:
        return TaskNotFound(f"no label task {decision.task_id!r} for {decision.annotator!r}")
    if task.state in (JUDGED, SKIPPED):
        return AlreadyJudged(
            f"task {task.id} already has a decision ({task.state}); nothing was stored twice"
        )
    expires = aware(task.lease_expires_at)
    if task.state == EXPIRED or (task.state == OPEN and expires is not None and expires <= now):
        return LeaseExpired(
            f"the lease on task {task.id} ran out at {expires:%H:%M:%S} UTC; the post may be "
            "with someone else now: ask for the next task"
        )
    return TaskNotFound(f"task {task.id} is not open ({task.state}): ask for the next task")


def _text(decision: Decision) -> str:
    text = decision.text.strip()
    if not text:
        raise InvalidDecision(f"{decision.action} needs a text; an empty one says nothing")
    return text


def _proposal(proposals: list[ProposalRow], index: int | None, action: Action) -> ProposalRow:
    if index is None or not 0 <= index < len(proposals):
        raise InvalidDecision(
            f"{action} needs a proposal index between 0 and {len(proposals) - 1}, got {index}"
        )
    return proposals[index]


def _others(
    proposals: list[ProposalRow], chosen: str, first: ProposalRow | None = None
) -> list[str]:
    """The rejected texts: ``first`` (the proposal an edit started from) then the others in
    order, without the chosen text (no preference) and without repeats."""
    ordered = ([first] if first is not None else []) + [p for p in proposals if p is not first]
    return list(dict.fromkeys(p.text for p in ordered if p.text != chosen))


def submit(db: Engine, decision: Decision, *, now: datetime | None = None) -> SubmitResult:
    """Store one decision on a task, in one transaction; see the module docstring.

    Raises TaskNotFound, LeaseExpired, AlreadyJudged, InvalidDecision."""
    action = _action(decision.action)
    if decision.seconds_spent is not None and decision.seconds_spent < 0:
        raise InvalidDecision(f"seconds_spent cannot be negative ({decision.seconds_spent})")
    if action in (Action.EDIT, Action.OWN):
        _text(decision)  # refuse before taking the task
    moment = now or utcnow()
    annotator = decision.annotator.strip()

    def work(session: Session) -> SubmitResult:
        taken = session.execute(
            update(TaskRow)
            .where(
                TaskRow.id == decision.task_id,
                TaskRow.annotator == annotator,
                TaskRow.state == OPEN,
                TaskRow.lease_expires_at > moment,
            )
            .values(state=SKIPPED if action is Action.SKIP else JUDGED, finished_at=moment)
            .execution_options(synchronize_session=False)
        )
        if changed(taken) != 1:
            raise _refusal(session, decision, moment)
        task = session.get(TaskRow, decision.task_id)
        assert task is not None
        proposals = list(
            session.scalars(
                select(ProposalRow)
                .where(ProposalRow.task_id == task.id)
                .order_by(ProposalRow.position)
            )
        )
        stored, chosen, rejected, distance, proposal = action, "", [], 0, None
        if action is Action.ACCEPT:
            proposal = _proposal(proposals, decision.proposal_index, action)
            chosen, rejected = proposal.text, _others(proposals, proposal.text)
        elif action is Action.EDIT:
            proposal = _proposal(proposals, decision.proposal_index, action)
            chosen = _text(decision)
            if chosen == proposal.text.strip():
                stored, chosen = Action.ACCEPT, proposal.text
                rejected = _others(proposals, chosen)
            else:
                rejected = _others(proposals, chosen, first=proposal)
                distance = Levenshtein.distance(proposal.text, chosen)
        elif action is Action.OWN:
            chosen = _text(decision)
            rejected = _others(proposals, chosen)
            greedy = proposals[0].text if proposals else ""
            distance = Levenshtein.distance(greedy, chosen)
        elif action is Action.REJECT:
            rejected = _others(proposals, "")
        shown = aware(task.shown_at)
        if decision.seconds_spent is not None:
            seconds = float(decision.seconds_spent)
        else:
            seconds = max((moment - shown).total_seconds(), 0.0) if shown else 0.0
        judgment = Judgment(
            id=uuid.uuid4().hex,
            persona_id=task.persona_id,
            post_id=task.post_id,
            annotator=annotator,
            task_id=task.id,
            action=stored.value,
            proposal_id=proposal.id if proposal is not None else None,
            chosen=chosen,
            rejected=rejected,
            edit_distance=distance,
            seconds_spent=seconds,
            prompt_version=task.prompt_version,
            comment=decision.comment,
            created_at=moment,
        )
        session.add(judgment)
        if stored in CHOOSING:
            session.execute(
                update(Post)
                .where(Post.id == task.post_id)
                .values(
                    normalized_text=chosen,
                    normalized_approved=True,
                    normalizer_version=task.prompt_version,
                    normalizer_model=f"{HUMAN}{annotator}",
                )
                .execution_options(synchronize_session=False)
            )
        session.flush()
        return SubmitResult(judgment.id, distance, _labeled_by(session, task.persona_id, annotator))

    return transaction(db, work)


def _labeled_by(session: Session, persona_id: int, annotator: str) -> int:
    """The annotator's standing decisions for the persona (not undone, not skips)."""
    return int(
        session.scalar(
            select(func.count()).where(
                Judgment.persona_id == persona_id,
                Judgment.annotator == annotator,
                Judgment.undone_at.is_(None),
                Judgment.action != Action.SKIP.value,
            )
        )
        or 0
    )


def _last_standing(db: Engine, persona: Persona, annotator: str) -> Judgment | None:
    with Session(db, expire_on_commit=False) as session:
        return session.scalar(
            select(Judgment)
            .where(
                Judgment.persona_id == persona.id,
                Judgment.annotator == annotator,
                Judgment.undone_at.is_(None),
                Judgment.action != Action.SKIP.value,
            )
            .order_by(Judgment.created_at.desc(), Judgment.id.desc())
            .limit(1)
        )


def undo_last(
    db: Engine,
    persona: str,
    annotator: str,
    *,
    lease_s: float = 900.0,
    now: datetime | None = None,
) -> LabelTask:
    """Take back the annotator's most recent standing decision and reopen its task for them.

    Raises PersonaNotFound, NothingToUndo, ValueError for an empty annotator, and
    PostHeldElsewhere when someone else holds the post (a task-less judgment's post, leased
    meanwhile; the decision then stands)."""
    who = check_annotator(annotator)
    with Session(db, expire_on_commit=False) as session:
        found = get_persona(session, persona)
        session.expunge(found)
    moment = now or utcnow()
    expires = moment + timedelta(seconds=lease_s)
    for _ in range(20):  # another undo of the same annotator may take the same judgment first
        last = _last_standing(db, found, who)
        if last is None:
            raise NothingToUndo(f"{who!r} has no decision to undo for persona {persona!r}")

        def work(session: Session, last: Judgment = last) -> LabelTask | None:
            marked = session.execute(
                update(Judgment)
                .where(Judgment.id == last.id, Judgment.undone_at.is_(None))
                .values(undone_at=moment)
                .execution_options(synchronize_session=False)
            )
            if changed(marked) != 1:
                return None
            if last.action in CHOOSING:
                session.execute(
                    update(Post)
                    .where(
                        Post.id == last.post_id,
                        Post.normalized_text == last.chosen,
                        Post.normalizer_model == f"{HUMAN}{who}",
                    )
                    .values(
                        normalized_text=None,
                        normalizer_version=None,
                        normalizer_model=None,
                        normalized_approved=False,
                    )
                    .execution_options(synchronize_session=False)
                )
            task = _reopen(session, found, last, who, moment, expires)
            return task_view(session, task, found, resumed=True)

        try:
            reopened = transaction(db, work)
        except IntegrityError:
            raise PostHeldElsewhere(
                f"cannot undo: post {last.post_id} is held by another annotator now; "
                "the decision stands"
            ) from None
        if reopened is not None:
            return reopened
    raise NothingToUndo(f"{who!r}: concurrent undos kept taking the same decision; try again")


def _reopen(
    session: Session,
    persona: Persona,
    judgment: Judgment,
    annotator: str,
    now: datetime,
    expires: datetime,
) -> TaskRow:
    """The judgment's task open again for ``annotator`` (a new task when it had none)."""
    values = {
        "state": OPEN,
        "annotator": annotator,
        "lease_expires_at": expires,
        "shown_at": now,
        "finished_at": None,
    }
    if judgment.task_id is not None:
        reopened = session.execute(
            update(TaskRow)
            .where(TaskRow.id == judgment.task_id, TaskRow.state.in_((JUDGED, SKIPPED)))
            .values(**values)
            .execution_options(synchronize_session=False)
        )
        session.flush()
        if changed(reopened) == 1:
            task = session.get(TaskRow, judgment.task_id, populate_existing=True)
            assert task is not None
            return task
    task = TaskRow(
        id=uuid.uuid4().hex,
        persona_id=persona.id,
        post_id=judgment.post_id,
        prompt_version=judgment.prompt_version,
        created_at=now,
        **values,
    )
    session.add(task)
    session.flush()
    return task
