"""Submit and Undo: what each action stores, refusals that never store twice, undo in order."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from label_fakes import FakeProposer
from persona_corpus import make_persona
from rapidfuzz.distance import Levenshtein
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from likeness.core.db.models import Judgment, Post
from likeness.core.db.models import LabelTask as TaskRow
from likeness.labeler.decisions import submit, undo_last
from likeness.labeler.errors import (
    AlreadyJudged,
    InvalidDecision,
    LeaseExpired,
    NothingToUndo,
    TaskNotFound,
)
from likeness.labeler.tasks import next_task
from likeness.labeler.types import Action, Decision, LabelTask

T0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)
TEXTS = ["The fog came in early.", "the fog came in early", "Fog came early!", "Fog. Early."]


def proposer() -> FakeProposer:
    return FakeProposer(variants=lambda text: TEXTS)


def setup(engine: Engine, posts: int = 3) -> list[str]:
    corpus = make_persona(engine, "mags")
    return [corpus.add(f"RT @x: fog {i} http://t.co/a", day=i) for i in range(posts)]


def task_for(engine: Engine, annotator: str = "ann", **options: object) -> LabelTask:
    return next_task(engine, proposer(), "mags", annotator, pool=1, **options)  # type: ignore[arg-type]


def judgment(engine: Engine, judgment_id: str) -> Judgment:
    with Session(engine) as session:
        found = session.get(Judgment, judgment_id)
        assert found is not None
        return found


def post(engine: Engine, post_id: str) -> Post:
    with Session(engine) as session:
        found = session.get(Post, post_id)
        assert found is not None
        return found


def task_state(engine: Engine, task_id: str) -> str:
    with Session(engine) as session:
        row = session.get(TaskRow, task_id)
        assert row is not None
        return row.state


def judgments(engine: Engine) -> int:
    with Session(engine) as session:
        return int(session.scalar(select(func.count()).select_from(Judgment)) or 0)


CASES = [
    # action, index, text -> chosen, rejected, edit distance, stored action
    (Action.ACCEPT, 1, "", TEXTS[1], [TEXTS[0], TEXTS[2], TEXTS[3]], 0, "accept"),
    (
        Action.EDIT,
        2,
        "  Fog came in early!\n",
        "Fog came in early!",
        [TEXTS[2], TEXTS[0], TEXTS[1], TEXTS[3]],
        Levenshtein.distance(TEXTS[2], "Fog came in early!"),
        "edit",
    ),
    (
        Action.OWN,
        None,
        "My fog, early.",
        "My fog, early.",
        TEXTS,
        Levenshtein.distance(TEXTS[0], "My fog, early."),
        "own",
    ),
    (Action.REJECT, None, "", "", TEXTS, 0, "reject"),
]


@pytest.mark.parametrize("case", CASES, ids=[case[0].value for case in CASES])
def test_each_action_stores_its_pairs_and_updates_the_post(engine: Engine, case: tuple) -> None:
    action, index, text, chosen, rejected, distance, stored = case
    setup(engine)
    task = task_for(engine)
    result = submit(
        engine,
        Decision(task.task_id, "ann", action, proposal_index=index, text=text, comment="hm"),
    )

    row = judgment(engine, result.judgment_id)
    assert (row.action, row.chosen, row.rejected) == (stored, chosen, rejected)
    assert row.edit_distance == result.edit_distance == distance
    assert (row.annotator, row.task_id, row.post_id) == ("ann", task.task_id, task.post.id)
    assert (row.prompt_version, row.comment, row.undone_at) == ("normalizer-v2", "hm", None)
    expected_proposal = task.proposals[index].id if index is not None else None
    assert row.proposal_id == expected_proposal
    assert result.labeled == 1
    assert task_state(engine, task.task_id) == "judged"

    after = post(engine, task.post.id)
    if action is Action.REJECT:
        assert (after.normalized_text, after.normalized_approved) == (None, False)
    else:
        assert (after.normalized_text, after.normalized_approved) == (chosen, True)
        assert (after.normalizer_version, after.normalizer_model) == ("normalizer-v2", "human:ann")


def test_an_unchanged_edit_is_stored_as_an_accept(engine: Engine) -> None:
    setup(engine)
    task = task_for(engine)
    result = submit(
        engine, Decision(task.task_id, "ann", Action.EDIT, proposal_index=3, text=f" {TEXTS[3]} ")
    )
    row = judgment(engine, result.judgment_id)
    assert (row.action, row.chosen, row.edit_distance) == ("accept", TEXTS[3], 0)
    assert row.rejected == TEXTS[:3]


def test_an_edit_equal_to_another_proposal_does_not_reject_it(engine: Engine) -> None:
    setup(engine)
    task = task_for(engine)
    result = submit(
        engine, Decision(task.task_id, "ann", Action.EDIT, proposal_index=0, text=TEXTS[2])
    )
    row = judgment(engine, result.judgment_id)
    assert (row.action, row.chosen) == ("edit", TEXTS[2])
    assert row.rejected == [TEXTS[0], TEXTS[1], TEXTS[3]]


def test_skip_stores_no_decision_and_leaves_the_post(engine: Engine) -> None:
    (first, *_) = setup(engine, 1)
    task = task_for(engine)
    result = submit(engine, Decision(task.task_id, "ann", Action.SKIP))
    row = judgment(engine, result.judgment_id)
    assert (row.action, row.chosen, row.rejected) == ("skip", "", [])
    assert result.labeled == 0 and task_state(engine, task.task_id) == "skipped"
    assert post(engine, first).normalized_text is None


@pytest.mark.parametrize(
    "decision",
    [
        Decision("", "ann", Action.ACCEPT, proposal_index=4),
        Decision("", "ann", Action.ACCEPT, proposal_index=None),
        Decision("", "ann", Action.EDIT, proposal_index=-1, text="x"),
        Decision("", "ann", Action.EDIT, proposal_index=0, text="   "),
        Decision("", "ann", Action.OWN, text=""),
        Decision("", "ann", "maybe"),  # type: ignore[arg-type]
        Decision("", "ann", Action.REJECT, seconds_spent=-1),
    ],
    ids=[
        "index-past-end",
        "no-index",
        "negative-index",
        "blank-edit",
        "blank-own",
        "unknown",
        "time",
    ],
)
def test_invalid_decisions_are_refused_and_store_nothing(
    engine: Engine, decision: Decision
) -> None:
    setup(engine)
    task = task_for(engine)
    with pytest.raises(InvalidDecision):
        submit(engine, replace(decision, task_id=task.task_id))
    assert judgments(engine) == 0 and task_state(engine, task.task_id) == "open"
    submit(engine, Decision(task.task_id, "ann", Action.ACCEPT, proposal_index=0))


def test_a_second_submit_is_refused_and_stores_one_judgment(engine: Engine) -> None:
    setup(engine)
    task = task_for(engine)
    decision = Decision(task.task_id, "ann", Action.ACCEPT, proposal_index=0)
    submit(engine, decision)
    with pytest.raises(AlreadyJudged):
        submit(engine, decision)
    with pytest.raises(AlreadyJudged):
        submit(engine, Decision(task.task_id, "ann", Action.OWN, text="other"))
    assert judgments(engine) == 1


def test_racing_submits_of_one_task_store_exactly_one_judgment(engine: Engine) -> None:
    setup(engine)
    task = task_for(engine)
    outcomes: list[str] = []
    start = threading.Barrier(4)

    def send(index: int) -> None:
        start.wait()
        try:
            submit(engine, Decision(task.task_id, "ann", Action.ACCEPT, proposal_index=index))
            outcomes.append("stored")
        except AlreadyJudged:
            outcomes.append("refused")

    threads = [threading.Thread(target=send, args=(i,)) for i in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused", "refused", "refused", "stored"]
    assert judgments(engine) == 1


def test_unknown_tasks_other_annotators_and_late_submits(engine: Engine) -> None:
    setup(engine)
    task = task_for(engine, lease_s=60, now=T0)
    with pytest.raises(TaskNotFound):
        submit(engine, Decision("no-such-task", "ann", Action.REJECT), now=T0)
    with pytest.raises(TaskNotFound):
        submit(engine, Decision(task.task_id, "bob", Action.REJECT), now=T0)
    with pytest.raises(LeaseExpired):
        submit(engine, Decision(task.task_id, "ann", Action.REJECT), now=T0 + timedelta(seconds=61))
    assert judgments(engine) == 0


def test_seconds_spent_is_measured_from_when_the_task_was_shown(engine: Engine) -> None:
    setup(engine)
    shown = task_for(engine, now=T0)
    measured = submit(
        engine,
        Decision(shown.task_id, "ann", Action.REJECT),
        now=T0 + timedelta(seconds=12.5),
    )
    assert judgment(engine, measured.judgment_id).seconds_spent == pytest.approx(12.5)
    given = task_for(engine, now=T0 + timedelta(seconds=13))
    told = submit(
        engine,
        Decision(given.task_id, "ann", Action.REJECT, seconds_spent=4.0),
        now=T0 + timedelta(seconds=20),
    )
    assert judgment(engine, told.judgment_id).seconds_spent == 4.0


def test_undo_takes_back_the_last_decision_then_the_one_before(engine: Engine) -> None:
    setup(engine)
    first = task_for(engine)
    one = submit(engine, Decision(first.task_id, "ann", Action.ACCEPT, proposal_index=0))
    second = task_for(engine)
    two = submit(engine, Decision(second.task_id, "ann", Action.OWN, text="Mine."))
    skipped = task_for(engine)
    submit(engine, Decision(skipped.task_id, "ann", Action.SKIP))  # a skip is not undone

    back = undo_last(engine, "mags", "ann")
    assert back.task_id == second.task_id and back.resumed
    assert [p.text for p in back.proposals] == TEXTS
    assert judgment(engine, two.judgment_id).undone_at is not None
    assert task_state(engine, second.task_id) == "open"
    reverted = post(engine, second.post.id)
    assert (reverted.normalized_text, reverted.normalized_approved) == (None, False)
    assert (reverted.normalizer_model, reverted.normalizer_version) == (None, None)
    # The other decision stands.
    assert post(engine, first.post.id).normalized_text == TEXTS[0]

    again = undo_last(engine, "mags", "ann")
    assert again.task_id == first.task_id
    assert judgment(engine, one.judgment_id).undone_at is not None
    assert post(engine, first.post.id).normalized_text is None
    with pytest.raises(NothingToUndo):
        undo_last(engine, "mags", "ann")

    # The undone tasks come back to the annotator, the last undone first, and can be decided.
    resumed = task_for(engine)
    assert resumed.task_id == first.task_id and resumed.resumed
    redo = submit(engine, Decision(resumed.task_id, "ann", Action.REJECT))
    assert redo.labeled == 1
    with Session(engine) as session:
        rows = session.scalars(select(Judgment).where(Judgment.task_id == first.task_id)).all()
        assert sorted((r.action, r.undone_at is None) for r in rows) == [
            ("accept", False),
            ("reject", True),
        ]


def test_undo_leaves_a_post_text_someone_changed_since(engine: Engine) -> None:
    setup(engine, 1)
    task = task_for(engine)
    submit(engine, Decision(task.task_id, "ann", Action.ACCEPT, proposal_index=0))
    with Session(engine) as session, session.begin():
        row = session.get(Post, task.post.id)
        assert row is not None
        row.normalized_text, row.normalizer_model = "Rewritten by a normaliser.", "model-7"
    undo_last(engine, "mags", "ann")
    kept = post(engine, task.post.id)
    assert (kept.normalized_text, kept.normalizer_model) == (
        "Rewritten by a normaliser.",
        "model-7",
    )


def test_undo_is_per_annotator(engine: Engine) -> None:
    setup(engine)
    mine = task_for(engine, "ann")
    submit(engine, Decision(mine.task_id, "ann", Action.REJECT))
    with pytest.raises(NothingToUndo):
        undo_last(engine, "mags", "bob")
    with pytest.raises(ValueError, match="annotator"):
        undo_last(engine, "mags", "")
    assert undo_last(engine, "mags", "ann").task_id == mine.task_id
