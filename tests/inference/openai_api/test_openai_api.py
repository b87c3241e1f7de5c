"""The OpenAI-compatible API, driven by the official ``openai`` client against a live uvicorn
server on loopback, with the real TransformersEngine on the tiny random Llama and a SQLite DB.

    .venv/bin/pytest tests/inference/openai_api -q
"""

from __future__ import annotations

import asyncio
import json
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import openai
import pytest
from openai import AsyncOpenAI, OpenAI
from openai.types.chat import ChatCompletionMessageParam
from sqlalchemy import Engine as DbEngine
from sqlalchemy.orm import Session

from likeness.core.auth import create_api_key
from likeness.core.bind import InsecureBind
from likeness.core.db import create_db_engine, upgrade_database
from likeness.core.db.models import Persona
from likeness.core.settings import Settings
from likeness.inference.engines.transformers_engine import TransformersEngine
from likeness.inference.http_server import BackgroundServer, bind_app
from likeness.inference.openai_api import OpenAIError, ServingMetrics, build_servings, create_app
from likeness.inference.openai_api.protocol import ChatCompletionRequest, ChatMessage
from likeness.inference.openai_api.serving_engine import ChunkStream
from likeness.inference.serving import public_model_name

PERSONA = "ada"
CARD = "You are Ada. You write short, dry sentences."
MAX_TOKENS_LIMIT = 400


def make_db(path: Path) -> DbEngine:
    db = create_db_engine(f"sqlite:///{path}")
    upgrade_database(db)
    with Session(db) as session, session.begin():
        session.add(Persona(slug=PERSONA, display_name="Ada", card=CARD))
    return db


@pytest.fixture(scope="module")
def db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DbEngine]:
    engine = make_db(tmp_path_factory.mktemp("openai-db") / "likeness.db")
    yield engine
    engine.dispose()


@pytest.fixture(scope="module")
def engine(tiny_model_dir: Path) -> TransformersEngine:
    return TransformersEngine.load(str(tiny_model_dir))


@pytest.fixture(scope="module")
def server(
    engine: TransformersEngine, db: DbEngine, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[BackgroundServer]:
    settings = Settings(data_dir=tmp_path_factory.mktemp("data"))
    app = create_app(engine, db, settings, max_tokens_limit=MAX_TOKENS_LIMIT)
    with BackgroundServer(app) as running:
        yield running


@pytest.fixture
def client(server: BackgroundServer) -> Iterator[OpenAI]:
    # No retries: a 429 or 5xx must surface, not be retried away.
    with OpenAI(base_url=f"{server.base_url}/v1", api_key="unused", max_retries=0) as c:
        yield c


def async_client(server: BackgroundServer) -> AsyncOpenAI:
    return AsyncOpenAI(base_url=f"{server.base_url}/v1", api_key="unused", max_retries=0)


def chat(content: str) -> list[ChatCompletionMessageParam]:
    return [{"role": "user", "content": content}]


def greedy_chat(client: OpenAI, content: str, max_tokens: int = 24) -> str:
    response = client.chat.completions.create(
        model=PERSONA, messages=chat(content), temperature=0, max_tokens=max_tokens
    )
    return response.choices[0].message.content or ""


def metric(server: BackgroundServer, name: str) -> float:
    text = httpx.get(f"{server.base_url}/metrics").text
    for line in text.splitlines():
        if line.startswith(name + " "):
            return float(line.split()[1])
    raise AssertionError(f"{name} not in /metrics")


# --- models -------------------------------------------------------------------------------------


def test_models_list_has_base_model_and_persona(client: OpenAI, engine: TransformersEngine) -> None:
    ids = [m.id for m in client.models.list()]
    # The base model by its own name: the folder it was loaded from is a path on the server.
    assert ids == [Path(engine.model_id).name, PERSONA]
    assert public_model_name(engine.model_id) == Path(engine.model_id).name
    assert public_model_name("HuggingFaceTB/SmolLM2-135M-Instruct").startswith("HuggingFaceTB/")


# --- chat ---------------------------------------------------------------------------------------


def test_chat_usage_matches_engine_token_counts(
    client: OpenAI, server: BackgroundServer, engine: TransformersEngine, db: DbEngine
) -> None:
    response = client.chat.completions.create(
        model=PERSONA, messages=chat("Hello there"), temperature=0, max_tokens=8
    )
    assert response.object == "chat.completion"
    assert response.model == PERSONA
    choice = response.choices[0]
    assert choice.message.role == "assistant"
    prompt = engine.render_chat(
        [{"role": "system", "content": CARD}, {"role": "user", "content": "Hello there"}]
    )
    usage = response.usage
    assert usage is not None
    assert usage.prompt_tokens == engine.count_tokens(prompt)
    if choice.finish_reason == "length":
        assert usage.completion_tokens == 8
    else:
        assert choice.finish_reason == "stop" and usage.completion_tokens <= 8
    assert usage.total_tokens == usage.prompt_tokens + usage.completion_tokens


def test_streamed_chat_concatenates_to_the_non_streamed_text(client: OpenAI) -> None:
    expected = greedy_chat(client, "Tell me about the river", max_tokens=24)
    stream = client.chat.completions.create(
        model=PERSONA,
        messages=chat("Tell me about the river"),
        temperature=0,
        max_tokens=24,
        stream=True,
        stream_options={"include_usage": True},
    )
    chunks = list(stream)
    assert all(c.object == "chat.completion.chunk" for c in chunks)
    assert chunks[0].choices[0].delta.role == "assistant"
    text = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert text == expected
    finish = [
        c.choices[0].finish_reason for c in chunks if c.choices and c.choices[0].finish_reason
    ]
    assert finish in (["length"], ["stop"])
    # include_usage: every chunk carries usage null, the last one has no choices and the usage.
    last = chunks[-1]
    assert last.choices == [] and last.usage is not None
    assert all(c.usage is None for c in chunks[:-1])
    assert last.usage.total_tokens == last.usage.prompt_tokens + last.usage.completion_tokens


def test_stream_without_include_usage_sends_no_usage(client: OpenAI) -> None:
    chunks = list(
        client.chat.completions.create(
            model=PERSONA, messages=chat("Hi"), max_tokens=4, temperature=0, stream=True
        )
    )
    assert chunks and all(c.usage is None and c.choices for c in chunks)


def test_n_gives_independent_choices_and_seed_offsets_per_choice(client: OpenAI) -> None:
    greedy = client.chat.completions.create(
        model=PERSONA, messages=chat("Hello"), n=2, temperature=0, max_tokens=12
    )
    assert [c.index for c in greedy.choices] == [0, 1]
    assert greedy.choices[0].message.content == greedy.choices[1].message.content
    assert greedy.usage is not None
    single = client.chat.completions.create(
        model=PERSONA, messages=chat("Hello"), temperature=0, max_tokens=12
    )
    assert single.usage is not None
    # The prompt counts once, completions add up.
    assert greedy.usage.prompt_tokens == single.usage.prompt_tokens
    assert greedy.usage.completion_tokens == sum(
        single.usage.completion_tokens for _ in greedy.choices
    )

    sampled = client.chat.completions.create(
        model=PERSONA, messages=chat("Hello"), n=2, temperature=1.0, seed=5, max_tokens=12
    )
    first = client.chat.completions.create(
        model=PERSONA, messages=chat("Hello"), temperature=1.0, seed=5, max_tokens=12
    )
    assert sampled.choices[0].message.content == first.choices[0].message.content

    stream = client.chat.completions.create(
        model=PERSONA, messages=chat("Hello"), n=2, temperature=0, max_tokens=12, stream=True
    )
    texts = ["", ""]
    for chunk in stream:
        for choice in chunk.choices:
            texts[choice.index] += choice.delta.content or ""
    assert texts == [c.message.content for c in greedy.choices]


def test_stop_sequence_ends_the_text_before_it(client: OpenAI) -> None:
    full = greedy_chat(client, "Tell me a story", max_tokens=40)
    assert len(full) >= 12, f"the tiny model's greedy text is too short to test stop: {full!r}"
    stop = full[8:11]
    response = client.chat.completions.create(
        model=PERSONA, messages=chat("Tell me a story"), temperature=0, max_tokens=40, stop=[stop]
    )
    choice = response.choices[0]
    assert choice.finish_reason == "stop"
    assert choice.message.content == full[: full.index(stop)]


def test_max_tokens_ends_with_length(client: OpenAI) -> None:
    response = client.chat.completions.create(
        model=PERSONA, messages=chat("Go on"), temperature=0, max_tokens=3
    )
    if response.choices[0].finish_reason != "length":  # only an EOS within 3 tokens avoids it
        pytest.fail(f"expected length, got {response.choices[0].finish_reason}")
    assert response.usage is not None and response.usage.completion_tokens == 3
    # max_completion_tokens wins when it is the smaller of the two.
    both = client.chat.completions.create(
        model=PERSONA, messages=chat("Go on"), temperature=0, max_tokens=9, max_completion_tokens=2
    )
    assert both.usage is not None and both.usage.completion_tokens == 2


def test_same_seed_same_text(client: OpenAI) -> None:
    def sample(seed: int) -> str:
        response = client.chat.completions.create(
            model=PERSONA, messages=chat("Hello"), temperature=1.0, seed=seed, max_tokens=20
        )
        return response.choices[0].message.content or ""

    assert sample(11) == sample(11)
    assert len({sample(seed) for seed in range(4)}) > 1  # the seed matters


def test_base_model_is_served_without_persona(client: OpenAI, engine: TransformersEngine) -> None:
    response = client.chat.completions.create(
        model=engine.model_id, messages=chat("Hi"), temperature=0, max_tokens=4
    )
    assert response.model == Path(engine.model_id).name  # answers never carry the path
    assert response.usage is not None
    # No card: the template's own default system prompt is rendered instead.
    bare = engine.render_chat([{"role": "user", "content": "Hi"}])
    assert response.usage.prompt_tokens == engine.count_tokens(bare)


# --- completions --------------------------------------------------------------------------------


def test_completions_for_a_prompt_list(client: OpenAI, engine: TransformersEngine) -> None:
    prompts = ["The quick brown fox", "I walked along the river"]
    single = [
        client.completions.create(model=PERSONA, prompt=p, temperature=0, max_tokens=10)
        for p in prompts
    ]
    both = client.completions.create(model=PERSONA, prompt=prompts, temperature=0, max_tokens=10)
    assert both.object == "text_completion"
    assert [c.index for c in both.choices] == [0, 1]
    assert [c.text for c in both.choices] == [s.choices[0].text for s in single]
    assert both.usage is not None
    assert both.usage.prompt_tokens == sum(engine.count_tokens(p) for p in prompts)

    stream = client.completions.create(
        model=PERSONA, prompt=prompts[0], temperature=0, max_tokens=10, stream=True
    )
    assert "".join(c.choices[0].text for c in stream if c.choices) == single[0].choices[0].text


def test_completions_default_to_16_tokens(client: OpenAI) -> None:
    response = client.completions.create(model=PERSONA, prompt="Hello", temperature=0)
    assert response.usage is not None and response.usage.completion_tokens <= 16


# --- errors -------------------------------------------------------------------------------------


def test_unknown_model_is_404(client: OpenAI) -> None:
    with pytest.raises(openai.NotFoundError) as caught:
        client.chat.completions.create(model="nobody", messages=chat("Hi"))
    assert caught.value.code == "model_not_found"
    assert caught.value.param == "model"


@pytest.mark.parametrize(
    ("params", "param"),
    [
        ({"temperature": 5}, "temperature"),
        ({"top_p": 0}, "top_p"),
        ({"max_tokens": 0}, "max_tokens"),
        ({"n": 0}, "n"),
        ({"stop": ["a", "b", "c", "d", "e"]}, "stop"),
        ({"logprobs": True}, "logprobs"),
    ],
)
def test_bad_parameters_are_400(client: OpenAI, params: dict[str, object], param: str) -> None:
    with pytest.raises(openai.BadRequestError) as caught:
        client.chat.completions.create(model=PERSONA, messages=chat("Hi"), **params)  # type: ignore[call-overload]
    assert caught.value.param == param
    assert caught.value.type == "invalid_request_error"


def test_streamed_bad_parameters_are_400_too(client: OpenAI) -> None:
    with pytest.raises(openai.BadRequestError):
        client.chat.completions.create(
            model=PERSONA, messages=chat("Hi"), temperature=5, stream=True
        )


def test_schema_errors_are_400_with_an_error_object(server: BackgroundServer) -> None:
    response = httpx.post(f"{server.base_url}/v1/chat/completions", json={"model": PERSONA})
    assert response.status_code == 400
    error = response.json()["error"]
    assert error["type"] == "invalid_request_error"
    assert error["param"] == "messages"
    assert set(error) == {"message", "type", "param", "code"}

    broken = httpx.post(
        f"{server.base_url}/v1/chat/completions",
        content=b"{not json",
        headers={"content-type": "application/json"},
    )
    assert broken.status_code == 400 and "error" in broken.json()


def test_unknown_fields_are_tolerated(server: BackgroundServer) -> None:
    response = httpx.post(
        f"{server.base_url}/v1/chat/completions",
        json={
            "model": PERSONA,
            "messages": chat("Hi"),
            "max_tokens": 2,
            "some_future_option": {"x": 1},
        },
    )
    assert response.status_code == 200, response.text


def test_oversized_body_is_413(server: BackgroundServer) -> None:
    body = {"model": PERSONA, "messages": chat("x" * (1024 * 1024 + 10))}
    response = httpx.post(f"{server.base_url}/v1/chat/completions", json=body)
    assert response.status_code == 413
    assert response.json()["error"]["code"] == "request_too_large"


def test_unknown_route_is_an_openai_404(server: BackgroundServer) -> None:
    response = httpx.get(f"{server.base_url}/v1/nothing-here")
    assert response.status_code == 404
    assert set(response.json()["error"]) == {"message", "type", "param", "code"}


def test_keys_are_required_once_one_exists(tiny_model_dir: Path, tmp_path: Path) -> None:
    db = make_db(tmp_path / "auth.db")
    app = create_app(
        TransformersEngine.load(str(tiny_model_dir)), db, Settings(data_dir=tmp_path / "data")
    )
    with pytest.raises(InsecureBind, match="likeness keys create"):
        bind_app(app, "0.0.0.0")
    key = create_api_key(db, "test")
    bind_app(app, "0.0.0.0")  # a key exists: binding beyond loopback is allowed
    with BackgroundServer(app) as server:
        base = f"{server.base_url}/v1"
        with pytest.raises(openai.AuthenticationError):
            OpenAI(base_url=base, api_key="lk_wrong", max_retries=0).models.list()
        assert httpx.get(f"{base}/models").status_code == 401
        assert [m.id for m in OpenAI(base_url=base, api_key=key).models.list()][-1] == PERSONA
        assert httpx.get(f"{server.base_url}/healthz").status_code == 200
    db.dispose()


# --- serving (no HTTP) --------------------------------------------------------------------------


def test_persona_card_is_the_first_system_message(engine: TransformersEngine, db: DbEngine) -> None:
    from prometheus_client import CollectorRegistry

    serving = build_servings(engine, db, ServingMetrics(CollectorRegistry()))
    messages = [
        ChatMessage(role="system", content="Answer in French."),
        ChatMessage(role="user", content=[{"type": "text", "text": "Hi"}]),  # type: ignore[list-item]
    ]

    async def render() -> tuple[str, str]:
        persona = await serving.models.resolve(PERSONA)
        base = await serving.models.resolve(engine.model_id)
        return (
            await serving.chat.render_chat_prompt(persona, messages),
            await serving.chat.render_chat_prompt(base, messages[1:]),
        )

    prompt, base_prompt = asyncio.run(render())
    assert prompt.startswith(f"<|im_start|>system\n{CARD}<|im_end|>\n")
    assert prompt.index(CARD) < prompt.index("Answer in French.") < prompt.index("Hi")
    assert "SmolLM" not in prompt  # the template's default identity never shows up
    assert "SmolLM" in base_prompt  # ...whereas the bare base model gets it


def test_more_generations_than_max_queue_are_refused_with_429(
    engine: TransformersEngine, db: DbEngine
) -> None:
    from prometheus_client import CollectorRegistry

    servings = build_servings(engine, db, ServingMetrics(CollectorRegistry()), max_queue=2)
    serving = servings.chat
    request = ChatCompletionRequest(
        model=PERSONA,
        messages=[ChatMessage(role="user", content="Hi")],
        stream=True,
        n=2,
        max_tokens=4,
    )

    async def run() -> None:
        await engine.start()
        held = await serving.create_chat_completion(request)
        assert isinstance(held, ChunkStream)
        with pytest.raises(OpenAIError) as caught:
            await serving.create_chat_completion(request)
        assert caught.value.status == 429
        await held.aclose()  # never iterated: closing still frees the slots
        assert servings.admission.in_flight == 0
        again = await serving.create_chat_completion(request)
        assert isinstance(again, ChunkStream)
        async for _ in again:
            pass
        await again.aclose()
        assert servings.admission.in_flight == 0

    asyncio.run(run())


# --- load and cancellation ----------------------------------------------------------------------


@pytest.mark.slow
def test_32_concurrent_streams_all_complete_uncorrupted(
    client: OpenAI, server: BackgroundServer
) -> None:
    prompts = [f"Tell me about friend number {i}" for i in range(32)]
    expected = [greedy_chat(client, p, max_tokens=20) for p in prompts]

    async def stream_one(aclient: AsyncOpenAI, prompt: str) -> str:
        stream = await aclient.chat.completions.create(
            model=PERSONA, messages=chat(prompt), temperature=0, max_tokens=20, stream=True
        )
        parts = [c.choices[0].delta.content or "" async for c in stream if c.choices]
        return "".join(parts)

    async def run() -> list[str]:
        async with async_client(server) as aclient:
            return list(await asyncio.gather(*(stream_one(aclient, p) for p in prompts)))

    assert asyncio.run(run()) == expected
    assert metric(server, "likeness_openai_requests_running") == 0
    assert metric(server, "likeness_openai_requests_waiting") == 0


def test_closing_a_stream_early_aborts_the_engine_request(
    server: BackgroundServer, engine: TransformersEngine
) -> None:
    aborted_before = engine.stats.finished["abort"]

    async def read_two_chunks_and_leave() -> None:
        async with async_client(server) as aclient:
            stream = await aclient.chat.completions.create(
                model=PERSONA,
                messages=chat("Tell me everything"),
                temperature=1.0,
                max_tokens=MAX_TOKENS_LIMIT,
                stream=True,
            )
            count = 0
            async for _ in stream:
                count += 1
                if count == 2:
                    break
            await stream.close()

    asyncio.run(read_two_chunks_and_leave())
    deadline = time.monotonic() + 10
    while metric(server, "likeness_openai_requests_running") != 0:
        assert time.monotonic() < deadline, "the running-requests gauge never went back to 0"
        time.sleep(0.05)
    assert metric(server, "likeness_openai_requests_waiting") == 0
    # The engine saw an abort, not a request that ran to its end.
    deadline = time.monotonic() + 10
    while engine.stats.finished["abort"] == aborted_before:
        assert time.monotonic() < deadline, "the engine request was not aborted"
        time.sleep(0.05)


def test_metrics_are_prometheus_text(client: OpenAI, server: BackgroundServer) -> None:
    greedy_chat(client, "Hi", max_tokens=2)
    text = httpx.get(f"{server.base_url}/metrics").text
    for name in (
        "likeness_openai_requests_total",
        "likeness_openai_errors_total",
        "likeness_openai_prompt_tokens_total",
        "likeness_openai_completion_tokens_total",
        "likeness_openai_time_to_first_token_seconds_bucket",
        "likeness_openai_request_latency_seconds_bucket",
        "likeness_openai_requests_waiting",
        "likeness_openai_requests_running",
    ):
        assert name in text, name
    assert 'likeness_openai_requests_total{endpoint="chat",status="200"}' in text


# --- hostile requests ---------------------------------------------------------------------------


def test_tiny_temperature_is_greedy_and_the_engine_survives(
    client: OpenAI, server: BackgroundServer
) -> None:
    # 1e-40 once overflowed the logits, killed the engine's worker and left every later request
    # with a 500 while /healthz said ok.
    cold = client.chat.completions.create(
        model=PERSONA, messages=chat("Hello there"), temperature=1e-40, max_tokens=8
    )
    assert cold.choices[0].message.content == greedy_chat(client, "Hello there", max_tokens=8)
    assert greedy_chat(client, "And again", max_tokens=4) is not None
    assert httpx.get(f"{server.base_url}/healthz").status_code == 200


def test_wide_seed_and_lone_surrogate_are_400(server: BackgroundServer) -> None:
    url = f"{server.base_url}/v1/chat/completions"
    wide = httpx.post(
        url, json={"model": PERSONA, "messages": chat("Hi"), "seed": 2**70, "max_tokens": 2}
    )
    assert wide.status_code == 400 and wide.json()["error"]["param"] == "seed"
    # JSON may carry a lone surrogate as "\ud800"; Python's json writes it that way.
    raw = json.dumps({"model": PERSONA, "messages": chat("bad \ud800 text"), "max_tokens": 2})
    surrogate = httpx.post(url, content=raw, headers={"content-type": "application/json"})
    assert surrogate.status_code == 400
    assert surrogate.json()["error"]["param"] == "messages[0].content"
    prompt = httpx.post(
        f"{server.base_url}/v1/completions",
        content=json.dumps({"model": PERSONA, "prompt": "x\udfff", "max_tokens": 2}),
        headers={"content-type": "application/json"},
    )
    assert prompt.status_code == 400 and prompt.json()["error"]["param"] == "prompt"


def test_an_abandoned_non_streamed_request_is_aborted(
    server: BackgroundServer, engine: TransformersEngine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # No end-of-text token: every choice runs to max_tokens (seconds), unless it is aborted.
    monkeypatch.setattr(engine, "_eos_ids", set())
    aborted_before = engine.stats.finished["abort"]
    body = {
        "model": PERSONA,
        "messages": chat("Tell me everything"),
        "max_tokens": MAX_TOKENS_LIMIT,
        "n": 4,
        "temperature": 1.0,
    }
    with pytest.raises(httpx.TimeoutException):
        httpx.post(f"{server.base_url}/v1/chat/completions", json=body, timeout=0.3)
    # The engine hears of the disconnect and drops all four choices, not runs them to the end.
    deadline = time.monotonic() + 10
    while engine.stats.finished["abort"] < aborted_before + 4:
        assert time.monotonic() < deadline, "the abandoned request kept its engine slots"
        time.sleep(0.02)
    while metric(server, "likeness_openai_requests_running") != 0:
        assert time.monotonic() < deadline, "the running-requests gauge never went back to 0"
        time.sleep(0.05)


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
def test_healthz_reports_a_dead_engine(tiny_model_dir: Path, tmp_path: Path) -> None:
    from engine_faults import kill_worker

    db = make_db(tmp_path / "health.db")
    dying = TransformersEngine.load(str(tiny_model_dir))
    app = create_app(dying, db, Settings(data_dir=tmp_path / "data"))
    with BackgroundServer(app) as server:
        assert httpx.get(f"{server.base_url}/healthz").status_code == 200
        kill_worker(dying)
        health = httpx.get(f"{server.base_url}/healthz")
        assert health.status_code == 503 and health.json()["status"] == "engine_failed"
        client = OpenAI(base_url=f"{server.base_url}/v1", api_key="x", max_retries=0)
        with client, pytest.raises(openai.InternalServerError) as caught:
            greedy_chat(client, "Hi")
        assert caught.value.status_code == 503
    db.dispose()


def test_revoking_the_last_key_closes_a_public_server(tiny_model_dir: Path, tmp_path: Path) -> None:
    from likeness.core.auth import revoke_api_key

    db = make_db(tmp_path / "closed.db")
    key = create_api_key(db, "only")
    app = create_app(
        TransformersEngine.load(str(tiny_model_dir)), db, Settings(data_dir=tmp_path / "data")
    )
    with BackgroundServer(app) as server:
        bind_app(app, "0.0.0.0")  # as `serve inference --host 0.0.0.0` does
        models = f"{server.base_url}/v1/models"
        headers = {"authorization": f"Bearer {key}"}
        assert httpx.get(models, headers=headers).status_code == 200
        revoke_api_key(db, "only")
        app.state.access_policy.key_checker._loaded_at = None  # skip the cache's 5 s
        refused = httpx.get(models)
        assert refused.status_code == 401, refused.text  # never open, though no key is active
        assert httpx.get(models, headers=headers).status_code == 401
    db.dispose()
