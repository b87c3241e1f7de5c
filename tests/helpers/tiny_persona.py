"""A persona model trained in seconds on the tiny test model, for tests of what comes after
training (evaluation, the arena, activation).

settings = tiny_settings(tmp_path, db_url, tiny_model_dir)    # transformers engine, tiny model
model_id = train_tiny_persona(engine, settings, tmp_path)     # persona "mags", 30 dated posts
"""

from __future__ import annotations

from pathlib import Path

from persona_corpus import make_persona
from sqlalchemy import Engine

from likeness.core.settings import Settings
from likeness.trainer.recipes.base import RunContext
from likeness.trainer.runner import run_training

MAGS_POSTS = [
    f"The fog came in early on day {day}. Tea, then the lamp, then more tea." for day in range(30)
]
#: Two steps: enough for an adapter with files, a manifest and a copy index.
TINY_RUN = {"max_steps": 2, "batch_size": 4, "max_length": 256, "evaluate": False}


def tiny_settings(tmp_path: Path, db_url: str, tiny_model_dir: Path) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        database_url=db_url,
        model=str(tiny_model_dir),
        engine="transformers",
    )


def train_tiny_persona(
    engine: Engine,
    settings: Settings,
    tmp_path: Path,
    *,
    slug: str = "mags",
    posts: list[str] | None = None,
    run: str = "run",
) -> str:
    """Make the persona (one post a day) and train a two-step persona-sft adapter; its id."""
    corpus = make_persona(engine, slug)
    for day, text in enumerate(posts or MAGS_POSTS):
        corpus.add(text, day=day)
    ctx = RunContext(run_dir=tmp_path / run, data_dir=settings.data_dir, device="cpu")
    return run_training(engine, settings, "persona-sft", slug, TINY_RUN, ctx).model_id
