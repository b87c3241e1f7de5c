"""A queued job's state as the ``Progress`` message every Watch RPC streams (one mapping)."""

from __future__ import annotations

from likeness.core.jobs import JobInfo
from likeness.v1 import common_pb2


def progress_message(job: JobInfo) -> common_pb2.Progress:
    progress = job.progress
    message = common_pb2.Progress(
        job_id=job.id,
        step=int(progress.get("step", 0)),
        total=int(progress.get("total", 0)),
        loss=float(progress.get("loss", 0.0)),
        learning_rate=float(progress.get("learning_rate", 0.0)),
        tokens_per_s=float(progress.get("tokens_per_s", 0.0)),
        eta_s=float(progress.get("eta_s", 0.0)),
        message=job.error or str(progress.get("message", "")),
        status=job.status,
    )
    message.at.GetCurrentTime()
    return message
