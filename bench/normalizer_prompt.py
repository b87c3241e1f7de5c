"""Normaliser prompt v1 vs v2 on 100 real posts, judged by the automatic proxy.

    make bench-normalizer-prompt     # or: .venv/bin/python bench/normalizer_prompt.py

The posts are real: the 2016 Trump Twitter Archive file in ``../shared/corpora/trump-tta/``,
imported with the project's importer into a temporary SQLite database, so each post is the
cleaned text the normaliser really sees. Without that folder the benchmark says so and exits 0.

Choice of posts (deterministic, ``random.Random(SEED)``): posts whose text lives elsewhere or
says nothing are left out (duplicate, near-duplicate, merged, empty, link/media/handle only);
of the rest, 70 are drawn from the posts with something to fix (``to_normalise``: an RT prefix,
a link or its stub, a handle, a hashtag, "w/", a lead-in label, a signature; the rarer kinds
first, up to ``RARE_QUOTAS``) and 30 from the posts with nothing to fix (they should come back
unchanged). Reposts and quotes are included:
proposals are made for them too.

Each post is normalised by the default model (SmolLM2-135M-Instruct) on the vLLM engine, greedy,
at most 160 new tokens (as ``likeness normalize``), once with each prompt version; every output is
judged by ``likeness.core.normalizer_check``. Prints a table per criterion and writes
bench/results/normalizer_prompt.json (``metrics`` ``v1_*`` / ``v2_*``; ``selection``). A few
posts with both outputs are printed, not written: the corpora stay out of the repository.
"""

from __future__ import annotations

import asyncio
import json
import random
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import torch
from report import machine, write_result
from sqlalchemy import select
from sqlalchemy.orm import Session

from likeness.core.db import open_database
from likeness.core.db.models import Post
from likeness.core.default_model import DEFAULT_MODEL_NAME, ensure_default_model
from likeness.core.flags import PostFlag
from likeness.core.normalizer_check import CheckResult, check_normalization, summarize, to_normalise
from likeness.core.prompts import NORMALIZER_PROMPT_VERSIONS, normalizer_messages
from likeness.core.settings import Settings
from likeness.core.text import storable
from likeness.inference.engine_thread import EngineThread
from likeness.inference.engines.base import GenerationRequest, SamplingParams
from likeness.inference.engines.vllm_engine import VllmEngine
from likeness.ingest.importing import import_path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpora" / "trump-tta"
SEED = 10
POSTS = 100
WITH_SOMETHING_TO_FIX = 70
# The rarer things to fix, drawn first so each is measured on more than a post or two; the rest
# of the 70 are mostly handles and hashtags, which are common.
RARE_QUOTAS = (("rt", 20), ("link", 6), ("w/", 8), ("lead-in", 4), ("signature", 3))
MAX_TOKENS = 160  # as likeness.inference.normalize.DEFAULT_MAX_TOKENS
EXAMPLES = 8
EXAMPLE_CHARS = 240
NO_TEXT = (
    PostFlag.DUPLICATE
    | PostFlag.NEAR_DUPLICATE
    | PostFlag.MERGED
    | PostFlag.EMPTY
    | PostFlag.URL_ONLY
    | PostFlag.MEDIA_ONLY
    | PostFlag.HANDLE_ONLY
)
CRITERIA = (
    ("pass_rate", "passed (all criteria)"),
    ("links_gone_where_present", "links gone (posts with a link)"),
    ("rt_gone_where_present", "RT prefix gone (posts with RT)"),
    ("handles_gone_where_present", "handles gone (posts with a handle)"),
    ("words_kept", "author's words kept, in order (mean)"),
    ("words_kept_pass_rate", "words kept >= 80%"),
    ("added_rate", "words added (share of posts, lower is better)"),
    ("empty_rate", "empty output (lower is better)"),
    ("hashtags_gone_where_present", "no #tag left (posts with one; not judged)"),
)


def choose_posts(texts: list[str]) -> list[str]:
    """``POSTS`` texts: first the ``RARE_QUOTAS`` (the rarer things to fix, each up to its
    quota), then more posts with something to fix up to ``WITH_SOMETHING_TO_FIX``, then posts
    with nothing to fix; each draw seeded, so the same corpus gives the same posts."""
    rng = random.Random(SEED)
    chosen: list[str] = []
    taken: set[int] = set()

    def draw(candidates: list[int], count: int) -> None:
        picked = rng.sample(candidates, min(count, len(candidates)))
        taken.update(picked)
        chosen.extend(texts[i] for i in picked)

    kinds = [to_normalise(t) for t in texts]
    for kind, quota in RARE_QUOTAS:
        draw([i for i, k in enumerate(kinds) if kind in k and i not in taken], quota)
    draw(
        [i for i, k in enumerate(kinds) if k and i not in taken],
        WITH_SOMETHING_TO_FIX - len(chosen),
    )
    draw([i for i, k in enumerate(kinds) if not k], POSTS - len(chosen))
    return chosen


def load_texts(tmp: Path) -> list[str]:
    """The cleaned texts of the corpus's posts that have text of their own, oldest first."""
    settings = Settings(data_dir=tmp / "data", database_url=f"sqlite:///{tmp / 'bench.db'}")
    db = open_database(settings)
    import_path(db, CORPUS, "bench", settings=settings)
    with Session(db) as session:
        rows = session.execute(
            select(Post.clean_text, Post.flags).order_by(Post.created_at, Post.id)
        ).all()
    db.dispose()
    return [text for text, flags in rows if not flags & NO_TEXT and text.strip()]


async def normalise_all(engine: VllmEngine, texts: list[str], version: str) -> list[str]:
    """All posts at once (the engine batches them), greedy, the way ``likeness normalize`` asks."""
    sampling = SamplingParams(max_tokens=MAX_TOKENS, temperature=0.0)

    async def one(index: int, text: str) -> str:
        prompt = engine.render_chat(normalizer_messages(text, version))
        request = GenerationRequest(f"{version}-{index}", prompt, sampling)
        parts = [delta.text async for delta in engine.generate(request)]
        return storable("".join(parts).strip())

    return list(await asyncio.gather(*(one(i, t) for i, t in enumerate(texts))))


def pick_examples(
    texts: list[str], outputs: dict[str, list[str]], checks: dict[str, list[CheckResult]]
) -> list[dict[str, Any]]:
    """A few posts with both outputs: the shortest where the versions' verdicts differ, then the
    shortest where v2 fails too (so the file shows what is still wrong). Outputs are cut at
    ``EXAMPLE_CHARS``: a runaway generation says what it is in its first lines."""
    v1, v2 = NORMALIZER_PROMPT_VERSIONS
    by_length = sorted(range(len(texts)), key=lambda i: (len(texts[i]), i))
    differ = [i for i in by_length if checks[v1][i].passed != checks[v2][i].passed]
    v2_fails = [i for i in by_length if not checks[v2][i].passed and i not in differ]
    chosen = differ[: EXAMPLES - EXAMPLES // 2] + v2_fails[: EXAMPLES // 2]

    def shown(version: str, i: int) -> dict[str, Any]:
        output = outputs[version][i]
        cut = output if len(output) <= EXAMPLE_CHARS else output[:EXAMPLE_CHARS] + " [...]"
        return {"output": cut, "passed": checks[version][i].passed}

    return [
        {
            "post": texts[i],
            "to_fix": list(to_normalise(texts[i])),
            **{v.split("-")[-1]: shown(v, i) for v in (v1, v2)},
        }
        for i in chosen
    ]


def main() -> int:
    if not CORPUS.is_dir():
        print(f"skipped: the real corpus {CORPUS} is absent (see ../shared/corpora/README.md)")
        return 0
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        texts = choose_posts(load_texts(tmp))
        model_dir = ensure_default_model(tmp / "data")
        print("vLLM engine: starting …", flush=True)
        engine = VllmEngine.load(str(model_dir), enable_lora=False)
        outputs: dict[str, list[str]] = {}
        seconds: dict[str, float] = {}
        with EngineThread(engine) as runner:
            runner.run(normalise_all(engine, texts[:4], NORMALIZER_PROMPT_VERSIONS[0]))  # warm-up
            for version in NORMALIZER_PROMPT_VERSIONS:
                t0 = time.perf_counter()
                outputs[version] = runner.run(normalise_all(engine, texts, version))
                seconds[version] = time.perf_counter() - t0
    checks = {
        v: [check_normalization(t, o) for t, o in zip(texts, outs, strict=True)]
        for v, outs in outputs.items()
    }
    summaries = {v: summarize(c) for v, c in checks.items()}
    metrics: dict[str, Any] = {}
    for version, summary in summaries.items():
        short = version.split("-")[-1]
        metrics.update({f"{short}_{key}": value for key, value in summary.items()})
        metrics[f"{short}_seconds"] = round(seconds[version], 1)
    v1, v2 = (v.split("-")[-1] for v in NORMALIZER_PROMPT_VERSIONS)
    width = max(len(label) for _, label in CRITERIA)
    print(f"{'criterion':<{width}}  {v1:>6}  {v2:>6}")
    for key, label in CRITERIA:
        a, b = metrics[f"{v1}_{key}"], metrics[f"{v2}_{key}"]
        print(f"{label:<{width}}  {_fmt(a):>6}  {_fmt(b):>6}")
    first = summaries[NORMALIZER_PROMPT_VERSIONS[0]]
    print(
        f"{POSTS} posts: {first['with_rt']} with RT, {first['with_link']} with a link, "
        f"{first['with_handle']} with a handle; "
        f"{seconds[NORMALIZER_PROMPT_VERSIONS[0]]:.0f} s (v1), "
        f"{seconds[NORMALIZER_PROMPT_VERSIONS[1]]:.0f} s (v2)"
    )
    for example in pick_examples(texts, outputs, checks):
        print(json.dumps(example, ensure_ascii=False))
    write_result(
        "normalizer_prompt",
        metrics,
        machine(f"torch {torch.__version__}", f"{DEFAULT_MODEL_NAME} on vLLM, greedy"),
        extra={
            "selection": (
                f"{POSTS} posts of {CORPUS.name}/condensed_2016.json imported with likeness.ingest "
                f"(clean texts); duplicates, merged and text-less posts left out; "
                f"{WITH_SOMETHING_TO_FIX} drawn from the posts with something to fix "
                f"(RT, link, handle, hashtag, w/, lead-in, signature; first up to "
                f"{dict(RARE_QUOTAS)} of the rarer kinds) and "
                f"{POSTS - WITH_SOMETHING_TO_FIX} from the others, random.Random({SEED})"
            ),
            "proxy": "likeness.core.normalizer_check (criteria in its module docstring)",
        },
    )
    return 0


def _fmt(value: float | None) -> str:
    return "-" if value is None else f"{value:.2f}"


if __name__ == "__main__":
    sys.exit(main())
