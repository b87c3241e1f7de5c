"""``likeness up | down | status``: the embedded stack in a detached process of its own.

    started = start(settings)               # spawn `python -m likeness.stack`, wait until healthy
    state = read_state(settings)            # what DATA_DIR/stack.json says, or None
    report = check(state)                   # each service's gRPC health and the HTTP /healthz
    stop(settings)                          # SIGTERM, wait, SIGKILL; the state file removed

The process (``python -m likeness.stack``, :mod:`likeness.stack.__main__`) is the leader of a
new session, so it and everything it starts (vLLM's engine processes) form one process group
that outlives the terminal. It runs :class:`~likeness.stack.embedded.EmbeddedStack` with the
OpenAI-compatible HTTP API, logs to ``DATA_DIR/stack.log`` and writes ``DATA_DIR/stack.json``:
its pid and process group, each service's address, the HTTP URL and the stack's session key.
That key lets any client on this machine call the stack once stored API keys exist, so the file
is created with mode 0600 and written by renaming a fresh 0600 file over it (never widened).

Clients with no address configured find the stack through :func:`client_settings`: it fills the
``*_addr`` settings and the API key from the state file, so they take their one remote path.
A state file whose process is gone (a crash, a reboot) is *stale*: ``up`` replaces it, ``down``
removes it (and stops what is left of its process group), ``status`` says so.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

import httpx

from likeness.core.health import GRPC_NAMES, ServiceName, serving
from likeness.core.settings import Settings
from likeness.stack.embedded import LOOPBACK

STATE_FILE = "stack.json"
LOG_FILE = "stack.log"
#: The entry module; also how a pid is recognised as a stack process (not a reused pid).
MODULE = "likeness.stack"
#: Starting covers a first run that converts the default model (~25 s) and a vLLM CPU start
#: (20-60 s, twice when an active adapter enables LoRA) on a slow machine.
START_TIMEOUT_S = 600.0
#: How long ``down`` waits after SIGTERM before it sends SIGKILL.
STOP_TIMEOUT_S = 60.0
POLL_S = 0.25
STARTING = "starting"
RUNNING = "running"
#: Each service and the address field of the state that runs it (drafts: the labeler server).
SERVICE_ADDRESS: dict[ServiceName, str] = {
    "ingest": "ingest",
    "inference": "inference",
    "labeler": "labeler",
    "drafts": "labeler",
    "trainer": "trainer",
}


class StackError(RuntimeError):
    """The stack did not start, or cannot be stopped; the message says why (and the log)."""


@dataclass(frozen=True, slots=True)
class StackState:
    """What ``DATA_DIR/stack.json`` holds."""

    pid: int
    status: str  # STARTING (written by `up` at spawn) or RUNNING (by the stack once serving)
    log: str
    started_at: float
    addresses: dict[str, str] = field(default_factory=dict)
    http_url: str | None = None
    key: str | None = None
    engine: str = ""
    model: str = ""

    @property
    def pgid(self) -> int:
        # The stack leads its own session (start_new_session), so its group id is its pid.
        return self.pid

    def public(self) -> dict[str, Any]:
        """The state without the session key (for ``status --json`` and messages)."""
        data = asdict(self)
        data.pop("key")
        return data


@dataclass(frozen=True, slots=True)
class Health:
    """One probe of a running stack: each service's gRPC health and the HTTP endpoint's."""

    services: dict[str, bool | None]  # True SERVING, False not serving, None no answer
    http: bool | None

    @property
    def healthy(self) -> bool:
        return all(v is True for v in self.services.values()) and self.http is not False


def state_path(settings: Settings) -> Path:
    return settings.data_dir / STATE_FILE


def log_path(settings: Settings) -> Path:
    return settings.data_dir / LOG_FILE


def write_state(settings: Settings, state: StackState) -> None:
    """Replace the state file atomically; it is created 0600 (it holds the session key)."""
    path = state_path(settings)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(asdict(state), f, indent=2)
    os.replace(tmp, path)


def read_state(settings: Settings) -> StackState | None:
    """The state file's content (None: no file, or one that is not a stack state)."""
    try:
        data = json.loads(state_path(settings).read_text("utf-8"))
        return StackState(**data)
    except (OSError, ValueError, TypeError):
        return None


def remove_state(settings: Settings, pid: int | None = None) -> None:
    """Remove the state file (only if it still names ``pid``, when given)."""
    if pid is not None:
        current = read_state(settings)
        if current is not None and current.pid != pid:
            return
    state_path(settings).unlink(missing_ok=True)


def is_stack_process(pid: int) -> bool:
    """Whether ``pid`` runs and is a stack process (a pid reused by another program is not)."""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return False  # another user's process: not ours
    cmdline = Path(f"/proc/{pid}/cmdline")
    if not cmdline.exists():  # no procfs (macOS): trust the pid
        return True
    try:
        return MODULE.encode() in cmdline.read_bytes()
    except OSError:
        return False


def group_members(pgid: int) -> list[int]:
    """The live processes of process group ``pgid`` (zombies left out: one whose parent never
    reaps it, as under a container's PID 1, is gone for every purpose here)."""
    proc = Path("/proc")
    if not proc.is_dir():  # no procfs (macOS): ask the kernel whether the group has anyone
        try:
            os.killpg(pgid, 0)
        except ProcessLookupError:
            return []
        except PermissionError:
            pass
        return [pgid]
    members = []
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue  # exited while we looked
        # "pid (comm) state ppid pgrp ...": comm may hold spaces and parentheses.
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(entry.name))
    return members


def group_alive(pgid: int) -> bool:
    """Whether any live process of the group is left."""
    return bool(group_members(pgid))


def running_state(settings: Settings) -> StackState | None:
    """The state of a stack that runs and serves (None: none, starting, or stale)."""
    state = read_state(settings)
    if state is None or state.status != RUNNING or not is_stack_process(state.pid):
        return None
    return state


def client_settings(settings: Settings) -> Settings:
    """``settings`` pointed at the running stack when no service address is configured (and
    the API key set to its session key unless one is); else ``settings`` unchanged."""
    configured = (
        settings.ingest_addr,
        settings.trainer_addr,
        settings.inference_addr,
        settings.labeler_addr,
    )
    if any(configured):
        return settings
    state = running_state(settings)
    if state is None or not state.addresses:
        return settings
    return settings.model_copy(
        update={
            "ingest_addr": state.addresses.get("ingest"),
            "trainer_addr": state.addresses.get("trainer"),
            "inference_addr": state.addresses.get("inference"),
            "labeler_addr": state.addresses.get("labeler"),
            "api_key": settings.api_key or state.key,
        }
    )


def http_healthy(url: str, timeout_s: float = 2.0) -> bool | None:
    """``/healthz`` of the HTTP API: True 200, False an error status, None no answer."""
    try:
        reply = httpx.get(f"{url}/healthz", timeout=timeout_s)
    except httpx.HTTPError:
        return None
    return reply.status_code == 200


def check(state: StackState, timeout_s: float = 2.0) -> Health:
    """Probe every service of ``state`` (gRPC health, with its session key) and its HTTP API."""
    services: dict[str, bool | None] = {}
    for service, field_name in SERVICE_ADDRESS.items():
        address = state.addresses.get(field_name)
        services[service] = (
            serving(address, GRPC_NAMES[service], timeout_s, state.key) if address else None
        )
    http = http_healthy(state.http_url, timeout_s) if state.http_url else None
    return Health(services, http)


def check_port_free(http_port: int) -> None:
    """Fail now, not after the model has loaded, when the HTTP port is taken."""
    if not http_port:
        return
    try:
        with socket.create_server((LOOPBACK, http_port)):
            pass
    except OSError as exc:
        raise StackError(
            f"port {http_port} on {LOOPBACK} is taken: stop what listens "
            "there, or choose another port with --http-port"
        ) from exc


def stack_command(*, http_port: int, workers: int) -> list[str]:
    return [
        sys.executable,
        "-m",
        MODULE,
        "--http-port",
        str(http_port),
        "--workers",
        str(workers),
    ]


def log_tail(settings: Settings, lines: int = 30) -> str:
    try:
        text = log_path(settings).read_text("utf-8", errors="replace")
    except OSError:
        return ""
    return "\n".join(text.splitlines()[-lines:])


#: The line a Python traceback ends with: "OSError: [Errno 98] Address already in use".
_ERROR_LINE = re.compile(r"^(?:[A-Za-z_][\w.]*\.)?[A-Z]\w*(?:Error|Exception|Exit): .+$")


def last_error(log: str) -> str | None:
    """The last exception line of ``log`` (the cause, above the shutdown lines after it)."""
    found = [line for line in log.splitlines() if _ERROR_LINE.match(line)]
    return found[-1] if found else None


@dataclass(frozen=True, slots=True)
class Started:
    state: StackState
    already: bool  # it was up before this call
    stale_removed: int | None = None  # the pid of a stale state file that was replaced


def start(
    settings: Settings,
    *,
    http_port: int = 8000,
    workers: int = 1,
    timeout_s: float = START_TIMEOUT_S,
    on_wait: Callable[[str], None] | None = None,
) -> Started:
    """Start the stack detached and wait until every service answers its health check and the
    HTTP API its ``/healthz``; a stack that is up already (or starting) is waited for, not
    started twice. Raises StackError (with the log's tail) when it exits or times out."""
    state = read_state(settings)
    stale: int | None = None
    if state is not None and is_stack_process(state.pid):
        return Started(_wait_healthy(settings, state.pid, None, timeout_s, on_wait), True)
    check_port_free(http_port)
    if state is not None:
        stale = state.pid
        if leftover_processes(state):
            _stop_group(state.pgid, STOP_TIMEOUT_S)
        remove_state(settings)
    settings.data_dir.mkdir(parents=True, exist_ok=True)
    log = log_path(settings)
    with open(log, "ab") as out:
        process = subprocess.Popen(
            stack_command(http_port=http_port, workers=workers),
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group, detached from this terminal
            close_fds=True,
        )
    current = read_state(settings)
    if current is None or current.pid != process.pid:  # it has not written its own yet
        write_state(
            settings,
            StackState(pid=process.pid, status=STARTING, log=str(log), started_at=time.time()),
        )
    try:
        ready = _wait_healthy(settings, process.pid, process, timeout_s, on_wait)
    except BaseException:
        # A failed or interrupted start leaves nothing running.
        _stop_group(process.pid, STOP_TIMEOUT_S)
        process.poll()
        remove_state(settings, process.pid)
        raise
    return Started(ready, False, stale)


def _wait_healthy(
    settings: Settings,
    pid: int,
    process: subprocess.Popen[bytes] | None,
    timeout_s: float,
    on_wait: Callable[[str], None] | None,
) -> StackState:
    deadline = time.monotonic() + timeout_s
    said = ""
    while True:
        exited = process.poll() is not None if process is not None else not is_stack_process(pid)
        if exited:
            tail = log_tail(settings)
            error = last_error(tail)
            raise StackError(
                f"the stack exited while starting{f': {error}' if error else ''}; the end of "
                f"{log_path(settings)}:\n{tail}"
            )
        state = read_state(settings)
        if state is not None and state.pid == pid and state.status == RUNNING:
            health = check(state)
            if health.healthy and health.http is True:
                return state
            waiting = "waiting for " + ", ".join(
                name for name, ok in health.services.items() if ok is not True
            )
            if health.http is not True:
                waiting += ("" if waiting.endswith("for ") else ", ") + "the HTTP API"
        else:
            waiting = "loading the model and starting the services"
        if on_wait is not None and waiting != said:
            on_wait(waiting)
            said = waiting
        if time.monotonic() > deadline:
            raise StackError(
                f"the stack did not become healthy within {timeout_s:.0f} s ({waiting}); "
                f"the end of {log_path(settings)}:\n" + log_tail(settings)
            )
        time.sleep(POLL_S)


@dataclass(frozen=True, slots=True)
class Stopped:
    pid: int | None  # None: nothing was running
    stale: bool = False  # the state file named a process that was gone
    killed: bool = False  # SIGKILL was needed
    leftovers: int = 0  # processes a crashed leader left behind (vLLM's engine), now stopped


def stop(settings: Settings, *, timeout_s: float = STOP_TIMEOUT_S) -> Stopped:
    """Stop the stack: SIGTERM to its leader (it closes its servers and engine in order), then
    to what is left of its process group, SIGKILL after ``timeout_s``; the state file removed."""
    state = read_state(settings)
    if state is None:
        if state_path(settings).exists():  # unreadable: nothing can be stopped by it
            remove_state(settings)
            return Stopped(None, stale=True)
        return Stopped(None)
    alive = is_stack_process(state.pid)
    killed = False
    leftovers = 0
    if alive:
        with contextlib.suppress(ProcessLookupError):
            os.kill(state.pid, signal.SIGTERM)
        killed = _stop_group(state.pgid, timeout_s)
    else:
        leftovers = len(leftover_processes(state))
        if leftovers:
            killed = _stop_group(state.pgid, timeout_s)
    remove_state(settings, state.pid)
    return Stopped(state.pid, stale=not alive, killed=killed, leftovers=leftovers)


def leftover_processes(state: StackState) -> list[int]:
    """The live processes of a stack whose leader is gone (a crash, SIGKILL): vLLM's engine
    processes outlive their parent and keep its memory until stopped."""
    if state.status != RUNNING or is_stack_process(state.pid):
        return []
    booted = _boot_time()
    if booted is not None and booted > state.started_at:
        return []  # a state file from before a reboot: its group id may be anyone's now
    return group_members(state.pgid)


def _boot_time() -> float | None:
    """When this machine booted (epoch seconds), from procfs; None where there is none."""
    try:
        for line in Path("/proc/stat").read_text().splitlines():
            if line.startswith("btime "):
                return float(line.split()[1])
    except OSError:
        pass
    return None


def _stop_group(pgid: int, timeout_s: float) -> bool:
    """Wait for the group to end: the leader alone first (it stops its servers and engine in
    order, and the engine its own processes), for half of ``timeout_s``; then SIGTERM to the
    whole group (at once if the leader is gone and others are not), SIGKILL at ``timeout_s``.
    Whether SIGKILL was needed."""
    start = time.monotonic()
    group_signalled = False
    while group_alive(pgid):
        _reap(pgid)
        elapsed = time.monotonic() - start
        if not group_signalled and (elapsed > timeout_s / 2 or pgid not in group_members(pgid)):
            _signal_group(pgid, signal.SIGTERM)
            group_signalled = True
        if elapsed > timeout_s:
            _signal_group(pgid, signal.SIGKILL)
            deadline = time.monotonic() + 10.0
            while group_alive(pgid) and time.monotonic() < deadline:
                _reap(pgid)
                time.sleep(POLL_S)
            return True
        time.sleep(POLL_S)
    _reap(pgid)
    return False


def _signal_group(pgid: int, sig: signal.Signals) -> None:
    with contextlib.suppress(ProcessLookupError, PermissionError):
        os.killpg(pgid, sig)


def _reap(pid: int) -> None:
    # The leader is this process's child when this process started it (a failed start, tests):
    # reap it once it exits.
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)
