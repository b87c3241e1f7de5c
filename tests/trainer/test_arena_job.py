"""Blind-arena pairs made by the trainer's ``arena`` job on a tiny model: a persona-sft run,
then pairs against the author's real held-out posts, the base and another adapter, new topics
first; the votes then show on the model's report card."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from arena_pairs import model_side, set_votes
from persona_corpus import make_persona
from registered_models import add_model
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from tiny_persona import tiny_settings, train_tiny_persona

from likeness.core import jobs, registry
from likeness.core.arena import BASE, REAL
from likeness.core.db.models import Comparison, Model, Post
from likeness.core.errors import PersonaNotFound
from likeness.core.settings import Settings
from likeness.trainer.fidelity.arena import ARENA_KIND
from likeness.trainer.fidelity.config import EvalConfig, NotEvaluable
from likeness.trainer.fidelity.evaluate import evaluate_model
from likeness.trainer.training_jobs import submit_training
from likeness.trainer.worker import Worker

TINY_PAIRS = {"max_tokens": 12}
TINY_EVAL = {"samples": 3, "negatives": 8, "max_tokens": 12, "guard_retries": 1}

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


@pytest.fixture
def settings(tmp_path: Path, db_url: str, tiny_model_dir: Path) -> Settings:
    return tiny_settings(tmp_path, db_url, tiny_model_dir)


@pytest.fixture
def model_id(engine: Engine, settings: Settings, tmp_path: Path) -> str:
    return train_tiny_persona(engine, settings, tmp_path)


def run_arena(engine: Engine, settings: Settings, persona: str, **config: object) -> jobs.JobInfo:
    job_id = submit_training(engine, ARENA_KIND, persona, {**TINY_PAIRS, **config})
    done = Worker(engine, settings, worker_id="w1").run_once(job_id)
    assert done is not None and done.status == jobs.SUCCEEDED, done.error if done else None
    return done


def pairs_of(engine: Engine, job_id: str) -> list[Comparison]:
    with Session(engine) as session:
        return list(session.scalars(select(Comparison).where(Comparison.job_id == job_id)))


def twin_of(engine: Engine, model_id: str) -> str:
    """A second registered adapter with the same files (another model for the arena)."""
    with Session(engine) as session, session.begin():
        row = session.get(Model, model_id)
        assert row is not None
        twin = Model(
            id=uuid.uuid4().hex,
            persona_id=row.persona_id,
            kind=row.kind,
            base_model=row.base_model,
            adapter_path=row.adapter_path,
            chat_template_sha256=row.chat_template_sha256,
        )
        session.add(twin)
        return twin.id


def test_pairs_against_real_base_and_another_model(
    engine: Engine, settings: Settings, model_id: str
) -> None:
    # No model named: the persona's newest persona model (none is active).
    done = run_arena(engine, settings, "mags", against="real", pairs=3)
    assert done.kind == ARENA_KIND and done.persona == "mags"
    assert done.config["model_id"] == model_id and isinstance(done.config["seed"], int)
    assert done.result["pairs"] == 3 and done.result["new_topics"] == 3
    real = pairs_of(engine, done.id)
    with Session(engine) as session:
        posts = {p.id: p for p in session.scalars(select(Post))}
    for pair in real:
        assert (pair.model_id, pair.opponent) == (model_id, REAL)
        assert posts[pair.post_id].split == "heldout"  # a topic the model never trained on
        assert pair.opponent_text == posts[pair.post_id].clean_text  # the author's own post
        assert pair.request.startswith("Write a post") and pair.model_text
        assert pair.vote is None and pair.annotator is None
    assert len({pair.post_id for pair in real}) == 3

    # The same topics again (the run held out 3 posts): none is new now.
    again = run_arena(engine, settings, "mags", against="real", pairs=2, model_id=model_id)
    assert again.result == {**again.result, "pairs": 2, "new_topics": 0}

    base = run_arena(engine, settings, "", against="base", pairs=2, model_id=model_id)
    assert base.result["new_topics"] == 2
    assert {pair.opponent for pair in pairs_of(engine, base.id)} == {BASE}

    twin = twin_of(engine, model_id)
    versus = run_arena(engine, settings, "mags", against=twin, pairs=1, model_id=model_id)
    [pair] = pairs_of(engine, versus.id)
    assert pair.opponent == twin and pair.model_text and pair.opponent_text

    # Votes show on the next report card: the model beat the real posts twice, lost once.
    wins = {p.id: model_side(engine, p.id) for p in real[:2]}
    loss = real[2].id
    set_votes(engine, {**wins, loss: "a" if model_side(engine, loss) == "b" else "b"})
    result = evaluate_model(engine, settings, EvalConfig(model_id=model_id, **TINY_EVAL))
    assert result is not None
    metrics = result.metrics
    assert metrics["arena_votes"] == 3 and metrics["arena_win_rate"] == pytest.approx(2 / 3)
    assert metrics["arena_win_low"] < 2 / 3 < metrics["arena_win_high"]
    markdown = (result.report_dir / "report.md").read_text()
    assert "## Blind arena" in markdown and "| the author's real post | 3 | 2 | 1 | 0 | 0 |" in (
        markdown
    )


def test_bad_requests_are_refused_before_anything_is_queued(engine: Engine, model_id: str) -> None:
    with pytest.raises(ValueError, match="against"):
        submit_training(engine, ARENA_KIND, "mags", {})
    with pytest.raises(ValueError, match="pairs"):
        submit_training(engine, ARENA_KIND, "mags", {"against": "real", "pairs": 0})
    with pytest.raises(ValueError, match="own opponent"):
        submit_training(engine, ARENA_KIND, "mags", {"against": model_id})
    with pytest.raises(registry.ModelNotFound):
        submit_training(engine, ARENA_KIND, "mags", {"against": "f" * 32})
    with pytest.raises(PersonaNotFound):
        submit_training(engine, ARENA_KIND, "nobody", {"against": "real"})
    normalizer = add_model(engine, "mags", "/runs/n/final", kind="normalizer")
    with pytest.raises(NotEvaluable, match="persona models"):
        submit_training(engine, ARENA_KIND, "", {"against": "real", "model_id": normalizer})
    make_persona(engine, "empty")
    with pytest.raises(NotEvaluable, match="no persona model yet"):
        submit_training(engine, ARENA_KIND, "empty", {"against": "real"})
    assert jobs.list_jobs(engine, persona=None, statuses=None, limit=10) == []
