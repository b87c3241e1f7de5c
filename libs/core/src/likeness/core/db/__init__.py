"""Database access: SQLAlchemy 2 models, engines for PostgreSQL and SQLite, Alembic migrations."""

from likeness.core.db.engine import create_db_engine, is_postgres, session_factory
from likeness.core.db.migrate import upgrade_database
from likeness.core.db.open import open_database

__all__ = [
    "create_db_engine",
    "is_postgres",
    "open_database",
    "session_factory",
    "upgrade_database",
]
