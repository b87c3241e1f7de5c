"""build_server: health, reflection, auth and logging on a live loopback server."""

from __future__ import annotations

import logging
import os
import signal
import threading
from collections.abc import Iterator

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import (
    ProtoReflectionDescriptorDatabase,
)
from sqlalchemy import Engine

from likeness.core.auth import KeyChecker, create_api_key
from likeness.core.grpc_server import (
    DEFAULT_DEADLINE_S,
    ServiceSpec,
    build_server,
    client_channel,
    serve_forever,
)
from likeness.v1 import ingest_pb2, ingest_pb2_grpc

SERVICE = "likeness.v1.IngestService"


class EmptyIngest(ingest_pb2_grpc.IngestServiceServicer):
    """Answers ListPersonas with nothing; every other method stays UNIMPLEMENTED."""

    def ListPersonas(self, request, context):  # type: ignore[no-untyped-def]
        return ingest_pb2.ListPersonasResponse()


def _spec() -> ServiceSpec:
    return ServiceSpec(ingest_pb2_grpc.add_IngestServiceServicer_to_server, EmptyIngest(), SERVICE)


@pytest.fixture
def live(engine: Engine) -> Iterator[tuple[str, Engine]]:
    server, port = build_server(
        [_spec()],
        host="127.0.0.1",
        port=0,
        key_checker=KeyChecker(engine, ttl_s=0),
        max_message_bytes=1024 * 1024,
    )
    server.start()
    yield f"127.0.0.1:{port}", engine
    server.stop(None).wait()


def _health(channel: grpc.Channel, service: str = "") -> int:
    stub = health_pb2_grpc.HealthStub(channel)
    request = health_pb2.HealthCheckRequest(service=service)
    return stub.Check(request, timeout=DEFAULT_DEADLINE_S).status


def _list_personas(channel: grpc.Channel) -> ingest_pb2.ListPersonasResponse:
    stub = ingest_pb2_grpc.IngestServiceStub(channel)
    return stub.ListPersonas(ingest_pb2.ListPersonasRequest(), timeout=DEFAULT_DEADLINE_S)


def test_health_reports_serving(live: tuple[str, Engine]) -> None:
    addr, _ = live
    with client_channel(addr) as channel:
        assert _health(channel) == health_pb2.HealthCheckResponse.SERVING
        assert _health(channel, SERVICE) == health_pb2.HealthCheckResponse.SERVING


def test_reflection_lists_services(live: tuple[str, Engine]) -> None:
    addr, _ = live
    with client_channel(addr) as channel:
        services = ProtoReflectionDescriptorDatabase(channel).get_services()
    assert SERVICE in services
    assert "grpc.health.v1.Health" in services


def test_no_key_configured_means_open(live: tuple[str, Engine]) -> None:
    addr, _ = live
    with client_channel(addr) as channel:
        assert list(_list_personas(channel).personas) == []


def test_missing_or_wrong_key_is_unauthenticated(live: tuple[str, Engine]) -> None:
    addr, engine = live
    create_api_key(engine, "tests")
    for key in (None, "lk_wrong"):
        with client_channel(addr, api_key=key) as channel, pytest.raises(grpc.RpcError) as info:
            _list_personas(channel)
        assert info.value.code() == grpc.StatusCode.UNAUTHENTICATED


def test_right_key_accepted_and_health_exempt(live: tuple[str, Engine]) -> None:
    addr, engine = live
    key = create_api_key(engine, "tests")
    with client_channel(addr, api_key=key) as channel:
        assert list(_list_personas(channel).personas) == []
        # Unimplemented methods get past auth and answer as usual.
        stub = ingest_pb2_grpc.IngestServiceStub(channel)
        with pytest.raises(grpc.RpcError) as info:
            stub.GetStats(ingest_pb2.GetStatsRequest(persona="x"), timeout=DEFAULT_DEADLINE_S)
        assert info.value.code() == grpc.StatusCode.UNIMPLEMENTED
    with client_channel(addr) as channel:
        assert _health(channel) == health_pb2.HealthCheckResponse.SERVING
        assert SERVICE in ProtoReflectionDescriptorDatabase(channel).get_services()


def test_calls_are_logged_with_status(
    live: tuple[str, Engine], caplog: pytest.LogCaptureFixture
) -> None:
    addr, engine = live
    create_api_key(engine, "tests")
    caplog.set_level(logging.INFO, logger="likeness.core.grpc_server")
    with client_channel(addr) as channel, pytest.raises(grpc.RpcError):
        _list_personas(channel)
    assert any(
        "/likeness.v1.IngestService/ListPersonas UNAUTHENTICATED" in r.getMessage()
        for r in caplog.records
    )


def test_a_taken_port_is_an_error(live: tuple[str, Engine]) -> None:
    addr, _ = live
    port = int(addr.rsplit(":", 1)[1])
    with pytest.raises(OSError, match="cannot listen"):
        build_server(
            [_spec()], host="127.0.0.1", port=port, key_checker=None, max_message_bytes=1024
        )


@pytest.mark.skipif(threading.current_thread() is not threading.main_thread(), reason="signals")
def test_serve_forever_stops_on_sigterm() -> None:
    server, port = build_server(
        [_spec()], host="127.0.0.1", port=0, key_checker=None, max_message_bytes=1024 * 1024
    )
    answered: list[int] = []

    def probe_then_terminate() -> None:
        with client_channel(f"127.0.0.1:{port}") as channel:
            grpc.channel_ready_future(channel).result(timeout=DEFAULT_DEADLINE_S)
            answered.append(_health(channel))
        os.kill(os.getpid(), signal.SIGTERM)

    threading.Thread(target=probe_then_terminate, daemon=True).start()
    serve_forever(server, grace_s=1.0)  # returns only because of the signal
    assert answered == [health_pb2.HealthCheckResponse.SERVING]
    assert signal.getsignal(signal.SIGTERM) is signal.SIG_DFL
