"""Every likeness gRPC server is built here, the same way.

    server, port = build_server(
        [ServiceSpec(add_IngestServiceServicer_to_server, servicer, SERVICE_NAME,
                     errors=INGEST_ERRORS)],
        host="127.0.0.1", port=50051, key_checker=KeyChecker(engine),
    )
    serve_forever(server)            # starts it; stops gracefully on SIGINT / SIGTERM

``build_server`` first applies the bind rule (``likeness.core.bind.check_bind``: beyond loopback
only with an active API key, else ``InsecureBind``). The server gets the standard health service
(``grpc.health.v1``, SERVING for each service and for ""), server reflection (so ``grpcurl``
works without the .proto files), a logging interceptor (method, status, duration at INFO), an
auth interceptor (``likeness.core.grpc_auth``; fails closed beyond loopback) and, innermost, an
error interceptor applying each service's ``ErrorTable`` (``likeness.core.grpc_errors``), so a
servicer raises its domain exceptions and never maps them itself.

``health_servicer_of(server)`` hands back the health service, for a server whose backend can die
(the inference engine) to report NOT_SERVING. The HTTP server applies the same rules with the
same functions: ``check_bind(host, KeyChecker(db, ttl_s=0))`` before it listens, and
``AccessPolicy(checker, host).check(bearer_key(header))`` on each request
(``likeness.core.auth``). The client side lives in ``likeness.core.grpc_client``
(``client_channel``, ``ServiceClient``).
"""

from __future__ import annotations

import logging
import signal
import threading
import weakref
from collections.abc import Callable
from concurrent import futures
from dataclasses import dataclass
from typing import Any

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from likeness.core.auth import AccessPolicy, KeyChecker
from likeness.core.bind import check_bind
from likeness.core.grpc_auth import AuthInterceptor
from likeness.core.grpc_errors import ErrorInterceptor, ErrorTable
from likeness.core.grpc_limits import DEFAULT_MAX_MESSAGE_BYTES, message_size_options
from likeness.core.grpc_logging import LoggingInterceptor

logger = logging.getLogger(__name__)

# build_server's return value is fixed as (server, port); the health servicer of each server is
# remembered here so serve_forever can report NOT_SERVING while it drains.
_HEALTH: weakref.WeakKeyDictionary[grpc.Server, health.HealthServicer] = weakref.WeakKeyDictionary()


@dataclass(frozen=True, slots=True)
class ServiceSpec:
    """One service to serve: the generated ``add_*_to_server``, its servicer, its full name, and
    the table its domain exceptions travel by."""

    add_to_server: Callable[[Any, grpc.Server], None]
    servicer: Any
    name: str  # e.g. "likeness.v1.IngestService"
    errors: ErrorTable | None = None  # None: only the common rules; others become INTERNAL


def format_address(host: str, port: int) -> str:
    """``host:port``, with IPv6 literals bracketed."""
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"{host}:{port}"


def build_server(
    services: list[ServiceSpec],
    *,
    host: str,
    port: int,
    key_checker: KeyChecker | None,
    max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES,
    max_workers: int = 8,
) -> tuple[grpc.Server, int]:
    """A server with health, reflection, auth, logging and error mapping, bound but not started.

    ``port=0`` picks a free port; the bound port is returned. Start it with ``server.start()``
    (tests) or ``serve_forever(server)`` (commands). ``key_checker=None`` disables auth, which
    the bind rule only allows on loopback. Raises ``InsecureBind`` (nothing is bound then) or
    ``OSError`` (the address cannot be listened on).
    """
    check_bind(host, key_checker)
    interceptors: list[grpc.ServerInterceptor] = [LoggingInterceptor()]  # outermost: sees all
    if key_checker is not None:
        if not key_checker.required():
            logger.warning(
                "no API key exists: serving without authentication, on loopback only "
                "(create one with `likeness keys create NAME`)"
            )
        interceptors.append(AuthInterceptor(AccessPolicy(key_checker, host)))
    interceptors.append(
        ErrorInterceptor({spec.name: spec.errors or ErrorTable() for spec in services})
    )
    server = grpc.server(
        # The servicers call synchronous SQLAlchemy, so a thread pool is the natural fit.
        futures.ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="grpc"),
        interceptors=interceptors,
        options=[
            *message_size_options(max_message_bytes),
            # Without this a second server on the same port binds silently and steals calls.
            ("grpc.so_reuseport", 0),
        ],
    )
    for spec in services:
        spec.add_to_server(spec.servicer, server)

    health_servicer = health.HealthServicer()
    health_pb2_grpc.add_HealthServicer_to_server(health_servicer, server)
    for name in ["", *(spec.name for spec in services)]:
        health_servicer.set(name, health_pb2.HealthCheckResponse.SERVING)
    reflection.enable_server_reflection(
        [*(spec.name for spec in services), health.SERVICE_NAME, reflection.SERVICE_NAME], server
    )

    address = format_address(host, port)
    try:
        bound = server.add_insecure_port(address)
    except RuntimeError as exc:  # grpc >= 1.50 raises instead of returning 0
        raise OSError(f"cannot listen on {address}: {exc}") from exc
    if bound == 0:
        raise OSError(f"cannot listen on {address} (in use, or not an address of this machine)")
    _HEALTH[server] = health_servicer
    return server, bound


def health_servicer_of(server: grpc.Server) -> health.HealthServicer | None:
    """The health service ``build_server`` installed (to report NOT_SERVING, e.g. a dead engine)."""
    return _HEALTH.get(server)


def stop_server(server: grpc.Server, grace_s: float = 5.0) -> None:
    """Report NOT_SERVING, let calls in flight finish for up to ``grace_s``, then stop."""
    health_servicer = _HEALTH.get(server)
    if health_servicer is not None:
        health_servicer.enter_graceful_shutdown()
    server.stop(grace_s).wait()


def serve_forever(server: grpc.Server, *, grace_s: float = 5.0) -> None:
    """Start ``server`` and block until SIGINT / SIGTERM (or until it is stopped elsewhere).

    A second signal during the grace period stops at once.
    """
    stop = threading.Event()

    def on_signal(signum: int, _frame: Any) -> None:
        if stop.is_set():
            logger.warning("second %s: stopping now", signal.Signals(signum).name)
            server.stop(None)
            return
        logger.info("%s: stopping (grace %.0fs)", signal.Signals(signum).name, grace_s)
        stop.set()

    # Signal handlers can only be installed from the main thread.
    previous: dict[int, Any] = {}
    if threading.current_thread() is threading.main_thread():
        for sig in (signal.SIGINT, signal.SIGTERM):
            previous[sig] = signal.signal(sig, on_signal)
    server.start()

    def watch_termination() -> None:
        server.wait_for_termination()
        stop.set()

    threading.Thread(target=watch_termination, name="grpc-termination", daemon=True).start()
    try:
        stop.wait()
        stop_server(server, grace_s)
    finally:
        for sig, handler in previous.items():
            signal.signal(sig, handler)
