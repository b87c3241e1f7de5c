"""A decision survives ``kill -9`` of the labeler server the moment Submit returns.

The real server runs in a subprocess (``tests/helpers/label_server.py``, deterministic
proposer, prefetch on so background work is going on too); the test submits through gRPC,
kills the process with SIGKILL as soon as the call returns, and reads the database.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from persona_corpus import make_persona
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from likeness.core.db.models import Judgment, LabelTask
from likeness.labeler.client import LabelerClient
from likeness.labeler.types import Action, Decision

HELPERS = Path(__file__).resolve().parents[1] / "helpers"


@pytest.fixture
def server_process(db_url: str, engine: Engine, tmp_path: Path) -> Iterator[tuple[str, int]]:
    corpus = make_persona(engine, "mags")
    for day in range(6):
        corpus.add(f"Post number {day} about the lamp and the fog", day=day * 30)
    process = subprocess.Popen(
        [sys.executable, str(HELPERS / "label_server.py"), db_url, str(tmp_path / "data")],
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline()
        assert line.startswith("port "), f"the server did not start: {line!r}"
        yield f"127.0.0.1:{int(line.split()[1])}", process.pid
    finally:
        process.kill()
        process.wait(timeout=30)


def test_a_decision_survives_kill_9_right_after_submit(
    server_process: tuple[str, int], engine: Engine
) -> None:
    addr, pid = server_process
    with LabelerClient(addr) as client:
        first = client.next_task("mags", "ann")
        client.submit(Decision(first.task_id, "ann", Action.ACCEPT, proposal_index=0))
        second = client.next_task("mags", "ann")
        text = "The fog again, and the lamp."
        result = client.submit(
            Decision(second.task_id, "ann", Action.OWN, text=text, comment="mine")
        )
        os.kill(pid, signal.SIGKILL)  # at once: nothing after the answer may be needed

    with Session(engine) as session:
        stored = session.scalars(select(Judgment).order_by(Judgment.created_at)).all()
        assert [(j.task_id, j.action) for j in stored] == [
            (first.task_id, "accept"),
            (second.task_id, "own"),
        ]
        last = stored[-1]
        assert last.id == result.judgment_id
        assert (last.chosen, last.comment, last.annotator) == (text, "mine", "ann")
        assert last.undone_at is None and last.prompt_version == second.prompt_version
        states = dict(
            session.execute(
                select(LabelTask.id, LabelTask.state).where(
                    LabelTask.id.in_([first.task_id, second.task_id])
                )
            ).all()
        )
    assert states == {first.task_id: "judged", second.task_id: "judged"}
