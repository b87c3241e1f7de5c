"""Alembic environment: uses the engine handed over in ``config.attributes``."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from likeness.core.db.engine import normalise_url
from likeness.core.db.models import Base
from likeness.core.settings import get_settings

config = context.config
engine = config.attributes.get("engine")
if engine is None:
    engine = create_engine(normalise_url(get_settings().resolved_database_url))

with engine.begin() as connection:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        # SQLite cannot ALTER most things; batch mode rebuilds the table instead.
        render_as_batch=connection.dialect.name == "sqlite",
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()
