"""Where CLI commands go: straight to the database (embedded) or to a running ingest service.

Both backends return the same dataclasses, so every command renders one way in both modes.
Embedded is the default; setting ``LIKENESS_INGEST_ADDR`` (or ``--server``) selects remote.
"""

from __future__ import annotations

from pathlib import Path
from typing import Protocol

from sqlalchemy import Engine

from likeness.core.db import open_database
from likeness.core.settings import Settings
from likeness.ingest.corpus import PersonaStats, PostPage, list_posts, persona_stats
from likeness.ingest.importers.registry import ImportOptions
from likeness.ingest.importing import import_path
from likeness.ingest.personas import PersonaInfo, create_persona, list_personas
from likeness.ingest.progress import ProgressFn, no_progress
from likeness.ingest.summary import ImportSummary


class Backend(Protocol):
    def import_file(
        self,
        path: Path,
        persona: str,
        *,
        fmt: str,
        options: ImportOptions,
        progress: ProgressFn,
    ) -> ImportSummary: ...

    def stats(self, persona: str) -> PersonaStats: ...

    def list_posts(
        self,
        persona: str,
        *,
        flags_any: list[str],
        flags_none: list[str],
        kept_only: bool,
        query: str | None,
        platform: str | None,
        page_size: int,
        page_token: str,
    ) -> PostPage: ...

    def create_persona(
        self,
        slug: str,
        display_name: str | None,
        card: str | None,
        exclude_flags: list[str] | None = None,
    ) -> PersonaInfo: ...

    def list_personas(self) -> list[PersonaInfo]: ...

    def close(self) -> None: ...


class EmbeddedBackend:
    """The database in-process (SQLite in the data dir unless LIKENESS_DATABASE_URL says)."""

    def __init__(self, settings: Settings, engine: Engine | None = None):
        self.settings = settings
        self.engine = engine or open_database(settings)

    def import_file(
        self,
        path: Path,
        persona: str,
        *,
        fmt: str = "auto",
        options: ImportOptions | None = None,
        progress: ProgressFn = no_progress,
    ) -> ImportSummary:
        return import_path(
            self.engine,
            path,
            persona,
            fmt=fmt,
            options=options,
            settings=self.settings,
            progress=progress,
        )

    def stats(self, persona: str) -> PersonaStats:
        return persona_stats(self.engine, persona)

    def list_posts(self, persona: str, **filters: object) -> PostPage:
        return list_posts(self.engine, persona, **filters)  # type: ignore[arg-type]

    def create_persona(
        self,
        slug: str,
        display_name: str | None,
        card: str | None,
        exclude_flags: list[str] | None = None,
    ) -> PersonaInfo:
        return create_persona(self.engine, slug, display_name, card, exclude_flags)

    def list_personas(self) -> list[PersonaInfo]:
        return list_personas(self.engine)

    def close(self) -> None:
        self.engine.dispose()


def open_backend(settings: Settings) -> Backend:
    if settings.ingest_addr:
        from likeness.ingest.client import IngestClient

        return IngestClient(settings.ingest_addr, api_key=settings.api_key)  # type: ignore[return-value]
    return EmbeddedBackend(settings)
