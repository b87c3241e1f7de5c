"""``likeness personas list | create | update``: who a corpus belongs to, and the card (system
prompt) training and chat use for them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from likeness.cli import backend, render
from likeness.cli.app import JsonOpt, fail, new_typer, state
from likeness.ingest.personas import PersonaInfo

app = new_typer("Create, update and list personas.")

SlugArg = Annotated[
    str, typer.Argument(help="The persona's short id: lowercase letters, digits, '-'.")
]
NameOpt = Annotated[str | None, typer.Option("--name", help="Display name.")]
CardOpt = Annotated[
    str | None,
    typer.Option("--card", help="Persona card: the system prompt used in training and chat."),
]
CardFileOpt = Annotated[
    Path | None,
    typer.Option("--card-file", help="Read the card from this UTF-8 text file (for long cards)."),
]
ExcludeOpt = Annotated[
    list[str] | None,
    typer.Option(
        "--exclude",
        help="A flag that keeps posts out of training (repeatable; replaces the current list; "
        "'none' excludes nothing). Flags: see docs/data-formats.md.",
    ),
]


def _card(card: str | None, card_file: Path | None) -> str | None:
    if card is not None and card_file is not None:
        raise fail("give the card with --card or --card-file, not both")
    if card_file is None:
        return card
    try:
        text = card_file.read_text("utf-8").strip()
    except (OSError, UnicodeDecodeError) as exc:
        raise fail(f"cannot read the card file {card_file}: {exc}") from exc
    if not text:
        raise fail(f"the card file {card_file} is empty")
    return text


def _excluded(exclude: list[str] | None) -> list[str] | None:
    return None if exclude is None else [f for f in exclude if f.lower() != "none"]


def _show_one(persona: PersonaInfo) -> None:
    render.show_personas([persona])


@app.command("list")
def personas_list(ctx: typer.Context, as_json: JsonOpt = False) -> None:
    """All personas and their post counts."""
    with backend.ingest(state(ctx).settings()) as handle:
        render.emit(handle.list_personas(), as_json, render.show_personas)


def _saving(update: bool) -> Callable[..., None]:
    """``personas create`` (or update when it exists) and ``personas update`` (only that)."""

    def save(
        ctx: typer.Context,
        slug: SlugArg,
        name: NameOpt = None,
        card: CardOpt = None,
        card_file: CardFileOpt = None,
        exclude: ExcludeOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        text = _card(card, card_file)
        if update and not (name or text) and exclude is None:
            raise fail("nothing to change: give --name, --card, --card-file or --exclude")
        with backend.ingest(state(ctx).settings()) as handle:
            result = handle.create_persona(
                slug,
                must_exist=update,
                display_name=name,
                card=text,
                exclude_flags=_excluded(exclude),
            )
        render.emit(result, as_json, _show_one)

    return save


app.command(
    "create",
    help="Create a persona (or update the name, card and excluded flags of an existing one).",
)(_saving(update=False))
app.command(
    "update",
    help="""Change an existing persona's name, card or excluded flags; what is not given stays.

    A persona created by its first import has a placeholder card; this is how it gets a real
    name and voice.""",
)(_saving(update=True))
