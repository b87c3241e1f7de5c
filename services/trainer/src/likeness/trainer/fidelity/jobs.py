"""Evaluation as a job of the trainer's queue (kind ``eval``): ``likeness eval``, the gRPC
SubmitJob with recipe ``eval``, and the evaluation queued after every persona training run.

    job_id = submit_eval(db, model_id, {"samples": 50})     # validated, queued
    outcome = eval_job(db, settings, run)                    # the worker's handler

An evaluation is not resumable: stopped part-way (Ctrl-C, a worker shutting down) it goes back
to the queue and starts over; it takes minutes, not hours.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine

from likeness.core import jobs
from likeness.core.job_worker import JobContext, JobOutcome
from likeness.core.settings import Settings
from likeness.trainer.fidelity.config import EvalConfig, resolve_models

EVAL_KIND = "eval"


def eval_config(config: dict[str, Any] | None, model_id: str | None = None) -> EvalConfig:
    """The typed config (``model_id`` given separately wins); raises ValueError in one line."""
    values = dict(config or {})
    if model_id:
        values["model_id"] = model_id
    try:
        return EvalConfig.model_validate(values)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'config'}: {e['msg']}" for e in exc.errors()
        )
        raise ValueError(f"bad config for an evaluation: {problems}") from None


def submit_eval(
    db: Engine,
    model_id: str | None,
    config: dict[str, Any] | None = None,
    *,
    priority: int = 0,
    max_attempts: int = 3,
) -> str:
    """Validate (the model exists and is a persona model), then queue; returns the job id."""
    parsed = eval_config(config, model_id)
    model, _against = resolve_models(db, parsed)
    return jobs.submit(
        db,
        EVAL_KIND,
        persona=model.persona,
        config=parsed.model_dump(mode="json"),
        priority=priority,
        max_attempts=max_attempts,
    )


def eval_job(db: Engine, settings: Settings, run: JobContext) -> JobOutcome:
    """The worker's handler for ``eval`` jobs."""
    from likeness.trainer.fidelity.evaluate import evaluate_model

    config = eval_config(run.job.config)
    result = evaluate_model(db, settings, config, report=run.report, should_stop=run.should_stop)
    if result is None:
        return JobOutcome.stopped_early()
    return JobOutcome(
        result={
            "model_id": config.model_id,
            "report_id": result.report_id,
            "report_dir": str(result.report_dir),
            "metrics": result.metrics,
            "gate": result.card.gate,
        }
    )
