"""Terminal-app benchmark: the key that decides a post -> the next post on the Label screen.

    make bench-tui            # or: .venv/bin/python bench/tui.py [--decisions 50] [--read-s 3]

In one run, on SmolLM2-135M-Instruct (the default model, converted into a temporary data dir)
on the vLLM engine (``--engine transformers [--model PATH]`` for a quick check elsewhere): the
bundled sample archive imported into a temporary SQLite database, the inference service's gRPC
server in-process, and a labeler server on loopback whose proposer is the ``InferenceClient``
(the production wiring, as with ``likeness serve labeler``). The app (``LikenessApp``) runs
headless under Textual's Pilot at 80x24 and talks to the labeler through its gRPC client, as it
does in a terminal.

A simulated annotator waits ``--read-s`` seconds on each task (a person reads the post and the
proposals; that time is what prefetch works in), then presses ``1`` (accept the first
proposal), posted to the app as a terminal's driver posts a key. Measured is the time from just
before the key is posted until the Label screen has the next task fully in its widgets: the new
post text, every proposal card updated, the counter too (``LabelScreen.rendered`` is that
task's id), checked every millisecond. That spans the key's dispatch, the Submit and NextTask
gRPC calls in the screen's worker and the re-render in the app's event loop. It does not include
the terminal drawing the frame (headless: no terminal; Textual paints on its next refresh), nor
a person's reaction. The labeler server and its prefetch threads share this process (and its
GIL) with the app, as in ``likeness tui`` embedded; the vLLM engine runs in its own process.
Once with prefetch ``--prefetch`` (K tasks kept ready by the labeler service) and once with
prefetch 0 (every NextTask waits on the model), over ``--decisions`` decisions each.
Bar: p95 <= 100 ms with prefetch. Prints a table and writes bench/results/tui.json.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import torch
from report import machine, write_result
from sqlalchemy import Engine as DbEngine
from sqlalchemy import func, select
from sqlalchemy.orm import Session
from textual import events
from textual.widgets import Static

from likeness.core.db import open_database
from likeness.core.db.models import Judgment
from likeness.core.default_model import ensure_default_model
from likeness.core.grpc_server import stop_server
from likeness.core.settings import Settings
from likeness.inference.client import InferenceClient
from likeness.inference.engine_thread import EngineThread
from likeness.inference.engines.base import Engine
from likeness.inference.server import make_inference_grpc_server
from likeness.ingest.importing import import_path
from likeness.labeler.server import make_labeler_server, prefetcher_of
from likeness.labeler.tasks import remaining
from likeness.tui.app import LikenessApp
from likeness.tui.screens.label import LabelScreen, ProposalCard
from likeness.tui.services import Services

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample-archive"
PERSONA = "mags"
BAR_P95_MS = 100.0
#: The longest a key may take to show the next task (no prefetch on a slow engine included).
NEXT_TIMEOUT_S = 300.0
POLL_S = 0.001


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


@dataclass
class Run:
    prefetch: int
    next_ms: list[float]  # key press -> next task fully on screen
    seconds: float


def fully_shown(screen: LabelScreen, before: str | None) -> bool:
    """Whether a task other than ``before`` is completely on screen."""
    task = screen.current
    if task is None or task.task_id == before or screen.rendered != task.task_id:
        return False
    text = str(screen.query_one("#post-text", Static).render())
    return text == task.post.clean_text and len(screen.query(ProposalCard)) == len(task.proposals)


async def wait_shown(screen: LabelScreen, before: str | None) -> None:
    deadline = time.perf_counter() + NEXT_TIMEOUT_S
    while not fully_shown(screen, before):
        if time.perf_counter() > deadline:
            raise TimeoutError(f"no next task on screen after {NEXT_TIMEOUT_S:g} s")
        await asyncio.sleep(POLL_S)


def press(app: LikenessApp, key: str) -> None:
    """Hand ``key`` to the app the way a terminal driver does (a Key event posted to the app).

    Not ``Pilot.press``: that also waits until this whole process is idle, and the labeler's
    prefetch threads run in this process, so it would time the prefetch instead of the app."""
    event = events.Key(key, key)
    event.set_sender(app)
    app.post_message(event)


async def drive(services: Services, prefetch: int, decisions: int, read_s: float) -> list[float]:
    annotator = f"bench-tui-prefetch-{prefetch}"
    app = LikenessApp(services, persona=PERSONA, annotator=annotator, health_poll_s=0)
    next_ms: list[float] = []
    async with app.run_test(headless=True, size=(80, 24)):
        screen = app.screen
        assert isinstance(screen, LabelScreen)
        await wait_shown(screen, None)  # the first task: nothing prepared yet
        for number in range(decisions):
            await asyncio.sleep(read_s)  # the person reads the post and the proposals
            before = screen.current.task_id if screen.current else None
            t0 = time.perf_counter()
            press(app, "1")
            await wait_shown(screen, before)
            next_ms.append((time.perf_counter() - t0) * 1000)
            print(
                f"  prefetch {prefetch}: decision {number + 1:>3}/{decisions}  "
                f"key -> next on screen {next_ms[-1]:8.1f} ms",
                flush=True,
            )
    return next_ms


def label_session(
    settings: Settings,
    db: DbEngine,
    proposer: InferenceClient,
    *,
    prefetch: int,
    decisions: int,
    read_s: float,
) -> Run:
    config = settings.model_copy(update={"label_prefetch": prefetch})
    server, port = make_labeler_server(config, db, proposer, host="127.0.0.1", port=0)
    server.start()
    started = time.perf_counter()
    services = Services({"labeler": f"127.0.0.1:{port}"})
    try:
        next_ms = asyncio.run(drive(services, prefetch, decisions, read_s))
    finally:
        services.close()
        prefetcher = prefetcher_of(server)
        if prefetcher is not None:
            prefetcher.stop(5.0)
        stop_server(server, grace_s=1)
    return Run(prefetch, next_ms, time.perf_counter() - started)


def load_engine(kind: str, model: Path) -> Engine:
    if kind == "vllm":
        from likeness.inference.engines.vllm_engine import VllmEngine

        return VllmEngine.load(str(model), enable_lora=False)
    from likeness.inference.engines.transformers_engine import TransformersEngine

    return TransformersEngine.load(str(model))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--decisions", type=int, default=50)
    parser.add_argument("--read-s", type=float, default=3.0, help="simulated reading time")
    parser.add_argument("--prefetch", type=int, default=2, help="K for the prefetch run")
    parser.add_argument("--engine", choices=("vllm", "transformers"), default="vllm")
    parser.add_argument("--model", type=Path, help="model folder (default: the default model)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        settings = Settings(
            data_dir=tmp / "data",
            database_url=f"sqlite:///{tmp / 'bench.db'}",
            engine=args.engine,
        )
        model_dir = args.model or ensure_default_model(settings.data_dir)
        db = open_database(settings)
        summary = import_path(db, SAMPLE, PERSONA, settings=settings)
        posts = remaining(db, PERSONA)
        print(f"imported {summary.new} posts ({posts} to label) from {SAMPLE.name}", flush=True)

        print(f"{args.engine} engine: starting …", flush=True)
        engine = load_engine(args.engine, model_dir)
        with EngineThread(engine) as runner:
            inference, port = make_inference_grpc_server(runner, db, host="127.0.0.1", port=0)
            inference.start()
            try:
                with InferenceClient(f"127.0.0.1:{port}") as client:
                    client.propose(PERSONA, "Warm-up: the first requests compile kernels.", 4)
                    runs = [
                        label_session(
                            settings,
                            db,
                            client,
                            prefetch=k,
                            decisions=args.decisions,
                            read_s=args.read_s,
                        )
                        for k in (args.prefetch, 0)
                    ]
            finally:
                stop_server(inference, grace_s=1)
        with Session(db) as session:
            stored = session.scalar(select(func.count()).select_from(Judgment)) or 0
        db.dispose()

    on, off = runs
    metrics = {
        "keypress_to_next_p50_ms": round(statistics.median(on.next_ms), 1),
        "keypress_to_next_p95_ms": round(percentile(on.next_ms, 0.95), 1),
        "keypress_to_next_max_ms": round(max(on.next_ms), 1),
        "no_prefetch_p50_ms": round(statistics.median(off.next_ms), 1),
        "no_prefetch_p95_ms": round(percentile(off.next_ms, 0.95), 1),
        "prefetch": on.prefetch,
        "decisions_per_run": args.decisions,
        "read_s": args.read_s,
        "engine": args.engine,
        "posts": posts,
        "judgments_stored": int(stored),
    }
    rows = [
        ("reading time per task (simulated)", f"{args.read_s:g} s"),
        ("posts to label (sample archive)", f"{posts}"),
        (
            f"key -> next task on screen, prefetch {on.prefetch}: p50 / p95 (bar p95 ≤ 100 ms)",
            f"{metrics['keypress_to_next_p50_ms']} / {metrics['keypress_to_next_p95_ms']} ms",
        ),
        (
            "key -> next task on screen, prefetch 0: p50 / p95",
            f"{metrics['no_prefetch_p50_ms']} / {metrics['no_prefetch_p95_ms']} ms",
        ),
        ("judgments stored (2 runs)", f"{stored} of {2 * args.decisions}"),
    ]
    width = max(len(r[0]) for r in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    device = "CUDA" if torch.cuda.is_available() else "CPU"
    write_result(
        "tui",
        metrics,
        machine(f"torch {torch.__version__}", f"{args.engine} on {device}", "Textual headless"),
    )
    ok = metrics["keypress_to_next_p95_ms"] <= BAR_P95_MS and stored == 2 * args.decisions
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
