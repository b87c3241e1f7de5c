"""The corpus screen over the sample archive (persona ``mags``, 330 posts) on real gRPC servers:
its numbers, search, paging, and a post's texts and flags."""

from __future__ import annotations

import contextlib
from pathlib import Path
from typing import Any, ClassVar

import pytest
from sqlalchemy import Engine
from sqlalchemy.orm import Session
from textual.geometry import Region
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import ContentSwitcher, DataTable, Input
from textual.worker import WorkerCancelled, WorkerFailed

from likeness.core.db.models import Post
from likeness.core.flags import FLAG_NAMES, FLAG_REASONS
from likeness.ingest.corpus import PostInfo
from likeness.tui import app as app_module
from likeness.tui.__main__ import list_keys
from likeness.tui.app import LikenessApp
from likeness.tui.screens.corpus import PAGE_SIZE, CorpusScreen, word_diff
from likeness.tui.services import Services

# A word of the sample archive in some posts and not others ("Barnacle" is the cat).
WORD = "barnacle"


class CorpusApp(LikenessApp):
    """The app opened on the corpus screen (F3 is the app's own test): no other screen's
    workers run beside it, so what it shows depends on it alone."""

    DEFAULT_MODE: ClassVar[str] = "corpus"  # type: ignore[misc]
    # A CSS_PATH is read next to the class's module: the app's own, from here.
    CSS_PATH = str(Path(app_module.__file__).with_name("app.tcss"))


class NotedApp(CorpusApp):
    """Keeps the notifications' messages, to read them back."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.messages: list[str] = []

    def notify(self, message: str, *args: Any, **kwargs: Any) -> None:  # type: ignore[override]
        self.messages.append(message)
        super().notify(message, *args, **kwargs)


def corpus_app(services: Services) -> CorpusApp:
    return CorpusApp(services, persona="mags", annotator="ann", health_poll_s=0)


def shown(widget: Widget) -> str:
    """The text ``widget`` draws at its size now (what a person sees of it)."""
    width, height = widget.size
    return "\n".join(strip.text for strip in widget.render_lines(Region(0, 0, width, height)))


async def settle(pilot: Pilot[None]) -> None:
    # A worker that failed on purpose (an unknown persona) is reported by the screen; waiting
    # for it re-raises its error, whether it ended before or during the wait.
    for worker in list(pilot.app.workers):
        with contextlib.suppress(WorkerFailed, WorkerCancelled):
            await worker.wait()
    await pilot.pause()


def listed(app: LikenessApp) -> list[str]:
    """The post ids in the table, top to bottom."""
    table = app.screen.query_one(DataTable)
    return [str(row.key.value) for row in table.ordered_rows]


def view(app: LikenessApp) -> str | None:
    return app.screen.query_one(ContentSwitcher).current


async def search(pilot: Pilot[None], text: str) -> None:
    await pilot.press("slash")
    assert isinstance(pilot.app.focused, Input)
    await pilot.press(*text, "enter")
    await settle(pilot)


async def open_post(pilot: Pilot[None], post: PostInfo) -> None:
    """Search for ``post``'s text, put the cursor on its row and press Enter."""
    await search(pilot, post.clean_text[:40])
    table = pilot.app.screen.query_one(DataTable)
    table.move_cursor(row=table.get_row_index(post.id))
    await pilot.press("enter")
    await pilot.pause()


def test_every_flag_has_a_reason() -> None:
    assert set(FLAG_REASONS) == set(FLAG_NAMES)
    assert all(reason.strip() for reason in FLAG_REASONS.values())


def test_word_diff_marks_what_changed_on_each_side() -> None:
    before, after = word_diff("Tiny &amp; green. https://t.co/x", "Tiny & green.")
    removed = {before.plain[s.start : s.end] for s in before.spans}
    added = {after.plain[s.start : s.end] for s in after.spans}
    assert before.plain == "Tiny &amp; green. https://t.co/x"
    assert after.plain == "Tiny & green."
    assert "&amp;" in removed and any("https://t.co/x" in r for r in removed)
    assert added == {"&"}
    same, also_same = word_diff("no change", "no change")
    assert not same.spans and not also_same.spans


@pytest.mark.anyio
async def test_stats_match_the_service(services: Services) -> None:
    stats = services.require("ingest").stats("mags")
    app = corpus_app(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, CorpusScreen)
        assert view(app) == "stats"
        totals = shown(app.screen.query_one("#stats-totals"))
        assert f"{stats.total} posts" in totals and f"{stats.kept} kept" in totals
        assert f"{stats.flagged} flagged" in totals
        assert f"{stats.normalized} normalised" in totals and f"{stats.sources} source" in totals
        left = shown(app.screen.query_one("#stats-left"))
        lines = left.splitlines()
        for label, n in [*stats.by_platform.items(), *stats.by_year.items()]:
            assert any(label in line and line.rstrip().endswith(f" {n}") for line in lines), label
        flag_lines = shown(app.screen.query_one("#stats-flags")).splitlines()
        assert stats.by_flag, "the sample has flagged posts"
        for name, n in stats.by_flag.items():
            assert any(name in line and line.rstrip().endswith(f" {n}") for line in flag_lines)


@pytest.mark.anyio
async def test_search_narrows_the_table_to_posts_with_the_word(services: Services) -> None:
    everything = services.require("ingest").list_posts("mags", page_size=1000).posts
    with_word = {p.id for p in everything if WORD in p.clean_text.lower()}
    assert 0 < len(with_word) < PAGE_SIZE < len(everything)
    app = corpus_app(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert len(listed(app)) == PAGE_SIZE  # the first page of everything, not shown yet
        await search(pilot, WORD.upper())  # the search ignores case
        assert view(app) == "posts"
        assert set(listed(app)) == with_word
        status = shown(app.screen.query_one("#corpus-status"))
        assert f"{len(with_word)} posts" in status and "page 1 of 1" in status
        await pilot.press("escape")
        assert view(app) == "stats"


@pytest.mark.anyio
async def test_pages_move_forward_and_back(services: Services) -> None:
    client = services.require("ingest")
    first = client.list_posts("mags", page_size=PAGE_SIZE)
    second = client.list_posts("mags", page_size=PAGE_SIZE, page_token=first.next_page_token)
    app = corpus_app(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n")  # from the stats: shows the first page
        assert view(app) == "posts"
        assert listed(app) == [p.id for p in first.posts]
        await pilot.press("n")
        await settle(pilot)
        assert listed(app) == [p.id for p in second.posts]
        assert "page 2 of 7" in shown(app.screen.query_one("#corpus-status"))
        await pilot.press("p")
        await settle(pilot)
        assert listed(app) == [p.id for p in first.posts]
        await pilot.press("p")  # no page before the first: stays
        await settle(pilot)
        assert "page 1 of 7" in shown(app.screen.query_one("#corpus-status"))


@pytest.mark.anyio
async def test_kept_only_leaves_out_excluded_posts(services: Services) -> None:
    stats = services.require("ingest").stats("mags")
    app = corpus_app(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("k")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, CorpusScreen)
        assert screen.total == stats.kept < stats.total
        assert all(post.kept for post in screen.posts.values())
        assert "kept only" in shown(screen.query_one("#corpus-status"))
        await pilot.press("k")
        await settle(pilot)
        assert screen.total == stats.total


@pytest.mark.anyio
async def test_a_post_shows_its_texts_and_why_it_is_flagged(services: Services) -> None:
    # A repost whose raw text ends in "…", which cleaning writes as "...".
    reposts = services.require("ingest").list_posts("mags", flags_any=["repost"]).posts
    post = next(p for p in reposts if p.raw_text != p.clean_text)
    app = corpus_app(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await open_post(pilot, post)
        assert view(app) == "post"
        texts = app.screen.query_one("#post-texts")
        flat = " ".join(shown(texts).split())
        raw_words, clean_words = post.raw_text.split(), post.clean_text.split()
        assert raw_words[-1] in flat and clean_words[-1] in flat  # "you…" and "you..."
        assert "not normalised" in flat
        flags = " ".join(shown(app.screen.query_one("#post-flags")).split())
        assert f"repost: {FLAG_REASONS['repost']}" in flags
        meta = shown(app.screen.query_one("#post-meta"))
        assert post.source_record in meta and "left out of training" in meta
        await pilot.press("escape")
        assert view(app) == "posts"
        assert post.id in listed(app)


@pytest.mark.anyio
async def test_refresh_shows_a_normalised_post_and_what_normalising_changed(
    services: Services, mags_db: Engine
) -> None:
    everything = services.require("ingest").list_posts("mags", page_size=1000).posts
    post = next(p for p in everything if "Barnacle" in p.clean_text and not p.flags)
    normalised = post.clean_text.replace("Barnacle", "the cat")
    app = corpus_app(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert "0 normalised" in shown(app.screen.query_one("#stats-totals"))
        # What a normaliser would store (the sample archive comes without normalised texts).
        with Session(mags_db) as session, session.begin():
            session.get_one(Post, post.id).normalized_text = normalised
        await pilot.press("r")
        await settle(pilot)
        assert "1 normalised" in shown(app.screen.query_one("#stats-totals"))
        await open_post(pilot, post)
        texts = " ".join(shown(app.screen.query_one("#post-texts")).split())
        assert "what normalising changed" in texts
        assert " ".join(normalised.split()) in texts
        assert "kept for training" in shown(app.screen.query_one("#post-meta"))


@pytest.mark.anyio
async def test_open_is_a_remappable_key(services: Services) -> None:
    ids = {binding_id for binding_id, _, _ in list_keys()}
    expected = ["open", "search", "back", "next_page", "previous_page", "kept_only", "refresh"]
    assert {f"corpus.{what}" for what in expected} <= ids
    app = CorpusApp(
        services, persona="mags", annotator="ann", keymap={"corpus.open": "o"}, health_poll_s=0
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("n", "down", "o")
        await pilot.pause()
        assert view(app) == "post"
        screen = app.screen
        assert isinstance(screen, CorpusScreen)
        second = list(screen.posts.values())[1]
        assert second.source_record in shown(screen.query_one("#post-meta"))


@pytest.mark.anyio
async def test_a_new_persona_reloads_the_screen(services: Services) -> None:
    services.require("ingest").create_persona("empty", "Nobody yet")
    app = corpus_app(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        app.persona = "empty"
        await pilot.pause()
        await settle(pilot)
        assert "no posts yet" in shown(app.screen.query_one("#stats-totals"))
        assert listed(app) == []


@pytest.mark.anyio
async def test_an_unknown_persona_is_a_notification(services: Services) -> None:
    app = NotedApp(services, persona="nobody", annotator="ann", health_poll_s=0)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        assert isinstance(app.screen, CorpusScreen)
        assert any("nobody" in message for message in app.messages), app.messages


def test_snapshot_stats(services: Services, snap_compare) -> None:  # type: ignore[no-untyped-def]
    async def loaded(pilot: Pilot[None]) -> None:
        await settle(pilot)

    assert snap_compare(corpus_app(services), terminal_size=(80, 24), run_before=loaded)


def test_snapshot_post(services: Services, snap_compare) -> None:  # type: ignore[no-untyped-def]
    quotes = services.require("ingest").list_posts("mags", flags_any=["quote"]).posts
    post = next(p for p in quotes if "&amp;" in p.raw_text)

    async def opened(pilot: Pilot[None]) -> None:
        await settle(pilot)
        await open_post(pilot, post)

    assert snap_compare(corpus_app(services), terminal_size=(80, 24), run_before=opened)


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"
