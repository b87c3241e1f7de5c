"""Fixtures of the terminal-app tests: the sample archive in a fresh SQLite database, and the
services over it on loopback (deterministic proposals, the tiny model for everything else).

The screens are tested through the real gRPC servers; PostgreSQL is covered by the services' own
tests and by the end-to-end test (``test_end_to_end.py``), which runs on both databases.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from label_fakes import FakeProposer
from sqlalchemy import Engine
from tui_services import loopback_services

from likeness.core.db import create_db_engine
from likeness.core.settings import Settings
from likeness.inference.engines.transformers_engine import TransformersEngine
from likeness.ingest.importing import import_path
from likeness.tui.services import Services

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "examples" / "sample-archive"
PERSONA = "mags"


@pytest.fixture
def tui_settings(tmp_path: Path, sqlite_template: Path, tiny_model_dir: Path) -> Settings:
    path = tmp_path / "likeness.db"
    shutil.copy(sqlite_template, path)
    return Settings(
        data_dir=tmp_path / "data",
        database_url=f"sqlite:///{path}",
        engine="transformers",
        model=str(tiny_model_dir),
        label_prefetch=2,
    )


@pytest.fixture
def mags_db(tui_settings: Settings) -> Iterator[Engine]:
    """The bundled sample archive (persona ``mags``, 330 posts) imported."""
    db = create_db_engine(tui_settings.database_url)
    import_path(db, SAMPLE, PERSONA, settings=tui_settings)
    yield db
    db.dispose()


@pytest.fixture
def proposer() -> FakeProposer:
    return FakeProposer()


@pytest.fixture
def services(
    tui_settings: Settings, mags_db: Engine, tiny_model_dir: Path, proposer: FakeProposer
) -> Iterator[Services]:
    engine = TransformersEngine.load(str(tiny_model_dir))
    with loopback_services(tui_settings, mags_db, engine, proposer=proposer) as found:
        yield found
