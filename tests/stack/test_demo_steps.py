"""How ``likeness demo`` runs a step: timed; Ctrl-C reads as "stopped", any other error as the
step that failed, its traceback logged (the whole loop itself is ``test_whole_loop.py``)."""

from __future__ import annotations

import logging
import socket
from pathlib import Path

import pytest
from sqlalchemy import Engine

from likeness.core import jobs
from likeness.core.settings import Settings
from likeness.stack.background import StackError
from likeness.stack.demo import (
    DemoFailed,
    DemoInterrupted,
    DemoOptions,
    DemoSummary,
    queued_evaluation,
    run_demo,
    run_step,
)


class Steps:
    """A reporter that remembers the steps begun."""

    def __init__(self) -> None:
        self.begun: list[str] = []

    def step(self, name: str) -> None:
        self.begun.append(name)

    def progress(self, done: int, total: int | None, note: str = "") -> None:
        pass

    def done(self, name: str, result: str, *, skipped: bool = False) -> None:
        pass

    def warn(self, message: str) -> None:
        pass


def test_a_step_is_timed_and_returns_its_value() -> None:
    summary, steps = DemoSummary(persona="mags"), Steps()
    assert run_step(summary, steps, "import", lambda: 42) == 42
    assert steps.begun == ["import"]
    assert summary.seconds["import"] >= 0


def test_ctrl_c_stops_a_step_as_interrupted() -> None:
    def load_engine() -> None:
        raise KeyboardInterrupt

    summary = DemoSummary(persona="mags")
    with pytest.raises(DemoInterrupted, match="stopped during normalise"):
        run_step(summary, Steps(), "normalise", load_engine)
    assert "normalise" not in summary.seconds


def test_an_engine_error_names_the_step_and_logs_its_traceback(
    caplog: pytest.LogCaptureFixture,
) -> None:
    def load_engine() -> None:
        raise RuntimeError("Engine core initialization failed")

    with caplog.at_level(logging.ERROR), pytest.raises(DemoFailed) as failed:
        run_step(DemoSummary(persona="mags"), Steps(), "normalise", load_engine)
    assert str(failed.value) == "normalise failed: RuntimeError: Engine core initialization failed"
    assert caplog.records[-1].exc_info is not None  # the traceback, for the demo's log


def test_the_demos_own_errors_pass_as_they_are() -> None:
    def gate() -> None:
        raise DemoFailed("job 1 (eval) failed: too few posts")

    with pytest.raises(DemoFailed) as failed:
        run_step(DemoSummary(persona="mags"), Steps(), "evaluate", gate)
    assert str(failed.value) == "job 1 (eval) failed: too few posts"


def test_a_stopped_evaluation_of_the_model_is_found_in_the_queue(engine: Engine) -> None:
    assert queued_evaluation(engine, "m1") is None
    jobs.submit(engine, "eval", config={"model_id": "m2"})  # another model's
    done = jobs.submit(engine, "eval", config={"model_id": "m1"})
    jobs.cancel(engine, done)
    assert queued_evaluation(engine, "m1") is None  # not waiting any more
    waiting = jobs.submit(engine, "eval", config={"model_id": "m1"})
    assert queued_evaluation(engine, "m1") == waiting


def test_a_taken_http_port_stops_the_demo_before_its_first_step(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    steps = Steps()
    with socket.create_server(("127.0.0.1", 0)) as taken:
        options = DemoOptions(http_port=taken.getsockname()[1])
        with pytest.raises(StackError, match="is taken"):
            run_demo(settings, options, steps)
    assert steps.begun == []  # nothing was set up, imported or trained first
