"""Break a TransformersEngine on purpose, as a broken model or a bug in its loop would."""

from __future__ import annotations

from likeness.inference.engines.transformers_engine import TransformersEngine


class WorkerKilled(Exception):
    """Raised in the engine's scheduling loop, outside any request: the worker dies of it."""


def kill_worker(engine: TransformersEngine) -> None:
    """Make the engine's worker thread die now (it stays dead: ``healthy()`` turns False)."""

    def die(*_: object) -> None:
        raise WorkerKilled("the test killed the engine's worker")

    engine._next_work = die  # type: ignore[method-assign]
    # Wake the waiting worker: its current wait returns, and its next look for work dies.
    with engine._cond:
        engine._aborts.add("wake-up")
        engine._cond.notify_all()
    assert engine._thread is not None
    engine._thread.join(timeout=10)
