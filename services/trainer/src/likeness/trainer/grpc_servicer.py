"""gRPC TrainerService: a thin adapter over the job queue and ``training_jobs``.

    servicer = TrainerServicer(db, settings)
    build_server([ServiceSpec(add_TrainerServiceServicer_to_server, servicer, SERVICE_NAME)], ...)

The servicer never trains: SubmitJob queues, and the workers (in the same process with
``likeness serve trainer --workers N``, or anywhere else on the same database) pick jobs up.
Each typed error travels as a status code plus its ``likeness-error-code``, which the client
turns back into the same exception (see ``ERROR_CODES``).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import NoReturn

import grpc
from google.protobuf.timestamp_pb2 import Timestamp
from sqlalchemy import Engine

from likeness.core import jobs
from likeness.core.errors import PersonaNotFound
from likeness.core.grpc_errors import abort_with_error
from likeness.core.jobs import JobInfo, JobNotFound
from likeness.core.settings import Settings
from likeness.inference.activation import ModelNotFound, NotAnAdapter, list_models
from likeness.inference.grpc_servicer import model_message
from likeness.trainer.recipes.registry import UnknownRecipe
from likeness.trainer.training_jobs import (
    ActivationRefused,
    InvalidConfig,
    JobEvent,
    TrainingPreview,
    activate,
    event_from_job,
    preview_job,
    progress_from_dict,
    submit_training,
)
from likeness.v1 import common_pb2, trainer_pb2, trainer_pb2_grpc

logger = logging.getLogger(__name__)

SERVICE_NAME = trainer_pb2.DESCRIPTOR.services_by_name["TrainerService"].full_name
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 1000
MAX_PREVIEW_EXAMPLES = 20
WATCH_POLL_S = 0.5

#: exception class -> (status, error code) on the wire; the client maps the code back.
ERROR_CODES: list[tuple[type[Exception], grpc.StatusCode, str]] = [
    (UnknownRecipe, grpc.StatusCode.INVALID_ARGUMENT, "unknown_recipe"),
    (InvalidConfig, grpc.StatusCode.INVALID_ARGUMENT, "invalid_config"),
    (PersonaNotFound, grpc.StatusCode.NOT_FOUND, "persona_not_found"),
    (JobNotFound, grpc.StatusCode.NOT_FOUND, "job_not_found"),
    (ModelNotFound, grpc.StatusCode.NOT_FOUND, "model_not_found"),
    (NotAnAdapter, grpc.StatusCode.FAILED_PRECONDITION, "not_an_adapter"),
    (ActivationRefused, grpc.StatusCode.FAILED_PRECONDITION, "activation_refused"),
    (ValueError, grpc.StatusCode.INVALID_ARGUMENT, "invalid_argument"),
]


def abort_for(context: grpc.ServicerContext, exc: Exception) -> NoReturn:
    for cls, status, code in ERROR_CODES:
        if isinstance(exc, cls):
            abort_with_error(context, status, code, str(exc))
    raise exc


# --- conversions -----------------------------------------------------------------------------


def to_timestamp(value: datetime | None) -> Timestamp | None:
    if value is None:
        return None
    stamp = Timestamp()
    stamp.FromDatetime(value if value.tzinfo else value.replace(tzinfo=UTC))
    return stamp


def progress_message(event: JobEvent) -> common_pb2.Progress:
    p = event.progress
    message = common_pb2.Progress(
        job_id=event.job_id,
        step=p.step,
        total=p.total,
        loss=p.loss,
        learning_rate=p.learning_rate,
        tokens_per_s=p.tokens_per_s,
        eta_s=p.eta_s,
        message=p.message,
        status=event.status,
    )
    message.at.GetCurrentTime()
    return message


def job_message(job: JobInfo) -> trainer_pb2.Job:
    return trainer_pb2.Job(
        id=job.id,
        persona=job.persona,
        recipe=job.kind,
        status=job.status,
        progress=progress_message(JobEvent(job.id, job.status, progress_from_dict(job.progress))),
        attempts=job.attempts,
        error=job.error,
        config_json=json.dumps(job.config, sort_keys=True),
        result_json=json.dumps(job.result, sort_keys=True) if job.result else "",
        max_attempts=job.max_attempts,
        worker=job.worker,
        cancel_requested=job.cancel_requested,
        created_at=to_timestamp(job.created_at),
        started_at=to_timestamp(job.started_at),
        finished_at=to_timestamp(job.finished_at),
    )


def preview_message(preview: TrainingPreview) -> trainer_pb2.JobPreview:
    return trainer_pb2.JobPreview(
        recipe=preview.recipe,
        base_model=preview.base_model,
        examples=[
            trainer_pb2.PreviewExample(
                pieces=[trainer_pb2.TokenPiece(text=p.text, trained=p.trained) for p in e.pieces],
                tokens=e.tokens,
                trained_tokens=e.trained_tokens,
                truncated=e.truncated,
            )
            for e in preview.examples
        ],
        train_examples=preview.train_examples,
        heldout_examples=preview.heldout_examples,
        train_tokens=preview.train_tokens,
        trained_tokens=preview.trained_tokens,
        truncated=preview.truncated,
        steps=preview.steps,
        estimated_seconds=preview.estimated_seconds,
    )


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
    def __init__(self, db: Engine, settings: Settings) -> None:
        self.db = db
        self.settings = settings

    def _job(self, job_id: str, context: grpc.ServicerContext) -> JobInfo:
        try:
            return jobs.get(self.db, job_id)
        except JobNotFound as exc:
            abort_for(context, exc)

    def SubmitJob(
        self, request: trainer_pb2.SubmitJobRequest, context: grpc.ServicerContext
    ) -> common_pb2.JobRef:
        try:
            job_id = submit_training(
                self.db,
                request.recipe,
                request.persona,
                config_from_json(request.config_json),
                priority=request.priority,
                max_attempts=request.max_attempts or 3,
            )
        except (UnknownRecipe, ValueError, PersonaNotFound) as exc:
            abort_for(context, exc)
        logger.info("queued job %s (%s for %s)", job_id, request.recipe, request.persona)
        return common_pb2.JobRef(job_id=job_id)

    def GetJob(self, request: common_pb2.JobRef, context: grpc.ServicerContext) -> trainer_pb2.Job:
        return job_message(self._job(request.job_id, context))

    def ListJobs(
        self, request: trainer_pb2.ListJobsRequest, context: grpc.ServicerContext
    ) -> trainer_pb2.ListJobsResponse:
        size = request.page.page_size or DEFAULT_PAGE_SIZE
        if not 0 < size <= MAX_PAGE_SIZE:
            abort_with_error(
                context,
                grpc.StatusCode.INVALID_ARGUMENT,
                "invalid_argument",
                f"page_size must be between 1 and {MAX_PAGE_SIZE}",
            )
        before = None
        if request.page.page_token:
            try:
                before = datetime.fromisoformat(request.page.page_token)
            except ValueError:
                abort_with_error(
                    context, grpc.StatusCode.INVALID_ARGUMENT, "invalid_argument", "bad page_token"
                )
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
        try:
            return job_message(jobs.cancel(self.db, request.job_id))
        except JobNotFound as exc:
            abort_for(context, exc)

    def WatchJob(
        self, request: common_pb2.JobRef, context: grpc.ServicerContext
    ) -> Iterator[common_pb2.Progress]:
        self._job(request.job_id, context)
        # Polls the queue (the job may run on another machine) until the job ends or the
        # client goes away.
        for job in jobs.watch(
            self.db, request.job_id, poll_s=WATCH_POLL_S, still_wanted=context.is_active
        ):
            yield progress_message(event_from_job(job))

    def ListModels(
        self, request: common_pb2.ListModelsRequest, context: grpc.ServicerContext
    ) -> common_pb2.ListModelsResponse:
        return common_pb2.ListModelsResponse(
            models=[model_message(m) for m in list_models(self.db, request.persona or None)]
        )

    def ActivateModel(
        self, request: common_pb2.ActivateModelRequest, context: grpc.ServicerContext
    ) -> common_pb2.Model:
        try:
            return model_message(activate(self.db, self.settings, request.model_id))
        except (ModelNotFound, NotAnAdapter, ActivationRefused) as exc:
            abort_for(context, exc)

    def PreviewJob(
        self, request: trainer_pb2.PreviewJobRequest, context: grpc.ServicerContext
    ) -> trainer_pb2.JobPreview:
        n = request.examples or 3
        if not 0 < n <= MAX_PREVIEW_EXAMPLES:
            abort_with_error(
                context,
                grpc.StatusCode.INVALID_ARGUMENT,
                "invalid_argument",
                f"examples must be between 1 and {MAX_PREVIEW_EXAMPLES}",
            )
        job = request.job
        try:
            preview = preview_job(
                self.db,
                self.settings,
                job.recipe,
                job.persona,
                config_from_json(job.config_json),
                n=n,
                time_it=request.time_it,
            )
        except (UnknownRecipe, ValueError, PersonaNotFound) as exc:
            abort_for(context, exc)
        return preview_message(preview)
