"""Run the ingest service: ``likeness serve ingest`` calls into here.

    server, port = make_ingest_server(settings, host="127.0.0.1", port=0)   # tests, embedding
    server.start()
    run_ingest_server(settings, host="0.0.0.0", port=50051)                 # blocks until SIGTERM

The server migrates the database before it listens. ``build_server`` applies the bind rule:
while no API key exists it serves without authentication on loopback only, and refuses any
other address with ``likeness.core.bind.InsecureBind`` (a one-line message for the CLI).
"""

from __future__ import annotations

import logging

import grpc
from sqlalchemy import Engine

from likeness.core.auth import KeyChecker
from likeness.core.db import open_database
from likeness.core.grpc_limits import DEFAULT_MAX_MESSAGE_BYTES
from likeness.core.grpc_server import ServiceSpec, build_server, format_address, serve_forever
from likeness.core.settings import Settings, get_settings
from likeness.ingest.client import INGEST_ERRORS
from likeness.ingest.grpc_servicer import SERVICE_NAME, IngestServicer
from likeness.v1 import ingest_pb2_grpc

logger = logging.getLogger(__name__)

DEFAULT_PORT = 50051


def make_ingest_server(
    settings: Settings,
    *,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    engine: Engine | None = None,
    max_workers: int = 8,
    key_checker: KeyChecker | None = None,
) -> tuple[grpc.Server, int]:
    """A bound, not yet started ingest server, and its port (``port=0`` picks a free one).

    ``key_checker`` defaults to one over ``engine`` with the usual cache time.
    """
    own_engine = engine is None
    engine = engine or open_database(settings)
    servicer = IngestServicer(engine, settings)
    spec = ServiceSpec(
        ingest_pb2_grpc.add_IngestServiceServicer_to_server, servicer, SERVICE_NAME, INGEST_ERRORS
    )
    try:
        return build_server(
            [spec],
            host=host,
            port=port,
            key_checker=key_checker or KeyChecker(engine),
            # An upload chunk is 1 MiB; the rest of the headroom is for large post listings.
            max_message_bytes=DEFAULT_MAX_MESSAGE_BYTES,
            max_workers=max_workers,
        )
    except BaseException:
        if own_engine:
            engine.dispose()
        raise


def run_ingest_server(
    settings: Settings | None = None,
    *,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    grace_s: float = 5.0,
) -> None:
    """Serve until SIGINT / SIGTERM, then let calls in flight finish for ``grace_s``."""
    settings = settings or get_settings()
    server, bound = make_ingest_server(settings, host=host, port=port)
    logger.info("ingest service listening on %s", format_address(host, bound))
    serve_forever(server, grace_s=grace_s)
    logger.info("ingest service stopped")
