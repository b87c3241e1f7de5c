"""``open_database(settings)``: the engine every server, command and benchmark uses.

Creating the engine and bringing the schema up to date always go together, so they live in one
function; migrations run once per database URL in a process, however many callers open it.
"""

from __future__ import annotations

import threading

from sqlalchemy import Engine

from likeness.core.db.engine import create_db_engine, normalise_url
from likeness.core.db.migrate import upgrade_database
from likeness.core.settings import Settings

_migrated: set[str] = set()
_lock = threading.Lock()


def open_database(settings: Settings, *, migrate: bool = True) -> Engine:
    """A new engine on ``settings.resolved_database_url``, migrated to the newest revision.

    The caller owns the engine (``engine.dispose()`` when done). ``migrate=False`` is for tools
    that must see the schema as it is (``likeness db current``).
    """
    url = settings.resolved_database_url
    engine = create_db_engine(url)
    if migrate:
        key = normalise_url(url)
        with _lock:
            if key not in _migrated:
                try:
                    upgrade_database(engine)
                except BaseException:
                    engine.dispose()
                    raise
                _migrated.add(key)
    return engine
