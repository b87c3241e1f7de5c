"""Shared fixtures: a real PostgreSQL database per test run, SQLite files, the shared corpora.

PostgreSQL comes from ``LIKENESS_TEST_POSTGRES_URL`` (default: the local server with trust auth).
A fresh database is created for the run and dropped afterwards. When the server is unreachable
the PostgreSQL tests are skipped on a laptop but *fail* in CI (``CI`` set).
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import Engine, text

from likeness.core.db import create_db_engine, upgrade_database
from likeness.core.db.models import Base

PG_ADMIN_URL = os.environ.get(
    "LIKENESS_TEST_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
CORPORA = Path(__file__).resolve().parents[2] / "shared" / "corpora"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    name = f"likeness_test_{uuid.uuid4().hex[:12]}"
    try:
        admin = psycopg.connect(PG_ADMIN_URL, autocommit=True, connect_timeout=5)
    except psycopg.OperationalError as exc:
        message = f"PostgreSQL unreachable at {PG_ADMIN_URL}: {exc}"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    with admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    base, _, _ = PG_ADMIN_URL.rpartition("/")
    url = f"{base}/{name}"
    engine = create_db_engine(url)
    upgrade_database(engine)
    engine.dispose()
    yield url
    with psycopg.connect(PG_ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("sqlite-template") / "template.db"
    engine = create_db_engine(f"sqlite:///{path}")
    upgrade_database(engine)
    engine.dispose()
    return path


def _truncate_all(engine: Engine) -> None:
    tables = [t.name for t in reversed(Base.metadata.sorted_tables)]
    with engine.begin() as conn:
        conn.execute(text(f"TRUNCATE {', '.join(tables)} RESTART IDENTITY CASCADE"))


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db_url(request: pytest.FixtureRequest, tmp_path: Path, sqlite_template: Path) -> Iterator[str]:
    """A migrated, empty database: once on SQLite and once on PostgreSQL."""
    if request.param == "sqlite":
        path = tmp_path / "likeness.db"
        shutil.copy(sqlite_template, path)
        yield f"sqlite:///{path}"
        return
    url = request.getfixturevalue("pg_url")
    engine = create_db_engine(url)
    _truncate_all(engine)
    engine.dispose()
    yield url


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    eng = create_db_engine(db_url)
    yield eng
    eng.dispose()


@pytest.fixture
def corpora() -> Path:
    if not CORPORA.is_dir():
        pytest.skip(f"real corpora not present at {CORPORA} (they live outside the repository)")
    return CORPORA
