"""The real corpus the fidelity benchmarks train on, imported into a fresh embedded data dir.

    settings, db = import_trump(work)      # None when the corpus is absent (the run skips)

The Trump Twitter Archive 2016 file from ``../shared/corpora/trump-tta`` as persona ``trump``,
and, when present, the X archive in ``../shared/corpora/x-archive-andreruffert`` as persona
``andre``: a second author the style judge learns to tell apart. SQLite in ``work``, the
default model (SmolLM2-135M-Instruct) installed there.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import Engine

from likeness.core.db import open_database
from likeness.core.default_model import ensure_default_model
from likeness.core.jobs import ProgressReport
from likeness.core.settings import Settings
from likeness.ingest.importing import import_path
from likeness.ingest.personas import create_persona

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
TRUMP = CORPORA / "trump-tta" / "condensed_2016.json"
OTHER = CORPORA / "x-archive-andreruffert"
CARD = (
    "You are Donald J. Trump posting on Twitter in 2016: short, emphatic posts, capital "
    "letters for emphasis, exclamation marks, nicknames for opponents."
)


def import_trump(work: Path) -> tuple[Settings, Engine] | None:
    """Settings and database of ``work`` with the corpus imported; None without the corpus."""
    if not TRUMP.exists():
        print(f"skipped: {TRUMP} is absent (the real corpus this run needs)")
        return None
    settings = Settings(data_dir=work, database_url=f"sqlite:///{work / 'bench.db'}")
    db = open_database(settings)
    ensure_default_model(work)
    create_persona(db, "trump", "Donald J. Trump", CARD, None)
    imported = import_path(db, TRUMP, "trump", settings=settings)
    print(f"imported {imported.new} Trump posts", flush=True)
    if OTHER.exists():
        other = import_path(db, OTHER, "andre", settings=settings)
        print(f"imported {other.new} posts of a second author (judge negatives)", flush=True)
    return settings, db


def progress(prefix: str) -> Callable[[ProgressReport], None]:
    """A progress callback that prints a line at most every 10 seconds."""
    last = [0.0]

    def show(report: ProgressReport) -> None:
        now = time.monotonic()
        if now - last[0] < 10 and not report.message.startswith("start"):
            return
        last[0] = now
        step = f"{report.step}/{report.total} " if report.total else ""
        loss = f"loss {report.loss:.3f} " if report.loss else ""
        print(f"  {prefix}: {step}{loss}{report.message}", flush=True)

    return show
