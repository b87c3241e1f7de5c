"""The label screen (being built)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from likeness.tui.screens.base import ServiceScreen


class LabelScreen(ServiceScreen):
    CSS_PATH = "label.tcss"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("label", id="label-body")
        yield Footer()
