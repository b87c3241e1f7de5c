"""The DraftService on loopback (core ``build_server``, port 0) through the real ``DraftClient``:
the same answers as the domain functions, and the domain errors raised again on the client."""

from __future__ import annotations

from collections.abc import Iterator

import grpc
import pytest
from draft_rows import add_drafts
from persona_corpus import make_persona
from sqlalchemy import Engine

from likeness.core.errors import PersonaNotFound
from likeness.core.grpc_client import client_channel
from likeness.core.grpc_server import build_server, stop_server
from likeness.labeler.drafts import EMPTY_QUEUE, DraftExported, list_drafts
from likeness.labeler.drafts_client import DraftClient
from likeness.labeler.drafts_servicer import DRAFT_SERVICE_NAME, draft_service_spec
from likeness.labeler.errors import DraftNotFound, ExportBatchNotFound
from likeness.v1 import labeler_pb2, labeler_pb2_grpc


@pytest.fixture
def served(engine: Engine) -> Iterator[tuple[DraftClient, str]]:
    server, port = build_server(
        [draft_service_spec(engine)], host="127.0.0.1", port=0, key_checker=None
    )
    server.start()
    addr = f"127.0.0.1:{port}"
    client = DraftClient(addr)
    try:
        yield client, addr
    finally:
        client.close()
        stop_server(server, grace_s=1)


def test_round_trip_list_review_export(served: tuple[DraftClient, str], engine: Engine) -> None:
    client, _ = served
    assert DRAFT_SERVICE_NAME == "likeness.v1.DraftService"
    mags = make_persona(engine, "mags").persona_id
    ids = add_drafts(engine, mags, ["one", "two", "ONE ", "three"])

    page = client.list_drafts("mags")
    assert page == list_drafts(engine, "mags")  # the same dataclasses as embedded
    assert page.total == 4 and [d.id for d in page.drafts] == ids[::-1]
    assert page.drafts[0].reviewed_at is None and page.drafts[0].export_batch is None

    approved = client.review_drafts(ids[:3], "approve")
    assert [d.state for d in approved] == ["approved"] * 3
    assert approved[0].reviewed_at is not None
    assert client.review_drafts([ids[3][:12]], "reject")[0].id == ids[3]
    assert client.review_drafts([ids[3]], "pending")[0].reviewed_at is None

    result = client.export_drafts("mags")
    assert result.batch_id and [d.id for d in result.drafts] == ids[:2]
    assert (result.skipped_duplicates, result.skipped_blank) == (1, 0)
    assert all(d.exported_at and d.export_batch == result.batch_id for d in result.drafts)

    empty = client.export_drafts("mags")
    assert (empty.batch_id, empty.drafts, empty.message) == (None, [], EMPTY_QUEUE)
    assert client.export_drafts("mags", result.batch_id).drafts == result.drafts
    assert client.list_drafts("mags", "exported").total == 2
    assert client.list_drafts(None, "all", limit=1).total == 4


def test_errors_come_back_as_the_domain_exceptions(
    served: tuple[DraftClient, str], engine: Engine
) -> None:
    client, addr = served
    mags = make_persona(engine, "mags").persona_id
    (draft,) = add_drafts(engine, mags, ["out"])

    with pytest.raises(DraftNotFound, match="feedfacefeed"):
        client.review_drafts(["feedfacefeed"], "approve")
    with pytest.raises(PersonaNotFound):
        client.list_drafts("nobody")
    with pytest.raises(PersonaNotFound):
        client.export_drafts("nobody")
    with pytest.raises(ValueError, match="unknown decision"):
        client.review_drafts([draft], "publish")
    with pytest.raises(ValueError, match="unknown draft state"):
        client.list_drafts("mags", "published")
    with pytest.raises(ExportBatchNotFound):
        client.export_drafts("mags", "0" * 32)
    client.review_drafts([draft], "approve")
    client.export_drafts("mags")
    with pytest.raises(DraftExported, match="can no longer be changed"):
        client.review_drafts([draft], "reject")

    # On the wire: the status codes a non-Python client sees.
    with client_channel(addr) as channel:
        stub = labeler_pb2_grpc.DraftServiceStub(channel)
        with pytest.raises(grpc.RpcError) as missing:
            stub.ReviewDrafts(
                labeler_pb2.ReviewDraftsRequest(draft_ids=["feedfacefeed"], decision="approve")
            )
        assert missing.value.code() == grpc.StatusCode.NOT_FOUND  # type: ignore[attr-defined]
        with pytest.raises(grpc.RpcError) as exported:
            stub.ReviewDrafts(labeler_pb2.ReviewDraftsRequest(draft_ids=[draft], decision="reject"))
        assert exported.value.code() == grpc.StatusCode.FAILED_PRECONDITION  # type: ignore[attr-defined]
        # Proto3 zeros: state "" lists pending drafts, limit 0 the default page.
        reply = stub.ListDrafts(labeler_pb2.ListDraftsRequest(persona="mags"))
        assert reply.total == 0
