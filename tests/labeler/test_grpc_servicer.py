"""The LabelerService on loopback (``make_labeler_server``, port 0) through the real
``LabelerClient``, with a deterministic proposer: the same answers as the domain functions,
the domain errors raised again on the client, health and reflection."""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import grpc
import pytest
from grpc_health.v1 import health_pb2, health_pb2_grpc
from grpc_reflection.v1alpha.proto_reflection_descriptor_database import (
    ProtoReflectionDescriptorDatabase,
)
from label_fakes import FakeProposer
from persona_corpus import make_persona
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from likeness.core.db.models import Judgment
from likeness.core.errors import PersonaNotFound
from likeness.core.grpc_client import client_channel
from likeness.core.grpc_errors import ERROR_CODE_KEY
from likeness.core.grpc_limits import DEFAULT_DEADLINE_S
from likeness.core.grpc_server import stop_server
from likeness.core.settings import Settings
from likeness.labeler import grpc_servicer
from likeness.labeler.client import LabelerClient
from likeness.labeler.errors import (
    AlreadyJudged,
    InvalidDecision,
    LeaseExpired,
    NothingToLabel,
    NothingToUndo,
    TaskNotFound,
)
from likeness.labeler.export import export_lines
from likeness.labeler.progress import label_progress
from likeness.labeler.server import make_labeler_server
from likeness.labeler.tasks import get_task
from likeness.labeler.types import Action, Decision
from likeness.v1 import labeler_pb2, labeler_pb2_grpc

POSTS = [
    "RT @ferry: the 6am boat is cancelled again #island",
    "Fog this morning. Couldn't see the lamp from the door!!!",
    "@harbourmaster w/ the new rope, finally",
    "Bread came out flat. Blaming the damp.",
    "THE GULLS ARE BACK. Hide the sandwiches.",
]


@dataclass
class Service:
    client: LabelerClient
    addr: str
    db: Engine


@pytest.fixture
def mags(engine: Engine) -> str:
    corpus = make_persona(engine, "mags")
    for day, text in enumerate(POSTS):
        corpus.add(text, day=day * 40)
    return corpus.slug


@contextmanager
def serve(engine: Engine, tmp_path: Path, **settings: object) -> Iterator[Service]:
    config = Settings(data_dir=tmp_path / "data", label_prefetch=0, **settings)  # type: ignore[arg-type]
    server, port = make_labeler_server(config, engine, FakeProposer(), host="127.0.0.1", port=0)
    server.start()
    addr = f"127.0.0.1:{port}"
    client = LabelerClient(addr)
    try:
        yield Service(client, addr, engine)
    finally:
        client.close()
        stop_server(server, grace_s=1)


@pytest.fixture
def service(engine: Engine, tmp_path: Path, mags: str) -> Iterator[Service]:
    with serve(engine, tmp_path) as running:
        yield running


def judgments(db: Engine) -> int:
    with Session(db) as session:
        return int(session.scalar(select(func.count()).select_from(Judgment)) or 0)


def test_label_round_trip_matches_the_domain_functions(service: Service) -> None:
    client, db = service.client, service.db
    task = client.next_task("mags", "ann")
    assert task.persona == "mags" and task.annotator == "ann" and not task.resumed
    assert task.post.clean_text in POSTS and task.post.created_at is not None
    assert len(task.proposals) >= 1 and [p.index for p in task.proposals] == list(
        range(len(task.proposals))
    )
    assert task.generator and task.prompt_version
    assert task.remaining == len(POSTS)
    # What went over the wire is what the database holds.
    stored = get_task(db, task.task_id)
    assert (stored.post, stored.proposals, stored.generator) == (
        task.post,
        task.proposals,
        task.generator,
    )

    again = client.next_task("mags", "ann")  # the open task is resumed, not a new one
    assert again.task_id == task.task_id and again.resumed

    result = client.submit(Decision(task.task_id, "ann", Action.ACCEPT, proposal_index=0))
    assert result.judgment_id and result.labeled == 1 and result.edit_distance == 0
    assert judgments(db) == 1

    second = client.next_task("mags", "ann")
    assert second.post.id != task.post.id
    edited = second.proposals[0].text + " Honestly."
    result = client.submit(
        Decision(second.task_id, "ann", Action.EDIT, proposal_index=0, text=edited, comment="tone")
    )
    assert result.labeled == 2 and result.edit_distance == len(" Honestly.")

    undone = client.undo("mags", "ann")  # the edit is taken back; its task is open again
    assert undone.task_id == second.task_id and undone.post == second.post
    assert client.progress("mags") == label_progress(db, "mags")
    assert client.progress("mags").labeled == 1

    third = client.next_task("mags", "ann")
    assert third.task_id == second.task_id  # the undone task comes back first
    client.submit(Decision(third.task_id, "ann", Action.OWN, text="My own words on the bread."))

    for kind, fmt in (("normalizer-sft", "trl"), ("normalizer-prefs", "openai")):
        total, lines = client.export("mags", kind, fmt)
        local_total, local_lines = export_lines(db, "mags", kind, fmt, None)
        assert (total, list(lines)) == (local_total, list(local_lines))
    assert client.export("mags", "normalizer-sft", "likeness")[0] == 2


def test_export_streams_in_chunks(service: Service, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(grpc_servicer, "EXPORT_CHUNK_LINES", 1)
    client = service.client
    for _ in range(3):
        task = client.next_task("mags", "ann")
        client.submit(Decision(task.task_id, "ann", Action.ACCEPT, proposal_index=0))
    total, lines = client.export("mags", "normalizer-sft", "trl")
    assert total == 3 and list(lines) == list(
        export_lines(service.db, "mags", "normalizer-sft", "trl", None)[1]
    )
    empty_total, empty = client.export("mags", "normalizer-prefs", "trl", "heldout")
    assert empty_total == len(list(empty))


def test_errors_come_back_as_the_same_exceptions(service: Service, engine: Engine) -> None:
    client = service.client
    task = client.next_task("mags", "ann")
    with pytest.raises(TaskNotFound):
        client.submit(Decision("0" * 32, "ann", Action.SKIP))
    with pytest.raises(InvalidDecision):
        client.submit(Decision(task.task_id, "ann", Action.ACCEPT, proposal_index=99))
    with pytest.raises(InvalidDecision):
        client.submit(Decision(task.task_id, "ann", Action.OWN, text="   "))
    client.submit(Decision(task.task_id, "ann", Action.REJECT))
    with pytest.raises(AlreadyJudged):  # a retried Submit stores nothing twice
        client.submit(Decision(task.task_id, "ann", Action.REJECT))
    assert judgments(engine) == 1
    with pytest.raises(NothingToUndo):
        client.undo("mags", "bob")
    with pytest.raises(PersonaNotFound):
        client.next_task("nobody", "ann")
    with pytest.raises(PersonaNotFound):
        client.progress("nobody")
    make_persona(engine, "empty")
    with pytest.raises(NothingToLabel):
        client.next_task("empty", "ann")
    with pytest.raises(ValueError):
        client.export("mags", "persona-sft", "trl")


def test_refusals_carry_status_and_code(service: Service) -> None:
    stub = labeler_pb2_grpc.LabelerServiceStub(client_channel(service.addr))
    task = service.client.next_task("mags", "ann")
    cases = [
        # No action: refused before anything is stored.
        (labeler_pb2.SubmitRequest(task_id=task.task_id, annotator="ann"), "invalid_decision"),
        (
            labeler_pb2.SubmitRequest(
                task_id="f" * 32, annotator="ann", action=labeler_pb2.SubmitRequest.SKIP
            ),
            "task_not_found",
        ),
    ]
    statuses = {
        "invalid_decision": grpc.StatusCode.INVALID_ARGUMENT,
        "task_not_found": grpc.StatusCode.NOT_FOUND,
    }
    for request, code in cases:
        with pytest.raises(grpc.RpcError) as info:
            stub.Submit(request, timeout=DEFAULT_DEADLINE_S)
        assert info.value.code() == statuses[code]
        assert (ERROR_CODE_KEY, code) in tuple(info.value.trailing_metadata())
    with pytest.raises(grpc.RpcError) as info:
        stub.Undo(labeler_pb2.UndoRequest(persona="mags", annotator="bob"), timeout=5)
    assert info.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert (ERROR_CODE_KEY, "nothing_to_undo") in tuple(info.value.trailing_metadata())


def test_a_late_submit_is_refused_as_lease_expired(
    engine: Engine, tmp_path: Path, mags: str
) -> None:
    with serve(engine, tmp_path, label_lease_s=0.3) as service:
        task = service.client.next_task("mags", "ann")
        time.sleep(0.5)
        with pytest.raises(LeaseExpired):
            service.client.submit(Decision(task.task_id, "ann", Action.ACCEPT, proposal_index=0))
        assert judgments(engine) == 0


def test_health_and_reflection_answer(service: Service) -> None:
    with client_channel(service.addr) as channel:
        health = health_pb2_grpc.HealthStub(channel)
        for name in ("", grpc_servicer.SERVICE_NAME, "likeness.v1.DraftService"):
            reply = health.Check(health_pb2.HealthCheckRequest(service=name), timeout=5)
            assert reply.status == health_pb2.HealthCheckResponse.SERVING
        services = ProtoReflectionDescriptorDatabase(channel).get_services()
    assert {"likeness.v1.LabelerService", "likeness.v1.DraftService"} <= set(services)
    assert "grpc.health.v1.Health" in services
