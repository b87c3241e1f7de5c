"""Label tasks: leases that keep a post with one annotator, resume, prefetch, expiry, release."""

from __future__ import annotations

import math
import random
import threading
from datetime import UTC, datetime, timedelta

import pytest
from label_fakes import FakeProposer
from persona_corpus import make_persona
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from likeness.core.db.models import LabelTask as TaskRow
from likeness.core.db.models import Proposal as ProposalRow
from likeness.core.errors import PersonaNotFound
from likeness.labeler.decisions import submit
from likeness.labeler.errors import LeaseExpired, NothingToLabel
from likeness.labeler.tasks import (
    expire_leases,
    get_task,
    next_task,
    open_tasks,
    prepare_task,
    remaining,
)
from likeness.labeler.types import Action, Decision

T0 = datetime(2026, 6, 1, 9, 0, tzinfo=UTC)


def corpus_of(engine: Engine, count: int, slug: str = "mags") -> list[str]:
    corpus = make_persona(engine, slug)
    return [corpus.add(f"Post {i}: the fog came in early", day=i) for i in range(count)]


def states(engine: Engine) -> dict[str, int]:
    with Session(engine) as session:
        rows = session.execute(select(TaskRow.state, func.count()).group_by(TaskRow.state))
        return dict(rows.all())


def test_prepare_stores_the_prompt_and_proposals_before_returning(engine: Engine) -> None:
    corpus_of(engine, 3)
    proposer = FakeProposer()
    task = prepare_task(engine, proposer, "mags", "ann", n=4, pool=1)

    assert [p.index for p in task.proposals] == [0, 1, 2, 3]
    assert [p.temperature for p in task.proposals] == [0.0, 0.3, 0.6, 0.9]
    assert task.proposals[0].text == task.post.clean_text
    assert (task.generator, task.prompt_version) == ("fake-normaliser", "normalizer-v2")
    assert task.disagreement > 0 and not task.resumed and task.remaining == 3
    with Session(engine) as session:
        row = session.get(TaskRow, task.task_id)
        assert row is not None
        assert (row.state, row.shown_at, row.annotator) == ("open", None, "ann")
        assert row.prompt == proposer.prompt(task.post.clean_text)  # byte for byte
        stored = session.scalars(
            select(ProposalRow).where(ProposalRow.task_id == task.task_id)
        ).all()
        assert {(p.position, p.text, p.generator, p.prompt_version) for p in stored} == {
            (p.index, p.text, "fake-normaliser", "normalizer-v2") for p in task.proposals
        }
    assert get_task(engine, task.task_id) == task


def test_identical_proposals_are_merged_and_score_no_disagreement(engine: Engine) -> None:
    corpus_of(engine, 1)
    task = prepare_task(engine, FakeProposer(variants=lambda t: [t, t, t]), "mags", "ann")
    assert len(task.proposals) == 1 and task.disagreement == 0.0


def test_resume_returns_the_same_open_task(engine: Engine) -> None:
    corpus_of(engine, 5)
    proposer = FakeProposer()
    first = next_task(engine, proposer, "mags", "ann", pool=1)
    again = next_task(engine, proposer, "mags", "ann", pool=1)

    assert again.task_id == first.task_id and again.post == first.post
    assert not first.resumed and again.resumed
    assert len(proposer.calls) == 1  # nothing generated for the resume
    other = next_task(engine, proposer, "mags", "bob", pool=1)
    assert other.post.id != first.post.id


def test_a_prefetched_task_is_served_oldest_first_without_generating(engine: Engine) -> None:
    corpus_of(engine, 5)
    proposer = FakeProposer()
    ready = [prepare_task(engine, proposer, "mags", "ann", pool=1) for _ in range(2)]
    assert open_tasks(engine, "mags", "ann", ready_only=True) == 2

    shown = next_task(engine, proposer, "mags", "ann", pool=1)
    assert shown.task_id == ready[0].task_id and not shown.resumed
    assert len(proposer.calls) == 2
    assert open_tasks(engine, "mags", "ann") == 2
    assert open_tasks(engine, "mags", "ann", ready_only=True) == 1
    # Showing starts the lease afresh.
    assert shown.lease_expires_at >= ready[0].lease_expires_at


def test_eight_concurrent_annotators_never_hold_the_same_post(engine: Engine) -> None:
    corpus_of(engine, 40)
    proposer = FakeProposer()
    held: dict[str, list[str]] = {}
    errors: list[BaseException] = []
    start = threading.Barrier(8)

    def annotate(name: str) -> None:
        try:
            start.wait()
            held[name] = [prepare_task(engine, proposer, "mags", name).post.id for _ in range(4)]
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=annotate, args=(f"ann{i}",)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors
    posts = [post for taken in held.values() for post in taken]
    assert len(posts) == 32 and len(set(posts)) == 32
    with Session(engine) as session:
        open_rows = session.execute(
            select(TaskRow.post_id, TaskRow.annotator).where(TaskRow.state == "open")
        ).all()
    assert sorted(p for p, _ in open_rows) == sorted(posts)
    assert all(post in held[annotator] for post, annotator in open_rows)


def test_eight_annotators_labeling_at_once_judge_each_post_once(engine: Engine) -> None:
    corpus_of(engine, 30)
    proposer = FakeProposer()
    judged: list[str] = []
    errors: list[BaseException] = []
    lock = threading.Lock()

    def annotate(name: str) -> None:
        try:
            while True:
                try:
                    task = next_task(engine, proposer, "mags", name)
                except NothingToLabel:
                    return
                submit(engine, Decision(task.task_id, name, Action.ACCEPT, proposal_index=0))
                with lock:
                    judged.append(task.post.id)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=annotate, args=(f"ann{i}",)) for i in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert not errors
    assert len(judged) == 30 and len(set(judged)) == 30
    assert remaining(engine, "mags") == 0
    assert states(engine).get("judged") == 30 and not states(engine).get("open")


def test_a_task_still_being_prepared_is_never_shown(engine: Engine) -> None:
    corpus_of(engine, 6)
    slow = FakeProposer()
    entered, go = threading.Event(), threading.Event()
    slow.before = lambda _text: (entered.set(), go.wait(10))
    prefetched: list[str] = []
    prefetch = threading.Thread(
        target=lambda: prefetched.append(prepare_task(engine, slow, "mags", "ann").task_id)
    )
    prefetch.start()
    assert entered.wait(10)  # the pool is leased and generating

    assert open_tasks(engine, "mags", "ann") == 2  # the pool: two posts leased
    assert open_tasks(engine, "mags", "ann", ready_only=True) == 0
    shown = next_task(engine, FakeProposer(), "mags", "ann", pool=1)
    go.set()
    prefetch.join()

    assert shown.task_id != prefetched[0] and len(shown.proposals) == 4
    assert open_tasks(engine, "mags", "ann", ready_only=True) == 1
    assert next_task(engine, FakeProposer(), "mags", "ann").task_id == shown.task_id


def test_an_expired_lease_hands_the_post_to_the_next_annotator(engine: Engine) -> None:
    corpus_of(engine, 1)
    proposer = FakeProposer()
    late = next_task(engine, proposer, "mags", "ann", lease_s=60, now=T0)

    with pytest.raises(NothingToLabel):
        next_task(engine, proposer, "mags", "bob", now=T0 + timedelta(seconds=59))
    taken = next_task(engine, proposer, "mags", "bob", now=T0 + timedelta(seconds=61))
    assert taken.post.id == late.post.id and taken.task_id != late.task_id

    with pytest.raises(LeaseExpired):
        submit(engine, Decision(late.task_id, "ann", Action.ACCEPT, proposal_index=0))
    submit(
        engine,
        Decision(taken.task_id, "bob", Action.ACCEPT, proposal_index=0),
        now=T0 + timedelta(seconds=62),
    )
    assert get_task(engine, late.task_id).lease_expires_at == T0 + timedelta(seconds=60)
    assert states(engine) == {"expired": 1, "judged": 1}


def test_expire_leases_counts_what_it_expired(engine: Engine) -> None:
    corpus_of(engine, 3)
    proposer = FakeProposer()
    for name in ("ann", "bob"):
        prepare_task(engine, proposer, "mags", name, lease_s=30, pool=1, now=T0)
    assert expire_leases(engine, now=T0 + timedelta(seconds=29)) == 0
    assert open_tasks(engine, "mags", "ann", now=T0) == 1
    assert expire_leases(engine, now=T0 + timedelta(seconds=31)) == 2
    assert expire_leases(engine, now=T0 + timedelta(seconds=31)) == 0
    assert states(engine) == {"expired": 2}


def test_a_failed_generation_gives_the_lease_back(engine: Engine) -> None:
    posts = corpus_of(engine, 1)
    proposer = FakeProposer()
    proposer.fail = RuntimeError("engine down")
    with pytest.raises(RuntimeError, match="engine down"):
        prepare_task(engine, proposer, "mags", "ann")
    assert states(engine) == {} and open_tasks(engine, "mags", "ann") == 0

    proposer.fail = None
    assert prepare_task(engine, proposer, "mags", "bob").post.id == posts[0]


def test_the_pool_keeps_the_most_disagreeing_post_and_releases_the_other(engine: Engine) -> None:
    corpus = make_persona(engine, "mags")
    calm = corpus.add("calm", day=1)
    wild = corpus.add("wild", day=2)

    def variants(text: str) -> list[str]:
        return [text, text] if text == "calm" else [text, "something else entirely"]

    proposer = FakeProposer(variants=variants)
    task = prepare_task(engine, proposer, "mags", "ann", pool=2, rng=random.Random(3))
    assert task.post.id == wild and task.disagreement > 0
    assert sorted(proposer.calls) == ["calm", "wild"]
    with Session(engine) as session:
        released = session.scalars(select(TaskRow).where(TaskRow.state == "released")).one()
        assert released.post_id == calm
        kept = session.scalars(
            select(ProposalRow.text).where(ProposalRow.task_id == released.id)
        ).all()
        assert kept == ["calm"]


def test_released_proposals_are_reused_by_the_same_normaliser_only(engine: Engine) -> None:
    for changed in (False, True):
        slug = f"p{int(changed)}"
        corpus = make_persona(engine, slug)
        for i in range(3):
            corpus.add(f"{slug} post {i}", day=i)
        proposer = FakeProposer()
        prepare_task(engine, proposer, slug, "ann", pool=2, rng=random.Random(1))
        assert len(proposer.calls) == 2
        with Session(engine) as session:
            released = session.scalars(
                select(TaskRow).where(
                    TaskRow.state == "released", TaskRow.persona_id == corpus.persona_id
                )
            ).one()
            stored_ids = set(
                session.scalars(select(ProposalRow.id).where(ProposalRow.task_id == released.id))
            )
        if changed:
            proposer.generator = "normaliser-2"  # a newly activated normaliser
        task = prepare_task(engine, proposer, slug, "bob", pool=2, rng=random.Random(1))

        third = 4 if changed else 3  # one fresh post; the released one reused or regenerated
        assert len(proposer.calls) == third
        with Session(engine) as session:
            row = session.get(TaskRow, released.id)
            assert row is not None
            now_ids = set(
                session.scalars(select(ProposalRow.id).where(ProposalRow.task_id == row.id))
            )
            generators = set(
                session.scalars(select(ProposalRow.generator).where(ProposalRow.task_id == row.id))
            )
        assert (now_ids == stored_ids) is not changed
        assert generators == {"normaliser-2" if changed else "fake-normaliser"}
        assert task.generator == proposer.generator


def stored_rewards(engine: Engine, task_id: str) -> list[float | None]:
    with Session(engine) as session:
        query = select(ProposalRow.reward).where(ProposalRow.task_id == task_id)
        return list(session.scalars(query.order_by(ProposalRow.position)))


def test_with_rewards_the_pool_keeps_the_post_where_the_reward_model_is_unsure(
    engine: Engine,
) -> None:
    corpus = make_persona(engine, "mags")
    sure = corpus.add("sure", day=1)
    unsure = corpus.add("unsure", day=2)
    # Alone, disagreement would keep "sure" (1.0 against 0.25); the reward model tells them
    # apart at once for "sure" (uncertainty ~0) and not at all for "unsure" (1.0), so the
    # priority is ~0.5 against 0.625.
    variants = {"sure": ["abcd", "wxyz"], "unsure": ["abcd", "abce"]}
    rewards = {"sure": [9.0, -9.0], "unsure": [0.5, 0.5]}
    proposer = FakeProposer(variants=variants.__getitem__, rewards=rewards.__getitem__)
    task = prepare_task(engine, proposer, "mags", "ann", pool=2, rng=random.Random(3))

    assert task.post.id == unsure and task.disagreement == pytest.approx(0.25)
    with Session(engine) as session:
        kept = session.get(TaskRow, task.task_id)
        released = session.scalars(select(TaskRow).where(TaskRow.state == "released")).one()
    assert kept is not None and released.post_id == sure
    assert kept.uncertainty == 1.0 and kept.reward_model == "fake-reward"
    assert released.uncertainty == pytest.approx(0.0, abs=1e-6)
    assert released.reward_model == "fake-reward" and released.disagreement == 1.0
    assert stored_rewards(engine, task.task_id) == [0.5, 0.5]
    assert stored_rewards(engine, released.id) == [9.0, -9.0]

    # Without a reward model the same pool keeps the most disagreeing post, nothing scored.
    plain = make_persona(engine, "plain")
    plain_sure, _ = plain.add("sure", day=1), plain.add("unsure", day=2)
    proposer.rewards = None
    task = prepare_task(engine, proposer, "plain", "ann", pool=2, rng=random.Random(3))
    assert task.post.id == plain_sure
    assert stored_rewards(engine, task.task_id) == [None, None]
    with Session(engine) as session:
        row = session.get(TaskRow, task.task_id)
    assert row is not None and row.uncertainty is None and row.reward_model is None


def test_released_rewards_are_reused_by_the_same_reward_model_only(engine: Engine) -> None:
    for changed in (False, True):
        slug = f"r{int(changed)}"
        corpus = make_persona(engine, slug)
        for i in range(3):
            corpus.add(f"{slug} post {i}", day=i)
        proposer = FakeProposer(rewards=lambda text: [len(text) / 10, 0.0, -1.0, -2.0])
        prepare_task(engine, proposer, slug, "ann", pool=2, rng=random.Random(1))
        with Session(engine) as session:
            released = session.scalars(
                select(TaskRow).where(
                    TaskRow.state == "released", TaskRow.persona_id == corpus.persona_id
                )
            ).one()
        before = stored_rewards(engine, released.id)
        assert len(before) >= 2 and None not in before  # one per distinct text
        if changed:
            proposer.reward_model = "fake-reward-2"  # a newly trained reward model
            proposer.rewards = lambda text: [5.0, 4.0, 3.0, 2.0]
        prepare_task(engine, proposer, slug, "bob", pool=2, rng=random.Random(1))

        assert len(proposer.calls) == (4 if changed else 3)  # reused, or regenerated
        with Session(engine) as session:
            row = session.get(TaskRow, released.id)
        assert row is not None
        assert row.reward_model == ("fake-reward-2" if changed else "fake-reward")
        after = stored_rewards(engine, released.id)
        assert after == ([5.0, 4.0, 3.0, 2.0][: len(before)] if changed else before)
        assert row.uncertainty == pytest.approx(2 / (1 + math.exp(after[0] - after[1])))


def test_nothing_to_label_and_bad_requests(engine: Engine) -> None:
    corpus_of(engine, 1)
    proposer = FakeProposer()
    with pytest.raises(PersonaNotFound):
        next_task(engine, proposer, "nobody", "ann")
    with pytest.raises(ValueError, match="annotator"):
        next_task(engine, proposer, "mags", "  ")
    task = next_task(engine, proposer, "mags", "ann")
    submit(engine, Decision(task.task_id, "ann", Action.REJECT))
    with pytest.raises(NothingToLabel):
        next_task(engine, proposer, "mags", "ann")
    with pytest.raises(NothingToLabel):
        prepare_task(engine, proposer, "mags", "bob")
    assert remaining(engine, "mags") == 0
