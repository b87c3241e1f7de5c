"""``python -m likeness.tui`` (what ``likeness tui`` runs): the app, or ``--web`` for a browser."""

from __future__ import annotations

import argparse
import getpass
import sys
from collections.abc import Sequence

from likeness.core.settings import Settings

DEFAULT_WEB_PORT = 8566


def default_annotator() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        return "annotator"


def parser() -> argparse.ArgumentParser:
    parse = argparse.ArgumentParser(
        prog="likeness tui",
        description="The likeness terminal app: F1 label posts, F2 chat with a persona, F3 browse "
        "the corpus, F4 watch jobs and manage models, F5 review drafts, F6 vote in the blind "
        "arena; Ctrl+O picks the persona, Ctrl+Q quits. With no --server (and no "
        "LIKENESS_*_ADDR setting) every service starts in this process on loopback.",
    )
    parse.add_argument(
        "--server",
        action="append",
        default=[],
        metavar="HOST:PORT",
        help="a likeness gRPC server (repeat for several); which services each runs is asked "
        "through the gRPC health protocol.",
    )
    parse.add_argument("--persona", help="the persona to start with (default: the first one)")
    parse.add_argument(
        "--annotator", help="who is labeling (default: your user name)", default=None
    )
    parse.add_argument(
        "--web",
        action="store_true",
        help="serve the app to a browser (textual-serve) instead of this terminal; binds "
        "loopback unless API keys exist, and then asks the browser for one",
    )
    parse.add_argument("--host", default="127.0.0.1", help="--web: address to bind")
    parse.add_argument("--port", type=int, default=DEFAULT_WEB_PORT, help="--web: port")
    parse.add_argument(
        "--keys",
        action="store_true",
        help="list every key binding id with its keys (remap them with LIKENESS_TUI_KEYMAP)",
    )
    return parse


def list_keys() -> list[tuple[str, str, str]]:
    """(binding id, keys, what it does) of the app, every screen and every dialog and widget of
    the app that binds keys (the card editor, the persona picker, …), each id once."""
    from textual.binding import Binding
    from textual.dom import DOMNode

    from likeness.tui.app import LikenessApp

    def ours(kind: type) -> list[type]:
        found = [kind] if kind.__module__.startswith("likeness.tui") else []
        for sub in kind.__subclasses__():
            found.extend(ours(sub))
        return found

    owners: list[type] = [LikenessApp, *LikenessApp.MODES.values(), *ours(DOMNode)]
    rows: list[tuple[str, str, str]] = []
    seen: set[str] = set()
    for owner in owners:
        for binding in owner.__dict__.get("BINDINGS", ()):
            if isinstance(binding, Binding) and binding.id and binding.id not in seen:
                seen.add(binding.id)
                rows.append((binding.id, binding.key, binding.description or binding.action))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    args = parser().parse_args(argv)
    if args.keys:
        for binding_id, keys, what in list_keys():
            print(f"{binding_id:<24} {keys:<16} {what}")
        return 0
    settings = Settings()
    annotator = args.annotator or default_annotator()
    if args.web:
        from likeness.tui.web import serve_web

        return serve_web(settings, args)
    from likeness.tui.app import LikenessApp
    from likeness.tui.services import configured_addresses, open_services

    if not args.server and not configured_addresses(settings):
        print("starting the services in this process (the model loads first) …", file=sys.stderr)
    with open_services(settings, args.server) as services:
        LikenessApp(
            services,
            persona=args.persona,
            annotator=annotator,
            keymap=settings.tui_keymap,
            settings=settings,
        ).run()
    return 0


if __name__ == "__main__":
    sys.exit(main())
