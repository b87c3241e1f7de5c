"""Download the Roll Call Factbase social archive page by page, politely and resumably.

Each API page is saved as it came, as ``out_dir/NNNN.json``, through a temporary file and a
rename, so a killed run never leaves a half-written page. A second run walks the pages already on
disk without fetching them and continues from the last one's ``next_page`` link. Server errors,
rate limits and dropped connections are retried with exponential backoff (``Retry-After`` wins).
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from importlib import metadata
from pathlib import Path
from typing import Any

import httpx
import orjson

from likeness.ingest.errors import IngestError, MalformedInput, TooLarge

MAX_PAGE_BYTES = 50 * 1024 * 1024
# A server may ask for a long pause; beyond this we still wait, but not for hours.
MAX_RETRY_AFTER_S = 300.0
_RETRY_STATUS = frozenset({408, 425, 429, 500, 502, 503, 504})
_TIMEOUT = httpx.Timeout(30.0, connect=10.0)


def _user_agent() -> str:
    try:
        version = metadata.version("likeness-ingest")
    except metadata.PackageNotFoundError:
        version = "dev"
    return f"likeness/{version} (persona corpus importer; resumable, rate-limited)"


USER_AGENT = _user_agent()


class DownloadError(IngestError):
    """The archive could not be fetched (HTTP error, retries exhausted, pagination loop)."""

    code = "download_failed"


@dataclass(frozen=True, slots=True)
class DownloadResult:
    pages_written: int  # fetched and saved by this run
    pages_skipped: int  # already on disk and valid, not fetched again
    total_pages: int | None  # the API's page_count, when it says


class _Retry(Exception):
    def __init__(self, reason: str, wait_s: float | None = None):
        super().__init__(reason)
        self.reason = reason
        self.wait_s = wait_s


def _retry_after(response: httpx.Response) -> float | None:
    value = response.headers.get("Retry-After")
    if value is None:
        return None
    value = value.strip()
    if value.isdigit():
        return min(float(value), MAX_RETRY_AFTER_S)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return min(max((when - datetime.now(UTC)).total_seconds(), 0.0), MAX_RETRY_AFTER_S)


class _Fetcher:
    """GETs with politeness delay, retries and a size cap."""

    def __init__(
        self, client: httpx.Client, *, delay_s: float, retries: int, backoff_s: float
    ) -> None:
        self.client = client
        self.delay_s = delay_s
        self.retries = retries
        self.backoff_s = backoff_s
        self._last_request: float | None = None

    def get(self, url: str) -> bytes:
        for attempt in range(self.retries + 1):
            self._wait_politely()
            try:
                return self._get_once(url)
            except _Retry as retry:
                if attempt == self.retries:
                    raise DownloadError(
                        f"giving up after {attempt + 1} attempts: {retry.reason}", path=url
                    ) from None
                wait = retry.wait_s if retry.wait_s is not None else self.backoff_s * 2**attempt
                time.sleep(wait)
        raise AssertionError("unreachable")  # the loop either returns or raises

    def _wait_politely(self) -> None:
        if self._last_request is not None and self.delay_s > 0:
            remaining = self.delay_s - (time.monotonic() - self._last_request)
            if remaining > 0:
                time.sleep(remaining)
        self._last_request = time.monotonic()

    def _get_once(self, url: str) -> bytes:
        headers = {"User-Agent": USER_AGENT, "Accept": "application/json"}
        try:
            with self.client.stream("GET", url, headers=headers) as response:
                status = response.status_code
                if status in _RETRY_STATUS or status >= 500:
                    raise _Retry(f"HTTP {status}", _retry_after(response))
                if status != 200:
                    raise DownloadError(f"HTTP {status} {response.reason_phrase}", path=url)
                declared = response.headers.get("Content-Length")
                if declared and declared.isdigit() and int(declared) > MAX_PAGE_BYTES:
                    raise TooLarge(
                        f"page is {declared} bytes, more than the {MAX_PAGE_BYTES}-byte limit",
                        path=url,
                    )
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > MAX_PAGE_BYTES:
                        raise TooLarge(
                            f"page is larger than the {MAX_PAGE_BYTES}-byte limit", path=url
                        )
                    chunks.append(chunk)
                return b"".join(chunks)
        except httpx.TransportError as exc:
            raise _Retry(f"{type(exc).__name__}: {exc}") from exc


def _parse_page(body: bytes, where: str) -> dict[str, Any]:
    try:
        page = orjson.loads(body)
    except orjson.JSONDecodeError as exc:
        raise MalformedInput(f"not a Factbase page: malformed JSON ({exc})", path=where) from exc
    if not isinstance(page, dict):
        raise MalformedInput(
            f"not a Factbase page: top level is a {type(page).__name__}", path=where
        )
    if not isinstance(page.get("meta"), dict):
        raise MalformedInput("not a Factbase page: no 'meta' object", path=where)
    if not isinstance(page.get("data"), list):
        raise MalformedInput("not a Factbase page: 'data' is not a list", path=where)
    return page


def _page_on_disk(path: Path) -> dict[str, Any] | None:
    """A previously saved page, or None if it is missing or unusable (then it is fetched again)."""
    try:
        return _parse_page(path.read_bytes(), str(path))
    except (OSError, MalformedInput):
        return None


def _write_atomically(path: Path, body: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.stem}.", suffix=".part")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(body)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _page_param(url: str) -> int | None:
    value = httpx.URL(url).params.get("page")
    return int(value) if value is not None and value.isdigit() else None


def _as_int(value: Any) -> int | None:
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    return None


def _next_url(url: str, meta: dict[str, Any]) -> str | None:
    pagination = meta.get("pagination")
    if isinstance(pagination, dict):
        link = pagination.get("next_page")
        if isinstance(link, str) and link:
            return str(httpx.URL(url).join(link))  # relative links resolve against this page
        if "next_page" in pagination:
            return None  # the API says explicitly that this is the last page
    page, count = _as_int(meta.get("page")), _as_int(meta.get("page_count"))
    if page is not None and count is not None and page < count:
        return str(httpx.URL(url).copy_set_param("page", page + 1))
    return None


def download_factbase(
    start_url: str,
    out_dir: Path,
    *,
    max_pages: int | None = None,
    delay_s: float = 1.0,
    retries: int = 5,
    backoff_s: float = 1.0,
    client: httpx.Client | None = None,
    progress: Callable[[int, int | None], None] | None = None,
) -> DownloadResult:
    """Fetch every page from ``start_url`` on into ``out_dir``; resumes where a run stopped.

    ``max_pages`` caps the pages *fetched* by this call (pages already on disk do not count), so
    repeated calls download an archive in chunks. ``progress(page, total_pages)`` is called after
    each page, fetched or found on disk.
    """
    out_dir.mkdir(parents=True, exist_ok=True)
    own_client = client is None
    http = client or httpx.Client(timeout=_TIMEOUT, follow_redirects=True)
    fetcher = _Fetcher(http, delay_s=delay_s, retries=retries, backoff_s=backoff_s)
    written = skipped = 0
    total: int | None = None
    visited: set[str] = set()
    url: str | None = start_url
    number = _page_param(start_url) or 1
    try:
        while url is not None:
            if url in visited:
                raise DownloadError("pagination loops back to a page already seen", path=url)
            visited.add(url)
            path = out_dir / f"{number:04d}.json"
            page = _page_on_disk(path)
            if page is not None:
                skipped += 1
            else:
                if max_pages is not None and written >= max_pages:
                    break
                body = fetcher.get(url)
                page = _parse_page(body, f"{url} (page {number})")
                _write_atomically(path, body)
                written += 1
            meta = page["meta"]
            total = _as_int(meta.get("page_count")) or total
            if progress is not None:
                progress(number, total)
            if not page["data"]:
                break  # an empty page ends the archive even if the API offers another link
            url = _next_url(url, meta)
            if url is not None:
                number = _page_param(url) or number + 1
    finally:
        if own_client:
            http.close()
    return DownloadResult(pages_written=written, pages_skipped=skipped, total_pages=total)
