"""What the row builders share: the persona they build for, rows split in two, ordering, errors.

Every builder returns ``SplitRows`` in a deterministic order (a post's date, then its id) and
raises ``EmptyDataset`` with the reason when it has nothing to train on. In core because the
trainer's dataset builder and the labeler's export build the same rows (one code path).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Engine
from sqlalchemy.orm import Session

from likeness.core.personas import get_persona
from likeness.core.split import HELDOUT, TRAIN

Row = dict[str, Any]
Message = dict[str, str]
# Sorts before every real date, so undated posts come first and "the newest N" leaves them out.
_NO_DATE = datetime.min.replace(tzinfo=UTC)


class EmptyDataset(ValueError):
    """A dataset would have no training rows; the message says why and what to do."""


@dataclass(frozen=True, slots=True)
class PersonaInfo:
    id: int
    slug: str
    card: str
    settings: dict[str, Any]


def load_persona(db: Engine, slug: str) -> PersonaInfo:
    with Session(db) as session:
        row = get_persona(session, slug)
        return PersonaInfo(row.id, row.slug, row.card or "", dict(row.settings or {}))


@dataclass(slots=True)
class SplitRows:
    train: list[Row] = field(default_factory=list)
    heldout: list[Row] = field(default_factory=list)

    def add(self, split: str | None, row: Row) -> None:
        if split == TRAIN:
            self.train.append(row)
        elif split == HELDOUT:
            self.heldout.append(row)
        # Anything else has no split yet (assigned before every build): in neither file.

    def require_train(self, reason: str) -> SplitRows:
        """Self, or EmptyDataset: ``reason`` when there are no rows at all, else a note that
        every row is held out."""
        if self.train:
            return self
        if self.heldout:
            raise EmptyDataset(
                f"all {len(self.heldout)} rows come from held-out (newest) posts, so none is "
                "left to train on; import or label older posts, or lower heldout_fraction"
            )
        raise EmptyDataset(reason)


def utc(value: datetime | None) -> datetime | None:
    """A stored date as an aware UTC datetime (SQLite hands dates back without a zone)."""
    if value is None:
        return None
    return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def time_order(created_at: datetime | None, post_id: str) -> tuple[datetime, str]:
    """Sort key: oldest first, undated before dated, ties by id; the same in every database
    (SQLite and PostgreSQL disagree on where NULLs sort)."""
    return (utc(created_at) or _NO_DATE, post_id)


def post_meta(post_id: str, created_at: datetime | None, **more: Any) -> dict[str, Any]:
    when = utc(created_at)
    return {"post_id": post_id, "created_at": when.isoformat() if when else None, **more}


def training_text(clean_text: str, normalized_text: str | None) -> str:
    """The text a persona learns from: the normalised one when there is one (approved or
    batch-normalised), else the deterministic cleaner's."""
    if normalized_text and normalized_text.strip():
        return normalized_text.strip()
    return clean_text.strip()


def assistant(content: str) -> Message:
    return {"role": "assistant", "content": content}
