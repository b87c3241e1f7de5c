"""Corpus normalisation as a job of the inference service: start it, then watch its progress.

The work itself is ``normalize.normalize_corpus`` (chunked, committed chunk by chunk), so the
database always holds what is done; this module only tracks the run in the serving process,
one run per persona at a time. A client that disconnects and calls WatchJob again picks the
progress up where it is.
"""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace

from sqlalchemy import Engine as DbEngine

from likeness.inference.engine_thread import EngineThread
from likeness.inference.normalize import normalize_corpus

TERMINAL = frozenset({"succeeded", "failed"})


@dataclass(frozen=True, slots=True)
class JobState:
    job_id: str
    persona: str
    status: str  # running | succeeded | failed
    step: int = 0
    total: int = 0
    message: str = ""
    started: float = 0.0

    @property
    def eta_s(self) -> float:
        if not self.step or not self.total or self.status != "running":
            return 0.0
        elapsed = time.monotonic() - self.started
        return elapsed / self.step * (self.total - self.step)


class NormalizeJobs:
    def __init__(self, runner: EngineThread, db: DbEngine):
        self.runner = runner
        self.db = db
        self._jobs: dict[str, JobState] = {}
        self._changed = threading.Condition()

    def _set(self, state: JobState) -> None:
        with self._changed:
            self._jobs[state.job_id] = state
            self._changed.notify_all()

    def start(self, persona: str, *, limit: int | None, kept_only: bool) -> str:
        """The id of the persona's running normalisation, or of a new one."""
        with self._changed:
            for state in self._jobs.values():
                if state.persona == persona and state.status == "running":
                    return state.job_id
            job_id = uuid.uuid4().hex
            self._jobs[job_id] = JobState(job_id, persona, "running", started=time.monotonic())

        def progress(done: int, total: int) -> None:
            self._set(replace(self._jobs[job_id], step=done, total=total))

        async def run() -> None:
            try:
                summary = await normalize_corpus(
                    self.db,
                    self.runner.engine,
                    persona,
                    kept_only=kept_only,
                    limit=limit,
                    progress=progress,
                )
            except Exception as exc:  # reported to watchers; the committed chunks stay
                self._set(replace(self._jobs[job_id], status="failed", message=str(exc)))
                return
            self._set(
                replace(
                    self._jobs[job_id],
                    status="succeeded",
                    message=f"{summary.normalized} normalised, {summary.remaining} remaining",
                )
            )

        self.runner.submit(run())
        return job_id

    def get(self, job_id: str) -> JobState | None:
        with self._changed:
            return self._jobs.get(job_id)

    def watch(
        self, job_id: str, *, still_wanted: Callable[[], bool] = lambda: True
    ) -> Iterator[JobState]:
        """Every change of the job until it ends (the current state first)."""
        last: JobState | None = None
        while still_wanted():
            with self._changed:
                state = self._jobs[job_id]
                if state == last:
                    self._changed.wait(timeout=1.0)
                    continue
            last = state
            yield state
            if state.status in TERMINAL:
                return
