"""Build a dataset from the database: rows, content hash, files on disk, a ``datasets`` row.

    dataset = build_dataset(db, DatasetSpec(kind="persona-chat", persona="alice"), data_dir)
    dataset = await build_dataset_async(db, spec, data_dir, generator=engine)  # persona-qa

Steps: give new posts their split (``likeness.core.split``), build the train and held-out
rows (oldest first), keep the newest ``spec.limit`` training rows, hash the rows' content, and
write them to ``<data_dir>/datasets/<persona>/<kind>-<sha[:12]>/``:

- ``train.jsonl``, ``heldout.jsonl``: the rows, each with a ``meta`` object (post id, date);
- ``train.trl.jsonl``, ``heldout.trl.jsonl``: the same rows without ``meta``, as TRL reads them
  (conversational, prompt/chosen/rejected, or text);
- ``train.openai.jsonl`` (and ``heldout.openai.jsonl`` when there are held-out rows) for chat and
  preference kinds: OpenAI fine-tuning JSONL (supervised or DPO), to train elsewhere;
- ``spec.json`` (the spec) and ``dataset.json`` (id, hash, counts, generator, prompt versions:
  for the normaliser kinds the normaliser prompt version the rows were built with).

The hash covers the rows' content only (canonical JSON, no ``meta``), so identical content is
the same dataset: a rebuild reuses the folder and the table row. The folder is written under a
temporary name and renamed into place, so a reader never sees half a dataset.
"""

from __future__ import annotations

import asyncio
import hashlib
import json
import os
import shutil
import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NoReturn

from sqlalchemy import Engine
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from likeness.core.dataset_formats import jsonl, openai_row, trl_row
from likeness.core.dataset_rows import EmptyDataset, PersonaInfo, Row, SplitRows, load_persona
from likeness.core.db.models import Dataset
from likeness.core.mix import mix_sources
from likeness.core.normalizer_rows import normalizer_pref_rows, normalizer_sft_rows
from likeness.core.prompts import PERSONA_POST_PROMPT_VERSION, QA_QUESTION_PROMPT_VERSION
from likeness.core.split import assign_split
from likeness.inference.engines.base import Engine as GenerationEngine
from likeness.trainer.datasets.persona import (
    persona_chat_rows,
    persona_completion_rows,
    persona_essay_rows,
    persona_posts,
)
from likeness.trainer.datasets.spec import (
    CHAT_KINDS,
    NORMALIZER_KINDS,
    PREFERENCE_KINDS,
    BuiltDataset,
    DatasetSpec,
)
from likeness.trainer.datasets.synthetic_qa import generate_questions, persona_qa_rows

RowBuilder = Callable[[Engine, PersonaInfo, DatasetSpec], SplitRows]


def _normalizer_sft(db: Engine, persona: PersonaInfo, spec: DatasetSpec) -> SplitRows:
    rows = normalizer_sft_rows(db, persona, spec.normalizer_prompt_version)
    return rows.require_train("no normaliser examples to train on")


def _normalizer_prefs(db: Engine, persona: PersonaInfo, spec: DatasetSpec) -> SplitRows:
    rows = normalizer_pref_rows(db, persona, spec.normalizer_prompt_version)
    return rows.require_train("no preference pairs to train on")


ROW_BUILDERS: dict[str, RowBuilder] = {
    "persona-chat": persona_chat_rows,
    "persona-completion": persona_completion_rows,
    "persona-essay": persona_essay_rows,
    "normalizer-sft": _normalizer_sft,
    "normalizer-prefs": _normalizer_prefs,
}
PROMPT_VERSIONS = {
    "persona-chat": {"persona_post": PERSONA_POST_PROMPT_VERSION},
    "persona-qa": {"qa_question": QA_QUESTION_PROMPT_VERSION},
}


def prompt_versions(spec: DatasetSpec) -> dict[str, str]:
    """The prompt versions a dataset's rows are built with (recorded in ``dataset.json``)."""
    if spec.kind in NORMALIZER_KINDS:
        return {"normalizer": spec.normalizer_prompt_version}
    return dict(PROMPT_VERSIONS.get(spec.kind, {}))


QA_KIND = "persona-qa"
GENERATED_KINDS = frozenset({QA_KIND})  # written by a generator model


@dataclass(frozen=True, slots=True)
class _Built:
    """Rows ready to publish, and what made them."""

    persona: PersonaInfo
    rows: SplitRows
    generator: str | None = None


def build_dataset(
    db: Engine,
    spec: DatasetSpec,
    data_dir: Path,
    *,
    generator: GenerationEngine | None = None,
) -> BuiltDataset:
    """Build (or reuse) the dataset ``spec`` describes; see the module docstring.

    Raises PersonaNotFound for an unknown persona and EmptyDataset (a ValueError) when there
    is nothing to train on. ``persona-qa`` needs a started ``generator``; from inside a running
    event loop, use ``build_dataset_async`` instead (an engine belongs to its loop).
    """
    if spec.kind == QA_KIND:
        if generator is None:
            _no_generator(db, spec)
        try:
            asyncio.get_running_loop()
        except RuntimeError:
            return asyncio.run(build_dataset_async(db, spec, data_dir, generator=generator))
        raise RuntimeError(
            "build_dataset cannot generate questions inside a running event loop; "
            "await build_dataset_async(...) instead"
        )
    persona = _prepare(db, spec)
    return _publish(db, spec, _Built(persona, ROW_BUILDERS[spec.kind](db, persona, spec)), data_dir)


async def build_dataset_async(
    db: Engine,
    spec: DatasetSpec,
    data_dir: Path,
    *,
    generator: GenerationEngine | None = None,
) -> BuiltDataset:
    """``build_dataset`` for async callers: the generator runs on the caller's event loop and
    the database and file work in a thread."""
    if spec.kind != QA_KIND:
        return await asyncio.to_thread(build_dataset, db, spec, data_dir)
    if generator is None:
        await asyncio.to_thread(_no_generator, db, spec)
        raise AssertionError("unreachable")
    persona = await asyncio.to_thread(_prepare, db, spec)
    posts = await asyncio.to_thread(persona_posts, db, persona, spec)
    questions = await generate_questions(generator, [post.text for post in posts])
    built = _Built(persona, persona_qa_rows(persona, posts, questions), generator.model_id)
    return await asyncio.to_thread(_publish, db, spec, built, data_dir)


def _no_generator(db: Engine, spec: DatasetSpec) -> NoReturn:
    load_persona(db, spec.persona)  # an unknown persona is the first thing to report
    raise EmptyDataset(
        f"a {QA_KIND} dataset is written by a generator model and none was given: pass "
        "generator=<a started inference engine> (e.g. the default model's)"
    )


def _prepare(db: Engine, spec: DatasetSpec) -> PersonaInfo:
    persona = load_persona(db, spec.persona)
    # A mix persona's rows are its sources' posts, each source split on its own.
    for slug in [persona.slug, *mix_sources(persona.settings)]:
        assign_split(db, slug, spec.heldout_fraction)
    return persona


# --- content hash and files --------------------------------------------------------------


def _canonical(row: Row) -> str:
    return json.dumps(trl_row(row), sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def content_sha256(train: Iterable[Row], heldout: Iterable[Row]) -> str:
    """sha256 of the rows' canonical JSON (no ``meta``), train then held-out; the section
    markers make moving a row from one file to the other change the hash."""
    digest = hashlib.sha256()
    for name, rows in (("train", train), ("heldout", heldout)):
        digest.update(f"{name}\n".encode())
        for row in rows:
            digest.update(_canonical(row).encode())
            digest.update(b"\n")
    return digest.hexdigest()


def dataset_id(kind: str, persona: str, sha256: str) -> str:
    return hashlib.sha256(f"{kind}|{persona}|{sha256}".encode()).hexdigest()[:32]


def _files(spec: DatasetSpec, built: _Built, info: dict[str, Any]) -> dict[str, str]:
    train, heldout = built.rows.train, built.rows.heldout
    files = {
        "train.jsonl": jsonl(train),
        "heldout.jsonl": jsonl(heldout),
        "train.trl.jsonl": jsonl(trl_row(r) for r in train),
        "heldout.trl.jsonl": jsonl(trl_row(r) for r in heldout),
        "spec.json": json.dumps(spec.model_dump(mode="json"), indent=2, sort_keys=True) + "\n",
        "dataset.json": json.dumps(info, indent=2, sort_keys=True) + "\n",
    }
    if spec.kind in CHAT_KINDS or spec.kind in PREFERENCE_KINDS:
        files["train.openai.jsonl"] = jsonl(openai_row(r) for r in train)
        if heldout:  # OpenAI rejects an empty validation file
            files["heldout.openai.jsonl"] = jsonl(openai_row(r) for r in heldout)
    return files


def _write_once(directory: Path, files: dict[str, str]) -> None:
    """Write the folder under a temporary name, then rename it into place; when it already
    exists (built before, or by a concurrent build of the same content), keep that one."""
    if directory.is_dir():
        return
    directory.parent.mkdir(parents=True, exist_ok=True)
    staging = directory.with_name(f".{directory.name}.{uuid.uuid4().hex[:8]}.tmp")
    try:
        staging.mkdir()
        for name, text in files.items():
            (staging / name).write_text(text, encoding="utf-8")
        try:
            os.rename(staging, directory)
        except OSError:
            if not directory.is_dir():
                raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _register(db: Engine, dataset: BuiltDataset, persona_id: int) -> None:
    """Add the ``datasets`` row, or point the existing one (same content) at this folder."""
    try:
        with Session(db) as session, session.begin():
            row = session.get(Dataset, dataset.id)
            if row is None:
                session.add(
                    Dataset(
                        id=dataset.id,
                        persona_id=persona_id,
                        kind=dataset.kind,
                        spec=dataset.spec,
                        content_sha256=dataset.sha256,
                        train_rows=dataset.train_rows,
                        heldout_rows=dataset.heldout_rows,
                        path=str(dataset.dir),
                    )
                )
            elif row.path != str(dataset.dir):
                row.path = str(dataset.dir)
    except IntegrityError:
        pass  # a concurrent build of the same content registered it first


def _publish(db: Engine, spec: DatasetSpec, built: _Built, data_dir: Path) -> BuiltDataset:
    rows = built.rows
    if spec.limit is not None and len(rows.train) > spec.limit:
        rows = SplitRows(rows.train[-spec.limit :], rows.heldout)  # rows are oldest first
        built = _Built(built.persona, rows, built.generator)
    slug = built.persona.slug
    if not slug or slug.startswith(".") or "/" in slug or os.sep in slug:
        raise ValueError(f"persona slug {slug!r} cannot name a folder")
    sha = content_sha256(rows.train, rows.heldout)
    built_id = dataset_id(spec.kind, slug, sha)
    directory = Path(data_dir) / "datasets" / slug / f"{spec.kind}-{sha[:12]}"
    dataset = BuiltDataset(
        id=built_id,
        kind=spec.kind,
        persona=slug,
        sha256=sha,
        spec=spec.model_dump(mode="json"),
        dir=directory,
        train_rows=len(rows.train),
        heldout_rows=len(rows.heldout),
    )
    info = {
        "id": built_id,
        "kind": spec.kind,
        "persona": slug,
        "sha256": sha,
        "train_rows": dataset.train_rows,
        "heldout_rows": dataset.heldout_rows,
        "generator": built.generator,
        "prompt_versions": prompt_versions(spec),
    }
    _write_once(directory, _files(spec, built, info))
    _register(db, dataset, built.persona.id)
    return dataset
