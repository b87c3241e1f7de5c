"""The ``likeness`` command: one front for every service, embedded or remote.

    likeness import twitter-archive.zip --persona alice
    likeness stats --persona alice
    likeness posts --persona alice --flag repost

Without ``--server`` / ``LIKENESS_INGEST_ADDR`` commands run embedded: the database is opened
in-process (SQLite in the data dir unless ``LIKENESS_DATABASE_URL`` names another).
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import asdict
from pathlib import Path
from typing import Annotated, TypeVar

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn
from sqlalchemy import Engine

from likeness.cli import render
from likeness.cli.backend import Backend, open_backend
from likeness.core.db import open_database
from likeness.core.errors import PersonaNotFound
from likeness.core.settings import Settings, get_settings
from likeness.ingest.errors import IngestError
from likeness.ingest.importers.registry import ImportOptions, format_names

app = typer.Typer(
    help="likeness: turn one person's public posts into a model that writes in their voice.",
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
personas_app = typer.Typer(help="Create and list personas.", no_args_is_help=True)
serve_app = typer.Typer(
    help="Run a service (gRPC, with health and reflection).", no_args_is_help=True
)
db_app = typer.Typer(help="Database maintenance.", no_args_is_help=True)
download_app = typer.Typer(help="Download public archives to import later.", no_args_is_help=True)
keys_app = typer.Typer(help="API keys for the services (stored hashed).", no_args_is_help=True)
app.add_typer(personas_app, name="personas")
app.add_typer(serve_app, name="serve")
app.add_typer(db_app, name="db")
app.add_typer(download_app, name="download")
app.add_typer(keys_app, name="keys")

T = TypeVar("T")
_state: dict[str, str | None] = {"server": None}

PersonaOpt = Annotated[str, typer.Option("--persona", "-p", help="Persona slug, e.g. 'alice'.")]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print one JSON object instead of tables.")]


@app.callback()
def main(
    server: Annotated[
        str | None,
        typer.Option(
            "--server",
            envvar="LIKENESS_INGEST_ADDR",
            help="host:port of a running ingest service; default: embedded (no server).",
        ),
    ] = None,
    verbose: Annotated[bool, typer.Option("--verbose", "-v", help="Log more.")] = False,
) -> None:
    _state["server"] = server
    logging.basicConfig(level=logging.INFO if verbose else logging.WARNING)


def settings() -> Settings:
    base = get_settings()
    if _state["server"]:
        return base.model_copy(update={"ingest_addr": _state["server"]})
    return base


def fail(message: str, code: int = 2) -> typer.Exit:
    render.err.print(f"[bold red]error:[/bold red] {message}", highlight=False)
    return typer.Exit(code)


@contextmanager
def backend() -> Iterator[Backend]:
    try:
        handle = open_backend(settings())
    except IngestError as exc:
        raise fail(str(exc)) from exc
    try:
        yield handle
    except (IngestError, PersonaNotFound) as exc:
        raise fail(str(exc)) from exc
    finally:
        handle.close()


def _parse_map(pairs: list[str]) -> dict[str, str]:
    mapping: dict[str, str] = {}
    for pair in pairs:
        field, sep, column = pair.partition("=")
        if not sep or not field or not column:
            raise fail(f"--map takes FIELD=COLUMN (e.g. text=body), not {pair!r}")
        mapping[field.strip()] = column.strip()
    return mapping


@contextmanager
def progress_bar(enabled: bool) -> Iterator[Callable[[str, int, int | None], None]]:
    if not enabled:
        yield lambda stage, done, total: None
        return
    labels = {"read": "reading", "clean": "cleaning", "store": "storing"}
    with Progress(
        SpinnerColumn(),
        TextColumn("{task.description:<9}"),
        BarColumn(),
        MofNCompleteColumn(),
        console=render.err,
        transient=True,
    ) as bar:
        tasks: dict[str, object] = {}

        def update(stage: str, done: int, total: int | None) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(labels.get(stage, stage), total=total)
            bar.update(tasks[stage], completed=done, total=total)  # type: ignore[arg-type]

        yield update


@app.command("import")
def import_command(
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
        column_map=_parse_map(column_map or []), platform=platform, author=author
    )
    with backend() as handle, progress_bar(not as_json) as progress:
        summary = handle.import_file(path, persona, fmt=fmt, options=options, progress=progress)
    if as_json:
        render.print_json(
            {
                "read": summary.read,
                "kept": summary.kept,
                "flagged": summary.flagged,
                "merged": summary.merged,
                "duplicates": summary.duplicates,
                "new": summary.new,
                "persona": summary.persona,
                "format": summary.format,
                "repeated": summary.repeated,
                "skipped": summary.skipped,
                "source_sha256": summary.source_sha256,
                "source_seen_before": summary.source_seen_before,
                "seconds": summary.seconds,
            }
        )
    else:
        render.show_summary(summary)


@app.command()
def stats(persona: PersonaOpt, as_json: JsonOpt = False) -> None:
    """Counts by platform, year and flag, and how many posts are kept for training."""
    with backend() as handle:
        result = handle.stats(persona)
    if as_json:
        render.print_json(result)
    else:
        render.show_stats(result)


@app.command()
def posts(
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
    with backend() as handle:
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
    if as_json:
        render.print_json(page)
    else:
        render.show_posts(page, raw=raw)


@personas_app.command("list")
def personas_list(as_json: JsonOpt = False) -> None:
    """All personas and their post counts."""
    with backend() as handle:
        result = handle.list_personas()
    if as_json:
        render.print_json([asdict(p) for p in result])
    else:
        render.show_personas(result)


@personas_app.command("create")
def personas_create(
    slug: Annotated[str, typer.Argument(help="Short id: lowercase letters, digits, '-'.")],
    name: Annotated[str | None, typer.Option(help="Display name.")] = None,
    card: Annotated[
        str | None, typer.Option(help="Persona card: the system prompt used in training and chat.")
    ] = None,
    exclude: Annotated[
        list[str] | None,
        typer.Option(
            "--exclude",
            help="A flag that keeps posts out of training (repeatable; replaces the default "
            "list; 'none' excludes nothing). Flags: see docs/data-formats.md.",
        ),
    ] = None,
    as_json: JsonOpt = False,
) -> None:
    """Create a persona (or update its name, card and excluded flags)."""
    excluded = None if exclude is None else [f for f in exclude if f.lower() != "none"]
    with backend() as handle:
        result = handle.create_persona(slug, name, card, excluded)
    if as_json:
        render.print_json(result)
    else:
        render.show_personas([result])


@serve_app.command("ingest")
def serve_ingest(
    host: Annotated[str, typer.Option(help="Address to bind.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="gRPC port.")] = 50051,
) -> None:
    """Run the ingest gRPC service (health + reflection included)."""
    from likeness.core.bind import InsecureBind
    from likeness.ingest.server import run_ingest_server

    try:
        run_ingest_server(get_settings(), host=host, port=port)
    except (IngestError, InsecureBind, OSError) as exc:
        raise fail(str(exc)) from exc


def _engine() -> Engine:
    """The configured database, migrated to the current schema."""
    return open_database(get_settings())


@db_app.command("upgrade")
def db_upgrade() -> None:
    """Apply database migrations (embedded starts do this by themselves)."""
    engine = _engine()
    engine.dispose()
    render.out.print(f"database at {engine.url.render_as_string(hide_password=True)} is current")


@download_app.command("factbase")
def download_factbase_command(
    url: Annotated[str, typer.Argument(help="First page URL of the Factbase API listing.")],
    out: Annotated[Path, typer.Option("--out", "-o", help="Folder for the pages (NNNN.json).")],
    max_pages: Annotated[int | None, typer.Option(help="Stop after this many pages.")] = None,
    delay: Annotated[float, typer.Option(help="Seconds between requests (be polite).")] = 1.0,
) -> None:
    """Download Roll Call Factbase pages with resume, retries and a polite delay."""
    from likeness.ingest.download.factbase import download_factbase

    with Progress(console=render.err, transient=True) as bar:
        task = bar.add_task("pages", total=None)

        def on_page(done: int, total: int | None) -> None:
            bar.update(task, completed=done, total=total)

        try:
            result = download_factbase(
                url, out, max_pages=max_pages, delay_s=delay, progress=on_page
            )
        except IngestError as exc:
            raise fail(str(exc)) from exc
    render.out.print(
        f"{result.pages_written} pages written, {result.pages_skipped} already on disk "
        f"→ {out} (import with: likeness import {out} --persona SLUG)"
    )


@keys_app.command("create")
def keys_create(name: Annotated[str, typer.Argument(help="A label for the key.")]) -> None:
    """Create an API key; it is printed once and stored only as a hash."""
    from likeness.core.auth import create_api_key

    engine = _engine()
    key = create_api_key(engine, name)
    render.out.print(key)
    render.err.print("store it now: it cannot be shown again")


@keys_app.command("list")
def keys_list() -> None:
    """List API keys (names and dates, never the keys)."""
    from likeness.core.auth import list_api_keys

    engine = _engine()
    render.show_keys(list_api_keys(engine))


@keys_app.command("revoke")
def keys_revoke(name: Annotated[str, typer.Argument(help="Name or id of the key.")]) -> None:
    """Revoke an API key."""
    from likeness.core.auth import revoke_api_key

    engine = _engine()
    if revoke_api_key(engine, name) == 0:
        raise fail(f"no active key named {name!r} (see `likeness keys list`)")
    render.out.print(f"revoked {name}")


def _register_inference_commands() -> None:
    # Imported for its side effect: it adds normalize/chat/generate/serve inference to ``app``.
    from likeness.cli import inference_commands, train_commands  # noqa: F401


_register_inference_commands()

if __name__ == "__main__":
    app()
