"""InferenceClient against the real inference gRPC server (transformers engine, tiny model)."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from report_cards import add_passing_report, add_report
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from likeness.core.db.models import Model, Persona
from likeness.core.errors import GateFailed, ModelNotFound, NoReport, PersonaNotFound
from likeness.core.grpc_client import ServiceUnavailable
from likeness.core.grpc_server import stop_server
from likeness.core.prompts import NORMALIZER_PROMPT_VERSION
from likeness.core.proposals import Proposals
from likeness.core.registry import get_model
from likeness.core.settings import Settings
from likeness.inference.client import InferenceClient, configured_inference
from likeness.inference.engine_thread import EngineThread
from likeness.inference.engines.base import AdapterMismatch
from likeness.inference.engines.transformers_engine import TransformersEngine
from likeness.inference.normalizers import normalizer_prompt
from likeness.inference.server import make_inference_grpc_server
from likeness.v1 import inference_pb2

GREEDY = inference_pb2.SamplingParams(temperature=0.0, max_tokens=8)


@pytest.fixture
def served(
    engine: Engine, tiny_model_dir: Path, tiny_adapter_dir: Path
) -> Iterator[tuple[InferenceClient, TransformersEngine, str]]:
    """A running server, a client for it, and the id of an adapter that fits the served model."""
    model = TransformersEngine.load(str(tiny_model_dir))
    model_id = uuid.uuid4().hex
    with Session(engine) as session, session.begin():
        session.add(Persona(slug="mags", display_name="Mags", card="You are Mags.", settings={}))
        session.flush()
        owner = session.scalar(select(Persona.id).where(Persona.slug == "mags"))
        session.add(
            Model(
                id=model_id,
                persona_id=owner,
                kind="persona-lora",
                base_model=model.model_id,
                adapter_path=str(tiny_adapter_dir),
                chat_template_sha256=model.chat_template_sha256,
                config={},
                metrics={},
            )
        )
    with EngineThread(model) as runner:
        server, port = make_inference_grpc_server(runner, engine, host="127.0.0.1", port=0)
        server.start()
        client = InferenceClient(f"127.0.0.1:{port}")
        try:
            yield client, model, model_id
        finally:
            client.close()
            stop_server(server, grace_s=1)


def test_list_and_activate(served, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    client, model, model_id = served
    assert [m.id for m in client.list_models("mags")] == [model_id]
    with pytest.raises(NoReport):  # the serving gate's refusal, as the server raised it
        client.activate(model_id)
    add_report(engine, model_id, copy_rate=0.3)
    with pytest.raises(GateFailed, match="copy_rate"):
        client.activate(model_id)
    assert client.list_models("mags")[0].report["copy_rate"] == 0.3
    info = client.activate(model_id, force=True)
    assert info.active and info.served_now and info.persona == "mags"
    assert get_model(engine, model_id).active
    assert f"persona-{model_id}" in model.adapters


def test_generate_and_chat(served) -> None:  # type: ignore[no-untyped-def]
    client, _, _ = served
    assert isinstance(client.generate("mags", "hello", GREEDY), str)
    deltas = list(client.chat("mags", [("user", "hello there")], GREEDY))
    assert deltas and all(isinstance(d, str) for d in deltas)
    assert list(client.chat("mags", [("user", "hello there")], GREEDY)) == deltas  # greedy


def test_propose_is_the_labelers_proposer(served) -> None:  # type: ignore[no-untyped-def]
    from likeness.labeler.types import Proposer

    client, model, _ = served
    proposer: Proposer = client  # what the labeler is handed
    proposals = proposer.propose("mags", "RT @x: the ferry is late", 4)
    assert isinstance(proposals, Proposals)
    assert 1 <= len(proposals.texts) <= 4 and proposals.texts[0].temperature == 0.0
    assert len({p.text for p in proposals.texts}) == len(proposals.texts)
    assert proposals.prompt_version == NORMALIZER_PROMPT_VERSION
    assert proposals.prompt == normalizer_prompt(
        model, "RT @x: the ferry is late", NORMALIZER_PROMPT_VERSION
    )
    seeded = client.propose("mags", "RT @x: the ferry is late", 4, max_tokens=5, seed=9)
    assert client.propose("mags", "RT @x: the ferry is late", 4, max_tokens=5, seed=9) == seeded
    with pytest.raises(ValueError, match="n must be 1-16"):
        client.propose("mags", "hello", 0)
    with pytest.raises(PersonaNotFound):
        client.propose("nobody", "hello", 2)


def test_refusals_come_back_as_the_servers_exceptions(served, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    client, _, model_id = served
    with pytest.raises(ModelNotFound, match="nope"):
        client.activate("nope")
    with pytest.raises(PersonaNotFound, match="nobody"):
        client.generate("nobody", "hello", GREEDY)
    with Session(engine) as session, session.begin():
        session.get(Model, model_id).chat_template_sha256 = "0" * 64  # type: ignore[union-attr]
    add_passing_report(engine, model_id)
    with pytest.raises(AdapterMismatch, match="chat template"):
        client.activate(model_id)
    assert not get_model(engine, model_id).active


def test_unreachable_and_configured() -> None:
    client = InferenceClient("127.0.0.1:1", timeout_s=5)
    with client, pytest.raises(ServiceUnavailable, match="LIKENESS_INFERENCE_ADDR"):
        client.list_models()
    with configured_inference(Settings(_env_file=None)) as none:
        assert none is None
    with configured_inference(Settings(_env_file=None, inference_addr="127.0.0.1:1")) as some:
        assert isinstance(some, InferenceClient) and some.addr == "127.0.0.1:1"
