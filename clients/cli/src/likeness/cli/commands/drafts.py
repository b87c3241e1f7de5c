r"""``likeness drafts list | approve | reject | reset | export``: the review queue of drafts.

    likeness drafts list --persona alice                  # pending, newest first
    likeness drafts approve 3f2a9c81d0e4 7be1...          # ids or unique prefixes (12 shown)
    likeness drafts reject 51c0d2aa93f1
    likeness drafts reset 51c0d2aa93f1                    # back to pending (before export)
    likeness drafts export --persona alice --out queue.jsonl [--format jsonl|lines]
    likeness drafts export --persona alice --out queue.jsonl --batch BATCH_ID

Embedded by default (the configured database, opened here); ``--server HOST:PORT`` or the
labeler_addr setting talks to a running labeler's DraftService instead, and the file is still
written here.

Export rules (``likeness.labeler.drafts`` holds the queue's; ``likeness.core.draft_files``
the file's, shared with the terminal app):

- **Exactly once.** Each export takes the approved drafts not exported yet and marks them
  exported in the same transaction; they are never exported again. Blank drafts are rejected
  and duplicates (same text up to case and whitespace) are set aside, never written.
- **The file grows.** Exporting is incremental, so ``--out`` is appended to when it exists.
  The file is replaced atomically (old content + new lines into a temporary file beside it,
  flushed to disk, renamed over it): a crash leaves the old file or the new one, never half.
  A line the file holds already is not written again.
- **Formats.** ``jsonl``: one object per line with id, persona, topic, text, model_id and
  created_at (ISO 8601, UTC). ``lines``: one post per line, the text escaped as in a JSON
  string so that line breaks survive and nothing splits a post: a backslash is written ``\\``,
  a newline ``\n``, a carriage return ``\r``, any other line separator (U+000B, U+000C,
  U+001C-U+001E, U+0085, U+2028, U+2029) ``\uXXXX``; nothing else changes.
- **A lost file.** The batch id is printed; ``--batch ID`` writes that batch again (it exports
  nothing new). ``likeness drafts list --state exported`` shows each draft's batch.
- **An empty queue** prints "no approved drafts waiting for export", writes nothing, exit 0.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Protocol

import typer
from rich.markup import escape
from rich.table import Table

from likeness.cli import backend, render
from likeness.cli.app import JsonOpt, OptionalPersonaOpt, PersonaOpt, fail, new_typer, state
from likeness.core.draft_files import FORMATS, append_lines, draft_line
from likeness.core.draft_files import one_line as one_line  # tests import it from here
from likeness.core.settings import Settings

if TYPE_CHECKING:
    from sqlalchemy import Engine

    from likeness.labeler.drafts import DraftInfo, DraftPage, ExportResult

app = new_typer("Generated drafts: list, approve or reject, export the approved ones once.")

TEXT_PREVIEW = 120

DraftServerOpt = Annotated[
    str | None,
    typer.Option(
        "--server",
        help="host:port of a running labeler service (default: the labeler_addr setting, "
        "LIKENESS_LABELER_ADDR; unset: embedded, on the configured database).",
    ),
]
DraftIdsArg = Annotated[
    list[str],
    typer.Argument(help="Draft ids, or unique prefixes of them (see `likeness drafts list`)."),
]


# --- where the calls go ----------------------------------------------------------------------


class Drafts(Protocol):
    """What the commands call: ``DraftClient`` remotely, :class:`EmbeddedDrafts` here."""

    def list_drafts(self, persona: str | None, state: str, limit: int) -> DraftPage: ...

    def review_drafts(self, ids: Sequence[str], decision: str) -> list[DraftInfo]: ...

    def export_drafts(self, persona: str, batch_id: str | None = None) -> ExportResult: ...

    def close(self) -> None: ...


class EmbeddedDrafts:
    """The domain functions on the configured database, in this process."""

    def __init__(self, db: Engine) -> None:
        self.db = db

    def list_drafts(self, persona: str | None, state: str, limit: int) -> DraftPage:
        from likeness.labeler.drafts import list_drafts

        return list_drafts(self.db, persona, state, limit)

    def review_drafts(self, ids: Sequence[str], decision: str) -> list[DraftInfo]:
        from likeness.labeler.drafts import review_drafts

        return review_drafts(self.db, ids, decision)

    def export_drafts(self, persona: str, batch_id: str | None = None) -> ExportResult:
        from likeness.labeler.drafts import export_drafts

        return export_drafts(self.db, persona, batch_id)

    def close(self) -> None:
        self.db.dispose()


def open_drafts(settings: Settings, server: str | None) -> Drafts:
    addr = server or settings.labeler_addr
    if addr:
        from likeness.labeler.drafts_client import DraftClient

        return DraftClient(addr, api_key=settings.api_key)
    from likeness.core.db import open_database

    return EmbeddedDrafts(open_database(settings))


def draft_errors() -> tuple[type[Exception], ...]:
    """What a drafts command reports as one clear error line (exit 2)."""
    from likeness.core.errors import PersonaNotFound
    from likeness.core.grpc_client import ServiceError
    from likeness.labeler.errors import LabelerError

    return (LabelerError, PersonaNotFound, ServiceError, ValueError)


def drafts_backend(
    settings: Settings, server: str | None
) -> contextlib.AbstractContextManager[Drafts]:
    return backend.guarded(
        lambda: open_drafts(settings, server), lambda h: h.close(), draft_errors()
    )


# --- commands ---------------------------------------------------------------------------------


@app.command("list")
def drafts_list(
    ctx: typer.Context,
    persona: OptionalPersonaOpt = None,
    draft_state: Annotated[
        str,
        typer.Option(
            "--state",
            help="pending, approved (waiting for export), rejected, duplicate, exported, or all.",
        ),
    ] = "pending",
    limit: Annotated[int, typer.Option(help="Show at most this many (newest first).")] = 50,
    server: DraftServerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List generated drafts, newest first (every persona unless --persona)."""
    with drafts_backend(state(ctx).settings(), server) as handle:
        page = handle.list_drafts(persona, draft_state, limit)
    render.emit(page, as_json, lambda p: _show_page(p, draft_state))


def _review(
    ctx: typer.Context, ids: list[str], decision: str, server: str | None
) -> list[DraftInfo]:
    with drafts_backend(state(ctx).settings(), server) as handle:
        return handle.review_drafts(ids, decision)


def _reviewed(done: str) -> Callable[[list[DraftInfo]], None]:
    def show(drafts: list[DraftInfo]) -> None:
        shown = ", ".join(d.id[: render.SHORT_ID] for d in drafts)
        render.out.print(f"{done} {len(drafts)} draft(s): {shown}", highlight=False)

    return show


@app.command("approve")
def drafts_approve(
    ctx: typer.Context, ids: DraftIdsArg, server: DraftServerOpt = None, as_json: JsonOpt = False
) -> None:
    """Approve drafts for export (all or none: an unknown or exported id changes nothing)."""
    render.emit(_review(ctx, ids, "approve", server), as_json, _reviewed("approved"))


@app.command("reject")
def drafts_reject(
    ctx: typer.Context, ids: DraftIdsArg, server: DraftServerOpt = None, as_json: JsonOpt = False
) -> None:
    """Reject drafts: they are never exported (unless approved again before an export)."""
    render.emit(_review(ctx, ids, "reject", server), as_json, _reviewed("rejected"))


@app.command("reset")
def drafts_reset(
    ctx: typer.Context, ids: DraftIdsArg, server: DraftServerOpt = None, as_json: JsonOpt = False
) -> None:
    """Put reviewed drafts back to pending; an exported draft can no longer be changed."""
    render.emit(_review(ctx, ids, "pending", server), as_json, _reviewed("back to pending:"))


@app.command("export")
def drafts_export(
    ctx: typer.Context,
    persona: PersonaOpt,
    out: Annotated[Path, typer.Option("--out", "-o", help="The file to append the drafts to.")],
    fmt: Annotated[
        str, typer.Option("--format", help="jsonl (objects) or lines (one post per line).")
    ] = "jsonl",
    batch: Annotated[
        str | None,
        typer.Option("--batch", help="Write this earlier batch again (it exports nothing new)."),
    ] = None,
    server: DraftServerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    r"""Export the persona's approved drafts exactly once, appending them to --out.

    Exported drafts are marked in the same transaction and never exported again; blank drafts
    are rejected and duplicates (the same text up to case and whitespace) set aside, never
    written. The file is appended to (exporting is incremental) and replaced atomically;
    lines it holds already are not written again.

    **jsonl**: one object per line: id, persona, topic, text, model_id, created_at (UTC).
    **lines**: one post per line, escaped as in a JSON string (a backslash is `\\`, a
    newline `\n`, a carriage return `\r`, any other line separator `\uXXXX`).

    The batch id is printed: `--batch ID` writes that batch again, for a file lost after the
    export (`likeness drafts list --state exported` shows each draft's batch). An empty queue
    prints "no approved drafts waiting for export" and writes nothing.
    """
    if fmt not in FORMATS:
        raise fail(f"--format must be one of: {', '.join(FORMATS)}")
    with drafts_backend(state(ctx).settings(), server) as handle:
        result = handle.export_drafts(persona, batch)
    written = 0
    if result.drafts:
        try:
            written = append_lines(out, [draft_line(d, fmt) for d in result.drafts])
        except OSError as exc:
            again = f"likeness drafts export --persona {persona} --batch {result.batch_id}"
            raise fail(
                f"{result.message}, but writing {out} failed ({exc}); write the batch again "
                f"with `{again} --out FILE`"
            ) from exc
    if as_json:
        render.print_json({**asdict(result), "out": str(out), "written": written})
        return
    render.out.print(escape(result.message), highlight=False)
    if result.drafts:
        held = len(result.drafts) - written
        note = f" ({held} already in it)" if held else ""
        render.out.print(f"wrote {written} line(s) to {escape(str(out))}{note}", highlight=False)


def _show_page(page: DraftPage, draft_state: str) -> None:
    if not page.drafts:
        render.out.print(f"no {draft_state} drafts", highlight=False)
        return
    exported = draft_state in ("exported", "all")
    title = f"{len(page.drafts)} of {page.total} {draft_state} draft(s), newest first"
    table = Table(title=title, header_style="bold")
    for column in ("id", "persona", "state", "created", "topic", "text"):
        table.add_column(column, no_wrap=column in ("id", "created"))
    if exported:
        table.add_column("batch", no_wrap=True)
    for draft in page.drafts:
        text = draft.text if len(draft.text) <= TEXT_PREVIEW else draft.text[:TEXT_PREVIEW] + "…"
        row = [
            draft.id[: render.SHORT_ID],
            escape(draft.persona),
            draft.state if draft.exported_at is None else "exported",
            f"{draft.created_at:%Y-%m-%d %H:%M}",
            escape(draft.topic),
            escape(text),
        ]
        if exported:
            row.append(draft.export_batch or "")  # whole: `export --batch` takes it
        table.add_row(*row)
    render.out.print(table)
