"""The IngestService over a live loopback server, driven by the real IngestClient."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import grpc
import orjson
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from likeness.core.auth import KeyChecker, create_api_key, revoke_api_key
from likeness.core.bind import InsecureBind
from likeness.core.db import create_db_engine
from likeness.core.db.models import Persona, Post
from likeness.core.errors import PersonaNotFound
from likeness.core.grpc_client import client_channel
from likeness.core.grpc_errors import ERROR_CODE_KEY
from likeness.core.grpc_limits import DEFAULT_DEADLINE_S
from likeness.core.settings import Settings
from likeness.ingest.client import IngestClient, NotAuthenticated, ServiceUnavailable
from likeness.ingest.errors import (
    IngestError,
    MalformedInput,
    OutsideImportRoot,
    TooLarge,
)
from likeness.ingest.server import make_ingest_server
from likeness.v1 import ingest_pb2, ingest_pb2_grpc

TOPICS = [
    "the harbour at dawn smelled of diesel and salt",
    "finished reading a long novel about lighthouse keepers",
    "our tomato plants finally survived the heatwave",
    "spent the afternoon fixing a bicycle chain with borrowed tools",
    "the train was late again so I wrote this on the platform",
    "made soup from whatever was left in the fridge, surprisingly good",
    "a fox crossed the road in front of the bus this morning",
]


def write_jsonl(path: Path, count: int, *, start: int = 0) -> Path:
    lines = [
        orjson.dumps(
            {
                "id": str(start + i),
                "text": TOPICS[(start + i) % len(TOPICS)] + f" (entry {start + i})",
                "created_at": f"2024-01-{1 + (start + i) % 28:02d}T12:00:00Z",
            }
        )
        for i in range(count)
    ]
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


class Service:
    """A running ingest server plus a client for it."""

    def __init__(self, settings: Settings, server: grpc.Server, port: int) -> None:
        self.settings = settings
        self.server = server
        self.addr = f"127.0.0.1:{port}"
        self.client = IngestClient(self.addr)

    def spooled(self) -> list[Path]:
        root = self.settings.data_dir / "uploads"
        return list(root.iterdir()) if root.exists() else []


@pytest.fixture
def start_service(db_url: str, tmp_path: Path) -> Iterator[Callable[..., Service]]:
    engine = create_db_engine(db_url)
    started: list[Service] = []

    def start(**overrides: object) -> Service:
        settings = Settings(
            _env_file=None,
            data_dir=tmp_path / "data",
            database_url=db_url,
            import_root=tmp_path / "imports",
            **overrides,
        )
        settings.resolved_import_root.mkdir(parents=True, exist_ok=True)
        server, port = make_ingest_server(settings, host="127.0.0.1", port=0, engine=engine)
        server.start()
        service = Service(settings, server, port)
        started.append(service)
        return service

    yield start
    for service in started:
        service.client.close()
        service.server.stop(None).wait()
    engine.dispose()


@pytest.fixture
def service(start_service: Callable[..., Service]) -> Service:
    return start_service()


def test_create_and_list_personas(service: Service) -> None:
    created = service.client.create_persona("alice", "Alice A.", "You are Alice.")
    assert (created.slug, created.display_name, created.card) == (
        "alice",
        "Alice A.",
        "You are Alice.",
    )
    assert created.created_at is not None and created.created_at.tzinfo is not None
    service.client.create_persona("bob")
    assert [p.slug for p in service.client.list_personas()] == ["alice", "bob"]


def test_upload_import_reports_counts(service: Service, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "posts.jsonl", 3)
    progress: list[tuple[str, int, int | None]] = []
    summary = service.client.import_file(
        path, "alice", progress=lambda stage, done, total: progress.append((stage, done, total))
    )
    assert (summary.persona, summary.format, summary.read, summary.new) == ("alice", "jsonl", 3, 3)
    assert len(summary.source_sha256) == 64
    assert progress[-1] == ("upload", path.stat().st_size, path.stat().st_size)
    assert service.spooled() == []


def test_reupload_adds_no_rows(service: Service, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "posts.jsonl", 3)
    service.client.import_file(path, "alice")
    again = service.client.import_file(path, "alice")
    assert again.new == 0
    assert again.source_seen_before


def test_folder_upload_is_zipped(service: Service, tmp_path: Path) -> None:
    folder = tmp_path / "export"
    (folder / "nested").mkdir(parents=True)
    write_jsonl(folder / "nested" / "posts.jsonl", 2)
    summary = service.client.import_file(folder, "alice", fmt="jsonl")
    assert (summary.read, summary.new) == (2, 2)


def test_list_posts_pages(service: Service, tmp_path: Path) -> None:
    service.client.import_file(write_jsonl(tmp_path / "posts.jsonl", 5), "alice")
    first = service.client.list_posts("alice", page_size=3)
    assert (len(first.posts), first.total) == (3, 5)
    assert first.next_page_token
    second = service.client.list_posts("alice", page_size=3, page_token=first.next_page_token)
    assert (len(second.posts), second.next_page_token) == (2, "")
    ids = [p.id for p in first.posts + second.posts]
    assert len(set(ids)) == 5
    post = first.posts[0]
    assert post.external_id == "0" and post.platform == "generic"
    assert post.created_at is not None and post.created_at.year == 2024
    assert post.clean_text.startswith(TOPICS[0])


def test_stats(service: Service, tmp_path: Path) -> None:
    service.client.import_file(write_jsonl(tmp_path / "posts.jsonl", 4), "alice")
    stats = service.client.stats("alice")
    assert (stats.persona, stats.total, stats.sources) == ("alice", 4, 1)
    assert stats.by_platform == {"generic": 4}
    assert stats.by_year == {"2024": 4}


def test_unknown_persona_is_not_found(service: Service) -> None:
    with pytest.raises(PersonaNotFound, match="nobody"):
        service.client.stats("nobody")
    with pytest.raises(PersonaNotFound):
        service.client.list_posts("nobody")
    # On the wire: the status and the typed code in trailing metadata.
    with client_channel(service.addr) as channel, pytest.raises(grpc.RpcError) as info:
        ingest_pb2_grpc.IngestServiceStub(channel).GetStats(
            ingest_pb2.GetStatsRequest(persona="nobody"), timeout=DEFAULT_DEADLINE_S
        )
    assert info.value.code() == grpc.StatusCode.NOT_FOUND
    assert (ERROR_CODE_KEY, "persona_not_found") in tuple(info.value.trailing_metadata())


def test_import_path_inside_root(service: Service) -> None:
    write_jsonl(service.settings.resolved_import_root / "posts.jsonl", 2)
    summary = service.client.import_server_path("posts.jsonl", "alice")
    assert (summary.read, summary.new) == (2, 2)


def test_import_path_outside_root_is_permission_denied(service: Service, tmp_path: Path) -> None:
    outside = write_jsonl(tmp_path / "secret.jsonl", 1)
    for requested in (str(outside), "../secret.jsonl"):
        with pytest.raises(OutsideImportRoot, match="outside the import root"):
            service.client.import_server_path(requested, "alice")
    assert service.client.list_personas() == []


def test_upload_over_limit_is_refused(
    start_service: Callable[..., Service], tmp_path: Path
) -> None:
    service = start_service(max_upload_bytes=1000)
    path = write_jsonl(tmp_path / "posts.jsonl", 40)
    assert path.stat().st_size > 1000
    # The header announces the size: refused before any byte is spooled.
    with pytest.raises(TooLarge, match="LIKENESS_MAX_UPLOAD_BYTES"):
        service.client.import_file(path, "alice")

    # A header that does not say its size: refused while receiving.
    def requests() -> Iterator[ingest_pb2.ImportUploadRequest]:
        options = ingest_pb2.ImportOptions(persona="alice")
        header = ingest_pb2.UploadHeader(options=options, filename="posts.jsonl")
        yield ingest_pb2.ImportUploadRequest(header=header)
        data = path.read_bytes()
        for offset in range(0, len(data), 256):
            yield ingest_pb2.ImportUploadRequest(chunk=data[offset : offset + 256])

    with client_channel(service.addr) as channel, pytest.raises(grpc.RpcError) as info:
        ingest_pb2_grpc.IngestServiceStub(channel).ImportUpload(
            requests(), timeout=DEFAULT_DEADLINE_S
        )
    assert info.value.code() == grpc.StatusCode.RESOURCE_EXHAUSTED
    assert service.client.list_personas() == []
    assert service.spooled() == []


def test_malformed_jsonl_names_the_line(service: Service, tmp_path: Path) -> None:
    path = write_jsonl(tmp_path / "posts.jsonl", 2)
    path.write_bytes(path.read_bytes() + b'{"id": "9", "text": "broken\n')
    with pytest.raises(MalformedInput, match="line 3") as info:
        service.client.import_file(path, "alice", fmt="jsonl")
    assert info.value.record is not None and "line 3" in info.value.record
    assert service.client.list_personas() == []


def test_first_message_must_be_a_header(service: Service) -> None:
    with client_channel(service.addr) as channel, pytest.raises(grpc.RpcError) as info:
        ingest_pb2_grpc.IngestServiceStub(channel).ImportUpload(
            iter([ingest_pb2.ImportUploadRequest(chunk=b"{}")]), timeout=DEFAULT_DEADLINE_S
        )
    assert info.value.code() == grpc.StatusCode.INVALID_ARGUMENT


def test_cancelled_upload_writes_nothing(service: Service, tmp_path: Path) -> None:
    data = write_jsonl(tmp_path / "posts.jsonl", 5).read_bytes()
    half_sent = threading.Event()
    release = threading.Event()

    def requests() -> Iterator[ingest_pb2.ImportUploadRequest]:
        options = ingest_pb2.ImportOptions(persona="alice")
        header = ingest_pb2.UploadHeader(options=options, filename="posts.jsonl")
        yield ingest_pb2.ImportUploadRequest(header=header)
        yield ingest_pb2.ImportUploadRequest(chunk=data[: len(data) // 2])
        half_sent.set()
        release.wait(DEFAULT_DEADLINE_S)  # the rest never comes: the client cancels first

    with client_channel(service.addr) as channel:
        call = ingest_pb2_grpc.IngestServiceStub(channel).ImportUpload.future(
            requests(), timeout=DEFAULT_DEADLINE_S
        )
        assert half_sent.wait(DEFAULT_DEADLINE_S)
        call.cancel()
        release.set()
        assert call.cancelled()
    # The server still answers, and the half upload left no persona, post or spooled file.
    assert service.client.list_personas() == []
    assert service.client.create_persona("bob").slug == "bob"
    # Stopping with a grace period waits for the cancelled handler to finish its cleanup.
    service.server.stop(DEFAULT_DEADLINE_S).wait()
    assert service.spooled() == []


def test_unreachable_service_is_a_clear_error() -> None:
    unreachable = r"cannot reach the ingest service at 127\.0\.0\.1:1"
    client = IngestClient("127.0.0.1:1", timeout_s=5)
    with client, pytest.raises(ServiceUnavailable, match=unreachable):
        client.list_personas()


def test_refuses_public_bind_without_a_key(db_url: str, tmp_path: Path) -> None:
    settings = Settings(_env_file=None, data_dir=tmp_path, database_url=db_url)
    engine = create_db_engine(db_url)
    try:
        with pytest.raises(InsecureBind, match="likeness keys create"):
            make_ingest_server(settings, host="0.0.0.0", port=0, engine=engine)
        # With a key the same bind is allowed.
        create_api_key(engine, "tests")
        server, _ = make_ingest_server(settings, host="0.0.0.0", port=0, engine=engine)
        server.stop(None)
    finally:
        engine.dispose()


def test_unexpected_error_is_internal_and_server_survives(
    service: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    from likeness.ingest import corpus

    def broken(*_args: object, **_kwargs: object) -> None:
        raise RuntimeError("database exploded: secret detail")

    monkeypatch.setattr(corpus, "persona_stats", broken)
    with pytest.raises(IngestError, match="INTERNAL") as info:
        service.client.stats("alice")
    assert "secret detail" not in str(info.value)
    assert service.client.list_personas() == []


def test_client_sends_its_key(
    start_service: Callable[..., Service], db_url: str, tmp_path: Path
) -> None:
    engine = create_db_engine(db_url)
    key = create_api_key(engine, "tests")
    engine.dispose()
    service = start_service()
    with pytest.raises(NotAuthenticated, match="API key"):
        service.client.list_personas()
    with IngestClient(service.addr, api_key=key) as client:
        assert client.create_persona("alice").slug == "alice"


def test_public_server_fails_closed_once_its_last_key_is_revoked(
    db_url: str, tmp_path: Path
) -> None:
    """Regression: with its one key revoked, a server on 0.0.0.0 used to answer anyone."""
    settings = Settings(_env_file=None, data_dir=tmp_path, database_url=db_url)
    engine = create_db_engine(db_url)
    key = create_api_key(engine, "only")
    ttl_s = 0.2
    server, port = make_ingest_server(
        settings, host="0.0.0.0", port=0, engine=engine, key_checker=KeyChecker(engine, ttl_s)
    )
    server.start()
    addr = f"127.0.0.1:{port}"
    try:
        with IngestClient(addr, api_key=key) as client:
            assert client.list_personas() == []
        revoke_api_key(engine, "only")
        time.sleep(ttl_s * 2)  # past the key cache
        for sent in (None, key):
            with IngestClient(addr, api_key=sent) as client:
                with pytest.raises(NotAuthenticated, match="no active API key"):
                    client.list_personas()
                with pytest.raises(NotAuthenticated):
                    client.create_persona("mallory")
    finally:
        server.stop(None).wait()
        engine.dispose()


def test_upload_whose_deadline_passed_is_not_committed(
    service: Service, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Regression: an upload whose client had given up was still committed seconds later."""
    from likeness.ingest import importing

    original = importing.finish_batch
    import_ran = threading.Event()

    def slow_finish(*args: object, **kwargs: object) -> object:
        time.sleep(1.0)  # the import outlives the client's deadline
        import_ran.set()
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(importing, "finish_batch", slow_finish)
    path = write_jsonl(tmp_path / "posts.jsonl", 5)
    client = IngestClient(service.addr, import_timeout_s=0.3)
    with client, pytest.raises(ServiceUnavailable, match="did not answer in time"):
        client.import_file(path, "alice")
    assert import_ran.wait(DEFAULT_DEADLINE_S)
    # A graceful stop waits for the handler: by then it has decided, and it stored nothing.
    service.server.stop(DEFAULT_DEADLINE_S).wait()
    engine = create_db_engine(service.settings.database_url)
    with Session(engine) as session:
        assert session.scalar(select(func.count()).select_from(Persona)) == 0
        assert session.scalar(select(func.count()).select_from(Post)) == 0
    engine.dispose()


def test_serve_ingest_refuses_a_public_bind_in_one_line(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db_url: str
) -> None:
    """Regression: ``likeness serve ingest --host 0.0.0.0`` without keys ended in a traceback."""
    from typer.testing import CliRunner

    from likeness.cli.main import app
    from likeness.core.settings import get_settings

    monkeypatch.setenv("LIKENESS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LIKENESS_DATABASE_URL", db_url)
    get_settings.cache_clear()
    try:
        result = CliRunner().invoke(app, ["serve", "ingest", "--host", "0.0.0.0", "--port", "0"])
    finally:
        get_settings.cache_clear()
    assert result.exit_code == 2, result.output
    assert isinstance(result.exception, SystemExit)  # a clean exit, not an escaped exception
    assert "refusing to serve on 0.0.0.0" in result.output
    assert "likeness keys create" in result.output
