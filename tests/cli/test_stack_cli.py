"""``likeness status | down`` when nothing runs or a crash left a stale state file; ``up`` with
every service running is in ``tests/stack/test_whole_loop.py``."""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from likeness.cli.main import app
from likeness.core.settings import Settings, get_settings
from likeness.stack.background import (
    RUNNING,
    StackState,
    group_members,
    state_path,
    write_state,
)


@pytest.fixture
def settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[Settings]:
    monkeypatch.setenv("LIKENESS_DATA_DIR", str(tmp_path / "data"))
    get_settings.cache_clear()
    yield get_settings()
    get_settings.cache_clear()


def dead_pid() -> int:
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def test_status_and_down_when_nothing_runs(settings: Settings) -> None:
    status = CliRunner().invoke(app, ["status"])
    assert status.exit_code == 1
    assert "likeness is not up" in status.stdout
    down = CliRunner().invoke(app, ["down"])
    assert down.exit_code == 0
    assert "likeness was not up" in down.stdout


def test_a_stale_state_file_is_reported_then_removed(settings: Settings) -> None:
    pid = dead_pid()
    write_state(settings, StackState(pid=pid, status=RUNNING, log="", started_at=time.time()))
    status = CliRunner().invoke(app, ["status", "--json"])
    assert status.exit_code == 1
    assert '"stale_state_file": true' in status.stdout
    down = CliRunner().invoke(app, ["down"])
    assert down.exit_code == 0
    assert f"removed the stale state file of process {pid}" in down.stdout
    assert not state_path(settings).exists()


#: A stack leader that crashed: it started a child (like vLLM's engine process) and is gone.
CRASHED_LEADER = (
    "import subprocess, sys; "
    "subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(60)'])"
)


def test_processes_a_crashed_stack_left_running_are_named_then_stopped(
    settings: Settings,
) -> None:
    leader = subprocess.Popen([sys.executable, "-c", CRASHED_LEADER], start_new_session=True)
    leader.wait()
    try:
        write_state(
            settings, StackState(pid=leader.pid, status=RUNNING, log="", started_at=time.time())
        )
        status = CliRunner().invoke(app, ["status"])
        assert status.exit_code == 1
        assert "left 1 process running" in status.stdout
        assert "`likeness down` stops them" in status.stdout
        down = CliRunner().invoke(app, ["down", "--timeout", "10"])
        assert down.exit_code == 0
        assert "stopped 1 process it left running" in down.stdout
        assert group_members(leader.pid) == []
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(leader.pid, signal.SIGKILL)


def test_up_refuses_a_bad_port_in_one_line(settings: Settings) -> None:
    result = CliRunner().invoke(app, ["up", "--http-port", "-1"])
    assert result.exit_code != 0
