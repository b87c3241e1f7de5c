"""The shared gRPC health probe: serving() and `python -m likeness.core.health`, live."""

from __future__ import annotations

import socket
import subprocess
import sys
from collections.abc import Iterator

import grpc
import pytest
from grpc_health.v1 import health_pb2
from sqlalchemy import Engine

from likeness.core.auth import KeyChecker, create_api_key
from likeness.core.grpc_server import ServiceSpec, build_server, health_servicer_of
from likeness.core.health import EXIT_SERVING, EXIT_UNHEALTHY, GRPC_NAMES, grpc_name, main, serving
from likeness.v1 import ingest_pb2_grpc

INGEST = GRPC_NAMES["ingest"]


@pytest.fixture
def live_ingest() -> Iterator[tuple[str, grpc.Server]]:
    """A loopback server running an (empty) ingest service, with no auth."""
    server, port = build_server(
        [
            ServiceSpec(
                ingest_pb2_grpc.add_IngestServiceServicer_to_server,
                ingest_pb2_grpc.IngestServiceServicer(),
                INGEST,
            )
        ],
        host="127.0.0.1",
        port=0,
        key_checker=None,
    )
    server.start()
    yield f"127.0.0.1:{port}", server
    server.stop(None).wait()


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def test_serving_tells_serving_not_serving_and_absent_apart(
    live_ingest: tuple[str, grpc.Server],
) -> None:
    addr, server = live_ingest
    assert serving(addr) is True  # the server as a whole
    assert serving(addr, INGEST) is True
    assert serving(addr, GRPC_NAMES["trainer"]) is None  # another server's service
    health = health_servicer_of(server)
    assert health is not None
    health.set(INGEST, health_pb2.HealthCheckResponse.NOT_SERVING)
    assert serving(addr, INGEST) is False
    assert serving(f"127.0.0.1:{free_port()}", timeout_s=0.5) is None  # nothing listens


def test_the_command_exits_zero_only_when_serving(
    live_ingest: tuple[str, grpc.Server], capsys: pytest.CaptureFixture[str]
) -> None:
    addr, server = live_ingest
    assert main([addr, "--service", "ingest"]) == EXIT_SERVING
    assert "likeness.v1.IngestService" in capsys.readouterr().out
    assert main([addr, "--service", "labeler"]) == EXIT_UNHEALTHY
    assert "no answer" in capsys.readouterr().err
    health = health_servicer_of(server)
    assert health is not None
    health.set(INGEST, health_pb2.HealthCheckResponse.NOT_SERVING)
    assert main([addr, "--service", INGEST]) == EXIT_UNHEALTHY
    assert "NOT_SERVING" in capsys.readouterr().err
    assert main([f"127.0.0.1:{free_port()}", "--timeout", "0.5"]) == EXIT_UNHEALTHY


def test_the_command_runs_as_a_module(live_ingest: tuple[str, grpc.Server]) -> None:
    addr, _server = live_ingest
    ok = subprocess.run(
        [sys.executable, "-m", "likeness.core.health", addr, "--service", "ingest"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert ok.returncode == 0, ok.stderr
    missing = subprocess.run(
        [sys.executable, "-m", "likeness.core.health", addr, "--service", "inference"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert missing.returncode == 1


def test_health_answers_without_a_key_once_keys_exist(engine: Engine) -> None:
    # Probes (compose, Kubernetes) carry no key: health stays open on a keyed, non-loopback server.
    key = create_api_key(engine, "ops")
    server, port = build_server(
        [
            ServiceSpec(
                ingest_pb2_grpc.add_IngestServiceServicer_to_server,
                ingest_pb2_grpc.IngestServiceServicer(),
                INGEST,
            )
        ],
        host="0.0.0.0",
        port=0,
        key_checker=KeyChecker(engine, ttl_s=0),
    )
    server.start()
    try:
        assert serving(f"127.0.0.1:{port}", INGEST) is True
        assert serving(f"127.0.0.1:{port}", INGEST, key=key) is True
        assert serving(f"127.0.0.1:{port}", INGEST, key="lk_wrong") is True
    finally:
        server.stop(None).wait()


def test_short_names_expand_and_full_names_pass_through() -> None:
    assert grpc_name("trainer") == "likeness.v1.TrainerService"
    assert grpc_name("likeness.v1.LabelerService") == "likeness.v1.LabelerService"
    assert grpc_name("") == ""
