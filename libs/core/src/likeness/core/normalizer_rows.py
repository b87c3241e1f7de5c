"""Normaliser rows from human judgments: SFT examples and preference pairs.

- ``normalizer-sft``: ``normalizer_messages(post.clean_text)`` + the text the person stood
  behind (an accepted proposal, an edit, their own text).
- ``normalizer-prefs``: the same prompt; ``chosen`` = that text, ``rejected`` = each text it
  beat (one row per pair; a "rejected" text equal to the chosen one is no preference).

The prompt is built by ``likeness.core.prompts.normalizer_messages`` from the post's stored
cleaned text, untouched, so it is byte for byte what the normaliser sees when it proposes
candidates and when it normalises the corpus. A judgment goes to the split of its post.

When an annotator judged the same post more than once, their latest decision stands: an
earlier one they changed their mind about would otherwise contradict it.

In core because the trainer (datasets) and the labeler (Export) build exactly these rows.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from likeness.core.dataset_rows import (
    EmptyDataset,
    PersonaInfo,
    Row,
    SplitRows,
    assistant,
    post_meta,
    time_order,
)
from likeness.core.db.models import Judgment, Post
from likeness.core.prompts import normalizer_messages

CHOOSING_ACTIONS = frozenset({"accept", "edit", "own"})


@dataclass(frozen=True, slots=True)
class LabeledPost:
    """A judgment with a chosen text, and the post it is about."""

    judgment_id: str
    post_id: str
    post_created_at: datetime | None
    split: str | None
    clean_text: str
    chosen: str
    rejected: tuple[str, ...]  # stripped, without empties and without the chosen text


def labeled_posts(db: Engine, persona: PersonaInfo) -> list[LabeledPost]:
    """The persona's judgments that chose a text (latest per annotator and post), in post
    order (date, id), then judgment order."""
    query = (
        select(
            Judgment.id,
            Judgment.annotator,
            Judgment.action,
            Judgment.chosen,
            Judgment.rejected,
            Judgment.created_at,
            Post.id,
            Post.created_at,
            Post.split,
            Post.clean_text,
        )
        .join(Post, Post.id == Judgment.post_id)
        .where(Judgment.persona_id == persona.id, Post.persona_id == persona.id)
    )
    with Session(db) as session:
        judgments = list(session.execute(query))
        if not judgments:
            raise EmptyDataset(
                f"no judgments yet for persona {persona.slug!r}: label some posts first"
            )
    judgments.sort(key=lambda j: time_order(j[5], j[0]))
    latest = {(j[6], j[1]): j for j in judgments}
    labeled: list[tuple[tuple[object, ...], LabeledPost]] = []
    for jid, _who, action, chosen, rejected, when, pid, post_when, split, clean in latest.values():
        chosen = (chosen or "").strip()
        if action not in CHOOSING_ACTIONS or not chosen:
            continue
        others = tuple(dict.fromkeys(t.strip() for t in rejected or [] if isinstance(t, str)))
        others = tuple(t for t in others if t and t != chosen)
        order = (*time_order(post_when, pid), *time_order(when, jid))
        labeled.append((order, LabeledPost(jid, pid, post_when, split, clean, chosen, others)))
    if not labeled:
        raise EmptyDataset(
            f"none of the {len(latest)} judgments of persona {persona.slug!r} chose a text "
            "(all rejected everything): accept, edit or write a version of some posts first"
        )
    labeled.sort(key=lambda item: item[0])
    return [item for _order, item in labeled]


def _meta(label: LabeledPost) -> dict[str, object]:
    return post_meta(label.post_id, label.post_created_at, judgment_id=label.judgment_id)


def normalizer_sft_rows(db: Engine, persona: PersonaInfo) -> SplitRows:
    rows = SplitRows()
    seen: set[tuple[str, str]] = set()
    for label in labeled_posts(db, persona):
        if (label.post_id, label.chosen) in seen:  # two annotators agreeing: one example
            continue
        seen.add((label.post_id, label.chosen))
        row: Row = {"messages": [*normalizer_messages(label.clean_text), assistant(label.chosen)]}
        rows.add(label.split, {**row, "meta": _meta(label)})
    return rows.require_train("no normaliser examples to train on")


def normalizer_pref_rows(db: Engine, persona: PersonaInfo) -> SplitRows:
    rows = SplitRows()
    seen: set[tuple[str, str, str]] = set()
    for label in labeled_posts(db, persona):
        for rejected in label.rejected:
            if (label.post_id, label.chosen, rejected) in seen:
                continue
            seen.add((label.post_id, label.chosen, rejected))
            row: Row = {
                "prompt": normalizer_messages(label.clean_text),
                "chosen": [assistant(label.chosen)],
                "rejected": [assistant(rejected)],
            }
            rows.add(label.split, {**row, "meta": _meta(label)})
    if not rows.train and not rows.heldout:
        raise EmptyDataset(
            f"no preference pairs for persona {persona.slug!r}: no judgment that chose a text "
            "also rejected a different one; accept or edit proposals while alternatives are shown"
        )
    return rows.require_train("no preference pairs to train on")
