"""Modal dialogs of the label screen: a text editor, a one-line comment, the key list."""

from __future__ import annotations

from typing import ClassVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static, TextArea


class TextEditor(ModalScreen[str | None]):
    """Edit a text: Ctrl+S submits it, Esc cancels (None). Enter is a new line, as posts have
    them."""

    DEFAULT_CSS = """
    TextEditor { align: center middle; }
    #editor-box { width: 90%; max-width: 100; height: auto; background: $panel; padding: 0 1; }
    #editor-text { height: 10; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "submit", "Submit", id="editor.submit", priority=True),
        Binding("escape", "cancel", "Cancel", id="editor.cancel"),
    ]

    def __init__(self, title: str, text: str) -> None:
        super().__init__()
        self.title_text = title
        self.text = text

    def compose(self) -> ComposeResult:
        with Vertical(id="editor-box"):
            yield Label(f"{self.title_text}  (Ctrl+S submit · Esc cancel)", markup=False)
            yield TextArea(self.text, id="editor-text", soft_wrap=True)

    def on_mount(self) -> None:
        area = self.query_one(TextArea)
        area.focus()
        area.move_cursor(area.document.end)

    def action_submit(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_cancel(self) -> None:
        self.dismiss(None)


class CommentInput(ModalScreen[str | None]):
    """A one-line comment for the next decision: Enter keeps it, Esc cancels (None)."""

    DEFAULT_CSS = """
    CommentInput { align: center middle; }
    #comment-box { width: 90%; max-width: 80; height: auto; background: $panel; padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="comment.cancel"),
    ]

    def __init__(self, comment: str) -> None:
        super().__init__()
        self.comment = comment

    def compose(self) -> ComposeResult:
        with Vertical(id="comment-box"):
            yield Label("Comment for the next decision (Enter keep · Esc cancel)")
            yield Input(self.comment, id="comment-text")

    @on(Input.Submitted)
    def submitted(self, event: Input.Submitted) -> None:
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)


class KeyHelp(ModalScreen[None]):
    """The keys of a screen as they are bound now (remapped ones included); any key closes."""

    DEFAULT_CSS = """
    KeyHelp { align: center middle; }
    #help-box { width: auto; max-width: 90%; height: auto; background: $panel; padding: 0 2; }
    """

    def __init__(self, lines: list[tuple[str, str]]) -> None:
        super().__init__()
        self.lines = lines

    def compose(self) -> ComposeResult:
        width = max((len(key) for key, _ in self.lines), default=0)
        text = "\n".join(f"{key:>{width}}  {what}" for key, what in self.lines)
        with Vertical(id="help-box"):
            yield Label("Keys (any key closes)")
            yield Static(text, id="help-keys", markup=False)

    def on_key(self) -> None:
        self.dismiss(None)

    def on_click(self) -> None:
        self.dismiss(None)
