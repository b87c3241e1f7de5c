"""Which default recipe makes a persona that chats: chat questions mixed into training, and
which topic extractor writes the training requests — measured on the real Trump corpus.

    make bench-chat-recipe      # or: .venv/bin/python bench/chat_recipe.py [--limit 800]

In one run (a temporary data dir, SQLite, the default model, vLLM CPU by default):

1. **Prompts** (no training): the base model's perplexity of the held-out posts given the
   request each extractor writes ("Write a post about <topics>"); the lower, the more the
   request says about the post. Both extractors on the same posts.
2. **Recipes**: the same persona-sft LoRA run (the same newest ``--limit`` training posts, one
   epoch, the default hyper-parameters) for each variant below, then its report card against
   the base (``--samples`` held-out posts, the fixed chat questions twice each). The figures
   that decide: attribution of the chat answers (do they sound like the person?), chat fit
   (do they answer the question? the base model's likelihood of an answer under its own
   question vs under the other questions; 50% = chance), and the post figures, which must not
   get worse.

Each variant's judge is trained on its own run's negatives, so the figures carry a few points
of noise; compare differences larger than that. Prints a table, writes
bench/results/chat_recipe.json. Training time is not a figure here, so the run does not need a
quiet machine (it is slower under load, not different).
"""

from __future__ import annotations

import argparse
import json
import math
import random
import shutil
import sys
import tempfile
from pathlib import Path
from typing import Any

import torch
from report import machine, write_result
from trump_corpus import CARD, import_trump, progress

from likeness.core.dataset_rows import load_persona
from likeness.core.default_model import default_model_dir
from likeness.core.prompts import persona_post_request
from likeness.core.split import DEFAULT_HELDOUT_FRACTION, HELDOUT, assign_split
from likeness.trainer.datasets.persona import chat_row, persona_posts
from likeness.trainer.datasets.spec import DatasetSpec
from likeness.trainer.encoding import encode_row
from likeness.trainer.evaluation import example_losses
from likeness.trainer.fidelity.config import EvalConfig
from likeness.trainer.fidelity.evaluate import evaluate_model
from likeness.trainer.recipes.base import RunContext
from likeness.trainer.runner import run_training
from likeness.trainer.topics import TOPIC_EXTRACTORS, topics_phrase

#: (name, persona-sft overrides): the recipe today, then the candidates.
VARIANTS: tuple[tuple[str, dict[str, Any]], ...] = (
    ("posts only (builtin topics)", {}),
    ("30% questions (builtin topics)", {"question_share": 0.3}),
    ("30% questions (yake topics)", {"question_share": 0.3, "topic_extractor": "yake"}),
)
KEYS = (
    "attribution_chat_tuned",
    "chat_fit_tuned",
    "attribution_tuned",
    "attribution_base",
    "judge_accuracy",
    "perplexity_reduction",
    "copy_rate",
    "distinct2_ratio",
)


def prompt_perplexity(posts: list[str], base: str) -> dict[str, float]:
    """The base model's perplexity of each post given each extractor's request."""
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(base)
    model = AutoModelForCausalLM.from_pretrained(base, dtype=torch.float32)
    out: dict[str, float] = {}
    for name, extract in TOPIC_EXTRACTORS.items():
        examples = [
            encode_row(
                tokenizer,
                chat_row(CARD, persona_post_request(topics_phrase(extract(p, 3))), p),
                512,
            )
            for p in posts
        ]
        losses = example_losses(model, examples, batch_size=16)
        total, tokens = sum(loss for loss, _ in losses), sum(n for _, n in losses)
        out[name] = math.exp(total / tokens)
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=800, help="training posts per variant")
    parser.add_argument("--samples", type=int, default=60, help="held-out posts generated for")
    parser.add_argument("--negatives", type=int, default=300, help="judge negatives (base posts)")
    parser.add_argument("--prompt-posts", type=int, default=400, help="held-out posts, step 1")
    opts = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="likeness-bench-chat-"))
    results: dict[str, dict[str, Any]] = {}
    try:
        prepared = import_trump(work)
        if prepared is None:
            return 0
        settings, db = prepared
        assign_split(db, "trump", DEFAULT_HELDOUT_FRACTION)  # as the first dataset build does
        persona = load_persona(db, "trump")
        heldout = [
            p.text
            for p in persona_posts(db, persona, DatasetSpec(kind="persona-chat", persona="trump"))
            if p.split == HELDOUT
        ]
        sample = random.Random(0).sample(heldout, min(opts.prompt_posts, len(heldout)))
        prompts = prompt_perplexity(sample, str(default_model_dir(work)))
        print(f"prompt perplexity of {len(sample)} held-out posts: {prompts}", flush=True)
        for name, overrides in VARIANTS:
            print(f"== {name}", flush=True)
            config = {**overrides, "limit": opts.limit, "evaluate": False}
            ctx = RunContext(
                run_dir=work / "runs" / f"v{len(results)}", data_dir=work, report=progress("train")
            )
            trained = run_training(db, settings, "persona-sft", "trump", config, ctx)
            result = evaluate_model(
                db,
                settings,
                EvalConfig(
                    model_id=trained.model_id, samples=opts.samples, negatives=opts.negatives
                ),
                report=progress("eval"),
            )
            assert result is not None
            results[name] = {key: result.metrics[key] for key in KEYS}
            results[name]["chat_fit_base"] = result.metrics["chat_fit_base"]
            results[name]["attribution_chat_base"] = result.metrics["attribution_chat_base"]
            print(json.dumps(results[name]), flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    width = max(len(name) for name in results)
    print(f"\n{'variant':<{width}}  " + "  ".join(f"{k[:14]:>14}" for k in KEYS))
    for name, row in results.items():
        cells = "  ".join(f"{row[k]:>14.3f}" if row[k] is not None else f"{'—':>14}" for k in KEYS)
        print(f"{name:<{width}}  {cells}")
    print(f"\nprompt perplexity (base model, lower = more informative request): {prompts}")
    metrics: dict[str, Any] = {
        "prompt_perplexity_builtin": round(prompts["builtin"], 3),
        "prompt_perplexity_yake": round(prompts["yake"], 3),
    }
    for (name, _o), slug in zip(
        VARIANTS, ("posts_only", "questions_builtin", "questions_yake"), strict=True
    ):
        for key, value in results[name].items():
            metrics[f"{slug}.{key}"] = round(value, 4) if isinstance(value, float) else value
    write_result(
        "chat_recipe",
        metrics,
        machine(f"torch {torch.__version__}", f"{settings.engine} on CPU"),
        {"variants": {name: overrides for name, overrides in VARIANTS}, "limit": opts.limit},
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
