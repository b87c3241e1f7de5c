"""The persona's current normaliser: its active normaliser adapter with the prompt version it was
trained on, else the bare base model with the current version; loaded into the engine once."""

from __future__ import annotations

import asyncio
from pathlib import Path

import pytest
from active_normalizer import add_active_normalizer
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from likeness.core.db.models import Persona
from likeness.core.errors import PersonaNotFound
from likeness.core.prompts import NORMALIZER_PROMPT_VERSION, normalizer_messages
from likeness.core.registry import activate
from likeness.inference.engines.base import AdapterInfo
from likeness.inference.engines.transformers_engine import TransformersEngine
from likeness.inference.normalizers import current_normalizer, normalizer_prompt
from likeness.inference.serving import ModelResolver


@pytest.fixture
def persona(engine: Engine) -> str:
    with Session(engine) as session, session.begin():
        session.add(Persona(slug="mags", display_name="Mags", card="You are Mags.", settings={}))
    return "mags"


def test_without_a_trained_normaliser_the_base_model_normalises_with_the_current_prompt(
    engine: Engine, persona: str
) -> None:
    normalizer = current_normalizer(engine, persona, base_name="tiny-base")
    assert normalizer.adapter is None
    assert (normalizer.model_id, normalizer.prompt_version) == (
        "tiny-base",
        NORMALIZER_PROMPT_VERSION,
    )
    with pytest.raises(PersonaNotFound):
        current_normalizer(engine, "nobody", base_name="tiny-base")


def test_the_active_normaliser_comes_with_the_prompt_it_was_trained_on(
    engine: Engine, persona: str, tiny_model_dir: Path, tiny_adapter_dir: Path
) -> None:
    model = TransformersEngine.load(str(tiny_model_dir))
    older = add_active_normalizer(engine, persona, tiny_adapter_dir, model)
    trained_v1 = add_active_normalizer(
        engine, persona, tiny_adapter_dir, model, prompt_version="normalizer-v1"
    )
    normalizer = current_normalizer(engine, persona, base_name="tiny-base")
    assert normalizer.model_id == trained_v1  # the newest activation won
    assert normalizer.prompt_version == "normalizer-v1"
    assert normalizer.adapter is not None
    assert normalizer.adapter.name == f"normalizer-{trained_v1}"
    assert normalizer.adapter.path == str(tiny_adapter_dir)
    activate(engine, older)
    assert current_normalizer(engine, persona, base_name="x").prompt_version == "normalizer-v2"


def test_the_prompt_is_the_versioned_normaliser_prompt_rendered_by_the_engine(
    tiny_model_dir: Path,
) -> None:
    model = TransformersEngine.load(str(tiny_model_dir))
    post = "RT @x: hello #sea"
    for version in ("normalizer-v1", "normalizer-v2"):
        prompt = normalizer_prompt(model, post, version)
        assert prompt == model.render_chat(normalizer_messages(post, version=version))
    assert normalizer_prompt(model, post, "normalizer-v1") != normalizer_prompt(
        model, post, "normalizer-v2"
    )


def test_the_resolver_loads_a_normaliser_once_beside_the_persona_adapter(
    engine: Engine,
    persona: str,
    tiny_model_dir: Path,
    tiny_adapter_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    model = TransformersEngine.load(str(tiny_model_dir))
    model_id = add_active_normalizer(engine, persona, tiny_adapter_dir, model)
    loads: list[AdapterInfo] = []
    real_load = model.load_adapter

    async def counting_load(info: AdapterInfo) -> None:
        loads.append(info)
        await real_load(info)

    monkeypatch.setattr(model, "load_adapter", counting_load)
    resolver = ModelResolver(model, engine)

    async def resolve_many() -> None:
        found = await asyncio.gather(*(resolver.normalizer(persona) for _ in range(5)))
        assert {n.model_id for n in found} == {model_id}
        base = await resolver.normalizer("")
        assert base.adapter is None and base.model_id == resolver.base_name
        # The persona itself has no persona adapter: chat stays on the base weights.
        served = await resolver.resolve(persona)
        assert served.adapter is None
        with pytest.raises(PersonaNotFound):
            await resolver.normalizer("nobody")

    asyncio.run(resolve_many())
    assert [info.name for info in loads] == [f"normalizer-{model_id}"]
