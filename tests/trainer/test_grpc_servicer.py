"""The gRPC TrainerService on loopback, through the real client, with real in-process workers.

Training is the test-only ``test-steps`` recipe (``tests/helpers/steps_recipe.py``).
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import grpc
import pytest
from report_cards import add_passing_report, add_report
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from steps_recipe import use_steps_recipe

from likeness.core import jobs
from likeness.core.db.models import Model, Persona
from likeness.core.errors import GateFailed, NoReport, PersonaNotFound
from likeness.core.grpc_client import client_channel
from likeness.core.grpc_server import stop_server
from likeness.core.jobs import JobNotFound
from likeness.core.registry import ModelNotFound, NotAnAdapter
from likeness.core.settings import Settings
from likeness.trainer.client import TrainerClient
from likeness.trainer.encoding import IGNORE
from likeness.trainer.recipes.registry import UnknownRecipe
from likeness.trainer.server import make_trainer_server, start_workers
from likeness.trainer.training_jobs import ActivationRefused, InvalidConfig, preview_job
from likeness.v1 import common_pb2, trainer_pb2, trainer_pb2_grpc

STEPS = "test-steps"


@pytest.fixture
def steps_recipe(monkeypatch: pytest.MonkeyPatch) -> str:
    """Register the test-only recipe under ``test-steps`` for this test."""
    return use_steps_recipe(monkeypatch)


@dataclass
class Service:
    client: TrainerClient
    stub: trainer_pb2_grpc.TrainerServiceStub
    settings: Settings
    addr: str


@contextmanager
def _serve(
    engine: Engine, settings: Settings, workers: int, inference: object = None
) -> Iterator[tuple[TrainerClient, trainer_pb2_grpc.TrainerServiceStub, str]]:
    server, port = make_trainer_server(
        settings,
        engine,
        host="127.0.0.1",
        port=0,
        inference=inference,  # type: ignore[arg-type]
    )
    server.start()
    stop = threading.Event()
    threads = start_workers(engine, settings, workers, stop, lease_s=0.3, poll_s=0.02)
    addr = f"127.0.0.1:{port}"
    channel = client_channel(addr)
    client = TrainerClient(addr)
    try:
        yield client, trainer_pb2_grpc.TrainerServiceStub(channel), addr
    finally:
        client.close()
        channel.close()
        stop.set()
        for thread in threads:
            thread.join(timeout=10)
        stop_server(server, grace_s=1)


@pytest.fixture
def settings(tmp_path: Path, db_url: str, tiny_model_dir: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data", database_url=db_url, model=str(tiny_model_dir))


@pytest.fixture
def persona(engine: Engine) -> str:
    with Session(engine) as session, session.begin():
        session.add(Persona(slug="mags", display_name="Mags", card="You are Mags.", settings={}))
    return "mags"


@pytest.fixture
def service(
    engine: Engine, settings: Settings, steps_recipe: str, persona: str
) -> Iterator[Service]:
    with _serve(engine, settings, workers=1) as (client, stub, addr):
        yield Service(client, stub, settings, addr)


@pytest.fixture
def api_only(
    engine: Engine, settings: Settings, steps_recipe: str, persona: str
) -> Iterator[Service]:
    with _serve(engine, settings, workers=0) as (client, stub, addr):
        yield Service(client, stub, settings, addr)


def wait_for(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.01)


def test_submit_watch_and_activate_the_trained_model(service: Service) -> None:
    client = service.client
    job_id = client.submit(STEPS, "mags", {"steps": 5, "step_s": 0.05})
    events = list(client.watch(job_id))
    assert events[-1].status == "succeeded" and events[-1].done
    assert not any(e.done for e in events[:-1])
    steps = [e.progress.step for e in events]
    assert steps == sorted(steps) and events[-1].progress.step == events[-1].progress.total == 5
    assert events[-1].progress.loss == pytest.approx(0.2)

    job = client.get(job_id)
    assert job.status == "succeeded" and job.kind == STEPS and job.persona == "mags"
    assert job.config == {"steps": 5, "step_s": 0.05} and job.attempts == 1
    assert job.started_at is not None and job.finished_at is not None
    assert job.worker.endswith("/0")
    model_id = job.result["model_id"]
    assert [j.id for j in client.list_jobs(persona="mags")] == [job_id]
    assert client.list_jobs(statuses=["running"]) == []

    models = client.list_models("mags")
    assert [(m.id, m.active) for m in models] == [(model_id, False)]
    # The serving gate wants a report card first; forced, it is served without one.
    with pytest.raises(NoReport, match=f"likeness eval {model_id}"):
        client.activate(model_id)
    assert [m.active for m in client.list_models("mags")] == [False]
    activated = client.activate(model_id, force=True)  # no inference service: database only
    assert activated.active and activated.id == model_id and activated.persona == "mags"
    assert [m.active for m in client.list_models("mags")] == [True]


def test_typed_errors_come_back_as_the_same_exceptions(service: Service, engine: Engine) -> None:
    client = service.client
    with pytest.raises(UnknownRecipe, match="unknown recipe 'nope'"):
        client.submit("nope", "mags", {})
    with pytest.raises(InvalidConfig, match=r"epochs: Input should be greater than 0"):
        client.submit(STEPS, "mags", {"epochs": 0})
    with pytest.raises(ValueError, match="Extra inputs are not permitted"):
        client.submit(STEPS, "mags", {"no_such_option": 1})
    with pytest.raises(PersonaNotFound, match="no persona 'nobody'"):
        client.submit(STEPS, "nobody", {})
    with pytest.raises(grpc.RpcError) as not_json:
        service.stub.SubmitJob(
            trainer_pb2.SubmitJobRequest(recipe=STEPS, persona="mags", config_json="{"),
            timeout=10,
        )
    assert not_json.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "not valid JSON" in (not_json.value.details() or "")
    assert jobs.list_jobs(engine) == []  # nothing invalid was queued
    for call in (client.get, client.cancel, lambda job_id: list(client.watch(job_id))):
        with pytest.raises(JobNotFound):
            call("nope")
    with pytest.raises(ModelNotFound):
        client.activate("nope")
    reward = uuid.uuid4().hex
    with Session(engine) as session, session.begin():
        session.add(Model(id=reward, kind="reward", base_model="b", config={}, metrics={}))
    with pytest.raises(NotAnAdapter):
        client.activate(reward)


def test_cancel_ends_a_running_job_and_its_watch(service: Service) -> None:
    client = service.client
    job_id = client.submit(STEPS, "mags", {"steps": 1000, "step_s": 0.01})
    events = client.watch(job_id)
    for event in events:
        if event.status == "running" and event.progress.step >= 2:
            break
    cancelled = client.cancel(job_id)
    assert cancelled.cancel_requested
    rest = list(events)
    assert rest[-1].status == "cancelled"
    assert client.get(job_id).status == "cancelled"
    assert client.list_models("mags") == []


def test_watch_stops_when_the_client_goes_away(
    api_only: Service, monkeypatch: pytest.MonkeyPatch
) -> None:
    ended = threading.Event()
    real_watch = jobs.watch

    def watched(*args, **kwargs):  # type: ignore[no-untyped-def]
        try:
            yield from real_watch(*args, **kwargs)
        finally:
            ended.set()

    monkeypatch.setattr(jobs, "watch", watched)
    job_id = api_only.client.submit(STEPS, "mags", {})  # no worker: it stays queued
    call = api_only.stub.WatchJob(common_pb2.JobRef(job_id=job_id), timeout=30)
    first = next(call)
    assert first.status == "queued" and first.job_id == job_id
    call.cancel()
    wait_for(ended.is_set)


def test_an_api_only_node_queues_and_a_separate_worker_trains(
    api_only: Service, engine: Engine
) -> None:
    from likeness.trainer.worker import Worker

    client = api_only.client
    ids = [client.submit(STEPS, "mags", {"steps": 1}, priority=p) for p in (0, 0, 1)]
    first = api_only.stub.ListJobs(
        trainer_pb2.ListJobsRequest(page=common_pb2.PageRequest(page_size=2)), timeout=10
    )
    assert [j.id for j in first.jobs] == [ids[2], ids[1]] and first.next_page_token
    rest = api_only.stub.ListJobs(
        trainer_pb2.ListJobsRequest(
            page=common_pb2.PageRequest(page_size=2, page_token=first.next_page_token)
        ),
        timeout=10,
    )
    assert [j.id for j in rest.jobs] == [ids[0]] and not rest.next_page_token
    assert all(j.status == "queued" for j in client.list_jobs())

    worker = Worker(engine, api_only.settings, worker_id="gpu-box:1")
    done = worker.run_once()
    assert done is not None and done.id == ids[2]  # priority first
    assert client.get(ids[2]).status == "succeeded"
    assert client.get(ids[2]).worker == "gpu-box:1"


def test_preview_shows_what_the_model_reads_same_as_embedded(
    api_only: Service, engine: Engine
) -> None:
    remote = api_only.client.preview(STEPS, "mags", {}, n=2, time_it=False)
    local = preview_job(engine, api_only.settings, STEPS, "mags", {}, n=2, time_it=False)
    assert remote == local
    assert len(remote.examples) == 2
    chat = remote.examples[0]
    prompt = "".join(p.text for p in chat.pieces if not p.trained)
    target = "".join(p.text for p in chat.pieces if p.trained)
    assert prompt.startswith("<|im_start|>system\nYou are Mags.<|im_end|>")
    assert prompt.endswith("<|im_start|>assistant\n")
    assert target == "The quick brown fox jumps over the lazy dog.<|im_end|>\n"
    assert chat.tokens == len(chat.pieces) and 0 < chat.trained_tokens < chat.tokens
    with pytest.raises(PersonaNotFound):
        api_only.client.preview(STEPS, "nobody", {}, n=1, time_it=False)
    with pytest.raises(InvalidConfig):
        api_only.client.preview(STEPS, "mags", {"batch_size": 0}, n=1, time_it=False)


def test_preview_joins_the_tokens_of_a_split_character(tiny_tokenizer) -> None:  # type: ignore[no-untyped-def]
    from likeness.trainer.encoding import encode_text
    from likeness.trainer.training_jobs import token_pieces

    encoded = encode_text(tiny_tokenizer, "café ☕ 🙂 ok", 64)
    pieces = token_pieces(tiny_tokenizer, encoded)
    assert "".join(p.text for p in pieces) == "café ☕ 🙂 ok<|im_end|>"
    assert not any("\ufffd" in p.text for p in pieces)
    assert all(p.trained for p in pieces)
    assert len(pieces) < len(encoded.input_ids)  # some characters span several tokens
    assert sum(1 for label in encoded.labels if label != IGNORE) == len(encoded.input_ids)


def test_activate_goes_through_the_inference_service_when_configured(
    engine: Engine,
    settings: Settings,
    persona: str,
    steps_recipe: str,
    tiny_model_dir: Path,
    tiny_adapter_dir: Path,
) -> None:
    from likeness.inference.client import InferenceClient
    from likeness.inference.engine_thread import EngineThread
    from likeness.inference.engines.transformers_engine import TransformersEngine
    from likeness.inference.server import make_inference_grpc_server

    model = TransformersEngine.load(str(tiny_model_dir))
    with EngineThread(model) as runner:
        inference, port = make_inference_grpc_server(runner, engine, host="127.0.0.1", port=0)
        inference.start()
        inference_client = InferenceClient(f"127.0.0.1:{port}")
        ids = {}
        with Session(engine) as session, session.begin():
            persona_id = session.scalar(select(Persona.id).where(Persona.slug == "mags"))
            for name, template in (("good", model.chat_template_sha256), ("bad", "0" * 64)):
                ids[name] = uuid.uuid4().hex
                session.add(
                    Model(
                        id=ids[name],
                        persona_id=persona_id,
                        kind="persona-lora",
                        base_model=model.model_id,
                        adapter_path=str(tiny_adapter_dir),
                        chat_template_sha256=template,
                        config={},
                        metrics={},
                    )
                )
        add_report(engine, ids["good"], copy_rate=0.5)  # fails the gate: 0.5 > 0.05
        add_passing_report(engine, ids["bad"])
        try:
            with _serve(engine, settings, 0, inference_client) as (client, _stub, _addr):
                with pytest.raises(GateFailed, match=r"copy_rate 0\.5"):
                    client.activate(ids["good"])  # refused before any round trip
                assert f"persona-{ids['good']}" not in model.adapters
                with pytest.raises(ActivationRefused, match="chat template"):
                    client.activate(ids["bad"])
                with pytest.raises(ModelNotFound):
                    client.activate("nope")
                add_passing_report(engine, ids["good"])  # the newest card counts
                info = client.activate(ids["good"])
                assert info.active
                assert f"persona-{ids['good']}" in model.adapters  # loaded by the running server
        finally:
            inference_client.close()
            stop_server(inference, grace_s=1)


def test_refuses_public_bind_without_a_key(engine: Engine, settings: Settings) -> None:
    from likeness.core.auth import create_api_key
    from likeness.core.bind import InsecureBind

    with pytest.raises(InsecureBind, match="likeness keys create"):
        make_trainer_server(settings, engine, host="0.0.0.0", port=0)
    create_api_key(engine, "tests")
    server, _ = make_trainer_server(settings, engine, host="0.0.0.0", port=0)
    server.stop(None)
