"""The app shell: screens by key, persona, connection state, remapped keys."""

from __future__ import annotations

import pytest

from likeness.tui.app import LikenessApp
from likeness.tui.screens.arena import ArenaScreen
from likeness.tui.screens.chat import ChatScreen
from likeness.tui.screens.corpus import CorpusScreen
from likeness.tui.screens.drafts import DraftsScreen
from likeness.tui.screens.jobs import JobsScreen
from likeness.tui.screens.label import LabelScreen
from likeness.tui.services import Services

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


async def test_each_screen_is_one_key_away(services: Services) -> None:
    app = LikenessApp(services, persona="mags", annotator="ann", health_poll_s=0)
    async with app.run_test(size=(80, 24)) as pilot:
        for key, screen in [
            ("f2", ChatScreen),
            ("f3", CorpusScreen),
            ("f4", JobsScreen),
            ("f5", DraftsScreen),
            ("f6", ArenaScreen),
            ("f1", LabelScreen),
        ]:
            await pilot.press(key)
            assert isinstance(app.screen, screen)


async def test_finds_the_persona_when_none_is_given(services: Services) -> None:
    app = LikenessApp(services, annotator="ann", health_poll_s=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await app.workers.wait_for_complete()
        await pilot.pause()
        assert app.persona == "mags"
        assert "mags · ann · connected (remote)" in app.sub_title


async def test_remapped_key_switches_screens(services: Services) -> None:
    app = LikenessApp(
        services, persona="mags", annotator="ann", keymap={"app.chat": "f9"}, health_poll_s=0
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("f2")
        assert isinstance(app.screen, LabelScreen)
        await pilot.press("f9")
        assert isinstance(app.screen, ChatScreen)


async def test_a_lost_service_shows_reconnecting(services: Services) -> None:
    app = LikenessApp(services, persona="mags", annotator="ann", health_poll_s=0.2)
    # A service whose server is gone: an address nothing listens on.
    services.addresses["trainer"] = "127.0.0.1:1"
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(50):
            await pilot.pause(0.1)
            if app.unreachable:
                break
        assert app.unreachable == ("trainer",)
        assert "reconnecting: trainer unreachable" in app.sub_title
