"""Drafts review on SQLite and PostgreSQL: list, approve/reject/back to pending, export once.

Drafts are written straight into the table (``tests/helpers/draft_rows.py``), as the inference
service's GeneratePosts writes them.
"""

from __future__ import annotations

import threading
import uuid
from datetime import timedelta

import pytest
from draft_rows import T0, add_drafts, draft_states
from persona_corpus import make_persona
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from likeness.core.db.models import Draft
from likeness.core.errors import PersonaNotFound
from likeness.labeler.drafts import (
    EMPTY_QUEUE,
    DraftExported,
    export_drafts,
    list_drafts,
    review_drafts,
    text_key,
)
from likeness.labeler.errors import DraftNotFound, ExportBatchNotFound


@pytest.fixture
def mags(engine: Engine) -> int:
    return make_persona(engine, "mags").persona_id


def test_list_by_persona_and_state_newest_first_with_limit(engine: Engine, mags: int) -> None:
    other = make_persona(engine, "other").persona_id
    ids = add_drafts(engine, mags, [f"post {n}" for n in range(5)])
    add_drafts(engine, other, ["not mags"])
    review_drafts(engine, ids[:2], "approve")

    page = list_drafts(engine, "mags", limit=2)
    assert page.total == 3
    assert [d.id for d in page.drafts] == [ids[4], ids[3]]
    first = page.drafts[0]
    assert (first.persona, first.text, first.topic, first.state) == (
        "mags",
        "post 4",
        "the sea",
        "pending",
    )
    assert first.model_id == "base-model" and first.created_at == T0 + timedelta(minutes=4)
    assert first.reviewed_at is None and first.exported_at is None and first.export_batch is None

    approved = list_drafts(engine, "mags", "approved")
    assert [d.id for d in approved.drafts] == [ids[1], ids[0]] and approved.total == 2
    assert list_drafts(engine, None, "all").total == 6
    assert {d.persona for d in list_drafts(engine, state="all").drafts} == {"mags", "other"}
    with pytest.raises(PersonaNotFound):
        list_drafts(engine, "nobody")
    with pytest.raises(ValueError, match="unknown draft state"):
        list_drafts(engine, "mags", "published")


def test_approve_reject_and_back_to_pending(engine: Engine, mags: int) -> None:
    ids = add_drafts(engine, mags, ["one", "two", "three"])
    approved = review_drafts(engine, ids[:2], "approve")
    assert [d.id for d in approved] == ids[:2]
    assert all(d.state == "approved" and d.reviewed_at is not None for d in approved)
    rejected = review_drafts(engine, [ids[2]], "reject")
    assert rejected[0].state == "rejected"

    # A decision can be taken back before export (and changed: rejected -> approved).
    back = review_drafts(engine, [ids[0]], "pending")
    assert back[0].state == "pending" and back[0].reviewed_at is None
    review_drafts(engine, [ids[2]], "approve")
    assert draft_states(engine, ids) == ["pending", "approved", "approved"]

    with pytest.raises(ValueError, match="unknown decision"):
        review_drafts(engine, ids, "publish")
    with pytest.raises(ValueError, match="no draft ids"):
        review_drafts(engine, [], "approve")


def test_unknown_id_changes_nothing_and_prefixes_resolve(engine: Engine, mags: int) -> None:
    ids = add_drafts(engine, mags, ["one", "two"])
    with pytest.raises(DraftNotFound, match="feedfacefeed"):
        review_drafts(engine, [ids[0], "feedfacefeed"], "approve")
    assert draft_states(engine, ids) == ["pending", "pending"]  # all or nothing

    # The tables show 12 characters: a unique prefix names its draft.
    done = review_drafts(engine, [ids[1][:12]], "reject")
    assert [d.id for d in done] == [ids[1]] and done[0].state == "rejected"
    with pytest.raises(DraftNotFound):
        review_drafts(engine, ["abc"], "approve")  # too short to be taken as a prefix


def test_an_exported_draft_can_no_longer_be_changed(engine: Engine, mags: int) -> None:
    ids = add_drafts(engine, mags, ["out", "still pending"])
    review_drafts(engine, [ids[0]], "approve")
    export_drafts(engine, "mags")
    for decision in ("reject", "pending", "approve"):
        with pytest.raises(DraftExported, match="exported already"):
            review_drafts(engine, [ids[1], ids[0]], decision)
    assert draft_states(engine, ids) == ["approved", "pending"]  # the other one is unchanged too
    assert [d.id for d in list_drafts(engine, "mags", "exported").drafts] == [ids[0]]
    assert list_drafts(engine, "mags", "approved").total == 0  # approved = waiting for export


def test_export_exactly_once(engine: Engine, mags: int) -> None:
    ids = add_drafts(engine, mags, ["first", "second", "not approved", "rejected"])
    review_drafts(engine, ids[:2], "approve")
    review_drafts(engine, [ids[3]], "reject")

    result = export_drafts(engine, "mags")
    assert result.batch_id and [d.id for d in result.drafts] == ids[:2]  # oldest first
    assert all(
        d.exported_at is not None and d.export_batch == result.batch_id for d in result.drafts
    )
    assert result.message == f"exported 2 drafts in batch {result.batch_id}"
    assert (result.skipped_duplicates, result.skipped_blank) == (0, 0)

    again = export_drafts(engine, "mags")
    assert again.batch_id is None and again.drafts == [] and again.message == EMPTY_QUEUE

    # Newly approved drafts make the next batch; the exported ones never come back.
    review_drafts(engine, [ids[2]], "approve")
    third = export_drafts(engine, "mags")
    assert [d.id for d in third.drafts] == [ids[2]] and third.batch_id != result.batch_id


def test_empty_queue_is_a_normal_answer(engine: Engine, mags: int) -> None:
    add_drafts(engine, mags, ["pending only"])
    result = export_drafts(engine, "mags")
    assert (result.batch_id, result.drafts, result.message) == (None, [], EMPTY_QUEUE)
    assert EMPTY_QUEUE == "no approved drafts waiting for export"
    with pytest.raises(PersonaNotFound):
        export_drafts(engine, "nobody")


def test_blank_and_duplicate_drafts_are_never_exported(engine: Engine, mags: int) -> None:
    other = make_persona(engine, "other").persona_id
    (elsewhere,) = add_drafts(engine, other, ["The fog came in early."])
    review_drafts(engine, [elsewhere], "approve")
    export_drafts(engine, "other")  # another persona's text is no duplicate for mags

    (before,) = add_drafts(engine, mags, ["Tide is OUT today"])
    review_drafts(engine, [before], "approve")
    export_drafts(engine, "mags")

    ids = add_drafts(
        engine,
        mags,
        [
            "The fog came in early.",  # 0 new for mags
            "  the FOG\ncame in   early. ",  # 1 duplicate of 0 (earlier in this batch)
            "tide is out\u00a0today",  # 2 duplicate of an exported draft
            " \n\t\u200b ",  # 3 blank
            "Ｔｈｅ fog came in early.",  # 4 duplicate of 0 after NFKC
            "A new one",  # 5 new
        ],
        start=10,
    )
    review_drafts(engine, ids, "approve")
    result = export_drafts(engine, "mags")
    assert [d.id for d in result.drafts] == [ids[0], ids[5]]
    assert (result.skipped_duplicates, result.skipped_blank) == (3, 1)
    assert "3 duplicates never exported" in result.message
    assert "1 blank draft rejected" in result.message
    assert draft_states(engine, ids) == [
        "approved",
        "duplicate",
        "duplicate",
        "rejected",
        "duplicate",
        "approved",
    ]
    with Session(engine) as session:
        unexported = session.scalars(
            select(Draft.id).where(Draft.id.in_(ids), Draft.exported_at.is_(None))
        ).all()
    assert set(unexported) == {ids[1], ids[2], ids[3], ids[4]}

    # Set aside for good: the next export has nothing, and re-approving a duplicate keeps it out.
    review_drafts(engine, [ids[1]], "approve")
    nothing = export_drafts(engine, "mags")
    assert nothing.drafts == [] and nothing.batch_id is None and nothing.skipped_duplicates == 1
    assert nothing.message == "nothing exported: 1 duplicate never exported"
    assert text_key("  A\u200bb  C ") == "ab c" and text_key("\u200b \n") == ""


def test_a_batch_is_fetched_again_unchanged(engine: Engine, mags: int) -> None:
    ids = add_drafts(engine, mags, ["one", "two", "three"])
    review_drafts(engine, ids, "approve")
    first = export_drafts(engine, "mags")
    assert first.batch_id is not None
    later = add_drafts(engine, mags, ["four"], start=10)
    review_drafts(engine, later, "approve")
    export_drafts(engine, "mags")

    again = export_drafts(engine, "mags", first.batch_id)
    assert again.batch_id == first.batch_id and again.drafts == first.drafts
    assert again.message.startswith(f"batch {first.batch_id}: 3 draft(s)")
    assert export_drafts(engine, "mags").drafts == []  # a re-fetch exports nothing
    with pytest.raises(ExportBatchNotFound):
        export_drafts(engine, "mags", uuid.uuid4().hex)
    make_persona(engine, "other")
    with pytest.raises(ExportBatchNotFound):
        export_drafts(engine, "other", first.batch_id)  # batches belong to their persona


def test_concurrent_exports_never_export_the_same_draft(engine: Engine, mags: int) -> None:
    ids = add_drafts(engine, mags, [f"draft number {n}" for n in range(60)])
    review_drafts(engine, ids[:30], "approve")
    exporters, rounds = 4, 3
    barrier = threading.Barrier(exporters + 1)
    exported: list[list[str]] = [[] for _ in range(exporters)]
    errors: list[BaseException] = []

    def export(n: int) -> None:
        try:
            barrier.wait()
            for _ in range(rounds):
                exported[n] += [d.id for d in export_drafts(engine, "mags").drafts]
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    def approve_more() -> None:  # approvals land while the exports run
        try:
            barrier.wait()
            for chunk in range(30, 60, 10):
                review_drafts(engine, ids[chunk : chunk + 10], "approve")
        except BaseException as exc:  # pragma: no cover
            errors.append(exc)

    threads = [threading.Thread(target=export, args=(n,)) for n in range(exporters)]
    threads.append(threading.Thread(target=approve_more))
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    assert not errors, errors
    every = [i for found in exported for i in found]
    assert len(every) == len(set(every))  # no draft in two exports
    every += [d.id for d in export_drafts(engine, "mags").drafts]  # whatever was left
    assert sorted(every) == sorted(ids) and len(every) == len(set(every))


def test_reviews_racing_an_export_leave_every_draft_consistent(engine: Engine, mags: int) -> None:
    ids = add_drafts(engine, mags, [f"race {n}" for n in range(24)])
    review_drafts(engine, ids, "approve")
    refused: list[list[str]] = []
    exported: list[str] = []
    errors: list[BaseException] = []

    def take_back(pairs: list[list[str]]) -> None:
        for pair in pairs:
            try:
                review_drafts(engine, pair, "pending")
            except DraftExported:
                refused.append(pair)
            except BaseException as exc:  # pragma: no cover - reported below (a deadlock)
                errors.append(exc)

    def export() -> None:
        exported.extend(d.id for d in export_drafts(engine, "mags").drafts)

    # Pairs newest first, against the export's oldest-first locking order.
    newest_first = [[ids[k], ids[k - 1]] for k in range(len(ids) - 1, 0, -2)]
    threads = [
        threading.Thread(target=take_back, args=(newest_first[0::2],)),
        threading.Thread(target=take_back, args=(newest_first[1::2],)),
        threading.Thread(target=export),
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not errors, errors
    with Session(engine) as session:
        rows = session.execute(
            select(Draft.id, Draft.state, Draft.exported_at).where(Draft.id.in_(ids))
        ).all()
    for draft_id, state, exported_at in rows:  # a review is all or nothing, before or after
        if draft_id in exported:
            assert state == "approved" and exported_at is not None
        else:
            assert state == "pending" and exported_at is None
    assert sorted(i for pair in refused for i in pair) == sorted(exported)
