"""A finished run's artifact: its folder, its manifest, its row in the ``models`` table.

The manifest (``likeness.json`` next to the weights) and the table row carry the same facts:
base model id, chat template hash, tokenizer hash, dataset hash, recipe config and metrics —
so an adapter is only ever served on the base and template it was trained with, and any model
can be traced back to the exact rows it learned from. The row is written through the model
registry (``likeness.core.registry``), which owns the table.

A normaliser also records the normaliser prompt version its dataset was built with
(``config["prompt_version"]``, from the dataset's ``dataset.json``): inference serves it with
exactly that prompt (``registry.trained_prompt_version``).
"""

from __future__ import annotations

import hashlib
import json
import os
import uuid
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from likeness.core import registry
from likeness.core.chat import chat_template_sha256
from likeness.core.db.models import Dataset
from likeness.core.prompts import NORMALIZER_PROMPT_VERSION
from likeness.core.registry import ModelKind

MANIFEST = "likeness.json"


def tokenizer_sha256(tokenizer: Any) -> str:
    """sha256 of the tokenizer's vocabulary and merges (its serialised form when it has one)."""
    backend = getattr(tokenizer, "backend_tokenizer", None)
    if backend is not None:
        text = backend.to_str()
    else:
        text = json.dumps(tokenizer.get_vocab(), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(slots=True)
class Artifact:
    kind: ModelKind | str
    recipe: str
    persona: str
    base_model: str
    path: Path
    chat_template_sha256: str
    tokenizer_sha256: str
    dataset_sha256: str
    dataset_id: str
    config: dict[str, Any]
    metrics: dict[str, float] = field(default_factory=dict)
    id: str = field(default_factory=lambda: uuid.uuid4().hex)
    created_at: str = field(default_factory=lambda: datetime.now(UTC).isoformat())

    def manifest(self) -> dict[str, Any]:
        data = asdict(self)
        data["path"] = str(self.path)
        return data


def describe(tokenizer: Any) -> tuple[str, str]:
    """(chat template sha256, tokenizer sha256) of a tokenizer."""
    return chat_template_sha256(tokenizer), tokenizer_sha256(tokenizer)


def write_manifest(artifact: Artifact) -> Path:
    artifact.path.mkdir(parents=True, exist_ok=True)
    target = artifact.path / MANIFEST
    staging = target.with_suffix(".tmp")
    staging.write_text(json.dumps(artifact.manifest(), indent=2, sort_keys=True), "utf-8")
    os.replace(staging, target)
    return target


def read_manifest(path: Path) -> dict[str, Any]:
    return json.loads((path / MANIFEST).read_text("utf-8"))


def dataset_prompt_versions(db: Engine, dataset_id: str) -> dict[str, str]:
    """The prompt versions a built dataset's rows were rendered with (its ``dataset.json``),
    e.g. ``{"normalizer": "normalizer-v2"}``; empty when the dataset or its folder is gone."""
    with Session(db) as session:
        path = session.scalar(select(Dataset.path).where(Dataset.id == dataset_id))
    if not path:
        return {}
    try:
        info = json.loads((Path(path) / "dataset.json").read_text("utf-8"))
    except (OSError, ValueError):
        return {}
    versions = info.get("prompt_versions") or {}
    return {str(k): str(v) for k, v in versions.items()} if isinstance(versions, dict) else {}


def _with_prompt_version(db: Engine, artifact: Artifact) -> Artifact:
    """A normaliser's config records the normaliser prompt version it was trained on: the one
    its dataset was built with (as ``datasets.spec.normalizer_prompt_version`` reads it: the
    recorded one, else the one the recipe asked for, else the current one)."""
    if artifact.kind != ModelKind.NORMALIZER:
        return artifact
    version = (
        dataset_prompt_versions(db, artifact.dataset_id).get("normalizer")
        or artifact.config.get("prompt_version")
        or NORMALIZER_PROMPT_VERSION
    )
    artifact.config = {**artifact.config, "prompt_version": version}
    return artifact


def register(db: Engine, artifact: Artifact) -> str:
    """Write the manifest and add the artifact to the registry (inactive); returns its id."""
    artifact = _with_prompt_version(db, artifact)
    write_manifest(artifact)
    return registry.register(
        db,
        registry.NewModel(
            id=artifact.id,
            kind=artifact.kind,
            persona=artifact.persona,
            base_model=artifact.base_model,
            adapter_path=str(artifact.path),
            chat_template_sha256=artifact.chat_template_sha256,
            tokenizer_sha256=artifact.tokenizer_sha256,
            dataset_sha256=artifact.dataset_sha256,
            config={**artifact.config, "recipe": artifact.recipe},
            metrics=artifact.metrics,
        ),
    )
