"""Run Alembic migrations programmatically (no alembic.ini needed by users).

``likeness db upgrade`` and every embedded start call ``upgrade_database``; developers add a
revision with ``make migration MSG="..."``, which autogenerates the next numbered revision in
``migrations/versions`` from the models against the configured database (review it: Alembic
misses renames and server defaults).
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from sqlalchemy import Engine

MIGRATIONS_DIR = Path(__file__).parent / "migrations"


def alembic_config(engine: Engine) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.attributes["engine"] = engine
    return config


def upgrade_database(engine: Engine, revision: str = "head") -> None:
    command.upgrade(alembic_config(engine), revision)
