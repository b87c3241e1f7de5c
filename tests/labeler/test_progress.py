"""Progress: standing decisions only, remaining posts, per-annotator pace over active time."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from label_fakes import FakeProposer
from persona_corpus import make_persona
from sqlalchemy import Engine

from likeness.core.errors import PersonaNotFound
from likeness.core.flags import PostFlag
from likeness.labeler.decisions import submit, undo_last
from likeness.labeler.progress import label_progress, labels_per_minute
from likeness.labeler.tasks import next_task, prepare_task
from likeness.labeler.types import Action, Decision

T0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def decide(engine: Engine, annotator: str, action: Action, at: datetime, **fields: object) -> None:
    task = next_task(engine, FakeProposer(), "mags", annotator, pool=1, now=at)
    submit(engine, Decision(task.task_id, annotator, action, **fields), now=at)  # type: ignore[arg-type]


def test_progress_counts_standing_decisions_only(engine: Engine) -> None:
    corpus = make_persona(engine, "mags")
    for i in range(8):
        corpus.add(f"post {i}", day=i)
    corpus.add("a repost", day=9, flags=PostFlag.REPOST)  # not kept: never counted
    minute = timedelta(minutes=1)
    decide(engine, "ann", Action.ACCEPT, T0, proposal_index=0, seconds_spent=60)
    decide(engine, "ann", Action.EDIT, T0 + minute, proposal_index=1, text="Post!")
    decide(engine, "ann", Action.REJECT, T0 + 2 * minute)
    decide(engine, "ann", Action.SKIP, T0 + 3 * minute)
    decide(engine, "bob", Action.OWN, T0 + 2 * minute, text="Mine.", seconds_spent=30)
    undo_last(engine, "mags", "ann", now=T0 + 4 * minute)  # the reject
    prepare_task(engine, FakeProposer(), "mags", "cy", pool=1, now=T0 + 4 * minute)

    progress = label_progress(engine, "mags", now=T0 + 5 * minute)
    assert progress.labeled == 3  # accept, edit, own; the reject was undone, the skip is none
    assert progress.remaining == 8 - 3
    assert progress.by_action == {"accept": 1, "edit": 1, "own": 1, "skip": 1}
    # The undone task is open again (ann) and cy holds a prepared one.
    assert progress.open_tasks == 2
    ann, bob = progress.annotators
    assert (ann.annotator, ann.labeled, ann.by_action) == (
        "ann",
        2,
        {"accept": 1, "edit": 1, "skip": 1},
    )
    assert ann.last_at == T0 + 3 * minute
    assert ann.labels_per_minute == pytest.approx(2 / 2)  # 2 labels in 1 + 1 active minutes
    assert (bob.labeled, bob.labels_per_minute) == (1, pytest.approx(2.0))  # 1 in 30 s
    assert progress.labels_per_minute == pytest.approx(3.0)
    # An hour later nobody is labeling: each keeps their pace, the persona's rate is 0.
    later = label_progress(engine, "mags", now=T0 + timedelta(hours=1))
    assert later.labels_per_minute == 0.0 and later.annotators[0].labels_per_minute == 1.0


def test_an_empty_persona_and_an_unknown_one(engine: Engine) -> None:
    corpus = make_persona(engine, "mags")
    corpus.add("post", day=1)
    progress = label_progress(engine, "mags")
    assert (progress.labeled, progress.remaining, progress.annotators) == (0, 1, [])
    assert (progress.by_action, progress.open_tasks, progress.labels_per_minute) == ({}, 0, 0.0)
    with pytest.raises(PersonaNotFound):
        label_progress(engine, "nobody")


def test_labels_per_minute_caps_idle_gaps() -> None:
    minute = timedelta(minutes=1)
    assert labels_per_minute([], 10) == 0.0
    assert labels_per_minute([T0], 30) == pytest.approx(2.0)
    assert labels_per_minute([T0], 0) == 0.0
    steady = [T0 + i * minute for i in range(10)]
    assert labels_per_minute(steady, 60) == pytest.approx(1.0)
    # A two-hour lunch in the middle counts as five minutes, not 120.
    lunch = steady[:5] + [t + timedelta(hours=2) for t in steady[5:]]
    assert labels_per_minute(lunch, 60) == pytest.approx(10 / (1 + 4 + 5 + 4))
