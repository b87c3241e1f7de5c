"""The chat screen (being built)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer, Header, Static

from likeness.tui.screens.base import ServiceScreen


class ChatScreen(ServiceScreen):
    CSS_PATH = "chat.tcss"

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static("chat", id="chat-body")
        yield Footer()
