"""Evaluate a persona model against its base: the report card every trained model gets.

    result = evaluate_model(db, settings, EvalConfig(model_id=...), report=progress)
    result.metrics["attribution_tuned"], result.report_id, result.report_dir

On the model's held-out (time-split) posts and the requests they answer:

1. **Generations**: one post per held-out request by the tuned model and by the comparison
   model (its base, or ``against``: another adapter on the same base), base-model posts for a
   sample of the training requests (the style judge's topic-matched negatives), and answers to
   fixed chat questions. The tuned posts that copy a training post are then resampled as the
   serving copy guard does (``copy_rate_guarded``).
2. **Style judge** (``fidelity.judge``): the persona's training posts against other authors'
   posts plus the base's topic-matched posts. Its accuracy on held-out real posts against
   held-out negatives (the base's posts for the held-out requests, and other authors' posts it
   did not train on) says whether its attribution figures can be trusted (below 90% they are
   marked unreliable); then the share of each model's posts it attributes to the persona.
3. **Held-out perplexity** of the real posts under each model (``fidelity.perplexity``).
4. **Verbatim copying** (``likeness.core.copying``, the index the guard serves with): the share
   of generations sharing a span of ``copy_tokens`` words with a training post, the longest
   span, and character-level near-duplicates; the real held-out posts' own rate as a reference
   (authors repeat themselves).
5. **Diversity**: distinct-1/2 of the generations against the author's held-out posts (the target
   is the author's value), and the length distributions.

A mix persona's judge has one class per source plus "other", and its card says how the posts
split between the sources (``fidelity.mix``).

The card (markdown, JSON, PNG plots) is written under ``DATA_DIR/reports/<model>/<report>/`` and
stored with the model (``likeness.core.reports``); the gate reads its flat ``metrics``.
"""

from __future__ import annotations

import importlib.util
import json
import random
import time
import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine

from likeness.core.arena import standings
from likeness.core.copying import CopyIndex
from likeness.core.gate import judge_report, persona_settings, thresholds_for
from likeness.core.jobs import ProgressReport
from likeness.core.prompts import is_post_request
from likeness.core.registry import ModelInfo, ModelKind
from likeness.core.reports import NewReport, store_report
from likeness.core.settings import Settings
from likeness.inference.engines.base import Engine as InferenceEngine
from likeness.inference.engines.base import SamplingParams
from likeness.trainer.fidelity import plots
from likeness.trainer.fidelity.card import ReportCard, Sample, add_arena, render_markdown
from likeness.trainer.fidelity.config import EvalConfig, resolve_models
from likeness.trainer.fidelity.data import EvaluationData, evaluation_data
from likeness.trainer.fidelity.generation import Ask, adapter_info, chat_requests, generate_all
from likeness.trainer.fidelity.judge import judge_verdict, train_judge
from likeness.trainer.fidelity.metrics import distinct_n, length_stats, near_duplicates
from likeness.trainer.fidelity.mix import judge_mix
from likeness.trainer.fidelity.perplexity import answer_fit, heldout_perplexity
from likeness.trainer.runner import run_coroutine

#: Training posts the judge learns the persona from, at most (a seeded sample).
MAX_JUDGE_POSITIVES = 3000
#: The share of other authors' posts kept out of the judge's training, to check it on.
OTHERS_HELDOUT_SHARE = 0.2
SAMPLES_SHOWN = 10

Report = Callable[[ProgressReport], None]


@dataclass(slots=True)
class Generations:
    tuned: list[str]
    against: list[str]
    negatives: list[str]  # the base's posts for training requests
    guarded: list[str]  # ``tuned`` with copies resampled
    resampled: int  # generations the guard replaced
    chat_tuned: list[str]
    chat_against: list[str]
    chat_questions: list[str] = field(default_factory=list)  # the question of each answer
    seconds: float = 0.0


@dataclass(slots=True)
class EvaluationResult:
    report_id: str
    report_dir: Path
    metrics: dict[str, Any]
    card: ReportCard = field(repr=False)


async def _generations(
    settings: Settings,
    model: ModelInfo,
    against: ModelInfo | None,
    data: EvaluationData,
    config: EvalConfig,
    report: Report,
) -> Generations:
    from likeness.inference.engines.loading import load_engine

    started = time.monotonic()
    sampling = SamplingParams(
        max_tokens=config.max_tokens, temperature=config.temperature, top_p=config.top_p
    )
    rng = random.Random(config.seed)
    # Topic-matched negatives answer "Write a post" requests, as the held-out rows do: a
    # training row asked as a chat question (``question_share``) would teach the judge the
    # base's chat manner instead.
    pairs = [
        (text, request)
        for text, request in zip(data.train_texts, data.train_requests, strict=True)
        if is_post_request(request)
    ]
    negative_requests = [r for _t, r in rng.sample(pairs, min(config.negatives, len(pairs)))]
    heldout_requests = [post.request for post in data.heldout]
    index = CopyIndex.build(data.train_texts, config.copy_tokens)

    full = model.kind == ModelKind.PERSONA_FULL
    engine: InferenceEngine = load_engine(
        settings, model.adapter_path if full else model.base_model, enable_lora=not full
    )
    tuned_name = None if full else f"eval-{model.id}"
    questions = chat_requests(config.chat_samples)
    total = 2 * (len(heldout_requests) + len(questions)) + len(negative_requests)
    done_before = 0

    def progress(message: str) -> Callable[[int], None]:
        def tick(done: int) -> None:
            report(ProgressReport(step=done_before + done, total=total, message=message))

        return tick

    async def run(asks: list[Ask], message: str) -> list[str]:
        nonlocal done_before
        texts = await generate_all(engine, data.card, asks, sampling, progress(message))
        done_before += len(asks)
        return texts

    def asks(requests: Sequence[str], adapter: str | None, offset: int) -> list[Ask]:
        return [Ask(r, adapter, config.seed + offset + i) for i, r in enumerate(requests)]

    report(ProgressReport(total=total, message=f"starting the engine for {model.base_model}"))
    await engine.start()
    try:
        if tuned_name is not None:
            await engine.load_adapter(adapter_info(model, tuned_name))
        tuned = await run(asks(heldout_requests, tuned_name, 0), "tuned model: held-out topics")
        chat_tuned = await run(asks(questions, tuned_name, 50_000), "tuned model: chat")
        guarded, resampled = list(tuned), 0
        for position, text in enumerate(tuned):
            # The serving copy guard's rule: resample a copy (a new seed each try), at most
            # ``guard_retries`` times, and keep the least copying text.
            best, best_span = text, index.longest_copied_span(text)
            for attempt in range(1, config.guard_retries + 1):
                if best_span < index.n:
                    break
                again = Ask(
                    heldout_requests[position],
                    tuned_name,
                    config.seed + 100_000 * attempt + position,
                )
                candidate = (await generate_all(engine, data.card, [again], sampling))[0]
                span = index.longest_copied_span(candidate)
                if span < best_span:
                    best, best_span = candidate, span
            if best is not text:
                resampled += 1
            guarded[position] = best
        if full:  # the comparison needs the base model itself
            await engine.close()
            engine = load_engine(settings, model.base_model, enable_lora=False)
            await engine.start()
        against_name = None
        if against is not None:
            against_name = f"eval-against-{against.id}"
            await engine.load_adapter(adapter_info(against, against_name))
        who = "comparison model" if against is not None else "base model"
        compared = await run(asks(heldout_requests, against_name, 0), f"{who}: held-out topics")
        chat_against = await run(asks(questions, against_name, 50_000), f"{who}: chat")
        # Negatives are the bare base's posts whatever ``against`` is: the judge learns the
        # persona against "a model asked the same", not against another persona model.
        negatives = await run(asks(negative_requests, None, 200_000), "base model: judge negatives")
    finally:
        await engine.close()
    return Generations(
        tuned=tuned,
        against=compared,
        negatives=negatives,
        guarded=guarded,
        resampled=resampled,
        chat_tuned=chat_tuned,
        chat_against=chat_against,
        chat_questions=questions,
        seconds=time.monotonic() - started,
    )


def _rate(flags: Sequence[bool]) -> float:
    return sum(flags) / len(flags) if flags else 0.0


def _mauve_note() -> str:
    if importlib.util.find_spec("mauve") is None:
        return "not measured: the mauve-text package is not installed"
    return (
        "not measured: MAUVE's featuriser (a GPT-2 large model) cannot be downloaded here, "
        "and none is installed"
    )


def build_card(
    model: ModelInfo,
    against: ModelInfo | None,
    data: EvaluationData,
    gens: Generations,
    config: EvalConfig,
    perplexity_scores: Any,
    chat_fit: tuple[float | None, float | None] = (None, None),
) -> ReportCard:
    """Every figure of the report from the generations and the perplexities (no model runs)."""
    rng = random.Random(config.seed)
    positives = rng.sample(data.train_texts, min(MAX_JUDGE_POSITIVES, len(data.train_texts)))
    others = list(data.others)
    split = round(len(others) * (1 - OTHERS_HELDOUT_SHARE))
    others_train, others_heldout = others[:split], others[split:]
    real = [post.text for post in data.heldout]
    negatives = [*others_train, *gens.negatives]
    heldout_negatives = [*gens.against, *others_heldout]
    mix_metrics: dict[str, Any] = {}
    if data.mix:  # one class per source plus "other"; the persona = any source
        mixed = judge_mix(data, negatives, heldout_negatives, seed=config.seed)
        judge_accuracy, attributed = mixed.accuracy, mixed.attributed
        mix_metrics = mixed.metrics(tuned=gens.tuned, base=gens.against, real=real)
    else:
        judge = train_judge({"persona": positives, "other": negatives}, seed=config.seed)
        judge_accuracy = judge.accuracy({"persona": real, "other": heldout_negatives})
        attributed = judge.attribution
    reliable, judge_note = judge_verdict(judge_accuracy)

    index = CopyIndex.build(data.train_texts, config.copy_tokens)
    spans = [index.longest_copied_span(text) for text in gens.tuned]
    guarded_spans = [index.longest_copied_span(text) for text in gens.guarded]
    copy_rate = _rate([s >= index.n for s in spans])
    near = near_duplicates(gens.tuned, data.train_texts)

    d1_tuned, d2_tuned = distinct_n(gens.tuned, 1), distinct_n(gens.tuned, 2)
    d1_real, d2_real = distinct_n(real, 1), distinct_n(real, 2)
    d2_against = distinct_n(gens.against, 2)
    lengths_real = length_stats(real)
    lengths_tuned = length_stats(gens.tuned)
    lengths_against = length_stats(gens.against)

    metrics: dict[str, Any] = {
        "judge_accuracy": judge_accuracy,
        "judge_reliable": reliable,
        "attribution_tuned": attributed(gens.tuned),
        "attribution_base": attributed(gens.against),
        "attribution_real": attributed(real),
        "attribution_chat_tuned": attributed(gens.chat_tuned),
        "attribution_chat_base": attributed(gens.chat_against),
        "chat_fit_tuned": chat_fit[0],
        "chat_fit_base": chat_fit[1],
        "perplexity_tuned": perplexity_scores.tuned,
        "perplexity_base": perplexity_scores.base,
        "perplexity_reduction": perplexity_scores.reduction,
        "copy_rate": copy_rate,
        "copy_rate_guarded": _rate([s >= index.n for s in guarded_spans]),
        "copy_rate_base": _rate([index.copies(t) for t in gens.against]),
        "copy_rate_real": _rate([index.copies(t) for t in real]),
        "longest_copy_span": max(spans, default=0),
        "near_duplicate_rate": near.rate,
        "guard_resampled": gens.resampled,
        "distinct1_tuned": d1_tuned,
        "distinct2_tuned": d2_tuned,
        "distinct1_real": d1_real,
        "distinct2_real": d2_real,
        "distinct2_base": d2_against,
        "distinct2_ratio": d2_tuned / d2_real if d2_real else 0.0,
        "length_mean_tuned": lengths_tuned.mean,
        "length_mean_base": lengths_against.mean,
        "length_mean_real": lengths_real.mean,
        "heldout_posts": len(real),
        "train_posts": len(data.train_texts),
        "copy_tokens": index.n,
        "generation_seconds": round(gens.seconds, 1),
        **mix_metrics,
    }
    samples = [
        Sample(post.request, post.text, tuned, compared)
        for post, tuned, compared in list(zip(data.heldout, gens.tuned, gens.against, strict=True))[
            :SAMPLES_SHOWN
        ]
    ]
    chat, shown = [], set()
    for question, tuned, compared in zip(
        gens.chat_questions, gens.chat_tuned, gens.chat_against, strict=True
    ):
        if question not in shown:  # the first answer to each question
            shown.add(question)
            chat.append(Sample(question, "", tuned, compared))
    return ReportCard(
        model_id=model.id,
        persona=model.persona,
        base_model=model.base_model,
        against=against.id if against is not None else model.base_model,
        against_is_base=against is None,
        created_at=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        metrics=metrics,
        judge_note=judge_note,
        mauve=_mauve_note(),
        near_duplicates=[(g, t, s) for g, t, s in near.pairs],
        samples=samples,
        chat=chat,
        lengths={
            "real": [len(t.split()) for t in real],
            "tuned": [len(t.split()) for t in gens.tuned],
            "base": [len(t.split()) for t in gens.against],
        },
        perplexity_per_post={
            "tuned": list(perplexity_scores.tuned_per_post),
            "base": list(perplexity_scores.base_per_post),
        },
        config=config.model_dump(mode="json"),
        datasets=data.datasets,
        mix=list(data.mix),
        generations={
            "requests": [post.request for post in data.heldout],
            "real": real,
            "tuned": gens.tuned,
            "base": gens.against,
            "guarded": gens.guarded,
            "negatives": gens.negatives,
            "chat_tuned": gens.chat_tuned,
            "chat_base": gens.chat_against,
            "chat_questions": gens.chat_questions,
        },
    )


def write_card(card: ReportCard, folder: Path) -> dict[str, str]:
    """The card's files in ``folder``: report.md, report.json and the PNG plots."""
    folder.mkdir(parents=True, exist_ok=True)
    m = card.metrics
    files = {
        "attribution": plots.attribution_bars(
            folder / "attribution.png",
            m["attribution_tuned"],
            m["attribution_base"],
            real=m["attribution_real"],
            reliable=bool(m["judge_reliable"]),
        ),
        "perplexity": plots.perplexity_histograms(
            folder / "perplexity.png",
            card.perplexity_per_post["tuned"],
            card.perplexity_per_post["base"],
        ),
        "lengths": plots.length_distributions(
            folder / "lengths.png",
            card.lengths["real"],
            {"tuned": card.lengths["tuned"], "base": card.lengths["base"]},
        ),
    }
    card.plots = {name: path.name for name, path in files.items()}
    (folder / "report.json").write_text(
        json.dumps(card.as_dict(), indent=2, sort_keys=True, default=str), "utf-8"
    )
    (folder / "report.md").write_text(render_markdown(card), "utf-8")
    return card.plots


def evaluate_model(
    db: Engine,
    settings: Settings,
    config: EvalConfig,
    *,
    report: Report | None = None,
    should_stop: Callable[[], bool] = lambda: False,
) -> EvaluationResult | None:
    """Evaluate, write and store the report card (see the module docstring); None when
    ``should_stop`` asked it to stop between two stages (nothing is stored then)."""
    say = report or (lambda _p: None)
    model, against = resolve_models(db, config)
    say(ProgressReport(message="reading the model's training and held-out posts"))
    data = evaluation_data(db, model, max_heldout=config.samples, seed=config.seed)
    gens = run_coroutine(_generations(settings, model, against, data, config, say))
    if should_stop():
        return None
    say(ProgressReport(message="held-out perplexity under the tuned model and its base"))
    scores = heldout_perplexity(model, data.card, data.heldout)
    if against is not None:
        scores = _against_perplexity(model, against, data, scores)
    say(ProgressReport(message="how well chat answers fit their questions (base model)"))
    fit = answer_fit(
        model.base_model,
        data.card,
        gens.chat_questions,
        {"tuned": gens.chat_tuned, "base": gens.chat_against},
    )
    if should_stop():
        return None
    say(ProgressReport(message="training the style judge and scoring"))
    card = build_card(model, against, data, gens, config, scores, (fit["tuned"], fit["base"]))
    add_arena(card, standings(db, model=model.id))  # people's blind votes, when there are any
    thresholds = thresholds_for(settings, persona_settings(db, model.persona))
    card.gate = judge_report(card.metrics, thresholds).as_dict()
    report_id = uuid.uuid4().hex
    folder = settings.data_dir / "reports" / model.id / report_id
    write_card(card, folder)
    stored = store_report(
        db,
        NewReport(
            model_id=model.id,
            against=card.against,
            metrics=card.metrics,
            card=card.as_dict(),
            markdown=render_markdown(card),
            report_dir=str(folder),
        ),
        report_id=report_id,
    )
    return EvaluationResult(stored, folder, card.metrics, card)


def _against_perplexity(
    model: ModelInfo, against: ModelInfo, data: EvaluationData, scores: Any
) -> Any:
    """The comparison adapter's perplexities in place of the bare base's."""
    from likeness.trainer.fidelity.perplexity import Perplexities

    other = heldout_perplexity(against, data.card, data.heldout)
    return Perplexities(scores.tuned, other.tuned, scores.tuned_per_post, other.tuned_per_post)
