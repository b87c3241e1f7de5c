"""A queued job's state as the ``Progress`` message every Watch RPC streams (one mapping)."""

from __future__ import annotations

from likeness.core.jobs import JobInfo, ProgressReport
from likeness.core.proto_fields import to_message
from likeness.v1 import common_pb2


def report_message(job_id: str, status: str, report: ProgressReport) -> common_pb2.Progress:
    """``report`` as sent now (the ``at`` stamp is the sending time)."""
    message = to_message(common_pb2.Progress, report, job_id=job_id, status=status)
    message.at.GetCurrentTime()
    return message


def progress_message(job: JobInfo) -> common_pb2.Progress:
    """A job's stored progress; a failed job's message is why it failed."""
    return report_message(job.id, job.status, job.report)
