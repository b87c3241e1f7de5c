"""The OpenAI objects the HTTP API reads and writes, as pydantic models named after them.

    request = ChatCompletionRequest.model_validate(body)
    response = ChatCompletionResponse(id=..., model=..., choices=[...], usage=Usage(...))

Requests tolerate unknown fields (``extra="allow"``): clients and SDKs add parameters faster than
any server follows, and refusing a whole request over an unknown field breaks them for nothing.
Known parameters we cannot honour are refused by the servings with a 400 naming the parameter,
rather than silently ignored. Field ranges are checked there too (``likeness.inference.serving``,
the rules gRPC follows as well), so that every bad value produces the same error object with
``param`` set.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    SerializerFunctionWrapHandler,
    model_serializer,
)

from likeness.inference.engines.base import Delta


class _Request(BaseModel):
    model_config = ConfigDict(extra="allow")


class _Response(BaseModel):
    # Responses are always serialised with every field present (OpenAI sends explicit nulls,
    # e.g. ``usage: null`` on stream chunks when include_usage is set).
    model_config = ConfigDict(extra="forbid")


# --- errors -------------------------------------------------------------------------------------


class ErrorInfo(_Response):
    message: str
    type: str
    param: str | None = None
    code: str | None = None


class ErrorResponse(_Response):
    """The body of every non-2xx answer, and of an error event inside a stream."""

    error: ErrorInfo


# --- shared pieces ------------------------------------------------------------------------------


class StreamOptions(_Request):
    include_usage: bool | None = False


class Usage(_Response):
    prompt_tokens: int = 0
    completion_tokens: int = 0
    total_tokens: int = 0

    @classmethod
    def of(cls, lasts: Sequence[Delta | None], *, per_prompt: int) -> Usage:
        """From each choice's last delta (None: the choice never finished). Prompt tokens count
        once per distinct prompt (not once per choice), as OpenAI counts."""
        done = [(i, last) for i, last in enumerate(lasts) if last is not None]
        prompt = sum(last.prompt_tokens for i, last in done if i % per_prompt == 0)
        completion = sum(last.completion_tokens for _, last in done)
        return cls(
            prompt_tokens=prompt, completion_tokens=completion, total_tokens=prompt + completion
        )


def _created() -> int:
    return int(time.time())


# --- /v1/models ---------------------------------------------------------------------------------


class ModelCard(_Response):
    """One entry of ``GET /v1/models`` (OpenAI calls the object ``model``)."""

    id: str
    object: Literal["model"] = "model"
    created: int = Field(default_factory=_created)
    owned_by: str = "likeness"


class ModelList(_Response):
    object: Literal["list"] = "list"
    data: list[ModelCard]


# --- /v1/chat/completions -----------------------------------------------------------------------


class ContentPart(_Request):
    """One part of a multi-part message; only ``{"type": "text", "text": ...}`` is served."""

    type: str
    text: str | None = None


class ChatMessage(_Request):
    role: str
    content: str | list[ContentPart] | None = None
    name: str | None = None


class SamplingRequest(_Request):
    """The parameters chat and text completions share."""

    model: str
    max_tokens: int | None = None
    n: int | None = 1
    temperature: float | None = None
    top_p: float | None = None
    stop: str | list[str] | None = None
    seed: int | None = None
    stream: bool | None = False
    stream_options: StreamOptions | None = None
    user: str | None = None
    # Accepted so that their neutral values pass; anything else is refused in serving.
    frequency_penalty: float | None = None
    presence_penalty: float | None = None
    logit_bias: dict[str, float] | None = None


class ChatCompletionRequest(SamplingRequest):
    messages: list[ChatMessage]
    max_completion_tokens: int | None = None
    logprobs: bool | None = None
    top_logprobs: int | None = None
    tools: list[Any] | None = None
    tool_choice: Any | None = None
    response_format: dict[str, Any] | None = None


class ChatCompletionMessage(_Response):
    role: Literal["assistant"] = "assistant"
    content: str | None = None


class ChatCompletionChoice(_Response):
    index: int
    message: ChatCompletionMessage
    finish_reason: str | None = None
    logprobs: None = None


class _Completion(_Response):
    """What every completion answer and chunk carries besides its object, choices and usage."""

    id: str
    created: int = Field(default_factory=_created)
    model: str
    system_fingerprint: str | None = None


class ChatCompletionResponse(_Completion):
    object: Literal["chat.completion"] = "chat.completion"
    choices: list[ChatCompletionChoice]
    usage: Usage


class DeltaMessage(_Response):
    """Only the fields that changed: OpenAI's closing chunk carries ``"delta": {}``."""

    role: Literal["assistant"] | None = None
    content: str | None = None

    @model_serializer(mode="wrap")
    def _drop_unset(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data: dict[str, Any] = handler(self)
        return {key: value for key, value in data.items() if value is not None}


class ChatCompletionStreamChoice(_Response):
    index: int
    delta: DeltaMessage
    finish_reason: str | None = None
    logprobs: None = None


class ChatCompletionStreamResponse(_Completion):
    """One ``chat.completion.chunk``; with include_usage the last one has no choices and usage."""

    object: Literal["chat.completion.chunk"] = "chat.completion.chunk"
    choices: list[ChatCompletionStreamChoice]
    usage: Usage | None = None


# --- /v1/completions ----------------------------------------------------------------------------


class CompletionRequest(SamplingRequest):
    # Token-id prompts (list[int] / list[list[int]]) parse so that the refusal can name them.
    prompt: str | list[str] | list[int] | list[list[int]]
    echo: bool | None = False
    suffix: str | None = None
    best_of: int | None = None
    logprobs: int | None = None


class CompletionChoice(_Response):
    index: int
    text: str
    finish_reason: str | None = None
    logprobs: None = None


class CompletionResponse(_Completion):
    """A ``text_completion``; stream chunks have the same shape (and usage only on the last)."""

    object: Literal["text_completion"] = "text_completion"
    choices: list[CompletionChoice]
    usage: Usage | None = None


CompletionStreamResponse = CompletionResponse
