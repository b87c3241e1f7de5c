"""A client for a running ingest service, returning the same dataclasses as the domain functions.

    with IngestClient("gpu-host:50051", api_key=key) as client:
        summary = client.import_file(Path("twitter-2024.zip"), "alice")   # -> ImportSummary
        page = client.list_posts("alice", flags_any=["link_only"])         # -> PostPage

The CLI uses it when ``LIKENESS_INGEST_ADDR`` is set and renders the results with the same code
as in local mode. Failed calls raise what the service raised (``IngestError`` subclasses,
``PersonaNotFound``), read back through ``INGEST_ERRORS`` — the table the server installs — so a
remote error reads exactly like a local one. Transport failures are ``IngestError`` subclasses
too (``ServiceUnavailable``, ``DeadlineExceeded``, ``NotAuthenticated``).
"""

from __future__ import annotations

import json
import os
import tempfile
import zipfile
from collections.abc import Iterator
from pathlib import Path

import grpc

from likeness.core import grpc_client
from likeness.core.grpc_client import ServiceClient
from likeness.core.grpc_errors import ErrorDetails, ErrorRule, ErrorTable
from likeness.core.grpc_limits import DEFAULT_DEADLINE_S, LONG_DEADLINE_S
from likeness.core.proto_fields import from_message
from likeness.ingest.corpus import DEFAULT_PAGE_SIZE, PersonaStats, PostInfo, PostPage
from likeness.ingest.errors import (
    IngestError,
    InvalidArgument,
    MalformedInput,
    NotFound,
    OutsideImportRoot,
    TooLarge,
    UnknownFormat,
    UnsafeArchive,
)
from likeness.ingest.importers.registry import ImportOptions
from likeness.ingest.personas import PersonaInfo
from likeness.ingest.progress import ProgressFn, no_progress
from likeness.ingest.summary import ImportSummary
from likeness.v1 import common_pb2, ingest_pb2, ingest_pb2_grpc

CHUNK_BYTES = 1024 * 1024


# Transport failures, inside IngestError so a caller handling ingest errors handles them too.
class ServiceUnavailable(IngestError, grpc_client.ServiceUnavailable):
    """The service did not answer: not running, wrong address, or a network problem."""

    code = "unavailable"


class NotAuthenticated(IngestError, grpc_client.NotAuthenticated):
    code = "unauthenticated"


class DeadlineExceeded(ServiceUnavailable, grpc_client.DeadlineExceeded):
    code = "deadline_exceeded"


def _rebuild(cls: type[IngestError]) -> ErrorRule:
    """The wire rule of an IngestError class: its code, and its file and record kept apart."""

    def rebuild(info: ErrorDetails) -> Exception:
        if info.message:
            return cls(info.message, path=info.path, record=info.record)
        return cls(info.details)

    return ErrorRule(cls, _STATUS[cls], cls.code, rebuild)


_STATUS: dict[type[IngestError], grpc.StatusCode] = {
    NotFound: grpc.StatusCode.NOT_FOUND,
    TooLarge: grpc.StatusCode.RESOURCE_EXHAUSTED,
    OutsideImportRoot: grpc.StatusCode.PERMISSION_DENIED,
    InvalidArgument: grpc.StatusCode.INVALID_ARGUMENT,
    MalformedInput: grpc.StatusCode.INVALID_ARGUMENT,
    UnknownFormat: grpc.StatusCode.INVALID_ARGUMENT,
    UnsafeArchive: grpc.StatusCode.INVALID_ARGUMENT,
    IngestError: grpc.StatusCode.INVALID_ARGUMENT,  # last: the base class matches them all
}

#: The ingest service's errors on the wire; its server installs the same table.
INGEST_ERRORS = ErrorTable([_rebuild(cls) for cls in _STATUS])


def summary_from_message(message: ingest_pb2.ImportSummary) -> ImportSummary:
    return from_message(ImportSummary, message)


def post_from_message(message: ingest_pb2.PostView) -> PostInfo:
    return from_message(PostInfo, message)


def stats_from_message(message: ingest_pb2.PersonaStats) -> PersonaStats:
    return from_message(PersonaStats, message)


def persona_from_message(message: common_pb2.Persona) -> PersonaInfo:
    return from_message(PersonaInfo, message, gate=json.loads(message.gate_json or "{}"))


def options_message(
    persona: str, fmt: str, options: ImportOptions | None
) -> ingest_pb2.ImportOptions:
    options = options or ImportOptions()
    return ingest_pb2.ImportOptions(
        persona=persona,
        format=fmt,
        column_map=options.column_map,
        platform=options.platform or "",
        author=options.author or "",
    )


def zip_folder(folder: Path, target: Path) -> None:
    """Zip ``folder``'s files under their paths relative to it (links are left out, as a local
    import would refuse links that leave the folder)."""
    with zipfile.ZipFile(target, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for root, dirs, files in os.walk(folder):
            dirs.sort()
            for name in sorted(files):
                path = Path(root) / name
                if path.is_symlink() or not path.is_file():
                    continue
                archive.write(path, path.relative_to(folder).as_posix())


class IngestClient(ServiceClient):
    """Talks to one ingest service; use as a context manager or call ``close()``."""

    service = "ingest"
    addr_setting = "LIKENESS_INGEST_ADDR"
    errors = INGEST_ERRORS
    unavailable_error = ServiceUnavailable
    deadline_error = DeadlineExceeded
    unauthenticated_error = NotAuthenticated
    failed_error = IngestError

    def __init__(
        self,
        addr: str,
        api_key: str | None = None,
        timeout_s: float = DEFAULT_DEADLINE_S,
        import_timeout_s: float = LONG_DEADLINE_S,
    ) -> None:
        super().__init__(addr, api_key, timeout_s)
        self.import_timeout_s = import_timeout_s
        self._stub = ingest_pb2_grpc.IngestServiceStub(self.channel)

    # --- imports ---

    def import_file(
        self,
        path: Path,
        persona: str,
        *,
        fmt: str = "auto",
        options: ImportOptions | None = None,
        progress: ProgressFn | None = None,
    ) -> ImportSummary:
        """Upload a local file (or a folder, zipped on the fly) and import it on the server."""
        path = Path(path).expanduser()
        if path.is_dir():
            with tempfile.TemporaryDirectory(prefix="likeness-upload-") as tmp:
                archive = Path(tmp) / f"{path.resolve().name or 'folder'}.zip"
                zip_folder(path, archive)
                return self._upload(archive, persona, fmt, options, progress or no_progress)
        if not path.is_file():
            raise NotFound(f"no such file or folder: {path}")
        return self._upload(path, persona, fmt, options, progress or no_progress)

    def _upload(
        self,
        path: Path,
        persona: str,
        fmt: str,
        options: ImportOptions | None,
        progress: ProgressFn,
    ) -> ImportSummary:
        size = path.stat().st_size

        def requests() -> Iterator[ingest_pb2.ImportUploadRequest]:
            header = ingest_pb2.UploadHeader(
                options=options_message(persona, fmt, options),
                filename=path.name,
                size_bytes=size,
            )
            yield ingest_pb2.ImportUploadRequest(header=header)
            sent = 0
            progress("upload", 0, size)
            with path.open("rb") as handle:
                while chunk := handle.read(CHUNK_BYTES):
                    yield ingest_pb2.ImportUploadRequest(chunk=chunk)
                    sent += len(chunk)
                    progress("upload", sent, size)

        reply = self.call(self._stub.ImportUpload, requests(), self.import_timeout_s)
        return summary_from_message(reply)

    def import_server_path(
        self,
        path: str,
        persona: str,
        *,
        fmt: str = "auto",
        options: ImportOptions | None = None,
    ) -> ImportSummary:
        """Import a file or folder that lies on the server, inside its import root."""
        request = ingest_pb2.ImportPathRequest(
            options=options_message(persona, fmt, options), path=str(path)
        )
        return summary_from_message(
            self.call(self._stub.ImportPath, request, self.import_timeout_s)
        )

    # --- questions ---

    def list_posts(
        self,
        persona: str,
        *,
        flags_any: list[str] | tuple[str, ...] = (),
        flags_none: list[str] | tuple[str, ...] = (),
        kept_only: bool = False,
        query: str | None = None,
        platform: str | None = None,
        page_size: int = DEFAULT_PAGE_SIZE,
        page_token: str = "",
    ) -> PostPage:
        request = ingest_pb2.ListPostsRequest(
            persona=persona,
            flags_any=list(flags_any),
            flags_none=list(flags_none),
            kept_only=kept_only,
            query=query or "",
            platform=platform or "",
            page=common_pb2.PageRequest(page_size=page_size, page_token=page_token),
        )
        reply = self.call(self._stub.ListPosts, request)
        return PostPage(
            posts=[post_from_message(p) for p in reply.posts],
            next_page_token=reply.next_page_token,
            total=reply.total,
        )

    def stats(self, persona: str) -> PersonaStats:
        reply = self.call(self._stub.GetStats, ingest_pb2.GetStatsRequest(persona=persona))
        return stats_from_message(reply)

    def create_persona(
        self,
        slug: str,
        display_name: str | None = None,
        card: str | None = None,
        exclude_flags: list[str] | None = None,
        *,
        gate: dict[str, float | None] | None = None,
        mix: list[str] | None = None,
    ) -> PersonaInfo:
        request = ingest_pb2.CreatePersonaRequest(
            slug=slug,
            display_name=display_name or "",
            card=card or "",
            exclude_flags=exclude_flags or [],
            set_exclude_flags=exclude_flags is not None,
            gate_json="" if gate is None else json.dumps(gate),
            mix=mix or [],
            set_mix=mix is not None,
        )
        return persona_from_message(self.call(self._stub.CreatePersona, request))

    def list_personas(self) -> list[PersonaInfo]:
        reply = self.call(self._stub.ListPersonas, ingest_pb2.ListPersonasRequest())
        return [persona_from_message(p) for p in reply.personas]
