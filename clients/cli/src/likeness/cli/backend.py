"""Where each command group's calls go: in this process (embedded) or to a running service.

An embedded and a remote backend of a group return the same dataclasses, so every command
renders one way in both modes. Embedded is the default; an address (``--server``, or the
``ingest_addr`` / ``trainer_addr`` setting) selects remote. Inference commands run embedded only:
the engine is loaded here. Service packages beyond ingest are imported lazily, so ingest-only
installs work without torch.
"""

from __future__ import annotations

import asyncio
import contextlib
import sys
import threading
from collections.abc import Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

from sqlalchemy import Engine

from likeness.cli.app import fail
from likeness.core.db import open_database
from likeness.core.errors import PersonaNotFound
from likeness.core.settings import Settings
from likeness.ingest.corpus import PersonaStats, PostPage, list_posts, persona_stats
from likeness.ingest.errors import IngestError
from likeness.ingest.importers.registry import ImportOptions
from likeness.ingest.importing import import_path
from likeness.ingest.personas import PersonaInfo, create_persona, list_personas
from likeness.ingest.progress import ProgressFn
from likeness.ingest.summary import ImportSummary

if TYPE_CHECKING:
    from likeness.core.jobs import JobInfo, ProgressReport
    from likeness.core.registry import ModelInfo
    from likeness.inference.engines.base import Engine as InferenceEngine
    from likeness.trainer.training_jobs import JobEvent, TrainingPreview
    from likeness.trainer.worker import Worker

ProgressHook = Callable[["JobInfo", "ProgressReport"], None]
B = TypeVar("B")
T = TypeVar("T")


@contextmanager
def guarded(
    open_backend: Callable[[], B], close: Callable[[B], None], errors: tuple[type[Exception], ...]
) -> Iterator[B]:
    """A backend for one command: domain errors, opening included, become one clean error line."""
    try:
        handle = open_backend()
    except errors as exc:
        raise fail(str(exc)) from exc
    try:
        yield handle
    except errors as exc:
        raise fail(str(exc)) from exc
    finally:
        close(handle)


# --- ingest: import, corpus, personas --------------------------------------------------------


class Ingest(Protocol):
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

    def create_persona(self, slug: str, *, must_exist: bool = False, **fields: Any) -> PersonaInfo:
        """Create or update (``must_exist``: only update); fields as in ingest's create_persona."""

    def list_personas(self) -> list[PersonaInfo]: ...

    def close(self) -> None: ...


class EmbeddedIngest:
    """The database in-process (SQLite in the data dir unless the database_url setting says)."""

    def __init__(self, settings: Settings, engine: Engine | None = None):
        self.settings = settings
        self.engine = engine or open_database(settings)

    def import_file(self, path: Path, persona: str, **options: Any) -> ImportSummary:
        return import_path(self.engine, path, persona, settings=self.settings, **options)

    def stats(self, persona: str) -> PersonaStats:
        return persona_stats(self.engine, persona)

    def list_posts(self, persona: str, **filters: Any) -> PostPage:
        return list_posts(self.engine, persona, **filters)

    def create_persona(self, slug: str, **fields: Any) -> PersonaInfo:
        return create_persona(self.engine, slug, **fields)

    def list_personas(self) -> list[PersonaInfo]:
        return list_personas(self.engine)

    def close(self) -> None:
        self.engine.dispose()


def _remote_ingest(settings: Settings) -> Ingest:
    from likeness.ingest.client import IngestClient

    class RemoteIngest(IngestClient):
        def create_persona(  # type: ignore[override]
            self, slug: str, *, must_exist: bool = False, **fields: Any
        ) -> PersonaInfo:
            # The service's CreatePersona also creates; look first so a typo creates nothing.
            if must_exist and slug not in {p.slug for p in self.list_personas()}:
                raise PersonaNotFound(f"no persona {slug!r}")
            return super().create_persona(slug, **fields)

    return RemoteIngest(settings.ingest_addr or "", api_key=settings.api_key)  # type: ignore[return-value]


def open_ingest(settings: Settings) -> Ingest:
    return _remote_ingest(settings) if settings.ingest_addr else EmbeddedIngest(settings)


def ingest(settings: Settings) -> contextlib.AbstractContextManager[Ingest]:
    return guarded(
        lambda: open_ingest(settings), lambda h: h.close(), (IngestError, PersonaNotFound)
    )


# --- trainer: train, jobs, models ------------------------------------------------------------


class Trainer(Protocol):
    def submit(
        self, recipe: str, persona: str, config: dict[str, Any], *, priority: int = 0
    ) -> str: ...

    def preview(
        self, recipe: str, persona: str, config: dict[str, Any], *, n: int, time_it: bool
    ) -> TrainingPreview: ...

    def get(self, job_id: str) -> JobInfo: ...

    def list_jobs(
        self, *, persona: str | None, statuses: list[str] | None, limit: int
    ) -> list[JobInfo]: ...

    def cancel(self, job_id: str) -> JobInfo: ...

    def watch(self, job_id: str) -> Iterator[JobEvent]: ...

    def list_models(self, persona: str | None = None) -> list[ModelInfo]: ...

    def activate(self, model_id: str, *, force: bool = False) -> ModelInfo: ...

    def close(self) -> None: ...


def training_prints_to_stderr() -> contextlib.AbstractContextManager[object]:
    """Training libraries print their logs to stdout (transformers' PrinterCallback); stdout is
    for this command's own output (``--json`` must stay parseable)."""
    return contextlib.redirect_stdout(sys.stderr)


class EmbeddedTrainer:
    """The queue and the runs in this process, on the configured database."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.db = open_database(settings)

    def submit(self, recipe: str, persona: str, config: dict[str, Any], **options: Any) -> str:
        from likeness.trainer.training_jobs import submit_training

        return submit_training(self.db, recipe, persona, config, **options)

    def preview(
        self, recipe: str, persona: str, config: dict[str, Any], **options: Any
    ) -> TrainingPreview:
        from likeness.trainer.training_jobs import preview_job

        return preview_job(self.db, self.settings, recipe, persona, config, **options)

    def get(self, job_id: str) -> JobInfo:
        from likeness.core import jobs

        return jobs.get(self.db, job_id)

    def list_jobs(self, **filters: Any) -> list[JobInfo]:
        from likeness.core import jobs

        return jobs.list_jobs(self.db, **filters)

    def cancel(self, job_id: str) -> JobInfo:
        from likeness.core import jobs

        return jobs.cancel(self.db, job_id)

    def watch(self, job_id: str) -> Iterator[JobEvent]:
        from likeness.core import jobs
        from likeness.trainer.training_jobs import event_from_job

        return (event_from_job(job) for job in jobs.watch(self.db, job_id))

    def list_models(self, persona: str | None = None) -> list[ModelInfo]:
        from likeness.core.registry import list_models

        return list_models(self.db, persona)

    def activate(self, model_id: str, *, force: bool = False) -> ModelInfo:
        from likeness.inference.client import configured_inference
        from likeness.trainer.training_jobs import activate

        with configured_inference(self.settings) as inference:
            return activate(self.db, self.settings, model_id, inference, force=force)

    def run(self, job_id: str | None, on_progress: ProgressHook) -> tuple[JobInfo | None, bool]:
        """Run one job here (``job_id``, or the next waiting one) with Ctrl-C as a graceful
        stop; (the job as it ended up or None, whether Ctrl-C stopped it)."""
        return self._work(on_progress, lambda worker: worker.run_once(job_id))

    def resume(self, job_id: str, on_progress: ProgressHook) -> tuple[JobInfo | None, bool]:
        """Like :meth:`run`, and also take over the job from a worker that died (its lease ran
        out, or its process on this host is gone). Raises JobHeld when a live worker has it."""
        return self._work(on_progress, lambda worker: worker.run_job(job_id))

    def _work(
        self, on_progress: ProgressHook, go: Callable[[Worker], JobInfo | None]
    ) -> tuple[JobInfo | None, bool]:
        from likeness.core.job_worker import stop_on_signals
        from likeness.trainer.worker import Worker

        stop = threading.Event()
        worker = Worker(self.db, self.settings, on_progress=on_progress, stop=stop)
        with stop_on_signals(stop), training_prints_to_stderr():
            job = go(worker)
        return job, stop.is_set()

    def close(self) -> None:
        self.db.dispose()


def trainer_errors() -> tuple[type[Exception], ...]:
    """What a trainer command reports as a clear error (exit 2) instead of a traceback."""
    from likeness.core.errors import GateFailed, NoReport
    from likeness.core.jobs import JobNotClaimable, JobNotFound
    from likeness.core.registry import ModelNotFound, NotAnAdapter
    from likeness.trainer.client import TrainerError, TrainerUnavailable
    from likeness.trainer.recipes.registry import UnknownRecipe
    from likeness.trainer.training_jobs import ActivationRefused

    return (
        PersonaNotFound,
        GateFailed,
        NoReport,
        JobNotFound,
        JobNotClaimable,
        ModelNotFound,
        NotAnAdapter,
        UnknownRecipe,
        ActivationRefused,
        TrainerError,
        TrainerUnavailable,
        ValueError,  # InvalidConfig and other bad input
    )


def open_trainer(settings: Settings, server: str | None) -> Trainer:
    addr = server or settings.trainer_addr
    if addr:
        from likeness.trainer.client import TrainerClient

        return TrainerClient(addr, api_key=settings.api_key)  # type: ignore[return-value]
    return EmbeddedTrainer(settings)


def trainer(settings: Settings, server: str | None) -> contextlib.AbstractContextManager[Trainer]:
    """The remote trainer if an address is given (or configured), else the embedded one."""
    return guarded(lambda: open_trainer(settings, server), lambda h: h.close(), trainer_errors())


def embedded_trainer(settings: Settings) -> contextlib.AbstractContextManager[EmbeddedTrainer]:
    return guarded(lambda: EmbeddedTrainer(settings), lambda h: h.close(), trainer_errors())


# --- inference: normalize, generate, chat (always embedded) ----------------------------------


class EmbeddedInference:
    """The database and an engine loaded in this process, for one command."""

    def __init__(self, settings: Settings) -> None:
        self.settings = settings
        self.db = open_database(settings)

    def load_engine(self, model: str | None, *, enable_lora: bool) -> InferenceEngine:
        from likeness.inference.engines.loading import load_engine

        return load_engine(self.settings, model, enable_lora=enable_lora)

    def run(self, engine: InferenceEngine, work: Callable[[], Awaitable[T]]) -> T:
        """Start the engine, do ``work`` on it, always close it."""

        async def started() -> T:
            await engine.start()
            try:
                return await work()
            finally:
                await engine.close()

        return asyncio.run(started())

    def close(self) -> None:
        self.db.dispose()


def inference(settings: Settings) -> contextlib.AbstractContextManager[EmbeddedInference]:
    return guarded(lambda: EmbeddedInference(settings), lambda h: h.close(), (PersonaNotFound,))
