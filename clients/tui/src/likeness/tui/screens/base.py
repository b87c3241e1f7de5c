"""What every screen shares: the app's services, and errors of its workers as notifications."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING, cast

from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Header
from textual.worker import Worker, WorkerState

from likeness.tui.widgets.screen_bar import ScreenBar
from likeness.tui.working import describe

if TYPE_CHECKING:
    from likeness.tui.app import LikenessApp
    from likeness.tui.services import Services


class ServiceScreen(Screen[None]):
    """A screen whose workers call services (see ``likeness.tui.working``)."""

    @property
    def likeness(self) -> LikenessApp:
        from likeness.tui.app import LikenessApp

        return cast(LikenessApp, self.app)

    @property
    def services(self) -> Services:
        return self.likeness.services

    @property
    def persona(self) -> str | None:
        return self.likeness.persona

    def top_bar(self) -> Iterator[Widget]:
        """The header and the screens line every screen starts with (``yield from``)."""
        yield Header()
        modes = {kind: name for name, kind in self.likeness.MODES.items()}
        yield ScreenBar(modes.get(type(self), ""), self.likeness.app_keys())

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.state == WorkerState.ERROR and event.worker.error is not None:
            self.notify(describe(event.worker.error), severity="error", timeout=8, markup=False)
