"""The CLI's output helpers that take over the process's streams."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from likeness.cli import render

CHILD = "import sys; print('child out'); print('child err', file=sys.stderr)"


def test_engine_output_goes_to_the_log_and_the_display_to_the_terminal(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "logs" / "demo.log"
    with render.engine_output_to(log) as terminal:
        os.write(1, b"a library's print\n")  # Python's sys.stdout and sys.stderr write here
        os.write(2, b"a C++ log line\n")
        subprocess.run([sys.executable, "-c", CHILD], check=True)  # like vLLM's engine process
        terminal.print("step 3 of 8")
    os.write(2, b"after\n")

    written = log.read_text()
    for line in ("a library's print", "a C++ log line", "child out", "child err"):
        assert line in written
    assert "step 3 of 8" not in written
    shown = capfd.readouterr()
    assert "step 3 of 8" in shown.err and "after" in shown.err
    assert "child" not in shown.out + shown.err
    assert "library" not in shown.out + shown.err


def test_the_streams_come_back_when_the_work_fails(
    tmp_path: Path, capfd: pytest.CaptureFixture[str]
) -> None:
    log = tmp_path / "demo.log"
    log.write_text("an earlier run\n")
    with pytest.raises(RuntimeError), render.engine_output_to(log):
        raise RuntimeError("the engine died")
    print("error: the engine died", flush=True)
    assert "error: the engine died" in capfd.readouterr().out
    assert log.read_text() == "an earlier run\n"  # appended to, never truncated
