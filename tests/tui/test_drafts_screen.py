"""The drafts screen over the real services: review by key, export exactly once, generate."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from draft_rows import add_drafts, draft_states
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from textual.pilot import Pilot
from textual.widgets import DataTable, Input

from likeness.core.db.models import Draft
from likeness.core.personas import persona_id
from likeness.core.settings import Settings
from likeness.tui.app import LikenessApp
from likeness.tui.screens.drafts import DraftsScreen, ExportDialog
from likeness.tui.services import Services

pytestmark = pytest.mark.anyio


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


def mags_id(db: Engine) -> int:
    with Session(db) as session:
        return persona_id(session, "mags")


def make_app(services: Services, settings: Settings, persona: str = "mags") -> LikenessApp:
    return LikenessApp(
        services, persona=persona, annotator="ann", health_poll_s=0, settings=settings
    )


async def settle(app: LikenessApp, pilot: Pilot[None]) -> None:
    """Every worker done and what it posted shown (a worker may start another one)."""
    for _ in range(3):
        await app.workers.wait_for_complete()
        await pilot.pause()


def notes(app: LikenessApp) -> list[str]:
    return [str(n.message) for n in app._notifications]


def shown_ids(app: LikenessApp) -> list[str]:
    table = app.screen.query_one("#drafts-table", DataTable)
    return [str(key.value) for key in table.rows]


async def open_drafts(app: LikenessApp, pilot: Pilot[None]) -> DraftsScreen:
    await pilot.press("f5")
    await settle(app, pilot)
    assert isinstance(app.screen, DraftsScreen)
    return app.screen


async def test_approve_reject_and_reset_by_key(
    services: Services, mags_db: Engine, tui_settings: Settings
) -> None:
    one, two, three = add_drafts(mags_db, mags_id(mags_db), ["one", "two", "three"])
    app = make_app(services, tui_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_drafts(app, pilot)
        assert shown_ids(app) == [three, two, one]  # newest first, the newest selected
        # One key each, pressed without waiting: the selection moved on after the first.
        await pilot.press("a", "x")
        await settle(app, pilot)
        assert draft_states(mags_db, [one, two, three]) == ["pending", "rejected", "approved"]
        assert shown_ids(app) == [one]  # the pending filter: only what is still pending

        await pilot.press("f")  # approved (waiting for export)
        await settle(app, pilot)
        assert shown_ids(app) == [three]
        await pilot.press("z")  # back to pending
        await settle(app, pilot)
        assert draft_states(mags_db, [three]) == ["pending"]
        assert shown_ids(app) == []


async def test_export_writes_the_approved_draft_exactly_once(
    services: Services, mags_db: Engine, tui_settings: Settings
) -> None:
    keep, drop = add_drafts(mags_db, mags_id(mags_db), ["keep me", "not me"])
    app = make_app(services, tui_settings)
    out = tui_settings.data_dir / "exports" / "drafts-mags.jsonl"
    async with app.run_test(size=(80, 24)) as pilot:
        await open_drafts(app, pilot)
        await pilot.press("x", "a")  # the newest ("not me") rejected, then "keep me" approved
        await settle(app, pilot)
        assert draft_states(mags_db, [keep, drop]) == ["approved", "rejected"]

        await pilot.press("e")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.query_one("#export-path", Input).value == str(out)  # prefilled
        await pilot.press("enter")
        await settle(app, pilot)
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        assert [(r["id"], r["text"], r["persona"]) for r in rows] == [(keep, "keep me", "mags")]
        assert any(n.startswith(f"1 draft exported to {out} (batch ") for n in notes(app))

        app.clear_notifications()
        await pilot.press("e", "enter")  # the path is remembered; nothing waits any more
        await settle(app, pilot)
        assert len(out.read_text(encoding="utf-8").splitlines()) == 1
        assert notes(app) == ["no approved drafts waiting for export"]


async def test_a_batch_not_written_is_written_by_the_next_export(
    services: Services, mags_db: Engine, tui_settings: Settings, tmp_path: Path
) -> None:
    (draft,) = add_drafts(mags_db, mags_id(mags_db), ["a line\nwith a break"])
    services.require("drafts").review_drafts([draft], "approve")
    app = make_app(services, tui_settings)
    good = tmp_path / "queue.txt"
    async with app.run_test(size=(80, 24)) as pilot:
        await open_drafts(app, pilot)
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        path = dialog.query_one("#export-path", Input)
        await pilot.press("tab", "right", "enter")  # the lines format; the prefilled name follows
        assert dialog.fmt == "lines"
        assert path.value == str(tui_settings.data_dir / "exports" / "drafts-mags.txt")
        path.value = str(tmp_path)  # a folder: the write fails after the drafts left the queue
        path.focus()
        await pilot.press("enter")
        await settle(app, pilot)
        assert any("failed" in n and "export again" in n for n in notes(app))

        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.fmt == "lines"  # the last choice, remembered
        assert "was not written yet" in str(dialog.query_one("#export-note").render())
        dialog.query_one("#export-path", Input).value = str(good)
        await pilot.press("enter")
        await settle(app, pilot)
        assert good.read_text(encoding="utf-8") == "a line\\nwith a break\n"
        assert any(n.startswith(f"1 draft exported to {good}") for n in notes(app))


async def test_generate_drafts_on_a_topic(
    services: Services, mags_db: Engine, tui_settings: Settings
) -> None:
    app = make_app(services, tui_settings)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_drafts(app, pilot)
        assert shown_ids(app) == []
        await pilot.press("g")
        await pilot.press(*"the ferry", "enter")  # n stays at its default, 4
        await settle(app, pilot)
        with Session(mags_db) as session:
            stored = session.scalars(select(Draft).where(Draft.topic == "the ferry")).all()
        # Blank generations are dropped, so up to 4; the tiny model writes something.
        assert 1 <= len(stored) <= 4
        assert all(d.state == "pending" for d in stored)
        assert sorted(shown_ids(app)) == sorted(d.id for d in stored)
        assert any("waiting for review" in n for n in notes(app))


async def test_generating_for_the_bare_base_model_says_why_not(
    services: Services, mags_db: Engine, tui_settings: Settings, tiny_model_dir: Path
) -> None:
    # The base model is no persona: it has no card, and drafts are written by a persona.
    app = make_app(services, tui_settings, persona=tiny_model_dir.name)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_drafts(app, pilot)
        app.clear_notifications()
        await pilot.press("g", *"tea", "enter")
        await settle(app, pilot)
        assert any("drafts are written by a persona" in n for n in notes(app))
        with Session(mags_db) as session:
            assert session.scalars(select(Draft)).all() == []


SNAPSHOT_TEXTS = [
    "Low tide this morning, the whole bay gone silver.",
    "Fog on the harbour again. The foghorn has been going since six and I have given up on "
    "sleeping through it.",
    "Ferry cancelled, so: tea, a book, and the window seat.",
]


def test_snapshot_of_the_drafts_screen(
    snap_compare, services: Services, mags_db: Engine, tui_settings: Settings
) -> None:  # type: ignore[no-untyped-def]
    ids = [f"{n:x}" * 32 for n in (10, 11, 12)]
    add_drafts(mags_db, mags_id(mags_db), SNAPSHOT_TEXTS, ids=ids)
    app = make_app(services, tui_settings)

    async def run_before(pilot: Pilot[None]) -> None:
        await pilot.press("f5")
        await settle(app, pilot)
        await pilot.press("down")
        app.clear_notifications()
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
