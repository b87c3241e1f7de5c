"""Run one queued training job on several GPUs or nodes, under ``accelerate launch``.

    likeness train persona --persona alice --detach            # queue it; prints JOB_ID
    accelerate launch --config_file deploy/accelerate/ddp.yaml \\
        -m likeness.trainer.launch JOB_ID

Every process runs the same recipe code (transformers' Trainer takes DDP, FSDP or DeepSpeed from
the accelerate config). The main process claims the job (waiting, or left by a worker whose
lease expired), renews its lease and reports progress like any worker, builds the datasets and
writes the run plan; the other processes wait for that plan and train on exactly the same
dataset files. Only the main process registers the model.
A stop request (cancel, SIGTERM, lost lease) reaches every process at the same step (see
``recipes.base``), so none of them waits forever on the others. All processes need the same
``LIKENESS_DATA_DIR`` (a shared filesystem across nodes) and ``LIKENESS_DATABASE_URL``.
"""

from __future__ import annotations

import logging
import sys
import time

from likeness.core import jobs
from likeness.core.db import open_database
from likeness.core.settings import get_settings
from likeness.trainer.recipes.base import RunContext
from likeness.trainer.runner import PLAN, run_training
from likeness.trainer.worker import Worker

logger = logging.getLogger(__name__)
PLAN_WAIT_S = 3600.0


def main(argv: list[str] | None = None) -> int:
    from accelerate import PartialState

    args = sys.argv[1:] if argv is None else argv
    if len(args) != 1 or args[0].startswith("-"):
        print("usage: accelerate launch [...] -m likeness.trainer.launch JOB_ID", file=sys.stderr)
        return 2
    job_id = args[0]
    state = PartialState()
    settings = get_settings()
    # The job was queued in this database, so its schema is in place; and N processes starting
    # together must not all run migrations.
    db = open_database(settings, migrate=False)
    logging.basicConfig(level=logging.INFO if state.is_main_process else logging.WARNING)
    if state.is_main_process:
        try:
            job = Worker(db, settings).run_job(job_id)
        except (jobs.JobNotFound, jobs.JobNotClaimable) as exc:
            logger.error("%s (see: likeness jobs show %s)", exc, job_id)
            return 1
        return 0 if job.status == jobs.SUCCEEDED else 1
    return follow(db, settings, job_id)


def follow(db, settings, job_id: str) -> int:  # type: ignore[no-untyped-def]
    """A non-main process: wait for the main one's run plan, then train alongside it."""
    run_dir = settings.data_dir / "runs" / job_id
    deadline = time.monotonic() + PLAN_WAIT_S
    while not (run_dir / PLAN).exists():
        job = jobs.get(db, job_id)
        if job.done or time.monotonic() > deadline:
            logger.error("job %s has no run plan (status %s)", job_id, job.status)
            return 1
        time.sleep(1.0)
    job = jobs.get(db, job_id)
    ctx = RunContext(run_dir=run_dir, data_dir=settings.data_dir)
    run_training(db, settings, job.kind, job.persona, job.config, ctx, register_artifact=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
