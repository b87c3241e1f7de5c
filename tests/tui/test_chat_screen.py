"""The chat screen over the real inference service (the tiny random model: its text is noise, but
greedy decoding makes it the same every time, so replies are compared with the client's own)."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from engine_faults import kill_worker
from label_fakes import FakeProposer
from sqlalchemy import Engine as DbEngine
from textual.pilot import Pilot
from textual.widgets import Select, Static, TextArea
from transformers import AutoModelForCausalLM, AutoTokenizer
from tui_services import loopback_services

from likeness.core.settings import Settings
from likeness.inference.engines.transformers_engine import TransformersEngine
from likeness.tui.app import LikenessApp
from likeness.tui.screens.chat import (
    BASE_MODEL,
    CardEditor,
    ChatBubble,
    ChatMessage,
    ChatScreen,
    request_messages,
    shown,
)
from likeness.tui.services import Services
from likeness.v1 import inference_pb2

pytestmark = pytest.mark.anyio

#: Greedy (the same text every time), and short: the tests compare replies, not their length.
GREEDY = inference_pb2.SamplingParams(temperature=0.0, max_tokens=32)
#: A prompt the tiny model answers at length (no end of text for well over 1000 tokens).
LONG_PROMPT = "tell me everything"
LONG = inference_pb2.SamplingParams(temperature=0.0, max_tokens=1500)
PACE_S = 0.01
PIRATE = "You are a pirate. Answer in one line."


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def engine(tiny_model_dir: Path) -> TransformersEngine:
    """The tiny model at a reading pace, a forward pass every 10 ms at least: it writes a few
    hundred characters a second, as a real model does, so a long reply is still streaming when
    a test presses Esc or kills the engine (at full speed it ended before the UI drew it)."""
    tokenizer = AutoTokenizer.from_pretrained(tiny_model_dir)
    model = AutoModelForCausalLM.from_pretrained(tiny_model_dir)
    model.register_forward_pre_hook(lambda _module, _args: time.sleep(PACE_S))
    return TransformersEngine(model, tokenizer, model_id=str(tiny_model_dir))


@pytest.fixture
def chat_services(
    tui_settings: Settings, mags_db: DbEngine, engine: TransformersEngine, proposer: FakeProposer
) -> Iterator[Services]:
    """As the ``services`` fixture, with the engine at hand (its counters show aborts)."""
    with loopback_services(tui_settings, mags_db, engine, proposer=proposer) as found:
        yield found


def chat_app(services: Services) -> LikenessApp:
    return LikenessApp(services, persona="mags", annotator="ann", health_poll_s=0)


async def open_chat(app: LikenessApp, pilot: Pilot[None], sampling=GREEDY) -> ChatScreen:  # type: ignore[no-untyped-def]
    await pilot.press("f2")
    screen = app.screen
    assert isinstance(screen, ChatScreen)
    screen.sampling = sampling
    await app.workers.wait_for_complete()  # the personas are loaded
    await pilot.pause()
    return screen


async def until(pilot: Pilot[None], condition: Callable[[], bool], what: str) -> None:
    """Wait for ``condition`` (the UI keeps running); fail after 60 s."""
    for _ in range(1200):
        if condition():
            return
        await pilot.pause(0.05)
    raise AssertionError(f"timed out waiting for {what}")


async def say(app: LikenessApp, pilot: Pilot[None], text: str) -> None:
    """Type ``text`` into the input, send it, and wait until the reply has ended."""
    await pilot.press(*text, "enter")
    await pilot.pause()
    await app.workers.wait_for_complete()
    await pilot.pause()


def bubbles(screen: ChatScreen) -> list[ChatMessage]:
    return [b.message for b in screen.query(ChatBubble)]


def test_request_messages_send_the_card_only_when_it_was_edited() -> None:
    history = [
        ChatMessage("user", "hi", "you"),
        ChatMessage("assistant", "", "mags", state="cancelled"),  # stopped before a word
        ChatMessage("user", "hello?", "you"),
        ChatMessage("assistant", "hey", "mags"),
    ]
    stored = "You are mags."
    turns = [("user", "hi"), ("user", "hello?"), ("assistant", "hey")]
    assert request_messages(history, stored, stored) == (turns, None)  # the service's own
    assert request_messages(history, PIRATE, stored) == (turns, PIRATE)  # in its place
    assert request_messages(history, PIRATE, None) == (turns, PIRATE)  # base model
    assert request_messages(history, "", None) == (turns, None)
    assert request_messages(history, " ", stored) == (turns, "")  # emptied: no card at all


def test_shown_drops_control_characters() -> None:
    assert shown("a\x17b\rc\n\td\ufffd") == "abc\n\td\ufffd"


async def test_a_reply_streams_and_the_conversation_is_sent_each_turn(
    chat_services: Services, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[int] = []  # the reply's length at each repaint while it streams
    show = ChatBubble.show

    def spy(bubble: ChatBubble) -> None:
        if bubble.message.role == "assistant" and bubble.message.state == "streaming":
            seen.append(len(bubble.message.text))
        show(bubble)

    monkeypatch.setattr(ChatBubble, "show", spy)
    client = chat_services.inference
    assert client is not None
    app = chat_app(chat_services)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_chat(app, pilot)
        assert screen.target == "mags"
        await say(app, pilot, "hello")
        first = screen.history[-1]
        assert [m.role for m in screen.history] == ["user", "assistant"]
        assert first.state == "done" and first.text
        # The view grew delta by delta: more than one length between empty and whole.
        grown = sorted(set(seen) - {0})
        assert len(grown) > 1 and seen == sorted(seen)
        assert first.text == "".join(client.chat("mags", [("user", "hello")], GREEDY))

        await say(app, pilot, "and then?")
        assert [m.text for m in bubbles(screen)] == [m.text for m in screen.history]
        assert [(m.role, m.text) for m in screen.history[:3]] == [
            ("user", "hello"),
            ("assistant", first.text),
            ("user", "and then?"),
        ]
        # The second answer is the model's answer to the whole conversation, not to the last line.
        whole = [("user", "hello"), ("assistant", first.text), ("user", "and then?")]
        second = screen.history[-1].text
        assert second == "".join(client.chat("mags", whole, GREEDY))
        assert second != "".join(client.chat("mags", [("user", "and then?")], GREEDY))
        assert "2 turns" in str(screen.query_one("#chat-status", Static).render())


async def test_esc_stops_the_reply_and_the_server_aborts_it(
    chat_services: Services, engine: TransformersEngine
) -> None:
    app = chat_app(chat_services)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_chat(app, pilot, LONG)
        await pilot.press(*LONG_PROMPT, "enter")
        reply = screen.history[-1]
        await until(pilot, lambda: len(reply.text) > 20, "the reply to start")
        await pilot.press("escape")
        assert reply.state == "cancelled"
        stopped_at = reply.text
        await app.workers.wait_for_complete()
        await until(pilot, lambda: engine.stats.finished["abort"] == 1, "the server to abort")
        await pilot.pause()
        assert reply.text == stopped_at  # nothing came after Esc
        assert engine.stats.finished["length"] == 0  # it did not run to its 1500 tokens
        assert "[stopped]" in str(screen.query(ChatBubble).last().render())

        # Still usable: the next turn streams as usual, the stopped part stays in the history.
        screen.sampling = GREEDY
        await say(app, pilot, "hello")
        assert [m.state for m in screen.history] == ["done", "cancelled", "done", "done"]
        assert screen.history[-1].text


async def test_regenerate_replaces_the_last_answer_and_clear_empties(
    chat_services: Services,
) -> None:
    app = chat_app(chat_services)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_chat(app, pilot)
        await pilot.press("ctrl+r")  # nothing to answer yet
        await pilot.pause()
        assert screen.history == []
        await say(app, pilot, "hello")
        old = screen.history[-1]
        await pilot.press("ctrl+r")
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert len(screen.history) == 2 and len(bubbles(screen)) == 2
        new = screen.history[-1]
        assert new is not old and old not in bubbles(screen)
        assert new.role == "assistant" and new.state == "done"
        assert new.text == old.text  # greedy: the same answer to the same conversation

        await pilot.press("ctrl+l")
        await pilot.pause()
        assert screen.history == [] and bubbles(screen) == []
        assert "0 turns" in str(screen.query_one("#chat-status", Static).render())


async def test_the_edited_card_is_sent_for_this_session(chat_services: Services) -> None:
    client = chat_services.inference
    assert client is not None
    app = chat_app(chat_services)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_chat(app, pilot)
        stored = screen.card
        assert stored.startswith("You are mags")
        assert stored in str(screen.query_one("#chat-card", Static).render())

        await pilot.press("ctrl+t")
        assert isinstance(app.screen, CardEditor)
        app.screen.query_one(TextArea).text = "not kept"
        await pilot.press("escape")  # drops the edit
        assert app.screen is screen and screen.card == stored

        await pilot.press("ctrl+t")
        app.screen.query_one(TextArea).text = PIRATE
        await pilot.press("ctrl+s")
        assert app.screen is screen and screen.card == PIRATE
        card_line = str(screen.query_one("#chat-card", Static).render())
        assert "edited" in card_line and PIRATE in card_line

        await say(app, pilot, "hello")
        pirate_reply = screen.history[-1].text
        # The edited card replaces the stored one: the stored card is not in the prompt.
        assert pirate_reply == "".join(
            client.chat("", [("system", PIRATE), ("user", "hello")], GREEDY)
        )
        replaced = client.chat("mags", [("user", "hello")], GREEDY, card=PIRATE)
        assert pirate_reply == "".join(replaced)
        assert pirate_reply != "".join(
            client.chat("mags", [("system", PIRATE), ("user", "hello")], GREEDY)
        )

        # The base model has no card of its own; the persona keeps its edit for the session.
        # Enter on the Select opens it (the send key steps aside), Down + Enter picks.
        screen.query_one("#chat-target", Select).focus()
        await pilot.press("enter")
        assert screen.query_one("#chat-target", Select).expanded
        await pilot.press("down", "enter")
        await pilot.pause()
        assert screen.target == BASE_MODEL and screen.card == ""
        screen.query_one("#chat-input").focus()
        assert "no card" in str(screen.query_one("#chat-card", Static).render())
        await say(app, pilot, "hi")
        assert screen.history[-1].speaker == "base model"
        assert screen.history[-1].text == "".join(
            client.chat("", [*((m.role, m.text) for m in screen.history[:-1])], GREEDY)
        )
        screen.query_one("#chat-target", Select).value = "mags"
        await pilot.pause()
        assert screen.card == PIRATE

        # Ctrl+R in the editor puts the stored card back: the edit is gone.
        await pilot.press("ctrl+t")
        await pilot.press("ctrl+r", "ctrl+s")
        assert screen.card == stored and "edited" not in str(
            screen.query_one("#chat-card", Static).render()
        )


async def test_the_target_follows_the_apps_persona(chat_services: Services) -> None:
    ingest = chat_services.ingest
    assert ingest is not None
    ingest.create_persona("ripley", "Ripley", card="You are Ripley.")
    app = chat_app(chat_services)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_chat(app, pilot)
        assert screen.target == "mags"
        app.persona = "ripley"  # what Ctrl+O does
        await pilot.pause()
        assert screen.target == "ripley" and screen.card == "You are Ripley."
        assert screen.query_one("#chat-target", Select).value == "ripley"


@pytest.mark.filterwarnings("ignore::pytest.PytestUnhandledThreadExceptionWarning")
async def test_a_reply_that_fails_midway_keeps_what_came(
    chat_services: Services, engine: TransformersEngine
) -> None:
    app = chat_app(chat_services)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_chat(app, pilot, LONG)
        await pilot.press(*LONG_PROMPT, "enter")
        reply = screen.history[-1]
        await until(pilot, lambda: len(reply.text) > 20, "the reply to start")
        await asyncio.to_thread(kill_worker, engine)  # the engine dies mid-reply
        await until(pilot, lambda: reply.state == "failed", "the reply to fail")
        assert reply.text and reply.error
        assert "[failed:" in str(screen.query(ChatBubble).last().render())
        # notify() posts a message: the toast is added once the app has handled it.
        await until(
            pilot,
            lambda: any("the reply failed" in n.message for n in app._notifications),
            "the failure to be notified",
        )
        assert "1 turn" in str(screen.query_one("#chat-status", Static).render())  # not busy


def test_snapshot_after_one_exchange(services: Services, snap_compare: Callable[..., bool]) -> None:
    app = chat_app(services)

    async def exchange(pilot: Pilot[None]) -> None:
        screen = await open_chat(app, pilot, inference_pb2.SamplingParams(max_tokens=24))
        assert screen.sampling.temperature == 0.0  # greedy: the same reply every run
        await say(app, pilot, "hello")
        assert screen.history[-1].state == "done"

    assert snap_compare(app, terminal_size=(80, 24), run_before=exchange)
