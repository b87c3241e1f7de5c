"""The shared serving layer (``likeness.inference.serving``): one set of rules for HTTP and gRPC,
and the resolver that loads each persona's adapter into the engine once."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from likeness.core.db.models import Model, Persona
from likeness.core.errors import PersonaNotFound
from likeness.inference.engines.base import AdapterInfo
from likeness.inference.engines.transformers_engine import TransformersEngine
from likeness.inference.serving import (
    InvalidRequest,
    ModelResolver,
    chat_messages,
    choice_sampling,
    public_model_name,
    sampling_params,
)


def sampling(**given: object):  # type: ignore[no-untyped-def]
    params: dict[str, object] = {
        "max_tokens": {"max_tokens": None},
        "temperature": None,
        "top_p": None,
        "stop": None,
        "seed": None,
        "default_max_tokens": 64,
    }
    params.update(given)
    return sampling_params(**params)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("given", "param"),
    [
        ({"temperature": 2.5}, "temperature"),
        ({"temperature": float("nan")}, "temperature"),
        ({"top_p": 0.0}, "top_p"),
        ({"max_tokens": {"max_tokens": 0}}, "max_tokens"),
        ({"seed": 2**70}, "seed"),
        ({"stop": ["a", "b", "c", "d", "e"]}, "stop"),
        ({"stop": ["\ud800"]}, "stop[0]"),
    ],
)
def test_sampling_refusals_name_the_parameter(given: dict[str, object], param: str) -> None:
    with pytest.raises(InvalidRequest) as refused:
        sampling(**given)
    assert refused.value.param == param


def test_sampling_defaults_caps_and_greedy_threshold() -> None:
    params = sampling()
    assert (params.max_tokens, params.temperature, params.top_p) == (64, 1.0, 1.0)
    assert sampling(max_tokens={"max_tokens": 10**6}).max_tokens == 2048  # the server's cap
    both = {"max_tokens": 30, "max_completion_tokens": 20}
    assert sampling(max_tokens=both).max_tokens == 20  # the stricter wins
    assert sampling(temperature=1e-40).temperature == 0.0  # too small to divide by: greedy
    assert sampling(temperature=1e-3).temperature == 1e-3


def test_choice_seeds_stay_64_bit() -> None:
    top = sampling(seed=2**63 - 1)
    assert choice_sampling(top, 0).seed == 2**63 - 1
    assert choice_sampling(top, 1).seed == -(2**63)  # wraps instead of overflowing torch
    assert choice_sampling(sampling(seed=5), 2).seed == 7


def test_one_message_validator() -> None:
    assert chat_messages([("developer", "be brief"), ("user", "hi")]) == [
        {"role": "system", "content": "be brief"},
        {"role": "user", "content": "hi"},
    ]
    for bad, param in (
        ([], "messages"),
        ([("tool", "42")], "messages[0].role"),
        ([("user", "ok"), ("user", "a \udc80 b")], "messages[1].content"),
    ):
        with pytest.raises(InvalidRequest) as refused:
            chat_messages(bad)
        assert refused.value.param == param


def test_public_model_name_hides_paths(tmp_path: Path) -> None:
    folder = tmp_path / "models" / "SmolLM2-135M-Instruct"
    folder.mkdir(parents=True)
    assert public_model_name(str(folder)) == "SmolLM2-135M-Instruct"
    assert public_model_name(str(folder) + "/") == "SmolLM2-135M-Instruct"
    assert public_model_name("HuggingFaceTB/SmolLM2-135M-Instruct") == (
        "HuggingFaceTB/SmolLM2-135M-Instruct"
    )


def test_resolver_loads_an_adapter_once(
    engine: Engine,
    tiny_model_dir: Path,
    tiny_adapter_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = TransformersEngine.load(str(tiny_model_dir))
    with Session(engine) as session, session.begin():
        persona = Persona(slug="mags", display_name="Mags", card="You are Mags.", settings={})
        session.add(persona)
        session.flush()
        session.add(
            Model(
                id="m1",
                persona_id=persona.id,
                kind="persona-lora",
                base_model=model.model_id,
                adapter_path=str(tiny_adapter_dir),
                chat_template_sha256=model.chat_template_sha256,
                config={},
                metrics={},
                active=True,
            )
        )
    loads: list[AdapterInfo] = []
    real_load = model.load_adapter

    async def counting_load(info: AdapterInfo) -> None:
        loads.append(info)
        await real_load(info)

    monkeypatch.setattr(model, "load_adapter", counting_load)
    resolver = ModelResolver(model, engine)

    async def resolve_many() -> None:
        served = await asyncio.gather(*(resolver.resolve("mags") for _ in range(5)))
        assert {s.adapter for s in served} == {loads[0].name}
        assert all(s.card == "You are Mags." for s in served)
        base = await resolver.resolve(resolver.base_name)
        assert base.card is None and base.adapter is None and "/" not in base.id
        with pytest.raises(PersonaNotFound):
            await resolver.resolve("nobody")

    asyncio.run(resolve_many())
    assert len(loads) == 1  # the gRPC servicer used to load it on every request
