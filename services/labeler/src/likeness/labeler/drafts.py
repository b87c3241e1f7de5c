"""Drafts review: list generated drafts, approve or reject them, export the approved ones once.

The inference service's GeneratePosts writes drafts as ``pending``. A person approves or
rejects them (``review_drafts``); a reviewed draft can be put back to ``pending`` until it is
exported, and an exported draft can no longer be changed (``DraftExported``).

``export_drafts`` is the curation queue's one way out, in ONE transaction:

1. take the write lock on the persona's approved, unexported drafts (``FOR UPDATE`` on
   PostgreSQL; on SQLite the database's write lock, taken by the transaction's first
   statement), oldest first, so two concurrent exports never export the same draft: the
   second waits and then finds them exported;
2. set aside the **blank** ones (nothing visible after removing whitespace and invisible
   format characters): they become ``rejected``, so they leave the queue for good;
3. set aside the **duplicates**: the same text, after Unicode (NFKC), case and whitespace
   normalisation (``text_key``), as a draft of the persona exported before or an earlier one
   in this batch. They become ``duplicate`` and are never exported;
4. mark the rest exported (``exported_at``, ``export_batch``) and return them.

An empty queue is a normal answer (no drafts, ``EMPTY_QUEUE`` as the message), not an error.
Passing ``batch_id`` returns that earlier batch again, the same drafts in the same order (a
file lost after the call); it exports nothing.
"""

from __future__ import annotations

import unicodedata
import uuid
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any, cast

from sqlalchemy import CursorResult, Engine, Select, func, select, text, update
from sqlalchemy.orm import Session

from likeness.core.db.models import Draft, Persona
from likeness.core.personas import persona_id
from likeness.labeler.errors import DraftNotFound, ExportBatchNotFound, LabelerError

PENDING = "pending"
APPROVED = "approved"
REJECTED = "rejected"
DUPLICATE = "duplicate"
#: The states a draft is stored in.
STATES = (PENDING, APPROVED, REJECTED, DUPLICATE)
#: What ``list_drafts`` filters by: a state (``approved`` = approved and waiting for export),
#: ``exported`` (approved and exported) or ``all``.
EXPORTED = "exported"
ALL = "all"
LIST_FILTERS = (*STATES, EXPORTED, ALL)
#: A review decision -> the state it puts the drafts in.
DECISIONS = {"approve": APPROVED, "reject": REJECTED, "pending": PENDING}

DEFAULT_LIMIT = 50
MAX_LIMIT = 1000
#: Ids shorter than this are not taken as prefixes (tables show 12 characters).
MIN_PREFIX = 6
ID_LENGTH = 32
EMPTY_QUEUE = "no approved drafts waiting for export"


class DraftExported(LabelerError):
    """The draft was exported already; what left the queue can no longer be changed."""


@dataclass(frozen=True, slots=True)
class DraftInfo:
    """One draft as a reviewer sees it (the fields of ``DraftView``)."""

    id: str
    persona: str
    topic: str
    text: str
    state: str
    model_id: str | None
    created_at: datetime
    reviewed_at: datetime | None = None
    exported_at: datetime | None = None
    export_batch: str | None = None


@dataclass(frozen=True, slots=True)
class DraftPage:
    drafts: list[DraftInfo]
    total: int  # every draft matching the filter, beyond ``limit`` too


@dataclass(frozen=True, slots=True)
class ExportResult:
    """One export. ``batch_id`` is None when nothing was exported (``message`` says why)."""

    batch_id: str | None
    drafts: list[DraftInfo]
    message: str
    skipped_duplicates: int = 0
    skipped_blank: int = 0


def text_key(draft_text: str) -> str:
    """What two drafts must share to be duplicates: NFKC, case-folded, invisible format
    characters (zero-width spaces, ...) removed, whitespace runs collapsed. "" means blank."""
    folded = unicodedata.normalize("NFKC", draft_text).casefold()
    visible = "".join(c for c in folded if unicodedata.category(c) != "Cf")
    return " ".join(visible.split())


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime | None) -> datetime | None:
    # SQLite hands back naive datetimes; every stored time is UTC.
    if moment is not None and moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def _info(draft: Draft, slug: str) -> DraftInfo:
    return DraftInfo(
        id=draft.id,
        persona=slug,
        topic=draft.topic or "",
        text=draft.text,
        state=draft.state,
        model_id=draft.model_id,
        created_at=_aware(draft.created_at) or _now(),
        reviewed_at=_aware(draft.reviewed_at),
        exported_at=_aware(draft.exported_at),
        export_batch=draft.export_batch,
    )


def _with_slug() -> Select[tuple[Draft, str]]:
    return select(Draft, Persona.slug).join(Persona, Persona.id == Draft.persona_id)


def _lock_for_writing(session: Session) -> None:
    """On SQLite, take the database's write lock now, as the transaction's first statement.

    SQLite has no ``FOR UPDATE``: a transaction that read first and wrote later could act on
    what it read before another writer committed. A no-op UPDATE makes the driver begin the
    transaction and SQLite take the write lock (waiting ``busy_timeout`` for the holder), so
    everything read after it is current until commit. PostgreSQL locks rows instead.
    """
    if session.get_bind().dialect.name == "sqlite":
        session.execute(text("UPDATE drafts SET id = id WHERE 1 = 0"))


def list_drafts(
    db: Engine, persona: str | None = None, state: str = PENDING, limit: int = DEFAULT_LIMIT
) -> DraftPage:
    """Drafts of ``persona`` (None: every persona) in ``state`` (see ``LIST_FILTERS``), newest
    first, at most ``limit``; ``total`` counts them all."""
    if state not in LIST_FILTERS:
        raise ValueError(f"unknown draft state {state!r}; one of: {', '.join(LIST_FILTERS)}")
    if not 0 < limit <= MAX_LIMIT:
        raise ValueError(f"limit must be between 1 and {MAX_LIMIT}")
    with Session(db) as session:
        conditions = []
        if persona is not None:
            conditions.append(Draft.persona_id == persona_id(session, persona))
        if state == APPROVED:
            conditions += [Draft.state == APPROVED, Draft.exported_at.is_(None)]
        elif state == EXPORTED:
            conditions.append(Draft.exported_at.is_not(None))
        elif state != ALL:
            conditions.append(Draft.state == state)
        total = session.scalar(select(func.count()).select_from(Draft).where(*conditions)) or 0
        rows = session.execute(
            _with_slug()
            .where(*conditions)
            .order_by(Draft.created_at.desc(), Draft.id.desc())
            .limit(limit)
        ).all()
        return DraftPage([_info(draft, slug) for draft, slug in rows], total)


def _resolve_ids(session: Session, ids: Sequence[str]) -> list[str]:
    """Full ids as they are; a shorter one (at least ``MIN_PREFIX`` characters) names the one
    draft whose id starts with it. Raises DraftNotFound (listing every unknown id) or
    ValueError (an ambiguous prefix)."""
    resolved: list[str] = []
    missing: list[str] = []
    for given in dict.fromkeys(i.strip().lower() for i in ids):
        if len(given) >= ID_LENGTH:
            resolved.append(given)
            continue
        hex_digits = len(given) >= MIN_PREFIX and all(c in "0123456789abcdef" for c in given)
        found = (
            session.scalars(select(Draft.id).where(Draft.id.startswith(given)).limit(2)).all()
            if hex_digits
            else []
        )
        if len(found) > 1:
            raise ValueError(f"draft id {given!r} is ambiguous; give more of it")
        if found:
            resolved.append(found[0])
        else:
            missing.append(given)
    if missing:
        raise DraftNotFound(
            f"no draft {', '.join(repr(m) for m in missing)}; see `likeness drafts list`"
        )
    return list(dict.fromkeys(resolved))


def review_drafts(db: Engine, ids: Sequence[str], decision: str) -> list[DraftInfo]:
    """Approve, reject, or put back to pending (``decision``: a key of ``DECISIONS``) the drafts
    ``ids`` (full ids or unique prefixes), all or none.

    Raises DraftNotFound (an unknown id: nothing changes), DraftExported (one of them was
    exported: nothing changes) or ValueError (no ids, an unknown decision).
    """
    if decision not in DECISIONS:
        raise ValueError(f"unknown decision {decision!r}; one of: {', '.join(DECISIONS)}")
    if not ids:
        raise ValueError("no draft ids given")
    new_state = DECISIONS[decision]
    now = _now()
    with Session(db) as session, session.begin():
        _lock_for_writing(session)
        wanted = _resolve_ids(session, ids)
        # Rows locked in the export's order (oldest first), so the two never deadlock.
        rows = session.execute(
            _with_slug()
            .where(Draft.id.in_(wanted))
            .order_by(Draft.created_at, Draft.id)
            .with_for_update(of=Draft)
        ).all()
        by_id = {draft.id: (draft, slug) for draft, slug in rows}
        missing = [i for i in wanted if i not in by_id]
        if missing:
            raise DraftNotFound(f"no draft {', '.join(repr(m) for m in missing)}")
        exported = [i for i in wanted if by_id[i][0].exported_at is not None]
        if exported:
            raise DraftExported(
                f"draft {', '.join(exported)} was exported already and can no longer be changed"
            )
        for draft, _slug in by_id.values():
            draft.state = new_state
            draft.reviewed_at = None if new_state == PENDING else now
        session.flush()
        return [_info(*by_id[i]) for i in wanted]


def _batch(db: Engine, persona: str, batch_id: str) -> ExportResult:
    with Session(db) as session:
        pid = persona_id(session, persona)
        drafts = session.scalars(
            select(Draft)
            .where(Draft.persona_id == pid, Draft.export_batch == batch_id)
            .order_by(Draft.created_at, Draft.id)
        ).all()
    if not drafts:
        raise ExportBatchNotFound(f"no export batch {batch_id!r} for persona {persona!r}")
    found = [_info(d, persona) for d in drafts]
    exported_at = found[0].exported_at
    when = f" (exported {exported_at:%Y-%m-%d %H:%M} UTC)" if exported_at else ""
    return ExportResult(batch_id, found, f"batch {batch_id}: {len(found)} draft(s){when}")


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _export_message(exported: int, batch_id: str | None, duplicates: int, blank: int) -> str:
    skipped = [
        f"{_plural(duplicates, 'duplicate')} never exported" if duplicates else "",
        f"{_plural(blank, 'blank draft')} rejected" if blank else "",
    ]
    skipped_text = "; ".join(s for s in skipped if s)
    if exported:
        done = f"exported {_plural(exported, 'draft')} in batch {batch_id}"
        return f"{done} ({skipped_text})" if skipped_text else done
    if skipped_text:
        return f"nothing exported: {skipped_text}"
    return EMPTY_QUEUE


def export_drafts(db: Engine, persona: str, batch_id: str | None = None) -> ExportResult:
    """Export the persona's approved drafts not exported yet, once (see the module docstring);
    with ``batch_id``, return that earlier batch again. Raises PersonaNotFound,
    ExportBatchNotFound."""
    if batch_id:
        return _batch(db, persona, batch_id.strip().lower())
    now = _now()
    new_batch = uuid.uuid4().hex
    with Session(db) as session, session.begin():
        _lock_for_writing(session)
        pid = persona_id(session, persona)
        queue = session.scalars(
            select(Draft)
            .where(Draft.persona_id == pid, Draft.state == APPROVED, Draft.exported_at.is_(None))
            .order_by(Draft.created_at, Draft.id)
            .with_for_update()
        ).all()
        if not queue:
            return ExportResult(None, [], EMPTY_QUEUE)
        # Read after the lock: another export that held it has committed what it exported.
        seen = {
            text_key(t)
            for t in session.scalars(
                select(Draft.text).where(Draft.persona_id == pid, Draft.exported_at.is_not(None))
            )
        }
        exported: list[Draft] = []
        blank = duplicates = 0
        for draft in queue:
            key = text_key(draft.text)
            if not key:
                draft.state = REJECTED
                draft.reviewed_at = now
                blank += 1
            elif key in seen:
                draft.state = DUPLICATE
                duplicates += 1
            else:
                seen.add(key)
                exported.append(draft)
        if exported:
            # Conditional, so even a lock that did not hold could not export a draft twice.
            marked = session.execute(
                update(Draft)
                .where(Draft.id.in_([d.id for d in exported]), Draft.exported_at.is_(None))
                .values(exported_at=now, export_batch=new_batch)
                .execution_options(synchronize_session=False)
            )
            if cast(CursorResult[Any], marked).rowcount != len(exported):
                raise RuntimeError("drafts changed during the export; nothing was exported")
        session.flush()
        batch = new_batch if exported else None
        return ExportResult(
            batch,
            [replace(_info(d, persona), exported_at=now, export_batch=batch) for d in exported],
            _export_message(len(exported), batch, duplicates, blank),
            skipped_duplicates=duplicates,
            skipped_blank=blank,
        )
