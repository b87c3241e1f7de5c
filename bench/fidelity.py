"""Fidelity acceptance run: the real Trump corpus → a LoRA persona with the default recipe → its
report card against the base model.

    make bench-fidelity         # or: .venv/bin/python bench/fidelity.py [--samples 200]

In one run, in a temporary data dir with SQLite: the Trump Twitter Archive 2016 file from
``../shared/corpora/trump-tta`` imported by the ingest code as persona ``trump`` (and, when
present, the X archive in ``../shared/corpora/x-archive-andreruffert`` as persona ``andre``: a
second author the style judge learns to tell apart); ``persona-sft`` with its default recipe
on the default model (SmolLM2-135M-Instruct), timed; then ``likeness eval``'s evaluation
(``evaluate_model``) of the trained adapter against the base, on the configured engine (vLLM by
default). Skips, with the reason, when the corpus is absent.

Bars (issue 12): judge accuracy ≥ 90%; attribution ≥ 85% tuned and ≤ 20% base; held-out
perplexity ≥ 30% below the base; verbatim-copy rate ≤ 3% with the guard off and ≤ 1% with it
on; distinct-2 within 25% of the author's own; training within 20 minutes. Prints a table,
writes bench/results/fidelity.json and copies the report card (markdown + plots) to
bench/results/fidelity/.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

import torch
from report import RESULTS, machine, write_result
from trump_corpus import import_trump, progress

from likeness.trainer.fidelity.config import EvalConfig
from likeness.trainer.fidelity.evaluate import evaluate_model
from likeness.trainer.recipes.base import RunContext
from likeness.trainer.runner import run_training

#: (metric, bar, at least?) as issue 12 sets them.
BARS = (
    ("judge_accuracy", 0.90, True),
    ("attribution_tuned", 0.85, True),
    ("attribution_base", 0.20, False),
    ("perplexity_reduction", 0.30, True),
    ("copy_rate", 0.03, False),
    ("copy_rate_guarded", 0.01, False),
    ("train_minutes", 20.0, False),
)
DISTINCT2_WITHIN = 0.25


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--samples", type=int, default=200, help="held-out posts generated for")
    parser.add_argument("--negatives", type=int, default=600, help="judge negatives (base posts)")
    parser.add_argument("--set", dest="sets", action="append", default=[], help="recipe KEY=JSON")
    parser.add_argument("--keep", action="store_true", help="keep the temporary data dir")
    opts = parser.parse_args()
    import json

    config = {key: json.loads(value) for key, _, value in (s.partition("=") for s in opts.sets)}
    config["evaluate"] = False  # evaluated below, timed apart from training
    work = Path(tempfile.mkdtemp(prefix="likeness-bench-fidelity-"))
    try:
        prepared = import_trump(work)
        if prepared is None:
            return 0
        settings, db = prepared
        ctx = RunContext(
            run_dir=work / "runs" / "fidelity",
            data_dir=work,
            report=progress("train"),
        )
        started = time.monotonic()
        trained = run_training(db, settings, "persona-sft", "trump", config, ctx)
        train_minutes = (time.monotonic() - started) / 60
        print(f"trained model {trained.model_id} in {train_minutes:.1f} min", flush=True)

        started = time.monotonic()
        result = evaluate_model(
            db,
            settings,
            EvalConfig(model_id=trained.model_id, samples=opts.samples, negatives=opts.negatives),
            report=progress("eval"),
        )
        assert result is not None
        eval_minutes = (time.monotonic() - started) / 60
        m = result.metrics
        metrics = {
            "judge_accuracy": round(m["judge_accuracy"], 4),
            "attribution_tuned": round(m["attribution_tuned"], 4),
            "attribution_base": round(m["attribution_base"], 4),
            "perplexity_tuned": round(m["perplexity_tuned"], 3),
            "perplexity_base": round(m["perplexity_base"], 3),
            "perplexity_reduction": round(m["perplexity_reduction"], 4),
            "copy_rate": round(m["copy_rate"], 4),
            "copy_rate_guarded": round(m["copy_rate_guarded"], 4),
            "distinct2_ratio": round(m["distinct2_ratio"], 4),
            "train_minutes": round(train_minutes, 2),
            "eval_minutes": round(eval_minutes, 2),
            "judge_reliable": m["judge_reliable"],
            "attribution_real": round(m["attribution_real"], 4),
            "attribution_chat_tuned": round(m["attribution_chat_tuned"], 4),
            "attribution_chat_base": round(m["attribution_chat_base"], 4),
            "chat_fit_tuned": m["chat_fit_tuned"],
            "chat_fit_base": m["chat_fit_base"],
            "copy_rate_real": round(m["copy_rate_real"], 4),
            "heldout_posts": m["heldout_posts"],
            "train_posts": m["train_posts"],
            "train_tokens_per_s": round(trained.metrics.get("tokens_per_s", 0.0), 1),
            "global_step": trained.outcome.global_step,
        }
        target = RESULTS / "fidelity"
        shutil.rmtree(target, ignore_errors=True)
        shutil.copytree(result.report_dir, target)
    finally:
        if opts.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)

    rows, ok = [], True
    for key, bar, at_least in BARS:
        value = metrics[key]
        passed = value >= bar if at_least else value <= bar
        ok &= passed
        rows.append((key, value, f"{'≥' if at_least else '≤'} {bar:g}", passed))
    gap = abs(metrics["distinct2_ratio"] - 1.0)
    ok &= gap <= DISTINCT2_WITHIN
    rows.append(
        ("distinct2_ratio", metrics["distinct2_ratio"], "1 ± 0.25", gap <= DISTINCT2_WITHIN)
    )
    width = max(len(r[0]) for r in rows)
    print(f"{'metric':<{width}}  {'value':>9}  {'bar':<9}  met")
    for key, value, bar, passed in rows:
        print(f"{key:<{width}}  {value:>9.4g}  {bar:<9}  {'yes' if passed else 'NO'}")
    device = "CUDA" if torch.cuda.is_available() else "CPU"
    write_result(
        "fidelity",
        metrics,
        machine(f"torch {torch.__version__}", f"{settings.engine} on {device}"),
        {"recipe_config": config, "report": "bench/results/fidelity/report.md"},
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
