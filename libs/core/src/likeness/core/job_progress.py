"""A queued job's state as the ``Progress`` message every Watch RPC streams (one mapping)."""

from __future__ import annotations

from likeness.core.jobs import JobInfo, ProgressReport
from likeness.v1 import common_pb2


def report_message(job_id: str, status: str, report: ProgressReport) -> common_pb2.Progress:
    """``report`` as sent now (the ``at`` stamp is the sending time)."""
    fields = report.as_dict()
    fields.pop("extra", None)  # the message has no place for it
    message = common_pb2.Progress(job_id=job_id, status=status, **fields)
    message.at.GetCurrentTime()
    return message


def progress_message(job: JobInfo) -> common_pb2.Progress:
    return report_message(job.id, job.status, job.report)
