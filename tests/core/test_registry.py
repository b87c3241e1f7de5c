"""The model registry: register, list, get, activate (one active per persona and kind)."""

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


def test_only_persona_adapters_can_be_activated(engine: Engine, personas: tuple[str, str]) -> None:
    normalizer = register(engine, _adapter("alice", ModelKind.NORMALIZER))
    loose = register(
        engine, NewModel(kind="persona-lora", persona="", base_model="b", adapter_path="/x")
    )
    for model_id in (normalizer, loose):
        with pytest.raises(NotAnAdapter):
            activate(engine, model_id)
    assert not any(m.active for m in list_models(engine))


def test_the_proto_conversion_round_trips(engine: Engine, personas: tuple[str, str]) -> None:
    info = activate(engine, register(engine, _adapter("alice")))
    assert model_from_message(model_message(info)) == info
