"""A client for a running inference service, returning what the domain functions return.

    with InferenceClient("gpu-host:50052", api_key=key) as client:
        client.list_models("alice")                    # [ModelInfo]
        client.activate(model_id)                      # ModelInfo, loaded and active
        client.generate("alice", "Write about tea")    # the text
        client.propose("alice", post.clean_text, 4)    # Proposals from alice's normaliser
        client.generate_posts("alice", "the sea", 4)   # [DraftInfo], stored as pending drafts
        for delta in client.chat("alice", [("user", "hi")]):
            print(delta, end="")
        stream = client.chat_stream("alice", [("user", "hi")])   # stream.cancel() from any thread

Failed calls raise what the service raised, read back through ``INFERENCE_ERRORS`` (the table the
inference server installs): ``ModelNotFound``, ``PersonaNotFound``, ``NotAnAdapter``,
``AdapterMismatch`` (other base model or chat template), ``FileNotFoundError`` (adapter files
missing), ``AdapterNotServable``, ``EngineFailed`` (the engine died), ``JobNotFound``,
``ValueError`` (bad request); transport failures are ``likeness.core.grpc_client``'s. The trainer
activates models through it and the labeler gets its proposals through it (it is the labeler's
``Proposer``), so neither imports inference's internals.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, ClassVar

import grpc

from likeness.core.grpc_client import ServiceClient
from likeness.core.grpc_errors import ErrorRule, ErrorTable
from likeness.core.jobs import JobNotFound
from likeness.core.model_messages import model_from_message
from likeness.core.proposals import Proposals, ProposedText
from likeness.core.registry import ModelInfo, NotAnAdapter
from likeness.core.settings import Settings
from likeness.inference.drafts import DraftInfo
from likeness.inference.engines.base import AdapterMismatch
from likeness.inference.serving.errors import AdapterNotServable, EngineFailed, TooLarge
from likeness.v1 import common_pb2, inference_pb2, inference_pb2_grpc

#: Activation loads an adapter into the running engine (a vLLM engine may restart for it).
ACTIVATE_DEADLINE_S = 180.0
#: A generation of up to the max-tokens cap on a slow (CPU) engine.
GENERATE_DEADLINE_S = 300.0

#: The inference service's errors on the wire; its server installs the same table.
INFERENCE_ERRORS = ErrorTable(
    [
        ErrorRule(NotAnAdapter, grpc.StatusCode.FAILED_PRECONDITION, "not_an_adapter"),
        ErrorRule(AdapterMismatch, grpc.StatusCode.FAILED_PRECONDITION, "adapter_mismatch"),
        ErrorRule(FileNotFoundError, grpc.StatusCode.FAILED_PRECONDITION, "adapter_missing"),
        ErrorRule(AdapterNotServable, grpc.StatusCode.FAILED_PRECONDITION, "adapter_not_servable"),
        ErrorRule(EngineFailed, grpc.StatusCode.UNAVAILABLE, "engine_failed"),
        ErrorRule(JobNotFound, grpc.StatusCode.NOT_FOUND, "job_not_found"),
        ErrorRule(TooLarge, grpc.StatusCode.RESOURCE_EXHAUSTED, "too_large"),
        ErrorRule(ValueError, grpc.StatusCode.INVALID_ARGUMENT, "invalid_argument"),
    ]
)


def _messages(messages: Sequence[tuple[str, str]]) -> list[inference_pb2.ChatMessage]:
    return [inference_pb2.ChatMessage(role=role, content=content) for role, content in messages]


class InferenceClient(ServiceClient):
    """Talks to one inference service; use as a context manager or call ``close()``."""

    service: ClassVar[str] = "inference"
    addr_setting: ClassVar[str] = "LIKENESS_INFERENCE_ADDR"
    errors: ClassVar[ErrorTable] = INFERENCE_ERRORS

    def __init__(self, addr: str, api_key: str | None = None, timeout_s: float = 30.0) -> None:
        super().__init__(addr, api_key, timeout_s)
        self._stub = inference_pb2_grpc.InferenceServiceStub(self.channel)

    # --- models ---

    def list_models(self, persona: str | None = None) -> list[ModelInfo]:
        request = common_pb2.ListModelsRequest(persona=persona or "")
        return [model_from_message(m) for m in self.call(self._stub.ListModels, request).models]

    def activate(self, model_id: str, *, force: bool = False) -> ModelInfo:
        """Check the adapter against the served model (and a persona model against its serving
        gate, unless ``force``), load it, mark it active."""
        request = common_pb2.ActivateModelRequest(model_id=model_id, force=force)
        info = model_from_message(self.call(self._stub.ActivateModel, request, ACTIVATE_DEADLINE_S))
        info.served_now = True
        return info

    # --- generation ---

    def generate(
        self,
        persona: str,
        prompt: str,
        sampling: inference_pb2.SamplingParams | None = None,
        *,
        timeout_s: float = GENERATE_DEADLINE_S,
    ) -> str:
        """The completion of ``prompt`` as ``persona`` ("" or the base model id: the bare base)."""
        request = inference_pb2.GenerateRequest(persona=persona, prompt=prompt, sampling=sampling)
        return str(self.call(self._stub.Generate, request, timeout_s).text)

    def propose(
        self,
        persona: str,
        clean_text: str,
        n: int,
        *,
        max_tokens: int = 0,
        seed: int = 0,
        timeout_s: float = GENERATE_DEADLINE_S,
    ) -> Proposals:
        """Up to ``n`` (1-16) distinct normalisations of ``clean_text`` by ``persona``'s current
        normaliser, greedy first, with the generator, prompt version and rendered prompt, and
        each text's reward when the persona has a reward model (``reward_model`` says which);
        ``max_tokens`` 0 = the service's default, ``seed`` 0 = random."""
        request = inference_pb2.ProposeRequest(
            persona=persona, text=clean_text, n=n, max_tokens=max_tokens, seed=seed
        )
        reply = self.call(self._stub.Propose, request, timeout_s)
        return Proposals(
            texts=[
                ProposedText(p.text, p.temperature, p.reward if p.HasField("reward") else None)
                for p in reply.proposals
            ],
            generator=reply.generator,
            prompt_version=reply.prompt_version,
            prompt=reply.prompt,
            reward_model=reply.reward_model or None,
        )

    def generate_posts(
        self,
        persona: str,
        topic: str,
        n: int,
        sampling: inference_pb2.SamplingParams | None = None,
        *,
        timeout_s: float = GENERATE_DEADLINE_S,
    ) -> list[DraftInfo]:
        """``n`` (1-64) post drafts about ``topic`` in ``persona``'s voice, stored by the service
        as pending drafts for review; blank generations are dropped, so there may be fewer."""
        request = inference_pb2.GeneratePostsRequest(
            persona=persona, topic=topic, n=n, sampling=sampling
        )
        reply = self.call(self._stub.GeneratePosts, request, timeout_s)
        return [DraftInfo(id=d.id, text=d.text, topic=topic) for d in reply.drafts]

    def chat(
        self,
        persona: str,
        messages: Sequence[tuple[str, str]],
        sampling: inference_pb2.SamplingParams | None = None,
        *,
        card: str | None = None,
        timeout_s: float = GENERATE_DEADLINE_S,
    ) -> Iterator[str]:
        """The reply's text deltas; stopping early cancels the request on the server. ``card``
        replaces the persona's stored card for this call ("" = none; None = the stored one)."""
        yield from self.chat_stream(persona, messages, sampling, card=card, timeout_s=timeout_s)

    def chat_stream(
        self,
        persona: str,
        messages: Sequence[tuple[str, str]],
        sampling: inference_pb2.SamplingParams | None = None,
        *,
        card: str | None = None,
        timeout_s: float = GENERATE_DEADLINE_S,
    ) -> ChatStream:
        """The reply in flight: iterate it for the text deltas, ``cancel()`` it from any thread
        (the server aborts the generation). Use it where another thread must stop a stream
        that its reader is blocked on (a generator cannot be closed while it runs). ``card``
        as for ``chat``."""
        request = inference_pb2.ChatRequest(
            persona=persona, messages=_messages(messages), sampling=sampling, card=card
        )
        return ChatStream(self._stub.Chat(request, timeout=timeout_s), self.error)


class ChatStream:
    """One chat reply in flight (``InferenceClient.chat_stream``)."""

    def __init__(self, call: Any, error: Callable[[grpc.RpcError], Exception]) -> None:
        self._call = call
        self._error = error
        self._cancelled = threading.Event()

    @property
    def cancelled(self) -> bool:
        """Whether ``cancel()`` ended it (the deltas read so far are all there is)."""
        return self._cancelled.is_set()

    def cancel(self) -> None:
        """Stop the reply: the reader's loop ends without an error, the server aborts."""
        self._cancelled.set()
        self._call.cancel()

    def __iter__(self) -> Iterator[str]:
        try:
            for chunk in self._call:
                if self.cancelled:  # a chunk that was already buffered when cancel() came
                    return
                if chunk.delta:
                    yield chunk.delta
        except grpc.RpcError as exc:
            if self.cancelled and exc.code() == grpc.StatusCode.CANCELLED:
                return
            raise self._error(exc) from None
        finally:
            self._call.cancel()


@contextmanager
def configured_inference(settings: Settings) -> Iterator[InferenceClient | None]:
    """A client for ``LIKENESS_INFERENCE_ADDR`` (closed afterwards), or None where it is unset.

    with configured_inference(settings) as inference:
        activate(db, settings, model_id, inference)      # likeness.trainer.training_jobs
    """
    if not settings.inference_addr:
        yield None
        return
    with InferenceClient(settings.inference_addr, settings.api_key) as client:
        yield client
