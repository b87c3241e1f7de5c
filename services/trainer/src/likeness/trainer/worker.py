"""The trainer's job worker: the core job loop with the training handler for every recipe, the
evaluation handler (kind ``eval``, queued after every persona training run) and the blind
arena's pair maker (kind ``arena``, ``likeness arena``).

    worker = Worker(db, settings)                 # id "host:pid", every recipe + eval + arena
    worker.run_forever(stop)                      # until ``stop`` is set (or SIGINT/SIGTERM)
    job = worker.run_once(job_id)                 # that one job if it waits (the CLI)
    job = worker.run_job(job_id)                  # that job, taken over from a dead worker too

Claiming, heartbeats, cancel, shutdown and failures are ``likeness.core.job_worker``'s. A job
runs in ``DATA_DIR/runs/<job id>``, so a job claimed again (after a crash, or released by a
worker shutting down) resumes from its own checkpoints, on this machine or another one that
shares the data dir (elsewhere it starts over). A stop request makes the run save a checkpoint
before it returns.
"""

from __future__ import annotations

from collections.abc import Collection
from functools import partial
from typing import Any

from pydantic import ValidationError
from sqlalchemy import Engine

from likeness.core.job_worker import JobContext, JobOutcome, JobWorker, stop_on_signals
from likeness.core.jobs import default_worker_id
from likeness.core.settings import Settings
from likeness.trainer.fidelity.arena import ARENA_KIND, arena_job
from likeness.trainer.fidelity.config import EVALUATED_KINDS
from likeness.trainer.fidelity.jobs import EVAL_KIND, eval_job, submit_eval
from likeness.trainer.recipes.base import RunContext
from likeness.trainer.recipes.registry import parse_config, recipe_names
from likeness.trainer.runner import run_training
from likeness.trainer.training_jobs import InvalidConfig, describe_validation_error

__all__ = ["Worker", "default_worker_id", "stop_on_signals", "train_job"]


def train_job(db: Engine, settings: Settings, run: JobContext) -> JobOutcome:
    """The handler of every recipe's jobs: run (or resume) the recipe in the job's run dir."""
    job = run.job
    ctx = RunContext(
        run_dir=settings.data_dir / "runs" / job.id,
        data_dir=settings.data_dir,
        report=run.report,
        should_stop=run.should_stop,
    )
    try:
        result = run_training(db, settings, job.kind, job.persona, job.config, ctx)
    except ValidationError as exc:  # a config submitted around SubmitJob's validation
        raise InvalidConfig(describe_validation_error(job.kind, exc)) from None
    if result.stopped:
        return JobOutcome.stopped_early()
    outcome = result.as_result()
    evaluate = getattr(parse_config(job.kind, job.config), "evaluate", False)
    if evaluate and result.model_kind in EVALUATED_KINDS:
        # Every persona model gets its report card (the serving gate reads it); the worker
        # that is free first runs it.
        outcome["eval_job"] = submit_eval(db, result.model_id)
    return JobOutcome(result=outcome)


class Worker(JobWorker):
    """A JobWorker for ``kinds`` (default: every recipe); ``options`` are JobWorker's."""

    def __init__(
        self,
        db: Engine,
        settings: Settings,
        *,
        kinds: Collection[str] | None = None,
        **options: Any,
    ) -> None:
        handler = partial(train_job, db, settings)
        kinds = [*recipe_names(), EVAL_KIND, ARENA_KIND] if kinds is None else kinds
        special = {EVAL_KIND: eval_job, ARENA_KIND: arena_job}
        handlers = {
            kind: partial(special[kind], db, settings) if kind in special else handler
            for kind in kinds
        }
        super().__init__(db, handlers, **options)
        self.settings = settings
