"""Corpus normalisation jobs live in the shared queue: they survive the server that ran them."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from likeness.core import jobs
from likeness.core.db.models import Post
from likeness.core.settings import Settings
from likeness.inference.engine_thread import EngineThread
from likeness.inference.engines.transformers_engine import TransformersEngine
from likeness.inference.normalize_jobs import KIND, NormalizeJobs
from likeness.ingest.importing import import_path

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample-archive"


@pytest.fixture
def corpus(engine: Engine, tmp_path: Path, db_url: str) -> Engine:
    import_path(engine, SAMPLE, "mags", settings=Settings(data_dir=tmp_path, database_url=db_url))
    return engine


def _normalised(db: Engine) -> int:
    with Session(db) as session:
        return session.scalar(select(func.count()).where(Post.normalized_text.is_not(None))) or 0


def _wait(db: Engine, job_id: str, timeout: float = 120) -> jobs.JobInfo:
    deadline = time.monotonic() + timeout
    while not (job := jobs.get(db, job_id)).done:
        assert time.monotonic() < deadline, job
        time.sleep(0.1)
    return job


def test_a_job_whose_server_died_is_finished_by_the_next_server(
    corpus: Engine, tiny_model_dir: Path
) -> None:
    with EngineThread(TransformersEngine.load(str(tiny_model_dir))) as runner:
        queue = NormalizeJobs(runner, corpus, worker=False)
        job_id = queue.start("mags", limit=10, kept_only=True)
        assert queue.start("mags", limit=10, kept_only=True) == job_id  # one per persona
        # A server claims it and dies at once: no heartbeat ever renews its short lease.
        dead = jobs.claim(corpus, "dead-server", kinds=[KIND], lease_s=0.3)
        assert dead is not None and dead.id == job_id
        time.sleep(0.4)
        NormalizeJobs(runner, corpus, lease_s=5, poll_s=0.1)  # the next server to start
        done = _wait(corpus, job_id)
    assert done.status == jobs.SUCCEEDED, done.error
    assert done.attempts == 2 and done.worker.endswith(":inference")
    assert done.progress["step"] == done.progress["total"] == 10
    assert done.result["normalized"] == _normalised(corpus)


def test_cancelling_a_running_job_stops_it_between_chunks(
    corpus: Engine, tiny_model_dir: Path
) -> None:
    with EngineThread(TransformersEngine.load(str(tiny_model_dir))) as runner:
        queue = NormalizeJobs(runner, corpus, worker=False)
        job_id = queue.start("mags", limit=None, kept_only=True)
        jobs.cancel(corpus, job_id)  # queued: cancelled at once, never run
        assert jobs.get(corpus, job_id).status == jobs.CANCELLED
        second = queue.start("mags", limit=None, kept_only=True)
        assert second != job_id
        NormalizeJobs(runner, corpus, lease_s=0.6, poll_s=0.05, chunk_size=4)
        while jobs.get(corpus, second).progress.get("step", 0) < 4:
            time.sleep(0.02)
        jobs.cancel(corpus, second)
        done = _wait(corpus, second)
    assert done.status == jobs.CANCELLED
    # Stopped between chunks: some of the corpus done and kept, the rest still pending.
    assert 4 <= done.progress["step"] < done.progress["total"]
    assert 0 < _normalised(corpus) <= done.progress["step"]
