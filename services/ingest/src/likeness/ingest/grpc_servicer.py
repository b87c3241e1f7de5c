"""The IngestService gRPC servicer: a thin adapter from protobuf messages to the domain functions.

    servicer = IngestServicer(engine, settings)
    build_server([ServiceSpec(add_IngestServiceServicer_to_server, servicer, SERVICE_NAME,
                              errors=INGEST_ERRORS)], ...)

Each RPC converts its request, calls one function from ``importing``, ``corpus`` or ``personas``
and converts the result back. It just raises: ``build_server`` installs ``INGEST_ERRORS`` (the
table the client reads back), so a domain error gets its status and code, and anything
unexpected becomes INTERNAL, logged with its traceback, without taking the server down.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator

import grpc
from sqlalchemy import Engine

from likeness.core.grpc_errors import check_still_wanted
from likeness.core.proto_fields import to_message
from likeness.core.settings import Settings
from likeness.ingest import corpus, importing, personas
from likeness.ingest.corpus import PersonaStats, PostInfo, PostPage
from likeness.ingest.errors import InvalidArgument, TooLarge
from likeness.ingest.importers.registry import ImportOptions
from likeness.ingest.personas import PersonaInfo
from likeness.ingest.progress import ProgressFn
from likeness.ingest.summary import ImportSummary
from likeness.v1 import common_pb2, ingest_pb2, ingest_pb2_grpc

logger = logging.getLogger(__name__)

SERVICE_NAME = ingest_pb2.DESCRIPTOR.services_by_name["IngestService"].full_name


def abandon_when_gone(context: grpc.ServicerContext) -> ProgressFn:
    """A progress callback that stops the import once nobody waits for its answer.

    The import reports progress up to just before it commits, inside its transaction, so the
    ``CallAbandoned`` raised here rolls everything back: a client that gave up (cancelled, or
    its deadline passed) never finds its upload stored later.
    """

    def progress(stage: str, done: int, total: int | None) -> None:
        check_still_wanted(context, f"the import ({stage})")

    return progress


# --- conversions -----------------------------------------------------------------------------


def import_options(message: ingest_pb2.ImportOptions) -> tuple[str, str, ImportOptions]:
    """(persona, format, options) from the wire; empty strings mean "not given"."""
    if not message.persona:
        raise InvalidArgument("options.persona is required")
    options = ImportOptions(
        column_map=dict(message.column_map),
        platform=message.platform or None,
        author=message.author or None,
    )
    return message.persona, message.format or "auto", options


def summary_message(summary: ImportSummary) -> ingest_pb2.ImportSummary:
    return to_message(ingest_pb2.ImportSummary, summary)


def post_message(post: PostInfo) -> ingest_pb2.PostView:
    return to_message(ingest_pb2.PostView, post)


def page_message(page: PostPage) -> ingest_pb2.ListPostsResponse:
    return ingest_pb2.ListPostsResponse(
        posts=[post_message(p) for p in page.posts],
        next_page_token=page.next_page_token,
        total=page.total,
    )


def stats_message(stats: PersonaStats) -> ingest_pb2.PersonaStats:
    return to_message(ingest_pb2.PersonaStats, stats)


def persona_message(info: PersonaInfo) -> common_pb2.Persona:
    return to_message(common_pb2.Persona, info, gate_json=json.dumps(info.gate, sort_keys=True))


def _gate(text: str) -> dict[str, float | None] | None:
    """A CreatePersona's gate thresholds ("" = leave them as they are)."""
    if not text:
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InvalidArgument(f"gate_json is not valid JSON: {exc}") from None
    if not isinstance(value, dict):
        raise InvalidArgument("gate_json must be a JSON object")
    return value


# --- the servicer ----------------------------------------------------------------------------


class IngestServicer(ingest_pb2_grpc.IngestServiceServicer):
    def __init__(self, engine: Engine, settings: Settings) -> None:
        self._engine = engine
        self._settings = settings

    def _upload_chunks(
        self, requests: Iterator[ingest_pb2.ImportUploadRequest], filename: str
    ) -> Iterator[bytes]:
        """The chunks after the header, refused as soon as they pass the upload limit."""
        limit = self._settings.max_upload_bytes
        received = 0
        for request in requests:
            if request.WhichOneof("part") != "chunk":
                raise InvalidArgument("only the first upload message may be a header")
            received += len(request.chunk)
            if received > limit:
                raise TooLarge(
                    f"upload is larger than {limit} bytes (LIKENESS_MAX_UPLOAD_BYTES)",
                    path=filename,
                )
            yield request.chunk

    def ImportUpload(
        self,
        request_iterator: Iterator[ingest_pb2.ImportUploadRequest],
        context: grpc.ServicerContext,
    ) -> ingest_pb2.ImportSummary:
        first = next(request_iterator, None)
        if first is None or first.WhichOneof("part") != "header":
            raise InvalidArgument("the first upload message must be a header")
        header = first.header
        persona, fmt, options = import_options(header.options)
        limit = self._settings.max_upload_bytes
        if header.size_bytes > limit:
            raise TooLarge(
                f"upload of {header.size_bytes} bytes is larger than {limit} bytes "
                "(LIKENESS_MAX_UPLOAD_BYTES)",
                path=header.filename,
            )
        summary = importing.import_upload(
            self._engine,
            self._upload_chunks(request_iterator, header.filename),
            header.filename,
            persona,
            fmt=fmt,
            options=options,
            settings=self._settings,
            progress=abandon_when_gone(context),
        )
        return summary_message(summary)

    def ImportPath(
        self, request: ingest_pb2.ImportPathRequest, context: grpc.ServicerContext
    ) -> ingest_pb2.ImportSummary:
        persona, fmt, options = import_options(request.options)
        if not request.path:
            raise InvalidArgument("path is required")
        path = importing.resolve_server_path(request.path, self._settings.resolved_import_root)
        summary = importing.import_path(
            self._engine,
            path,
            persona,
            fmt=fmt,
            options=options,
            settings=self._settings,
            progress=abandon_when_gone(context),
            source_name=request.path,
        )
        return summary_message(summary)

    def ListPosts(
        self, request: ingest_pb2.ListPostsRequest, context: grpc.ServicerContext
    ) -> ingest_pb2.ListPostsResponse:
        page = corpus.list_posts(
            self._engine,
            request.persona,
            flags_any=list(request.flags_any),
            flags_none=list(request.flags_none),
            kept_only=request.kept_only,
            query=request.query or None,
            platform=request.platform or None,
            page_size=request.page.page_size,
            page_token=request.page.page_token,
        )
        return page_message(page)

    def GetStats(
        self, request: ingest_pb2.GetStatsRequest, context: grpc.ServicerContext
    ) -> ingest_pb2.PersonaStats:
        return stats_message(corpus.persona_stats(self._engine, request.persona))

    def CreatePersona(
        self, request: ingest_pb2.CreatePersonaRequest, context: grpc.ServicerContext
    ) -> common_pb2.Persona:
        info = personas.create_persona(
            self._engine,
            request.slug,
            request.display_name or None,
            request.card or None,
            list(request.exclude_flags) if request.set_exclude_flags else None,
            gate=_gate(request.gate_json),
            mix=list(request.mix) if request.set_mix else None,
        )
        return persona_message(info)

    def ListPersonas(
        self, request: ingest_pb2.ListPersonasRequest, context: grpc.ServicerContext
    ) -> ingest_pb2.ListPersonasResponse:
        return ingest_pb2.ListPersonasResponse(
            personas=[persona_message(p) for p in personas.list_personas(self._engine)]
        )
