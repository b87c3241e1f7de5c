"""The drafts screen (being built)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from likeness.tui.screens.base import ServiceScreen


class DraftsScreen(ServiceScreen):
    CSS_PATH = "drafts.tcss"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("drafts", id="drafts-body")
        yield Footer()
