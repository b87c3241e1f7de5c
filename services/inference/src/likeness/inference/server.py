"""``likeness serve inference``: one engine, served over gRPC and OpenAI-compatible HTTP.

The engine runs on one event loop thread (``EngineThread``); uvicorn serves the HTTP app on that
same loop, and the gRPC thread pool reaches the engine through it, so both transports share the
engine's batches. SIGINT/SIGTERM stop gRPC gracefully, then HTTP, then the engine.
"""

from __future__ import annotations

import asyncio
import logging

import grpc
import uvicorn
from sqlalchemy import Engine as DbEngine

from likeness.core.auth import KeyChecker
from likeness.core.db import open_database
from likeness.core.grpc_server import ServiceSpec, build_server, serve_forever
from likeness.core.settings import Settings
from likeness.inference.engine_thread import EngineThread
from likeness.inference.engines.loading import load_engine
from likeness.inference.grpc_servicer import SERVICE_NAME, InferenceServicer
from likeness.inference.http_server import check_bind, uvicorn_config
from likeness.inference.openai_api.app import create_app
from likeness.inference.personas import any_active_adapter
from likeness.v1 import inference_pb2_grpc

logger = logging.getLogger(__name__)
DEFAULT_GRPC_PORT = 50052
DEFAULT_HTTP_PORT = 8000


def make_inference_grpc_server(
    runner: EngineThread, db: DbEngine, *, host: str, port: int
) -> tuple[grpc.Server, int]:
    servicer = InferenceServicer(runner, db)
    return build_server(
        [
            ServiceSpec(
                inference_pb2_grpc.add_InferenceServiceServicer_to_server, servicer, SERVICE_NAME
            )
        ],
        host=host,
        port=port,
        key_checker=KeyChecker(db),
    )


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
    engine = load_engine(settings, model, enable_lora=any_active_adapter(db))
    with EngineThread(engine) as runner:
        app = create_app(engine, db, settings, manage_engine=False)
        check_bind(app, host)  # refuses a public address while no API key exists
        http = uvicorn.Server(uvicorn_config(app, host, http_port, "info"))
        http_done = asyncio.run_coroutine_threadsafe(http.serve(), runner.loop)
        server, bound = make_inference_grpc_server(runner, db, host=host, port=grpc_port)
        logger.info("inference: HTTP on %s:%d, gRPC on %s:%d", host, http_port, host, bound)
        try:
            serve_forever(server)
        finally:
            http.should_exit = True
            http_done.result(timeout=30)
