"""Labeling benchmark: Submit -> next task returned through gRPC, prefetch on vs off.

    make bench-label            # or: .venv/bin/python bench/label.py [--decisions 50] [--read-s 3]

In one run, on SmolLM2-135M-Instruct (the default model, converted into a temporary data dir)
on the vLLM engine: the bundled sample archive (examples/sample-archive) imported by the ingest
code into a temporary SQLite database, the inference service's gRPC server in-process (the
proposals come through ``InferenceClient.propose``, as with ``likeness serve labeler``), and
the labeler server on loopback. A simulated annotator asks for a task, "reads" it for
``--read-s`` seconds (a person never submits instantly, and that time is what prefetch works
in), accepts the first proposal, and asks for the next task; measured is the time from the
Submit call to the next task in hand, over ``--decisions`` decisions, once with prefetch
``--prefetch`` (K tasks kept ready) and once with prefetch 0 (every NextTask waits on the
model). Also reported: how long one proposal batch takes, and how many proposal batches were
made inside a NextTask call (waiting on the model) rather than by the prefetch threads.
Bar: p95 <= 100 ms with prefetch. Prints a table and writes bench/results/label.json.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import torch
from report import machine, write_result
from sqlalchemy import Engine as DbEngine
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from likeness.core.db import open_database
from likeness.core.db.models import Judgment
from likeness.core.default_model import ensure_default_model
from likeness.core.grpc_server import stop_server
from likeness.core.proposals import Proposals
from likeness.core.settings import Settings
from likeness.inference.client import InferenceClient
from likeness.inference.engine_thread import EngineThread
from likeness.inference.engines.vllm_engine import VllmEngine
from likeness.inference.server import make_inference_grpc_server
from likeness.ingest.importing import import_path
from likeness.labeler.client import LabelerClient
from likeness.labeler.server import make_labeler_server
from likeness.labeler.tasks import remaining
from likeness.labeler.types import Action, Decision

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample-archive"
PERSONA = "mags"
BAR_P95_MS = 100.0


@dataclass
class TimedProposer:
    """The InferenceClient, timing every proposal batch and noting which thread asked."""

    client: InferenceClient
    seconds: list[float] = field(default_factory=list)
    threads: list[str] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def propose(self, persona: str, clean_text: str, n: int) -> Proposals:
        started = time.perf_counter()
        proposals = self.client.propose(persona, clean_text, n)
        with self.lock:
            self.seconds.append(time.perf_counter() - started)
            self.threads.append(threading.current_thread().name)
        return proposals

    def in_call(self) -> int:
        """Proposal batches made inside an RPC (not by the prefetch threads)."""
        with self.lock:
            return sum(1 for name in self.threads if not name.startswith("label-prefetch"))


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@dataclass
class Run:
    prefetch: int
    next_ms: list[float]  # Submit -> next task returned
    submit_ms: list[float]
    in_call: int  # proposal batches made inside an RPC after the first NextTask
    seconds: float


def label_session(
    settings: Settings,
    db: DbEngine,
    proposer: TimedProposer,
    *,
    prefetch: int,
    decisions: int,
    read_s: float,
) -> Run:
    config = settings.model_copy(update={"label_prefetch": prefetch})
    server, port = make_labeler_server(config, db, proposer, host="127.0.0.1", port=0)
    server.start()
    annotator = f"bench-prefetch-{prefetch}"
    next_ms: list[float] = []
    submit_ms: list[float] = []
    started = time.perf_counter()
    try:
        with LabelerClient(f"127.0.0.1:{port}") as client:
            task = client.next_task(PERSONA, annotator)  # the first one: nothing prepared yet
            before = proposer.in_call()
            for number in range(decisions):
                time.sleep(read_s)  # the person reads the post and the proposals
                t0 = time.perf_counter()
                client.submit(Decision(task.task_id, annotator, Action.ACCEPT, proposal_index=0))
                t1 = time.perf_counter()
                task = client.next_task(PERSONA, annotator)
                t2 = time.perf_counter()
                submit_ms.append((t1 - t0) * 1000)
                next_ms.append((t2 - t0) * 1000)
                print(
                    f"  prefetch {prefetch}: decision {number + 1:>3}/{decisions}  "
                    f"submit -> next {next_ms[-1]:8.1f} ms",
                    flush=True,
                )
            in_call = proposer.in_call() - before
    finally:
        stop_server(server, grace_s=1)
    return Run(prefetch, next_ms, submit_ms, in_call, time.perf_counter() - started)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--decisions", type=int, default=50)
    parser.add_argument("--read-s", type=float, default=3.0, help="simulated reading time")
    parser.add_argument("--prefetch", type=int, default=2, help="K for the prefetch run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        settings = Settings(
            data_dir=tmp / "data", database_url=f"sqlite:///{tmp / 'bench.db'}", engine="vllm"
        )
        model_dir = ensure_default_model(settings.data_dir)
        db = open_database(settings)
        summary = import_path(db, SAMPLE, PERSONA, settings=settings)
        posts = remaining(db, PERSONA)
        print(f"imported {summary.new} posts ({posts} to label) from {SAMPLE.name}", flush=True)

        print("vLLM engine: starting …", flush=True)
        engine = VllmEngine.load(str(model_dir), enable_lora=False)
        with EngineThread(engine) as runner:
            inference, port = make_inference_grpc_server(runner, db, host="127.0.0.1", port=0)
            inference.start()
            try:
                with InferenceClient(f"127.0.0.1:{port}") as client:
                    proposer = TimedProposer(client)
                    proposer.propose(PERSONA, "Warm-up: the first requests compile kernels.", 4)
                    proposer.seconds.clear()
                    proposer.threads.clear()
                    runs = [
                        label_session(
                            settings,
                            db,
                            proposer,
                            prefetch=k,
                            decisions=args.decisions,
                            read_s=args.read_s,
                        )
                        for k in (args.prefetch, 0)
                    ]
                    propose_s = list(proposer.seconds)
            finally:
                stop_server(inference, grace_s=1)
        with Session(db) as session:
            stored = session.scalar(select(func.count()).select_from(Judgment)) or 0
        db.dispose()

    on, off = runs
    metrics = {
        "next_task_p50_ms": round(statistics.median(on.next_ms), 1),
        "next_task_p95_ms": round(percentile(on.next_ms, 0.95), 1),
        "next_task_max_ms": round(max(on.next_ms), 1),
        "no_prefetch_p50_ms": round(statistics.median(off.next_ms), 1),
        "no_prefetch_p95_ms": round(percentile(off.next_ms, 0.95), 1),
        "submit_p50_ms": round(statistics.median(on.submit_ms + off.submit_ms), 1),
        "propose_p50_s": round(statistics.median(propose_s), 3),
        "prefetch": on.prefetch,
        "decisions_per_run": args.decisions,
        "read_s": args.read_s,
        "proposal_batches_in_rpc_with_prefetch": on.in_call,
        "proposal_batches_in_rpc_without_prefetch": off.in_call,
        "posts": posts,
        "judgments_stored": int(stored),
    }
    rows = [
        ("reading time per task (simulated)", f"{args.read_s:g} s"),
        ("posts to label (sample archive)", f"{posts}"),
        ("one proposal batch (4 proposals, vLLM) p50", f"{metrics['propose_p50_s']} s"),
        ("Submit alone p50", f"{metrics['submit_p50_ms']} ms"),
        (
            f"Submit -> next task, prefetch {on.prefetch}: p50 / p95 (bar p95 ≤ 100 ms)",
            f"{metrics['next_task_p50_ms']} / {metrics['next_task_p95_ms']} ms",
        ),
        (
            "Submit -> next task, prefetch 0: p50 / p95",
            f"{metrics['no_prefetch_p50_ms']} / {metrics['no_prefetch_p95_ms']} ms",
        ),
        (
            "proposal batches made inside NextTask (prefetch on / off)",
            f"{on.in_call} / {off.in_call}",
        ),
        ("judgments stored (2 runs)", f"{stored} of {2 * args.decisions}"),
    ]
    width = max(len(r[0]) for r in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    device = "CUDA" if torch.cuda.is_available() else "CPU"
    write_result("label", metrics, machine(f"torch {torch.__version__}", f"vLLM on {device}"))
    ok = metrics["next_task_p95_ms"] <= BAR_P95_MS and stored == 2 * args.decisions
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
