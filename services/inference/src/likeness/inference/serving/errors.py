"""The serving errors, whatever the transport; each transport maps them in one place
(``openai_api.errors`` for HTTP, the inference ``ErrorTable`` for gRPC)."""

from __future__ import annotations

from likeness.inference.engines.base import EngineFailed

__all__ = ["AdapterNotServable", "EngineFailed", "InvalidRequest", "TooLarge"]


class InvalidRequest(ValueError):
    """A request the server refuses as sent: HTTP 400, gRPC INVALID_ARGUMENT.

    ``param`` names the offending parameter the OpenAI way (``messages[0].content``); ``code``
    is the OpenAI error code (``invalid_value`` when a parameter is named).
    """

    def __init__(self, message: str, param: str | None = None, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.param = param
        self.code = code or ("invalid_value" if param else None)


class TooLarge(InvalidRequest):
    """A request over one of the server's size limits: gRPC RESOURCE_EXHAUSTED, HTTP 400."""


class AdapterNotServable(RuntimeError):
    """A persona's active adapter cannot be loaded into this engine (another base model or chat
    template, missing files, too high a rank). The details go to the service log, not the
    client, since they name paths on the server."""
