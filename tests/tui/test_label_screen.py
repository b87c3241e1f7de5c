"""The label screen over the real labeler service: decisions by key, undo, the empty pool, a
lost server, an expired lease, the key list, and its look at 80×24 (a snapshot)."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from label_fakes import FakeProposer
from sqlalchemy import Engine, delete, select, update
from sqlalchemy.orm import Session
from textual.pilot import Pilot
from textual.widgets import Static

from likeness.core.db.models import Judgment, Post
from likeness.core.db.models import LabelTask as TaskRow
from likeness.core.grpc_server import stop_server
from likeness.core.settings import Settings
from likeness.labeler.server import make_labeler_server, prefetcher_of
from likeness.labeler.types import LabelTask, PostView, ProposalView
from likeness.tui.app import LikenessApp
from likeness.tui.screens.label import LabelScreen, ProposalCard
from likeness.tui.services import Services
from likeness.tui.widgets.diff import word_diff
from likeness.tui.widgets.modals import KeyHelp, TextEditor

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def make_app(services: Services) -> LikenessApp:
    return LikenessApp(services, persona="mags", annotator="ann", health_poll_s=0)


async def settle(app: LikenessApp, pilot: Pilot[None]) -> None:
    """Every worker done and what it sent to the screen rendered."""
    await app.workers.wait_for_complete()
    await pilot.pause()


def screen_of(app: LikenessApp) -> LabelScreen:
    screen = app.screen
    assert isinstance(screen, LabelScreen)
    return screen


def current(app: LikenessApp) -> LabelTask:
    task = screen_of(app).current
    assert task is not None, "no task on screen"
    return task


def shown_text(app: LikenessApp) -> str:
    return str(app.screen.query_one("#post-text", Static).render())


def judgments(db: Engine) -> list[Judgment]:
    with Session(db) as session:
        rows = session.scalars(select(Judgment).where(Judgment.annotator == "ann"))
        return sorted(rows, key=lambda row: row.created_at)


def notes(app: LikenessApp) -> list[str]:
    return [str(note.message) for note in app._notifications]


# --- the word diff ---------------------------------------------------------------------------


def test_word_diff_marks_changed_words_only() -> None:
    text = word_diff("i cant go 2day", "I can't go today")
    assert text.plain == "iI cantcan't go 2daytoday"
    struck = {text.plain[span.start : span.end] for span in text.spans if "strike" in span.style}
    added = {text.plain[span.start : span.end] for span in text.spans if "bold" in span.style}
    assert struck == {"i", "cant", "2day"}
    assert added == {"I", "can't", "today"}
    assert word_diff("same words", "same words").spans == []


# --- decisions by key ------------------------------------------------------------------------


async def test_five_decisions_by_key_then_undo(services: Services, mags_db: Engine) -> None:
    app = make_app(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert len(current(app).proposals) == 4  # text, lower, UPPER, reversed
        expected: list[tuple[str, str, str]] = []  # (action, chosen, post id)

        # 1: accept the second proposal.
        task = current(app)
        assert shown_text(app) == task.post.clean_text
        await pilot.press("2")
        await settle(app, pilot)
        expected.append(("accept", task.proposals[1].text, task.post.id))
        assert current(app).task_id != task.task_id
        assert shown_text(app) == current(app).post.clean_text

        # 2: select the third proposal with the arrow key, edit it (prefilled), Ctrl+S.
        task = current(app)
        await pilot.press("down", "down", "e")
        await pilot.pause()
        assert isinstance(app.screen, TextEditor)
        await pilot.press("!", "ctrl+s")
        await settle(app, pilot)
        expected.append(("edit", task.proposals[2].text + "!", task.post.id))

        # 3: skip.
        task = current(app)
        await pilot.press("s")
        await settle(app, pilot)
        expected.append(("skip", "", task.post.id))

        # 4: reject all.
        task = current(app)
        await pilot.press("r")
        await settle(app, pilot)
        expected.append(("reject", "", task.post.id))

        # 5: write your own (the editor starts with the original), with a comment.
        task = current(app)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press(*"typo", "enter")
        await pilot.pause()
        await pilot.press("w")
        await pilot.pause()
        assert isinstance(app.screen, TextEditor)
        await pilot.press("?", "ctrl+s")
        await settle(app, pilot)
        expected.append(("own", task.post.clean_text + "?", task.post.id))
        own_post = task.post.id

        rows = judgments(mags_db)
        assert [(row.action, row.chosen, row.post_id) for row in rows] == expected
        assert [row.comment for row in rows] == ["", "", "", "", "typo"]
        assert all(row.undone_at is None for row in rows)
        status = str(app.screen.query_one("#label-status", Static).render())
        assert "ann · 4 labeled this session" in status  # a skip is not a label

        # Escape in the editor decides nothing.
        before = current(app)
        await pilot.press("e", "escape")
        await settle(app, pilot)
        assert current(app).task_id == before.task_id
        assert len(judgments(mags_db)) == 5

        # u: the last standing decision (the own text) is taken back and its post shown again.
        await pilot.press("u")
        await settle(app, pilot)
        assert current(app).post.id == own_post
        assert shown_text(app) == current(app).post.clean_text
        rows = judgments(mags_db)
        assert [row.undone_at is not None for row in rows] == [False] * 4 + [True]
        status = str(app.screen.query_one("#label-status", Static).render())
        assert "3 labeled this session" in status


async def test_help_lists_the_keys_as_bound(services: Services) -> None:
    app = LikenessApp(
        services,
        persona="mags",
        annotator="ann",
        health_poll_s=0,
        keymap={"label.reject": "x"},
    )
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, KeyHelp)
        keys = dict((what, key) for key, what in app.screen.lines)
        assert keys["Reject"] == "x"
        assert keys["Accept that proposal"].split() == [str(n) for n in range(1, 10)]
        assert "Edit" in keys and "Undo" in keys and "Comment" in keys
        await pilot.press("space")
        await pilot.pause()
        assert isinstance(app.screen, LabelScreen)


# --- when it does not go well ----------------------------------------------------------------


async def test_empty_pool_is_a_state_not_an_error(services: Services, mags_db: Engine) -> None:
    with mags_db.begin() as conn:  # no post left to offer
        conn.execute(delete(Post))
    app = make_app(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        assert screen_of(app).current is None
        state = str(app.screen.query_one("#label-state", Static).render())
        assert state.startswith("Nothing left to label for mags")
        assert not [note for note in app._notifications if note.severity == "error"]
        await pilot.press("1", "r", "s")  # no task: the keys decide nothing
        await settle(app, pilot)
        assert judgments(mags_db) == []


async def test_expired_lease_says_so_and_moves_on(services: Services, mags_db: Engine) -> None:
    app = make_app(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        task = current(app)
        with mags_db.begin() as conn:
            conn.execute(
                update(TaskRow)
                .where(TaskRow.id == task.task_id)
                .values(lease_expires_at=datetime.now(UTC) - timedelta(minutes=1))
            )
        await pilot.press("1")
        await settle(app, pilot)
        assert any(note.startswith("not stored:") for note in notes(app))
        assert current(app).task_id != task.task_id
        assert judgments(mags_db) == []


@pytest.fixture
def labeler_only(
    tui_settings: Settings, mags_db: Engine
) -> Iterator[tuple[Services, list[object]]]:
    """Only a labeler server, which a test can stop and start again on the same port."""
    settings = tui_settings.model_copy(update={"label_prefetch": 0})
    proposer = FakeProposer()
    running: list[object] = []

    def start(port: int = 0) -> int:
        server, bound = make_labeler_server(settings, mags_db, proposer, port=port)
        server.start()
        running.append(server)
        return bound

    def stop() -> None:
        server = running.pop()
        prefetcher = prefetcher_of(server)  # type: ignore[arg-type]
        if prefetcher is not None:
            prefetcher.stop(2.0)
        stop_server(server, grace_s=0.2)  # type: ignore[arg-type]

    port = start()
    services = Services({"labeler": f"127.0.0.1:{port}"})
    try:
        yield services, [start, stop, port]
    finally:
        services.close()
        while running:
            stop()


async def test_lost_server_keeps_the_task_to_retry(
    labeler_only: tuple[Services, list[object]], mags_db: Engine
) -> None:
    services, (start, stop, port) = labeler_only
    app = make_app(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        task = current(app)
        stop()  # type: ignore[operator]
        await pilot.press("1")
        await settle(app, pilot)
        assert current(app).task_id == task.task_id  # still on screen
        assert shown_text(app) == task.post.clean_text
        assert any("not stored: service unreachable" in note for note in notes(app))
        assert judgments(mags_db) == []

        # The server is back: the same key stores the decision (the channel reconnects with
        # backoff, so a press may still meet the old failure; pressing again is the retry).
        start(port)  # type: ignore[operator]
        for _ in range(40):
            await pilot.press("1")
            await settle(app, pilot)
            if judgments(mags_db):
                break
            await pilot.pause(0.25)
        assert [(row.action, row.post_id) for row in judgments(mags_db)] == [
            ("accept", task.post.id)
        ]
        assert current(app).task_id != task.task_id


# --- the look --------------------------------------------------------------------------------

#: A fixed task, so the snapshot does not depend on which post the pool draws.
FIXED = LabelTask(
    task_id="t" * 32,
    persona="mags",
    annotator="ann",
    post=PostView(
        id="p" * 32,
        platform="mastodon",
        created_at=datetime(2023, 5, 14, 9, 30, tzinfo=UTC),
        raw_text="omg the ferry was SO late again lol  #commute https://t.co/x",
        clean_text="omg the ferry was SO late again lol #commute",
        flags=["url_removed", "whitespace"],
        normalized_text="",
    ),
    proposals=[
        ProposalView("a", 0, "Oh my god, the ferry was so late again, lol. #commute", 0.0),
        ProposalView("b", 1, "omg the ferry was so late again lol #commute", 0.3),
        ProposalView("c", 2, "OMG the ferry was SO late again lol #commute", 0.6),
    ],
    generator="fake-normaliser",
    prompt_version="normalizer-v2",
    lease_expires_at=datetime(2023, 5, 14, 10, 0, tzinfo=UTC),
    remaining=329,
)


def test_snapshot_80x24(services: Services, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(services)

    async def show_fixed(pilot: Pilot[None]) -> None:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await screen_of(app).show_task(FIXED)
        await pilot.press("down")  # the second proposal selected
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=show_fixed)


def test_snapshot_wide(services: Services, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(services)

    async def show_fixed(pilot: Pilot[None]) -> None:
        await app.workers.wait_for_complete()
        await pilot.pause()
        await screen_of(app).show_task(FIXED)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(140, 30), run_before=show_fixed)


async def test_cards_follow_the_number_of_proposals(services: Services) -> None:
    app = make_app(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(app, pilot)
        screen = screen_of(app)
        one = replace(FIXED, task_id="u" * 32, proposals=FIXED.proposals[1:2])
        for task in (FIXED, one, FIXED):
            await screen.show_task(task)
            await pilot.pause()
            cards = list(screen.query(ProposalCard))
            assert [card.border_title for card in cards] == [
                str(n) for n in range(1, len(task.proposals) + 1)
            ]
            diffs = [word_diff(task.post.clean_text, p.text).plain for p in task.proposals]
            assert [str(card.render()) for card in cards] == diffs
            assert screen.rendered == task.task_id


async def test_a_decided_task_is_dimmed_until_the_next_one_arrives(
    services: Services, proposer: FakeProposer
) -> None:
    """While the model prepares the next post, the decided one must not pass for a new one."""
    release = threading.Event()
    calls: list[str] = []

    def hold_after_the_first_pool(text: str) -> None:
        calls.append(text)
        if len(calls) > 2:  # the first task's pool (two posts) goes through
            release.wait(30)

    proposer.before = hold_after_the_first_pool
    app = make_app(services)
    async with app.run_test(size=(80, 24)) as pilot:
        for _ in range(100):
            await pilot.pause(0.05)
            if screen_of(app).current is not None:
                break
        first = current(app).task_id
        body = app.screen.query_one("#label-body")
        assert not body.has_class("-decided")
        await pilot.press("1")
        for _ in range(100):
            await pilot.pause(0.05)
            if body.has_class("-decided"):
                break
        status = str(app.screen.query_one("#label-status", Static).render())
        assert body.has_class("-decided") and "asking for the next post" in status
        release.set()
        await settle(app, pilot)
        assert current(app).task_id != first and not body.has_class("-decided")


async def test_a_click_selects_a_proposal_and_decides_nothing(
    services: Services, mags_db: Engine
) -> None:
    app = make_app(services)
    async with app.run_test(size=(80, 40)) as pilot:
        await settle(app, pilot)
        screen = screen_of(app)
        task = current(app)
        cards = list(screen.query(ProposalCard))
        assert await pilot.click(cards[2])
        await pilot.pause()
        assert screen.selected == 2 and cards[2].has_class("-selected")
        assert not cards[0].has_class("-selected")
        assert current(app).task_id == task.task_id and judgments(mags_db) == []
        # e edits the clicked one.
        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, TextEditor)
        assert app.screen.text == task.proposals[2].text
