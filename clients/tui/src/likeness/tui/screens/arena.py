"""The arena screen: two answers to one request, as A and B, and one key for a vote.

    request   Write a post about the ferry and the fog
    ┌ A ─────────────────────┐ ┌ B ─────────────────────┐
    │ one answer             │ │ the other              │
    └────────────────────────┘ └────────────────────────┘
    ann · 3 voted this session · 12 waiting · last: A was the author's post, B model 3f2a9c

Pairs are queued by ``likeness arena --persona X --against MODEL|base|real`` (a model against
another model, its base, or the author's own held-out post on the same request); the labeler
service hands them out one annotator at a time (``NextComparison``), never saying which side is
which. ``a`` says A is better, ``b`` B, ``t`` a tie, ``x`` both bad; the vote is stored at once
(``Vote``) and the next pair asked for in the same worker. Only after the vote does the status
line say what A and B were. A vote that fails (a lost server) is a notification and the pair
stays to vote again; a pair that is no longer this annotator's (their lease ran out and someone
took it) is said so and the next one shown. No pair waiting is a state of the screen.
"""

from __future__ import annotations

import time
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Footer, Static

from likeness.labeler.errors import AlreadyVoted, ComparisonNotFound, LeaseExpired, NothingToCompare
from likeness.tui.screens.base import ServiceScreen
from likeness.tui.working import background, describe

if TYPE_CHECKING:
    from likeness.labeler.arena import ComparisonView, VoteResult

#: Refusals that mean the pair is no longer this annotator's to vote: go on to the next one.
GONE = (LeaseExpired, AlreadyVoted, ComparisonNotFound)
#: What each vote is called on screen.
VOTE_NAMES = {"a": "A is better", "b": "B is better", "tie": "a tie", "both_bad": "both bad"}


def side_name(side: str) -> str:
    """What a side was, in words (a model id, ``base`` or ``real``)."""
    if side == "real":
        return "the author's post"
    if side == "base":
        return "the base model"
    return f"model {side[:8]}"


class ArenaScreen(ServiceScreen):
    CSS_PATH = "arena.tcss"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("a", "vote('a')", "A better", id="arena.a"),
        Binding("b", "vote('b')", "B better", id="arena.b"),
        Binding("t", "vote('tie')", "Tie", id="arena.tie"),
        Binding("x", "vote('both_bad')", "Both bad", id="arena.both_bad"),
        Binding("ctrl+r", "reload", "Reload", id="arena.reload"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.current: ComparisonView | None = None
        self.voted = 0  # votes stored from this screen since it opened
        self.last = ""  # what the last pair's sides were, once voted
        self.shown_at = time.monotonic()
        #: The pair whose view is complete: what tests wait on after a key.
        self.rendered: str | None = None
        # A call in flight: keys wait for it, so one key is one vote.
        self.busy = False

    def compose(self) -> ComposeResult:
        yield from self.top_bar()
        with Vertical(id="arena-body"):
            yield Static("", id="arena-request", markup=False)
            with Horizontal(id="arena-pair"):
                with VerticalScroll(id="side-a", classes="side"):
                    yield Static("", id="text-a", markup=False)
                with VerticalScroll(id="side-b", classes="side"):
                    yield Static("", id="text-b", markup=False)
            yield Static("asking for a pair …", id="arena-state", markup=False)
        yield Static("", id="arena-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.query_one("#side-a").border_title = "A"
        self.query_one("#side-b").border_title = "B"
        self.query_one("#arena-request").border_title = "request"
        self.watch(self.app, "persona", self.persona_changed)

    def persona_changed(self, persona: str | None) -> None:
        if persona is not None:
            self.fetch()

    # --- what is on screen ---

    def show_pair(self, pair: ComparisonView) -> None:
        """Render ``pair`` (request, A, B, counter) and start its clock."""
        self.busy = False
        self.current = pair
        self.shown_at = time.monotonic()
        self.query_one("#arena-body").remove_class("-voted")
        self.query_one("#arena-request", Static).update(pair.request)
        self.query_one("#text-a", Static).update(pair.text_a)
        self.query_one("#text-b", Static).update(pair.text_b)
        for part in ("#arena-request", "#arena-pair"):
            self.query_one(part).display = True
        for side in ("#side-a", "#side-b"):
            self.query_one(side, VerticalScroll).scroll_home(animate=False)
        self.query_one("#side-a").border_subtitle = "resumed" if pair.resumed else ""
        self.query_one("#arena-state").display = False
        self.show_status()
        self.rendered = pair.comparison_id

    def show_state(self, message: str) -> None:
        """No pair on screen: say why (and what to do) instead."""
        self.busy = False
        self.current = None
        self.rendered = None
        self.query_one("#arena-body").remove_class("-voted")
        for part in ("#arena-request", "#arena-pair"):
            self.query_one(part).display = False
        state = self.query_one("#arena-state", Static)
        state.update(message)
        state.display = True
        self.show_status()

    def show_status(self) -> None:
        parts = [self.likeness.annotator, f"{self.voted} voted this session"]
        if self.current is not None:
            parts.append(f"{self.current.remaining:,} waiting")
        if self.last:
            parts.append(f"last: {self.last}")
        self.query_one("#arena-status", Static).update(Text(" · ".join(parts)))

    # --- calls (each in a worker; the UI is updated from there with call_from_thread) ---

    def fetch(self) -> None:
        self.busy = True
        self.next_pair()

    @background(group="arena-next")
    def next_pair(self) -> None:
        self.app.call_from_thread(self._fetched, *self._ask_next())

    def _ask_next(self) -> tuple[ComparisonView | None, str]:
        """(the next pair, "") or (None, what the screen should say instead)."""
        persona = self.persona
        if persona is None:
            return None, "no persona: pick one with Ctrl+O"
        try:
            labeler = self.services.require("labeler")
            return labeler.next_comparison(persona, self.likeness.annotator), ""
        except NothingToCompare as exc:
            return None, str(exc)[:1].upper() + str(exc)[1:]  # the server says why and what to do
        except Exception as exc:
            self.notify(describe(exc), severity="error", timeout=8, markup=False)
            return None, f"Could not fetch a pair: {describe(exc)}\nCtrl+R tries again."

    def _fetched(self, pair: ComparisonView | None, message: str) -> None:
        if pair is None:
            self.show_state(message)
        else:
            self.show_pair(pair)

    # A vote must never be dropped: its own group, never cancelled by a later call.
    @background(exclusive=False, group="arena-vote")
    def vote(self, comparison_id: str, choice: str, seconds: float) -> None:
        try:
            result = self.services.require("labeler").vote(
                comparison_id, self.likeness.annotator, choice, seconds_spent=seconds
            )
        except GONE as exc:
            # No longer this annotator's pair: nothing to retry, the next pair is due.
            self.notify(f"not stored: {exc}", severity="warning", timeout=8, markup=False)
        except Exception as exc:
            # Not stored (a lost server): the pair stays to vote again.
            self.notify(f"not stored: {describe(exc)}", severity="error", timeout=8, markup=False)
            self.app.call_from_thread(self._not_stored)
            return
        else:
            self.app.call_from_thread(self._stored, result)
        self.app.call_from_thread(self._fetched, *self._ask_next())

    def _stored(self, result: VoteResult) -> None:
        self.voted += 1
        self.last = f"A was {side_name(result.a_was)}, B {side_name(result.b_was)}"
        # Until the next pair arrives the voted one stays, dimmed, so nobody votes it twice.
        self.query_one("#arena-body").add_class("-voted")
        status = self.query_one("#arena-status", Static)
        status.update(Text(f"stored ({VOTE_NAMES[result.vote]}) · {self.last} · next pair …"))

    def _not_stored(self) -> None:
        self.busy = False

    # --- keys ---

    def action_vote(self, choice: str) -> None:
        if self.current is None:
            return
        if self.busy:
            self.notify("still working on the last key …", timeout=2)
            return
        self.busy = True
        seconds = max(time.monotonic() - self.shown_at, 0.001)
        self.vote(self.current.comparison_id, choice, seconds)

    def action_reload(self) -> None:
        if self.current is None and not self.busy:
            self.fetch()
