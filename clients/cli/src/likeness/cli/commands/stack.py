"""``likeness up | down | status``: every service on loopback, in the background.

    likeness up                 # ingest, labeler, trainer (+ a worker), inference (+ OpenAI HTTP)
    likeness status             # each service's gRPC health and the HTTP endpoint; exit 1 if not
    likeness down               # SIGTERM, wait, SIGKILL after a timeout

``up`` starts one detached process (``likeness.stack.background``) with the embedded stack —
SQLite in the data dir, the configured engine and model — and returns once every service
answers its health check. While it runs, the other commands (and ``likeness tui``) use it: with
no address configured they read its addresses and session key from ``DATA_DIR/stack.json``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.table import Table

from likeness.cli import render
from likeness.cli.app import JsonOpt, fail
from likeness.core.settings import get_settings

if TYPE_CHECKING:
    from likeness.stack.background import StackState

EXIT_DOWN = 1

HttpPortOpt = Annotated[
    int,
    typer.Option(
        "--http-port", help="OpenAI-compatible HTTP port (0: any free port).", min=0, max=65535
    ),
]
WorkersOpt = Annotated[int, typer.Option(help="Trainer job workers in the stack.", min=0)]
TimeoutOpt = Annotated[
    float, typer.Option("--timeout", help="Seconds to wait for every service to be healthy.")
]


def up(
    http_port: HttpPortOpt = 8000,
    workers: WorkersOpt = 1,
    timeout: TimeoutOpt = 600.0,
    as_json: JsonOpt = False,
) -> None:
    """Start every service (ingest, labeler, trainer with a job worker, inference with the
    OpenAI-compatible HTTP API) on loopback in one background process; wait until each answers
    its health check. Already up: says so. Logs go to DATA_DIR/stack.log."""
    from likeness.stack.background import StackError, start

    settings = get_settings()
    with render.err.status("starting the services…", spinner="dots") as status:
        try:
            started = start(
                settings,
                http_port=http_port,
                workers=workers,
                timeout_s=timeout,
                on_wait=lambda what: status.update(f"starting: {what}…"),
            )
        except (StackError, OSError) as exc:
            raise fail(str(exc)) from exc
    if started.stale_removed is not None:
        render.err.print(
            f"replaced a stale state file (its process {started.stale_removed} was gone)",
            highlight=False,
        )
    state = started.state
    if as_json:
        render.print_json({**state.public(), "already": started.already})
        return
    render.out.print(
        f"[bold]likeness is {'already ' if started.already else ''}up[/bold] "
        f"(pid {state.pid}, {state.engine} engine, model {state.model})",
        highlight=False,
    )
    show_addresses(state)


def show_addresses(state: StackState) -> None:
    table = Table("service", "address", header_style="bold", box=None)
    for name, addr in state.addresses.items():
        table.add_row(f"{name} (gRPC)", addr)
    table.add_row("OpenAI-compatible HTTP", f"{state.http_url}/v1")
    table.add_row("log", state.log)
    render.out.print(table)


def down(
    timeout: Annotated[
        float, typer.Option("--timeout", help="Seconds to wait after SIGTERM before SIGKILL.")
    ] = 60.0,
) -> None:
    """Stop the services `likeness up` started: SIGTERM (running jobs checkpoint and go back to
    the queue), SIGKILL after --timeout; the state file is removed, a stale one too."""
    from likeness.stack.background import stop

    settings = get_settings()
    with render.err.status("stopping the services…", spinner="dots"):
        stopped = stop(settings, timeout_s=timeout)
    if stopped.pid is None:
        render.out.print(
            "likeness was not up" + (" (removed an unreadable state file)" if stopped.stale else "")
        )
    elif stopped.stale:
        left = (
            f"stopped {_processes(stopped.leftovers)} it left running and "
            if stopped.leftovers
            else ""
        )
        render.out.print(
            f"likeness was not up: {left}removed the stale state file of process {stopped.pid}",
            highlight=False,
        )
    else:
        how = " (it had to be killed: see the log)" if stopped.killed else ""
        render.out.print(f"likeness is down (process {stopped.pid} stopped){how}", highlight=False)


def status(as_json: JsonOpt = False) -> None:
    """Each service's gRPC health and the HTTP endpoint's; exits 1 when down or unhealthy."""
    from likeness.stack.background import (
        STARTING,
        check,
        is_stack_process,
        leftover_processes,
        read_state,
    )

    settings = get_settings()
    state = read_state(settings)
    if state is None or not is_stack_process(state.pid):
        left = leftover_processes(state) if state is not None else []
        if as_json:
            render.print_json(
                {"up": False, "stale_state_file": state is not None, "leftover_pids": left}
            )
        elif state is None:
            render.out.print("likeness is not up (start it with `likeness up`)")
        elif left:
            render.out.print(
                f"likeness is not up: its process {state.pid} is gone, but it left "
                f"{_processes(len(left))} running (pids {', '.join(map(str, left))}), holding "
                "memory: `likeness down` stops them",
                highlight=False,
            )
        else:
            render.out.print(
                f"likeness is not up (stale state file of process {state.pid}: "
                "`likeness down` removes it)",
                highlight=False,
            )
        raise typer.Exit(EXIT_DOWN)
    if state.status == STARTING:
        if as_json:
            render.print_json({"up": False, "starting": True, "pid": state.pid})
        else:
            render.out.print(f"likeness is starting (pid {state.pid}; log {state.log})")
        raise typer.Exit(EXIT_DOWN)
    health = check(state)
    if as_json:
        render.print_json(
            {
                "up": True,
                "healthy": health.healthy and health.http is True,
                **state.public(),
                "services": health.services,
                "http": health.http,
            }
        )
    else:
        table = Table("service", "address", "health", header_style="bold", box=None)
        for name, ok in health.services.items():
            addr = state.addresses.get("labeler" if name == "drafts" else name, "")
            table.add_row(name, addr, _health_word(ok))
        table.add_row("OpenAI HTTP", f"{state.http_url}/v1", _health_word(health.http))
        render.out.print(
            f"likeness is up (pid {state.pid}, {state.engine} engine, model {state.model})",
            highlight=False,
        )
        render.out.print(table)
    if not (health.healthy and health.http is True):
        raise typer.Exit(EXIT_DOWN)


def _health_word(ok: bool | None) -> str:
    if ok is True:
        return "[green]SERVING[/green]"
    if ok is False:
        return "[red]NOT_SERVING[/red]"
    return "[red]no answer[/red]"


def _processes(count: int) -> str:
    return f"{count} process" + ("" if count == 1 else "es")
