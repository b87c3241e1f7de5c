"""The whole feedback loop on a tiny model, every step through the real gRPC services:
label 20 posts (labeler → inference proposals) → a normalizer-sft job (trainer service and its
worker) → activate the normaliser (trainer → inference) → NormalizeCorpus (inference job) → the
stored normalised texts are the adapter's, and what people chose is untouched."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from persona_corpus import make_persona
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from likeness.core.db.models import Judgment, LabelTask, Post
from likeness.core.grpc_server import stop_server
from likeness.core.prompts import NORMALIZER_PROMPT_VERSION
from likeness.core.registry import active_model
from likeness.core.settings import Settings
from likeness.inference.client import InferenceClient
from likeness.inference.engine_thread import EngineThread
from likeness.inference.engines.transformers_engine import TransformersEngine
from likeness.inference.server import make_inference_grpc_server
from likeness.labeler.client import LabelerClient
from likeness.labeler.server import make_labeler_server
from likeness.labeler.types import Action, Decision
from likeness.trainer.client import TrainerClient
from likeness.trainer.server import make_trainer_server, start_workers
from likeness.v1 import common_pb2, inference_pb2, inference_pb2_grpc

POSTS = [
    "RT @bob: the ferry was late again",
    "Storm tonight. Candles ready https://t.co/abc",
    "@amy tea on the cliff #sea",
    "the lamp needs oil",
    "Gulls everywhere!!! #birds",
    "w/ the keeper at the harbour",
    "fog came in early",
    "NEW boat at the quay",
    "RT @dan: long night, no ships",
    "bread and soup for supper",
]
# Every post teaches the same answer, so a few steps of training visibly move the tiny model
# (its untrained greedy output is noise) and the test can tell the adapter's texts apart.
TAUGHT = "quiet day"
SFT = {
    "max_steps": 40,
    "batch_size": 4,
    "learning_rate": 5e-3,
    "logging_steps": 10,
    "save_steps": 1000,
    # The tiny test tokenizer spends many tokens on the normaliser prompt's worked examples.
    "max_length": 2048,
}


@dataclass
class Loop:
    labeler: LabelerClient
    trainer: TrainerClient
    inference: InferenceClient
    inference_stub: inference_pb2_grpc.InferenceServiceStub


@pytest.fixture
def loop(engine: Engine, tmp_path: Path, db_url: str, tiny_model_dir: Path) -> Iterator[Loop]:
    settings = Settings(
        data_dir=tmp_path / "data",
        database_url=db_url,
        model=str(tiny_model_dir),
        engine="transformers",
        label_prefetch=1,
    )
    model = TransformersEngine.load(str(tiny_model_dir))
    stop = threading.Event()
    with EngineThread(model) as runner:
        inference_server, inference_port = make_inference_grpc_server(
            runner, engine, host="127.0.0.1", port=0
        )
        inference_server.start()
        inference = InferenceClient(f"127.0.0.1:{inference_port}", timeout_s=120)
        labeler_server, labeler_port = make_labeler_server(
            settings, engine, inference, host="127.0.0.1", port=0
        )
        labeler_server.start()
        trainer_server, trainer_port = make_trainer_server(
            settings, engine, host="127.0.0.1", port=0, inference=inference
        )
        trainer_server.start()
        workers = start_workers(engine, settings, 1, stop, lease_s=5.0, poll_s=0.05)
        clients = Loop(
            LabelerClient(f"127.0.0.1:{labeler_port}", timeout_s=120),
            TrainerClient(f"127.0.0.1:{trainer_port}"),
            inference,
            inference_pb2_grpc.InferenceServiceStub(inference.channel),
        )
        try:
            yield clients
        finally:
            stop.set()
            for thread in workers:
                thread.join(timeout=30)
            clients.labeler.close()
            clients.trainer.close()
            stop_server(labeler_server, grace_s=1)
            stop_server(trainer_server, grace_s=1)
            stop_server(inference_server, grace_s=1)
            inference.close()


def _greedy(loop: Loop, text: str) -> str:
    return loop.inference.propose("mags", text, 1).texts[0].text


def test_label_train_activate_normalise(engine: Engine, loop: Loop) -> None:
    corpus = make_persona(engine, "mags")
    for day in range(30):
        corpus.add(POSTS[day % len(POSTS)] + f" {day}", day=day)

    # 1. Label 20 posts through the labeler: accept, edit, own; each proposal came from the
    #    bare base model (no normaliser is trained yet) with the current prompt.
    labeled: set[str] = set()
    for index in range(20):
        task = loop.labeler.next_task("mags", "ann")
        assert task.generator and task.prompt_version == NORMALIZER_PROMPT_VERSION
        assert task.post.id not in labeled and task.proposals
        labeled.add(task.post.id)
        if index % 3 == 0 and task.proposals[0].text != TAUGHT:
            decision = Decision(task.task_id, "ann", Action.EDIT, proposal_index=0, text=TAUGHT)
        else:
            decision = Decision(task.task_id, "ann", Action.OWN, text=TAUGHT)
        loop.labeler.submit(decision)
    assert loop.labeler.progress("mags").labeled == 20
    with Session(engine) as session:
        assert session.scalar(select(Judgment.id).where(Judgment.undone_at.is_not(None))) is None
        prompts = set(session.scalars(select(LabelTask.prompt).where(LabelTask.state == "judged")))
    assert len(prompts) == 20
    base_outputs = {text: _greedy(loop, text) for text in POSTS[:3]}

    # 2. Train the normaliser on those labels: a job in the trainer's queue, run by its worker.
    job_id = loop.trainer.submit("normalizer-sft", "mags", SFT)
    events = list(loop.trainer.watch(job_id, deadline_s=600))
    assert events[-1].status == "succeeded", loop.trainer.get(job_id).error
    model_id = loop.trainer.get(job_id).result["model_id"]

    # 3. Activate it as the persona's normaliser: forwarded to the inference service, which
    #    checks it against the served base model, loads it and marks it active.
    info = loop.trainer.activate(model_id)
    assert info.active and info.kind == "normalizer"
    normaliser = active_model(engine, "mags", "normalizer")
    assert normaliser is not None and normaliser.id == model_id
    proposals = loop.inference.propose("mags", POSTS[0], 1)
    assert proposals.generator == model_id
    assert any(_greedy(loop, text) != base_outputs[text] for text in POSTS[:3])

    # 4. Normalise the corpus with it, through the inference service's job.
    ref = loop.inference_stub.NormalizeCorpus(
        inference_pb2.NormalizeCorpusRequest(persona="mags"), timeout=60
    )
    deadline = time.monotonic() + 300
    last = None
    for progress in loop.inference_stub.WatchJob(common_pb2.JobRef(job_id=ref.job_id), timeout=300):
        last = progress
        assert time.monotonic() < deadline
    assert last is not None and last.status == "succeeded", last

    with Session(engine) as session:
        posts = session.execute(
            select(
                Post.id,
                Post.clean_text,
                Post.normalized_text,
                Post.normalizer_model,
                Post.normalizer_version,
                Post.normalized_approved,
            )
        ).all()
    machine = [p for p in posts if p.id not in labeled]
    assert len(machine) == 10
    for post in machine:
        assert not post.normalized_approved
        assert post.normalizer_model == model_id
        assert post.normalizer_version == NORMALIZER_PROMPT_VERSION
        assert post.normalized_text == _greedy(loop, post.clean_text)
    for post in (p for p in posts if p.id in labeled):  # what people chose stays
        assert post.normalized_approved and post.normalized_text == TAUGHT
        assert post.normalizer_model == "human:ann"
