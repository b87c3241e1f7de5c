"""Closing an EngineThread while a caller still waits on a request: the caller's wait ends.

A gRPC handler thread blocked in ``EngineThread.run`` when the stack stops (Ctrl+C with a
proposal being generated) used to wait on the stopped loop forever, and Python's exit waits
for that thread: the process never ended.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import threading

from likeness.inference.engine_thread import EngineThread


class IdleEngine:
    """The part of an engine EngineThread itself calls: start and close."""

    async def start(self) -> None:
        pass

    async def close(self) -> None:
        pass


def test_a_request_in_flight_is_cancelled_at_close() -> None:
    runner = EngineThread(IdleEngine())  # type: ignore[arg-type]
    runner.__enter__()
    started = threading.Event()
    outcome: list[BaseException] = []

    async def never_done() -> None:
        started.set()
        await asyncio.Event().wait()

    def caller() -> None:
        try:
            runner.run(never_done())
        except BaseException as exc:  # what the waiting caller gets
            outcome.append(exc)

    thread = threading.Thread(target=caller)
    thread.start()
    assert started.wait(10)
    runner.close()
    thread.join(10)
    assert not thread.is_alive(), "the caller still waits on the stopped loop"
    assert len(outcome) == 1 and isinstance(outcome[0], concurrent.futures.CancelledError)
