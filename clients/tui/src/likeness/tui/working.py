"""How the screens call services without blocking the app, and how failures reach the person.

    class JobsScreen(ServiceScreen):
        @background()                      # a thread worker; a new call cancels the last one
        def load_jobs(self) -> None:
            jobs = self.services.require("trainer").list_jobs()
            self.app.call_from_thread(self.show_jobs, jobs)

Every gRPC client is synchronous, so every call runs in a thread worker. A worker that raises
does not end the app (Textual's default): ``ServiceScreen`` turns its error into a notification
(``describe``), never a traceback. ``exclusive`` cancels the group's previous worker, which suits
loads and refreshes; a call whose effect must not be dropped (a Submit) uses its own
non-exclusive group.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from textual import work

from likeness.core.grpc_client import NotAuthenticated, ServiceError, ServiceUnavailable
from likeness.tui.services import NotConnected

F = TypeVar("F", bound=Callable[..., Any])


def background(*, exclusive: bool = True, group: str = "default") -> Callable[[F], F]:
    """``@work`` for a service call: in a thread, errors reported (not fatal)."""
    return work(thread=True, exclusive=exclusive, group=group, exit_on_error=False)  # type: ignore[return-value]


def describe(exc: BaseException) -> str:
    """One line for a notification: what failed and, where it helps, what to do."""
    if isinstance(exc, NotConnected):
        return str(exc)
    if isinstance(exc, NotAuthenticated):
        return f"refused: {exc} (set LIKENESS_API_KEY to a key of that server)"
    if isinstance(exc, ServiceUnavailable):
        return f"service unreachable, reconnecting: {exc}"
    if isinstance(exc, ServiceError | ValueError | LookupError | RuntimeError):
        return str(exc) or type(exc).__name__
    return f"{type(exc).__name__}: {exc}"
