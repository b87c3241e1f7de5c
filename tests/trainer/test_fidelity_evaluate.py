"""The fidelity evaluation end to end on a tiny model: a persona-sft run, then its report card
(generations, judge, perplexity, copying, diversity, plots) stored with the model, as a
function, as an ``eval`` job, and queued by the training job itself."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from persona_corpus import make_persona
from pydantic import ValidationError
from sqlalchemy import Engine
from tiny_persona import TINY_RUN, tiny_settings, train_tiny_persona

from likeness.core import jobs
from likeness.core.reports import latest_report
from likeness.core.settings import Settings
from likeness.trainer.fidelity.config import EvalConfig, NotEvaluable
from likeness.trainer.fidelity.evaluate import evaluate_model
from likeness.trainer.fidelity.generation import CHAT_QUESTIONS
from likeness.trainer.fidelity.jobs import EVAL_KIND
from likeness.trainer.training_jobs import submit_training
from likeness.trainer.worker import Worker

RIPLEY = [f"ENGINES HOT!!! Launch window {n} opens at dawn, crew ready!!!" for n in range(30)]
TINY_EVAL = {"samples": 3, "negatives": 8, "max_tokens": 12, "guard_retries": 1}
METRIC_KEYS = {
    "judge_accuracy",
    "attribution_tuned",
    "attribution_base",
    "perplexity_tuned",
    "perplexity_base",
    "perplexity_reduction",
    "copy_rate",
    "copy_rate_guarded",
    "distinct2_ratio",
}


@pytest.fixture
def settings(tmp_path: Path, db_url: str, tiny_model_dir: Path) -> Settings:
    return tiny_settings(tmp_path, db_url, tiny_model_dir)


@pytest.fixture
def model_id(engine: Engine, settings: Settings, tmp_path: Path) -> str:
    ripley = make_persona(engine, "ripley")  # another author: the judge's "other" class
    for day, text in enumerate(RIPLEY):
        ripley.add(text, day=day)
    return train_tiny_persona(engine, settings, tmp_path)


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_report_card_is_written_and_stored(
    engine: Engine, settings: Settings, model_id: str
) -> None:
    seen: list[str] = []
    result = evaluate_model(
        engine,
        settings,
        EvalConfig(model_id=model_id, **TINY_EVAL),
        report=lambda p: seen.append(p.message),
    )
    assert result is not None
    metrics = result.metrics
    assert set(metrics) >= METRIC_KEYS
    for key in ("attribution_tuned", "attribution_base", "copy_rate", "judge_accuracy"):
        assert 0.0 <= metrics[key] <= 1.0, key
    assert metrics["perplexity_tuned"] > 1 and metrics["perplexity_base"] > 1
    assert metrics["heldout_posts"] == 3 and metrics["train_posts"] >= 20
    assert any("style judge" in m for m in seen)

    folder = result.report_dir
    for name in ("report.md", "report.json", "attribution.png", "perplexity.png", "lengths.png"):
        assert (folder / name).stat().st_size > 0, name
    card = json.loads((folder / "report.json").read_text())
    assert card["metrics"]["copy_rate"] == metrics["copy_rate"]
    assert len(card["samples"]) == 3 and all(s["real"] for s in card["samples"])
    # every fixed chat question answered by both models (the first of each shown), and how
    # well the answers fit their questions measured for both
    assert [s["request"] for s in card["chat"]] == list(CHAT_QUESTIONS)
    assert len(card["generations"]["chat_tuned"]) == 2 * len(CHAT_QUESTIONS)
    assert 0.0 <= metrics["chat_fit_tuned"] <= 1.0 and 0.0 <= metrics["chat_fit_base"] <= 1.0
    markdown = (folder / "report.md").read_text()
    assert f"model {model_id}" in markdown and "![Attribution](attribution.png)" in markdown

    stored = latest_report(engine, model_id)
    assert stored is not None and stored.id == result.report_id
    assert stored.metrics == json.loads(json.dumps(metrics)) and stored.report_dir == str(folder)
    assert "gate" in card and card["gate"]["checks"]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_eval_runs_as_a_job_and_training_queues_one(
    engine: Engine, settings: Settings, model_id: str, tmp_path: Path
) -> None:
    job_id = submit_training(engine, EVAL_KIND, "", {"model_id": model_id, **TINY_EVAL})
    assert jobs.get(engine, job_id).persona == "mags"
    done = Worker(engine, settings, worker_id="w1").run_once(job_id)
    assert done is not None and done.status == jobs.SUCCEEDED, done.error if done else None
    assert done.result["model_id"] == model_id and set(done.result["metrics"]) >= METRIC_KEYS
    assert latest_report(engine, model_id) is not None

    # A persona training job queues the evaluation of what it registered (unless told not to).
    train = jobs.submit(
        engine, "persona-sft", persona="mags", config={**TINY_RUN, "evaluate": True}
    )
    trained = Worker(engine, settings, worker_id="w1", kinds=["persona-sft"]).run_once(train)
    assert trained is not None and trained.status == jobs.SUCCEEDED, trained.error
    queued = jobs.get(engine, trained.result["eval_job"])
    assert queued.kind == EVAL_KIND and queued.status == jobs.QUEUED
    assert queued.config["model_id"] == trained.result["model_id"]


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_only_persona_models_are_evaluated(engine: Engine, model_id: str) -> None:
    from registered_models import add_model

    normalizer = add_model(engine, "mags", "/runs/n/final", kind="normalizer")
    with pytest.raises(NotEvaluable, match="only persona models"):
        submit_training(engine, EVAL_KIND, "", {"model_id": normalizer})
    with pytest.raises(ValueError, match="samples"):
        submit_training(engine, EVAL_KIND, "", {"model_id": model_id, "samples": 0})


def test_too_few_judge_negatives_are_refused_before_anything_is_generated() -> None:
    # The judge cannot train on fewer; found out after the generations, the run was wasted.
    with pytest.raises(ValidationError, match="negatives"):
        EvalConfig(model_id="m", negatives=4)
    assert EvalConfig(model_id="m", negatives=5).negatives == 5
