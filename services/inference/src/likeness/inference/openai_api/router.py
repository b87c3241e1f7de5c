"""The OpenAI HTTP routes: parse, call the servings, return. Nothing else lives here.

Streams go out as server-sent events, ``data: {chunk}\\n\\n`` ... ``data: [DONE]\\n\\n``. An error
after the stream has started (the status line is already sent) becomes one ``data: {"error":
...}`` event, which the official client raises as ``APIError``.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import AsyncIterator, Coroutine
from typing import Any

import anyio
from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse, Response, StreamingResponse
from pydantic import BaseModel
from starlette.types import Receive, Scope, Send

from likeness.core.auth import AccessPolicy, AccessRefused, KeysUnavailable, bearer_key
from likeness.inference.openai_api.errors import SERVING_ERRORS, OpenAIError, openai_error
from likeness.inference.openai_api.protocol import (
    ChatCompletionRequest,
    CompletionRequest,
    ErrorInfo,
    ErrorResponse,
)
from likeness.inference.openai_api.serving_chat import OpenAIServingChat
from likeness.inference.openai_api.serving_completion import OpenAIServingCompletion
from likeness.inference.openai_api.serving_engine import ChunkStream, OpenAIServing
from likeness.inference.openai_api.serving_models import OpenAIServingModels

log = logging.getLogger(__name__)

#: Status logged for a request whose client disconnected before its answer (nginx's choice).
CLIENT_CLOSED = 499


def require_api_key(request: Request) -> None:
    """Bearer auth by the server's ``AccessPolicy``: a key is needed as soon as one is active,
    and a server bound beyond loopback refuses every call while none is (fails closed).

    A plain ``def``: FastAPI runs it in the thread pool, so the (cached) key lookup in the
    database never blocks the event loop.
    """
    policy: AccessPolicy = request.app.state.access_policy
    key = bearer_key(request.headers.get("authorization"))
    try:
        policy.check(key)
    except KeysUnavailable as exc:
        raise OpenAIError(503, str(exc), type="server_error", code="keys_unavailable") from exc
    except AccessRefused as exc:
        if key is None and policy.key_checker.required():
            raise OpenAIError(
                401,
                "You didn't provide an API key: send 'Authorization: Bearer KEY' "
                "(create one with `likeness keys create NAME`).",
                code="missing_api_key",
            ) from exc
        code = "invalid_api_key" if key is not None else "no_active_api_key"
        raise OpenAIError(401, str(exc), code=code) from exc


router = APIRouter(prefix="/v1", dependencies=[Depends(require_api_key)])


@router.get("/models")
async def list_models(request: Request) -> Response:
    models: OpenAIServingModels = request.app.state.openai_models
    return _json(await models.list_models())


@router.post("/chat/completions")
async def create_chat_completion(body: ChatCompletionRequest, request: Request) -> Response:
    chat: OpenAIServingChat = request.app.state.openai_chat
    return await _respond(request, chat, chat.create_chat_completion(body), "chat")


@router.post("/completions")
async def create_completion(body: CompletionRequest, request: Request) -> Response:
    text: OpenAIServingCompletion = request.app.state.openai_completion
    return await _respond(request, text, text.create_completion(body), "completions")


async def _respond(
    request: Request,
    serving: OpenAIServing,
    work: Coroutine[Any, Any, BaseModel | ChunkStream[Any]],
    endpoint: str,
) -> Response:
    result = await until_disconnected(request, work)
    if result is None:  # nobody is waiting for it
        return Response(status_code=CLIENT_CLOSED)
    if isinstance(result, ChunkStream):
        return EventStreamResponse(result, serving, endpoint=endpoint)
    return _json(result)


async def until_disconnected(request: Request, work: Coroutine[Any, Any, Any]) -> Any:
    """``work``'s result, or None when the client disconnects first.

    A non-streamed answer is computed before anything is sent, and Starlette does not cancel a
    handler whose client left; this does, and cancelling the work aborts its engine requests
    (the same path a closed stream takes), so abandoned requests free their slots. A streamed
    answer returns here at once, before generating; its response watches for itself.
    """
    task = asyncio.ensure_future(work)
    gone = asyncio.ensure_future(_disconnect(request))
    try:
        await asyncio.wait({task, gone}, return_when=asyncio.FIRST_COMPLETED)
        if task.done():
            return task.result()
        task.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await task
        return None
    finally:
        gone.cancel()
        if not task.done():  # the handler itself was cancelled (shutdown)
            task.cancel()


async def _disconnect(request: Request) -> None:
    # The body is already read (RequestGuard replays it), so the next message is the disconnect.
    while (await request.receive())["type"] != "http.disconnect":
        pass


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
        except (OpenAIError, *SERVING_ERRORS) as exc:
            error = openai_error(exc)
            self._serving.metrics.errors.labels(self._endpoint, str(error.status)).inc()
            yield f"data: {error.to_response().model_dump_json()}\n\n"
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
