"""gRPC TrainerService: a thin adapter over the job queue and ``training_jobs``.

    servicer = TrainerServicer(db, settings, inference=InferenceClient(addr, key))  # or None
    build_server([ServiceSpec(add_TrainerServiceServicer_to_server, servicer, SERVICE_NAME,
                              errors=TRAINER_ERRORS)], ...)

The servicer never trains: SubmitJob queues, and the workers (in the same process with
``likeness serve trainer --workers N``, or anywhere else on the same database) pick jobs up.
It just raises: each typed error travels by ``TRAINER_ERRORS`` (installed by ``build_server``)
as a status code plus its ``likeness-error-code``, and the client raises the same exception.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import datetime

import grpc
from sqlalchemy import Engine

from likeness.core import jobs, registry
from likeness.core.jobs import JobInfo, ProgressReport
from likeness.core.model_messages import model_message
from likeness.core.proto_fields import to_message
from likeness.core.reports import ReportNotFound, latest_report, numbers
from likeness.core.settings import Settings
from likeness.trainer.training_jobs import (
    InvalidConfig,
    JobEvent,
    ModelActivator,
    TrainingPreview,
    activate,
    event_from_job,
    preview_job,
    submit_training,
)
from likeness.v1 import common_pb2, trainer_pb2, trainer_pb2_grpc

logger = logging.getLogger(__name__)

SERVICE_NAME = trainer_pb2.DESCRIPTOR.services_by_name["TrainerService"].full_name
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 1000
MAX_PREVIEW_EXAMPLES = 20
WATCH_POLL_S = 0.5


# --- conversions -----------------------------------------------------------------------------


def progress_message(event: JobEvent) -> common_pb2.Progress:
    message = to_message(
        common_pb2.Progress, event.progress, job_id=event.job_id, status=event.status
    )
    message.at.GetCurrentTime()
    return message


def job_message(job: JobInfo) -> trainer_pb2.Job:
    return to_message(
        trainer_pb2.Job,
        job,
        recipe=job.kind,
        progress=progress_message(
            JobEvent(job.id, job.status, ProgressReport.from_dict(job.progress))
        ),
        config_json=json.dumps(job.config, sort_keys=True),
        result_json=json.dumps(job.result, sort_keys=True) if job.result else "",
        loss_history=[
            trainer_pb2.LossPoint(step=step, loss=loss) for step, loss in job.loss_history
        ],
    )


def preview_message(preview: TrainingPreview) -> trainer_pb2.JobPreview:
    examples = [
        to_message(
            trainer_pb2.PreviewExample,
            example,
            pieces=[to_message(trainer_pb2.TokenPiece, piece) for piece in example.pieces],
        )
        for example in preview.examples
    ]
    return to_message(trainer_pb2.JobPreview, preview, examples=examples)


def config_from_json(text: str) -> dict[str, object]:
    """The request's config: empty means the recipe's defaults; anything else must be an object."""
    if not text.strip():
        return {}
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidConfig(f"config_json is not valid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise InvalidConfig("config_json must be a JSON object")
    return value


class TrainerServicer(trainer_pb2_grpc.TrainerServiceServicer):
    def __init__(
        self, db: Engine, settings: Settings, inference: ModelActivator | None = None
    ) -> None:
        self.db = db
        self.settings = settings
        self.inference = inference  # activation goes through it when given

    def SubmitJob(
        self, request: trainer_pb2.SubmitJobRequest, context: grpc.ServicerContext
    ) -> common_pb2.JobRef:
        job_id = submit_training(
            self.db,
            request.recipe,
            request.persona,
            config_from_json(request.config_json),
            priority=request.priority,
            max_attempts=request.max_attempts or 3,
        )
        logger.info("queued job %s (%s for %s)", job_id, request.recipe, request.persona)
        return common_pb2.JobRef(job_id=job_id)

    def GetJob(self, request: common_pb2.JobRef, context: grpc.ServicerContext) -> trainer_pb2.Job:
        return job_message(jobs.get(self.db, request.job_id))

    def ListJobs(
        self, request: trainer_pb2.ListJobsRequest, context: grpc.ServicerContext
    ) -> trainer_pb2.ListJobsResponse:
        size = request.page.page_size or DEFAULT_PAGE_SIZE
        if not 0 < size <= MAX_PAGE_SIZE:
            raise ValueError(f"page_size must be between 1 and {MAX_PAGE_SIZE}")
        before = None
        if request.page.page_token:
            try:
                before = datetime.fromisoformat(request.page.page_token)
            except ValueError:
                raise ValueError("bad page_token") from None
        found = jobs.list_jobs(
            self.db,
            persona=request.persona or None,
            kinds=list(request.recipes) or None,
            statuses=list(request.statuses) or None,
            limit=size,
            before=before,
        )
        # Paging by creation time: the next page holds the jobs created before this page's last.
        token = found[-1].created_at.isoformat() if len(found) == size else ""
        return trainer_pb2.ListJobsResponse(
            jobs=[job_message(j) for j in found], next_page_token=token
        )

    def CancelJob(
        self, request: common_pb2.JobRef, context: grpc.ServicerContext
    ) -> trainer_pb2.Job:
        return job_message(jobs.cancel(self.db, request.job_id))

    def WatchJob(
        self, request: common_pb2.JobRef, context: grpc.ServicerContext
    ) -> Iterator[common_pb2.Progress]:
        jobs.get(self.db, request.job_id)  # JobNotFound before the stream starts
        # Polls the queue (the job may run on another machine) until the job ends or the
        # client goes away.
        for job in jobs.watch(
            self.db, request.job_id, poll_s=WATCH_POLL_S, still_wanted=context.is_active
        ):
            yield progress_message(event_from_job(job))

    def ListModels(
        self, request: common_pb2.ListModelsRequest, context: grpc.ServicerContext
    ) -> common_pb2.ListModelsResponse:
        found = registry.list_models(self.db, request.persona or None)
        return common_pb2.ListModelsResponse(models=[model_message(m) for m in found])

    def GetModelReport(
        self, request: trainer_pb2.ModelReportRequest, context: grpc.ServicerContext
    ) -> trainer_pb2.ModelReport:
        registry.get_model(self.db, request.model_id)  # ModelNotFound first
        report = latest_report(self.db, request.model_id)
        if report is None:
            raise ReportNotFound(
                f"model {request.model_id} has no report card yet (likeness eval "
                f"{request.model_id})"
            )
        return to_message(trainer_pb2.ModelReport, report, metrics=numbers(report.metrics))

    def ActivateModel(
        self, request: common_pb2.ActivateModelRequest, context: grpc.ServicerContext
    ) -> common_pb2.Model:
        info = activate(
            self.db, self.settings, request.model_id, self.inference, force=request.force
        )
        return model_message(info)

    def PreviewJob(
        self, request: trainer_pb2.PreviewJobRequest, context: grpc.ServicerContext
    ) -> trainer_pb2.JobPreview:
        n = request.examples or 3
        if not 0 < n <= MAX_PREVIEW_EXAMPLES:
            raise ValueError(f"examples must be between 1 and {MAX_PREVIEW_EXAMPLES}")
        job = request.job
        preview = preview_job(
            self.db,
            self.settings,
            job.recipe,
            job.persona,
            config_from_json(job.config_json),
            n=n,
            time_it=request.time_it,
        )
        return preview_message(preview)
