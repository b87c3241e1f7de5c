"""The corpus screen (being built)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from likeness.tui.screens.base import ServiceScreen


class CorpusScreen(ServiceScreen):
    CSS_PATH = "corpus.tcss"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("corpus", id="corpus-body")
        yield Footer()
