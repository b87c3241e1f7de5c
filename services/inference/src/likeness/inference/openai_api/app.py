"""The FastAPI app of the OpenAI-compatible API: routes, auth, limits, errors, metrics.

    app = create_app(engine, db_engine, settings)
    with BackgroundServer(app, "127.0.0.1") as server:   # likeness.inference.http_server
        ...

Every error leaves as an OpenAI error object ``{"error": {message, type, param, code}}``, built
in one place (the exception handlers below) — including FastAPI's own validation errors, which
OpenAI clients expect as 400 rather than 422, and the serving errors shared with gRPC
(``likeness.inference.serving``). ``/healthz`` (503 once the engine has died) and ``/metrics`` are
open; the ``/v1`` routes follow the server's ``AccessPolicy``: a Bearer key as soon as one active
key exists, and every call refused beyond loopback while none is. The policy is set for the
address the server binds (``http_server.bind_app``); until then the app fails closed.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator, Mapping
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, CollectorRegistry, generate_latest
from sqlalchemy import Engine as DbEngine
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from likeness.core.auth import AccessPolicy, KeyChecker
from likeness.core.settings import Settings
from likeness.inference.engines.base import Engine
from likeness.inference.openai_api.admission import AdmissionControl
from likeness.inference.openai_api.errors import SERVING_ERRORS, OpenAIError, openai_error
from likeness.inference.openai_api.metrics import ServingMetrics
from likeness.inference.openai_api.router import router
from likeness.inference.openai_api.serving_chat import OpenAIServingChat
from likeness.inference.openai_api.serving_completion import OpenAIServingCompletion
from likeness.inference.openai_api.serving_models import OpenAIServingModels
from likeness.inference.serving import MAX_TOKENS_LIMIT, CopyGuard, ModelResolver

log = logging.getLogger(__name__)

MIB = 1024 * 1024
# Metric label per route; anything else is "other", so random 404 paths cannot grow the series.
ENDPOINTS = {
    "/v1/chat/completions": "chat",
    "/v1/completions": "completions",
    "/v1/models": "models",
}
#: The address an app's access policy assumes until it is bound: not loopback, so it fails closed.
UNBOUND = "unbound"


@dataclass(frozen=True, slots=True)
class OpenAIServings:
    """The servings of one app, sharing one resolver and one admission control."""

    models: OpenAIServingModels
    chat: OpenAIServingChat
    completion: OpenAIServingCompletion
    admission: AdmissionControl


def build_servings(
    engine: Engine,
    db_engine: DbEngine,
    metrics: ServingMetrics,
    *,
    max_tokens_limit: int = MAX_TOKENS_LIMIT,
    max_queue: int = 64,
    model_adapters: Mapping[str, str] | None = None,
    resolver: ModelResolver | None = None,
    copy_guard: CopyGuard | None = None,
) -> OpenAIServings:
    resolver = resolver or ModelResolver(engine, db_engine, model_adapters, copy_guard=copy_guard)
    # The copy guard's counters (it may serve gRPC too) go out with this app's /metrics.
    resolver.copy_guard.metrics.register(metrics.registry)
    models = OpenAIServingModels(resolver)
    admission = AdmissionControl(metrics, max_queue)
    return OpenAIServings(
        models=models,
        chat=OpenAIServingChat(engine, models, admission, max_tokens_limit=max_tokens_limit),
        completion=OpenAIServingCompletion(
            engine, models, admission, max_tokens_limit=max_tokens_limit
        ),
        admission=admission,
    )


def create_app(
    engine: Engine,
    db_engine: DbEngine,
    settings: Settings,
    *,
    max_request_bytes: int = MIB,
    max_tokens_limit: int = MAX_TOKENS_LIMIT,
    max_queue: int = 64,
    model_adapters: Mapping[str, str] | None = None,
    manage_engine: bool = True,
    resolver: ModelResolver | None = None,
) -> FastAPI:
    """The app serving ``engine`` for the base model and every persona in ``db_engine``.

    ``max_queue`` bounds the engine requests in flight (beyond it: 429); ``max_tokens_limit``
    caps every request's max_tokens; ``model_adapters`` maps persona slugs to adapter names
    already loaded into the engine; ``resolver`` shares one adapter cache (and copy guard) with
    the gRPC servicer (by default the app has its own, its copy guard set by ``settings``). With
    ``manage_engine`` the app starts and closes the engine on its own event loop (the one uvicorn
    runs), which is where the engine must live.
    """

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        if manage_engine:
            await engine.start()
        try:
            yield
        finally:
            if manage_engine:
                await engine.close()

    app = FastAPI(
        title="likeness OpenAI-compatible API",
        lifespan=lifespan,
        # The OpenAPI pages are not the API; keep the surface to what OpenAI clients use.
        docs_url=None,
        redoc_url=None,
        openapi_url=None,
    )
    registry = CollectorRegistry()
    metrics = ServingMetrics(registry)
    servings = build_servings(
        engine,
        db_engine,
        metrics,
        max_tokens_limit=max_tokens_limit,
        max_queue=max_queue,
        model_adapters=model_adapters,
        resolver=resolver,
        copy_guard=CopyGuard.from_settings(settings),
    )
    app.state.settings = settings
    app.state.db_engine = db_engine
    app.state.key_checker = KeyChecker(db_engine)
    app.state.access_policy = AccessPolicy(app.state.key_checker, UNBOUND)
    app.state.openai_models = servings.models
    app.state.openai_chat = servings.chat
    app.state.openai_completion = servings.completion
    app.include_router(router)

    @app.get("/healthz")
    async def healthz() -> Response:
        model = servings.models.resolver.base_name
        if not engine.healthy():
            return JSONResponse({"status": "engine_failed", "model": model}, status_code=503)
        return JSONResponse({"status": "ok", "model": model})

    @app.get("/metrics")
    async def prometheus_metrics() -> Response:
        return Response(generate_latest(registry), media_type=CONTENT_TYPE_LATEST)

    _install_error_handlers(app)
    app.add_middleware(RequestGuard, max_request_bytes=max_request_bytes, metrics=metrics)
    return app


def error_response(exc: OpenAIError) -> JSONResponse:
    return JSONResponse(exc.to_response().model_dump(mode="json"), status_code=exc.status)


def _install_error_handlers(app: FastAPI) -> None:
    async def on_openai_error(_: Request, exc: Exception) -> Response:
        return error_response(openai_error(exc))

    async def on_validation_error(_: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        errors = exc.errors()
        first = errors[0] if errors else {}
        # loc ("body", "messages", 0, "content") becomes the OpenAI-style "messages[0].content".
        param = _param_name([p for p in first.get("loc", ()) if p != "body"])
        message = "; ".join(
            f"{_param_name([p for p in e.get('loc', ()) if p != 'body']) or 'body'}: {e.get('msg')}"
            for e in errors[:5]
        )
        return error_response(OpenAIError(400, message or "invalid request", param=param))

    async def on_http_error(_: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        kind = "not_found" if exc.status_code == 404 else None
        return error_response(OpenAIError(exc.status_code, str(exc.detail), code=kind))

    async def on_unexpected(_: Request, exc: Exception) -> Response:
        log.exception("request failed", exc_info=exc)
        return error_response(OpenAIError(500, "internal server error", type="server_error"))

    for error_type in (OpenAIError, *SERVING_ERRORS):
        app.add_exception_handler(error_type, on_openai_error)
    app.add_exception_handler(RequestValidationError, on_validation_error)
    app.add_exception_handler(StarletteHTTPException, on_http_error)
    app.add_exception_handler(Exception, on_unexpected)


def _param_name(loc: list[Any]) -> str | None:
    name = ""
    for part in loc:
        if isinstance(part, int):
            name += f"[{part}]"
        elif isinstance(part, str) and not part.startswith(("function-", "list[", "str", "int")):
            # pydantic adds the union member it tried ("list[str]"); that is not a parameter.
            name += f".{part}" if name else part
    return name or None


class RequestGuard:
    """Pure ASGI middleware: refuses bodies over ``max_request_bytes`` (413) and counts requests.

    Pure ASGI rather than ``BaseHTTPMiddleware``, which wraps ``receive`` in a way that hides
    client disconnects from streaming responses. The body is read up front (it is small: JSON
    under the limit) and replayed; after that, ``receive`` goes straight to the server, so the
    ``http.disconnect`` that cancels a stream still arrives.
    """

    def __init__(self, app: ASGIApp, *, max_request_bytes: int, metrics: ServingMetrics) -> None:
        self.app = app
        self.max_request_bytes = max_request_bytes
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        endpoint = ENDPOINTS.get(scope["path"], "other")
        status = 500

        async def send_counting(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            body = await self._read_body(scope, receive)
            if body is None:
                status = 413
                await error_response(
                    OpenAIError(
                        413,
                        f"request body larger than {self.max_request_bytes} bytes",
                        code="request_too_large",
                    )
                )(scope, receive, send)
                return
            await self.app(scope, _replay(body, receive), send_counting)
        finally:
            self.metrics.requests.labels(endpoint, str(status)).inc()
            if status >= 400:
                self.metrics.errors.labels(endpoint, str(status)).inc()

    async def _read_body(self, scope: Scope, receive: Receive) -> bytes | None:
        """The whole body, or None when it exceeds the limit (declared or actual)."""
        for name, value in scope.get("headers", []):
            if name == b"content-length":
                try:
                    if int(value) > self.max_request_bytes:
                        return None
                except ValueError:
                    return None
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":  # disconnected while sending
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_request_bytes:  # chunked uploads declare no length
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        return b"".join(chunks)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replay() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replay
