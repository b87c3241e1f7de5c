"""Serving benchmark on the default model: batched vLLM serving vs. one-by-one transformers.

    make bench-serve            # or: .venv/bin/python bench/serve.py

In one run, on SmolLM2-135M-Instruct (converted into a temporary data dir):
  1. chat: 8 concurrent streaming clients (64 new tokens each) through our OpenAI-compatible
     server on the vLLM engine, vs. the same 8 requests served one after another with plain
     transformers ``generate`` (what the seed project did). Aggregate tokens/s, time to first
     token p50/p95 under load, ratio.
  2. normalisation: 256 posts through ``normalize_corpus`` (the code behind
     ``likeness normalize``) on vLLM, vs. one post at a time with plain ``generate`` and a
     commit after each (its rate measured on the first 32 of those posts: seconds per post).
     Posts/s and ratio.
  3. single-stream decode tokens/s next to the memory-bandwidth ceiling of this machine
     (measured bandwidth / model bytes), as a fraction.
Prints a table and writes bench/results/serve.json.
"""

from __future__ import annotations

import asyncio
import socket
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import torch
import uvicorn
from openai import AsyncOpenAI
from report import machine, write_result
from sqlalchemy import Engine as DbEngine
from sqlalchemy import select, update
from sqlalchemy.orm import Session
from transformers import AutoModelForCausalLM, AutoTokenizer

from likeness.core.db import open_database
from likeness.core.db.models import Post
from likeness.core.default_model import ensure_default_model
from likeness.core.prompts import normalizer_messages
from likeness.core.settings import Settings
from likeness.inference.engine_thread import EngineThread
from likeness.inference.engines.base import GenerationRequest, SamplingParams
from likeness.inference.engines.vllm_engine import VllmEngine
from likeness.inference.http_server import uvicorn_config
from likeness.inference.normalize import normalize_corpus
from likeness.inference.openai_api.app import create_app
from likeness.ingest.importing import import_path
from likeness.ingest.personas import create_persona

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "examples" / "sample-archive"
CLIENTS = 8
NEW_TOKENS = 64
NORMALIZE_POSTS = 256
# One post at a time is slow (seconds each); its rate is measured on the first posts.
BASELINE_NORMALIZE_POSTS = 32
QUESTIONS = [
    "What did you see at sea today?",
    "Tell me about the ferry.",
    "How is the bread coming along?",
    "What's the weather doing?",
    "Any stars tonight?",
    "How is the cat?",
    "What do you miss about the mainland?",
    "What's on your mind this morning?",
]


def memory_bandwidth_bytes_per_s() -> float:
    """Best of a few large array copies (read + write counted)."""
    src = np.ones(256 * 1024 * 1024 // 8)
    dst = np.empty_like(src)
    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        np.copyto(dst, src)
        best = min(best, time.perf_counter() - t0)
    return 2 * src.nbytes / best


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


# -- chat ------------------------------------------------------------------------------------
async def chat_through_server(base_url: str) -> tuple[float, list[float], int]:
    client = AsyncOpenAI(base_url=base_url, api_key="unused", max_retries=0)

    async def one(question: str) -> tuple[float, int]:
        started = time.perf_counter()
        first: float | None = None
        tokens = 0
        stream = await client.chat.completions.create(
            model="mags",
            messages=[{"role": "user", "content": question}],
            max_tokens=NEW_TOKENS,
            temperature=0.8,
            seed=1,
            stream=True,
            stream_options={"include_usage": True},
        )
        async for chunk in stream:
            if chunk.choices and chunk.choices[0].delta.content and first is None:
                first = time.perf_counter() - started
            if chunk.usage is not None:
                tokens = chunk.usage.completion_tokens
        return first if first is not None else time.perf_counter() - started, tokens

    t0 = time.perf_counter()
    results = await asyncio.gather(*(one(q) for q in QUESTIONS[:CLIENTS]))
    elapsed = time.perf_counter() - t0
    await client.close()
    return elapsed, [r[0] for r in results], sum(r[1] for r in results)


def chat_one_by_one(model_dir: Path, card: str) -> tuple[float, int]:
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForCausalLM.from_pretrained(model_dir)
    tokens = 0
    t0 = time.perf_counter()
    for question in QUESTIONS[:CLIENTS]:
        messages = [{"role": "system", "content": card}, {"role": "user", "content": question}]
        inputs = tokenizer.apply_chat_template(
            messages, add_generation_prompt=True, return_tensors="pt", return_dict=True
        )
        output = model.generate(
            **inputs, max_new_tokens=NEW_TOKENS, do_sample=True, temperature=0.8
        )
        tokens += output.shape[1] - inputs["input_ids"].shape[1]
    return time.perf_counter() - t0, tokens


# -- normalisation --------------------------------------------------------------------------
def normalize_one_by_one(db: DbEngine, model_dir: Path, ids: list[str]) -> float:
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = AutoModelForCausalLM.from_pretrained(model_dir)
    t0 = time.perf_counter()
    for post_id in ids:
        with Session(db) as session:
            post = session.get(Post, post_id)
            assert post is not None
            inputs = tokenizer.apply_chat_template(
                normalizer_messages(post.clean_text),
                add_generation_prompt=True,
                return_tensors="pt",
                return_dict=True,
            )
            output = model.generate(**inputs, max_new_tokens=160, do_sample=False)
            post.normalized_text = tokenizer.decode(
                output[0][inputs["input_ids"].shape[1] :], skip_special_tokens=True
            )
            session.commit()
    return time.perf_counter() - t0


async def decode_single_stream(engine: VllmEngine) -> float:
    prompt = engine.render_chat([{"role": "user", "content": "Write a long story about the sea."}])
    request = GenerationRequest(
        "decode", prompt, SamplingParams(max_tokens=128, temperature=0.8, seed=3)
    )
    started = first = None
    tokens = 0
    async for delta in engine.generate(request):
        now = time.perf_counter()
        if started is None:
            started = first = now
        tokens = delta.completion_tokens
    assert first is not None
    return (tokens - 1) / (time.perf_counter() - first)


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        settings = Settings(data_dir=tmp / "data", database_url=f"sqlite:///{tmp / 'bench.db'}")
        model_dir = ensure_default_model(settings.data_dir)
        db = open_database(settings)
        import_path(db, SAMPLE, "mags", settings=settings)
        card = "You are Mags, a lighthouse keeper on a windy island. Write in her voice."
        create_persona(db, "mags", "Mags", card)

        print("baseline: transformers generate, one request after another …", flush=True)
        base_chat_s, base_chat_tokens = chat_one_by_one(model_dir, card)

        print("vLLM engine: starting …", flush=True)
        engine = VllmEngine.load(str(model_dir), enable_lora=False)
        with EngineThread(engine) as runner:
            # The production layout (likeness serve inference): uvicorn on the engine's loop.
            app = create_app(engine, db, settings, manage_engine=False)
            port = free_port()
            http = uvicorn.Server(uvicorn_config(app, "127.0.0.1", port, "warning"))
            served = asyncio.run_coroutine_threadsafe(http.serve(), runner.loop)
            while not http.started:
                time.sleep(0.05)
            url = f"http://127.0.0.1:{port}/v1"
            asyncio.run(chat_through_server(url))  # warm-up: first requests compile kernels
            chat_s, ttfts, chat_tokens = asyncio.run(chat_through_server(url))
            decode_tps = runner.run(decode_single_stream(engine))
            with Session(db) as session:
                ids = list(
                    session.scalars(
                        select(Post.id).order_by(Post.created_at).limit(NORMALIZE_POSTS)
                    )
                )
            t0 = time.perf_counter()
            summary = runner.run(
                normalize_corpus(db, engine, "mags", kept_only=False, limit=NORMALIZE_POSTS)
            )
            norm_s = time.perf_counter() - t0
            http.should_exit = True
            served.result(timeout=30)
        with Session(db) as session, session.begin():
            session.execute(update(Post).values(normalized_text=None, normalizer_version=None))
        print("baseline: normalising one post at a time with a commit after each …", flush=True)
        base_ids = ids[:BASELINE_NORMALIZE_POSTS]
        base_norm_s = normalize_one_by_one(db, model_dir, base_ids)

        model_bytes = (model_dir / "model.safetensors").stat().st_size  # bf16 weights
    bandwidth = memory_bandwidth_bytes_per_s()
    ceiling = bandwidth / model_bytes
    metrics = {
        "chat_tokens_per_s": round(chat_tokens / chat_s, 1),
        "baseline_tokens_per_s": round(base_chat_tokens / base_chat_s, 1),
        "chat_ratio": round((chat_tokens / chat_s) / (base_chat_tokens / base_chat_s), 2),
        "ttft_p50_s": round(statistics.median(ttfts), 3),
        "ttft_p95_s": round(percentile(ttfts, 0.95), 3),
        "normalize_posts_per_s": round(summary.normalized / norm_s, 2),
        "normalize_baseline_posts_per_s": round(len(base_ids) / base_norm_s, 2),
        "normalize_ratio": round((summary.normalized / norm_s) / (len(base_ids) / base_norm_s), 2),
        "normalize_baseline_posts_measured": len(base_ids),
        "decode_tokens_per_s": round(decode_tps, 1),
        "decode_bandwidth_fraction": round(decode_tps / ceiling, 3),
        "memory_bandwidth_gb_per_s": round(bandwidth / 1e9, 2),
        "model_bytes": model_bytes,
    }
    rows = [
        ("chat, 8 streams via our server (vLLM)", f"{metrics['chat_tokens_per_s']} tok/s"),
        ("chat, one by one (transformers generate)", f"{metrics['baseline_tokens_per_s']} tok/s"),
        ("chat ratio (bar ≥ 4×)", f"{metrics['chat_ratio']}×"),
        (
            "TTFT p50 / p95 under load (bar p50 ≤ 1 s)",
            f"{metrics['ttft_p50_s']} / {metrics['ttft_p95_s']} s",
        ),
        ("normalise 256 posts (vLLM, batched)", f"{metrics['normalize_posts_per_s']} posts/s"),
        (
            "normalise one at a time + commit",
            f"{metrics['normalize_baseline_posts_per_s']} posts/s",
        ),
        ("normalise ratio (bar ≥ 4×)", f"{metrics['normalize_ratio']}×"),
        ("single-stream decode", f"{metrics['decode_tokens_per_s']} tok/s"),
        (
            "… of the bandwidth ceiling",
            f"{metrics['decode_bandwidth_fraction']:.0%} of {ceiling:.0f} tok/s",
        ),
    ]
    width = max(len(r[0]) for r in rows)
    for label, value in rows:
        print(f"{label:<{width}}  {value}")
    write_result("serve", metrics, machine(f"torch {torch.__version__}"))
    ok = (
        metrics["chat_ratio"] >= 4
        and metrics["ttft_p50_s"] <= 1
        and metrics["normalize_ratio"] >= 4
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
