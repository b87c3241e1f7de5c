"""``likeness download factbase``: fetch public archives to import later."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.progress import Progress

from likeness.cli import render
from likeness.cli.app import fail, new_typer
from likeness.ingest.errors import IngestError

app = new_typer("Download public archives to import later.")


@app.command("factbase")
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
