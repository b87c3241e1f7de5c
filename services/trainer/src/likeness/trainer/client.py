"""A client for a running trainer service, returning what the embedded functions return.

    with TrainerClient("gpu-host:50054", api_key=key) as client:
        job_id = client.submit("persona-sft", "alice", {"epochs": 2})
        for event in client.watch(job_id):       # JobEvent, until the job ends
            print(event.progress.step, event.progress.total)
        client.get(job_id).result["model_id"]

Failed calls raise the exception the service raised (JobNotFound, PersonaNotFound,
UnknownRecipe, InvalidConfig — a ValueError —, ModelNotFound, NotAnAdapter,
ActivationRefused), so the CLI handles a remote error exactly like a local one.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime
from typing import Any

import grpc

from likeness.core.grpc_client import ServiceClient, ServiceError, ServiceUnavailable
from likeness.core.grpc_errors import ErrorRule, ErrorTable
from likeness.core.grpc_limits import DEFAULT_DEADLINE_S
from likeness.core.jobs import LOSS_HISTORY_KEY, JobInfo, JobNotFound, ProgressReport
from likeness.core.model_messages import model_from_message
from likeness.core.proto_fields import from_message
from likeness.core.proto_time import from_timestamp
from likeness.core.registry import ModelInfo, NotAnAdapter
from likeness.core.reports import ReportNotFound, StoredReport
from likeness.trainer.recipes.registry import UnknownRecipe
from likeness.trainer.training_jobs import (
    ActivationRefused,
    ExamplePreview,
    InvalidConfig,
    JobEvent,
    TokenPiece,
    TrainingPreview,
)
from likeness.v1 import common_pb2, trainer_pb2, trainer_pb2_grpc

#: A watch is re-opened after this long, so a deadline never ends a long run's progress.
WATCH_DEADLINE_S = 60.0 * 60.0
#: A preview builds the datasets and may time two training steps on the server.
PREVIEW_DEADLINE_S = 30.0 * 60.0
ACTIVATE_DEADLINE_S = 180.0

# The names the CLI catches; they are the transport errors every ServiceClient raises.
TrainerUnavailable = ServiceUnavailable
TrainerError = ServiceError

#: The trainer service's errors on the wire; its server installs the same table.
TRAINER_ERRORS = ErrorTable(
    [
        ErrorRule(UnknownRecipe, grpc.StatusCode.INVALID_ARGUMENT, "unknown_recipe"),
        ErrorRule(InvalidConfig, grpc.StatusCode.INVALID_ARGUMENT, "invalid_config"),
        ErrorRule(JobNotFound, grpc.StatusCode.NOT_FOUND, "job_not_found"),
        ErrorRule(NotAnAdapter, grpc.StatusCode.FAILED_PRECONDITION, "not_an_adapter"),
        ErrorRule(ActivationRefused, grpc.StatusCode.FAILED_PRECONDITION, "activation_refused"),
        ErrorRule(ReportNotFound, grpc.StatusCode.NOT_FOUND, "report_not_found"),
        ErrorRule(ValueError, grpc.StatusCode.INVALID_ARGUMENT, "invalid_argument"),
    ]
)


def _progress_dict(message: common_pb2.Progress) -> dict[str, Any]:
    if not (message.step or message.total or message.message or message.loss):
        return {}  # the job has not reported yet (as the queue stores it)
    return {
        "step": message.step,
        "total": message.total,
        "loss": message.loss,
        "learning_rate": message.learning_rate,
        "tokens_per_s": message.tokens_per_s,
        "eta_s": message.eta_s,
        "message": message.message,
    }


def job_from_message(message: trainer_pb2.Job) -> JobInfo:
    progress = _progress_dict(message.progress)
    if message.loss_history:
        progress[LOSS_HISTORY_KEY] = [[p.step, p.loss] for p in message.loss_history]
    return from_message(
        JobInfo,
        message,
        kind=message.recipe,
        config=json.loads(message.config_json) if message.config_json else {},
        progress=progress,
        result=json.loads(message.result_json) if message.result_json else {},
        created_at=from_timestamp(message.created_at, True) or datetime.now(UTC),
    )


def event_from_message(message: common_pb2.Progress) -> JobEvent:
    return JobEvent(message.job_id, message.status, from_message(ProgressReport, message))


def preview_from_message(message: trainer_pb2.JobPreview) -> TrainingPreview:
    examples = [
        from_message(
            ExamplePreview, example, pieces=[from_message(TokenPiece, p) for p in example.pieces]
        )
        for example in message.examples
    ]
    return from_message(TrainingPreview, message, examples=examples)


def _submit_request(
    recipe: str,
    persona: str,
    config: dict[str, Any] | None,
    priority: int = 0,
    max_attempts: int = 3,
) -> trainer_pb2.SubmitJobRequest:
    return trainer_pb2.SubmitJobRequest(
        persona=persona,
        recipe=recipe,
        config_json=json.dumps(config or {}),
        priority=priority,
        max_attempts=max_attempts,
    )


class TrainerClient(ServiceClient):
    """Talks to one trainer service; use as a context manager or call ``close()``."""

    service = "trainer"
    addr_setting = "LIKENESS_TRAINER_ADDR"
    errors = TRAINER_ERRORS

    def __init__(
        self, addr: str, api_key: str | None = None, timeout_s: float = DEFAULT_DEADLINE_S
    ) -> None:
        super().__init__(addr, api_key, timeout_s)
        self._stub = trainer_pb2_grpc.TrainerServiceStub(self.channel)

    # --- jobs ---

    def submit(
        self,
        recipe: str,
        persona: str,
        config: dict[str, Any] | None = None,
        *,
        priority: int = 0,
        max_attempts: int = 3,
    ) -> str:
        request = _submit_request(recipe, persona, config, priority, max_attempts)
        return str(self.call(self._stub.SubmitJob, request).job_id)

    def preview(
        self,
        recipe: str,
        persona: str,
        config: dict[str, Any] | None = None,
        *,
        n: int = 3,
        time_it: bool = True,
    ) -> TrainingPreview:
        request = trainer_pb2.PreviewJobRequest(
            job=_submit_request(recipe, persona, config), examples=n, time_it=time_it
        )
        return preview_from_message(self.call(self._stub.PreviewJob, request, PREVIEW_DEADLINE_S))

    def get(self, job_id: str) -> JobInfo:
        return job_from_message(self.call(self._stub.GetJob, common_pb2.JobRef(job_id=job_id)))

    def list_jobs(
        self,
        *,
        persona: str | None = None,
        statuses: list[str] | None = None,
        kinds: list[str] | None = None,
        limit: int = 50,
    ) -> list[JobInfo]:
        request = trainer_pb2.ListJobsRequest(
            persona=persona or "",
            statuses=statuses or [],
            recipes=kinds or [],
            page=common_pb2.PageRequest(page_size=limit),
        )
        return [job_from_message(j) for j in self.call(self._stub.ListJobs, request).jobs]

    def cancel(self, job_id: str) -> JobInfo:
        return job_from_message(self.call(self._stub.CancelJob, common_pb2.JobRef(job_id=job_id)))

    def watch(self, job_id: str, *, deadline_s: float = WATCH_DEADLINE_S) -> Iterator[JobEvent]:
        """The job's progress until it ends (the stream is re-opened when its deadline passes)."""
        while True:
            call = self._stub.WatchJob(common_pb2.JobRef(job_id=job_id), timeout=deadline_s)
            expired = False
            try:
                for message in call:
                    event = event_from_message(message)
                    yield event
                    if event.done:
                        return
            except grpc.RpcError as exc:
                if exc.code() != grpc.StatusCode.DEADLINE_EXCEEDED:  # type: ignore[attr-defined]
                    raise self.error(exc) from None
                expired = True
            finally:
                call.cancel()  # a consumer that stops early ends the server's stream too
            if not expired:
                return

    # --- models ---

    def list_models(self, persona: str | None = None) -> list[ModelInfo]:
        reply = self.call(
            self._stub.ListModels, common_pb2.ListModelsRequest(persona=persona or "")
        )
        return [model_from_message(m) for m in reply.models]

    def report(self, model_id: str) -> StoredReport:
        """The model's newest report card; raises ReportNotFound (none yet), ModelNotFound."""
        reply = self.call(
            self._stub.GetModelReport, trainer_pb2.ModelReportRequest(model_id=model_id)
        )
        return from_message(StoredReport, reply, card={})

    def activate(self, model_id: str, *, force: bool = False) -> ModelInfo:
        reply = self.call(
            self._stub.ActivateModel,
            common_pb2.ActivateModelRequest(model_id=model_id, force=force),
            ACTIVATE_DEADLINE_S,
        )
        return model_from_message(reply)
