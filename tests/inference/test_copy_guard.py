"""The serving-time copy guard (``likeness.inference.serving.copy_guard``) on the tiny model: a
persona adapter whose copy index holds exactly what greedy decoding writes, so every greedy
answer is a copy until the guard resamples it — through the serving layer, gRPC and HTTP."""

from __future__ import annotations

import asyncio
import logging
import shutil
import uuid
from collections.abc import AsyncIterator, Iterator
from pathlib import Path

import httpx
import pytest
from openai import OpenAI
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from likeness.core.chat import persona_messages
from likeness.core.copying import COPY_INDEX_FILE, CopyIndex, word_spans
from likeness.core.db.models import Model, Persona
from likeness.core.grpc_client import client_channel
from likeness.core.grpc_server import stop_server
from likeness.core.prompts import persona_post_request
from likeness.core.settings import Settings
from likeness.inference.engine_thread import EngineThread
from likeness.inference.engines.base import Delta, GenerationRequest, SamplingParams
from likeness.inference.engines.transformers_engine import TransformersEngine
from likeness.inference.http_server import BackgroundServer
from likeness.inference.openai_api import create_app
from likeness.inference.server import make_inference_grpc_server
from likeness.inference.serving import CopyGuard, ModelResolver, ServedModel
from likeness.v1 import inference_pb2, inference_pb2_grpc

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)

CARD = "You are Mags."
QUESTION = persona_post_request("the sea")
GREEDY = SamplingParams(max_tokens=40, temperature=0.0)


@pytest.fixture
def model(tiny_model_dir: Path) -> TransformersEngine:
    return TransformersEngine.load(str(tiny_model_dir))


@pytest.fixture
def adapter_dir(tiny_adapter_dir: Path, tmp_path: Path) -> Path:
    """A persona adapter of our own (its copy index is written by the test)."""
    return Path(shutil.copytree(tiny_adapter_dir, tmp_path / "adapter"))


@pytest.fixture
def persona(engine: Engine, model: TransformersEngine, adapter_dir: Path) -> str:
    with Session(engine) as session, session.begin():
        persona = Persona(slug="mags", display_name="Mags", card=CARD, settings={})
        session.add(persona)
        session.flush()
        session.add(
            Model(
                id=uuid.uuid4().hex,
                persona_id=persona.id,
                kind="persona-lora",
                base_model=model.model_id,
                adapter_path=str(adapter_dir),
                chat_template_sha256=model.chat_template_sha256,
                config={},
                metrics={},
                active=True,
            )
        )
    return "mags"


def chat_prompt(model: TransformersEngine) -> str:
    return model.render_chat(persona_messages(CARD, [{"role": "user", "content": QUESTION}]))


def unguarded(model: TransformersEngine, db: Engine) -> ModelResolver:
    return ModelResolver(model, db, copy_guard=CopyGuard(enabled=False))


async def generate(
    resolver: ModelResolver, prompt: str, sampling: SamplingParams, *, stream: bool
) -> tuple[ServedModel, list[Delta]]:
    served = await resolver.resolve("mags")
    request = GenerationRequest(f"t-{uuid.uuid4().hex}", prompt, sampling, served.adapter)
    return served, [d async for d in resolver.generate(request, served, stream=stream)]


@pytest.fixture
def copied(engine: Engine, model: TransformersEngine, persona: str, adapter_dir: Path) -> str:
    """Write the adapter's copy index from what greedy decoding answers (unguarded, before any
    server starts the engine); returns that text."""

    async def run() -> str:
        await model.start()
        try:
            resolver = unguarded(model, engine)
            _, deltas = await generate(resolver, chat_prompt(model), GREEDY, stream=False)
        finally:
            await model.close()
        return "".join(d.text for d in deltas)

    text = asyncio.run(run())
    index = CopyIndex.build([text])
    assert len(index) > 0, f"greedy text too short to copy: {text!r}"
    index.save(adapter_dir / COPY_INDEX_FILE)
    return text


def count(guard: CopyGuard, name: str) -> float:
    counter = guard.metrics.resamples if name == "resamples" else guard.metrics.copies_served
    return counter.labels("mags")._value.get()


@pytest.mark.parametrize("stream", [False, True])
def test_a_greedy_copy_is_resampled(
    engine: Engine, model: TransformersEngine, copied: str, stream: bool
) -> None:
    guard = CopyGuard(retries=3)
    resolver = ModelResolver(model, engine, copy_guard=guard)

    async def run() -> tuple[ServedModel, list[Delta]]:
        await model.start()
        try:
            return await generate(resolver, chat_prompt(model), GREEDY, stream=stream)
        finally:
            await model.close()

    served, deltas = asyncio.run(run())
    assert served.copy_index is not None
    text = "".join(d.text for d in deltas)
    assert text != copied and not served.copy_index.copies(text)
    assert count(guard, "resamples") >= 1 and count(guard, "copies_served") == 0
    last = deltas[-1]
    assert last.finished and not any(d.finished for d in deltas[:-1])
    assert last.prompt_tokens == model.count_tokens(chat_prompt(model))
    assert 0 < last.completion_tokens <= GREEDY.max_tokens
    if stream:
        # The stream kept what came before the copied span (here: before its first word) and
        # resampled the rest from there.
        assert text.startswith(copied[: word_spans(copied)[0][0]].rstrip())


def test_with_the_guard_off_or_no_retries_the_copy_is_served(
    engine: Engine, model: TransformersEngine, copied: str
) -> None:
    no_retries = CopyGuard(retries=0)

    async def run() -> list[str]:
        await model.start()
        try:
            texts = []
            for resolver, stream in (
                (unguarded(model, engine), False),
                (unguarded(model, engine), True),
                (ModelResolver(model, engine, copy_guard=no_retries), False),
                (ModelResolver(model, engine, copy_guard=no_retries), True),
            ):
                _, deltas = await generate(resolver, chat_prompt(model), GREEDY, stream=stream)
                texts.append("".join(d.text for d in deltas))
            return texts
        finally:
            await model.close()

    assert asyncio.run(run()) == [copied] * 4
    assert count(no_retries, "copies_served") == 2 and count(no_retries, "resamples") == 0


def test_a_stream_sends_the_text_before_a_copy_and_resamples_only_the_rest(
    engine: Engine, model: TransformersEngine, copied: str, adapter_dir: Path
) -> None:
    # Index only the greedy answer from its fourth word on: the first three words are free.
    spans = word_spans(copied)
    assert len(spans) >= 3 + 8
    CopyIndex.build([copied[spans[3][0] :]]).save(adapter_dir / COPY_INDEX_FILE)
    resolver = ModelResolver(model, engine, copy_guard=CopyGuard(retries=3))
    received: list[str] = []
    sent_when_resampled: list[str] = []

    async def run() -> None:
        await model.start()
        try:
            served = await resolver.resolve("mags")
            request = GenerationRequest("r1", chat_prompt(model), GREEDY, served.adapter)

            def watched(attempt: GenerationRequest) -> AsyncIterator[Delta]:
                if attempt.request_id != "r1":
                    sent_when_resampled.append("".join(received))
                    # The resample continues the text kept so far.
                    assert attempt.prompt == request.prompt + copied[: spans[3][0]].rstrip()
                return model.generate(attempt)

            async for delta in resolver.generate(request, served, stream=True, generate=watched):
                received.append(delta.text)
        finally:
            await model.close()

    asyncio.run(run())
    kept = copied[: spans[3][0]].rstrip()
    text = "".join(received)
    assert len(sent_when_resampled) == 1
    # Before the copy was found, only text before it had gone out; the answer starts with all of
    # the text before the copy and does not copy.
    assert sent_when_resampled[0] and kept.startswith(sent_when_resampled[0])
    assert text.startswith(kept) and text != copied
    assert not CopyIndex.load(adapter_dir / COPY_INDEX_FILE).copies(text)


@pytest.mark.parametrize("stream", [False, True])
def test_abort_reaches_the_try_that_runs_and_starts_no_other(
    engine: Engine, model: TransformersEngine, copied: str, stream: bool
) -> None:
    resolver = ModelResolver(model, engine, copy_guard=CopyGuard(retries=3))
    started: list[str] = []

    async def run() -> list[Delta]:
        await model.start()
        try:
            served = await resolver.resolve("mags")
            request = GenerationRequest("r1", chat_prompt(model), GREEDY, served.adapter)

            async def watched(attempt: GenerationRequest) -> AsyncIterator[Delta]:
                started.append(attempt.request_id)
                async for delta in model.generate(attempt):
                    if len(started) == 2:  # the first resample runs: the client goes away
                        await resolver.abort("r1")
                    yield delta

            deltas = resolver.generate(request, served, stream=stream, generate=watched)
            return [d async for d in deltas]
        finally:
            await model.close()

    deltas = asyncio.run(run())
    assert started == ["r1", "r1~copy1"]
    assert deltas[-1].finish_reason == "abort"
    assert model.stats.pending == 0


def test_an_adapter_without_an_index_is_served_unguarded_and_logged_once(
    engine: Engine,
    model: TransformersEngine,
    persona: str,
    caplog: pytest.LogCaptureFixture,
) -> None:
    resolver = ModelResolver(model, engine, copy_guard=CopyGuard())

    async def run() -> list[ServedModel]:
        await model.start()
        try:
            return [await resolver.resolve("mags") for _ in range(3)]
        finally:
            await model.close()

    with caplog.at_level(logging.WARNING):
        served = asyncio.run(run())
    assert all(s.adapter and s.copy_index is None for s in served)
    assert len([r for r in caplog.records if "no copy index" in r.getMessage()]) == 1


def test_a_seeded_request_resamples_reproducibly(
    engine: Engine, model: TransformersEngine, copied: str
) -> None:
    seeded = SamplingParams(max_tokens=40, temperature=0.0, seed=7)

    async def run() -> list[str]:
        await model.start()
        try:
            texts = []
            for _ in range(2):
                resolver = ModelResolver(model, engine, copy_guard=CopyGuard())
                _, deltas = await generate(resolver, chat_prompt(model), seeded, stream=False)
                texts.append("".join(d.text for d in deltas))
            return texts
        finally:
            await model.close()

    first, second = asyncio.run(run())
    assert first == second


# --- the transports ------------------------------------------------------------------------------


@pytest.fixture
def grpc_stub(
    engine: Engine, model: TransformersEngine, copied: str
) -> Iterator[tuple[inference_pb2_grpc.InferenceServiceStub, EngineThread]]:
    with EngineThread(model) as runner:
        server, port = make_inference_grpc_server(runner, engine, host="127.0.0.1", port=0)
        server.start()
        channel = client_channel(f"127.0.0.1:{port}")
        try:
            yield inference_pb2_grpc.InferenceServiceStub(channel), runner
        finally:
            channel.close()
            stop_server(server, grace_s=1)


def test_grpc_chat_and_generate_are_guarded(
    model: TransformersEngine, adapter_dir: Path, copied: str, grpc_stub
) -> None:  # type: ignore[no-untyped-def]
    index = CopyIndex.load(adapter_dir / COPY_INDEX_FILE)
    client, runner = grpc_stub
    greedy = inference_pb2.SamplingParams(temperature=0.0, max_tokens=40)
    message = inference_pb2.ChatMessage(role="user", content=QUESTION)
    chunks = list(
        client.Chat(
            inference_pb2.ChatRequest(persona="mags", messages=[message], sampling=greedy),
            timeout=60,
        )
    )
    text = "".join(c.delta for c in chunks)
    assert chunks[-1].done and text != copied and not index.copies(text)
    # Generate takes a raw prompt: the chat prompt itself gives the same copy, resampled.
    reply = client.Generate(
        inference_pb2.GenerateRequest(persona="mags", prompt=chat_prompt(model), sampling=greedy),
        timeout=60,
    )
    assert reply.text != copied and not index.copies(reply.text)
    # Drafts ask the same question ("Write a post about the sea"): guarded too.
    drafts = client.GeneratePosts(
        inference_pb2.GeneratePostsRequest(persona="mags", topic="the sea", n=2, sampling=greedy),
        timeout=60,
    ).drafts
    assert len(drafts) == 2 and not any(index.copies(d.text) for d in drafts)
    # The engine is idle afterwards: no try was left running.
    stats = runner.engine.stats  # type: ignore[attr-defined]
    assert stats.pending == 0


@pytest.fixture
def http_server(
    engine: Engine, model: TransformersEngine, copied: str, tmp_path: Path
) -> Iterator[tuple[BackgroundServer, OpenAI]]:
    app = create_app(model, engine, Settings(data_dir=tmp_path / "data", copy_guard_retries=2))
    with (
        BackgroundServer(app) as running,
        OpenAI(base_url=f"{running.base_url}/v1", api_key="x", max_retries=0) as client,
    ):
        yield running, client


def metric(server: BackgroundServer, name: str) -> float:
    for line in httpx.get(f"{server.base_url}/metrics").text.splitlines():
        if line.startswith(name + "{") and 'persona="mags"' in line:
            return float(line.split()[-1])
    return 0.0


def test_openai_chat_streamed_or_not_is_guarded_and_counted(
    adapter_dir: Path, copied: str, http_server
) -> None:  # type: ignore[no-untyped-def]
    index = CopyIndex.load(adapter_dir / COPY_INDEX_FILE)
    server, client = http_server
    messages = [{"role": "user", "content": QUESTION}]
    whole = client.chat.completions.create(
        model="mags", messages=messages, temperature=0, max_tokens=40
    )
    text = whole.choices[0].message.content or ""
    assert text != copied and not index.copies(text)
    resamples = metric(server, "likeness_copy_guard_resamples_total")
    assert resamples >= 1
    streamed = "".join(
        chunk.choices[0].delta.content or ""
        for chunk in client.chat.completions.create(
            model="mags", messages=messages, temperature=0, max_tokens=40, stream=True
        )
        if chunk.choices
    )
    assert streamed != copied and not index.copies(streamed)
    assert metric(server, "likeness_copy_guard_resamples_total") > resamples
    assert metric(server, "likeness_copy_guard_copies_served_total") == 0
