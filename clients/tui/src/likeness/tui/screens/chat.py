"""The chat screen: talk to a persona (or the bare base model), the reply streamed as it comes.

The Select at the top picks who answers (the app's persona first); the line under it shows the
card the conversation runs under. Enter sends the Input's text with the whole conversation so far,
Esc stops the reply in flight (its gRPC stream is cancelled, so the server aborts the generation),
Ctrl+R asks again for the last answer, Ctrl+L clears the conversation, Ctrl+T edits the card for
this session. A reply that fails midway keeps what came and says why.

What a turn sends is built by ``request_messages`` (plain, tested on its own): the conversation
and, when the card was edited for this session, that card, which the inference service puts in
place of the persona's stored one (for the base model it is the only one).
"""

from __future__ import annotations

import threading
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar, Literal

from rich.text import Text
from textual import on
from textual.actions import SkipAction
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, Select, Static, TextArea

from likeness.tui.screens.base import ServiceScreen
from likeness.tui.working import background, describe
from likeness.v1 import inference_pb2

if TYPE_CHECKING:
    from likeness.inference.client import ChatStream

#: The Select's value for the bare base model: the persona the inference service reads as it.
BASE_MODEL = ""
#: As ``likeness chat``: lively but on topic; the service's default length.
DEFAULT_SAMPLING = inference_pb2.SamplingParams(temperature=0.7)

Role = Literal["user", "assistant"]
State = Literal["streaming", "done", "cancelled", "failed"]


@dataclass(eq=False)
class ChatMessage:
    """One message of the conversation as the screen holds it (each one itself: equal texts
    are still two messages)."""

    role: Role
    text: str
    speaker: str  # who it is shown as: "you", a persona slug, "base model"
    state: State = "done"
    error: str = ""  # why a failed reply stopped


def request_messages(
    history: Sequence[ChatMessage], card: str, stored_card: str | None
) -> tuple[list[tuple[str, str]], str | None]:
    """What one turn sends: the (role, content) pairs of every message of ``history`` that has
    text (a stopped reply's part too: the person saw it, and the model should), and the card to
    send in place of the stored one (``stored_card``: the persona's; None for the base model),
    None when the service's own is the one (an unedited card)."""
    messages = [(m.role, m.text) for m in history if m.text]
    if card == (stored_card or ""):
        return messages, None
    return messages, card.strip()


def shown(text: str) -> str:
    """``text`` safe for the terminal: control characters (a small model emits them) dropped,
    line breaks and tabs kept."""
    return "".join(
        ch for ch in text if ch in "\n\t" or not unicodedata.category(ch).startswith("C")
    )


class ChatBubble(Static):
    """One message: the speaker, the text so far and, for a reply, how it ended."""

    def __init__(self, message: ChatMessage) -> None:
        super().__init__(classes=f"-{message.role}", markup=False)
        self.message = message
        self.show()

    def show(self) -> None:
        message = self.message
        text = Text.assemble((f"{message.speaker}: ", "bold"), shown(message.text))
        if message.state == "streaming":
            text.append(" …", style="dim")
        elif message.state == "cancelled":
            text.append(" [stopped]", style="italic dim")
        elif message.state == "failed":
            text.append(f" [failed: {message.error}]", style="bold red")
        self.set_class(message.state != "done", f"-{message.state}")
        self.update(text)


class Reply:
    """A reply in flight: its message and view, and its stream once the worker opened it.

    ``cancel`` comes from the UI thread, ``attach`` from the worker; whichever is second
    cancels the stream, so an Esc pressed before the call started still stops it.
    """

    def __init__(self, message: ChatMessage, view: ChatBubble) -> None:
        self.message = message
        self.view = view
        self._lock = threading.Lock()
        self._stream: ChatStream | None = None
        self._cancelled = False
        self._pending: list[str] = []  # deltas read, not yet shown

    def add(self, delta: str) -> bool:
        """Keep a delta for the view; True when it is the first since the view last took them
        (then the view must be told; later ones ride along, so a slow repaint batches them)."""
        with self._lock:
            self._pending.append(delta)
            return len(self._pending) == 1

    def take(self) -> str:
        """The deltas read since the last call, joined."""
        with self._lock:
            text, self._pending = "".join(self._pending), []
        return text

    def attach(self, stream: ChatStream) -> None:
        with self._lock:
            self._stream = stream
            if self._cancelled:
                stream.cancel()

    def cancel(self) -> None:
        with self._lock:
            self._cancelled = True
            if self._stream is not None:
                self._stream.cancel()


class ReplyGrew(Message):
    """New deltas of ``reply`` are waiting (posted from the worker)."""

    def __init__(self, reply: Reply) -> None:
        super().__init__()
        self.reply = reply


class ReplyEnded(Message):
    """``reply``'s stream ended: ``state`` done or failed (``error`` says why)."""

    def __init__(self, reply: Reply, state: State, error: str = "") -> None:
        super().__init__()
        self.reply = reply
        self.state: State = state
        self.error = error


class CardEditor(ModalScreen[str | None]):
    """Edit the card for this session: Ctrl+S keeps it, Esc drops the edit, Ctrl+R puts the
    stored card back."""

    CSS_PATH = "chat.tcss"
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "keep", "Keep", id="card.keep"),
        Binding("escape", "drop", "Drop edit", id="card.drop"),
        Binding("ctrl+r", "reset", "Stored card", id="card.reset"),
    ]

    def __init__(self, who: str, card: str, stored_card: str) -> None:
        super().__init__()
        self.who = who
        self.card = card
        self.stored_card = stored_card

    def compose(self) -> ComposeResult:
        with Vertical(id="card-dialog"):
            yield Label(f"Card for {self.who}, this session only", id="card-title")
            yield TextArea(self.card, id="card-text", soft_wrap=True)
        yield Footer()

    def action_keep(self) -> None:
        self.dismiss(self.query_one(TextArea).text)

    def action_drop(self) -> None:
        self.dismiss(None)

    def action_reset(self) -> None:
        self.query_one(TextArea).text = self.stored_card


class ChatScreen(ServiceScreen):
    """See the module docstring."""

    CSS_PATH = "chat.tcss"
    AUTO_FOCUS = "#chat-input"
    BINDINGS: ClassVar[list[BindingType]] = [
        # Priority, so the footer shows it over the Input's own (hidden) Enter; it steps aside
        # for the Select, whose Enter opens and picks.
        Binding("enter", "send", "Send", id="chat.send", priority=True),
        Binding("escape", "cancel", "Stop", id="chat.cancel"),
        Binding("ctrl+r", "regenerate", "Redo", id="chat.regenerate"),
        Binding("ctrl+l", "clear", "Clear", id="chat.clear"),
        # Not Ctrl+E: the Input's "end of line".
        Binding("ctrl+t", "edit_card", "Card", id="chat.edit_card"),
    ]

    def __init__(self) -> None:
        super().__init__()
        #: Who answers: a persona slug, or BASE_MODEL.
        self.target: str = BASE_MODEL
        #: The sampling every turn sends (tests make it greedy).
        self.sampling = DEFAULT_SAMPLING
        self.history: list[ChatMessage] = []
        self._stored_cards: dict[str, str] = {}
        self._edited_cards: dict[str, str] = {}  # this session's cards, by target
        self._reply: Reply | None = None

    def compose(self) -> ComposeResult:
        self.target = self.persona or BASE_MODEL
        yield from self.top_bar()
        with Horizontal(id="chat-top"):
            yield Select[str](
                self._target_options([]),
                value=self.target,
                allow_blank=False,
                compact=True,
                id="chat-target",
            )
            yield Static("", id="chat-status", markup=False)
        yield Static("", id="chat-card", markup=False)
        yield VerticalScroll(id="chat-log")
        yield Input(placeholder="Say something (Enter sends)", id="chat-input")
        yield Footer()

    def on_mount(self) -> None:
        self._show_target()
        self.query_one("#chat-log", VerticalScroll).anchor()
        self.watch(self.likeness, "persona", self._app_persona_changed, init=False)
        self.load_targets()

    def on_unmount(self) -> None:
        if self._reply is not None:
            self._reply.cancel()

    # --- who answers, under which card ---

    def _target_options(self, slugs: Sequence[str]) -> list[tuple[str, str]]:
        names = list(slugs)
        if self.target and self.target not in names:
            names.insert(0, self.target)  # until the list arrives: the app's persona
        return [*((slug, slug) for slug in names), ("base model", BASE_MODEL)]

    @background(group="chat-targets")
    def load_targets(self) -> None:
        personas = self.services.require("ingest").list_personas()
        cards = {p.slug: p.card for p in personas}
        self.app.call_from_thread(self._show_targets, cards)

    def _show_targets(self, cards: dict[str, str]) -> None:
        self._stored_cards = cards
        select = self.query_one("#chat-target", Select)
        with self.prevent(Select.Changed):
            select.set_options(self._target_options(sorted(cards)))
            select.value = self.target
        self._show_target()

    def _app_persona_changed(self, persona: str | None) -> None:
        if persona and persona != self.target:
            self._set_target(persona)

    @on(Select.Changed, "#chat-target")
    def _target_picked(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.target:
            self._set_target(event.value)

    def _set_target(self, target: str) -> None:
        """Who answers from the next turn on; the conversation stays (ask both the same)."""
        self._stop_reply()
        self.target = target
        select = self.query_one("#chat-target", Select)
        if select.value != target:
            with self.prevent(Select.Changed):
                select.set_options(self._target_options(sorted(self._stored_cards)))
                select.value = target
        self._show_target()

    @property
    def speaker(self) -> str:
        return self.target or "base model"

    @property
    def stored_card(self) -> str | None:
        """The card the service adds for the target by itself (None: the base model)."""
        if self.target == BASE_MODEL:
            return None
        return self._stored_cards.get(self.target, "")

    @property
    def card(self) -> str:
        """The card this session runs under for the target: edited, else the stored one."""
        edited = self._edited_cards.get(self.target)
        return edited if edited is not None else (self.stored_card or "")

    def _show_target(self) -> None:
        card_view = self.query_one("#chat-card", Static)
        edited = self.target in self._edited_cards
        if self.card:
            label = "card (edited, this session)" if edited else "card"
            card_view.update(Text.assemble((f"{label}: ", "bold"), shown(self.card)))
        else:
            card_view.update(Text("no card: the base model answers as itself", style="dim"))
        self._show_status()

    def _show_status(self) -> None:
        status = self.query_one("#chat-status", Static)
        if self._reply is not None:
            status.update(f"{self._reply.message.speaker} is answering … (Esc stops)")
        else:
            turns = sum(1 for m in self.history if m.role == "user")
            status.update(f"{turns} turn{'s' if turns != 1 else ''}")

    def action_edit_card(self) -> None:
        editor = CardEditor(self.speaker, self.card, self.stored_card or "")
        self.app.push_screen(editor, self._card_edited)

    def _card_edited(self, card: str | None) -> None:
        if card is None:
            return
        if card == (self.stored_card or ""):
            self._edited_cards.pop(self.target, None)
        else:
            self._edited_cards[self.target] = card
        self._show_target()

    # --- the conversation ---

    @on(Input.Submitted, "#chat-input")
    def _submitted(self) -> None:
        self.action_send()

    def action_send(self) -> None:
        target = self.query_one("#chat-target", Select)
        if self.focused is not None and target in self.focused.ancestors_with_self:
            raise SkipAction()
        box = self.query_one("#chat-input", Input)
        text = box.value.strip()
        if not text:
            return
        if self._reply is not None:
            self.notify("a reply is still coming: Esc stops it", severity="warning")
            return
        box.value = ""
        self._add(ChatMessage("user", text, "you"))
        self._ask()

    def action_cancel(self) -> None:
        self._stop_reply()

    def action_regenerate(self) -> None:
        """Drop the last answer (a reply in flight too) and ask again."""
        self._stop_reply()
        while self.history and self.history[-1].role == "assistant":
            self._drop_last()
        if not self.history:
            self.notify("nothing to answer yet: send a message first", severity="warning")
            return
        self._ask()

    def action_clear(self) -> None:
        self._stop_reply()
        self.history.clear()
        self.query_one("#chat-log", VerticalScroll).remove_children()
        self._show_status()

    def _add(self, message: ChatMessage) -> ChatBubble:
        self.history.append(message)
        view = ChatBubble(message)
        self.query_one("#chat-log", VerticalScroll).mount(view)
        return view

    def _drop_last(self) -> None:
        message = self.history.pop()
        for bubble in self.query_one("#chat-log", VerticalScroll).query(ChatBubble):
            if bubble.message is message:
                bubble.remove()

    def _ask(self) -> None:
        """Stream the target's answer to the conversation as it stands."""
        messages, card = request_messages(self.history, self.card, self.stored_card)
        message = ChatMessage("assistant", "", self.speaker, state="streaming")
        reply = Reply(message, self._add(message))
        self._reply = reply
        self._show_status()
        self.stream_reply(self.target, messages, card, self.sampling, reply)

    @background(exclusive=False, group="chat")
    def stream_reply(
        self,
        target: str,
        messages: list[tuple[str, str]],
        card: str | None,
        sampling: inference_pb2.SamplingParams,
        reply: Reply,
    ) -> None:
        # Messages, not call_from_thread: the worker keeps reading while the UI repaints, and
        # the end arrives after the last delta (one queue, in order).
        try:
            stream = self.services.require("inference").chat_stream(
                target, messages, sampling, card=card
            )
            reply.attach(stream)
            for delta in stream:
                if reply.add(delta):
                    self.post_message(ReplyGrew(reply))
        except Exception as exc:  # any failure: keep what came, say why
            self.post_message(ReplyEnded(reply, "failed", describe(exc)))
            return
        self.post_message(ReplyEnded(reply, "done"))

    @on(ReplyGrew)
    def _grew(self, event: ReplyGrew) -> None:
        self._show_pending(event.reply)

    def _show_pending(self, reply: Reply) -> None:
        text = reply.take()
        # Deltas the worker read before Esc arrive after it: the reply stays as it stopped.
        if text and reply.message.state == "streaming":
            reply.message.text += text
            reply.view.show()

    @on(ReplyEnded)
    def _end(self, event: ReplyEnded) -> None:
        reply = event.reply
        if reply.message.state != "streaming":
            return  # stopped already (Esc, regenerate, clear, another target)
        self._show_pending(reply)  # what came since the last repaint
        reply.message.state = event.state
        reply.message.error = event.error
        reply.view.show()
        if event.state == "failed":
            self.notify(
                f"the reply failed: {event.error}", severity="error", timeout=8, markup=False
            )
        if reply is self._reply:
            self._reply = None
        self._show_status()

    def _stop_reply(self) -> None:
        """Cancel the reply in flight (its stream too) and mark it stopped."""
        reply = self._reply
        if reply is None:
            return
        reply.cancel()
        reply.message.state = "cancelled"
        reply.view.show()
        self._reply = None
        self._show_status()
