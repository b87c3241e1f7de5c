"""The ``likeness`` command: one front for every service, embedded or remote.

    likeness import twitter-archive.zip --persona alice
    likeness stats --persona alice
    likeness posts --persona alice --flag repost

Without ``--server`` (or the ingest_addr setting) commands run embedded: the database is opened
in-process (SQLite in the data dir unless the database_url setting names another).

This module only puts the command modules together (:func:`build_app`); ``likeness`` (the
console script) and ``python -m likeness.cli`` both run :data:`app`.
"""

from __future__ import annotations

import logging
from typing import Annotated

import typer

from likeness.cli.app import CliState, new_typer
from likeness.cli.commands import (
    arena,
    corpus,
    db,
    demo,
    download,
    drafts,
    evaluation,
    importing,
    inference,
    jobs,
    labeling,
    models,
    personas,
    serve,
    stack,
    training,
    tui,
)

HELP = "likeness: turn one person's public posts into a model that writes in their voice."


def root(
    ctx: typer.Context,
    server: Annotated[
        str | None,
        typer.Option(
            "--server",
            help="host:port of a running ingest service (default: the ingest_addr setting, "
            "LIKENESS_INGEST_ADDR; unset: embedded, no server).",
        ),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log more.")] = False,
) -> None:
    ctx.obj = CliState(ingest_server=server)
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING)


def build_app() -> typer.Typer:
    """The root app with every command group on it."""
    cli = new_typer(HELP)
    cli.callback()(root)
    for name, command in (
        ("import", importing.import_command),
        ("stats", corpus.stats),
        ("posts", corpus.posts),
        ("normalize", inference.normalize),
        ("generate", inference.generate),
        ("chat", inference.chat),
        ("train", training.train),
        ("eval", evaluation.evaluate),
        ("recipes", training.recipes),
        ("up", stack.up),
        ("down", stack.down),
        ("status", stack.status),
        ("demo", demo.demo),
    ):
        cli.command(name)(command)
    # Everything after `tui` goes to the app's own parser, --help included.
    cli.command("tui", context_settings=tui.CONTEXT_SETTINGS, add_help_option=False)(tui.tui)
    for name, group in (
        ("personas", personas.app),
        ("serve", serve.app),
        ("db", db.app),
        ("download", download.app),
        ("keys", db.keys_app),
        ("jobs", jobs.app),
        ("models", models.app),
        ("label", labeling.app),
        ("drafts", drafts.app),
        ("arena", arena.app),
    ):
        cli.add_typer(group, name=name)
    return cli


app = build_app()
