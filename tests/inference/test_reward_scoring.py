"""Proposals scored by the persona's reward model: each text's reward is exactly what the
trainer's ``score`` gives it, no reward model (or a broken one) leaves the texts unscored
without failing them, the loaded model is kept per model id, and the scores travel over gRPC."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Iterator
from pathlib import Path

import pytest
from preference_data import save_tiny_reward_model
from registered_models import add_model
from sqlalchemy import Engine

from likeness.core.grpc_server import stop_server
from likeness.core.prompts import normalizer_messages
from likeness.core.proposals import Proposals
from likeness.core.settings import Settings
from likeness.inference.client import InferenceClient
from likeness.inference.engine_thread import EngineThread
from likeness.inference.engines.transformers_engine import TransformersEngine
from likeness.inference.proposing import propose
from likeness.inference.reward_scorer import RewardScorer, RewardScorers, load_scorer
from likeness.inference.server import make_inference_grpc_server
from likeness.inference.serving import ModelResolver
from likeness.ingest.importing import import_path
from likeness.trainer.recipes.reward_model import load_reward_model, score

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample-archive"
POST = "RT @x: the ferry is late again and the gulls are loud #harbour"


@pytest.fixture
def corpus(engine: Engine, tmp_path: Path, db_url: str) -> Engine:
    settings = Settings(data_dir=tmp_path / "data", database_url=db_url)
    import_path(engine, SAMPLE, "mags", settings=settings)
    return engine


@pytest.fixture(scope="module")
def reward_dir(tmp_path_factory: pytest.TempPathFactory, tiny_model_dir: Path) -> Path:
    return save_tiny_reward_model(tmp_path_factory.mktemp("reward"), tiny_model_dir)


class CountingLoader:
    """``load_scorer``, counting the folders it was asked to load."""

    def __init__(self) -> None:
        self.paths: list[str] = []

    def __call__(self, path: str) -> RewardScorer:
        self.paths.append(path)
        return load_scorer(path)


def proposals_of(
    model_dir: Path, db: Engine, rewards: RewardScorers | None, posts: list[str]
) -> list[Proposals]:
    """Each post's proposals (4, seeded) from a started transformers engine."""

    async def go() -> list[Proposals]:
        model = TransformersEngine.load(str(model_dir))
        await model.start()
        try:
            resolver = ModelResolver(model, db)
            return [
                await propose(
                    model, db, resolver, "mags", p, 4, max_tokens=6, seed=5, rewards=rewards
                )
                for p in posts
            ]
        finally:
            await model.close()

    return asyncio.run(go())


def expected_rewards(reward_dir: Path, proposals: Proposals, post: str) -> list[float]:
    """What the trainer's ``score`` (reward training and RL) gives each proposed text."""
    model, tokenizer = load_reward_model(reward_dir)
    prompt = normalizer_messages(post, proposals.prompt_version)
    return [score(model, tokenizer, prompt, p.text) for p in proposals.texts]


def test_each_proposal_gets_the_reward_models_score(
    corpus: Engine, tiny_model_dir: Path, reward_dir: Path
) -> None:
    reward_id = add_model(corpus, "mags", str(reward_dir), kind="reward")
    loader = CountingLoader()
    rewards = RewardScorers(corpus, loader=loader)
    first, again = proposals_of(tiny_model_dir, corpus, rewards, [POST, "tea at the harbour"])

    assert first.reward_model == reward_id and again.reward_model == reward_id
    got = [p.reward for p in first.texts]
    assert got and all(isinstance(r, float) for r in got)
    assert got == pytest.approx(expected_rewards(reward_dir, first, POST), abs=1e-5)
    assert len({p.text for p in first.texts}) == len(got)  # one score per distinct text
    assert loader.paths == [str(reward_dir)]  # loaded once, kept for the next proposals


def test_without_a_reward_model_the_texts_are_unscored(
    corpus: Engine, tiny_model_dir: Path
) -> None:
    add_model(corpus, "mags", "/runs/some/normaliser", kind="normalizer")  # not a reward model
    loader = CountingLoader()
    (proposals,) = proposals_of(
        tiny_model_dir, corpus, RewardScorers(corpus, loader=loader), [POST]
    )
    assert proposals.texts and all(p.reward is None for p in proposals.texts)
    assert proposals.reward_model is None and loader.paths == []
    # And without a scorer at all (``rewards`` not given), nothing is looked up.
    (plain,) = proposals_of(tiny_model_dir, corpus, None, [POST])
    assert plain == proposals


def test_a_broken_reward_model_never_fails_the_proposals(
    corpus: Engine,
    tiny_model_dir: Path,
    reward_dir: Path,
    tmp_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    broken = tmp_path / "broken-reward"
    broken.mkdir()
    (broken / "config.json").write_text("{not json", "utf-8")
    add_model(corpus, "mags", str(broken), kind="reward")
    loader = CountingLoader()
    rewards = RewardScorers(corpus, loader=loader)
    with caplog.at_level(logging.ERROR, logger="likeness.inference.reward_scorer"):
        first, again = proposals_of(tiny_model_dir, corpus, rewards, [POST, POST])
    assert first.texts and all(p.reward is None for p in first.texts + again.texts)
    assert first.reward_model is None
    assert "cannot be loaded" in caplog.text
    assert loader.paths == [str(broken)]  # not reloaded for every proposal

    # A newer, working reward model is picked up, and the broken one is forgotten.
    newer = add_model(corpus, "mags", str(reward_dir), kind="reward")
    (scored,) = proposals_of(tiny_model_dir, corpus, rewards, [POST])
    assert scored.reward_model == newer and all(p.reward is not None for p in scored.texts)
    assert loader.paths == [str(broken), str(reward_dir)]


@pytest.fixture
def client(corpus: Engine, tiny_model_dir: Path) -> Iterator[InferenceClient]:
    with EngineThread(TransformersEngine.load(str(tiny_model_dir))) as runner:
        server, port = make_inference_grpc_server(runner, corpus, host="127.0.0.1", port=0)
        server.start()
        client = InferenceClient(f"127.0.0.1:{port}")
        try:
            yield client
        finally:
            client.close()
            stop_server(server, grace_s=1)


def test_the_scores_arrive_through_grpc(
    client: InferenceClient, corpus: Engine, reward_dir: Path
) -> None:
    unscored = client.propose("mags", POST, 4, max_tokens=6, seed=5)
    assert unscored.reward_model is None and all(p.reward is None for p in unscored.texts)

    reward_id = add_model(corpus, "mags", str(reward_dir), kind="reward")
    proposals = client.propose("mags", POST, 4, max_tokens=6, seed=5)
    assert proposals.reward_model == reward_id
    assert [p.text for p in proposals.texts] == [p.text for p in unscored.texts]
    got = [p.reward for p in proposals.texts]
    assert got == pytest.approx(expected_rewards(reward_dir, proposals, POST), abs=1e-5)
