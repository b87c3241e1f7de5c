"""Typed errors over gRPC: one table per service, installed once, read back by the client.

    INGEST_ERRORS = ErrorTable([
        ErrorRule(TooLarge, grpc.StatusCode.RESOURCE_EXHAUSTED, "too_large"),
        ErrorRule(ValueError, grpc.StatusCode.INVALID_ARGUMENT, "invalid_argument"),
    ])
    ServiceSpec(add_..._to_server, servicer, SERVICE_NAME, errors=INGEST_ERRORS)  # server side
    INGEST_ERRORS.exception_for(error_details(rpc_error))                         # client side

``build_server`` installs an ``ErrorInterceptor`` that ends a call whose servicer raised a listed
exception with its status, its ``likeness-error-code`` and (where the exception has them) its
``message``/``path``/``record`` in trailing metadata; a servicer just raises. The first rule that
matches wins, so list subclasses before their bases. Every table ends with the rules every
service shares (``PersonaNotFound`` and ``ModelNotFound`` are NOT_FOUND everywhere). Any other
exception becomes INTERNAL, logged with its traceback; its text never reaches the client.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, NoReturn

import grpc

from likeness.core.errors import GateFailed, ModelNotFound, NoReport, PersonaNotFound
from likeness.core.grpc_handlers import Behaviour, BehaviourInterceptor, Wrap, around

logger = logging.getLogger(__name__)

#: Trailing metadata carrying a service's own error code ("not_found", "too_large", ...).
ERROR_CODE_KEY = "likeness-error-code"
# Binary ("-bin") keys, because paths and messages need not be ASCII.
ERROR_MESSAGE_KEY = "likeness-error-message-bin"
ERROR_PATH_KEY = "likeness-error-path-bin"
ERROR_RECORD_KEY = "likeness-error-record-bin"


@dataclass(frozen=True, slots=True)
class ErrorDetails:
    """What a failed call said: the gRPC status, and the service's typed error if it sent one."""

    status: grpc.StatusCode
    details: str
    code: str | None
    message: str | None
    path: str | None
    record: str | None


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


class CallAbandoned(Exception):
    """The client cancelled, went away or let its deadline pass: stop, and write nothing."""


def check_still_wanted(context: grpc.ServicerContext, doing: str) -> None:
    """Raise CallAbandoned once nobody waits for this call's answer any more.

    Call it before work whose effect outlives the call (a commit): gRPC only stops a servicer
    when it next reads or writes, so without a check a dead call still commits.
    """
    remaining = context.time_remaining()
    if not context.is_active() or (remaining is not None and remaining <= 0):
        raise CallAbandoned(f"the client gave up during {doing}")


def _text(exc: Exception, name: str) -> str | None:
    value = getattr(exc, name, None)
    return value if isinstance(value, str) else None


@dataclass(frozen=True, slots=True)
class ErrorRule:
    """One domain exception class and how it travels."""

    exception: type[Exception]
    status: grpc.StatusCode
    code: str
    #: How the client rebuilds it from what arrived; default ``exception(details)``.
    rebuild: Callable[[ErrorDetails], Exception] | None = None

    def exception_for(self, info: ErrorDetails) -> Exception:
        return self.rebuild(info) if self.rebuild else self.exception(info.details)


#: The rules of every table, after its own.
COMMON_RULES: tuple[ErrorRule, ...] = (
    ErrorRule(PersonaNotFound, grpc.StatusCode.NOT_FOUND, "persona_not_found"),
    ErrorRule(ModelNotFound, grpc.StatusCode.NOT_FOUND, "model_not_found"),
    ErrorRule(GateFailed, grpc.StatusCode.FAILED_PRECONDITION, "gate_failed"),
    ErrorRule(NoReport, grpc.StatusCode.FAILED_PRECONDITION, "no_report"),
)


class ErrorTable:
    """A service's domain exceptions -> (status, error code), and back."""

    def __init__(self, rules: Sequence[ErrorRule] = ()) -> None:
        self.rules: tuple[ErrorRule, ...] = (*rules, *COMMON_RULES)
        self._by_code: dict[str, ErrorRule] = {}
        for rule in self.rules:
            self._by_code.setdefault(rule.code, rule)

    def rule_for(self, exc: BaseException) -> ErrorRule | None:
        return next((rule for rule in self.rules if isinstance(exc, rule.exception)), None)

    def exception_for(self, info: ErrorDetails) -> Exception | None:
        """The domain exception a failed call stands for, if its error code is in the table."""
        rule = self._by_code.get(info.code or "")
        return rule.exception_for(info) if rule else None

    def abort(self, context: grpc.ServicerContext, exc: Exception, method: str) -> NoReturn:
        """End the call for ``exc``: its listed status, or INTERNAL (logged) for anything else."""
        if context.code() is not None:
            raise exc  # the servicer already ended the call with a status of its own
        rule = self.rule_for(exc)
        if rule is not None:
            logger.info("%s refused: %s", method, exc)
            abort_with_error(
                context,
                rule.status,
                rule.code,
                str(exc),
                message=_text(exc, "message"),
                path=_text(exc, "path"),
                record=_text(exc, "record"),
            )
        if isinstance(exc, CallAbandoned) or (
            # Reading the request stream failed: the client cancelled or went away.
            isinstance(exc, grpc.RpcError) and not context.is_active()
        ):
            logger.info("%s: the client cancelled or went away (%s)", method, exc)
            context.abort(grpc.StatusCode.CANCELLED, "the client cancelled the call")
        logger.error("%s failed", method, exc_info=exc)
        context.abort(
            grpc.StatusCode.INTERNAL, f"internal error in {method}; the service log has the details"
        )
        raise AssertionError("unreachable: context.abort raises")


class ErrorInterceptor(BehaviourInterceptor):
    """Applies each service's ``ErrorTable`` to the exceptions of its methods."""

    def __init__(self, tables: dict[str, ErrorTable]) -> None:
        self._tables = tables  # full service name -> table

    def wrapper(self, details: grpc.HandlerCallDetails) -> Wrap | None:
        method = details.method
        service = method.split("/")[1] if method.count("/") >= 2 else ""
        table = self._tables.get(service)
        if table is None:
            return None

        def on_error(exc: Exception, context: grpc.ServicerContext) -> Any:
            table.abort(context, exc, method)

        def wrap(inner: Behaviour, streaming: bool) -> Behaviour:
            return around(inner, streaming, on_error)

        return wrap
