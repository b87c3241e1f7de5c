"""Ingest benchmark: real-shaped posts into PostgreSQL, ours vs. a naive per-row ORM importer.

    make bench-ingest            # or: .venv/bin/python bench/ingest.py --posts 100000

Builds a Twitter/X archive (2022 layout) of N posts from the real exports in ../shared/corpora
(synthetic text when they are absent), then, each time against a fresh PostgreSQL database
(our import three times, the median counts; the baseline once):
  1. ``likeness import`` end to end (read → clean → COPY), cold;
  2. the same archive again (re-import: must add no rows);
  3. the naive baseline: the same reader and cleaner, then for each post ``session.get`` (is it
     stored?) and ``session.add`` of one ORM object, one commit at the end — the per-row importer
     the projects we replace used.
Prints a table and writes bench/results/ingest.json.
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import tempfile
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path

import orjson
import psycopg
from report import machine, write_result
from sqlalchemy import Engine
from sqlalchemy.orm import Session

from likeness.core.db import open_database
from likeness.core.db.models import Post
from likeness.core.settings import Settings
from likeness.ingest.cleaning.pipeline import clean_posts
from likeness.ingest.importers.registry import choose_importer
from likeness.ingest.importing import import_path
from likeness.ingest.personas import ensure_persona
from likeness.ingest.source_tree import SourceTree

ROOT = Path(__file__).resolve().parent.parent
CORPORA = ROOT.parent / "shared" / "corpora"
ADMIN_URL = os.environ.get(
    "LIKENESS_BENCH_POSTGRES_URL", "postgresql://postgres@127.0.0.1:5432/postgres"
)
VARIANTS = ["today", "again", "folks", "tonight", "now", "!!!", "— really", "(more soon)"]


def corpus_texts() -> list[str]:
    texts: list[str] = []
    tta = CORPORA / "trump-tta" / "condensed_2016.json"
    if tta.exists():
        texts += [t["text"] for t in orjson.loads(tta.read_bytes())]
    archive = CORPORA / "x-archive-andreruffert" / "data" / "tweets.js"
    if archive.exists():
        body = archive.read_bytes()
        items = orjson.loads(body[body.index(b"=") + 1 :])
        texts += [i["tweet"]["full_text"] for i in items]
    if not texts:
        rng = random.Random(7)
        words = [
            "the",
            "sea",
            "was",
            "grey",
            "and",
            "the",
            "ferry",
            "late",
            "again",
            "so",
            "we",
            "baked",
            "bread",
            "instead",
        ]
        texts = [" ".join(rng.choices(words, k=rng.randint(5, 30))) for _ in range(5000)]
    return texts


def build_archive(folder: Path, n: int) -> Path:
    """A tweets.js with n posts whose texts cycle through the corpus with small variations."""
    rng = random.Random(42)
    texts = corpus_texts()
    start = datetime(2015, 1, 1, tzinfo=UTC)
    items = []
    for i in range(n):
        base = texts[i % len(texts)]
        text = base if i < len(texts) else f"{base} {rng.choice(VARIANTS)} {i // len(texts)}"
        when = start + timedelta(seconds=i * 600 + rng.randint(0, 300))
        tweet = {
            "id_str": str(1_000_000_000_000_000_000 + i),
            "id": str(1_000_000_000_000_000_000 + i),
            "created_at": when.strftime("%a %b %d %H:%M:%S +0000 %Y"),
            "full_text": text,
            "favorite_count": str(rng.randint(0, 5000)),
            "retweet_count": str(rng.randint(0, 900)),
            "entities": {"hashtags": [], "urls": [], "user_mentions": [], "symbols": []},
            "lang": "en",
            "source": "bench",
        }
        items.append({"tweet": tweet})
    data = folder / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / "tweets.js").write_bytes(b"window.YTD.tweets.part0 = " + orjson.dumps(items))
    manifest = {"userInfo": {"accountId": "42", "userName": "bench", "displayName": "Bench"}}
    (data / "manifest.js").write_bytes(b"window.__THAR_CONFIG = " + orjson.dumps(manifest))
    return folder


def naive_import(engine, path: Path, persona: str, settings: Settings) -> int:  # type: ignore[no-untyped-def]
    """The baseline: same reader and cleaner, then one ORM object (and round trip) per row."""
    with SourceTree(path) as tree:
        raws = list(choose_importer(tree).parse(tree))
    result = clean_posts(raws, persona, window_s=settings.thread_window_s, existing_keys={})
    written = 0
    with Session(engine) as session:
        row = ensure_persona(session, persona)
        for post in result.posts:
            if session.get(Post, post.id) is not None:
                continue
            raw = post.raw
            session.add(
                Post(
                    id=post.id,
                    persona_id=row.id,
                    source_id=None,
                    source_record=raw.record,
                    platform=raw.platform,
                    external_id=raw.external_id,
                    author=raw.author,
                    created_at=raw.created_at,
                    raw_text=raw.text,
                    clean_text=post.clean_text,
                    flags=post.flags,
                    reply_to_id=raw.reply_to_id,
                    thread_id=post.thread_id,
                    duplicate_of=post.duplicate_of,
                    dedupe_key=post.dedupe_key,
                    extra=raw.extra,
                )
            )
            written += 1
        session.commit()
    return written


@contextmanager
def fresh_database(tmp: Path) -> Iterator[tuple[Engine, Settings]]:
    """A new, migrated PostgreSQL database for one run, dropped afterwards."""
    name = f"likeness_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    settings = Settings(data_dir=tmp / "data", database_url=f"{ADMIN_URL.rsplit('/', 1)[0]}/{name}")
    engine = open_database(settings)
    try:
        yield engine, settings
    finally:
        engine.dispose()
        with psycopg.connect(ADMIN_URL, autocommit=True) as admin:
            admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def timed_runs(archive: Path, tmp: Path, runs: int) -> list[tuple[float, float, int, int, int]]:
    """(import s, re-import s, posts read, rows written, rows re-written) per fresh database."""
    results = []
    for _ in range(runs):
        with fresh_database(tmp) as (engine, settings):
            t0 = time.perf_counter()
            first = import_path(engine, archive, "bench", settings=settings)
            ours_s = time.perf_counter() - t0
            t0 = time.perf_counter()
            again = import_path(engine, archive, "bench", settings=settings)
            reimport_s = time.perf_counter() - t0
        results.append((ours_s, reimport_s, first.read, first.new, again.new))
        print(f"  run: import {ours_s:.2f} s, re-import {reimport_s:.2f} s", flush=True)
    return results


def naive_run(archive: Path, tmp: Path) -> tuple[float, int]:
    with fresh_database(tmp) as (engine, settings):
        t0 = time.perf_counter()
        rows = naive_import(engine, archive, "bench-naive", settings)
        return time.perf_counter() - t0, rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3, help="fresh-database runs; median counts")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        archive = build_archive(tmp / "archive", args.posts)
        print(f"built an archive of {args.posts:,} posts", flush=True)
        runs = timed_runs(archive, tmp, args.runs)
        print("naive baseline …", flush=True)
        naive_s, naive_rows = naive_run(archive, tmp)

    ours_s = statistics.median(r[0] for r in runs)
    reimport_s = statistics.median(r[1] for r in runs)
    n = runs[0][2]
    new_rows = runs[0][3]
    reimport_new = max(r[4] for r in runs)
    metrics = {
        "posts": n,
        "runs": args.runs,
        "posts_per_s": round(n / ours_s),
        "naive_posts_per_s": round(n / naive_s),
        "ratio": round(naive_s / ours_s, 2),
        "reimport_new_rows": reimport_new,
        "reimport_posts_per_s": round(n / reimport_s),
        "new_rows": new_rows,
        "naive_rows": naive_rows,
        "seconds": round(ours_s, 3),
        "naive_seconds": round(naive_s, 3),
        "reimport_seconds": round(reimport_s, 3),
        "import_seconds_each_run": [round(r[0], 3) for r in runs],
    }
    rows = [
        ("likeness import (read → clean → COPY)", ours_s, new_rows),
        ("re-import of the same archive", reimport_s, reimport_new),
        ("naive per-row ORM importer", naive_s, naive_rows),
    ]
    label = f"run (ours: median of {args.runs})"
    print(f"\n{label:<40} {'seconds':>9} {'posts/s':>10} {'new rows':>9}")
    for label, seconds, new in rows:
        print(f"{label:<40} {seconds:>9.2f} {n / seconds:>10,.0f} {new:>9,}")
    print(f"\nratio ours / naive: {metrics['ratio']}×   (bar: ≥ 30,000 posts/s and ≥ 5×)")
    pg = f"PostgreSQL at {ADMIN_URL.rsplit('@', 1)[-1]}"
    write_result("ingest", metrics, machine(f"Python {platform.python_version()}", pg))
    ok = (
        metrics["posts_per_s"] >= 30_000
        and metrics["ratio"] >= 5
        and reimport_new == 0
        and metrics["reimport_posts_per_s"] >= metrics["posts_per_s"]
    )
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
