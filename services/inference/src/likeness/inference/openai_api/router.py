"""The OpenAI HTTP routes: parse, call ``OpenAIServing``, return. Nothing else lives here.

Streams go out as server-sent events, ``data: {chunk}\\n\\n`` ... ``data: [DONE]\\n\\n``. An error
after the stream has started (the status line is already sent) becomes one ``data: {"error":
...}`` event, which the official client raises as ``APIError``.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from typing import Annotated, Any

import anyio
from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel
from starlette.types import Receive, Scope, Send

from likeness.core.auth import KeyChecker
from likeness.inference.openai_api.protocol import (
    ChatCompletionRequest,
    CompletionRequest,
    ErrorInfo,
    ErrorResponse,
)
from likeness.inference.openai_api.serving import ChunkStream, OpenAIError, OpenAIServing

log = logging.getLogger(__name__)


def get_serving(request: Request) -> OpenAIServing:
    serving: OpenAIServing = request.app.state.openai_serving
    return serving


def require_api_key(request: Request) -> None:
    """Bearer auth, enforced as soon as one active key exists.

    A plain ``def``: FastAPI runs it in the thread pool, so the (cached) key lookup in the
    database never blocks the event loop.
    """
    checker: KeyChecker = request.app.state.key_checker
    if not checker.required():
        return
    scheme, _, key = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "bearer" or not key.strip():
        raise OpenAIError(
            401,
            "You didn't provide an API key: send 'Authorization: Bearer KEY' "
            "(create one with `likeness keys create NAME`).",
            code="missing_api_key",
        )
    if not checker.is_valid(key.strip()):
        raise OpenAIError(401, "Incorrect API key provided.", code="invalid_api_key")


ServingDep = Annotated[OpenAIServing, Depends(get_serving)]

router = APIRouter(prefix="/v1", dependencies=[Depends(require_api_key)])


@router.get("/models")
async def list_models(serving: ServingDep) -> Response:
    return _json(await serving.list_models())


@router.post("/chat/completions")
async def create_chat_completion(body: ChatCompletionRequest, serving: ServingDep) -> Response:
    result = await serving.create_chat_completion(body)
    if isinstance(result, ChunkStream):
        return EventStreamResponse(result, serving, endpoint="chat")
    return _json(result)


@router.post("/completions")
async def create_completion(body: CompletionRequest, serving: ServingDep) -> Response:
    result = await serving.create_completion(body)
    if isinstance(result, ChunkStream):
        return EventStreamResponse(result, serving, endpoint="completions")
    return _json(result)


def _json(model: BaseModel) -> JSONResponse:
    return JSONResponse(model.model_dump(mode="json"))


class EventStreamResponse(StreamingResponse):
    """SSE over a ``ChunkStream`` that is always closed, however the response ends.

    Starlette cancels a streaming response when the client disconnects, but leaves its body
    iterator to the garbage collector; closing the chunk stream here, shielded from that
    cancellation, is what aborts the engine requests promptly.
    """

    def __init__(self, chunks: ChunkStream[Any], serving: OpenAIServing, *, endpoint: str) -> None:
        self._chunks = chunks
        self._serving = serving
        self._endpoint = endpoint
        super().__init__(
            self._events(),
            media_type="text/event-stream",
            # no-transform / X-Accel-Buffering: proxies must not buffer tokens.
            headers={"Cache-Control": "no-cache, no-transform", "X-Accel-Buffering": "no"},
        )

    async def _events(self) -> AsyncIterator[str]:
        # Without include_usage, OpenAI sends no usage key at all on chunks.
        exclude = None if self._chunks.include_usage else {"usage"}
        try:
            async for chunk in self._chunks:
                yield f"data: {chunk.model_dump_json(exclude=exclude)}\n\n"
        except OpenAIError as exc:
            self._serving.metrics.errors.labels(self._endpoint, str(exc.status)).inc()
            yield f"data: {exc.to_response().model_dump_json()}\n\n"
        except Exception:
            log.exception("stream failed")
            self._serving.metrics.errors.labels(self._endpoint, "500").inc()
            error = ErrorResponse(
                error=ErrorInfo(message="internal error while generating", type="server_error")
            )
            yield f"data: {error.model_dump_json()}\n\n"
        yield "data: [DONE]\n\n"

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        # Wrapping __call__ (not stream_response) also covers a client gone before the first byte:
        # a task cancelled before it starts never runs its own ``finally``.
        try:
            await super().__call__(scope, receive, send)
        finally:
            with anyio.CancelScope(shield=True):
                body = self.body_iterator
                aclose = getattr(body, "aclose", None)
                if aclose is not None:
                    await aclose()
                await self._chunks.aclose()
