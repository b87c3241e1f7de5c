"""``likeness serve inference``: one engine, served over gRPC and OpenAI-compatible HTTP.

The engine runs on one event loop thread (``EngineThread``); uvicorn serves the HTTP app on that
same loop, and the gRPC thread pool reaches the engine through it, so both transports share the
engine's batches and one adapter cache (``ModelResolver``). SIGINT/SIGTERM stop gRPC gracefully,
then HTTP, then the engine. gRPC health follows the engine: NOT_SERVING once it has died.
"""

from __future__ import annotations

import asyncio
import logging
import threading
from collections.abc import Callable

import grpc
import uvicorn
from grpc_health.v1 import health_pb2
from sqlalchemy import Engine as DbEngine

from likeness.core.auth import KeyChecker
from likeness.core.bind import check_bind
from likeness.core.db import open_database
from likeness.core.grpc_server import ServiceSpec, build_server, health_servicer_of, serve_forever
from likeness.core.settings import Settings
from likeness.inference.client import INFERENCE_ERRORS
from likeness.inference.engine_thread import EngineThread
from likeness.inference.engines.base import Engine
from likeness.inference.engines.loading import load_engine
from likeness.inference.grpc_servicer import SERVICE_NAME, InferenceServicer
from likeness.inference.http_server import uvicorn_config
from likeness.inference.openai_api.app import create_app
from likeness.inference.personas import any_active_adapter
from likeness.inference.serving import CopyGuard, ModelResolver
from likeness.v1 import inference_pb2_grpc

logger = logging.getLogger(__name__)
DEFAULT_GRPC_PORT = 50052
DEFAULT_HTTP_PORT = 8000
HEALTH_POLL_S = 0.5


def make_inference_grpc_server(
    runner: EngineThread,
    db: DbEngine,
    *,
    host: str,
    port: int,
    resolver: ModelResolver | None = None,
    key_checker: KeyChecker | None = None,
) -> tuple[grpc.Server, int]:
    """The gRPC server (bound, not started); its health follows the engine until the runner
    closes."""
    servicer = InferenceServicer(runner, db, resolver)
    server, bound = build_server(
        [
            ServiceSpec(
                inference_pb2_grpc.add_InferenceServiceServicer_to_server,
                servicer,
                SERVICE_NAME,
                errors=INFERENCE_ERRORS,
            )
        ],
        host=host,
        port=port,
        key_checker=key_checker or KeyChecker(db),
    )
    runner.on_close(watch_engine_health(runner.engine, server))
    return server, bound


def watch_engine_health(engine: Engine, server: grpc.Server) -> Callable[[], None]:
    """Report NOT_SERVING (service and "") while the engine is unhealthy; returns the stop."""
    health = health_servicer_of(server)
    stop = threading.Event()

    def watch() -> None:
        serving: bool | None = None
        while not stop.wait(HEALTH_POLL_S):
            now = engine.healthy()
            if now != serving and health is not None:
                if not now:
                    logger.error("the engine is not serving; gRPC health says NOT_SERVING")
                status = (
                    health_pb2.HealthCheckResponse.SERVING
                    if now
                    else health_pb2.HealthCheckResponse.NOT_SERVING
                )
                for name in ("", SERVICE_NAME):
                    health.set(name, status)
                serving = now

    threading.Thread(target=watch, name="engine-health", daemon=True).start()
    return stop.set


def run_inference(
    settings: Settings,
    *,
    host: str = "127.0.0.1",
    http_port: int = DEFAULT_HTTP_PORT,
    grpc_port: int = DEFAULT_GRPC_PORT,
    model: str | None = None,
) -> None:
    """Serve until interrupted (blocking)."""
    db = open_database(settings)
    # The bind rule before the model: a refused address must not cost a model load first.
    check_bind(host, KeyChecker(db, ttl_s=0))
    engine = load_engine(settings, model, enable_lora=any_active_adapter(db))
    with EngineThread(engine) as runner:
        resolver = ModelResolver(engine, db, copy_guard=CopyGuard.from_settings(settings))
        app = create_app(engine, db, settings, manage_engine=False, resolver=resolver)
        http = uvicorn.Server(uvicorn_config(app, host, http_port, "info"))
        http_done = asyncio.run_coroutine_threadsafe(http.serve(), runner.loop)
        server, bound = make_inference_grpc_server(
            runner, db, host=host, port=grpc_port, resolver=resolver
        )
        logger.info("inference: HTTP on %s:%d, gRPC on %s:%d", host, http_port, host, bound)
        try:
            serve_forever(server)
        finally:
            http.should_exit = True
            http_done.result(timeout=30)
