"""A client for a running DraftService, returning what the domain functions in ``drafts`` return.

    with DraftClient("labeler-host:50055", api_key=key) as client:
        page = client.list_drafts("alice", "pending")          # DraftPage, newest first
        client.review_drafts([d.id for d in page.drafts], "approve")
        result = client.export_drafts("alice")                 # ExportResult, once

Failed calls raise the exception the service raised (DraftNotFound, DraftExported,
ExportBatchNotFound, PersonaNotFound, ValueError for bad input), so the CLI handles a remote
error exactly like a local one. ``DRAFT_ERRORS`` is the table the server installs for the
DraftService (``drafts_servicer.draft_service_spec``).
"""

from __future__ import annotations

from collections.abc import Sequence

import grpc

from likeness.core.grpc_client import ServiceClient
from likeness.core.grpc_errors import ErrorRule, ErrorTable
from likeness.core.grpc_limits import DEFAULT_DEADLINE_S
from likeness.core.proto_fields import from_message
from likeness.labeler.drafts import (
    DEFAULT_LIMIT,
    PENDING,
    DraftExported,
    DraftInfo,
    DraftPage,
    ExportResult,
)
from likeness.labeler.errors import DraftNotFound, ExportBatchNotFound
from likeness.v1 import labeler_pb2, labeler_pb2_grpc

#: The DraftService's errors on the wire; its server installs the same table.
DRAFT_ERRORS = ErrorTable(
    [
        ErrorRule(DraftNotFound, grpc.StatusCode.NOT_FOUND, "draft_not_found"),
        ErrorRule(ExportBatchNotFound, grpc.StatusCode.NOT_FOUND, "export_batch_not_found"),
        ErrorRule(DraftExported, grpc.StatusCode.FAILED_PRECONDITION, "draft_exported"),
        ErrorRule(ValueError, grpc.StatusCode.INVALID_ARGUMENT, "invalid_argument"),
    ]
)


def draft_from_message(message: labeler_pb2.DraftView) -> DraftInfo:
    return from_message(DraftInfo, message)


class DraftClient(ServiceClient):
    """Talks to one DraftService (served by the labeler); a context manager, or ``close()``."""

    service = "labeler"
    addr_setting = "LIKENESS_LABELER_ADDR"
    errors = DRAFT_ERRORS

    def __init__(
        self, addr: str, api_key: str | None = None, timeout_s: float = DEFAULT_DEADLINE_S
    ) -> None:
        super().__init__(addr, api_key, timeout_s)
        self._stub = labeler_pb2_grpc.DraftServiceStub(self.channel)

    def list_drafts(
        self, persona: str | None = None, state: str = PENDING, limit: int = DEFAULT_LIMIT
    ) -> DraftPage:
        request = labeler_pb2.ListDraftsRequest(persona=persona or "", state=state, limit=limit)
        reply = self.call(self._stub.ListDrafts, request)
        return DraftPage([draft_from_message(d) for d in reply.drafts], reply.total)

    def review_drafts(self, ids: Sequence[str], decision: str) -> list[DraftInfo]:
        request = labeler_pb2.ReviewDraftsRequest(draft_ids=list(ids), decision=decision)
        return [draft_from_message(d) for d in self.call(self._stub.ReviewDrafts, request).drafts]

    def export_drafts(self, persona: str, batch_id: str | None = None) -> ExportResult:
        request = labeler_pb2.ExportDraftsRequest(persona=persona, batch_id=batch_id or "")
        reply = self.call(self._stub.ExportDrafts, request)
        return from_message(
            ExportResult, reply, drafts=[draft_from_message(d) for d in reply.drafts]
        )
