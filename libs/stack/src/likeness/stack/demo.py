"""The whole loop on the bundled sample, as ``make run`` / ``likeness demo`` runs it.

    summary = run_demo(settings, DemoOptions(), reporter)     # reporter: DemoReporter

Set up (the default model, converted once) → import ``examples/sample-archive`` as persona
``mags`` → normalise its kept posts with its current normaliser → train a small LoRA persona on
the base model (persona-sft, a recipe sized for a few minutes on two cores) → evaluate it (its
report card) → activate it (through the serving gate; a demo model that fails it is activated
with ``force`` and the summary says so) → ``likeness up`` (``likeness.stack.background``) →
generate posts in the persona's voice through the running inference service, and one chat
through its OpenAI-compatible HTTP API.

Each step uses the domain functions the services and commands use, and reuses what an earlier
run did: the import is skipped once the persona has posts, normalisation once its posts are
normalised, training and evaluation once it has a persona model with a report card (``fresh``
trains and evaluates a new one). Training and evaluation run here, on this process's job
worker; if the running stack's worker takes the job first, it is followed there.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path
from typing import Any, Protocol, TypeVar

import httpx
from sqlalchemy import Engine as DbEngine

from likeness.core.settings import Settings
from likeness.stack.background import (
    StackError,
    StackState,
    check_port_free,
    client_settings,
    is_stack_process,
    read_state,
    running_state,
    start,
)

T = TypeVar("T")
log = logging.getLogger(__name__)

#: The sample archive shipped in the repository (a checkout; ``--archive`` elsewhere).
SAMPLE_ARCHIVE = Path(__file__).resolve().parents[5] / "examples" / "sample-archive"
DEMO_PERSONA = "mags"
DEMO_NAME = "Mags"
DEMO_CARD = (
    "You are Mags Tregenna, who keeps an old lighthouse on a windy stretch of coast. You post "
    "about the sea, the weather, the night sky, your garden and your cat Barnacle: short, dry, "
    "warm, first person."
)
#: persona-sft as it is (LoRA, batch 8, 192 tokens) for two passes over the sample's ~270 kept
#: posts: 62 steps, a few minutes on two quiet CPU cores with the default model; no evaluation
#: queued by the run itself (the demo queues a smaller one).
DEMO_RECIPE: dict[str, Any] = {"epochs": 2, "evaluate": False}
#: The report card on every held-out post of the sample (about 30), with fewer judge negatives
#: than the default and one answer per chat question (its chat-fit pass scores every answer under
#: every question with the base model): minutes instead of a quarter of an hour on two cores.
DEMO_EVAL: dict[str, Any] = {"samples": 50, "negatives": 60, "chat_samples": 1}
NORMALIZE_CHUNK = 32
DEMO_TOPICS = ("the storm last night", "the night sky")
STEPS = (
    "set up",
    "import",
    "normalise",
    "train",
    "evaluate",
    "activate",
    "start the services",
    "generate",
)


class DemoInterrupted(RuntimeError):
    """Ctrl-C or SIGTERM stopped a job; it is back in the queue with a checkpoint."""


class DemoFailed(RuntimeError):
    """A step failed; the message says which and why."""


class DemoReporter(Protocol):
    def step(self, name: str) -> None:
        """Step ``name`` (one of STEPS) begins."""

    def progress(self, done: int, total: int | None, note: str = "") -> None:
        """Progress within the current step."""

    def done(self, name: str, result: str, *, skipped: bool = False) -> None:
        """Step ``name`` ended: one line of what it did (``skipped``: reused earlier work)."""

    def warn(self, message: str) -> None: ...


@dataclass(slots=True)
class DemoOptions:
    persona: str = DEMO_PERSONA
    archive: Path = SAMPLE_ARCHIVE
    fresh: bool = False  # train and evaluate a new persona model even if one exists
    normalize_limit: int | None = None  # normalise at most this many posts (None: all kept)
    recipe: dict[str, Any] = field(default_factory=lambda: dict(DEMO_RECIPE))
    evaluation: dict[str, Any] = field(default_factory=lambda: dict(DEMO_EVAL))
    topics: tuple[str, ...] = DEMO_TOPICS
    posts_per_topic: int = 2
    http_port: int = 8000
    start_timeout_s: float = 600.0


@dataclass(slots=True)
class DemoSummary:
    persona: str
    model: str = ""  # the base model
    posts: int = 0
    kept: int = 0
    normalized: int = 0
    model_id: str = ""
    trained_now: bool = False
    evaluated_now: bool = False
    metrics: dict[str, Any] = field(default_factory=dict)
    report_dir: str = ""
    gate: dict[str, Any] = field(default_factory=dict)
    gate_passed: bool = False
    gate_failures: str = ""
    forced: bool = False  # activated although it fails the gate
    stack: dict[str, Any] = field(default_factory=dict)  # the state, without the session key
    http_url: str = ""
    drafts: list[tuple[str, str]] = field(default_factory=list)  # (topic, text)
    chat_reply: str = ""
    seconds: dict[str, float] = field(default_factory=dict)  # per step


def run_demo(settings: Settings, options: DemoOptions, reporter: DemoReporter) -> DemoSummary:
    """Run the loop; see the module docstring. Raises DemoFailed, DemoInterrupted, StackError."""
    from likeness.core.db import open_database

    summary = DemoSummary(persona=options.persona)
    earlier = read_state(settings)
    if earlier is None or not is_stack_process(earlier.pid):  # a running one would be reused
        check_port_free(options.http_port)  # now, not after ten minutes of training
    db = open_database(settings)
    try:
        step = partial(run_step, summary, reporter)
        step("set up", lambda: _set_up(settings, summary, reporter))
        step("import", lambda: _import(db, settings, options, summary, reporter))
        step("normalise", lambda: _normalise(db, settings, options, summary, reporter))
        step("train", lambda: _train(db, settings, options, summary, reporter))
        step("evaluate", lambda: _evaluate(db, settings, options, summary, reporter))
        step("activate", lambda: _activate(db, settings, summary, reporter))
        state = step("start the services", lambda: _up(settings, options, reporter))
        summary.stack = state.public()
        summary.http_url = state.http_url or ""
        step("generate", lambda: _generate(state, options, summary, reporter))
    finally:
        db.dispose()
    return summary


def run_step(summary: DemoSummary, reporter: DemoReporter, name: str, work: Callable[[], T]) -> T:
    """Run one step, timed. Ctrl-C raises DemoInterrupted; any other error DemoFailed, which
    names the step, with the traceback logged (the demo's log, not over its display)."""
    reporter.step(name)
    started = time.monotonic()
    try:
        value = work()
    except (DemoInterrupted, DemoFailed, StackError):
        raise
    except KeyboardInterrupt as exc:
        raise DemoInterrupted(
            f"stopped during {name}: what the steps before it did is kept; run again to go on "
            "from there"
        ) from exc
    except Exception as exc:
        log.exception("the demo's %s step failed", name)
        raise DemoFailed(f"{name} failed: {type(exc).__name__}: {exc}") from exc
    summary.seconds[name] = time.monotonic() - started
    return value


# --- the steps ---------------------------------------------------------------------------------


def _set_up(settings: Settings, summary: DemoSummary, reporter: DemoReporter) -> None:
    from likeness.core.default_model import resolve_model

    reporter.progress(0, None, "the base model (the default one is converted once, ~25 s)")
    summary.model = resolve_model(settings)
    reporter.done("set up", f"base model {summary.model}, data in {settings.data_dir}")


def _import(
    db: DbEngine,
    settings: Settings,
    options: DemoOptions,
    summary: DemoSummary,
    reporter: DemoReporter,
) -> None:
    from likeness.ingest.corpus import persona_stats
    from likeness.ingest.importing import import_path
    from likeness.ingest.personas import create_persona, has_default_card, list_personas

    known = {p.slug: p for p in list_personas(db)}
    existing = known.get(options.persona)
    if existing is not None and existing.post_count > 0:
        stats = persona_stats(db, options.persona)
        summary.posts, summary.kept = stats.total, stats.kept
        reporter.done(
            "import", f"already imported: {stats.total:,} posts, {stats.kept:,} kept", skipped=True
        )
        return
    if not options.archive.exists():
        raise DemoFailed(f"the sample archive is not at {options.archive} (pass --archive)")

    def progress(stage: str, done: int, total: int | None) -> None:
        reporter.progress(done, total, stage)

    result = import_path(db, options.archive, options.persona, settings=settings, progress=progress)
    persona = next(p for p in list_personas(db) if p.slug == options.persona)
    if has_default_card(persona):  # a card of the user's own is kept
        create_persona(db, options.persona, display_name=DEMO_NAME, card=DEMO_CARD)
    stats = persona_stats(db, options.persona)
    summary.posts, summary.kept = stats.total, stats.kept
    reporter.done(
        "import",
        f"{result.new:,} posts from {options.archive.name}: {stats.kept:,} kept for training, "
        f"{stats.flagged:,} flagged",
    )


def _normalise(
    db: DbEngine,
    settings: Settings,
    options: DemoOptions,
    summary: DemoSummary,
    reporter: DemoReporter,
) -> None:
    from likeness.ingest.corpus import persona_stats

    stats = persona_stats(db, summary.persona)
    if stats.normalized > 0 and not options.fresh:
        summary.normalized = stats.normalized
        reporter.done(
            "normalise",
            f"already normalised: {stats.normalized:,} posts (the rest: likeness normalize -p "
            f"{summary.persona})",
            skipped=True,
        )
        return
    from likeness.core.registry import ModelKind, active_model
    from likeness.inference.engines.loading import load_engine
    from likeness.inference.normalize import normalize_corpus

    reporter.progress(0, None, f"loading the {settings.engine} engine")
    trained = active_model(db, summary.persona, ModelKind.NORMALIZER)
    engine = load_engine(settings, None, enable_lora=trained is not None)

    async def run() -> Any:
        await engine.start()
        reporter.progress(0, None, "posts")
        try:
            return await normalize_corpus(
                db,
                engine,
                summary.persona,
                # Progress comes per chunk; 32 posts still fill a CPU engine's batch.
                chunk_size=NORMALIZE_CHUNK,
                limit=options.normalize_limit,
                progress=lambda done, total: reporter.progress(done, total, "posts"),
            )
        finally:
            await engine.close()

    result = asyncio.run(run())
    summary.normalized = persona_stats(db, summary.persona).normalized
    reporter.done(
        "normalise",
        f"{result.normalized:,} posts in {result.seconds:.0f} s by {Path(result.model).name} "
        f"({result.version})",
    )


def _persona_models(db: DbEngine, persona: str) -> list[Any]:
    from likeness.core.registry import ModelKind, list_models

    return list_models(db, persona, ModelKind.PERSONA_LORA)


def _train(
    db: DbEngine,
    settings: Settings,
    options: DemoOptions,
    summary: DemoSummary,
    reporter: DemoReporter,
) -> None:
    models = _persona_models(db, summary.persona)
    if models and not options.fresh:
        # The active one if any (what is served), else the newest.
        chosen = next((m for m in reversed(models) if m.active), models[-1])
        summary.model_id = chosen.id
        reporter.done(
            "train", f"reusing persona model {chosen.id[:12]} (--fresh: a new one)", skipped=True
        )
        return
    from likeness.core import jobs
    from likeness.trainer.training_jobs import submit_training

    # A run stopped earlier (Ctrl-C) waits in the queue with its checkpoint: resume it.
    waiting = jobs.list_jobs(
        db, persona=summary.persona, kinds=["persona-sft"], statuses=["queued"]
    )
    if waiting:
        job_id = waiting[0].id
    else:
        job_id = submit_training(db, "persona-sft", summary.persona, options.recipe)
    job = _run_job(db, settings, job_id, reporter, "steps")
    summary.model_id = str(job.result["model_id"])
    summary.trained_now = True
    loss = job.result.get("metrics", {}).get("heldout_loss")
    held = f", held-out loss {loss:.2f}" if isinstance(loss, int | float) else ""
    reporter.done(
        "train",
        f"persona model {summary.model_id[:12]}: {job.result.get('global_step', 0)} steps, "
        f"{job.result.get('tokens_per_s', 0):.0f} tokens/s{held}",
    )


def _evaluate(
    db: DbEngine,
    settings: Settings,
    options: DemoOptions,
    summary: DemoSummary,
    reporter: DemoReporter,
) -> None:
    from likeness.core.reports import latest_report, numbers

    report = latest_report(db, summary.model_id)
    if report is not None and not summary.trained_now:
        summary.metrics = numbers(report.metrics)
        summary.report_dir = report.report_dir
        reporter.done("evaluate", "reusing its report card", skipped=True)
        return
    from likeness.trainer.training_jobs import submit_training

    job_id = queued_evaluation(db, summary.model_id)
    if job_id is None:
        config = {"model_id": summary.model_id, **options.evaluation}
        job_id = submit_training(db, "eval", "", config)
    job = _run_job(db, settings, job_id, reporter, "generations")
    summary.metrics = dict(job.result.get("metrics", {}))
    summary.report_dir = str(job.result.get("report_dir", ""))
    summary.evaluated_now = True
    reporter.done("evaluate", f"report card in {summary.report_dir}")


def queued_evaluation(db: DbEngine, model_id: str) -> str | None:
    """The queued evaluation of ``model_id``, newest first, if one waits: a run stopped earlier
    (Ctrl-C) left it there, and queueing a second one would have the services' worker run it
    again later."""
    from likeness.core import jobs

    waiting = jobs.list_jobs(db, kinds=["eval"], statuses=["queued"], limit=500)
    return next((job.id for job in waiting if job.config.get("model_id") == model_id), None)


def _activate(
    db: DbEngine, settings: Settings, summary: DemoSummary, reporter: DemoReporter
) -> None:
    from likeness.core.gate import gate_verdict
    from likeness.core.registry import get_model
    from likeness.trainer.training_jobs import activate

    model = get_model(db, summary.model_id)
    verdict = gate_verdict(db, settings, model)
    if verdict is not None:
        summary.gate = verdict.as_dict()
        summary.gate_passed = verdict.passed
        summary.gate_failures = verdict.describe_failures()
    else:
        summary.gate_passed = True
    if not summary.gate_passed:
        summary.forced = True
        reporter.warn(
            f"the demo model fails the serving gate ({summary.gate_failures}); a model trained "
            "for two minutes on 300 posts is not a finished persona. It is activated anyway "
            "(--force) so the rest of the loop can run: do not serve it as the persona."
        )
    if model.active:
        reporter.done("activate", f"model {model.id[:12]} is already active", skipped=True)
        return
    # A stack that runs already loads the adapter at once, through its inference service.
    stack = running_state(settings)
    if stack is not None:
        from likeness.inference.client import InferenceClient

        target = client_settings(settings)
        with InferenceClient(target.inference_addr or "", target.api_key) as inference:
            activate(db, settings, model.id, inference, force=summary.forced)
    else:
        activate(db, settings, model.id, None, force=summary.forced)
    gate = "passes its serving gate" if summary.gate_passed else "FORCED past its serving gate"
    reporter.done("activate", f"model {model.id[:12]} now serves {summary.persona} ({gate})")


def _up(settings: Settings, options: DemoOptions, reporter: DemoReporter) -> StackState:
    started = start(
        settings,
        http_port=options.http_port,
        timeout_s=options.start_timeout_s,
        on_wait=lambda what: reporter.progress(0, None, what),
    )
    state = started.state
    what = "already up" if started.already else "up"
    reporter.done(
        "start the services",
        f"{what}: 4 gRPC services and {state.http_url}/v1 (pid {state.pid})",
        skipped=started.already,
    )
    return state


def _generate(
    state: StackState, options: DemoOptions, summary: DemoSummary, reporter: DemoReporter
) -> None:
    from likeness.inference.client import InferenceClient

    total = len(options.topics) + 1
    with InferenceClient(state.addresses["inference"], state.key) as inference:
        for index, topic in enumerate(options.topics):
            reporter.progress(index, total, f"posts about {topic}")
            for draft in inference.generate_posts(summary.persona, topic, options.posts_per_topic):
                summary.drafts.append((topic, draft.text))
    reporter.progress(total - 1, total, "a chat through the OpenAI-compatible API")
    summary.chat_reply = openai_chat(state, summary.persona, "How was your day?")
    reporter.progress(total, total)
    reporter.done(
        "generate",
        f"{len(summary.drafts)} posts (in the review queue: likeness drafts list -p "
        f"{summary.persona}) and a chat reply over HTTP",
    )


def openai_chat(state: StackState, model: str, question: str, timeout_s: float = 300.0) -> str:
    """One chat completion from the stack's OpenAI-compatible API (``model``: persona slug)."""
    reply = httpx.post(
        f"{state.http_url}/v1/chat/completions",
        json={
            "model": model,
            "messages": [{"role": "user", "content": question}],
            "max_tokens": 80,
        },
        headers={"Authorization": f"Bearer {state.key}"} if state.key else {},
        timeout=timeout_s,
    )
    if reply.status_code != 200:
        raise DemoFailed(f"the HTTP API answered {reply.status_code}: {reply.text[:300]}")
    return str(reply.json()["choices"][0]["message"]["content"]).strip()


def _run_job(
    db: DbEngine, settings: Settings, job_id: str, reporter: DemoReporter, unit: str
) -> Any:
    """Run the job here (Ctrl-C: it checkpoints and goes back to the queue), or follow it on
    the worker that took it first; the job as it ended. Raises DemoFailed unless it succeeded."""
    import threading

    from likeness.core import jobs
    from likeness.core.job_worker import stop_on_signals
    from likeness.trainer.worker import Worker

    def on_progress(_job: Any, report: Any) -> None:
        note = report.message or unit
        if report.loss:
            note = f"{note} · loss {report.loss:.3f}"
        reporter.progress(report.step, report.total or None, note)

    stop = threading.Event()
    worker = Worker(db, settings, on_progress=on_progress, stop=stop)
    with stop_on_signals(stop):
        job = worker.run_once(job_id)
    if job is None:  # the running stack's worker claimed it first
        for seen in jobs.watch(db, job_id):
            on_progress(seen, seen.report())
            job = seen
    assert job is not None
    if stop.is_set() and not job.done:
        raise DemoInterrupted(
            f"stopped: job {job.id} is back in the queue with a checkpoint; run again to resume"
        )
    if job.status != "succeeded":
        raise DemoFailed(f"job {job.id} ({job.kind}) {job.status}: {job.error}")
    return job
