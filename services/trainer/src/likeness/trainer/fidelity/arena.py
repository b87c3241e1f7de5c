"""Pairs for the blind arena, made as a job of the trainer's queue (kind ``arena``).

    job_id = submit_arena(db, "mags", {"against": "real", "pairs": 20})   # validated, queued
    outcome = arena_job(db, settings, run)                                 # the worker's handler

``likeness arena --persona X --against MODEL|base|real`` and the gRPC SubmitJob with recipe
``arena`` queue one. The job takes held-out posts of the model's own run (``fidelity.data``:
the newest posts, never trained on, with the request each answers), asks the model for a post
on each request, and pairs it with the opponent's answer to the same request: another persona
adapter on the same base, the bare base (``base``), or the author's own held-out post
(``real``). Generation is ``fidelity.generation``'s (the serving prompt, the card for both
sides, one seed per request) on one engine of ``LIKENESS_ENGINE``. The pairs are stored by
``likeness.core.arena.store_pairs`` (the side shown as A drawn at random) for the labeler to
hand out; a person votes on them in the terminal app's Arena screen.

Topics not yet paired for this model and opponent come first, so a second batch asks about
other posts; with a fresh seed per batch (drawn at submit when none is given) a topic used
again gets new answers. The model defaults to the persona's active persona adapter, else its
newest persona model. A job stopped part-way stores nothing and starts over.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from likeness.core import jobs, registry
from likeness.core.arena import BASE, REAL, NewPair, paired_posts, store_pairs
from likeness.core.job_worker import JobContext, JobOutcome
from likeness.core.jobs import ProgressReport
from likeness.core.personas import persona_id
from likeness.core.registry import ModelInfo, ModelKind
from likeness.core.settings import Settings
from likeness.trainer.fidelity.config import EVALUATED_KINDS, NotEvaluable

ARENA_KIND = "arena"
#: Held-out posts read to choose topics from, at most.
MAX_TOPICS = 5000


class ArenaConfig(BaseModel):
    """What ``likeness arena`` and an ``arena`` job take."""

    model_config = ConfigDict(extra="forbid")

    persona: str = Field("", description="The persona (default: the model's).")
    model_id: str = Field(
        "",
        description="The persona model whose posts are judged (default: the persona's active "
        "persona adapter, else its newest persona model).",
    )
    against: str = Field(
        description="The opponent: 'real' (the author's own held-out post), 'base' (the "
        "model's base model) or a persona adapter's id on the same base."
    )
    pairs: int = Field(20, ge=1, le=1000, description="Pairs to queue (one per topic).")
    max_tokens: int = Field(120, ge=8, le=1024, description="Tokens per generated post.")
    temperature: float = Field(0.9, ge=0.0, le=2.0, description="As post generation serves.")
    top_p: float = Field(0.95, gt=0.0, le=1.0)
    seed: int | None = Field(
        None, ge=0, description="Seed of the topics drawn and the answers (default: random)."
    )


def arena_config(config: dict[str, Any] | None) -> ArenaConfig:
    """The typed config; raises ValueError in one line."""
    try:
        return ArenaConfig.model_validate(dict(config or {}))
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'config'}: {e['msg']}" for e in exc.errors()
        )
        raise ValueError(f"bad config for arena pairs: {problems}") from None


def _default_model(db: Engine, persona: str) -> ModelInfo:
    if not persona:
        raise ValueError("arena pairs need a persona or a model (--persona or --model)")
    with Session(db) as session:
        persona_id(session, persona)  # PersonaNotFound before "no model"
    active = registry.active_model(db, persona, ModelKind.PERSONA_LORA)
    if active is not None and active.adapter_path:
        return active
    # Oldest first: the last one with files is the newest.
    models = [
        m for m in registry.list_models(db, persona) if m.kind in EVALUATED_KINDS and m.adapter_path
    ]
    if not models:
        raise NotEvaluable(
            f"persona {persona!r} has no persona model yet: train one first "
            f"(likeness train persona --persona {persona})"
        )
    return models[-1]


def resolve_pair_models(db: Engine, config: ArenaConfig) -> tuple[ModelInfo, ModelInfo | None]:
    """The model to judge and the opponent model (None for ``real`` and ``base``). Raises
    ModelNotFound, PersonaNotFound, NotEvaluable, ValueError."""
    if config.model_id:
        model = registry.get_model(db, config.model_id)
        if config.persona and model.persona != config.persona:
            raise ValueError(
                f"model {model.id} is a model of persona {model.persona!r}, not {config.persona!r}"
            )
    else:
        model = _default_model(db, config.persona)
    if model.kind not in EVALUATED_KINDS or not model.adapter_path:
        raise NotEvaluable(
            f"model {model.id} is a {model.kind}; the arena compares persona models "
            f"({', '.join(EVALUATED_KINDS)}) with files"
        )
    against = config.against.strip()
    if against in (REAL, BASE):
        return model, None
    if not against:
        raise ValueError("arena pairs need an opponent: --against real, base or a model id")
    other = registry.get_model(db, against)
    if other.id == model.id:
        raise ValueError(f"model {model.id} cannot be its own opponent")
    if other.kind != ModelKind.PERSONA_LORA or model.kind != ModelKind.PERSONA_LORA:
        raise NotEvaluable("two models meet in the arena as persona adapters (persona-lora)")
    if other.base_model != model.base_model:
        raise NotEvaluable(
            f"model {other.id} was trained on {other.base_model}, model {model.id} on "
            f"{model.base_model}: pair models of one base"
        )
    return model, other


def submit_arena(
    db: Engine,
    persona: str,
    config: dict[str, Any] | None,
    *,
    priority: int = 0,
    max_attempts: int = 3,
) -> str:
    """Validate (the models exist and can meet), then queue; returns the job id. The stored
    config names the model by its full id and holds the seed, so a retried job draws the same."""
    values = dict(config or {})
    if persona:
        values["persona"] = persona
    parsed = arena_config(values)
    model, other = resolve_pair_models(db, parsed)
    seed = parsed.seed if parsed.seed is not None else random.SystemRandom().randrange(2**31)
    resolved = parsed.model_copy(
        update={
            "persona": model.persona,
            "model_id": model.id,
            "against": other.id if other is not None else parsed.against.strip(),
            "seed": seed,
        }
    )
    return jobs.submit(
        db,
        ARENA_KIND,
        persona=model.persona,
        config=resolved.model_dump(mode="json"),
        priority=priority,
        max_attempts=max_attempts,
    )


Report = Callable[[ProgressReport], None]


async def _answers(
    settings: Settings,
    model: ModelInfo,
    other: ModelInfo | None,
    against: str,
    card: str,
    requests: list[str],
    config: ArenaConfig,
    report: Report,
) -> tuple[list[str], list[str]]:
    """(the model's posts, the opponent's) for ``requests``; the opponent's is [] for real."""
    from likeness.inference.engines.base import SamplingParams
    from likeness.inference.engines.loading import load_engine
    from likeness.trainer.fidelity.generation import Ask, adapter_info, generate_all

    seed = config.seed or 0
    sampling = SamplingParams(
        max_tokens=config.max_tokens, temperature=config.temperature, top_p=config.top_p
    )
    full = model.kind == ModelKind.PERSONA_FULL
    sides = 1 if against == REAL else 2
    total = sides * len(requests)
    done_before = 0

    def tick(message: str) -> Callable[[int], None]:
        return lambda done: report(
            ProgressReport(step=done_before + done, total=total, message=message)
        )

    def asks(adapter: str | None) -> list[Ask]:
        return [Ask(request, adapter, seed + i) for i, request in enumerate(requests)]

    report(ProgressReport(total=total, message=f"starting the engine for {model.base_model}"))
    engine = load_engine(
        settings, model.adapter_path if full else model.base_model, enable_lora=not full
    )
    await engine.start()
    try:
        name = None if full else f"arena-{model.id}"
        if name is not None:
            await engine.load_adapter(adapter_info(model, name))
        mine = await generate_all(engine, card, asks(name), sampling, tick("model: posts"))
        done_before += len(requests)
        if against == REAL:
            return mine, []
        if full:  # the base (the only opponent of a full model) needs the base itself
            await engine.close()
            engine = load_engine(settings, model.base_model, enable_lora=False)
            await engine.start()
        other_name = None
        if other is not None:
            other_name = f"arena-{other.id}"
            await engine.load_adapter(adapter_info(other, other_name))
        who = "opponent model" if other is not None else "base model"
        theirs = await generate_all(engine, card, asks(other_name), sampling, tick(f"{who}: posts"))
    finally:
        await engine.close()
    return mine, theirs


def make_pairs(
    db: Engine,
    settings: Settings,
    config: ArenaConfig,
    *,
    job_id: str | None = None,
    report: Report | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> dict[str, Any] | None:
    """Generate and store the pairs (see the module docstring); what was stored, or None when
    ``should_stop`` asked it to stop (nothing is stored then)."""
    from likeness.trainer.fidelity.data import evaluation_data
    from likeness.trainer.runner import run_coroutine

    say = report or (lambda _p: None)
    model, other = resolve_pair_models(db, config)
    against = other.id if other is not None else config.against.strip()
    seed = config.seed or 0
    say(ProgressReport(message="reading the model's held-out posts"))
    data = evaluation_data(db, model, max_heldout=MAX_TOPICS, seed=seed)
    topics = [post for post in data.heldout if post.post_id]
    used = paired_posts(db, model.id, against)
    fresh = [post for post in topics if post.post_id not in used]
    chosen = (fresh + [post for post in topics if post.post_id in used])[: config.pairs]
    if not chosen:
        raise ValueError(f"model {model.id}: its held-out posts name no post ids to pair")
    started = time.monotonic()
    requests = [post.request for post in chosen]
    mine, theirs = run_coroutine(
        _answers(settings, model, other, against, data.card, requests, config, say)
    )
    if should_stop():
        return None
    opponents = [post.text for post in chosen] if against == REAL else theirs
    ids = store_pairs(
        db,
        model.persona,
        [
            NewPair(post.post_id, post.request, model.id, text, against, opponent)
            for post, text, opponent in zip(chosen, mine, opponents, strict=True)
        ],
        job_id=job_id,
    )
    return {
        "persona": model.persona,
        "model_id": model.id,
        "against": against,
        "pairs": len(ids),
        "new_topics": min(len(fresh), len(ids)),
        "generation_seconds": round(time.monotonic() - started, 1),
    }


def arena_job(db: Engine, settings: Settings, run: JobContext) -> JobOutcome:
    """The worker's handler for ``arena`` jobs."""
    config = arena_config(run.job.config)
    result = make_pairs(
        db, settings, config, job_id=run.job.id, report=run.report, should_stop=run.should_stop
    )
    if result is None:
        return JobOutcome.stopped_early()
    return JobOutcome(result=result)
