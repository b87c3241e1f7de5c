"""The ``likeness`` command."""

import typer

app = typer.Typer(
    help="likeness: turn one person's public posts into a model that writes in their voice."
)
