"""The jobs screen (being built)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from likeness.tui.screens.base import ServiceScreen


class JobsScreen(ServiceScreen):
    CSS_PATH = "jobs.tcss"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("jobs", id="jobs-body")
        yield Footer()
