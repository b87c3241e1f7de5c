"""The one way a likeness server interceptor wraps a method: around its behaviour.

    class Timing(BehaviourInterceptor):
        def wrapper(self, details):
            return lambda inner, streaming: inner      # or a function around ``inner``

An interceptor that wraps the behaviour (instead of answering for it) sees the servicer's
exceptions and, with ``streaming``, knows that the result is an iterator of responses.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import grpc

Behaviour = Callable[[Any, grpc.ServicerContext], Any]
#: Given a method's behaviour and whether it streams its responses, the behaviour to run instead.
Wrap = Callable[[Behaviour, bool], Behaviour]


def replace_behaviour(handler: grpc.RpcMethodHandler, wrap: Wrap) -> grpc.RpcMethodHandler:
    """The same handler with its behaviour wrapped."""
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


class BehaviourInterceptor(grpc.ServerInterceptor):
    """Wraps every known method with what ``wrapper`` returns (None: leave it as it is)."""

    def wrapper(self, details: grpc.HandlerCallDetails) -> Wrap | None:
        raise NotImplementedError

    def intercept_service(
        self,
        continuation: Callable[[grpc.HandlerCallDetails], grpc.RpcMethodHandler | None],
        handler_call_details: grpc.HandlerCallDetails,
    ) -> grpc.RpcMethodHandler | None:
        handler = continuation(handler_call_details)
        if handler is None:
            return None  # unknown method: let grpc answer UNIMPLEMENTED
        wrap = self.wrapper(handler_call_details)
        return handler if wrap is None else replace_behaviour(handler, wrap)


OnError = Callable[[Exception, grpc.ServicerContext], Any]


def around(inner: Behaviour, streaming: bool, on_error: OnError) -> Behaviour:
    """``inner`` with ``on_error`` called for an exception, including one raised mid-stream.

    ``on_error`` re-raises, or aborts the call (which raises too).
    """

    def guarded_stream(responses: Iterator[Any], context: grpc.ServicerContext) -> Iterator[Any]:
        try:
            yield from responses
        except Exception as exc:
            on_error(exc, context)

    def behaviour(request: Any, context: grpc.ServicerContext) -> Any:
        try:
            result = inner(request, context)
        except Exception as exc:
            return on_error(exc, context)
        return guarded_stream(result, context) if streaming else result

    return behaviour
