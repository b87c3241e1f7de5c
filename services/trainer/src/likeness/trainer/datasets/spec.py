"""What a dataset is: its spec, its rows on disk, its content hash.

Row shapes (one JSON object per line, the formats TRL and other tools read):

- ``persona-chat``, ``persona-qa``, ``normalizer-sft``: conversational,
  ``{"messages": [{"role": "system", ...}, {"role": "user", ...}, {"role": "assistant", ...}]}``;
  the last message is the target, everything before it is the prompt.
- ``persona-completion``, ``persona-essay``: plain text, ``{"text": "..."}``.
- ``normalizer-prefs``: conversational preference,
  ``{"prompt": [system, user], "chosen": [assistant], "rejected": [assistant]}``, the pair's
  weight in ``meta.weight`` (TRL's DPO and reward trainers read no per-example weight).

The normaliser kinds are built with one normaliser prompt version (``prompt_version``, the
current one unless a spec names another); ``dataset.json`` records it, and a recipe that
rebuilds prompts from the rows' posts reads it back (``normalizer_prompt_version``).

Every row may carry a ``"meta"`` object (post id, created_at, …) that no trainer reads. The
held-out rows are the newest posts (a time-based split stored on the posts themselves), and
they live in their own file that no training job opens for training.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

from pydantic import BaseModel, ConfigDict, Field, model_validator

from likeness.core.prompts import NORMALIZER_PROMPT_VERSION, NORMALIZER_PROMPT_VERSIONS
from likeness.core.split import DEFAULT_HELDOUT_FRACTION
from likeness.trainer.topics import TopicExtractor

DatasetKind = Literal[
    "persona-chat",
    "persona-completion",
    "persona-essay",
    "persona-qa",
    "normalizer-sft",
    "normalizer-prefs",
]
CHAT_KINDS = frozenset({"persona-chat", "persona-qa", "normalizer-sft"})
TEXT_KINDS = frozenset({"persona-completion", "persona-essay"})
PREFERENCE_KINDS = frozenset({"normalizer-prefs"})
NORMALIZER_KINDS = frozenset({"normalizer-sft", "normalizer-prefs"})
Split = Literal["train", "heldout"]
T = TypeVar("T")


# The persona recipe's chat requests, chosen by bench/chat_recipe.py (make bench-chat-recipe) on the
# real Trump corpus (400 posts, one epoch, one shared judge): 30% question turns with yake topics
# scored attribution 96.7% for posts and 87.5% for chat answers (posts only, builtin: 85.0% /
# 68.8%; questions with builtin topics: 88.3% / 78.1%), and yake's requests leave the base model a
# perplexity of 25.6 on held-out posts against 34.7 for builtin's (they say more about the post).
DEFAULT_TOPIC_EXTRACTOR: TopicExtractor = "yake"
DEFAULT_QUESTION_SHARE = 0.3

TopicExtractorField = Annotated[
    TopicExtractor,
    Field(description="How a post's topics are found: builtin (RAKE-like) or yake."),
]
QuestionShare = Annotated[
    float,
    Field(
        ge=0,
        le=1,
        description="Share of persona-chat training posts asked as a question about their "
        "topics ('What's your take on …?') instead of 'Write a post about …' (held-out rows "
        "keep the post request); teaches a persona to answer in its own voice.",
    ),
]


class DatasetSpec(BaseModel):
    """Everything that decides a dataset's rows; stored with it (and hashed into its id)."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    kind: DatasetKind
    persona: str
    heldout_fraction: float = Field(
        DEFAULT_HELDOUT_FRACTION,
        ge=0,
        lt=1,
        description="Newest fraction of posts kept out of training.",
    )
    limit: int | None = Field(None, ge=1, description="At most N training rows (newest kept).")
    kept_only: bool = Field(True, description="Leave out posts the persona's exclusions flag.")
    min_chars: int = Field(1, ge=0, description="Skip texts shorter than this.")
    max_topics: int = Field(3, ge=1, le=10, description="Topics named in a chat request.")
    topic_extractor: TopicExtractorField = DEFAULT_TOPIC_EXTRACTOR
    question_share: QuestionShare = DEFAULT_QUESTION_SHARE
    essay_chunk_chars: int = Field(1500, ge=200, description="Characters per essay chunk.")
    prompt_version: str | None = Field(
        None,
        description="Normaliser prompt version of a normaliser dataset's rows "
        f"({', '.join(NORMALIZER_PROMPT_VERSIONS)}); empty = the current one.",
    )

    @model_validator(mode="after")
    def _known_prompt_version(self) -> DatasetSpec:
        if self.prompt_version is None:
            return self
        if self.kind not in NORMALIZER_KINDS:
            raise ValueError(f"prompt_version is for normaliser datasets, not {self.kind!r}")
        if self.prompt_version not in NORMALIZER_PROMPT_VERSIONS:
            known = ", ".join(NORMALIZER_PROMPT_VERSIONS)
            raise ValueError(f"unknown prompt_version {self.prompt_version!r}; known: {known}")
        return self

    @property
    def normalizer_prompt_version(self) -> str:
        """The normaliser prompt version the rows are built with."""
        return self.prompt_version or NORMALIZER_PROMPT_VERSION


@dataclass(frozen=True, slots=True)
class BuiltDataset:
    id: str
    kind: str
    persona: str
    sha256: str  # of the train and held-out rows' content, in order
    spec: dict[str, Any]
    dir: Path
    train_rows: int
    heldout_rows: int

    @property
    def train_path(self) -> Path:
        return self.dir / "train.jsonl"

    @property
    def heldout_path(self) -> Path:
        return self.dir / "heldout.jsonl"

    def path(self, split: Split) -> Path:
        return self.train_path if split == "train" else self.heldout_path

    def rows(self, split: Split = "train") -> Iterator[dict[str, Any]]:
        with self.path(split).open(encoding="utf-8") as handle:
            for line in handle:
                if line.strip():
                    yield json.loads(line)

    def rows_if_any(self, split: Split) -> list[dict[str, Any]]:
        """The split's rows, or none when it has no file (a dataset with no held-out part)."""
        return list(self.rows(split)) if self.path(split).exists() else []

    def prompt_versions(self) -> dict[str, str]:
        """The prompt versions its rows were built with, as ``dataset.json`` records them
        (none for a folder without one, e.g. written by hand)."""
        info = self.dir / "dataset.json"
        if not info.is_file():
            return {}
        return dict(json.loads(info.read_text(encoding="utf-8")).get("prompt_versions") or {})


def normalizer_prompt_version(datasets: list[BuiltDataset]) -> str:
    """The normaliser prompt version the normaliser datasets among ``datasets`` were built
    with (recorded in ``dataset.json``, else named by the spec, else the current one); a
    ValueError when they were built with different ones (their prompts would disagree)."""
    versions = {
        d.prompt_versions().get("normalizer")
        or d.spec.get("prompt_version")
        or NORMALIZER_PROMPT_VERSION
        for d in datasets
        if d.kind in NORMALIZER_KINDS
    }
    if len(versions) > 1:
        raise ValueError(
            f"the normaliser datasets were built with different prompt versions "
            f"({', '.join(sorted(versions))}); build them with one prompt_version"
        )
    return versions.pop() if versions else NORMALIZER_PROMPT_VERSION


def the_dataset(datasets: list[BuiltDataset], kind: str) -> BuiltDataset:
    """The dataset of ``kind`` among a recipe's datasets, for a recipe that reads that one."""
    found = next((d for d in datasets if d.kind == kind), None)
    if found is None:
        raise ValueError(f"this recipe needs a {kind!r} dataset; got {[d.kind for d in datasets]}")
    return found


def newest(items: list[T], limit: int | None, split: Split) -> list[T]:
    """At most ``limit`` training items, the newest (rows are in time order), as a spec's
    ``limit`` keeps them; held-out items are never cut."""
    return items[-limit:] if limit and split == "train" else items
