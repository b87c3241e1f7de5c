"""The model registry: register, list, get, activate (one active per persona and kind: the
persona adapter and normaliser slots are independent)."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from likeness.core.db.models import Persona
from likeness.core.errors import ModelNotFound, PersonaNotFound
from likeness.core.model_messages import model_from_message, model_message
from likeness.core.registry import (
    ModelKind,
    NewModel,
    NotAnAdapter,
    activate,
    active_model,
    get_model,
    list_models,
    register,
    trained_prompt_version,
)


@pytest.fixture
def personas(engine: Engine) -> tuple[str, str]:
    with Session(engine) as session, session.begin():
        for slug in ("alice", "bob"):
            session.add(Persona(slug=slug, display_name=slug, card="", settings={}))
    return "alice", "bob"


def _adapter(persona: str, kind: ModelKind = ModelKind.PERSONA_LORA, **extra: object) -> NewModel:
    return NewModel(
        kind=kind,
        persona=persona,
        base_model="tiny-base",
        adapter_path=f"/runs/{persona}/adapter",
        chat_template_sha256="a" * 64,
        metrics={"loss": 1.5, "note": "not a number"},
        **extra,  # type: ignore[arg-type]
    )


def test_kinds_are_the_stored_strings() -> None:
    assert ModelKind.PERSONA_LORA == "persona-lora"
    assert {k.value for k in ModelKind} == {
        "persona-lora",
        "persona-full",
        "normalizer",
        "reward",
        "scratch",
    }


def test_register_then_get_and_list(engine: Engine, personas: tuple[str, str]) -> None:
    first = register(engine, _adapter("alice"))
    second = register(engine, _adapter("bob"))
    reward = register(
        engine, NewModel(kind=ModelKind.REWARD, persona="", base_model="", adapter_path="/r")
    )
    info = get_model(engine, first)
    assert (info.persona, info.kind, info.active) == ("alice", "persona-lora", False)
    assert info.metrics == {"loss": 1.5}  # only numbers are metrics
    assert [m.id for m in list_models(engine)] == [first, second, reward]
    assert [m.id for m in list_models(engine, persona="bob")] == [second]
    assert [m.id for m in list_models(engine, kind=ModelKind.REWARD)] == [reward]
    assert get_model(engine, reward).persona == ""


def test_unknowns_are_typed(engine: Engine, personas: tuple[str, str]) -> None:
    with pytest.raises(ModelNotFound, match="nope"):
        get_model(engine, "nope")
    with pytest.raises(ModelNotFound):
        activate(engine, "nope")
    with pytest.raises(PersonaNotFound):
        register(engine, _adapter("nobody"))
    assert list_models(engine) == []


def test_one_active_model_per_persona_and_kind(engine: Engine, personas: tuple[str, str]) -> None:
    old, new = register(engine, _adapter("alice")), register(engine, _adapter("alice"))
    other = register(engine, _adapter("bob"))
    assert activate(engine, old).active
    activate(engine, other)
    assert activate(engine, new).active
    states = {m.id: m.active for m in list_models(engine)}
    assert states == {old: False, new: True, other: True}  # bob's stays active
    found = active_model(engine, "alice", ModelKind.PERSONA_LORA)
    assert found is not None and found.id == new
    assert active_model(engine, "alice", ModelKind.NORMALIZER) is None


def test_reward_scratch_and_loose_models_cannot_be_activated(
    engine: Engine, personas: tuple[str, str]
) -> None:
    reward = register(engine, _adapter("alice", ModelKind.REWARD))
    scratch = register(engine, _adapter("alice", ModelKind.SCRATCH))
    loose = register(
        engine, NewModel(kind="persona-lora", persona="", base_model="b", adapter_path="/x")
    )
    for model_id in (reward, scratch, loose):
        with pytest.raises(NotAnAdapter):
            activate(engine, model_id)
    assert not any(m.active for m in list_models(engine))


def test_a_normaliser_fills_its_own_slot_beside_the_persona_adapter(
    engine: Engine, personas: tuple[str, str]
) -> None:
    persona_adapter = activate(engine, register(engine, _adapter("alice"))).id
    v2 = {"prompt_version": "normalizer-v2"}
    first = register(engine, _adapter("alice", ModelKind.NORMALIZER, config=v2))
    second = register(engine, _adapter("alice", ModelKind.NORMALIZER, config=v2))
    assert activate(engine, first).active
    assert activate(engine, second).active
    states = {m.id: m.active for m in list_models(engine)}
    # The newer normaliser replaced the older one; the persona adapter was never touched.
    assert states == {persona_adapter: True, first: False, second: True}
    normalizer = active_model(engine, "alice", ModelKind.NORMALIZER)
    adapter = active_model(engine, "alice", ModelKind.PERSONA_LORA)
    assert normalizer is not None and normalizer.id == second
    assert adapter is not None and adapter.id == persona_adapter
    # And activating a persona adapter leaves the normaliser as it is.
    activate(engine, register(engine, _adapter("alice")))
    normalizer = active_model(engine, "alice", ModelKind.NORMALIZER)
    assert normalizer is not None and normalizer.id == second


def test_a_normaliser_is_served_with_the_prompt_version_it_was_trained_on(
    engine: Engine, personas: tuple[str, str]
) -> None:
    v2 = register(
        engine, _adapter("alice", ModelKind.NORMALIZER, config={"prompt_version": "normalizer-v2"})
    )
    older = register(engine, _adapter("alice", ModelKind.NORMALIZER))  # recorded nothing
    future = register(
        engine, _adapter("alice", ModelKind.NORMALIZER, config={"prompt_version": "normalizer-v9"})
    )
    assert trained_prompt_version(engine, v2) == "normalizer-v2"
    # Trained before models recorded a version, when v1 was the only normaliser prompt.
    assert trained_prompt_version(engine, older) == "normalizer-v1"
    with pytest.raises(NotAnAdapter, match="normalizer-v9"):
        activate(engine, future)  # a prompt this code cannot render: refused, nothing changed
    assert not get_model(engine, future).active
    with pytest.raises(ModelNotFound):
        trained_prompt_version(engine, "nope")


def test_the_proto_conversion_round_trips(engine: Engine, personas: tuple[str, str]) -> None:
    info = activate(engine, register(engine, _adapter("alice")))
    assert model_from_message(model_message(info)) == info
