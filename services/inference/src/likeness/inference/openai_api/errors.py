"""HTTP errors as OpenAI error objects, and the one mapping from the serving errors to them."""

from __future__ import annotations

from likeness.core.errors import PersonaNotFound
from likeness.inference.openai_api.protocol import ErrorInfo, ErrorResponse
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
