"""End to end: the app over the real embedded stack (``open_services`` with no server named:
labeler → inference client → the tiny model → the database), two posts labeled by keyboard, on
SQLite and on PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session
from textual.pilot import Pilot
from textual.widgets import Static

from likeness.core.db import create_db_engine
from likeness.core.db.models import Judgment, Proposal
from likeness.core.settings import Settings
from likeness.inference.engines.transformers_engine import TransformersEngine
from likeness.ingest.importing import import_path
from likeness.labeler.types import LabelTask
from likeness.tui.app import LikenessApp
from likeness.tui.screens.label import LabelScreen
from likeness.tui.services import open_services

pytestmark = pytest.mark.anyio

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample-archive"


@pytest.fixture
def anyio_backend() -> str:
    return "asyncio"


@pytest.fixture
def settings(db_url: str, tmp_path: Path, tiny_model_dir: Path) -> Settings:
    # No service address: open_services starts the embedded stack.
    return Settings(
        data_dir=tmp_path / "data",
        database_url=db_url,
        engine="transformers",
        model=str(tiny_model_dir),
        label_prefetch=2,
        label_proposals=3,
        ingest_addr=None,
        inference_addr=None,
        labeler_addr=None,
        trainer_addr=None,
    )


@pytest.fixture
def db(settings: Settings) -> Iterator[Engine]:
    engine = create_db_engine(settings.database_url)
    import_path(engine, SAMPLE, "mags", settings=settings)
    yield engine
    engine.dispose()


def on_screen(app: LikenessApp) -> LabelTask:
    screen = app.screen
    assert isinstance(screen, LabelScreen)
    assert screen.current is not None, "no task on screen"
    return screen.current


async def settle(app: LikenessApp, pilot: Pilot[None]) -> None:
    await app.workers.wait_for_complete()
    await pilot.pause()


async def test_label_two_posts_through_the_embedded_stack(
    settings: Settings, db: Engine, tiny_model_dir: Path
) -> None:
    engine = TransformersEngine.load(str(tiny_model_dir))
    with open_services(settings, engine=engine, workers=0) as services:
        assert services.embedded
        app = LikenessApp(services, persona="mags", annotator="ann", health_poll_s=0)
        async with app.run_test(size=(80, 24)) as pilot:
            await settle(app, pilot)
            first = on_screen(app)
            text = app.screen.query_one("#post-text", Static).render()
            assert str(text) == first.post.clean_text
            assert first.proposals, "the tiny model proposed nothing"
            await pilot.press("1")
            await settle(app, pilot)

            second = on_screen(app)
            assert second.post.id != first.post.id
            await pilot.press("w")
            await pilot.pause()
            await pilot.press("!", "ctrl+s")
            await settle(app, pilot)
            assert on_screen(app).post.id not in (first.post.id, second.post.id)

    with Session(db) as session:
        rows = session.scalars(select(Judgment).order_by(Judgment.created_at)).all()
        assert [(row.annotator, row.action, row.post_id, row.chosen) for row in rows] == [
            ("ann", "accept", first.post.id, first.proposals[0].text),
            ("ann", "own", second.post.id, second.post.clean_text + "!"),
        ]
        assert [row.task_id for row in rows] == [first.task_id, second.task_id]
        for task in (first, second):
            stored = session.scalars(
                select(Proposal).where(Proposal.task_id == task.task_id).order_by(Proposal.position)
            ).all()
            assert [p.text for p in stored] == [p.text for p in task.proposals]
            # Made by the base model (no normaliser trained yet), named by its public name.
            assert {p.generator for p in stored} == {tiny_model_dir.name}
