"""One INFO line per gRPC call once it ends: method, status, duration, peer."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from typing import Any

import grpc

from likeness.core.grpc_handlers import Behaviour, BehaviourInterceptor, Wrap

logger = logging.getLogger(__name__)


def _status_name(context: grpc.ServicerContext, failed: bool) -> str:
    code = context.code()
    if code is None:
        code = grpc.StatusCode.UNKNOWN if failed else grpc.StatusCode.OK
    return code.name if isinstance(code, grpc.StatusCode) else str(code)


def _logged_stream(responses: Iterator[Any], done: Callable[[bool], None]) -> Iterator[Any]:
    failed = True
    try:
        yield from responses
        failed = False
    finally:
        done(failed)


class LoggingInterceptor(BehaviourInterceptor):
    """Logs each call once it ends (a stream when its last response went out)."""

    def wrapper(self, details: grpc.HandlerCallDetails) -> Wrap:
        method = details.method

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

        return timed
