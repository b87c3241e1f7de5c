"""``likeness tui``: the terminal app (the ``likeness-tui`` package), run in place of this process.

    likeness tui                                  # every service in this process, on loopback
    likeness tui --server gpu-host:50052 --server db-host:50051 --persona alice
    likeness tui --web [--host 0.0.0.0 --port 8566]  # in a browser (beyond loopback: API keys)
    likeness tui --keys                           # every key binding id, to remap

The CLI and the terminal app are independent layers (neither imports the other), so this execs
``python -m likeness.tui`` with the arguments as given: the app owns the terminal, and its own
parser (``likeness.tui.__main__``) reads them, ``--help`` included, so there is one definition
of the options. ``likeness --server ADDR tui`` passes ADDR on as a ``--server``.
"""

from __future__ import annotations

import importlib.util
import os
import sys

import typer

from likeness.cli.app import fail, state
from likeness.cli.render import out

TUI_MODULE = "likeness.tui"
#: Mirrors the description of the app's own parser (``likeness tui --help`` prints that one).
HELP = (
    "The likeness terminal app: F1 label posts, F2 chat with a persona, F3 browse the corpus, "
    "F4 watch jobs and manage models, F5 review drafts, F6 vote in the blind arena; Ctrl+O picks "
    "the persona, Ctrl+Q quits. With no --server (and no LIKENESS_*_ADDR setting) every "
    "service starts in this process on loopback.\n\n"
    "Options (read by the app): --server HOST:PORT (repeat; each server's services are asked "
    "through gRPC health), --persona SLUG, --annotator NAME, --web (serve it to a browser; "
    "loopback unless API keys exist, and then the browser is asked for one), --host, --port "
    "(for --web), --keys (list every key binding id; remap them with LIKENESS_TUI_KEYMAP)."
)
#: Typer passes everything after ``tui`` through untouched, ``--help`` included.
CONTEXT_SETTINGS = {
    "allow_extra_args": True,
    "ignore_unknown_options": True,
    "help_option_names": [],
}


def tui_argv(args: list[str], ingest_server: str | None = None) -> list[str]:
    """The command line that runs the app with ``args`` (the root ``--server`` first)."""
    passed = ["--server", ingest_server, *args] if ingest_server else list(args)
    return [sys.executable, "-m", TUI_MODULE, *passed]


def tui(ctx: typer.Context) -> None:
    """The terminal app: F1 label, F2 chat, F3 corpus, F4 jobs, F5 drafts, F6 arena (see `tui
    --help`)."""
    if importlib.util.find_spec(TUI_MODULE) is None:
        if {"--help", "-h"} & set(ctx.args):
            out.print(HELP, highlight=False)
        raise fail(
            "the terminal app is not installed: install the likeness-tui package "
            "(pip install likeness-tui, or `pip install -e clients/tui` in a checkout)"
        )
    argv = tui_argv(list(ctx.args), state(ctx).ingest_server)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(sys.executable, argv)
