"""Sampling: kept, unlabeled posts only, spread over platforms and years, disagreement first
(and, once a reward model scores the proposals, where it is least sure)."""

from __future__ import annotations

import math
import random
from collections import Counter

import pytest
from label_fakes import FakeProposer
from persona_corpus import make_persona
from sqlalchemy import Engine

from likeness.core.flags import PostFlag
from likeness.labeler.decisions import submit
from likeness.labeler.errors import NothingToLabel
from likeness.labeler.sampling import disagreement, priority, uncertainty
from likeness.labeler.tasks import next_task, prepare_task
from likeness.labeler.types import Action, Decision


def label_all(engine: Engine, proposer: FakeProposer, slug: str, **options: object) -> list[str]:
    """Label until nothing is left (reject, so nothing is changed); the posts in order."""
    offered = []
    while True:
        try:
            task = next_task(engine, proposer, slug, "ann", **options)  # type: ignore[arg-type]
        except NothingToLabel:
            return offered
        offered.append(task.post.id)
        submit(engine, Decision(task.task_id, "ann", Action.REJECT))


def test_disagreement_is_the_mean_pairwise_normalised_edit_distance() -> None:
    assert disagreement([]) == 0.0
    assert disagreement(["same", "same", "same"]) == 0.0
    assert disagreement(["abcd", "abcd", "wxyz"]) == 1.0  # duplicates merged: one pair
    assert disagreement(["abcd", "abce", "wxyz"]) == pytest.approx((0.25 + 1 + 1) / 3)


def test_uncertainty_is_how_close_the_two_best_rewards_are() -> None:
    assert uncertainty([]) is None and uncertainty([2.0]) is None
    assert uncertainty([None, 2.0, None]) is None  # unscored texts are left out
    assert uncertainty([0.5, 0.5]) == 1.0  # a tie: the reward model cannot tell them apart
    sigmoid_2 = 1 / (1 + math.exp(-2.0))
    assert uncertainty([-5.0, 1.0, 3.0]) == pytest.approx(2 * (1 - sigmoid_2))  # best two
    assert uncertainty([3.0, 1.0, None, -5.0]) == uncertainty([1.0, 3.0])
    assert uncertainty([40.0, -40.0]) == pytest.approx(0.0, abs=1e-30)  # one clearly best
    assert uncertainty([1e6, -1e6]) == 0.0  # no overflow
    scores = [uncertainty([0.0, -gap]) for gap in (0.1, 0.5, 1.0, 4.0)]
    assert scores == sorted(scores, reverse=True)  # a wider gap: surer


def test_priority_is_disagreement_or_its_mean_with_uncertainty() -> None:
    assert priority(0.4, None) == 0.4
    assert priority(0.4, 1.0) == pytest.approx(0.7)
    assert priority(0.4, 0.0) == pytest.approx(0.2)
    # Equal disagreement: the unsure one first; equal uncertainty: the more disagreeing one.
    assert priority(0.3, 0.9) > priority(0.3, 0.1)
    assert priority(0.6, 0.5) > priority(0.3, 0.5)


def test_posts_where_the_reward_model_is_unsure_are_offered_first(engine: Engine) -> None:
    # Every post's proposals disagree alike: only the reward model tells the posts apart. The
    # same corpus twice, with the reward model unsure about one half, then about the other.
    for slug, unsure_about in (("first", "odd"), ("second", "even")):
        corpus = make_persona(engine, slug)
        posts = {
            kind: {corpus.add(f"{kind} {i}", day=i) for i in range(5)} for kind in ("odd", "even")
        }

        def rewards(text: str, unsure_about: str = unsure_about) -> list[float]:
            return [0.2, 0.1] if text.startswith(unsure_about) else [4.0, -4.0]

        proposer = FakeProposer(
            variants=lambda _: ["the fog came in", "fog came in early"], rewards=rewards
        )
        offered = label_all(engine, proposer, slug, pool=10, rng=random.Random(0))
        sure_about = "even" if unsure_about == "odd" else "odd"
        assert set(offered[:5]) == posts[unsure_about] and set(offered[5:]) == posts[sure_about]


def test_labels_spread_over_platforms_and_years_in_proportion(engine: Engine) -> None:
    corpus = make_persona(engine, "mags")
    where = {}
    for platform, day0, count in (("mastodon", 0, 12), ("mastodon", 400, 6), ("twitter", 0, 6)):
        for i in range(count):
            pid = corpus.add(f"{platform} {day0} {i}", day=day0 + i, platform=platform)
            where[pid] = (platform, 2021 if day0 == 0 else 2022)
    proposer = FakeProposer()
    offered = []
    for _ in range(12):
        task = next_task(engine, proposer, "mags", "ann", pool=1, rng=random.Random(7))
        offered.append(where[task.post.id])
        submit(engine, Decision(task.task_id, "ann", Action.ACCEPT, proposal_index=0))

    assert Counter(offered) == {("mastodon", 2021): 6, ("mastodon", 2022): 3, ("twitter", 2021): 3}
    # The first three go one to each stratum: a small platform is not left for last.
    assert len(set(offered[:3])) == 3


def test_posts_whose_proposals_disagree_are_offered_first(engine: Engine) -> None:
    corpus = make_persona(engine, "mags")
    wild = {corpus.add(f"wild {i}", day=i) for i in range(5)}
    calm = {corpus.add(f"calm {i}", day=10 + i) for i in range(5)}

    def variants(text: str) -> list[str]:
        if text.startswith("calm"):
            return [text, text]
        return [text, text.upper(), "something else entirely"]

    proposer = FakeProposer(variants=variants)
    offered = label_all(engine, proposer, "mags", pool=10, rng=random.Random(0))

    assert set(offered[:5]) == wild and set(offered[5:]) == calm
    # Scored once each, then served from the stored proposals (one fresh generation a task).
    assert len(proposer.calls) == 10 + 9


def test_with_the_default_pool_disagreeing_posts_come_earlier(engine: Engine) -> None:
    corpus = make_persona(engine, "mags")
    # Fixed ids: with random ones the draw order (and the count below) changed from run to run.
    wild = {corpus.add(f"wild {i}", day=i, external_id=f"w{i}") for i in range(20)}
    for i in range(20):
        corpus.add(f"calm {i}", day=30 + i, external_id=f"c{i}")

    def variants(text: str) -> list[str]:
        return [text] if text.startswith("calm") else [text, "something else entirely"]

    offered = label_all(engine, FakeProposer(variants=variants), "mags", rng=random.Random(5))
    assert len(offered) == 40
    assert len(wild & set(offered[:20])) >= 14  # a blind draw would average 10


def test_flagged_posts_are_never_offered(engine: Engine) -> None:
    corpus = make_persona(engine, "mags")
    kept = {corpus.add("mine", day=1), corpus.add("also mine", day=2, flags=PostFlag.MEDIA)}
    for flag in (PostFlag.REPOST, PostFlag.DUPLICATE, PostFlag.URL_ONLY, PostFlag.EMPTY):
        corpus.add(f"flagged {flag.name}", day=3, flags=flag)
    assert set(label_all(engine, FakeProposer(), "mags")) == kept

    # A persona's own exclude mask decides: here only replies are kept out.
    own = make_persona(engine, "own", settings={"exclude_flags": ["reply"]})
    repost = own.add("RT @x: a repost", day=1, flags=PostFlag.REPOST)
    own.add("@x a reply", day=2, flags=PostFlag.REPLY)
    assert label_all(engine, FakeProposer(), "own") == [repost]


def test_a_skipped_post_goes_to_others_but_never_back_to_the_skipper(engine: Engine) -> None:
    corpus = make_persona(engine, "mags")
    only = corpus.add("the one post", day=1)
    proposer = FakeProposer()
    task = next_task(engine, proposer, "mags", "ann")
    submit(engine, Decision(task.task_id, "ann", Action.SKIP))

    with pytest.raises(NothingToLabel):
        next_task(engine, proposer, "mags", "ann")
    with pytest.raises(NothingToLabel):
        prepare_task(engine, proposer, "mags", "ann")
    assert next_task(engine, proposer, "mags", "bob").post.id == only


def test_posts_without_a_date_are_a_stratum_of_their_own(engine: Engine) -> None:
    corpus = make_persona(engine, "mags")
    undated = corpus.add("no date", day=None)
    for i in range(5):
        corpus.add(f"dated {i}", day=i)
    offered = label_all(engine, FakeProposer(), "mags", pool=1, rng=random.Random(1))
    assert len(offered) == 6 and undated in offered[:2]
