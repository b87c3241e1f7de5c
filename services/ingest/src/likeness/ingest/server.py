"""Run the ingest service: ``likeness serve ingest`` and ``likeness up`` call into here.

    server, port = make_ingest_server(settings, host="127.0.0.1", port=0)   # tests, embedding
    server.start()
    run_ingest_server(settings, host="0.0.0.0", port=50051)                 # blocks until SIGTERM

The server migrates the database before it listens. While no API key exists it serves without
authentication, so it then refuses any address but loopback.
"""

from __future__ import annotations

import ipaddress
import logging

import grpc
from sqlalchemy import Engine

from likeness.core.auth import KeyChecker
from likeness.core.db import open_database
from likeness.core.grpc_limits import DEFAULT_MAX_MESSAGE_BYTES
from likeness.core.grpc_server import (
    ServiceSpec,
    build_server,
    format_address,
    serve_forever,
)
from likeness.core.settings import Settings, get_settings
from likeness.ingest.grpc_servicer import SERVICE_NAME, IngestServicer
from likeness.v1 import ingest_pb2_grpc

logger = logging.getLogger(__name__)

DEFAULT_PORT = 50051


class InsecureBindRefused(RuntimeError):
    """Raised instead of serving an unauthenticated service beyond this machine."""


def is_loopback(host: str) -> bool:
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name other than localhost may resolve to anything


def make_ingest_server(
    settings: Settings,
    *,
    host: str = "127.0.0.1",
    port: int = DEFAULT_PORT,
    engine: Engine | None = None,
    max_workers: int = 8,
) -> tuple[grpc.Server, int]:
    """A bound, not yet started ingest server, and its port (``port=0`` picks a free one)."""
    own_engine = engine is None
    engine = engine or open_database(settings)
    key_checker = KeyChecker(engine)
    if not key_checker.required():
        if not is_loopback(host):
            if own_engine:
                engine.dispose()
            raise InsecureBindRefused(
                f"refusing to serve on {host}: no API key exists, so the service would accept "
                "anyone. Create one with `likeness keys create NAME`, or bind 127.0.0.1."
            )
        logger.warning(
            "no API key exists: serving without authentication, on loopback only "
            "(create one with `likeness keys create NAME`)"
        )
    servicer = IngestServicer(engine, settings)
    return build_server(
        [ServiceSpec(ingest_pb2_grpc.add_IngestServiceServicer_to_server, servicer, SERVICE_NAME)],
        host=host,
        port=port,
        key_checker=key_checker,
        # An upload chunk is 1 MiB; the rest of the headroom is for large post listings.
        max_message_bytes=DEFAULT_MAX_MESSAGE_BYTES,
        max_workers=max_workers,
    )


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
