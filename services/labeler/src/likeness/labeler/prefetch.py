"""Keep the next tasks of every active annotator ready, so Submit -> NextTask never waits on
the model.

    prefetcher = Prefetcher(db, proposer, ahead=settings.label_prefetch, n=4, lease_s=900)
    prefetcher.start()
    prefetcher.await_ready("alice", "ann")  # before a NextTask: a fill halfway through is
                                            # waited for rather than raced
    prefetcher.kick("alice", "ann")       # after every NextTask; returns at once
    prefetcher.kick_annotator("ann")      # after every Submit (it names no persona)
    prefetcher.stop()                     # with the server

A prepared task is an ordinary open task of the annotator (``tasks.prepare_task``: leased,
proposals generated and stored, not shown yet), so it survives a restart of the server and
NextTask hands it out like any other; a lease that runs out puts the post back in the pool.
The target is ``ahead`` tasks ready besides the one in front of the annotator: each fill counts
the prepared, not yet shown ones (``tasks.open_tasks(..., ready_only=True)``) and prepares
until there are that many.

An annotator is *active* for ``active_s`` after their last NextTask or Submit; only active ones
get tasks prepared (a background tick also refills them, e.g. after leases ran out). One
annotator is filled by one worker at a time, so no two preparations for them race; a kick that
arrives while they are being filled makes the worker look again when it is done. A proposer
that fails (the inference service down, an engine error) is logged and that annotator backs
off (doubling, up to ``max_backoff_s``); an empty pool just ends the fill. ``ahead=0`` turns
prefetch off: no threads start and kicks do nothing.
"""

from __future__ import annotations

import logging
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import Engine

from likeness.core.errors import PersonaNotFound
from likeness.labeler import tasks
from likeness.labeler.errors import NothingToLabel
from likeness.labeler.types import Proposer

logger = logging.getLogger(__name__)

#: An annotator who called nothing for this long gets nothing prepared.
ACTIVE_S = 300.0
#: How often active annotators are topped up without a kick (leases that ran out, errors).
TICK_S = 30.0
#: The longest a NextTask waits for the annotator's fill in progress (then it prepares itself).
READY_WAIT_S = 120.0
FIRST_BACKOFF_S = 1.0
MAX_BACKOFF_S = 60.0
DEFAULT_WORKERS = 2

Key = tuple[str, str]  # (persona, annotator)


@dataclass(slots=True)
class _Annotator:
    last_seen: float
    filling: bool = False  # a worker owns this annotator now
    again: bool = False  # kicked while being filled: look again afterwards
    backoff_s: float = 0.0
    retry_at: float = 0.0  # after a failure, nothing before this (monotonic)
    prepared: int = 0  # tasks prepared for them so far (await_ready waits for it to move)


class Prefetcher:
    """Background preparation of label tasks; see the module docstring."""

    def __init__(
        self,
        db: Engine,
        proposer: Proposer,
        *,
        ahead: int,
        n: int,
        lease_s: float,
        workers: int = DEFAULT_WORKERS,
        active_s: float = ACTIVE_S,
        tick_s: float = TICK_S,
        first_backoff_s: float = FIRST_BACKOFF_S,
        max_backoff_s: float = MAX_BACKOFF_S,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        if ahead < 0:
            raise ValueError("ahead must be 0 or more")
        self.db = db
        self.proposer = proposer
        self.ahead = ahead
        self.n = n
        self.lease_s = lease_s
        self.active_s = active_s
        self.tick_s = tick_s
        self.first_backoff_s = first_backoff_s
        self.max_backoff_s = max_backoff_s
        self._clock = clock
        self._workers = max(1, workers)
        self._lock = threading.Lock()
        self._changed = threading.Condition(self._lock)  # a task prepared, or a fill ended
        self._annotators: dict[Key, _Annotator] = {}
        self._queue: queue.SimpleQueue[Key | None] = queue.SimpleQueue()
        self._stop = threading.Event()
        self._threads: list[threading.Thread] = []

    @property
    def enabled(self) -> bool:
        return self.ahead > 0

    # --- life cycle ---

    def start(self) -> Prefetcher:
        if not self.enabled or self._threads:
            return self
        for index in range(self._workers):
            self._threads.append(self._thread(self._work, f"label-prefetch-{index}"))
        self._threads.append(self._thread(self._tick, "label-prefetch-tick"))
        return self

    def _thread(self, target: Callable[[], None], name: str) -> threading.Thread:
        # Daemons: a preparation stuck in a proposer call must not keep the process alive;
        # what it leased expires like any other lease.
        thread = threading.Thread(target=target, name=name, daemon=True)
        thread.start()
        return thread

    def stop(self, timeout_s: float = 10.0) -> None:
        """Stop taking work; wait up to ``timeout_s`` for preparations in progress."""
        self._stop.set()
        for _ in range(self._workers):
            self._queue.put(None)
        deadline = time.monotonic() + timeout_s
        for thread in self._threads:
            thread.join(max(0.0, deadline - time.monotonic()))
        self._threads.clear()

    def __enter__(self) -> Prefetcher:
        return self.start()

    def __exit__(self, *_exc_info: object) -> None:
        self.stop()

    # --- kicks ---

    def kick(self, persona: str, annotator: str) -> None:
        """The annotator just asked for or judged a task: top them up (in the background)."""
        if not self.enabled or self._stop.is_set() or not persona or not annotator:
            return
        key = (persona, annotator)
        with self._lock:
            state = self._annotators.get(key)
            if state is None:
                state = self._annotators[key] = _Annotator(last_seen=self._clock())
            state.last_seen = self._clock()
        self._schedule(key)

    def kick_annotator(self, annotator: str) -> None:
        """Like :meth:`kick` for every persona the annotator is active in (Submit names only
        the task; an annotator this process has not seen yet is kicked by their next NextTask)."""
        if not self.enabled:
            return
        with self._lock:
            keys = [key for key in self._annotators if key[1] == annotator]
        for persona, _ in keys:
            self.kick(persona, annotator)

    def _schedule(self, key: Key) -> None:
        with self._lock:
            state = self._annotators.get(key)
            if state is None:
                return
            if state.filling:
                state.again = True
                return
            if self._clock() < state.retry_at:
                return  # backing off; the tick retries it
            state.filling = True
            state.again = False
        self._queue.put(key)

    def await_ready(self, persona: str, annotator: str, timeout_s: float = READY_WAIT_S) -> None:
        """Before a NextTask: while the annotator's fill runs and nothing is ready yet, wait
        (up to ``timeout_s``) for it to finish a task, instead of preparing another one beside
        it (which would compete for the model, and near the end of the pool find every post
        leased by the fill). Returns at once when a task is ready or no fill runs."""
        if not self.enabled:
            return
        key = (persona, annotator)
        with self._lock:
            state = self._annotators.get(key)
            if state is None or not state.filling:
                return
            seen = state.prepared
        if tasks.open_tasks(self.db, persona, annotator, ready_only=True) > 0:
            return
        deadline = time.monotonic() + timeout_s
        with self._changed:
            while True:
                state = self._annotators.get(key)
                if state is None or not state.filling or state.prepared != seen:
                    return
                left = deadline - time.monotonic()
                if left <= 0 or self._stop.is_set():
                    return
                self._changed.wait(left)

    def busy(self) -> bool:
        """Whether any annotator is being filled or waits for a worker (for tests, benchmarks)."""
        with self._lock:
            return any(state.filling for state in self._annotators.values())

    # --- workers ---

    def _work(self) -> None:
        while not self._stop.is_set():
            key = self._queue.get()
            if key is None:
                return
            while True:
                self._fill(key)
                with self._lock:
                    state = self._annotators[key]
                    if state.again and not self._stop.is_set() and self._clock() >= state.retry_at:
                        state.again = False
                        continue
                    state.filling = False
                    self._changed.notify_all()
                    break

    def _fill(self, key: Key) -> None:
        persona, annotator = key
        try:
            while not self._stop.is_set() and self._active(key):
                ready = tasks.open_tasks(self.db, persona, annotator, ready_only=True)
                if ready >= self.ahead:
                    break
                tasks.prepare_task(
                    self.db, self.proposer, persona, annotator, n=self.n, lease_s=self.lease_s
                )
                with self._changed:
                    self._annotators[key].prepared += 1
                    self._changed.notify_all()
        except (NothingToLabel, PersonaNotFound) as exc:
            logger.debug("prefetch for %s/%s: %s", persona, annotator, exc)
        except Exception:
            with self._lock:
                state = self._annotators[key]
                state.backoff_s = min(
                    self.max_backoff_s, max(self.first_backoff_s, 2 * state.backoff_s)
                )
                state.retry_at = self._clock() + state.backoff_s
                wait = state.backoff_s
            logger.warning(
                "prefetch for %s/%s failed; retrying in %.0f s",
                persona,
                annotator,
                wait,
                exc_info=True,
            )
        else:
            with self._lock:
                self._annotators[key].backoff_s = 0.0

    def _active(self, key: Key) -> bool:
        with self._lock:
            state = self._annotators.get(key)
            return state is not None and self._clock() - state.last_seen <= self.active_s

    def _tick(self) -> None:
        """Retry annotators whose back-off ran out, top everyone up every ``tick_s``, and
        forget the annotators who left."""
        poll = min(self.tick_s, self.first_backoff_s)
        last_refill = self._clock()
        while not self._stop.wait(poll):
            now = self._clock()
            refill = now - last_refill >= self.tick_s
            if refill:
                last_refill = now
            with self._lock:
                for key, state in list(self._annotators.items()):
                    if now - state.last_seen > self.active_s and not state.filling:
                        del self._annotators[key]
                due = []
                for key, state in self._annotators.items():
                    if state.retry_at and now >= state.retry_at:
                        state.retry_at = 0.0
                        due.append(key)
                    elif refill and not state.retry_at:
                        due.append(key)
            for key in due:
                self._schedule(key)
