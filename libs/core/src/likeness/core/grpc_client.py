"""The client side of every likeness service: a channel that sends the key, and ``ServiceClient``.

    class IngestClient(ServiceClient):
        service = "ingest"
        addr_setting = "LIKENESS_INGEST_ADDR"
        errors = INGEST_ERRORS                       # the same table the server installs

        def __init__(self, addr, api_key=None, timeout_s=DEFAULT_DEADLINE_S):
            super().__init__(addr, api_key, timeout_s)
            self._stub = ingest_pb2_grpc.IngestServiceStub(self.channel)

        def stats(self, persona):
            return self.call(self._stub.GetStats, GetStatsRequest(persona=persona))

``call`` passes the deadline (``timeout_s`` unless given) and turns a failed call back into the
domain exception the server raised (by its ``likeness-error-code``); a call that failed in
transport raises ``ServiceUnavailable`` (not running, unreachable, ``DeadlineExceeded``),
``NotAuthenticated`` (key missing, wrong or revoked) or ``ServiceError`` (anything else).
A subclass may name its own classes for these (``unavailable_error`` ...), for instance to
keep them inside its package's exception hierarchy.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar, NamedTuple, Self

import grpc

from likeness.core.grpc_auth import AUTH_METADATA_KEY
from likeness.core.grpc_errors import ErrorDetails, ErrorTable, error_details
from likeness.core.grpc_limits import (
    DEFAULT_DEADLINE_S,
    DEFAULT_MAX_MESSAGE_BYTES,
    message_size_options,
)


class ServiceError(RuntimeError):
    """A call failed for a reason that is not one of the service's domain errors."""


class NotAuthenticated(ServiceError):
    """The service refused the API key (none sent, wrong, revoked, or no key is active)."""


class ServiceUnavailable(ServiceError, ConnectionError):
    """The service did not answer: not running, wrong address, or a network problem."""


class DeadlineExceeded(ServiceUnavailable):
    """The service did not answer before the call's deadline."""


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
    channel = grpc.insecure_channel(addr, options=message_size_options(max_message_bytes))
    if api_key:
        channel = grpc.intercept_channel(channel, _BearerKeyInterceptor(api_key))
    return channel


class ServiceClient:
    """Base of the service clients: channel, key, deadline, and errors turned back into types."""

    #: What the messages call the service ("ingest" -> "the ingest service at ADDR").
    service: ClassVar[str] = "likeness"
    #: The setting a user changes to point at another address (named in "cannot reach").
    addr_setting: ClassVar[str] = ""
    #: The service's error table, the one its server installs.
    errors: ClassVar[ErrorTable] = ErrorTable()
    unavailable_error: ClassVar[Callable[[str], Exception]] = ServiceUnavailable
    deadline_error: ClassVar[Callable[[str], Exception]] = DeadlineExceeded
    unauthenticated_error: ClassVar[Callable[[str], Exception]] = NotAuthenticated
    failed_error: ClassVar[Callable[[str], Exception]] = ServiceError

    def __init__(
        self, addr: str, api_key: str | None = None, timeout_s: float = DEFAULT_DEADLINE_S
    ) -> None:
        self.addr = addr
        self.timeout_s = timeout_s
        self.channel = client_channel(addr, api_key)

    def close(self) -> None:
        self.channel.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc_info: object) -> None:
        self.close()

    def error(self, rpc_error: grpc.RpcError) -> Exception:
        """The exception a failed call stands for, worded as the local code would word it."""
        info = error_details(rpc_error)
        domain = self.errors.exception_for(info)
        return domain if domain is not None else self.transport_error(info)

    def transport_error(self, info: ErrorDetails) -> Exception:
        where = f"the {self.service} service at {self.addr}"
        if info.code:  # the service answered, with an error this client's table does not know
            return self.failed_error(f"{where}: {info.details} ({info.code})")
        if info.status == grpc.StatusCode.UNAVAILABLE:
            hint = f" ({self.addr_setting})" if self.addr_setting else ""
            return self.unavailable_error(
                f"cannot reach {where} ({info.details}); is it running?{hint}"
            )
        if info.status == grpc.StatusCode.UNAUTHENTICATED:
            return self.unauthenticated_error(f"{where} refused: {info.details}")
        if info.status == grpc.StatusCode.DEADLINE_EXCEEDED:
            return self.deadline_error(f"{where} did not answer in time")
        return self.failed_error(f"{where}: {info.status.name}: {info.details}")

    def call(self, method: Any, request: Any, timeout: float | None = None) -> Any:
        """``method(request)`` with the deadline; a failure raises its domain exception."""
        try:
            return method(request, timeout=timeout or self.timeout_s)
        except grpc.RpcError as exc:
            raise self.error(exc) from None
