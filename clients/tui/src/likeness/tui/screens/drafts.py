"""The drafts screen: post drafts in the persona's voice, generated on a topic, reviewed, exported.

    Topic [the ferry        ] n [4]     Enter generates n drafts (InferenceService.GeneratePosts)
    pending | approved | rejected | duplicate | exported | all        f: the next filter
    id        state     topic         text                             the drafts, newest first
    the selected draft, whole

``a`` approves, ``x`` rejects, ``z`` puts the selected draft back to pending (until it is
exported); the selection moves on at once, so a run of keys reviews a run of drafts. ``e``
exports the approved drafts that wait, exactly once (the DraftService marks them in the same
transaction), to a file asked for (prefilled ``DATA_DIR/exports/drafts-<persona>.jsonl``); the
file is written by the CLI's rules (``likeness.core.draft_files``: atomic append, no line twice).
A batch whose file could not be written is written again by the next export, before anything new
leaves the queue. ``g`` jumps to the topic, Esc back to the list, ``r`` reloads it.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.coordinate import Coordinate
from textual.screen import ModalScreen
from textual.validation import Number
from textual.widgets import (
    DataTable,
    Footer,
    Input,
    Label,
    RadioButton,
    RadioSet,
    Static,
)
from textual.worker import get_current_worker

from likeness.core.draft_files import FORMATS, write_drafts
from likeness.tui.screens.base import ServiceScreen
from likeness.tui.working import background

if TYPE_CHECKING:
    from likeness.labeler.drafts import DraftInfo, DraftPage

#: What the DraftService lists by (``likeness.labeler.drafts.LIST_FILTERS``, in that order):
#: a state (``approved``: waiting for export), ``exported``, or ``all``.
FILTERS = ("pending", "approved", "rejected", "duplicate", "exported", "all")
DEFAULT_N = 4
#: The most drafts one GeneratePosts makes (the inference service's limit).
MAX_N = 64
#: The most drafts the list shows (newest first); the status line says how many match.
LIST_LIMIT = 200
#: Suffix of the prefilled export file, by format.
SUFFIXES = {"jsonl": ".jsonl", "lines": ".txt"}
ID_WIDTH = 8
STATE_WIDTH = 9
TOPIC_WIDTH = 12
MIN_TEXT_WIDTH = 20


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _flat(text: str) -> str:
    """A draft's text on one line for its table cell (the preview shows it whole)."""
    return " ".join(text.split())


def export_path(data_dir: Path, persona: str, fmt: str = "jsonl") -> Path:
    """Where a persona's drafts are exported unless the person says otherwise."""
    return data_dir / "exports" / f"drafts-{persona}{SUFFIXES[fmt]}"


@dataclass(frozen=True, slots=True)
class ExportChoice:
    path: Path
    fmt: str


class ExportDialog(ModalScreen[ExportChoice | None]):
    """Asks where (and in which format) to write the export; Enter exports, Esc cancels."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="drafts.export_cancel")
    ]

    def __init__(self, data_dir: Path, persona: str, path: Path, fmt: str, note: str) -> None:
        super().__init__()
        self.data_dir = data_dir
        self.persona = persona
        self.path = path
        self.fmt = fmt
        self.note = note

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Label(f"Export the approved drafts of {self.persona} to", id="export-title")
            yield Input(str(self.path), id="export-path")
            with RadioSet(id="export-format"):
                for fmt in FORMATS:
                    yield RadioButton(fmt, value=fmt == self.fmt, name=fmt)
            if self.note:
                yield Label(self.note, id="export-note", markup=False)
            yield Label("Enter exports · Tab: the format · Esc cancels", id="export-hint")

    def on_mount(self) -> None:
        self.query_one("#export-path", Input).focus()

    @on(RadioSet.Changed, "#export-format")
    def format_picked(self, event: RadioSet.Changed) -> None:
        fmt = event.pressed.name or "jsonl"
        path = self.query_one("#export-path", Input)
        # Only the prefilled name follows the format; a path the person typed stays theirs.
        if path.value == str(export_path(self.data_dir, self.persona, self.fmt)):
            path.value = str(export_path(self.data_dir, self.persona, fmt))
        self.fmt = fmt

    @on(Input.Submitted, "#export-path")
    def path_given(self, event: Input.Submitted) -> None:
        given = event.value.strip()
        if not given:
            self.notify("give the file to export to", severity="warning")
            return
        self.dismiss(ExportChoice(Path(given).expanduser(), self.fmt))

    def action_cancel(self) -> None:
        self.dismiss(None)


class DraftsScreen(ServiceScreen):
    """See the module docstring."""

    CSS_PATH = "drafts.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "review('approve')", "Approve", id="drafts.approve"),
        Binding("x", "review('reject')", "Reject", id="drafts.reject"),
        Binding("z", "review('pending')", "Reset", id="drafts.reset"),
        Binding("f", "next_filter", "Filter", id="drafts.filter"),
        Binding("e", "export", "Export", id="drafts.export"),
        Binding("g", "focus_topic", "Generate", id="drafts.generate"),
        Binding("r", "reload", "Reload", id="drafts.reload"),
        Binding("escape", "focus_list", "List", id="drafts.list"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.filter = FILTERS[0]
        self.total = 0
        self.generating = 0
        self.drafts: dict[str, DraftInfo] = {}
        self._export_choice: ExportChoice | None = None
        #: (persona, batch id) of an export whose file could not be written.
        self._unwritten: tuple[str, str] | None = None
        self._text_width = 0

    def compose(self) -> ComposeResult:
        yield from self.top_bar()
        with Horizontal(id="drafts-generate"):
            topic = Input(placeholder="what the new drafts are about; Enter generates", id="topic")
            topic.border_title = "Generate drafts on"
            yield topic
            count = Input(
                str(DEFAULT_N),
                type="integer",
                validators=[Number(1, MAX_N)],
                id="count",
            )
            count.border_title = "n"
            yield count
        yield Static(id="drafts-status")
        yield DataTable(id="drafts-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="drafts-preview")
        # Compact: this screen's eight keys and the app's fit on 80 columns.
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self.watch(self.likeness, "persona", self._persona_changed, init=False)
        self._columns()
        self.query_one(DataTable).focus()
        self.show_status()
        self.load_drafts()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "focus_list":  # Esc is shown where it leads somewhere: in the inputs
            return not isinstance(self.focused, DataTable)
        return True

    def _persona_changed(self) -> None:
        self._export_choice = None
        self.load_drafts()

    @property
    def table(self) -> DataTable[Text]:
        return self.query_one("#drafts-table", DataTable)

    @property
    def data_dir(self) -> Path:
        return self.likeness.settings.data_dir

    # --- the list ---

    def _columns(self) -> None:
        """(Re)make the columns; the text column takes what the fixed ones leave."""
        width = self.table.size.width or self.app.size.width
        # Four columns' padding (1 each side), the vertical scrollbar (2).
        fixed = ID_WIDTH + STATE_WIDTH + TOPIC_WIDTH + 4 * 2 + 2
        text_width = max(MIN_TEXT_WIDTH, width - fixed)
        if text_width == self._text_width:
            return
        self._text_width = text_width
        table = self.table
        table.clear(columns=True)
        table.add_column("id", width=ID_WIDTH, key="id")
        table.add_column("state", width=STATE_WIDTH, key="state")
        table.add_column("topic", width=TOPIC_WIDTH, key="topic")
        table.add_column("text", width=text_width, key="text")
        self._fill(list(self.drafts.values()))

    def on_resize(self) -> None:
        self._columns()

    def _row(self, draft: DraftInfo) -> list[Text]:
        state = "exported" if draft.exported_at is not None else draft.state
        return [
            Text(draft.id[:ID_WIDTH]),
            Text(state, style="bold" if state == "pending" else ""),
            Text(_flat(draft.topic), no_wrap=True, overflow="ellipsis"),
            Text(_flat(draft.text), no_wrap=True, overflow="ellipsis"),
        ]

    def _fill(self, drafts: list[DraftInfo], *, first: bool = False) -> None:
        """Show ``drafts``, the cursor kept on the draft it was on (gone: the same place)."""
        table = self.table
        kept: str | None = None
        index = table.cursor_row
        if table.row_count and not first:
            kept = table.coordinate_to_cell_key(Coordinate(index, 0)).row_key.value
        table.clear()
        for draft in drafts:
            table.add_row(*self._row(draft), key=draft.id)
        if drafts:
            ids = [d.id for d in drafts]
            row = ids.index(kept) if kept in ids else min(0 if first else index, len(ids) - 1)
            table.move_cursor(row=row)
        self.show_preview()

    def selected(self) -> DraftInfo | None:
        table = self.table
        if not table.row_count:
            return None
        key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key.value
        return self.drafts.get(key or "")

    @background(group="drafts-load")
    def load_drafts(self, first: bool = False) -> None:
        persona = self.persona
        wanted = self.filter
        if persona is None:
            self.app.call_from_thread(self.show_drafts, None, wanted, first)
            return
        page = self.services.require("drafts").list_drafts(persona, wanted, LIST_LIMIT)
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self.show_drafts, page, wanted, first)

    def show_drafts(self, page: DraftPage | None, wanted: str, first: bool) -> None:
        if wanted != self.filter:  # the filter moved on while this page was on its way
            return
        drafts = page.drafts if page else []
        self.drafts = {d.id: d for d in drafts}
        self.total = page.total if page else 0
        self._fill(drafts, first=first)
        self.show_status()

    def show_status(self) -> None:
        line = Text()
        for index, name in enumerate(FILTERS):
            if index:
                line.append(" | ", style="dim")
            line.append(name, style="bold reverse" if name == self.filter else "")
        shown = len(self.drafts)
        count = f"{shown} of {self.total}" if shown < self.total else f"{shown}"
        line.append(f"   {count} draft{'' if self.total == 1 else 's'}")
        if self.persona is None:
            line = Text("no persona: pick one with Ctrl+O")
        self.query_one("#drafts-status", Static).update(line)
        topic = self.query_one("#topic", Input)
        topic.border_subtitle = (
            f"generating {_plural(self.generating, 'batch')} …" if self.generating else ""
        )

    def show_preview(self) -> None:
        draft = self.selected()
        preview = self.query_one("#drafts-preview", Static)
        if draft is None:
            hint = (
                "no drafts yet: type a topic above and press Enter"
                if self.filter == "pending"
                else f"no {self.filter} drafts (f: the next filter)"
            )
            preview.update(Text(hint, style="dim"))
            return
        state = "exported" if draft.exported_at is not None else draft.state
        head = Text(f"{draft.id[:12]} · {state} · {draft.created_at:%Y-%m-%d %H:%M} UTC", "dim")
        if draft.model_id:
            head.append(f" · {draft.model_id}", "dim")
        if draft.export_batch:
            head.append(f" · batch {draft.export_batch}", "dim")
        body = Text(f"{draft.topic}: " if draft.topic else "", "bold")
        body.append(draft.text)
        preview.update(Text("\n").join([head, body]))

    @on(DataTable.RowHighlighted, "#drafts-table")
    def highlighted(self) -> None:
        self.show_preview()

    def action_next_filter(self) -> None:
        self.filter = FILTERS[(FILTERS.index(self.filter) + 1) % len(FILTERS)]
        self.drafts = {}
        self.total = 0
        self.table.clear()
        self.show_status()
        self.load_drafts(first=True)

    def action_reload(self) -> None:
        self.load_drafts()

    def action_focus_list(self) -> None:
        self.table.focus()

    def action_focus_topic(self) -> None:
        self.query_one("#topic", Input).focus()

    # --- review ---

    def action_review(self, decision: str) -> None:
        draft = self.selected()
        if draft is None:
            self.notify("no draft selected", severity="warning")
            return
        table = self.table
        # The selection moves on now, so the next key reviews the next draft at once.
        if table.cursor_row < table.row_count - 1:
            table.move_cursor(row=table.cursor_row + 1)
        self.review(draft.id, decision)

    @background(exclusive=False, group="drafts-review")
    def review(self, draft_id: str, decision: str) -> None:
        try:
            self.services.require("drafts").review_drafts([draft_id], decision)
        finally:
            # Also after a refusal: the list shows what the service holds.
            self.app.call_from_thread(self.load_drafts)

    # --- generate ---

    @on(Input.Submitted, "#topic, #count")
    def start_generating(self) -> None:
        topic = self.query_one("#topic", Input).value.strip()
        count = self.query_one("#count", Input)
        if self.persona is None:
            self.notify("no persona: pick one first (Ctrl+O)", severity="warning")
            return
        if not topic:
            self.notify("type what the drafts are about first", severity="warning")
            self.query_one("#topic", Input).focus()
            return
        if not count.is_valid or not count.value:
            self.notify(f"n must be a number from 1 to {MAX_N}", severity="warning")
            count.focus()
            return
        self.generating += 1
        self.show_status()
        self.generate(self.persona, topic, int(count.value))

    @background(exclusive=False, group="drafts-generate")
    def generate(self, persona: str, topic: str, n: int) -> None:
        try:
            made = self.services.require("inference").generate_posts(persona, topic, n)
        finally:
            self.app.call_from_thread(self._generated_one)
        if made:
            note = f"{_plural(len(made), 'new draft')} on “{topic}” waiting for review"
            self.notify(note, markup=False)
        else:
            self.notify(f"the model wrote nothing on “{topic}”; try again", severity="warning")
        self.app.call_from_thread(self._show_new, persona)

    def _generated_one(self) -> None:
        self.generating -= 1
        self.show_status()

    def _show_new(self, persona: str) -> None:
        if persona != self.persona:
            return
        if self.filter not in ("pending", "all"):
            self.filter = "pending"
        self.show_status()
        self.load_drafts(first=True)

    # --- export ---

    def action_export(self) -> None:
        persona = self.persona
        if persona is None:
            self.notify("no persona: pick one first (Ctrl+O)", severity="warning")
            return
        choice = self._export_choice or ExportChoice(export_path(self.data_dir, persona), "jsonl")
        note = ""
        if self._unwritten and self._unwritten[0] == persona:
            note = f"batch {self._unwritten[1]} was not written yet: this writes it again"
        self.app.push_screen(
            ExportDialog(self.data_dir, persona, choice.path, choice.fmt, note),
            self._export_chosen,
        )

    def _export_chosen(self, choice: ExportChoice | None) -> None:
        if choice is None or self.persona is None:
            return
        self._export_choice = choice
        self.export(self.persona, choice)

    @background(exclusive=False, group="drafts-export")
    def export(self, persona: str, choice: ExportChoice) -> None:
        again = self._unwritten[1] if self._unwritten and self._unwritten[0] == persona else None
        result = self.services.require("drafts").export_drafts(persona, again)
        if not result.drafts:
            self.notify(result.message, markup=False)  # an empty queue is normal, not an error
            return
        try:
            written = write_drafts(choice.path, result.drafts, choice.fmt)
        except OSError as exc:
            # The drafts left the queue; the batch id gets them back (the next export).
            self._unwritten = (persona, result.batch_id or "")
            self.notify(
                f"{result.message}, but writing {choice.path} failed ({exc}); export again "
                "to write that batch to a file",
                severity="error",
                timeout=15,
                markup=False,
            )
            return
        self._unwritten = None
        done = f"{_plural(len(result.drafts), 'draft')} exported to {choice.path}"
        notes = [f"batch {result.batch_id}"]
        if held := len(result.drafts) - written:
            notes.append(f"{held} already in the file")
        if result.skipped_duplicates:
            notes.append(f"{_plural(result.skipped_duplicates, 'duplicate')} set aside")
        if result.skipped_blank:
            notes.append(f"{_plural(result.skipped_blank, 'blank draft')} rejected")
        self.notify(f"{done} ({'; '.join(notes)})", timeout=10, markup=False)
        self.app.call_from_thread(self.load_drafts)
