"""gRPC InferenceService: a thin adapter over the engine thread and the serving layer.

Generate and Chat resolve ``persona`` through ``likeness.inference.serving`` (the HTTP API's
resolver and validation): an empty persona or the base model's name means the bare base model.
Both abort the engine request when the call ends early (client gone, deadline passed). Propose,
Normalize and NormalizeCorpus use the persona's current normaliser (``normalizers``) through the
same resolver, so every adapter is loaded into the engine once; Propose also scores each text
with the persona's reward model, if it has one (``reward_scorer``, loaded once per process).
The servicer just raises; the server's ``ErrorTable`` turns the exceptions into statuses.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Iterator

import grpc
from sqlalchemy import Engine as DbEngine

from likeness.core.chat import persona_messages
from likeness.core.job_progress import progress_message
from likeness.core.jobs import JobNotFound
from likeness.core.model_messages import model_message
from likeness.core.registry import list_models
from likeness.inference.activation import activate_model, adapter_info
from likeness.inference.drafts import generate_posts
from likeness.inference.engine_thread import EngineThread
from likeness.inference.engines.base import Delta, GenerationRequest, SamplingParams
from likeness.inference.normalize import normalize_text
from likeness.inference.normalize_jobs import NormalizeJobs
from likeness.inference.normalizers import DEFAULT_MAX_TOKENS as NORMALIZE_MAX_TOKENS
from likeness.inference.personas import load_persona
from likeness.inference.proposing import propose
from likeness.inference.reward_scorer import RewardScorers
from likeness.inference.serving import (
    InvalidRequest,
    ModelResolver,
    ServedModel,
    TooLarge,
    chat_messages,
    check_prompt,
    sampling_params,
)
from likeness.v1 import common_pb2, inference_pb2, inference_pb2_grpc

SERVICE_NAME = "likeness.v1.InferenceService"
MAX_BATCH_TEXTS = 1024
MAX_DRAFTS = 64
DEFAULT_MAX_TOKENS = 256


def sampling_from(message: inference_pb2.SamplingParams) -> SamplingParams:
    """Proto sampling parameters, validated by the shared rules. Proto3 cannot tell 0 from
    unset, so 0 is "default" for max_tokens and top_p (and greedy for temperature)."""
    return sampling_params(
        max_tokens={"max_tokens": message.max_tokens or None},
        temperature=message.temperature,
        top_p=message.top_p or None,
        stop=list(message.stop),
        seed=message.seed or None,
        default_max_tokens=DEFAULT_MAX_TOKENS,
    )


class InferenceServicer(inference_pb2_grpc.InferenceServiceServicer):
    def __init__(self, runner: EngineThread, db: DbEngine, resolver: ModelResolver | None = None):
        self.runner = runner
        self.engine = runner.engine
        self.db = db
        self.resolver = resolver or ModelResolver(self.engine, db)
        self.jobs = NormalizeJobs(runner, db, self.resolver)
        self.rewards = RewardScorers(db)  # reward models that score proposals, loaded once

    # -- helpers -----------------------------------------------------------------------------
    def _served(self, persona: str) -> ServedModel:
        return self.runner.run(self.resolver.resolve(persona or self.resolver.base_name))

    def _check_base(self, model: str) -> None:
        if model and not self.resolver.is_base(model):
            raise InvalidRequest(
                f"this service serves {self.resolver.base_name!r}, not {model!r}", param="model"
            )

    def _stream(
        self,
        prompt: str,
        sampling: SamplingParams,
        served: ServedModel,
        context: grpc.ServicerContext,
        *,
        stream: bool,
    ) -> Iterator[Delta]:
        """The deltas of one request (through the serving layer's copy guard), aborted as soon
        as the call ends early."""
        check_prompt(self.engine, prompt, "prompt")
        request = GenerationRequest(f"grpc-{uuid.uuid4().hex}", prompt, sampling, served.adapter)
        deltas = self.resolver.generate(request, served, stream=stream)
        # A cancelled call (client gone, deadline) aborts the engine request (whichever try of
        # the copy guard runs); the stream then ends on its own. (Closing the generator from the
        # callback's thread is not allowed.)
        context.add_callback(lambda: self.runner.submit(self.resolver.abort(request.request_id)))
        return self.runner.stream(request, deltas)

    # -- RPCs --------------------------------------------------------------------------------
    def Generate(
        self, request: inference_pb2.GenerateRequest, context: grpc.ServicerContext
    ) -> inference_pb2.GenerateResponse:
        served = self._served(request.persona)
        sampling = sampling_from(request.sampling)
        text, prompt_tokens, completion_tokens = [], 0, 0
        for delta in self._stream(request.prompt, sampling, served, context, stream=False):
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
        served = self._served(request.persona)
        sampling = sampling_from(request.sampling)
        messages = chat_messages([(m.role, m.content) for m in request.messages])
        # A card sent with the call (edited for one session) stands in for the stored one.
        card = request.card if request.HasField("card") else served.card
        if card:
            messages = persona_messages(card, messages)
        prompt = self.engine.render_chat(messages)
        for delta in self._stream(prompt, sampling, served, context, stream=True):
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
            raise TooLarge(f"at most {MAX_BATCH_TEXTS} texts per call", param="texts")
        self._check_base(request.model)
        sampling = SamplingParams(max_tokens=NORMALIZE_MAX_TOKENS, temperature=0.0)

        async def all_texts() -> tuple[list[str], str, str]:
            normalizer = await self.resolver.normalizer(request.persona)
            texts = await asyncio.gather(
                *(normalize_text(self.engine, normalizer, t, sampling) for t in request.texts)
            )
            return list(texts), normalizer.prompt_version, normalizer.model_id

        texts, version, model = self.runner.run(all_texts())
        return inference_pb2.NormalizeResponse(
            texts=texts, normalizer_version=version, normalizer_model=model
        )

    def Propose(
        self, request: inference_pb2.ProposeRequest, context: grpc.ServicerContext
    ) -> inference_pb2.ProposeResponse:
        if not request.persona:
            raise InvalidRequest("persona is required", param="persona")
        proposals = self.runner.run(
            propose(
                self.engine,
                self.db,
                self.resolver,
                request.persona,
                request.text,
                request.n,
                max_tokens=request.max_tokens or NORMALIZE_MAX_TOKENS,
                seed=request.seed or None,
                rewards=self.rewards,
            )
        )
        return inference_pb2.ProposeResponse(
            proposals=[
                inference_pb2.ProposedText(text=p.text, temperature=p.temperature, reward=p.reward)
                for p in proposals.texts
            ],
            generator=proposals.generator,
            prompt_version=proposals.prompt_version,
            prompt=proposals.prompt,
            reward_model=proposals.reward_model or "",
        )

    def NormalizeCorpus(
        self, request: inference_pb2.NormalizeCorpusRequest, context: grpc.ServicerContext
    ) -> common_pb2.JobRef:
        self._check_base(request.model)
        load_persona(self.db, request.persona)  # PersonaNotFound before a job exists
        job_id = self.jobs.start(
            request.persona, limit=request.limit or None, kept_only=not request.all_posts
        )
        return common_pb2.JobRef(job_id=job_id)

    def WatchJob(
        self, request: common_pb2.JobRef, context: grpc.ServicerContext
    ) -> Iterator[common_pb2.Progress]:
        if self.jobs.get(request.job_id) is None:
            raise JobNotFound(f"no job {request.job_id!r}")
        for job in self.jobs.watch(request.job_id, still_wanted=context.is_active):
            yield progress_message(job)

    def ListModels(
        self, request: common_pb2.ListModelsRequest, context: grpc.ServicerContext
    ) -> common_pb2.ListModelsResponse:
        models = list_models(self.db, request.persona or None)
        return common_pb2.ListModelsResponse(models=[model_message(m) for m in models])

    def ActivateModel(
        self, request: common_pb2.ActivateModelRequest, context: grpc.ServicerContext
    ) -> common_pb2.Model:
        info = self.runner.run(
            activate_model(self.db, self.engine, request.model_id, force=request.force)
        )
        self.resolver.note_loaded(adapter_info(info))
        return model_message(info)

    def GeneratePosts(
        self, request: inference_pb2.GeneratePostsRequest, context: grpc.ServicerContext
    ) -> inference_pb2.GeneratePostsResponse:
        n = request.n or 1
        if not 0 < n <= MAX_DRAFTS:
            raise InvalidRequest(f"n must be 1-{MAX_DRAFTS}", param="n")
        sampling = sampling_from(request.sampling) if request.HasField("sampling") else None
        drafts = self.runner.run(
            generate_posts(
                self.db, self.engine, request.persona, request.topic, n, sampling, self.resolver
            )
        )
        return inference_pb2.GeneratePostsResponse(
            drafts=[inference_pb2.Draft(id=d.id, text=d.text) for d in drafts]
        )
