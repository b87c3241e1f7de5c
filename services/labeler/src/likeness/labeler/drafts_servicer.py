"""gRPC DraftService: a thin adapter over ``likeness.labeler.drafts``.

    build_server([*other_specs, draft_service_spec(db)], host=..., port=..., key_checker=...)

The servicer just raises: each domain error travels by ``DRAFT_ERRORS`` (installed by
``build_server`` from the spec) and the client raises the same exception. Proto3 zeros mean
"not given": ``state`` "" is pending, ``limit`` 0 is the default, ``persona`` "" lists every
persona, ``batch_id`` "" exports a new batch.
"""

from __future__ import annotations

import logging

import grpc
from sqlalchemy import Engine

from likeness.core.grpc_errors import check_still_wanted
from likeness.core.grpc_server import ServiceSpec
from likeness.core.proto_fields import to_message
from likeness.labeler.drafts import (
    DEFAULT_LIMIT,
    PENDING,
    DraftInfo,
    export_drafts,
    list_drafts,
    review_drafts,
)
from likeness.labeler.drafts_client import DRAFT_ERRORS
from likeness.v1 import labeler_pb2, labeler_pb2_grpc

logger = logging.getLogger(__name__)

DRAFT_SERVICE_NAME = labeler_pb2.DESCRIPTOR.services_by_name["DraftService"].full_name


def draft_message(draft: DraftInfo) -> labeler_pb2.DraftView:
    return to_message(labeler_pb2.DraftView, draft)


class DraftServicer(labeler_pb2_grpc.DraftServiceServicer):
    def __init__(self, db: Engine) -> None:
        self.db = db

    def ListDrafts(
        self, request: labeler_pb2.ListDraftsRequest, context: grpc.ServicerContext
    ) -> labeler_pb2.ListDraftsResponse:
        page = list_drafts(
            self.db,
            request.persona or None,
            request.state or PENDING,
            request.limit or DEFAULT_LIMIT,
        )
        return labeler_pb2.ListDraftsResponse(
            drafts=[draft_message(d) for d in page.drafts], total=page.total
        )

    def ReviewDrafts(
        self, request: labeler_pb2.ReviewDraftsRequest, context: grpc.ServicerContext
    ) -> labeler_pb2.ReviewDraftsResponse:
        check_still_wanted(context, "ReviewDrafts")
        drafts = review_drafts(self.db, list(request.draft_ids), request.decision)
        return labeler_pb2.ReviewDraftsResponse(drafts=[draft_message(d) for d in drafts])

    def ExportDrafts(
        self, request: labeler_pb2.ExportDraftsRequest, context: grpc.ServicerContext
    ) -> labeler_pb2.ExportDraftsResponse:
        check_still_wanted(context, "ExportDrafts")
        result = export_drafts(self.db, request.persona, request.batch_id or None)
        if result.batch_id and not request.batch_id:
            logger.info(
                "exported %d drafts of %s in batch %s",
                len(result.drafts),
                request.persona,
                result.batch_id,
            )
        return to_message(
            labeler_pb2.ExportDraftsResponse,
            result,
            drafts=[draft_message(d) for d in result.drafts],
        )


def draft_service_spec(db: Engine) -> ServiceSpec:
    """The DraftService for ``build_server``: servicer, name and its error table."""
    return ServiceSpec(
        labeler_pb2_grpc.add_DraftServiceServicer_to_server,
        DraftServicer(db),
        DRAFT_SERVICE_NAME,
        errors=DRAFT_ERRORS,
    )
