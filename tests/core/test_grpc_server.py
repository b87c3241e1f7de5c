"""build_server: health, reflection, auth, logging and error mapping on live servers."""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
from collections.abc import Iterator

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import (
    ProtoReflectionDescriptorDatabase,
)
from sqlalchemy import Engine

from likeness.core.auth import KeyChecker, create_api_key, revoke_api_key
from likeness.core.bind import InsecureBind
from likeness.core.errors import PersonaNotFound
from likeness.core.grpc_client import (
    NotAuthenticated,
    ServiceClient,
    ServiceError,
    ServiceUnavailable,
    client_channel,
)
from likeness.core.grpc_errors import ERROR_CODE_KEY, ErrorRule, ErrorTable
from likeness.core.grpc_limits import DEFAULT_DEADLINE_S
from likeness.core.grpc_server import ServiceSpec, build_server, serve_forever
from likeness.v1 import common_pb2, ingest_pb2, ingest_pb2_grpc, trainer_pb2_grpc

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
    caplog.set_level(logging.INFO, logger="likeness.core.grpc_logging")
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


# --- the bind rule and failing closed ----------------------------------------------------------


def test_public_bind_needs_an_active_key(engine: Engine) -> None:
    for checker in (None, KeyChecker(engine, ttl_s=0)):
        with pytest.raises(InsecureBind, match="likeness keys create"):
            build_server([_spec()], host="0.0.0.0", port=0, key_checker=checker)


def test_public_server_fails_closed_once_its_last_key_is_revoked(engine: Engine) -> None:
    """Regression: a server on 0.0.0.0 whose only key was revoked used to answer everyone."""
    key = create_api_key(engine, "only")
    ttl_s = 0.2
    server, port = build_server(
        [_spec()], host="0.0.0.0", port=0, key_checker=KeyChecker(engine, ttl_s=ttl_s)
    )
    server.start()
    try:
        addr = f"127.0.0.1:{port}"
        with client_channel(addr, api_key=key) as channel:
            assert list(_list_personas(channel).personas) == []
        assert revoke_api_key(engine, "only") == 1
        time.sleep(ttl_s * 2)  # past the checker's cache
        for sent in (None, key):
            with client_channel(addr, api_key=sent) as channel:
                with pytest.raises(grpc.RpcError) as info:
                    _list_personas(channel)
                assert info.value.code() == grpc.StatusCode.UNAUTHENTICATED
                assert "no active API key" in (info.value.details() or "")
                # Probes stay open, so an orchestrator still sees the server alive.
                assert _health(channel) == health_pb2.HealthCheckResponse.SERVING
    finally:
        server.stop(None).wait()


def test_loopback_server_without_keys_stays_open_after_revocation(engine: Engine) -> None:
    create_api_key(engine, "only")
    server, port = build_server(
        [_spec()], host="127.0.0.1", port=0, key_checker=KeyChecker(engine, ttl_s=0)
    )
    server.start()
    try:
        revoke_api_key(engine, "only")
        with client_channel(f"127.0.0.1:{port}") as channel:
            assert list(_list_personas(channel).personas) == []
    finally:
        server.stop(None).wait()


# --- one error mapping -----------------------------------------------------------------------


class Refused(ValueError):
    def __init__(self, message: str, *, path: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.path = path


def _rebuild(info):  # type: ignore[no-untyped-def]
    return Refused(info.message or info.details, path=info.path)


TABLE = ErrorTable(
    [ErrorRule(Refused, grpc.StatusCode.FAILED_PRECONDITION, "refused", rebuild=_rebuild)]
)


class Failing(ingest_pb2_grpc.IngestServiceServicer):
    """Raises domain exceptions (and one bug) and lets the table do the rest."""

    def GetStats(self, request, context):  # type: ignore[no-untyped-def]
        if request.persona == "nobody":
            raise PersonaNotFound("no persona 'nobody'")
        if request.persona == "refused":
            raise Refused("not like this", path="café.json")
        raise KeyError("secret internals")


class FailingStream(trainer_pb2_grpc.TrainerServiceServicer):
    def WatchJob(self, request, context):  # type: ignore[no-untyped-def]
        yield common_pb2.Progress(job_id=request.job_id)
        raise PersonaNotFound("gone mid-stream")


class Client(ServiceClient):
    service = "test"
    errors = TABLE

    def stats(self, persona: str) -> object:
        stub = ingest_pb2_grpc.IngestServiceStub(self.channel)
        return self.call(stub.GetStats, ingest_pb2.GetStatsRequest(persona=persona))


@pytest.fixture
def failing() -> Iterator[str]:
    specs = [
        ServiceSpec(
            ingest_pb2_grpc.add_IngestServiceServicer_to_server, Failing(), SERVICE, errors=TABLE
        ),
        ServiceSpec(
            trainer_pb2_grpc.add_TrainerServiceServicer_to_server,
            FailingStream(),
            "likeness.v1.TrainerService",
        ),
    ]
    server, port = build_server(specs, host="127.0.0.1", port=0, key_checker=None)
    server.start()
    yield f"127.0.0.1:{port}"
    server.stop(None).wait()


def _stats_error(addr: str, persona: str) -> grpc.RpcError:
    with client_channel(addr) as channel, pytest.raises(grpc.RpcError) as info:
        stub = ingest_pb2_grpc.IngestServiceStub(channel)
        stub.GetStats(ingest_pb2.GetStatsRequest(persona=persona), timeout=DEFAULT_DEADLINE_S)
    return info.value


def test_domain_errors_travel_by_the_table(failing: str) -> None:
    error = _stats_error(failing, "nobody")
    assert error.code() == grpc.StatusCode.NOT_FOUND
    assert (ERROR_CODE_KEY, "persona_not_found") in tuple(error.trailing_metadata())
    assert _stats_error(failing, "refused").code() == grpc.StatusCode.FAILED_PRECONDITION
    with Client(failing) as client:
        with pytest.raises(PersonaNotFound, match="nobody"):
            client.stats("nobody")
        with pytest.raises(Refused, match="not like this") as info:
            client.stats("refused")
        assert info.value.path == "café.json"


def test_unknown_errors_are_internal_logged_and_not_leaked(
    failing: str, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.ERROR, logger="likeness.core.grpc_errors")
    error = _stats_error(failing, "bug")
    assert error.code() == grpc.StatusCode.INTERNAL
    assert "secret internals" not in (error.details() or "")
    assert any(r.exc_info and "secret internals" in str(r.exc_info[1]) for r in caplog.records)
    # The server survives its bug.
    assert _stats_error(failing, "nobody").code() == grpc.StatusCode.NOT_FOUND


def test_an_error_mid_stream_is_mapped_too(failing: str) -> None:
    with client_channel(failing) as channel:
        stub = trainer_pb2_grpc.TrainerServiceStub(channel)
        call = stub.WatchJob(common_pb2.JobRef(job_id="j"), timeout=DEFAULT_DEADLINE_S)
        with pytest.raises(grpc.RpcError) as info:
            list(call)
    assert info.value.code() == grpc.StatusCode.NOT_FOUND


def test_client_transport_errors(live: tuple[str, Engine]) -> None:
    addr, engine = live
    create_api_key(engine, "tests")
    with Client(addr) as client, pytest.raises(NotAuthenticated, match="refused"):
        client.stats("x")
    with Client("127.0.0.1:1", timeout_s=2) as client, pytest.raises(ServiceUnavailable):
        client.stats("x")


def test_an_error_code_the_client_does_not_know_is_a_service_error(failing: str) -> None:
    class Unaware(Client):
        errors = ErrorTable()

    with (
        Unaware(failing) as client,
        pytest.raises(ServiceError, match=r"not like this \(refused\)"),
    ):
        client.stats("refused")
