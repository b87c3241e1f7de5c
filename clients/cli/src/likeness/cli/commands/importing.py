"""``likeness import``: an export into a persona's corpus."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from likeness.cli import backend, render
from likeness.cli.app import JsonOpt, PersonaOpt, fail, state
from likeness.ingest.importers.registry import ImportOptions, format_names
from likeness.ingest.personas import PersonaInfo, has_default_card

#: The summary's JSON keys (docs/data-formats.md lists them).
SUMMARY_KEYS = (
    "read",
    "kept",
    "flagged",
    "merged",
    "duplicates",
    "new",
    "persona",
    "format",
    "repeated",
    "skipped",
    "source_sha256",
    "source_seen_before",
    "seconds",
)


def parse_map(pairs: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field or not column:
            raise fail(f"--map takes FIELD=COLUMN (e.g. text=body), not {pair!r}")
        mapping[field.strip()] = column.strip()
    return mapping


def import_command(
    ctx: typer.Context,
    path: Annotated[
        Path, typer.Argument(help="An export: .zip, folder, or file (see docs/data-formats.md).")
    ],
    persona: PersonaOpt,
    fmt: Annotated[
        str,
        typer.Option(
            "--format",
            "-f",
            help=f"auto (detect by content) or one of: {', '.join(format_names())}.",
        ),
    ] = "auto",
    column_map: Annotated[
        list[str] | None,
        typer.Option(
            "--map", help="JSONL/CSV column mapping FIELD=COLUMN, repeatable (text=body)."
        ),
    ] = None,
    platform: Annotated[
        str | None, typer.Option(help="Platform to record for JSONL/CSV and essays.")
    ] = None,
    author: Annotated[
        str | None, typer.Option(help="The account's own handle, if the export does not name it.")
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Import an export into a persona's corpus (the persona is created on first use).

    Re-importing the same export adds nothing. Nothing is written unless the whole export
    reads cleanly; errors name the file and record.
    """
    options = ImportOptions(
        column_map=parse_map(column_map or []), platform=platform, author=author
    )
    with backend.ingest(state(ctx).settings()) as handle:
        existed = persona in {p.slug for p in handle.list_personas()}
        with render.import_progress(not as_json) as progress:
            summary = handle.import_file(path, persona, fmt=fmt, options=options, progress=progress)
        created = None if existed else _persona(handle, persona)
    if as_json:
        render.print_json({key: getattr(summary, key) for key in SUMMARY_KEYS})
        return
    render.show_summary(summary)
    if created is not None and has_default_card(created):
        render.show_default_card_hint(created)


def _persona(handle: backend.Ingest, slug: str) -> PersonaInfo | None:
    return next((p for p in handle.list_personas() if p.slug == slug), None)
