"""Run an async engine on its own event loop thread, for synchronous callers.

The gRPC servicer (a thread pool) and the CLI are synchronous; the engines are asyncio. One
background loop owns the engine; callers submit coroutines and consume token streams through
a thread-safe queue.

    with EngineThread(engine) as runner:
        for delta in runner.stream(request):
            print(delta.text, end="")
"""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections.abc import AsyncIterator, Callable, Coroutine, Iterator
from typing import Any, TypeVar

from likeness.inference.engines.base import Delta, Engine, GenerationRequest

T = TypeVar("T")
_END = object()
#: How long closing waits for the requests still running to take their cancellation.
CANCEL_TIMEOUT_S = 5.0


class EngineThread:
    def __init__(self, engine: Engine):
        self.engine = engine
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="engine", daemon=True)
        self._on_close: list[Callable[[], None]] = []

    def on_close(self, hook: Callable[[], None]) -> None:
        """Call ``hook`` at shutdown, before the engine stops (its workers stop first)."""
        self._on_close.append(hook)

    def __enter__(self) -> EngineThread:
        self._thread.start()
        self.run(self.engine.start())
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def close(self) -> None:
        """Run the close hooks, close the engine, stop the loop thread."""
        try:
            for hook in reversed(self._on_close):
                hook()
            self.run(self.engine.close())
        finally:
            # A request that ignores its cancellation: the loop stops anyway.
            with contextlib.suppress(TimeoutError, RuntimeError):
                self.run(self._cancel_requests(), timeout=CANCEL_TIMEOUT_S)
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join(timeout=30)

    async def _cancel_requests(self) -> None:
        # A caller still waiting on a request (a gRPC handler thread in ``run``) would wait on
        # the stopped loop forever, and its thread would keep the process from exiting.
        current = asyncio.current_task()
        pending = [task for task in asyncio.all_tasks() if task is not current]
        for task in pending:
            task.cancel()
        await asyncio.gather(*pending, return_exceptions=True)

    def run(self, coro: Coroutine[Any, Any, T], timeout: float | None = None) -> T:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout)

    def submit(self, coro: Coroutine[Any, Any, Any]) -> None:
        """Run a coroutine on the engine loop in the background (does not wait)."""
        asyncio.run_coroutine_threadsafe(coro, self.loop)

    def abort(self, request_id: str) -> None:
        """Abort a request from any thread (does not wait)."""
        asyncio.run_coroutine_threadsafe(self.engine.abort(request_id), self.loop)

    def stream(
        self, request: GenerationRequest, deltas: AsyncIterator[Delta] | None = None
    ) -> Iterator[Delta]:
        """The deltas of one request (``deltas``: a wrapper's deltas for it, e.g. the copy
        guard's, consumed on the engine loop); closing the iterator early aborts the request."""
        items: queue.Queue[object] = queue.Queue()

        async def pump() -> None:
            source = deltas if deltas is not None else self.engine.generate(request)
            try:
                async for delta in source:
                    items.put(delta)
            except BaseException as exc:  # handed to the consumer, raised there
                items.put(exc)
            finally:
                items.put(_END)

        future = asyncio.run_coroutine_threadsafe(pump(), self.loop)
        finished = False
        try:
            while True:
                item = items.get()
                if item is _END:
                    finished = True
                    return
                if isinstance(item, BaseException):
                    raise item
                assert isinstance(item, Delta)
                yield item
        finally:
            if not finished:
                self.abort(request.request_id)
                future.cancel()
