"""Which default recipe makes a persona that chats: chat questions mixed into training, and
which topic extractor writes the training requests — measured on the real Trump corpus.

    make bench-chat-recipe      # or: .venv/bin/python bench/chat_recipe.py [--limit 400]

In one run (a temporary data dir, SQLite, the default model, vLLM CPU by default):

1. **Prompts** (no training): the base model's perplexity of held-out posts given the request
   each extractor writes ("Write a post about <topics>"); the lower, the more the request says
   about the post.
2. **Recipes**: the same persona-sft LoRA run (the newest ``--limit`` training posts, one epoch,
   the default hyper-parameters) for each variant, then, on one engine serving every adapter:
   posts for ``--samples`` held-out requests (each variant's own requests) and two answers to
   each of the report card's 16 chat questions. One style judge for all variants (the
   persona's training posts against the second author's posts and the base model's posts for
   training topics, as the report card trains it), so the attribution figures compare. Per
   variant: attribution of its posts and of its chat answers, chat fit (the base model's
   likelihood of an answer under its own question against the other questions; 50% = chance),
   held-out perplexity against the base with the same requests, and copies of training posts.

Prints a table, writes bench/results/chat_recipe.json. Training time is not a figure here, so
the run need not have the machine to itself (it is slower under load, not different).
"""

from __future__ import annotations

import argparse
import asyncio
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

from likeness.core.copying import CopyIndex
from likeness.core.dataset_rows import load_persona
from likeness.core.default_model import default_model_dir
from likeness.core.prompts import persona_post_request
from likeness.core.registry import get_model
from likeness.core.split import DEFAULT_HELDOUT_FRACTION, HELDOUT, TRAIN, assign_split
from likeness.inference.engines.base import SamplingParams
from likeness.inference.engines.loading import load_engine
from likeness.trainer.datasets.persona import chat_row, persona_posts
from likeness.trainer.datasets.spec import DatasetSpec
from likeness.trainer.encoding import encode_row
from likeness.trainer.evaluation import example_losses
from likeness.trainer.fidelity.data import evaluation_data, other_authors_posts
from likeness.trainer.fidelity.generation import Ask, adapter_info, chat_requests, generate_all
from likeness.trainer.fidelity.judge import train_judge
from likeness.trainer.fidelity.perplexity import answer_fit, heldout_perplexity
from likeness.trainer.recipes.base import RunContext
from likeness.trainer.runner import run_training
from likeness.trainer.topics import TOPIC_EXTRACTORS, topics_phrase

#: (key, what, persona-sft overrides): the recipe today, then the candidates.
VARIANTS: tuple[tuple[str, str, dict[str, Any]], ...] = (
    ("posts_only", "posts only, builtin topics (today)", {}),
    ("questions_builtin", "30% questions, builtin topics", {"question_share": 0.3}),
    (
        "questions_yake",
        "30% questions, yake topics",
        {"question_share": 0.3, "topic_extractor": "yake"},
    ),
)
COLUMNS = (
    "attribution_posts",
    "attribution_chat",
    "chat_fit",
    "perplexity_reduction",
    "copy_rate",
)
SAMPLING = SamplingParams(max_tokens=120, temperature=0.9, top_p=0.95)


def prompt_perplexity(posts: list[str], base: str) -> dict[str, float]:
    """The base model's perplexity of the posts given each extractor's request."""
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
        losses = example_losses(model, examples, batch_size=8)
        total, tokens = sum(loss for loss, _ in losses), sum(n for _, n in losses)
        out[name] = math.exp(total / tokens)
    return out


async def generate(
    settings: Any, base: str, card: str, work: list[tuple[str | None, Any, list[str]]]
) -> list[list[str]]:
    """For each (adapter name or None, model info or None, requests): the generations, on one
    engine serving every adapter."""
    engine = load_engine(settings, base, enable_lora=True)
    await engine.start()
    try:
        out = []
        for n, (name, info, requests) in enumerate(work):
            if info is not None:
                await engine.load_adapter(adapter_info(info, name))
            asks = [Ask(r, name, 1000 * n + i) for i, r in enumerate(requests)]
            out.append(await generate_all(engine, card, asks, SAMPLING))
            print(f"  generated {len(asks)} for {name or 'the base model'}", flush=True)
        return out
    finally:
        await engine.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--limit", type=int, default=400, help="training posts per variant")
    parser.add_argument("--samples", type=int, default=60, help="held-out posts generated for")
    parser.add_argument("--negatives", type=int, default=300, help="judge negatives (base posts)")
    parser.add_argument(
        "--prompt-posts", type=int, default=200, help="held-out posts, step 1 (0: skip)"
    )
    opts = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="likeness-bench-chat-"))
    rows: dict[str, dict[str, Any]] = {}
    try:
        prepared = import_trump(work)
        if prepared is None:
            return 0
        settings, db = prepared
        base = str(default_model_dir(work))
        assign_split(db, "trump", DEFAULT_HELDOUT_FRACTION)  # as the first dataset build does
        persona = load_persona(db, "trump")
        posts = persona_posts(db, persona, DatasetSpec(kind="persona-chat", persona="trump"))
        rng = random.Random(0)
        heldout = [p.text for p in posts if p.split == HELDOUT]
        train = [p.text for p in posts if p.split == TRAIN]
        prompts = {}
        if opts.prompt_posts:
            sample = rng.sample(heldout, min(opts.prompt_posts, len(heldout)))
            prompts = prompt_perplexity(sample, base)
            print(f"prompt perplexity (base model): {prompts}", flush=True)

        trained = {}
        for key, what, overrides in VARIANTS:
            print(f"== training: {what}", flush=True)
            config = {**overrides, "limit": opts.limit, "evaluate": False}
            ctx = RunContext(run_dir=work / "runs" / key, data_dir=work, report=progress("train"))
            result = run_training(db, settings, "persona-sft", "trump", config, ctx)
            trained[key] = get_model(db, result.model_id)

        data = {
            key: evaluation_data(db, model, max_heldout=opts.samples, seed=0)
            for key, model in trained.items()
        }
        negative_topics = [
            persona_post_request(topics_phrase(TOPIC_EXTRACTORS["builtin"](t, 3)))
            for t in rng.sample(train, min(opts.negatives, len(train)))
        ]
        questions = chat_requests(2)
        work_items: list[tuple[str | None, Any, list[str]]] = [(None, None, negative_topics)]
        for key, model in trained.items():
            requests = [post.request for post in data[key].heldout]
            work_items += [(key, model, requests), (key, None, questions)]
        work_items.append((None, None, questions))
        print("== generating", flush=True)
        texts = asyncio.run(generate(settings, base, CARD, work_items))
        negatives, base_chat = texts[0], texts[-1]

        others = other_authors_posts(db, "trump", limit=2000, seed=0)
        judge = train_judge({"persona": train, "other": [*others, *negatives]}, seed=0)
        fits = answer_fit(
            base,
            CARD,
            questions,
            {"base": base_chat, **{key: texts[2 + 2 * i] for i, key in enumerate(trained)}},
        )
        index = CopyIndex.build(train, 8)
        rows["base"] = {
            "attribution_chat": judge.attribution(base_chat),
            "chat_fit": fits["base"],
        }
        for i, (key, model) in enumerate(trained.items()):
            tuned_posts, chat = texts[1 + 2 * i], texts[2 + 2 * i]
            scores = heldout_perplexity(model, CARD, data[key].heldout)
            rows[key] = {
                "attribution_posts": judge.attribution(tuned_posts),
                "attribution_chat": judge.attribution(chat),
                "chat_fit": fits[key],
                "perplexity_reduction": scores.reduction,
                "copy_rate": sum(index.copies(t) for t in tuned_posts) / len(tuned_posts),
                "example_chat": dict(zip(questions[::2], chat[::2], strict=True)),
            }
    finally:
        shutil.rmtree(work, ignore_errors=True)

    width = max(len(what) for _k, what, _o in VARIANTS)
    print(f"\n{'variant':<{width}}  " + "  ".join(f"{c:>20}" for c in COLUMNS))
    for key, what in [("base", "base model"), *((k, w) for k, w, _o in VARIANTS)]:
        cells = "  ".join(
            f"{rows[key][c]:>20.3f}" if rows[key].get(c) is not None else f"{'—':>20}"
            for c in COLUMNS
        )
        print(f"{what:<{width}}  {cells}")
    print(f"\nprompt perplexity (base model; lower = the request says more): {prompts}")
    metrics: dict[str, Any] = {f"prompt_perplexity_{k}": round(v, 3) for k, v in prompts.items()}
    for key, row in rows.items():
        for column in COLUMNS:
            if row.get(column) is not None:
                metrics[f"{key}.{column}"] = round(row[column], 4)
    write_result(
        "chat_recipe",
        metrics,
        machine(f"torch {torch.__version__}", f"{settings.engine} on CPU"),
        {
            "variants": {key: overrides for key, _w, overrides in VARIANTS},
            "limit": opts.limit,
            "samples": opts.samples,
            "chat_answers": {k: r["example_chat"] for k, r in rows.items() if "example_chat" in r},
        },
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
