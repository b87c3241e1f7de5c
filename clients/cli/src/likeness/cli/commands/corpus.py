"""``likeness stats | posts``: what a persona's corpus holds."""

from __future__ import annotations

from typing import Annotated

import typer

from likeness.cli import backend, render
from likeness.cli.app import JsonOpt, PersonaOpt, state


def stats(ctx: typer.Context, persona: PersonaOpt, as_json: JsonOpt = False) -> None:
    """Counts by platform, year and flag, and how many posts are kept for training."""
    with backend.ingest(state(ctx).settings()) as handle:
        result = handle.stats(persona)
    render.emit(result, as_json, render.show_stats)


def posts(
    ctx: typer.Context,
    persona: PersonaOpt,
    flag: Annotated[
        list[str] | None, typer.Option("--flag", help="Only posts with this flag (repeatable).")
    ] = None,
    no_flag: Annotated[
        list[str] | None, typer.Option("--no-flag", help="Only posts without this flag.")
    ] = None,
    kept: Annotated[bool, typer.Option("--kept", help="Only posts kept for training.")] = False,
    search: Annotated[str | None, typer.Option(help="Substring of the clean text.")] = None,
    platform: Annotated[str | None, typer.Option(help="twitter, mastodon, ...")] = None,
    limit: Annotated[int, typer.Option(help="Posts per page (max 1000).")] = 20,
    page_token: Annotated[str, typer.Option(help="Continue from a previous page.")] = "",
    raw: Annotated[
        bool, typer.Option("--raw", help="Show raw text instead of clean text.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """List a persona's posts, oldest first, with filters. Flags: see `likeness stats`."""
    with backend.ingest(state(ctx).settings()) as handle:
        page = handle.list_posts(
            persona,
            flags_any=flag or [],
            flags_none=no_flag or [],
            kept_only=kept,
            query=search,
            platform=platform,
            page_size=limit,
            page_token=page_token,
        )
    render.emit(page, as_json, lambda page: render.show_posts(page, raw=raw))
