"""The label screen: one post, the normaliser's proposals against it, one key per decision.

The post (its clean text, date, cleaning flags) is on top; below it each proposal with its
changes against the post as a word diff (stacked on a narrow terminal, side by side on a wide
one). ``1``-``9`` accept that proposal, ``e`` edits the selected one (arrows / tab select),
``w`` writes your own, ``r`` rejects all, ``s`` skips, ``u`` undoes your last decision, ``c``
attaches a comment to the next decision, ``?`` lists the keys.

A decision is sent the moment it is made, and the next task asked for in the same worker right
after it: the labeler service keeps tasks prefetched (``label_prefetch``), so the next post is
normally there at once. A Submit that fails (a lost server) is a notification and the task stays
on screen to decide again; a task that is no longer this annotator's (its lease ran out) is said
so and the next one shown. An empty pool is a state of the screen, not an error.
"""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Static

from likeness.labeler.errors import (
    AlreadyJudged,
    LeaseExpired,
    NothingToLabel,
    NothingToUndo,
    TaskNotFound,
)
from likeness.labeler.types import Action, Decision, LabelTask
from likeness.tui.screens.base import ServiceScreen
from likeness.tui.widgets.diff import changes, word_diff
from likeness.tui.widgets.modals import CommentInput, KeyHelp, TextEditor
from likeness.tui.working import background, describe

#: Refusals that mean the task is no longer this annotator's to decide: go on to the next one.
GONE = (LeaseExpired, AlreadyJudged, TaskNotFound)


def accept_bindings() -> list[BindingType]:
    """``1``-``9``; the footer shows the first one as "1-9 Accept"."""
    bindings: list[BindingType] = [
        Binding("1", "accept(1)", "Accept", key_display="1-9", id="label.accept_1")
    ]
    bindings += [
        Binding(str(n), f"accept({n})", f"Accept {n}", show=False, id=f"label.accept_{n}")
        for n in range(2, 10)
    ]
    return bindings


@dataclass
class Session:
    """What the person did on this screen since it opened (for the counter and the rate)."""

    started: float = field(default_factory=time.monotonic)
    actions: list[Action] = field(default_factory=list)

    @property
    def labeled(self) -> int:
        return sum(1 for action in self.actions if action != Action.SKIP)

    def per_minute(self, now: float) -> float | None:
        """Labels per minute since the screen opened; None before the first one."""
        if not self.labeled:
            return None
        return self.labeled / max((now - self.started) / 60.0, 1e-6)


class ProposalCard(Static):
    """One proposal: its number, how many places it changes, and the word diff. A click
    selects it (for ``e``); it never decides, a decision is a key."""

    class Clicked(Message):
        def __init__(self, index: int) -> None:
            super().__init__()
            self.index = index

    def __init__(self, number: int, original: str, text: str) -> None:
        super().__init__(classes="proposal")
        self.number = number
        self.show(number, original, text)

    def show(self, number: int, original: str, text: str) -> None:
        self.number = number
        self.update(word_diff(original, text))
        count = changes(original, text)
        self.border_title = f"{number}"
        self.border_subtitle = "unchanged" if count == 0 else f"{count} change(s)"

    def on_click(self) -> None:
        self.post_message(self.Clicked(self.number - 1))


class LabelScreen(ServiceScreen):
    CSS_PATH = "label.tcss"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]] | None] = [
        (0, "-narrow"),
        (120, "-wide"),
    ]

    BINDINGS: ClassVar[list[BindingType]] = [
        *accept_bindings(),
        Binding("e", "edit", "Edit", id="label.edit"),
        Binding("w", "own", "Write", id="label.own"),
        Binding("r", "reject", "Reject", id="label.reject"),
        Binding("s", "skip", "Skip", id="label.skip"),
        Binding("u", "undo", "Undo", id="label.undo"),
        Binding("c", "comment", "Comment", id="label.comment"),
        Binding("question_mark", "help", "Keys", key_display="?", id="label.help"),
        Binding("ctrl+r", "reload", "Reload", show=False, id="label.reload"),
        Binding("down,right,tab", "select(1)", "Next proposal", show=False, id="label.next"),
        Binding(
            "up,left,shift+tab", "select(-1)", "Previous proposal", show=False, id="label.prev"
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.current: LabelTask | None = None
        self.selected = 0
        self.comment = ""
        self.session = Session()
        self.shown_at = time.monotonic()
        #: The task whose view is complete (post, proposals, counter): what tests and the
        #: benchmark wait on after a key.
        self.rendered: str | None = None
        # A call in flight (a Submit, an undo, a fetch): keys wait for it, so one key is one
        # decision and a repeated key never decides the next post unseen.
        self.busy = False

    def compose(self) -> ComposeResult:
        yield from self.top_bar()
        with Vertical(id="label-body"):
            with VerticalScroll(id="post-box"):
                yield Static("", id="post-text", markup=False)
                yield Static("", id="post-raw", markup=False)
            yield VerticalScroll(id="proposals")
            yield Static("asking for a post …", id="label-state", markup=False)
        yield Static("", id="label-status", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        self.watch(self.app, "persona", self.persona_changed)
        self.set_interval(15.0, self.show_status)

    def persona_changed(self, persona: str | None) -> None:
        if persona is not None:
            self.fetch()

    # --- what is on screen ---

    async def show_task(self, task: LabelTask) -> None:
        """Render ``task`` (the whole view: post, proposals, counter) and start its clock."""
        self.busy = False
        self.query_one("#label-body").remove_class("-decided")
        self.current = task
        self.selected = 0
        self.shown_at = time.monotonic()
        post = task.post
        box = self.query_one("#post-box")
        box.border_title = " · ".join(task.facts())
        box.display = True
        self.query_one("#post-text", Static).update(post.clean_text)
        raw = self.query_one("#post-raw", Static)
        raw.update(f"raw: {post.raw_text}")
        raw.display = bool(post.raw_text) and post.raw_text != post.clean_text
        proposals = self.query_one("#proposals", VerticalScroll)
        # The cards on screen are reused (mounting widgets is the slow part of showing a task);
        # only a different number of proposals mounts or removes some. Awaited, so the task is
        # fully on screen when this returns.
        cards = list(proposals.query(ProposalCard))
        for card, (number, proposal) in zip(cards, enumerate(task.proposals, 1), strict=False):
            card.show(number, post.clean_text, proposal.text)
        if len(cards) > len(task.proposals):
            await proposals.remove_children(cards[len(task.proposals) :])
        await proposals.mount_all(
            ProposalCard(number, post.clean_text, proposal.text)
            for number, proposal in enumerate(task.proposals, 1)
            if number > len(cards)
        )
        proposals.display = True
        proposals.scroll_home(animate=False)
        self.query_one("#label-state").display = False
        self.show_selection()
        self.show_status()
        self.rendered = task.task_id

    async def show_state(self, message: str) -> None:
        """No task on screen: say why (and what to do) instead."""
        self.busy = False
        self.query_one("#label-body").remove_class("-decided")
        self.current = None
        self.rendered = None
        self.query_one("#post-box").display = False
        proposals = self.query_one("#proposals", VerticalScroll)
        await proposals.remove_children()
        proposals.display = False
        state = self.query_one("#label-state", Static)
        state.update(message)
        state.display = True
        self.show_status()

    def show_selection(self) -> None:
        cards = list(self.query(ProposalCard))
        for index, card in enumerate(cards):
            card.set_class(index == self.selected, "-selected")
        if cards:
            self.query_one("#proposals", VerticalScroll).scroll_to_widget(
                cards[self.selected], animate=False
            )

    def show_status(self) -> None:
        parts = [self.likeness.annotator, f"{self.session.labeled} labeled this session"]
        if self.current is not None:
            parts.append(f"{self.current.remaining:,} remaining")
        rate = self.session.per_minute(time.monotonic())
        parts.append("– labels/min" if rate is None else f"{rate:.1f} labels/min")
        if self.comment:
            parts.append(f"comment: {self.comment}")
        self.query_one("#label-status", Static).update(Text(" · ".join(parts)))

    # --- calls (each in a worker; the UI is updated from there with call_from_thread) ---

    def start(self) -> bool:
        """Claim the screen for one call; False (and a hint) while another is in flight."""
        if self.busy:
            self.notify("still working on the last key …", timeout=2)
            return False
        self.busy = True
        return True

    def fetch(self) -> None:
        self.busy = True
        self.next_task()

    @background(group="label-next")
    def next_task(self) -> None:
        self.app.call_from_thread(self._fetched, *self._ask_next())

    def _ask_next(self) -> tuple[LabelTask | None, str]:
        """(the next task, "") or (None, what the screen should say instead)."""
        persona = self.persona
        if persona is None:
            return None, "no persona: pick one with Ctrl+O"
        try:
            return self.services.require("labeler").next_task(persona, self.likeness.annotator), ""
        except NothingToLabel as exc:
            return None, f"Nothing left to label for {persona}: {exc}"
        except Exception as exc:
            self.notify(describe(exc), severity="error", timeout=8, markup=False)
            return None, f"Could not fetch a post: {describe(exc)}\nCtrl+R tries again."

    async def _fetched(self, task: LabelTask | None, message: str) -> None:
        if task is None:
            await self.show_state(message)
        else:
            await self.show_task(task)

    # A Submit must never be dropped: its own group, never cancelled by a later call.
    @background(exclusive=False, group="label-submit")
    def submit(self, decision: Decision) -> None:
        try:
            self.services.require("labeler").submit(decision)
        except GONE as exc:
            # No longer this annotator's task: nothing to retry, the next post is due.
            self.notify(f"not stored: {exc}", severity="warning", timeout=8, markup=False)
        except Exception as exc:
            # Not stored (a lost server, a refused decision): the task stays to decide again.
            self.notify(f"not stored: {describe(exc)}", severity="error", timeout=8, markup=False)
            self.app.call_from_thread(self._not_stored)
            return
        else:
            self.app.call_from_thread(self._stored, decision.action)
        self.app.call_from_thread(self._fetched, *self._ask_next())

    def _stored(self, action: Action) -> None:
        self.session.actions.append(action)
        self.comment = ""
        # Until the next task arrives the decided one stays visible, dimmed, so nobody takes
        # it for a new post (when the model is slower than the reader, this is the wait).
        self.query_one("#label-body").add_class("-decided")
        status = self.query_one("#label-status", Static)
        status.update(Text(f"stored ({action.value}) · asking for the next post …"))

    def _not_stored(self) -> None:
        self.busy = False

    @background(group="label-undo")
    def undo(self) -> None:
        persona = self.persona
        if persona is None:
            self.app.call_from_thread(self._not_stored)
            return
        try:
            task = self.services.require("labeler").undo(persona, self.likeness.annotator)
        except NothingToUndo as exc:
            self.notify(str(exc), severity="warning", timeout=5, markup=False)
            self.app.call_from_thread(self._not_stored)
            return
        except Exception as exc:
            self.notify(describe(exc), severity="error", timeout=8, markup=False)
            self.app.call_from_thread(self._not_stored)
            return
        self.app.call_from_thread(self._undone, task)

    async def _undone(self, task: LabelTask) -> None:
        # Undo takes back the last standing decision, which is never a skip.
        for back, action in enumerate(reversed(self.session.actions), 1):
            if action != Action.SKIP:
                del self.session.actions[-back]
                break
        await self.show_task(task)
        self.notify("undone: this post is yours to decide again", timeout=3)

    # --- keys ---

    def _decision(self, action: Action, index: int | None = None, text: str = "") -> Decision:
        assert self.current is not None
        return Decision(
            task_id=self.current.task_id,
            annotator=self.likeness.annotator,
            action=action,
            proposal_index=index,
            text=text,
            comment=self.comment,
            seconds_spent=max(time.monotonic() - self.shown_at, 0.001),
        )

    def _ready(self) -> bool:
        """Whether a decision can be made now (a task on screen, nothing in flight)."""
        if self.current is None:
            return False
        return self.start()

    def action_accept(self, number: int) -> None:
        if self.current is None or not 0 < number <= len(self.current.proposals):
            return
        if self._ready():
            self.submit(self._decision(Action.ACCEPT, number - 1))

    def action_reject(self) -> None:
        if self._ready():
            self.submit(self._decision(Action.REJECT))

    def action_skip(self) -> None:
        if self._ready():
            self.submit(self._decision(Action.SKIP))

    def action_undo(self) -> None:
        if self.start():
            self.undo()

    def action_reload(self) -> None:
        if self.current is None and self.start():
            self.next_task()

    def action_select(self, step: int) -> None:
        if self.current is None or not self.current.proposals:
            return
        self.selected = (self.selected + step) % len(self.current.proposals)
        self.show_selection()

    def on_proposal_card_clicked(self, event: ProposalCard.Clicked) -> None:
        if self.current is not None and 0 <= event.index < len(self.current.proposals):
            self.selected = event.index
            self.show_selection()

    def action_edit(self) -> None:
        if self.current is None or not self.current.proposals:
            return
        task, index = self.current, self.selected
        proposal = task.proposals[index]

        def edited(text: str | None) -> None:
            if text is None or not text.strip() or self.current is not task:
                return
            if not self._ready():
                return
            if text == proposal.text:  # saved unchanged: that is accepting it
                self.submit(self._decision(Action.ACCEPT, index))
            else:
                self.submit(self._decision(Action.EDIT, index, text))

        self.app.push_screen(TextEditor(f"Edit proposal {index + 1}", proposal.text), edited)

    def action_own(self) -> None:
        if self.current is None:
            return
        task = self.current

        def written(text: str | None) -> None:
            if text is None or not text.strip() or self.current is not task:
                return
            if self._ready():
                self.submit(self._decision(Action.OWN, text=text))

        self.app.push_screen(TextEditor("Write your own", task.post.clean_text), written)

    def action_comment(self) -> None:
        def commented(text: str | None) -> None:
            if text is not None:
                self.comment = text
                self.show_status()

        self.app.push_screen(CommentInput(self.comment), commented)

    def action_help(self) -> None:
        # The keys as bound now (a remapped one shows remapped); keys of one action on one line.
        keys: dict[str, list[str]] = {}
        for active in self.active_bindings.values():
            binding = active.binding
            if not binding.description:
                continue
            what = binding.description
            if (binding.id or "").startswith("label.accept_"):
                what = "Accept that proposal"
            # The key itself, not a display such as the footer's "1-9".
            keys.setdefault(what, []).append(
                self.app.get_key_display(binding.with_key(binding.key))
            )
        self.app.push_screen(KeyHelp([(" ".join(k), what) for what, k in keys.items()]))
