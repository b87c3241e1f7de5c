"""What every command shares: the typer app factory, the context object, common options, ``fail``.

Command modules import this; nothing here imports a command, so there is no cycle. The root app
is put together in :mod:`likeness.cli.main`.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass, replace
from typing import Annotated

import typer
from rich.markup import escape

from likeness.cli import render
from likeness.core.settings import Settings, get_settings


def new_typer(help: str, **options: object) -> typer.Typer:
    """A typer app with the CLI's conventions. Markdown help reflows a docstring's wrapped lines
    into paragraphs (rich mode would keep every hard line break of the source)."""
    options.setdefault("no_args_is_help", True)
    return typer.Typer(
        help=help,
        rich_markup_mode="markdown",
        pretty_exceptions_enable=False,
        **options,  # type: ignore[arg-type]
    )


@dataclass(frozen=True, slots=True)
class CliState:
    """The typer context object: what the root and group options chose for the commands below."""

    #: ``likeness --server ADDR``: the ingest service to talk to (None: the setting, or embedded).
    ingest_server: str | None = None
    #: ``likeness jobs --server ADDR show ID``: a group's trainer service, for its subcommands.
    trainer_server: str | None = None

    def settings(self) -> Settings:
        base = get_settings()
        if self.ingest_server:
            return base.model_copy(update={"ingest_addr": self.ingest_server})
        return running_stack(base)


def running_stack(settings: Settings) -> Settings:
    """``settings`` pointed at the stack ``likeness up`` runs, when no address is configured
    (its addresses and session key, from DATA_DIR/stack.json); else unchanged. Commands then
    take their remote path to it, the one code path for services wherever they run."""
    if importlib.util.find_spec("likeness.stack") is None:  # an ingest-only install
        return settings
    from likeness.stack.background import client_settings

    return client_settings(settings)


def state(ctx: typer.Context) -> CliState:
    found = ctx.find_object(CliState)
    return found if found is not None else CliState()


def listing(ctx: typer.Context, server: str | None) -> bool:
    """For a trainer group's callback (``likeness jobs [--server ADDR] [show ID]``): hand its
    ``--server`` down to the subcommands (their contexts inherit ``obj``); True when no
    subcommand follows, so the group lists."""
    ctx.obj = replace(state(ctx), trainer_server=server)
    return ctx.invoked_subcommand is None


def trainer_server(ctx: typer.Context, server: str | None) -> str | None:
    """The command's own ``--server``, else its group's."""
    return server or state(ctx).trainer_server


def fail(message: str, code: int = 2) -> typer.Exit:
    """Print one error line and return the exit to raise. The message is escaped: errors name
    their record as ``[file#record]``, which rich would otherwise take for markup and drop."""
    render.err.print(
        f"[bold red]error:[/bold red] {escape(message)}", highlight=False, soft_wrap=True
    )
    return typer.Exit(code)


PersonaOpt = Annotated[str, typer.Option("--persona", "-p", help="Persona slug, e.g. 'alice'.")]
OptionalPersonaOpt = Annotated[str | None, typer.Option("--persona", "-p", help="Persona slug.")]


def _json_output(as_json: bool) -> bool:
    # Decided while the options are parsed, before a command imports any library that draws.
    if as_json:
        render.silence_progress_bars()
    return as_json


JsonOpt = Annotated[
    bool,
    typer.Option("--json", help="Print one JSON object instead of tables.", callback=_json_output),
]
ServerOpt = Annotated[
    str | None,
    typer.Option(
        "--server",
        help="host:port of a running trainer service (default: the trainer_addr setting, "
        "LIKENESS_TRAINER_ADDR; unset: embedded, in this process).",
    ),
]
ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model", help="Model id or path (default: the model setting, or the default model)."
    ),
]
