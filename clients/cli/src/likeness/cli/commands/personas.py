"""``likeness personas list | create | update``: who a corpus belongs to, and the card (system
prompt) training and chat use for them."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any

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


GateOpt = Annotated[
    str | None,
    typer.Option(
        "--gate",
        help="The persona's serving-gate thresholds as a JSON object, e.g. "
        '\'{"min_attribution": 0.8, "max_copy_rate": 0.02}\' (null turns a check off, {} '
        "restores the defaults: the LIKENESS_GATE_* settings).",
    ),
]


MixOpt = Annotated[
    str | None,
    typer.Option(
        "--mix",
        help="Make this persona a token-balanced mix of other personas' corpora: their slugs, "
        "comma-separated (at least two, e.g. trump,andre; none of them a mix itself). Its own "
        "card is the system prompt; 'none' makes it a persona of its own again.",
    ),
]


def _mix(text: str | None) -> list[str] | None:
    if text is None:
        return None
    if text.strip().lower() == "none":
        return []
    sources = [slug.strip() for slug in text.split(",") if slug.strip()]
    if not sources:
        raise fail("--mix takes persona slugs, comma-separated (e.g. trump,andre), or 'none'")
    return sources


def _gate(text: str | None) -> dict[str, Any] | None:
    if text is None:
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError as exc:
        raise fail(f"--gate takes a JSON object: {exc}") from None
    if not isinstance(value, dict):
        raise fail("--gate takes a JSON object, e.g. '{\"min_attribution\": 0.8}'")
    return value


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
        gate: GateOpt = None,
        mix: MixOpt = None,
        as_json: JsonOpt = False,
    ) -> None:
        text = _card(card, card_file)
        thresholds = _gate(gate)
        sources = _mix(mix)
        unchanged = exclude is None and thresholds is None and sources is None
        if update and not (name or text) and unchanged:
            raise fail(
                "nothing to change: give --name, --card, --card-file, --exclude, --gate or --mix"
            )
        with backend.ingest(state(ctx).settings()) as handle:
            result = handle.create_persona(
                slug,
                must_exist=update,
                display_name=name,
                card=text,
                exclude_flags=_excluded(exclude),
                gate=thresholds,
                mix=sources,
            )
        render.emit(result, as_json, _show_one)

    return save


app.command(
    "create",
    help="Create a persona (or update the name, card, excluded flags, gate or mix of an existing "
    "one).",
)(_saving(update=False))
app.command(
    "update",
    help="""Change an existing persona's name, card, excluded flags, gate or mix; what is not
    given stays.

    A persona created by its first import has a placeholder card; this is how it gets a real
    name and voice.""",
)(_saving(update=True))
