"""The arena screen over the real labeler service: votes by key stored in the database, what A
and B were said only after the vote, a pair voted elsewhere skipped, the empty queue, and its
look at 80×24 (a snapshot)."""

from __future__ import annotations

import random
from datetime import UTC, datetime

import pytest
from registered_models import add_model
from sqlalchemy import Engine, select, update
from sqlalchemy.orm import Session
from textual.pilot import Pilot
from textual.widgets import Static

from likeness.core.arena import REAL, NewPair, store_pairs
from likeness.core.db.models import Comparison, Post
from likeness.labeler.arena import ComparisonView
from likeness.tui.app import LikenessApp
from likeness.tui.screens.arena import ArenaScreen
from likeness.tui.services import Services

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def make_app(services: Services) -> LikenessApp:
    return LikenessApp(services, persona="mags", annotator="ann", health_poll_s=0)


def queue_pairs(db: Engine, count: int) -> list[str]:
    """``count`` pairs of a persona model against the author's posts of the sample archive."""
    model = add_model(db, "mags", "/runs/mags/final", kind="persona-lora")
    with Session(db) as session:
        posts = list(session.scalars(select(Post).order_by(Post.id).limit(count)))
    pairs = [
        NewPair(
            post.id,
            f"Write a post about topic {n}",
            model,
            f"model post {n}",
            REAL,
            post.clean_text,
        )
        for n, post in enumerate(posts)
    ]
    return store_pairs(db, "mags", pairs, rng=random.Random(0))


def votes(db: Engine) -> dict[str, str | None]:
    with Session(db) as session:
        return {row.id: row.vote for row in session.scalars(select(Comparison))}


async def open_arena(app: LikenessApp, pilot: Pilot[None]) -> ArenaScreen:
    await pilot.press("f6")
    await app.workers.wait_for_complete()
    await pilot.pause()
    screen = app.screen
    assert isinstance(screen, ArenaScreen)
    return screen


async def settle(app: LikenessApp, pilot: Pilot[None]) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


def text_of(app: LikenessApp, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


async def test_votes_by_key_are_stored_and_sides_said_after(
    services: Services, mags_db: Engine
) -> None:
    ids = queue_pairs(mags_db, 4)
    app = make_app(services)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_arena(app, pilot)
        seen: list[str] = []
        for key, vote in (("a", "a"), ("b", "b"), ("t", "tie"), ("x", "both_bad")):
            pair = screen.current
            assert pair is not None and pair.comparison_id not in seen
            assert text_of(app, "#arena-request") == pair.request
            assert {text_of(app, "#text-a"), text_of(app, "#text-b")} == {pair.text_a, pair.text_b}
            assert "model" not in str(screen.query_one("#side-a").border_title)
            seen.append(pair.comparison_id)
            await pilot.press(key)
            await settle(app, pilot)
            assert votes(mags_db)[pair.comparison_id] == vote
        assert sorted(seen) == sorted(ids)
        assert screen.current is None
        assert "No arena pair of persona" in text_of(app, "#arena-state")
        status = text_of(app, "#arena-status")
        assert "ann · 4 voted this session" in status and "last: A was" in status
        assert "the author's post" in status and "model " in status

        # A key with no pair on screen votes nothing.
        await pilot.press("a")
        await settle(app, pilot)
    with Session(mags_db) as session:
        rows = list(session.scalars(select(Comparison)))
    assert all(row.annotator == "ann" and row.seconds_spent for row in rows)


async def test_a_pair_voted_elsewhere_is_said_and_skipped(
    services: Services, mags_db: Engine
) -> None:
    queue_pairs(mags_db, 2)
    app = make_app(services)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_arena(app, pilot)
        pair = screen.current
        assert pair is not None
        with Session(mags_db) as session, session.begin():  # voted meanwhile (another client)
            session.execute(
                update(Comparison)
                .where(Comparison.id == pair.comparison_id)
                .values(vote="tie", voted_at=datetime.now(UTC))
            )
        await pilot.press("a")
        await settle(app, pilot)
        assert any("not stored" in str(note.message) for note in app._notifications)
        assert screen.current is not None and screen.current.comparison_id != pair.comparison_id
        assert votes(mags_db)[pair.comparison_id] == "tie"


async def test_no_pair_is_a_state_not_an_error(services: Services) -> None:
    app = make_app(services)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_arena(app, pilot)
        assert "likeness arena --persona mags" in text_of(app, "#arena-state")
        assert not [n for n in app._notifications if n.severity == "error"]


#: A fixed pair, so the snapshot does not depend on ids or on which pair comes first.
FIXED = ComparisonView(
    comparison_id="c" * 32,
    persona="mags",
    annotator="ann",
    request="Write a post about the ferry, the fog and the island",
    text_a="The 6am boat is cancelled again. Fog so thick you can't see the lamp from the "
    "door. Tea, then more tea.",
    text_b="omg the ferry was SO late again lol. Bread came out flat too. Blaming the damp.",
    lease_expires_at=datetime(2023, 5, 14, 10, 0, tzinfo=UTC),
    remaining=12,
)


def test_snapshot_80x24(services: Services, snap_compare) -> None:  # type: ignore[no-untyped-def]
    app = make_app(services)

    async def show_fixed(pilot: Pilot[None]) -> None:
        screen = await open_arena(app, pilot)
        screen.show_pair(FIXED)
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=show_fixed)
