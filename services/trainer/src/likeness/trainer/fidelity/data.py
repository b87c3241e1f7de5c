"""What a model's evaluation reads: the posts it trained on, its held-out posts with the request
each one answers, and other authors' posts.

    data = evaluation_data(db, model, max_heldout=100, seed=0)

The rows come from the datasets the model's run trained on (its ``run.json``, else the dataset
its manifest names), so the held-out posts are exactly the time-split posts that run never saw,
and the requests are the ones its chat rows were built with ("Write a post about <topics>", the
serving request). Plain-text rows get a request from the same topic extractor. Other authors'
posts (the other personas in the database) are negatives for the style judge.

A mix persona's rows name their source persona (``meta.source``): ``mix`` lists the sources,
``train_sources`` and ``HeldoutPost.source`` say whose each post is, the held-out sample takes
the sources in turn (``fidelity.mix.round_robin``), and the sources are not "other authors".
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from likeness.core.dataset_rows import training_text
from likeness.core.db.models import Dataset, Persona, Post
from likeness.core.mix import mix_sources
from likeness.core.personas import get_persona
from likeness.core.prompts import persona_post_request
from likeness.core.registry import ModelInfo
from likeness.trainer.artifacts import MANIFEST
from likeness.trainer.datasets.spec import BuiltDataset
from likeness.trainer.fidelity.mix import round_robin
from likeness.trainer.runner import PLAN
from likeness.trainer.topics import extract_topics, topics_phrase

#: The dataset kinds whose rows are the persona's own posts (synthetic Q&A answers are not).
POST_KINDS = ("persona-chat", "persona-completion", "persona-essay")
#: Other authors' posts read as negatives, at most (a random sample, seeded).
MAX_OTHER_POSTS = 2000


class NoEvaluationData(ValueError):
    """The model's run left nothing to evaluate on (no held-out posts, datasets gone)."""


@dataclass(frozen=True, slots=True)
class HeldoutPost:
    text: str
    request: str  # the user turn that asks for a post on its topics
    post_id: str = ""  # the post (its row's ``meta``); "" when the row names none
    source: str = ""  # a mix persona's post: its source persona


@dataclass(slots=True)
class EvaluationData:
    persona: str
    card: str
    train_texts: list[str]  # every post text the model trained on
    train_requests: list[str]  # the requests of its training rows (topic-matched negatives)
    heldout: list[HeldoutPost]  # a seeded sample, at most ``max_heldout``
    others: list[str] = field(default_factory=list)  # other authors' posts
    datasets: list[str] = field(default_factory=list)  # ids of the datasets read
    mix: list[str] = field(default_factory=list)  # a mix persona's sources (none: its own posts)
    train_sources: list[str] = field(default_factory=list)  # per training text: its source


def _run_datasets(model: ModelInfo, db: Engine) -> list[BuiltDataset]:
    """The datasets the model's run trained on: its plan when the run folder is still there,
    else the one dataset its manifest (or registry row) names."""
    folder = Path(model.adapter_path or "")
    plan = folder.parent / PLAN
    if plan.is_file():
        entries = json.loads(plan.read_text("utf-8")).get("datasets") or []
        return [BuiltDataset(**{**entry, "dir": Path(entry["dir"])}) for entry in entries]
    dataset_id = ""
    manifest = folder / MANIFEST
    if manifest.is_file():
        dataset_id = str(json.loads(manifest.read_text("utf-8")).get("dataset_id") or "")
    if not dataset_id:
        return []
    with Session(db) as session:
        row = session.get(Dataset, dataset_id)
        if row is None or not row.path:
            return []
        return [
            BuiltDataset(
                id=row.id,
                kind=row.kind,
                persona=model.persona,
                sha256=row.content_sha256,
                spec=dict(row.spec or {}),
                dir=Path(row.path),
                train_rows=row.train_rows,
                heldout_rows=row.heldout_rows,
            )
        ]


def _post_and_request(row: dict[str, Any]) -> tuple[str, str]:
    """(the post, the request it answers) of a persona dataset row."""
    if "messages" in row:
        messages = row["messages"]
        users = [m["content"] for m in messages if m.get("role") == "user"]
        return messages[-1]["content"], users[-1] if users else ""
    text = str(row.get("text") or "")
    return text, persona_post_request(topics_phrase(extract_topics(text)))


def _rows(dataset: BuiltDataset, split: str) -> Iterator[dict[str, Any]]:
    if dataset.path(split).exists():  # type: ignore[arg-type]
        yield from dataset.rows(split)  # type: ignore[arg-type]


def other_authors_posts(
    db: Engine, persona: str, *, limit: int, seed: int, exclude: Sequence[str] = ()
) -> list[str]:
    """Up to ``limit`` posts of every other persona (not ``persona``, none of ``exclude``: a
    mix's sources), a seeded random sample (the ids are drawn first, so a large corpus is never
    read whole)."""
    others = select(Post.id).join(Persona, Persona.id == Post.persona_id)
    mine = [persona, *exclude]
    with Session(db) as session:
        ids = list(session.scalars(others.where(Persona.slug.not_in(mine)).order_by(Post.id)))
        chosen = random.Random(seed).sample(ids, min(limit, len(ids)))
        texts: list[str] = []
        for start in range(0, len(chosen), 500):
            query = select(Post.clean_text, Post.normalized_text).where(
                Post.id.in_(chosen[start : start + 500])
            )
            texts.extend(
                t
                for clean, normalized in session.execute(query)
                if (t := training_text(clean, normalized))
            )
    return texts


def evaluation_data(
    db: Engine, model: ModelInfo, *, max_heldout: int, seed: int = 0
) -> EvaluationData:
    """The evaluation's view of ``model``'s training data (see the module docstring). Raises
    NoEvaluationData when its datasets are gone or hold no held-out post."""
    datasets = [d for d in _run_datasets(model, db) if d.kind in POST_KINDS]
    if not datasets:
        raise NoEvaluationData(
            f"model {model.id}: the datasets it trained on are gone (or hold none of the "
            "persona's posts); nothing to evaluate it on"
        )
    train_texts: list[str] = []
    train_requests: list[str] = []
    train_sources: list[str] = []
    heldout: dict[str, HeldoutPost] = {}
    for dataset in datasets:
        for row in _rows(dataset, "train"):
            text, request = _post_and_request(row)
            if text.strip():
                train_texts.append(text)
                train_requests.append(request)
                train_sources.append(str((row.get("meta") or {}).get("source") or ""))
        if dataset.kind == "persona-essay":
            continue  # long-form chunks are not posts to ask for by topic
        for row in _rows(dataset, "heldout"):
            text, request = _post_and_request(row)
            meta = row.get("meta") or {}
            post_id, source = str(meta.get("post_id") or ""), str(meta.get("source") or "")
            if text.strip():
                heldout.setdefault(text, HeldoutPost(text, request, post_id, source))
    if not heldout:
        raise NoEvaluationData(
            f"model {model.id}: its datasets hold no held-out posts (the persona's newest "
            "posts are held out when a dataset is built; import more, or rebuild with a "
            "larger heldout_fraction)"
        )
    sample = list(heldout.values())
    random.Random(seed).shuffle(sample)
    with Session(db) as session:
        persona = get_persona(session, model.persona)
        card, defined = persona.card, mix_sources(persona.settings)
    # The sources the rows name (in the persona's order), whatever its mix is now.
    seen = set(train_sources) - {""}
    mix = [s for s in defined if s in seen] + sorted(seen - set(defined))
    if mix:
        sample = round_robin(sample)
    return EvaluationData(
        persona=model.persona,
        card=card,
        train_texts=train_texts,
        train_requests=train_requests,
        heldout=sample[:max_heldout],
        others=other_authors_posts(
            db, model.persona, limit=MAX_OTHER_POSTS, seed=seed, exclude=[*defined, *mix]
        ),
        datasets=[d.id for d in datasets],
        mix=mix,
        train_sources=train_sources,
    )
