"""``likeness up | down | status`` underneath: the state file, how clients find the stack, and
stopping a process group (gracefully, by force, or after a crash).

The processes here are real but small: a Python that sleeps, with ``likeness.stack`` in its
command line (what ``is_stack_process`` looks for), as the leader of its own session like the
stack; the whole loop through the real stack is ``test_whole_loop.py``.
"""

from __future__ import annotations

import contextlib
import dataclasses
import os
import socket
import stat
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from likeness.core.settings import Settings
from likeness.stack.background import (
    RUNNING,
    STARTING,
    StackError,
    StackState,
    check,
    client_settings,
    group_members,
    last_error,
    leftover_processes,
    read_state,
    running_state,
    start,
    state_path,
    stop,
    write_state,
)

#: A leader that starts a child in its group, then sleeps; IGNORE=1 makes both ignore SIGTERM.
GROUP = """
import os, signal, subprocess, sys, time
if os.environ.get("IGNORE"):
    signal.signal(signal.SIGTERM, signal.SIG_IGN)
subprocess.Popen([sys.executable, "-c", "import time; time.sleep(120)"])
time.sleep(120)
"""


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(data_dir=tmp_path / "data")


@pytest.fixture
def group() -> Iterator[list[subprocess.Popen[bytes]]]:
    """Start stack-like process groups; whatever a test leaves is killed."""
    started: list[subprocess.Popen[bytes]] = []
    yield started
    for process in started:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, 9)
        process.wait()


def spawn(started: list[subprocess.Popen[bytes]], *, ignore_term: bool = False) -> int:
    env = {**os.environ, **({"IGNORE": "1"} if ignore_term else {})}
    process = subprocess.Popen(
        [sys.executable, "-c", GROUP, "likeness.stack"], start_new_session=True, env=env
    )
    started.append(process)
    deadline = time.monotonic() + 30
    while len(group_members(process.pid)) < 2:  # the leader and its child
        assert time.monotonic() < deadline, "the child did not start"
        time.sleep(0.05)
    return process.pid


def running(pid: int, settings: Settings, status: str = RUNNING) -> StackState:
    state = StackState(
        pid=pid,
        status=status,
        log=str(settings.data_dir / "stack.log"),
        started_at=time.time(),
        addresses={
            "ingest": "127.0.0.1:1001",
            "inference": "127.0.0.1:1002",
            "labeler": "127.0.0.1:1003",
            "trainer": "127.0.0.1:1004",
        },
        http_url="http://127.0.0.1:1005",
        key="lk_session",
    )
    write_state(settings, state)
    return state


def test_the_state_file_is_private_and_replaced_whole(settings: Settings) -> None:
    state = running(os.getpid(), settings)
    path = state_path(settings)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    path.chmod(0o644)  # widened by hand: the next write makes a fresh private file
    write_state(settings, state)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert read_state(settings) == state
    assert "key" not in state.public()
    assert [p.name for p in path.parent.iterdir()] == [path.name]  # no temporary file left


def test_clients_find_a_running_stack_unless_an_address_is_configured(
    settings: Settings, group: list[subprocess.Popen[bytes]]
) -> None:
    assert client_settings(settings) == settings  # nothing runs
    running(spawn(group), settings)
    found = client_settings(settings)
    assert (found.ingest_addr, found.trainer_addr) == ("127.0.0.1:1001", "127.0.0.1:1004")
    assert (found.inference_addr, found.labeler_addr) == ("127.0.0.1:1002", "127.0.0.1:1003")
    assert found.api_key == "lk_session"
    own_key = settings.model_copy(update={"api_key": "lk_mine"})
    assert client_settings(own_key).api_key == "lk_mine"
    remote = settings.model_copy(update={"trainer_addr": "gpu:50054"})
    assert client_settings(remote) == remote  # an address configured: nothing is mixed in


def test_a_stack_still_starting_is_not_used(
    settings: Settings, group: list[subprocess.Popen[bytes]]
) -> None:
    running(spawn(group), settings, status=STARTING)
    assert running_state(settings) is None
    assert client_settings(settings) == settings


def test_a_reused_pid_is_not_taken_for_the_stack(settings: Settings) -> None:
    running(os.getpid(), settings)  # alive, but pytest, not a stack
    assert running_state(settings) is None


def test_down_stops_the_leader_and_its_group_gracefully(
    settings: Settings, group: list[subprocess.Popen[bytes]]
) -> None:
    pid = spawn(group)
    running(pid, settings)
    stopped = stop(settings, timeout_s=10)
    assert (stopped.pid, stopped.stale, stopped.killed) == (pid, False, False)
    assert group_members(pid) == []  # the child too, though only the leader got SIGTERM first
    assert not state_path(settings).exists()


def test_down_kills_a_group_that_ignores_sigterm(
    settings: Settings, group: list[subprocess.Popen[bytes]]
) -> None:
    pid = spawn(group, ignore_term=True)
    running(pid, settings)
    stopped = stop(settings, timeout_s=1)
    assert stopped.killed
    assert group_members(pid) == []
    assert not state_path(settings).exists()


def test_a_crashed_leader_leaves_a_stale_file_and_its_children_are_stopped(
    settings: Settings, group: list[subprocess.Popen[bytes]]
) -> None:
    pid = spawn(group)
    running(pid, settings)
    os.kill(pid, 9)  # the leader crashes; its child lives on in the group
    group[0].wait()
    child = group_members(pid)
    assert len(child) == 1
    assert leftover_processes(read_state(settings)) == child  # type: ignore[arg-type]
    stopped = stop(settings, timeout_s=10)
    assert (stopped.pid, stopped.stale, stopped.leftovers) == (pid, True, 1)
    assert group_members(pid) == []
    assert not state_path(settings).exists()


def test_a_state_file_from_before_a_reboot_stops_nobody(
    settings: Settings, group: list[subprocess.Popen[bytes]]
) -> None:
    # After a reboot the recorded group id can be another program's: never signal it.
    pid = spawn(group)
    state = running(pid, settings)
    os.kill(pid, 9)
    group[0].wait()
    write_state(settings, dataclasses.replace(state, started_at=0.0))  # before this boot
    assert leftover_processes(read_state(settings)) == []  # type: ignore[arg-type]
    stopped = stop(settings, timeout_s=10)
    assert (stopped.pid, stopped.stale, stopped.leftovers) == (pid, True, 0)
    assert len(group_members(pid)) == 1  # the child was left alone
    assert not state_path(settings).exists()


def test_down_with_nothing_running_says_so(settings: Settings) -> None:
    assert stop(settings).pid is None
    state_path(settings).parent.mkdir(parents=True)
    state_path(settings).write_text("{not json")
    stopped = stop(settings)
    assert (stopped.pid, stopped.stale) == (None, True)
    assert not state_path(settings).exists()


def test_a_stack_that_cannot_start_fails_with_its_log_and_leaves_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    monkeypatch.setenv("LIKENESS_DATA_DIR", str(settings.data_dir))
    monkeypatch.setenv("LIKENESS_ENGINE", "transformers")
    monkeypatch.setenv("LIKENESS_MODEL", str(tmp_path / "no-such-model"))
    with pytest.raises(StackError, match="exited while starting") as failed:
        start(settings, http_port=0, timeout_s=120)
    assert "no-such-model" in str(failed.value)  # the log's tail says why
    first = str(failed.value).splitlines()[0]
    assert first.startswith("the stack exited while starting: ")  # the cause, up front
    assert "no-such-model" in first, first
    assert read_state(settings) is None


def test_the_last_exception_line_of_a_log_is_its_cause() -> None:
    log = (
        "Traceback (most recent call last):\n"
        '  File "embedded.py", line 209, in _serve_http\n'
        "OSError: [Errno 98] Address already in use\n"
        "(EngineCore pid=7) INFO [shutdown] Executor: all workers exited gracefully\n"
        "(MainProcess pid=6) WARNING force killing remaining processes count=1\n"
    )
    assert last_error(log) == "OSError: [Errno 98] Address already in use"
    assert last_error("huggingface_hub.errors.HFValidationError: Repo id must be...") is not None
    assert last_error("INFO all good\nWARNING: Error rates are fine\n") is None


def test_a_taken_http_port_fails_before_anything_starts(settings: Settings) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        with pytest.raises(StackError, match=f"port {port} on 127.0.0.1 is taken"):
            start(settings, http_port=port, timeout_s=5)
    assert read_state(settings) is None
    assert not (settings.data_dir / "stack.log").exists()  # no process was started


def test_check_reports_every_service_of_a_dead_address_as_no_answer(settings: Settings) -> None:
    state = running(os.getpid(), settings)
    health = check(state, timeout_s=0.5)
    assert set(health.services) == {"ingest", "inference", "labeler", "drafts", "trainer"}
    assert all(v is None for v in health.services.values())
    assert health.http is None and not health.healthy
