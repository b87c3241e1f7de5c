"""The server side of API keys on gRPC: an interceptor asking ``AccessPolicy`` on every call.

    AuthInterceptor(AccessPolicy(KeyChecker(engine), host))   # build_server installs it

Health checks and reflection stay open whatever the keys say: load balancers and orchestrators
probe without credentials, a health answer says nothing but SERVING / NOT_SERVING, and
reflection only describes the public .proto files. Everything else goes through the policy, so
a server bound beyond loopback refuses every call once no key is active.
"""

from __future__ import annotations

import logging
from typing import Any

import grpc
from grpc_health.v1 import health
from grpc_reflection.v1alpha import reflection

from likeness.core.auth import AccessPolicy, AccessRefused, KeysUnavailable, bearer_key
from likeness.core.grpc_handlers import Behaviour, BehaviourInterceptor, Wrap

logger = logging.getLogger(__name__)

AUTH_METADATA_KEY = "authorization"

_EXEMPT_PREFIXES = (
    f"/{health.SERVICE_NAME}/",
    f"/{reflection.SERVICE_NAME}/",
    "/grpc.reflection.v1.ServerReflection/",
)


def metadata_key(metadata: Any) -> str | None:
    """The key of the call's ``authorization: Bearer <key>`` entry, if it sent one."""
    for item in metadata or ():
        if item.key == AUTH_METADATA_KEY and (key := bearer_key(str(item.value))):
            return key
    return None


class AuthInterceptor(BehaviourInterceptor):
    """Refuses the calls the policy refuses, before the servicer sees them."""

    def __init__(self, policy: AccessPolicy) -> None:
        self._policy = policy

    def _refusal(self, method: str, metadata: Any) -> tuple[grpc.StatusCode, str] | None:
        if method.startswith(_EXEMPT_PREFIXES):
            return None
        try:
            self._policy.check(metadata_key(metadata))
        except KeysUnavailable as exc:
            logger.error("could not check the API key for %s: %s", method, exc.__cause__)
            return grpc.StatusCode.UNAVAILABLE, str(exc)
        except AccessRefused as exc:
            return grpc.StatusCode.UNAUTHENTICATED, str(exc)
        return None

    def wrapper(self, details: grpc.HandlerCallDetails) -> Wrap | None:
        refusal = self._refusal(details.method, details.invocation_metadata)
        if refusal is None:
            return None
        code, message = refusal

        def refuse(_inner: Behaviour, _streaming: bool) -> Behaviour:
            def behaviour(_request: Any, context: grpc.ServicerContext) -> Any:
                context.abort(code, message)

            return behaviour

        return refuse
