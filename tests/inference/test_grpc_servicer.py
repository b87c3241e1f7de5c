"""The gRPC InferenceService on loopback, over the real transformers engine and a tiny model."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import grpc
import pytest
from active_normalizer import add_active_normalizer
from report_cards import add_passing_report, add_report
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from likeness.core.db.models import Draft, Persona
from likeness.core.grpc_client import client_channel
from likeness.core.grpc_limits import DEFAULT_DEADLINE_S
from likeness.core.grpc_server import stop_server
from likeness.core.prompts import NORMALIZER_PROMPT_VERSION
from likeness.inference.engine_thread import EngineThread
from likeness.inference.engines.transformers_engine import TransformersEngine
from likeness.inference.server import make_inference_grpc_server
from likeness.v1 import common_pb2, inference_pb2, inference_pb2_grpc


@pytest.fixture
def stub(
    engine: Engine, tiny_model_dir: Path
) -> Iterator[tuple[inference_pb2_grpc.InferenceServiceStub, EngineThread, grpc.Channel]]:
    with Session(engine) as session, session.begin():
        session.add(Persona(slug="mags", display_name="Mags", card="You are Mags.", settings={}))
    model = TransformersEngine.load(str(tiny_model_dir))
    with EngineThread(model) as runner:
        server, port = make_inference_grpc_server(runner, engine, host="127.0.0.1", port=0)
        server.start()
        channel = client_channel(f"127.0.0.1:{port}")
        try:
            yield inference_pb2_grpc.InferenceServiceStub(channel), runner, channel
        finally:
            channel.close()
            stop_server(server, grace_s=1)


GREEDY = inference_pb2.SamplingParams(temperature=0.0, max_tokens=12)


def test_generate_and_chat_stream_agree(stub) -> None:  # type: ignore[no-untyped-def]
    client, _, _ = stub
    messages = [inference_pb2.ChatMessage(role="user", content="hello there")]
    chunks = list(
        client.Chat(
            inference_pb2.ChatRequest(persona="mags", messages=messages, sampling=GREEDY),
            timeout=DEFAULT_DEADLINE_S,
        )
    )
    assert chunks[-1].done and not any(c.done for c in chunks[:-1])
    assert chunks[-1].completion_tokens > 0
    streamed = "".join(c.delta for c in chunks)
    again = "".join(
        c.delta
        for c in client.Chat(
            inference_pb2.ChatRequest(persona="mags", messages=messages, sampling=GREEDY),
            timeout=DEFAULT_DEADLINE_S,
        )
    )
    assert streamed == again  # greedy is deterministic
    reply = client.Generate(
        inference_pb2.GenerateRequest(prompt="hello", sampling=GREEDY), timeout=DEFAULT_DEADLINE_S
    )
    assert reply.prompt_tokens > 0 and 0 < reply.completion_tokens <= 12


def _chat(client, persona: str, messages, card: str | None = None):  # type: ignore[no-untyped-def]
    request = inference_pb2.ChatRequest(persona=persona, messages=messages, sampling=GREEDY)
    if card is not None:
        request.card = card
    chunks = list(client.Chat(request, timeout=DEFAULT_DEADLINE_S))
    return "".join(c.delta for c in chunks), chunks[-1].prompt_tokens


def test_a_card_sent_with_chat_replaces_the_stored_one(stub) -> None:  # type: ignore[no-untyped-def]
    client, _, _ = stub
    user = inference_pb2.ChatMessage(role="user", content="hello there")
    pirate = inference_pb2.ChatMessage(role="system", content="You are a pirate.")
    mags = inference_pb2.ChatMessage(role="system", content="You are Mags.")
    # The stored card is what an unset card means; a sent card takes its place, not after it.
    assert _chat(client, "mags", [user]) == _chat(client, "", [mags, user])
    assert _chat(client, "mags", [user], card="You are a pirate.") == _chat(
        client, "", [pirate, user]
    )
    assert _chat(client, "", [user], card="You are a pirate.") == _chat(client, "", [pirate, user])
    # "" = no card at all: the chat template's own default system prompt, as for the base model.
    assert _chat(client, "mags", [user], card="") == _chat(client, "", [user])


def test_unknown_persona_and_bad_parameters(stub) -> None:  # type: ignore[no-untyped-def]
    client, _, _ = stub
    messages = [inference_pb2.ChatMessage(role="user", content="hi")]
    with pytest.raises(grpc.RpcError) as missing:
        list(
            client.Chat(inference_pb2.ChatRequest(persona="nobody", messages=messages), timeout=10)
        )
    assert missing.value.code() == grpc.StatusCode.NOT_FOUND
    hot = inference_pb2.SamplingParams(temperature=7)
    with pytest.raises(grpc.RpcError) as bad:
        client.Generate(inference_pb2.GenerateRequest(prompt="x", sampling=hot), timeout=10)
    assert bad.value.code() == grpc.StatusCode.INVALID_ARGUMENT


def test_cancelled_chat_frees_the_engine(stub) -> None:  # type: ignore[no-untyped-def]
    client, runner, _ = stub
    long = inference_pb2.SamplingParams(temperature=0.0, max_tokens=400)
    messages = [inference_pb2.ChatMessage(role="user", content="tell me everything")]
    call = client.Chat(
        inference_pb2.ChatRequest(persona="mags", messages=messages, sampling=long), timeout=30
    )
    next(call)
    call.cancel()
    # The server notices the cancellation and aborts the request; the engine drains to idle.
    stats = runner.engine.stats  # type: ignore[attr-defined]
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and not stats.finished.get("abort"):
        time.sleep(0.05)
    assert stats.finished["abort"] == 1
    assert stats.active == 0 and stats.finished["length"] == 0


def test_normalize_and_generate_posts(stub, engine: Engine) -> None:  # type: ignore[no-untyped-def]
    client, runner, _ = stub
    reply = client.Normalize(
        inference_pb2.NormalizeRequest(texts=["RT @x: hello", "WOW!!! the sea"]), timeout=60
    )
    assert len(reply.texts) == 2
    # No persona: the bare base model with the current prompt.
    assert reply.normalizer_version == NORMALIZER_PROMPT_VERSION
    assert reply.normalizer_model == Path(runner.engine.model_id).name
    drafts = client.GeneratePosts(
        inference_pb2.GeneratePostsRequest(
            persona="mags",
            topic="the ferry",
            n=3,
            sampling=inference_pb2.SamplingParams(temperature=1.0, max_tokens=10, seed=1),
        ),
        timeout=60,
    )
    with Session(engine) as session:
        stored = session.scalars(select(Draft)).all()
    assert {d.id for d in drafts.drafts} == {d.id for d in stored}
    assert all(d.state == "pending" and d.topic == "the ferry" for d in stored)


def _register(engine: Engine, adapter_dir: Path, base: str, template_sha: str) -> str:
    from uuid import uuid4

    from likeness.core.db.models import Model

    model_id = uuid4().hex
    with Session(engine) as session, session.begin():
        persona_id = session.scalar(select(Persona.id).where(Persona.slug == "mags"))
        session.add(
            Model(
                id=model_id,
                persona_id=persona_id,
                kind="persona-lora",
                base_model=base,
                adapter_path=str(adapter_dir),
                chat_template_sha256=template_sha,
                config={},
                metrics={"heldout_loss": 1.5},
                active=False,
            )
        )
    return model_id


def test_the_serving_gate_refuses_until_forced(
    stub, engine: Engine, tiny_adapter_dir: Path
) -> None:  # type: ignore[no-untyped-def]
    client, runner, _ = stub
    served = runner.engine
    model = _register(engine, tiny_adapter_dir, served.model_id, served.chat_template_sha256)
    with pytest.raises(grpc.RpcError) as unreported:
        client.ActivateModel(common_pb2.ActivateModelRequest(model_id=model), timeout=30)
    assert unreported.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert "no report card" in (unreported.value.details() or "")
    add_report(engine, model, attribution_tuned=0.2)
    with pytest.raises(grpc.RpcError) as failing:
        client.ActivateModel(common_pb2.ActivateModelRequest(model_id=model), timeout=30)
    assert failing.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert "attribution_tuned 0.2, needs >= 0.5" in (failing.value.details() or "")
    assert f"persona-{model}" not in served.adapters  # nothing was loaded
    forced = client.ActivateModel(
        common_pb2.ActivateModelRequest(model_id=model, force=True), timeout=30
    )
    assert forced.active and f"persona-{model}" in served.adapters


def test_activate_a_persona_adapter(stub, engine: Engine, tiny_adapter_dir: Path) -> None:  # type: ignore[no-untyped-def]
    client, runner, _ = stub
    served = runner.engine
    good = _register(engine, tiny_adapter_dir, served.model_id, served.chat_template_sha256)
    wrong = _register(engine, tiny_adapter_dir, served.model_id, "0" * 64)
    add_passing_report(engine, good)
    add_passing_report(engine, wrong)
    listed = client.ListModels(common_pb2.ListModelsRequest(persona="mags"), timeout=10)
    assert {m.id for m in listed.models} == {good, wrong}
    assert not any(m.active for m in listed.models)

    with pytest.raises(grpc.RpcError) as refused:
        client.ActivateModel(common_pb2.ActivateModelRequest(model_id=wrong), timeout=30)
    assert refused.value.code() == grpc.StatusCode.FAILED_PRECONDITION
    assert "chat template" in (refused.value.details() or "")
    with pytest.raises(grpc.RpcError) as missing:
        client.ActivateModel(common_pb2.ActivateModelRequest(model_id="nope"), timeout=10)
    assert missing.value.code() == grpc.StatusCode.NOT_FOUND

    activated = client.ActivateModel(common_pb2.ActivateModelRequest(model_id=good), timeout=30)
    assert activated.active and activated.metrics["heldout_loss"] == 1.5
    assert f"persona-{good}" in served.adapters
    listed = client.ListModels(common_pb2.ListModelsRequest(persona="mags"), timeout=10)
    assert {m.id: m.active for m in listed.models} == {good: True, wrong: False}
    # The persona's chats now run through its adapter, and still complete.
    messages = [inference_pb2.ChatMessage(role="user", content="hello")]
    chunks = list(
        client.Chat(
            inference_pb2.ChatRequest(persona="mags", messages=messages, sampling=GREEDY),
            timeout=DEFAULT_DEADLINE_S,
        )
    )
    assert chunks[-1].done


def test_a_normaliser_activates_beside_the_persona_adapter_and_normalises(  # type: ignore[no-untyped-def]
    stub, engine: Engine, tiny_adapter_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    client, runner, _ = stub
    served = runner.engine
    loads: list[str] = []
    real_load = served.load_adapter

    async def counting_load(info):  # type: ignore[no-untyped-def]
        loads.append(info.name)
        await real_load(info)

    monkeypatch.setattr(served, "load_adapter", counting_load)
    persona_adapter = _register(
        engine, tiny_adapter_dir, served.model_id, served.chat_template_sha256
    )
    add_passing_report(engine, persona_adapter)
    client.ActivateModel(common_pb2.ActivateModelRequest(model_id=persona_adapter), timeout=30)
    normalizer = add_active_normalizer(
        engine, "mags", tiny_adapter_dir, served, prompt_version="normalizer-v1", active=False
    )
    activated = client.ActivateModel(
        common_pb2.ActivateModelRequest(model_id=normalizer), timeout=30
    )
    assert activated.active and activated.kind == "normalizer"
    assert {f"persona-{persona_adapter}", f"normalizer-{normalizer}"} <= set(served.adapters)
    listed = client.ListModels(common_pb2.ListModelsRequest(persona="mags"), timeout=10)
    assert {m.id: m.active for m in listed.models} == {persona_adapter: True, normalizer: True}

    reply = client.Normalize(
        inference_pb2.NormalizeRequest(texts=["RT @x: hello"], persona="mags"), timeout=60
    )
    assert (reply.normalizer_model, reply.normalizer_version) == (normalizer, "normalizer-v1")
    proposals = client.Propose(
        inference_pb2.ProposeRequest(persona="mags", text="RT @x: hello", n=3, max_tokens=6),
        timeout=60,
    )
    assert (proposals.generator, proposals.prompt_version) == (normalizer, "normalizer-v1")
    # Loaded once, by the activation; the requests after it found it loaded.
    assert loads.count(f"normalizer-{normalizer}") == 1
    with pytest.raises(grpc.RpcError) as other_model:
        client.Normalize(inference_pb2.NormalizeRequest(texts=["x"], model="gpt-9"), timeout=10)
    assert other_model.value.code() == grpc.StatusCode.INVALID_ARGUMENT


def test_propose_returns_distinct_texts_greedy_first_with_the_prompt(stub) -> None:  # type: ignore[no-untyped-def]
    client, runner, _ = stub
    from likeness.inference.normalizers import normalizer_prompt

    reply = client.Propose(
        inference_pb2.ProposeRequest(
            persona="mags", text="WOW!!! the sea", n=6, max_tokens=6, seed=5
        ),
        timeout=60,
    )
    texts = [p.text for p in reply.proposals]
    assert 1 <= len(texts) <= 6 and len(set(texts)) == len(texts)
    assert reply.proposals[0].temperature == 0.0
    assert reply.generator == Path(runner.engine.model_id).name
    assert reply.prompt_version == NORMALIZER_PROMPT_VERSION
    assert reply.prompt == normalizer_prompt(
        runner.engine, "WOW!!! the sea", NORMALIZER_PROMPT_VERSION
    )
    for bad in (
        inference_pb2.ProposeRequest(persona="mags", text="x", n=0),
        inference_pb2.ProposeRequest(persona="mags", text="x", n=17),
        inference_pb2.ProposeRequest(persona="", text="x", n=2),
    ):
        with pytest.raises(grpc.RpcError) as refused:
            client.Propose(bad, timeout=10)
        assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    with pytest.raises(grpc.RpcError) as nobody:
        client.Propose(inference_pb2.ProposeRequest(persona="nobody", text="x", n=2), timeout=10)
    assert nobody.value.code() == grpc.StatusCode.NOT_FOUND


def test_normalize_corpus_job_reports_progress_until_done(  # type: ignore[no-untyped-def]
    stub, engine: Engine, tmp_path: Path, db_url: str
) -> None:
    from likeness.core.settings import Settings
    from likeness.ingest.importing import import_path

    client, _, _ = stub
    sample = Path(__file__).resolve().parents[2] / "examples" / "sample-archive"
    import_path(engine, sample, "mags", settings=Settings(data_dir=tmp_path, database_url=db_url))
    ref = client.NormalizeCorpus(
        inference_pb2.NormalizeCorpusRequest(persona="mags", limit=12), timeout=10
    )
    again = client.NormalizeCorpus(
        inference_pb2.NormalizeCorpusRequest(persona="mags", limit=12), timeout=10
    )
    assert again.job_id == ref.job_id  # one run per persona at a time
    events = list(client.WatchJob(ref, timeout=120))
    assert events[-1].status == "succeeded", events[-1].message
    steps = [e.step for e in events]
    assert steps == sorted(steps) and events[-1].step == events[-1].total == 12
    with pytest.raises(grpc.RpcError) as missing:
        list(client.WatchJob(common_pb2.JobRef(job_id="nope"), timeout=10))
    assert missing.value.code() == grpc.StatusCode.NOT_FOUND
    with pytest.raises(grpc.RpcError) as nobody:
        client.NormalizeCorpus(inference_pb2.NormalizeCorpusRequest(persona="nobody"), timeout=10)
    assert nobody.value.code() == grpc.StatusCode.NOT_FOUND


# --- hostile requests ---------------------------------------------------------------------------


def test_tiny_temperature_is_greedy_over_grpc(stub) -> None:  # type: ignore[no-untyped-def]
    client, runner, _ = stub
    cold = inference_pb2.SamplingParams(temperature=1e-40, max_tokens=12)
    first = client.Generate(
        inference_pb2.GenerateRequest(prompt="hello", sampling=cold), timeout=30
    )
    greedy = client.Generate(
        inference_pb2.GenerateRequest(prompt="hello", sampling=GREEDY), timeout=30
    )
    assert first.text == greedy.text  # and the engine is still alive to answer the second
    assert runner.engine.healthy()


def test_generate_past_its_deadline_is_aborted(stub, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    client, runner, _ = stub
    stats = runner.engine.stats
    # No end-of-text token: the request runs to max_tokens (seconds), far past the deadline.
    monkeypatch.setattr(runner.engine, "_eos_ids", set())
    long = inference_pb2.SamplingParams(temperature=0.0, max_tokens=1500)
    with pytest.raises(grpc.RpcError) as late:
        client.Generate(
            inference_pb2.GenerateRequest(prompt="tell me everything", sampling=long), timeout=0.3
        )
    assert late.value.code() == grpc.StatusCode.DEADLINE_EXCEEDED
    deadline = time.monotonic() + 5
    while not stats.finished.get("abort"):
        assert time.monotonic() < deadline, "the engine kept generating for a dead call"
        time.sleep(0.02)
    assert stats.finished["length"] == 0


def test_bad_prompts_and_roles_are_invalid_argument(stub) -> None:  # type: ignore[no-untyped-def]
    client, runner, _ = stub
    context = runner.engine.max_context
    for prompt in ("", "word " * (context + 10)):
        with pytest.raises(grpc.RpcError) as bad:
            client.Generate(inference_pb2.GenerateRequest(prompt=prompt), timeout=30)
        assert bad.value.code() == grpc.StatusCode.INVALID_ARGUMENT, bad.value.details()
    tool = [inference_pb2.ChatMessage(role="tool", content="42")]
    with pytest.raises(grpc.RpcError) as refused:
        list(client.Chat(inference_pb2.ChatRequest(persona="mags", messages=tool), timeout=30))
    assert refused.value.code() == grpc.StatusCode.INVALID_ARGUMENT
    assert "tool" in (refused.value.details() or "")  # the same rule HTTP applies
    wide = inference_pb2.SamplingParams(top_p=1.5)
    with pytest.raises(grpc.RpcError) as top_p:
        client.Generate(inference_pb2.GenerateRequest(prompt="x", sampling=wide), timeout=30)
    assert top_p.value.code() == grpc.StatusCode.INVALID_ARGUMENT


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_health_says_not_serving_once_the_engine_died(stub) -> None:  # type: ignore[no-untyped-def]
    from engine_faults import kill_worker
    from grpc_health.v1 import health_pb2, health_pb2_grpc

    client, runner, channel = stub
    health = health_pb2_grpc.HealthStub(channel)
    check = health_pb2.HealthCheckRequest(service="likeness.v1.InferenceService")
    assert health.Check(check, timeout=10).status == health_pb2.HealthCheckResponse.SERVING
    kill_worker(runner.engine)
    deadline = time.monotonic() + 5
    while health.Check(check, timeout=10).status != health_pb2.HealthCheckResponse.NOT_SERVING:
        assert time.monotonic() < deadline, "gRPC health still says SERVING"
        time.sleep(0.1)
    with pytest.raises(grpc.RpcError) as dead:
        client.Generate(inference_pb2.GenerateRequest(prompt="hi", sampling=GREEDY), timeout=10)
    assert dead.value.code() == grpc.StatusCode.UNAVAILABLE


def test_serve_inference_refuses_the_bind_before_loading_the_model(
    db_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from likeness.core.bind import InsecureBind
    from likeness.core.settings import Settings
    from likeness.inference import server

    def no_model(*_: object, **__: object) -> None:
        raise AssertionError("the model was loaded before the bind was refused")

    monkeypatch.setattr(server, "load_engine", no_model)
    with pytest.raises(InsecureBind):
        server.run_inference(Settings(data_dir=tmp_path, database_url=db_url), host="0.0.0.0")
