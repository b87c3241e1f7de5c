"""training_jobs: submitting validates before queueing; activation goes through the registry and,
when one is handed in, the inference client — never a gRPC call of its own."""

from __future__ import annotations

import uuid
from pathlib import Path

import pytest
from report_cards import add_passing_report
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from steps_recipe import use_steps_recipe

from likeness.core import jobs
from likeness.core.db.models import Model, Persona
from likeness.core.errors import ModelNotFound, PersonaNotFound
from likeness.core.registry import ModelInfo, NotAnAdapter, get_model
from likeness.core.settings import Settings
from likeness.inference.client import InferenceClient
from likeness.inference.engines.base import AdapterMismatch
from likeness.trainer.recipes.registry import UnknownRecipe
from likeness.trainer.training_jobs import (
    ActivationRefused,
    InvalidConfig,
    activate,
    submit_training,
)

STEPS = "test-steps"


@pytest.fixture
def steps_recipe(monkeypatch: pytest.MonkeyPatch) -> str:
    return use_steps_recipe(monkeypatch)


@pytest.fixture
def settings(tmp_path: Path, db_url: str) -> Settings:
    return Settings(_env_file=None, data_dir=tmp_path / "data", database_url=db_url)


@pytest.fixture
def adapter(engine: Engine) -> str:
    """A persona adapter of ``mags`` in the registry, inactive."""
    model_id = uuid.uuid4().hex
    with Session(engine) as session, session.begin():
        persona = Persona(slug="mags", display_name="Mags", card="", settings={})
        session.add(persona)
        session.flush()
        session.add(
            Model(
                id=model_id,
                persona_id=persona.id,
                kind="persona-lora",
                base_model="tiny",
                adapter_path="/runs/x/adapter",
                config={},
                metrics={},
            )
        )
    add_passing_report(engine, model_id)  # the serving gate lets it through
    return model_id


class RecordingInference:
    """Stands in for the running service: says what it would answer, records what it was asked."""

    def __init__(self, fail_with: Exception | None = None) -> None:
        self.asked: list[str] = []
        self.fail_with = fail_with

    def activate(self, model_id: str, *, force: bool = False) -> ModelInfo:
        self.asked.append(model_id)
        if self.fail_with is not None:
            raise self.fail_with
        return ModelInfo(
            model_id, "mags", "persona-lora", "tiny", "", "", "", True, served_now=True
        )


# --- submit ----------------------------------------------------------------------------------


def test_submit_queues_the_config_as_given(engine: Engine, steps_recipe: str, adapter: str) -> None:
    job_id = submit_training(engine, steps_recipe, "mags", {"steps": 3}, priority=2)
    job = jobs.get(engine, job_id)
    assert (job.kind, job.persona, job.config, job.status) == (
        STEPS,
        "mags",
        {"steps": 3},
        "queued",
    )


def test_submit_refuses_before_queueing(engine: Engine, steps_recipe: str, adapter: str) -> None:
    with pytest.raises(UnknownRecipe, match="nope"):
        submit_training(engine, "nope", "mags", {})
    with pytest.raises(InvalidConfig, match="steps"):
        submit_training(engine, steps_recipe, "mags", {"steps": "many"})
    with pytest.raises(InvalidConfig, match="no_such_option"):
        submit_training(engine, steps_recipe, "mags", {"no_such_option": 1})
    with pytest.raises(PersonaNotFound, match="nobody"):
        submit_training(engine, steps_recipe, "nobody", {})
    with pytest.raises(ValueError, match="needs a persona"):
        submit_training(engine, steps_recipe, "", {})
    assert jobs.list_jobs(engine) == []


# --- activate --------------------------------------------------------------------------------


def test_activate_without_a_client_marks_the_registry(
    engine: Engine, settings: Settings, adapter: str
) -> None:
    info = activate(engine, settings, adapter)
    assert info.active and not info.served_now
    assert get_model(engine, adapter).active


def test_activate_goes_through_the_client_it_is_given(
    engine: Engine, settings: Settings, adapter: str
) -> None:
    inference = RecordingInference()
    info = activate(engine, settings, adapter, inference)
    assert inference.asked == [adapter] and info.served_now
    # The database is the service's to change (it marks the model once it is loaded).
    assert not get_model(engine, adapter).active


def _normalizer(db: Engine, prompt_version: str) -> str:
    """A trained normaliser of ``mags`` (the persona the ``adapter`` fixture makes), inactive."""
    model_id = uuid.uuid4().hex
    with Session(db) as session, session.begin():
        owner = session.query(Persona.id).filter_by(slug="mags").scalar()
        session.add(
            Model(
                id=model_id,
                persona_id=owner,
                kind="normalizer",
                base_model="tiny",
                adapter_path="/runs/n/adapter",
                config={"recipe": "normalizer-sft", "prompt_version": prompt_version},
                metrics={},
            )
        )
    return model_id


def test_a_normaliser_activates_beside_the_persona_adapter(
    engine: Engine, settings: Settings, adapter: str
) -> None:
    activate(engine, settings, adapter)
    normalizer = _normalizer(engine, "normalizer-v2")
    info = activate(engine, settings, normalizer)
    assert info.active and info.kind == "normalizer"
    assert get_model(engine, adapter).active  # the persona adapter's slot is its own
    inference = RecordingInference()
    activate(engine, settings, _normalizer(engine, "normalizer-v2"), inference)
    assert len(inference.asked) == 1  # forwarded to the running service like any adapter
    unknown = _normalizer(engine, "normalizer-v9")
    with pytest.raises(NotAnAdapter, match="normalizer-v9"):
        activate(engine, settings, unknown, inference)
    assert len(inference.asked) == 1


def test_registry_errors_come_first_without_a_round_trip(
    engine: Engine, settings: Settings, adapter: str
) -> None:
    inference = RecordingInference()
    with pytest.raises(ModelNotFound):
        activate(engine, settings, "nope", inference)
    reward = uuid.uuid4().hex
    with Session(engine) as session, session.begin():
        session.add(Model(id=reward, kind="reward", base_model="b", config={}, metrics={}))
    with pytest.raises(NotAnAdapter):
        activate(engine, settings, reward, inference)
    assert inference.asked == []


@pytest.mark.parametrize(
    "refusal",
    [
        AdapterMismatch("trained with another chat template"),
        FileNotFoundError("no adapter"),
        RuntimeError("the engine failed loading it"),
    ],
)
def test_a_refusing_service_is_activation_refused(
    engine: Engine, settings: Settings, adapter: str, refusal: Exception
) -> None:
    with pytest.raises(ActivationRefused, match="refused: "):
        activate(engine, settings, adapter, RecordingInference(refusal))
    assert not get_model(engine, adapter).active


def test_an_unreachable_service_is_activation_refused(
    engine: Engine, settings: Settings, adapter: str
) -> None:
    client = InferenceClient("127.0.0.1:1", timeout_s=5)
    with client, pytest.raises(ActivationRefused, match="cannot reach the inference service"):
        activate(engine, settings, adapter, client)
    assert not get_model(engine, adapter).active
