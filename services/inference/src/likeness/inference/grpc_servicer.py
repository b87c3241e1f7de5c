"""gRPC InferenceService: a thin adapter over the engine thread and the domain functions.

Generate and Chat resolve ``persona`` to its card (and active adapter); an empty persona or the
base model id means the bare base model. Chat streams text deltas and aborts the engine request
when the client goes away.
"""

from __future__ import annotations

import asyncio
import logging
import uuid
from collections.abc import Iterator

import grpc
from sqlalchemy import Engine as DbEngine

from likeness.core.grpc_errors import abort_with_error
from likeness.core.job_progress import progress_message
from likeness.core.model_messages import model_message
from likeness.core.prompts import normalizer_messages, normalizer_version
from likeness.core.registry import ModelNotFound, NotAnAdapter, list_models
from likeness.inference.activation import activate_model
from likeness.core.chat import persona_messages
from likeness.inference.drafts import generate_posts
from likeness.inference.engine_thread import EngineThread
from likeness.inference.engines.base import AdapterMismatch, GenerationRequest, SamplingParams
from likeness.inference.normalize_jobs import NormalizeJobs
from likeness.inference.personas import PersonaNotFound, ServedPersona, load_persona
from likeness.v1 import common_pb2, inference_pb2, inference_pb2_grpc

logger = logging.getLogger(__name__)
SERVICE_NAME = "likeness.v1.InferenceService"
MAX_TOKENS_LIMIT = 2048
MAX_BATCH_TEXTS = 1024


def sampling_from(message: inference_pb2.SamplingParams, default_max: int = 256) -> SamplingParams:
    """Proto sampling parameters with our defaults for unset (zero) fields, validated."""
    max_tokens = message.max_tokens or default_max
    if not 0 < max_tokens <= MAX_TOKENS_LIMIT:
        raise ValueError(f"max_tokens must be between 1 and {MAX_TOKENS_LIMIT}")
    if not 0 <= message.temperature <= 2:
        raise ValueError("temperature must be between 0 and 2")
    if not 0 <= message.top_p <= 1:
        raise ValueError("top_p must be between 0 and 1")
    return SamplingParams(
        max_tokens=max_tokens,
        temperature=message.temperature,
        top_p=message.top_p or 1.0,
        stop=tuple(message.stop),
        seed=message.seed or None,
    )


class InferenceServicer(inference_pb2_grpc.InferenceServiceServicer):
    def __init__(self, runner: EngineThread, db: DbEngine):
        self.runner = runner
        self.engine = runner.engine
        self.db = db
        self.jobs = NormalizeJobs(runner, db)

    # -- helpers -----------------------------------------------------------------------------
    def _persona(self, slug: str, context: grpc.ServicerContext) -> ServedPersona | None:
        if not slug or slug == self.engine.model_id:
            return None
        try:
            served = load_persona(self.db, slug)
        except PersonaNotFound as exc:
            abort_with_error(context, grpc.StatusCode.NOT_FOUND, "not_found", str(exc))
        if served.adapter is not None:
            try:
                self.runner.run(self.engine.load_adapter(served.adapter))
            except RuntimeError as exc:
                abort_with_error(
                    context,
                    grpc.StatusCode.FAILED_PRECONDITION,
                    "failed_precondition",
                    f"persona {slug!r} has an active adapter, but this engine runs without "
                    f"LoRA ({exc}); restart the inference service to serve it",
                )
        return served

    def _sampling(
        self, message: inference_pb2.SamplingParams, context: grpc.ServicerContext
    ) -> SamplingParams:
        try:
            return sampling_from(message)
        except ValueError as exc:
            abort_with_error(
                context, grpc.StatusCode.INVALID_ARGUMENT, "invalid_argument", str(exc)
            )

    def _request(
        self, prompt: str, sampling: SamplingParams, served: ServedPersona | None
    ) -> GenerationRequest:
        adapter = served.adapter.name if served is not None and served.adapter else None
        return GenerationRequest(f"grpc-{uuid.uuid4().hex}", prompt, sampling, adapter)

    # -- RPCs --------------------------------------------------------------------------------
    def Generate(
        self, request: inference_pb2.GenerateRequest, context: grpc.ServicerContext
    ) -> inference_pb2.GenerateResponse:
        served = self._persona(request.persona, context)
        sampling = self._sampling(request.sampling, context)
        generation = self._request(request.prompt, sampling, served)
        text, prompt_tokens, completion_tokens = [], 0, 0
        for delta in self.runner.stream(generation):
            text.append(delta.text)
            prompt_tokens, completion_tokens = delta.prompt_tokens, delta.completion_tokens
        return inference_pb2.GenerateResponse(
            text="".join(text),
            prompt_tokens=prompt_tokens,
            completion_tokens=completion_tokens,
        )

    def Chat(
        self, request: inference_pb2.ChatRequest, context: grpc.ServicerContext
    ) -> Iterator[inference_pb2.ChatChunk]:
        served = self._persona(request.persona, context)
        sampling = self._sampling(request.sampling, context)
        messages = [{"role": m.role, "content": m.content} for m in request.messages]
        if not messages:
            abort_with_error(
                context, grpc.StatusCode.INVALID_ARGUMENT, "invalid_argument", "no messages"
            )
        if served is not None:
            messages = persona_messages(served.card, messages)
        generation = self._request(self.engine.render_chat(messages), sampling, served)
        # A cancelled call (client gone, deadline) aborts the engine request; the stream then
        # ends on its own. (Closing the generator from the callback's thread is not allowed.)
        context.add_callback(lambda: self.runner.abort(generation.request_id))
        for delta in self.runner.stream(generation):
            yield inference_pb2.ChatChunk(
                delta=delta.text,
                done=delta.finished,
                prompt_tokens=delta.prompt_tokens,
                completion_tokens=delta.completion_tokens,
            )

    def Normalize(
        self, request: inference_pb2.NormalizeRequest, context: grpc.ServicerContext
    ) -> inference_pb2.NormalizeResponse:
        if len(request.texts) > MAX_BATCH_TEXTS:
            abort_with_error(
                context,
                grpc.StatusCode.RESOURCE_EXHAUSTED,
                "too_large",
                f"at most {MAX_BATCH_TEXTS} texts per call",
            )
        sampling = SamplingParams(max_tokens=160, temperature=0.0)

        async def all_texts() -> list[str]:
            async def one(text: str) -> str:
                generation = self._request(
                    self.engine.render_chat(normalizer_messages(text)), sampling, None
                )
                return "".join([d.text async for d in self.engine.generate(generation)]).strip()

            return list(await asyncio.gather(*(one(t) for t in request.texts)))

        return inference_pb2.NormalizeResponse(
            texts=self.runner.run(all_texts()),
            normalizer_version=normalizer_version(self.engine.model_id),
        )

    def NormalizeCorpus(
        self, request: inference_pb2.NormalizeCorpusRequest, context: grpc.ServicerContext
    ) -> common_pb2.JobRef:
        if request.model and request.model != self.engine.model_id:
            abort_with_error(
                context,
                grpc.StatusCode.FAILED_PRECONDITION,
                "failed_precondition",
                f"this service serves {self.engine.model_id!r}, not {request.model!r}",
            )
        try:
            load_persona(self.db, request.persona)
        except PersonaNotFound as exc:
            abort_with_error(context, grpc.StatusCode.NOT_FOUND, "not_found", str(exc))
        job_id = self.jobs.start(
            request.persona, limit=request.limit or None, kept_only=not request.all_posts
        )
        return common_pb2.JobRef(job_id=job_id)

    def WatchJob(
        self, request: common_pb2.JobRef, context: grpc.ServicerContext
    ) -> Iterator[common_pb2.Progress]:
        if self.jobs.get(request.job_id) is None:
            abort_with_error(
                context, grpc.StatusCode.NOT_FOUND, "not_found", f"no job {request.job_id!r}"
            )
        for job in self.jobs.watch(request.job_id, still_wanted=context.is_active):
            yield progress_message(job)

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
            info = self.runner.run(activate_model(self.db, self.engine, request.model_id))
        except ModelNotFound as exc:
            abort_with_error(context, grpc.StatusCode.NOT_FOUND, "not_found", str(exc))
        except (NotAnAdapter, AdapterMismatch, FileNotFoundError) as exc:
            abort_with_error(
                context, grpc.StatusCode.FAILED_PRECONDITION, "failed_precondition", str(exc)
            )
        return model_message(info)

    def GeneratePosts(
        self, request: inference_pb2.GeneratePostsRequest, context: grpc.ServicerContext
    ) -> inference_pb2.GeneratePostsResponse:
        if not 0 < (request.n or 1) <= 64:
            abort_with_error(
                context, grpc.StatusCode.INVALID_ARGUMENT, "invalid_argument", "n must be 1-64"
            )
        sampling = (
            self._sampling(request.sampling, context) if request.HasField("sampling") else None
        )
        try:
            drafts = self.runner.run(
                generate_posts(
                    self.db, self.engine, request.persona, request.topic, request.n or 1, sampling
                )
            )
        except PersonaNotFound as exc:
            abort_with_error(context, grpc.StatusCode.NOT_FOUND, "not_found", str(exc))
        return inference_pb2.GeneratePostsResponse(
            drafts=[inference_pb2.Draft(id=d.id, text=d.text) for d in drafts]
        )
