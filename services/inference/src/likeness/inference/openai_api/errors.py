"""HTTP errors as OpenAI error objects, and the one mapping from the serving errors to them."""

from __future__ import annotations

from likeness.core.errors import PersonaNotFound
from likeness.inference.engines.base import Delta
from likeness.inference.openai_api.protocol import ErrorInfo, ErrorResponse, SamplingRequest
from likeness.inference.serving import AdapterNotServable, EngineFailed, InvalidRequest


class OpenAIError(Exception):
    """A failure with its HTTP status and the OpenAI error object that describes it."""

    def __init__(
        self,
        status: int,
        message: str,
        *,
        type: str = "invalid_request_error",
        param: str | None = None,
        code: str | None = None,
    ) -> None:
        super().__init__(message)
        self.status = status
        self.message = message
        self.type = type
        self.param = param
        self.code = code

    def to_response(self) -> ErrorResponse:
        return ErrorResponse(
            error=ErrorInfo(message=self.message, type=self.type, param=self.param, code=self.code)
        )


def bad_request(message: str, param: str | None = None) -> OpenAIError:
    return OpenAIError(400, message, param=param, code="invalid_value" if param else None)


def refuse(param: str, what: str) -> OpenAIError:
    """A known OpenAI parameter this server does not honour (rather than silently ignore)."""
    return bad_request(f"{param} is not supported by this server ({what})", param=param)


#: Sampling parameters only served at their neutral value, and what that value is.
_NEUTRAL_ONLY = {
    "frequency_penalty": "only 0",
    "presence_penalty": "only 0",
    "logit_bias": "only empty",
}


def refuse_unsupported(request: SamplingRequest, **unsupported: str) -> None:
    """Refuse each parameter (the sampling ones, then ``unsupported``: name -> what is served)
    that is set to anything but its neutral value. Neutral values pass, since SDKs send them;
    anything else would otherwise be silently ignored."""
    for param, what in {**_NEUTRAL_ONLY, **unsupported}.items():
        if getattr(request, param, None):
            raise refuse(param, what)


def check_not_aborted(last: Delta) -> None:
    if last.finish_reason == "abort":
        # Only the engine aborts a request we did not abort ourselves: it is shutting down.
        raise OpenAIError(
            503, "the engine aborted the request (shutting down?)", type="server_error"
        )


#: The serving errors the app turns into OpenAI errors (any other exception is a 500).
SERVING_ERRORS = (InvalidRequest, AdapterNotServable, EngineFailed, PersonaNotFound)


def openai_error(exc: Exception) -> OpenAIError:
    """The HTTP answer for a serving error (one of ``SERVING_ERRORS``)."""
    if isinstance(exc, OpenAIError):
        return exc
    if isinstance(exc, InvalidRequest):
        return OpenAIError(400, exc.message, param=exc.param, code=exc.code)
    if isinstance(exc, EngineFailed):
        return OpenAIError(503, str(exc), type="server_error", code="engine_failed")
    if isinstance(exc, AdapterNotServable):
        return OpenAIError(500, str(exc), type="server_error")
    if isinstance(exc, PersonaNotFound):
        return OpenAIError(404, str(exc), param="model", code="model_not_found")
    raise TypeError(f"not a serving error: {exc!r}")
