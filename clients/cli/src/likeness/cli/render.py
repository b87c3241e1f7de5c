"""How the CLI shows results: rich tables for people, one JSON object for programs."""

from __future__ import annotations

import sys
from dataclasses import asdict, is_dataclass
from datetime import datetime
from typing import Any

import orjson
from rich.console import Console
from rich.table import Table

from likeness.core.auth import ApiKeyInfo
from likeness.ingest.corpus import PersonaStats, PostPage
from likeness.ingest.personas import PersonaInfo
from likeness.ingest.summary import ImportSummary

out = Console()
err = Console(stderr=True)


def _default(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    raise TypeError(type(value).__name__)


def print_json(value: Any) -> None:
    data = asdict(value) if is_dataclass(value) and not isinstance(value, type) else value
    sys.stdout.write(orjson.dumps(data, default=_default, option=orjson.OPT_INDENT_2).decode())
    sys.stdout.write("\n")
    sys.stdout.flush()


def _counts_table(title: str, counts: dict[str, int]) -> Table:
    table = Table(title=title, show_header=True, header_style="bold")
    table.add_column("")
    table.add_column("posts", justify="right")
    for key, value in counts.items():
        table.add_row(key, f"{value:,}")
    return table


def show_summary(summary: ImportSummary) -> None:
    table = Table(title=f"import → {summary.persona} ({summary.format})", header_style="bold")
    table.add_column("")
    table.add_column("posts", justify="right")
    table.add_row("read", f"{summary.read:,}")
    table.add_row("kept for training", f"{summary.kept:,}")
    for reason, count in summary.flagged.items():
        table.add_row(f"  flagged: {reason}", f"{count:,}")
    table.add_row("merged into threads", f"{summary.merged:,}")
    table.add_row("duplicates", f"{summary.duplicates:,}")
    if summary.repeated:
        table.add_row("repeated records (kept once)", f"{summary.repeated:,}")
    for reason, count in summary.skipped.items():
        table.add_row(f"skipped, never stored: {reason}", f"{count:,}")
    table.add_row("[bold]new rows[/bold]", f"[bold]{summary.new:,}[/bold]")
    out.print(table)
    note = " (this exact export was imported before)" if summary.source_seen_before else ""
    out.print(f"{summary.seconds:.2f} s{note}")


def show_stats(stats: PersonaStats) -> None:
    head = Table(title=f"corpus of {stats.persona}", header_style="bold")
    head.add_column("")
    head.add_column("posts", justify="right")
    head.add_row("total", f"{stats.total:,}")
    head.add_row("kept for training", f"{stats.kept:,}")
    head.add_row("flagged out", f"{stats.flagged:,}")
    head.add_row("normalised", f"{stats.normalized:,}")
    head.add_row("sources", f"{stats.sources:,}")
    out.print(head)
    out.print(_counts_table("by platform", stats.by_platform))
    out.print(_counts_table("by year", stats.by_year))
    if stats.by_flag:
        out.print(_counts_table("by flag", stats.by_flag))


def show_posts(page: PostPage, *, raw: bool = False) -> None:
    table = Table(
        title=f"{len(page.posts)} of {page.total:,} posts", header_style="bold", show_lines=False
    )
    table.add_column("date", no_wrap=True)
    table.add_column("id", no_wrap=True)
    table.add_column("text", overflow="fold")
    table.add_column("flags")
    for post in page.posts:
        when = post.created_at.strftime("%Y-%m-%d %H:%M") if post.created_at else "—"
        text = post.raw_text if raw else post.clean_text
        style = "" if post.kept else "dim"
        table.add_row(when, post.id[:10], text, ", ".join(post.flags), style=style)
    out.print(table)
    if page.next_page_token:
        out.print(f"more: --page-token {page.next_page_token}")


def show_personas(personas: list[PersonaInfo]) -> None:
    table = Table(title="personas", header_style="bold")
    table.add_column("slug")
    table.add_column("name")
    table.add_column("posts", justify="right")
    for persona in personas:
        table.add_row(persona.slug, persona.display_name, f"{persona.post_count:,}")
    out.print(table)


def show_keys(keys: list[ApiKeyInfo]) -> None:
    table = Table(title="API keys", header_style="bold")
    table.add_column("id", justify="right")
    table.add_column("name")
    table.add_column("created")
    table.add_column("state")
    for key in keys:
        state = "active" if key.active else f"revoked {key.revoked_at:%Y-%m-%d}"
        table.add_row(str(key.id), key.name, f"{key.created_at:%Y-%m-%d %H:%M}", state)
    out.print(table)
