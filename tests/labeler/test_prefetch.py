"""Prefetch: the next tasks of an active annotator are prepared in the background, so Submit ->
NextTask hands out a ready task without the proposer; one fill per annotator at a time; a
failing proposer backs off; prefetch 0 is off."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from label_fakes import FakeProposer
from persona_corpus import make_persona
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from likeness.core.db.models import LabelTask as TaskRow
from likeness.core.grpc_server import stop_server
from likeness.core.proposals import Proposals
from likeness.core.settings import Settings
from likeness.labeler.client import LabelerClient
from likeness.labeler.decisions import submit
from likeness.labeler.prefetch import Prefetcher
from likeness.labeler.server import make_labeler_server, prefetcher_of
from likeness.labeler.tasks import next_task, open_tasks
from likeness.labeler.types import Action, Decision


class RecordingProposer:
    """The deterministic proposer, recording which thread asked, how many at once, and able to
    fail its first ``failures`` calls."""

    def __init__(self, *, delay_s: float = 0.0, failures: int = 0) -> None:
        self.inner = FakeProposer()
        self.delay_s = delay_s
        self.failures = failures
        self.threads: list[str] = []
        self.running = 0
        self.most_at_once = 0
        self._lock = threading.Lock()

    def propose(self, persona: str, clean_text: str, n: int) -> Proposals:
        with self._lock:
            self.threads.append(threading.current_thread().name)
            self.running += 1
            self.most_at_once = max(self.most_at_once, self.running)
            fail = self.failures > 0
            self.failures -= 1 if fail else 0
        try:
            time.sleep(self.delay_s)
            if fail:
                raise ConnectionError("the inference service is down (test)")
            return self.inner.propose(persona, clean_text, n)
        finally:
            with self._lock:
                self.running -= 1

    def outside_prefetch(self) -> list[str]:
        return [name for name in self.threads if not name.startswith("label-prefetch")]


def wait_for(condition: Callable[[], bool], timeout: float = 20.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.02)


@pytest.fixture
def mags(engine: Engine) -> str:
    corpus = make_persona(engine, "mags")
    for day in range(12):
        corpus.add(f"Day {day}: the lamp, the fog, and bread #{day}", day=day * 20)
    return corpus.slug


def ready(db: Engine) -> set[str]:
    """Ids of the prepared, not yet shown tasks."""
    with Session(db) as session:
        return set(
            session.scalars(
                select(TaskRow.id).where(TaskRow.state == "open", TaskRow.shown_at.is_(None))
            )
        )


@contextmanager
def serve(
    engine: Engine, tmp_path: Path, proposer: RecordingProposer, prefetch: int
) -> Iterator[tuple[LabelerClient, Prefetcher]]:
    settings = Settings(data_dir=tmp_path / "data", label_prefetch=prefetch, label_proposals=3)
    server, port = make_labeler_server(settings, engine, proposer, host="127.0.0.1", port=0)
    server.start()
    prefetcher = prefetcher_of(server)
    assert prefetcher is not None
    client = LabelerClient(f"127.0.0.1:{port}")
    try:
        yield client, prefetcher
    finally:
        client.close()
        stop_server(server, grace_s=1)


def test_next_tasks_are_ready_and_submit_then_next_does_not_wait_on_the_model(
    engine: Engine, tmp_path: Path, mags: str
) -> None:
    proposer = RecordingProposer()
    with serve(engine, tmp_path, proposer, prefetch=2) as (client, prefetcher):
        first = client.next_task(mags, "ann")  # nothing prepared yet: generated in the call
        wait_for(lambda: len(ready(engine)) == 2 and not prefetcher.busy())
        assert open_tasks(engine, mags, "ann", ready_only=True) == 2
        in_call = len(proposer.outside_prefetch())
        assert in_call >= 1

        task = first
        for _ in range(4):
            prepared = ready(engine)
            client.submit(Decision(task.task_id, "ann", Action.ACCEPT, proposal_index=0))
            task = client.next_task(mags, "ann")
            assert task.task_id in prepared and not task.resumed
            assert task.proposals  # generated before it was asked for
            wait_for(lambda: len(ready(engine)) == 2 and not prefetcher.busy())
        # Every proposal after the first NextTask came from the prefetch threads.
        assert len(proposer.outside_prefetch()) == in_call
        assert len(ready(engine)) == 2  # topped up to K, never beyond


def test_prefetch_zero_prepares_nothing(engine: Engine, tmp_path: Path, mags: str) -> None:
    proposer = RecordingProposer()
    with serve(engine, tmp_path, proposer, prefetch=0) as (client, prefetcher):
        assert not prefetcher.enabled
        task = client.next_task(mags, "ann")
        client.submit(Decision(task.task_id, "ann", Action.SKIP))
        client.next_task(mags, "ann")
        time.sleep(0.3)
        assert ready(engine) == set()
        assert proposer.outside_prefetch() == proposer.threads
        assert not any(t.name.startswith("label-prefetch") for t in threading.enumerate())


def test_one_fill_per_annotator_at_a_time_and_a_failing_proposer_backs_off(
    engine: Engine, mags: str, caplog: pytest.LogCaptureFixture
) -> None:
    proposer = RecordingProposer(delay_s=0.02, failures=2)
    prefetcher = Prefetcher(
        engine, proposer, ahead=3, n=3, lease_s=600, workers=4, first_backoff_s=0.05
    )
    with prefetcher:
        for _ in range(20):  # a burst of kicks while the first fill runs
            prefetcher.kick(mags, "ann")
        wait_for(lambda: len(ready(engine)) == 3 and not prefetcher.busy())
        for _ in range(5):
            prefetcher.kick(mags, "ann")
        time.sleep(0.2)
        assert not prefetcher.busy()
    # One fill at a time: its pool's posts (2 by default) are generated together, never more.
    assert proposer.most_at_once <= 2
    assert len(ready(engine)) == 3  # never more than K, however many kicks
    assert proposer.failures == 0  # both failures happened, and the fill went on
    assert "prefetch for mags/ann failed" in caplog.text


def test_active_annotators_are_topped_up_and_idle_ones_forgotten(engine: Engine, mags: str) -> None:
    offset = [0.0]
    proposer = RecordingProposer()
    prefetcher = Prefetcher(
        engine,
        proposer,
        ahead=1,
        n=2,
        lease_s=600,
        active_s=60,
        tick_s=0.1,
        first_backoff_s=0.05,
        clock=lambda: time.monotonic() + offset[0],
    )
    with prefetcher:
        prefetcher.kick(mags, "ann")
        wait_for(lambda: len(ready(engine)) == 1)
        # A task taken without a kick (another server, say): the tick tops the annotator up.
        shown = next_task(engine, proposer, mags, "ann", n=2, lease_s=600)
        wait_for(lambda: len(ready(engine)) == 1 and not prefetcher.busy())
        # An hour later the annotator is gone: nothing more is prepared for them.
        offset[0] = 3600.0
        submit(engine, Decision(shown.task_id, "ann", Action.SKIP))
        taken = next_task(engine, proposer, mags, "ann", n=2, lease_s=600)
        assert taken.task_id != shown.task_id
        time.sleep(0.5)
        assert ready(engine) == set()


def test_stop_ends_the_threads_and_later_kicks_do_nothing(engine: Engine, mags: str) -> None:
    proposer = RecordingProposer()
    prefetcher = Prefetcher(engine, proposer, ahead=2, n=2, lease_s=600).start()
    started = time.monotonic()
    prefetcher.stop()
    assert time.monotonic() - started < 5
    assert not any(t.name.startswith("label-prefetch") for t in threading.enumerate())
    prefetcher.kick(mags, "ann")
    time.sleep(0.2)
    assert proposer.threads == [] and ready(engine) == set()
