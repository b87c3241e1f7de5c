"""Every likeness gRPC server and client channel is built here, the same way.

    server, port = build_server(
        [ServiceSpec(add_IngestServiceServicer_to_server, servicer, "likeness.v1.IngestService")],
        host="127.0.0.1", port=50051, key_checker=KeyChecker(engine),
        max_message_bytes=DEFAULT_MAX_MESSAGE_BYTES,
    )
    serve_forever(server)            # starts it; stops gracefully on SIGINT / SIGTERM

A server gets the standard health service (``grpc.health.v1``, SERVING for each service and for
""), server reflection (so ``grpcurl`` and ``grpc_cli`` work without the .proto files), an auth
interceptor (a Bearer key is required as soon as one active key exists; health and reflection stay
open so probes work) and a logging interceptor (method, status, duration at INFO).

Clients use ``client_channel(addr, api_key)``, which attaches the key to every call, and pass
``timeout=`` on every call (``DEFAULT_DEADLINE_S`` unless the call is long by nature).

Typed errors travel as a status code plus trailing metadata: ``abort_with_error`` on the server,
``error_details`` on the client, so a client can raise the same exception class the server saw.
"""

from __future__ import annotations

import logging
import signal
import threading
import time
import weakref
from collections.abc import Callable, Iterator
from concurrent import futures
from dataclasses import dataclass
from typing import Any, NamedTuple, NoReturn

import grpc
from grpc_health.v1 import health, health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha import reflection

from likeness.core.auth import KeyChecker

logger = logging.getLogger(__name__)

#: Deadline for ordinary calls (listings, stats, small writes).
DEFAULT_DEADLINE_S = 30.0
#: Deadline for calls that do real work while the caller waits (an import of a large export).
LONG_DEADLINE_S = 60.0 * 60.0
#: Largest message either side accepts; uploads are chunked well below it, but one page of
#: 1000 long posts can be large.
DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024

AUTH_METADATA_KEY = "authorization"
#: Trailing metadata carrying a service's own error code ("not_found", "too_large", ...).
ERROR_CODE_KEY = "likeness-error-code"
# Binary ("-bin") keys, because paths and messages need not be ASCII.
ERROR_MESSAGE_KEY = "likeness-error-message-bin"
ERROR_PATH_KEY = "likeness-error-path-bin"
ERROR_RECORD_KEY = "likeness-error-record-bin"

# Probes and tooling must work without a key.
_EXEMPT_PREFIXES = (
    f"/{health.SERVICE_NAME}/",
    f"/{reflection.SERVICE_NAME}/",
    "/grpc.reflection.v1.ServerReflection/",
)

# build_server's return value is fixed as (server, port); the health servicer of each server is
# remembered here so serve_forever can report NOT_SERVING while it drains.
_HEALTH: weakref.WeakKeyDictionary[grpc.Server, health.HealthServicer] = weakref.WeakKeyDictionary()


@dataclass(frozen=True, slots=True)
class ServiceSpec:
    """One service to serve: the generated ``add_*_to_server``, its servicer, its full name."""

    add_to_server: Callable[[Any, grpc.Server], None]
    servicer: Any
    name: str  # e.g. "likeness.v1.IngestService"


def format_address(host: str, port: int) -> str:
    """``host:port``, with IPv6 literals bracketed."""
    if ":" in host and not host.startswith("["):
        host = f"[{host}]"
    return f"{host}:{port}"


# --- server side -----------------------------------------------------------------------------

Behaviour = Callable[[Any, grpc.ServicerContext], Any]


def _replace_behaviour(
    handler: grpc.RpcMethodHandler, wrap: Callable[[Behaviour, bool], Behaviour]
) -> grpc.RpcMethodHandler:
    """The same handler with its behaviour wrapped; ``wrap`` learns if responses are streamed."""
    kwargs = {
        "request_deserializer": handler.request_deserializer,
        "response_serializer": handler.response_serializer,
    }
    if handler.unary_unary:
        return grpc.unary_unary_rpc_method_handler(wrap(handler.unary_unary, False), **kwargs)
    if handler.unary_stream:
        return grpc.unary_stream_rpc_method_handler(wrap(handler.unary_stream, True), **kwargs)
    if handler.stream_unary:
        return grpc.stream_unary_rpc_method_handler(wrap(handler.stream_unary, False), **kwargs)
    return grpc.stream_stream_rpc_method_handler(wrap(handler.stream_stream, True), **kwargs)


def _bearer_key(metadata: Any) -> str | None:
    for item in metadata or ():
        if item.key == AUTH_METADATA_KEY:
            scheme, _, key = str(item.value).partition(" ")
            if scheme.lower() == "bearer" and key.strip():
                return key.strip()
    return None


class AuthInterceptor(grpc.ServerInterceptor):
    """Rejects calls without a valid Bearer key, once any active key exists."""

    def __init__(self, key_checker: KeyChecker) -> None:
        self._checker = key_checker

    def _refusal(self, method: str, metadata: Any) -> tuple[grpc.StatusCode, str] | None:
        if method.startswith(_EXEMPT_PREFIXES):
            return None
        try:
            if not self._checker.required():
                return None
            if self._checker.is_valid(_bearer_key(metadata)):
                return None
        except Exception:
            # Fail closed: a database hiccup must not open the server.
            logger.exception("could not check the API key for %s", method)
            return grpc.StatusCode.UNAVAILABLE, "cannot check the API key right now"
        return (
            grpc.StatusCode.UNAUTHENTICATED,
            "a valid API key is required: send 'authorization: Bearer <key>' "
            "(LIKENESS_API_KEY; keys are made with `likeness keys create`)",
        )

    def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], grpc.RpcMethodHandler | None],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler | None:
        handler = continuation(handler_call_details)
        if handler is None:
            return None  # unknown method: let grpc answer UNIMPLEMENTED
        refusal = self._refusal(
            handler_call_details.method, handler_call_details.invocation_metadata
        )
        if refusal is None:
            return handler
        code, details = refusal

        def refuse(_behaviour: Behaviour, _streaming: bool) -> Behaviour:
            def behaviour(_request: Any, context: grpc.ServicerContext) -> Any:
                context.abort(code, details)

            return behaviour

        return _replace_behaviour(handler, refuse)


def _status_name(context: grpc.ServicerContext, failed: bool) -> str:
    code = context.code()
    if code is None:
        code = grpc.StatusCode.UNKNOWN if failed else grpc.StatusCode.OK
    return code.name if isinstance(code, grpc.StatusCode) else str(code)


class LoggingInterceptor(grpc.ServerInterceptor):
    """Logs each call once it ends: method, status, duration, peer."""

    def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], grpc.RpcMethodHandler | None],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler | None:
        handler = continuation(handler_call_details)
        if handler is None:
            return None
        method = handler_call_details.method

        def log(context: grpc.ServicerContext, started: float, failed: bool) -> None:
            logger.info(
                "%s %s %.1fms peer=%s",
                method,
                _status_name(context, failed),
                (time.perf_counter() - started) * 1000.0,
                context.peer(),
            )

        def timed(inner: Behaviour, streaming: bool) -> Behaviour:
            def behaviour(request: Any, context: grpc.ServicerContext) -> Any:
                started = time.perf_counter()
                try:
                    result = inner(request, context)
                except BaseException:
                    log(context, started, failed=True)
                    raise
                if not streaming:
                    log(context, started, failed=False)
                    return result
                return _logged_stream(result, lambda failed: log(context, started, failed))

            return behaviour

        return _replace_behaviour(handler, timed)


def _logged_stream(responses: Iterator[Any], done: Callable[[bool], None]) -> Iterator[Any]:
    failed = True
    try:
        yield from responses
        failed = False
    finally:
        done(failed)


def abort_with_error(
    context: grpc.ServicerContext,
    status: grpc.StatusCode,
    code: str,
    details: str,
    *,
    message: str | None = None,
    path: str | None = None,
    record: str | None = None,
) -> NoReturn:
    """End the call with ``status`` and ``details``; the typed error rides in trailing metadata."""
    metadata: list[tuple[str, str | bytes]] = [(ERROR_CODE_KEY, code)]
    for key, value in ((ERROR_MESSAGE_KEY, message), (ERROR_PATH_KEY, path)):
        if value:
            metadata.append((key, value.encode("utf-8")))
    if record:
        metadata.append((ERROR_RECORD_KEY, record.encode("utf-8")))
    context.set_trailing_metadata(tuple(metadata))
    context.abort(status, details)
    raise AssertionError("unreachable: context.abort raises")  # for type checkers


def build_server(
    services: list[ServiceSpec],
    *,
    host: str,
    port: int,
    key_checker: KeyChecker | None,
    max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES,
    max_workers: int = 8,
) -> tuple[grpc.Server, int]:
    """A server with health, reflection, auth and logging, bound but not started.

    ``port=0`` picks a free port; the bound port is returned. Start it with ``server.start()``
    (tests) or ``serve_forever(server)`` (commands). ``key_checker=None`` disables auth entirely;
    callers only do that on loopback.
    """
    interceptors: list[grpc.ServerInterceptor] = [LoggingInterceptor()]  # outermost: sees all
    if key_checker is not None:
        interceptors.append(AuthInterceptor(key_checker))
    server = grpc.server(
        # The servicers call synchronous SQLAlchemy, so a thread pool is the natural fit.
        futures.ThreadPoolExecutor(max_workers=max_workers, thread_name_prefix="grpc"),
        interceptors=interceptors,
        options=[
            ("grpc.max_receive_message_length", max_message_bytes),
            ("grpc.max_send_message_length", max_message_bytes),
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


# --- client side -----------------------------------------------------------------------------


class _CallDetails(
    NamedTuple(
        "_CallDetails",
        [
            ("method", str),
            ("timeout", float | None),
            ("metadata", Any),
            ("credentials", Any),
            ("wait_for_ready", bool | None),
            ("compression", Any),
        ],
    ),
    grpc.ClientCallDetails,
):
    pass


class _BearerKeyInterceptor(
    grpc.UnaryUnaryClientInterceptor,
    grpc.UnaryStreamClientInterceptor,
    grpc.StreamUnaryClientInterceptor,
    grpc.StreamStreamClientInterceptor,
):
    """Adds ``authorization: Bearer <key>`` to every call.

    (``grpc.metadata_call_credentials`` would refuse an insecure channel, and services run
    without TLS behind the deployment's own network.)
    """

    def __init__(self, api_key: str) -> None:
        self._header = (AUTH_METADATA_KEY, f"Bearer {api_key}")

    def _with_key(self, details: grpc.ClientCallDetails) -> _CallDetails:
        return _CallDetails(
            details.method,
            details.timeout,
            [*(details.metadata or ()), self._header],
            details.credentials,
            details.wait_for_ready,
            details.compression,
        )

    def intercept_unary_unary(self, continuation, client_call_details, request):  # type: ignore[no-untyped-def]
        return continuation(self._with_key(client_call_details), request)

    def intercept_unary_stream(self, continuation, client_call_details, request):  # type: ignore[no-untyped-def]
        return continuation(self._with_key(client_call_details), request)

    def intercept_stream_unary(self, continuation, client_call_details, request_iterator):  # type: ignore[no-untyped-def]
        return continuation(self._with_key(client_call_details), request_iterator)

    def intercept_stream_stream(self, continuation, client_call_details, request_iterator):  # type: ignore[no-untyped-def]
        return continuation(self._with_key(client_call_details), request_iterator)


def client_channel(
    addr: str, api_key: str | None = None, max_message_bytes: int = DEFAULT_MAX_MESSAGE_BYTES
) -> grpc.Channel:
    """An insecure channel to ``addr`` ("host:port") that sends ``api_key`` on every call."""
    channel = grpc.insecure_channel(
        addr,
        options=[
            ("grpc.max_receive_message_length", max_message_bytes),
            ("grpc.max_send_message_length", max_message_bytes),
        ],
    )
    if api_key:
        channel = grpc.intercept_channel(channel, _BearerKeyInterceptor(api_key))
    return channel


@dataclass(frozen=True, slots=True)
class ErrorDetails:
    """What a failed call said: the gRPC status, and the service's typed error if it sent one."""

    status: grpc.StatusCode
    details: str
    code: str | None
    message: str | None
    path: str | None
    record: str | None


def error_details(error: grpc.RpcError) -> ErrorDetails:
    """Read the status and the ``abort_with_error`` metadata from a failed call."""
    status = error.code() if hasattr(error, "code") else grpc.StatusCode.UNKNOWN
    details = (error.details() if hasattr(error, "details") else None) or ""
    trailing = (error.trailing_metadata() if hasattr(error, "trailing_metadata") else None) or ()
    values: dict[str, str] = {}
    for item in trailing:
        key, value = item[0], item[1]
        values[key] = value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value)
    return ErrorDetails(
        status=status,
        details=details,
        code=values.get(ERROR_CODE_KEY),
        message=values.get(ERROR_MESSAGE_KEY),
        path=values.get(ERROR_PATH_KEY),
        record=values.get(ERROR_RECORD_KEY),
    )
