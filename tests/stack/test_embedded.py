"""The embedded stack: every service in this process on loopback, reachable through its client,
with a session key that keeps working once stored API keys exist, and nothing left after close."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import Engine

from likeness.core.auth import create_api_key
from likeness.core.grpc_client import NotAuthenticated
from likeness.core.health import GRPC_NAMES, serving
from likeness.core.settings import Settings
from likeness.inference.client import InferenceClient
from likeness.inference.engines.transformers_engine import TransformersEngine
from likeness.ingest.client import IngestClient
from likeness.ingest.importing import import_path
from likeness.labeler.client import LabelerClient
from likeness.stack.embedded import EmbeddedStack
from likeness.trainer.client import TrainerClient

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample-archive"


@pytest.fixture
def settings(tmp_path: Path, db_url: str, tiny_model_dir: Path) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        database_url=db_url,
        engine="transformers",
        model=str(tiny_model_dir),
        label_prefetch=0,
    )


def test_every_service_answers_and_stops_with_the_stack(
    settings: Settings, engine: Engine, tiny_model_dir: Path
) -> None:
    stack = EmbeddedStack(settings, engine=TransformersEngine.load(str(tiny_model_dir)), workers=1)
    with stack:
        found = stack.addresses
        where = {
            "ingest": found.ingest,
            "inference": found.inference,
            "labeler": found.labeler,
            "drafts": found.labeler,
            "trainer": found.trainer,
        }
        for service, addr in where.items():
            assert addr.startswith("127.0.0.1:")
            assert serving(addr, GRPC_NAMES[service]) is True, service  # type: ignore[index]
        with IngestClient(found.ingest, stack.key) as ingest:
            ingest.create_persona("mags", display_name="Mags")
            assert [p.slug for p in ingest.list_personas()] == ["mags"]
        with TrainerClient(found.trainer, stack.key) as trainer:
            assert trainer.list_jobs() == []
        with LabelerClient(found.labeler, stack.key) as labeler:
            assert labeler.progress("mags").labeled == 0
        with InferenceClient(found.inference, stack.key) as inference:
            assert inference.list_models("mags") == []
    for addr in where.values():
        assert serving(addr, GRPC_NAMES["ingest"], timeout_s=0.5) is None  # nothing listens


def test_the_session_key_works_once_stored_keys_exist(
    settings: Settings, engine: Engine, tiny_model_dir: Path
) -> None:
    create_api_key(engine, "laptop")  # from now on every call must carry a valid key
    stack = EmbeddedStack(settings, engine=TransformersEngine.load(str(tiny_model_dir)), workers=0)
    with stack:
        with IngestClient(stack.addresses.ingest) as anonymous, pytest.raises(NotAuthenticated):
            anonymous.list_personas()
        with IngestClient(stack.addresses.ingest, stack.key) as client:
            assert client.list_personas() == []
        # The labeler asks the inference service for proposals with the same key.
        import_path(engine, SAMPLE, "mags", settings=settings)
        with LabelerClient(stack.addresses.labeler, stack.key) as labeler:
            task = labeler.next_task("mags", "ann")
        assert task.proposals and task.generator


def test_a_second_stack_gets_another_key(settings: Settings, engine: Engine) -> None:
    assert EmbeddedStack(settings).key != EmbeddedStack(settings).key
