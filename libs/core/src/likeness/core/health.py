"""The gRPC health probe every deployment shares: one function and one command.

    serving("127.0.0.1:50051", "likeness.v1.IngestService")   # True / False / None
    serving("ingest:50051")                                    # "" = the whole server

    python -m likeness.core.health ingest:50051 --service ingest   # exit 0 only when SERVING

The command is what the compose healthchecks, the Dockerfiles' ``HEALTHCHECK`` and Kubernetes
``exec`` probes run (Kubernetes may use its native ``grpc:`` probe instead: the servers speak the
standard ``grpc.health.v1`` protocol). The terminal app asks it which server runs which service,
and ``likeness up/status`` which services are up. Health calls are open whatever the API keys
say (``likeness.core.grpc_auth``), so a probe needs no key; one given (``--key``, else
``LIKENESS_API_KEY``) is sent all the same, for a proxy in front that wants one.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import Literal

import grpc
from grpc_health.v1 import health_pb2, health_pb2_grpc

from likeness.core.grpc_client import client_channel

ServiceName = Literal["ingest", "inference", "labeler", "drafts", "trainer"]

#: gRPC service names, as the servers register them with the health service.
GRPC_NAMES: dict[ServiceName, str] = {
    "ingest": "likeness.v1.IngestService",
    "inference": "likeness.v1.InferenceService",
    "labeler": "likeness.v1.LabelerService",
    "drafts": "likeness.v1.DraftService",  # served by the labeler server
    "trainer": "likeness.v1.TrainerService",
}

#: Long enough for a busy server, short enough for a probe that runs every few seconds.
PROBE_TIMEOUT_S = 2.0

# Docker's HEALTHCHECK reads 0 as healthy and 1 as unhealthy, and reserves 2: so 1 for every
# failure, and the message says which.
EXIT_SERVING = 0
EXIT_UNHEALTHY = 1


def serving(
    address: str, service: str = "", timeout_s: float = PROBE_TIMEOUT_S, key: str | None = None
) -> bool | None:
    """The health of ``service`` (a full gRPC name; "" = the server as a whole) on ``address``.

    True: SERVING. False: the server knows the service but it is not serving (an engine that
    died, a server draining), or the call failed otherwise (no answer within ``timeout_s``).
    None: not there (no such service on that server, or nothing listens at ``address``).
    """
    with client_channel(address, key) as channel:
        stub = health_pb2_grpc.HealthStub(channel)
        try:
            reply = stub.Check(health_pb2.HealthCheckRequest(service=service), timeout=timeout_s)
        except grpc.RpcError as exc:
            if exc.code() in (grpc.StatusCode.NOT_FOUND, grpc.StatusCode.UNAVAILABLE):
                return None
            return False
    return reply.status == health_pb2.HealthCheckResponse.SERVING


def grpc_name(service: str) -> str:
    """A full gRPC service name from a short one (``ingest``); full names and "" pass through."""
    return GRPC_NAMES.get(service, service)  # type: ignore[call-overload]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m likeness.core.health",
        description="Ask a gRPC server whether it is SERVING (grpc.health.v1). Exit status "
        f"{EXIT_SERVING} when it is, {EXIT_UNHEALTHY} otherwise (not serving, nothing answers, "
        "or no such service).",
    )
    parser.add_argument("address", metavar="HOST:PORT", help="The server's gRPC address.")
    parser.add_argument(
        "--service",
        default="",
        help="The service to ask about: a short name ("
        + ", ".join(GRPC_NAMES)
        + ") or a full gRPC name (likeness.v1.IngestService). Default: the server as a whole.",
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=PROBE_TIMEOUT_S,
        help=f"Seconds to wait for the answer (default {PROBE_TIMEOUT_S:g}).",
    )
    parser.add_argument(
        "--key",
        default=None,
        help="API key to send (default: LIKENESS_API_KEY; health checks need none).",
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.timeout <= 0:
        _parser().error("--timeout must be positive")
    key = args.key
    if key is None:
        from likeness.core.settings import Settings

        key = Settings().api_key
    name = grpc_name(args.service)
    state = serving(args.address, name, timeout_s=args.timeout, key=key)
    what = f"{name or 'server'} at {args.address}"
    if state is True:
        print(f"{what}: SERVING")
        return EXIT_SERVING
    if state is False:
        print(f"{what}: NOT_SERVING", file=sys.stderr)
        return EXIT_UNHEALTHY
    print(f"{what}: no answer (not running, unreachable, or no such service)", file=sys.stderr)
    return EXIT_UNHEALTHY


if __name__ == "__main__":
    sys.exit(main())
