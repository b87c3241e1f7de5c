"""The Factbase downloader against a local HTTP server: paging, retries, resume, bad pages."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import httpx
import pytest

from likeness.ingest.download import DownloadError, download_factbase
from likeness.ingest.download import factbase as factbase_download
from likeness.ingest.errors import MalformedInput, TooLarge
from likeness.ingest.importers.factbase import FactbaseImporter
from likeness.ingest.importers.registry import ImportOptions
from likeness.ingest.source_tree import SourceTree

PATH = "/json/factba.se-trump-social.php"
PER_PAGE = 3
FAST = {"delay_s": 0.0, "backoff_s": 0.01}


@dataclass
class Reply:
    status: int  # 0 drops the connection without answering
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""


@dataclass
class Archive:
    """What the fake API serves, and what it was asked for."""

    page_count: int = 5
    links: bool = True  # meta.pagination.next_page, or only meta.page/page_count
    scripted: dict[int, list[Reply]] = field(default_factory=dict)
    requests: list[int] = field(default_factory=list)
    user_agents: list[str] = field(default_factory=list)
    base: str = ""

    def url(self, page: int) -> str:
        return f"{self.base}{PATH}?q=&page={page}&sort=date&sort_order=asc"

    def page(self, number: int) -> bytes:
        items = [
            {
                "id": f"{number}{index:03d}",
                "date": "2016-01-01T12:00:00-05:00",
                "text": f"post {index} of page {number}",
                "platform": "Twitter",
                "handle": "someone",
                "social": {"repost_flag": False, "quote_flag": False},
            }
            for index in range(PER_PAGE)
        ]
        pagination: dict[str, object] = {}
        if self.links:
            last = number >= self.page_count
            pagination = {
                "previous_page": self.url(number - 1) if number > 1 else None,
                "next_page": None if last else self.url(number + 1),
            }
        meta = {"page": number, "page_count": self.page_count, "pagination": pagination}
        if not self.links:
            del meta["pagination"]
        return json.dumps({"meta": meta, "data": items, "stats": {}}).encode()


class _Handler(BaseHTTPRequestHandler):
    server: _Server

    def do_GET(self) -> None:
        archive = self.server.archive
        query = parse_qs(urlsplit(self.path).query)
        number = int(query["page"][0])
        archive.requests.append(number)
        archive.user_agents.append(self.headers.get("User-Agent", ""))
        queue = archive.scripted.get(number)
        if queue:
            reply = queue.pop(0)
        elif number > archive.page_count:
            reply = Reply(404, body=b"no such page")
        else:
            reply = Reply(200, {"Content-Type": "application/json"}, archive.page(number))
        if reply.status == 0:
            self.close_connection = True
            return
        self.send_response(reply.status)
        for key, value in reply.headers.items():
            self.send_header(key, value)
        self.send_header("Content-Length", str(len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep test output clean


class _Server(ThreadingHTTPServer):
    archive: Archive


@pytest.fixture
def archive() -> Iterator[Archive]:
    server = _Server(("127.0.0.1", 0), _Handler)
    server.archive = Archive()
    host, port = server.server_address[:2]
    server.archive.base = f"http://{host}:{port}"
    # A short poll interval keeps shutdown (and so each test's teardown) quick.
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield server.archive
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _saved(out: Path) -> list[str]:
    return sorted(p.name for p in out.iterdir())


def test_downloads_every_page(archive: Archive, tmp_path: Path) -> None:
    out = tmp_path / "pages"
    seen: list[tuple[int, int | None]] = []
    result = download_factbase(
        archive.url(1), out, progress=lambda page, total: seen.append((page, total)), **FAST
    )
    assert (result.pages_written, result.pages_skipped, result.total_pages) == (5, 0, 5)
    assert archive.requests == [1, 2, 3, 4, 5]
    assert _saved(out) == ["0001.json", "0002.json", "0003.json", "0004.json", "0005.json"]
    assert (out / "0003.json").read_bytes() == archive.page(3)  # saved exactly as served
    assert seen == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5)]
    assert all(agent.startswith("likeness/") for agent in archive.user_agents)

    # What was downloaded is what the importer reads.
    with SourceTree(out) as tree:
        importer = FactbaseImporter(ImportOptions())
        assert importer.sniff(tree)
        assert len(list(importer.parse(tree))) == 5 * PER_PAGE


def test_builds_next_page_from_page_count(archive: Archive, tmp_path: Path) -> None:
    archive.links = False
    result = download_factbase(archive.url(1), tmp_path, **FAST)
    assert result.pages_written == 5
    assert archive.requests == [1, 2, 3, 4, 5]


def test_retries_a_server_error(archive: Archive, tmp_path: Path) -> None:
    archive.scripted[2] = [Reply(503, body=b"busy")]
    result = download_factbase(archive.url(1), tmp_path, **FAST)
    assert result.pages_written == 5
    assert archive.requests == [1, 2, 2, 3, 4, 5]


def test_honours_retry_after_on_429(archive: Archive, tmp_path: Path) -> None:
    archive.scripted[3] = [Reply(429, {"Retry-After": "0"}), Reply(429, {"Retry-After": "0"})]
    result = download_factbase(archive.url(1), tmp_path, delay_s=0.0, backoff_s=60.0)
    # backoff_s is a minute: finishing quickly proves Retry-After: 0 was used instead.
    assert result.pages_written == 5
    assert archive.requests == [1, 2, 3, 3, 3, 4, 5]


def test_retries_a_dropped_connection(archive: Archive, tmp_path: Path) -> None:
    archive.scripted[1] = [Reply(0)]
    result = download_factbase(archive.url(1), tmp_path, **FAST)
    assert result.pages_written == 5
    assert archive.requests[:2] == [1, 1]


def test_gives_up_after_the_retries(archive: Archive, tmp_path: Path) -> None:
    archive.scripted[2] = [Reply(500) for _ in range(10)]
    with pytest.raises(DownloadError, match="after 3 attempts: HTTP 500") as info:
        download_factbase(archive.url(1), tmp_path, retries=2, **FAST)
    assert "page=2" in (info.value.path or "")
    assert archive.requests == [1, 2, 2, 2]
    assert _saved(tmp_path) == ["0001.json"]


def test_client_error_is_not_retried(archive: Archive, tmp_path: Path) -> None:
    archive.scripted[1] = [Reply(403, body=b"forbidden")]
    with pytest.raises(DownloadError, match="HTTP 403"):
        download_factbase(archive.url(1), tmp_path, **FAST)
    assert archive.requests == [1]


def test_kill_and_resume_fetches_only_the_rest(archive: Archive, tmp_path: Path) -> None:
    first = download_factbase(archive.url(1), tmp_path, max_pages=2, **FAST)
    assert (first.pages_written, first.pages_skipped) == (2, 0)
    assert archive.requests == [1, 2]
    assert _saved(tmp_path) == ["0001.json", "0002.json"]

    archive.requests.clear()
    second = download_factbase(archive.url(1), tmp_path, **FAST)
    assert (second.pages_written, second.pages_skipped, second.total_pages) == (3, 2, 5)
    assert archive.requests == [3, 4, 5]

    archive.requests.clear()
    third = download_factbase(archive.url(1), tmp_path, **FAST)
    assert (third.pages_written, third.pages_skipped) == (0, 5)
    assert archive.requests == []


def test_a_damaged_page_on_disk_is_fetched_again(archive: Archive, tmp_path: Path) -> None:
    download_factbase(archive.url(1), tmp_path, max_pages=3, **FAST)
    (tmp_path / "0002.json").write_bytes(b'{"meta": {}, "data": [')  # cut off mid-write
    archive.requests.clear()
    result = download_factbase(archive.url(1), tmp_path, **FAST)
    assert archive.requests == [2, 4, 5]
    assert (result.pages_written, result.pages_skipped) == (3, 2)
    assert (tmp_path / "0002.json").read_bytes() == archive.page(2)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        (b"<html>Service temporarily unavailable</html>", "malformed JSON"),
        (b'[{"id": "1"}]', "top level is a list"),
        (b'{"data": []}', "no 'meta' object"),
        (b'{"meta": {}, "data": {"id": "1"}}', "'data' is not a list"),
    ],
)
def test_malformed_page_is_a_clear_error(
    archive: Archive, tmp_path: Path, body: bytes, message: str
) -> None:
    archive.scripted[2] = [Reply(200, {"Content-Type": "application/json"}, body)]
    with pytest.raises(MalformedInput, match=message) as info:
        download_factbase(archive.url(1), tmp_path, **FAST)
    assert "page=2" in (info.value.path or "")
    assert _saved(tmp_path) == ["0001.json"]  # the bad page is not saved, no temp file left


def test_refuses_an_oversized_page(
    archive: Archive, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(factbase_download, "MAX_PAGE_BYTES", 100)
    with pytest.raises(TooLarge):
        download_factbase(archive.url(1), tmp_path, **FAST)
    assert _saved(tmp_path) == []


def test_starts_from_a_later_page(archive: Archive, tmp_path: Path) -> None:
    result = download_factbase(archive.url(4), tmp_path, **FAST)
    assert result.pages_written == 2
    assert _saved(tmp_path) == ["0004.json", "0005.json"]


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        ("0", 0.0),
        ("7", 7.0),
        ("86400", factbase_download.MAX_RETRY_AFTER_S),
        ("Wed, 21 Oct 2015 07:28:00 GMT", 0.0),  # a date in the past: go now
        ("soon", None),
    ],
)
def test_retry_after_header(header: str, expected: float | None) -> None:
    response = httpx.Response(429, headers={"Retry-After": header})
    assert factbase_download._retry_after(response) == expected
