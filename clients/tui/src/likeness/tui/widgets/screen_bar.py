"""The line under the header that names every screen and its key, the current one lit.

The footer lists the keys of the screen in front; at 80 columns it has no room left for the
app's own (F1-F6, Ctrl+O, Ctrl+Q), so they live here, where they always fit and say where you
are. Keys are read from the app's bindings after the keymap, so a remapped key shows as mapped.
"""

from __future__ import annotations

from rich.text import Text
from textual.widgets import Static

#: (binding id, label) in the order shown.
SCREENS = [
    ("app.label", "Label"),
    ("app.chat", "Chat"),
    ("app.corpus", "Corpus"),
    ("app.jobs", "Jobs"),
    ("app.drafts", "Drafts"),
    ("app.arena", "Arena"),
]
ACTIONS = [("app.persona", "persona"), ("app.quit", "quit")]


class ScreenBar(Static):
    """See the module docstring; ``current`` is the mode of the screen it sits on."""

    DEFAULT_CSS = """
    ScreenBar {
        height: 1;
        background: $panel;
        color: $text-muted;
    }
    """

    def __init__(self, current: str, keys: dict[str, str]) -> None:
        super().__init__(self.line(current, keys), markup=False)

    @staticmethod
    def line(current: str, keys: dict[str, str]) -> Text:
        text = Text(no_wrap=True, overflow="ellipsis")
        for binding_id, label in SCREENS:
            here = binding_id == f"app.{current}"
            style = "bold reverse" if here else ""
            text.append(f" {keys.get(binding_id, '?')} ", style="bold " + style)
            text.append(f"{label} ", style=style)
        for binding_id, label in ACTIONS:
            text.append(f" {keys.get(binding_id, '?')}", style="bold")
            text.append(f" {label}")
        return text
