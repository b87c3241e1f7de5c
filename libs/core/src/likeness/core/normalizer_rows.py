"""Normaliser rows from human judgments: SFT examples and preference pairs.

- ``normalizer-sft``: ``normalizer_messages(post.clean_text, version)`` + the text the person
  stood behind (an accepted proposal, an edit, their own text).
- ``normalizer-prefs``: the same prompt; ``chosen`` = that text, ``rejected`` = each text it
  beat (one row per pair; a "rejected" text equal to the chosen one is no preference), with the
  pair's ``weight`` in ``meta`` (see ``pair_weight``).

Which judgments count (the actions are ``likeness.labeler.types.Action``):

- ``accept``, ``edit``, ``own`` choose a text: one SFT row, and one pair per text it beat;
- ``reject`` (all) chooses nothing: no row and no pair (its proposals are kept as rejected
  only, in ``judgments.rejected``);
- ``skip`` is no decision, and a judgment the annotator undid (``undone_at`` set) no longer
  stands: both are left out entirely, as if they had never been made.

The prompt is built by ``likeness.core.prompts.normalizer_messages`` from the post's stored
cleaned text, untouched, so it is byte for byte what the normaliser sees when it proposes
candidates and when it normalises the corpus with that prompt version. The version is the
current one unless a caller asks for another (rows of an older version stay buildable, so a
model trained on them stays traceable and retrainable). A judgment goes to the split of its
post.

When an annotator judged the same post more than once, their latest standing decision counts:
an earlier one they changed their mind about would otherwise contradict it.

In core because the trainer (datasets) and the labeler (Export) build exactly these rows.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from rapidfuzz.distance import Levenshtein
from sqlalchemy import Engine, select
from sqlalchemy import Row as DbRow
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
from likeness.core.db.models import Judgment, Post, Proposal
from likeness.core.prompts import NORMALIZER_PROMPT_VERSION, normalizer_messages

CHOOSING_ACTIONS = frozenset({"accept", "edit", "own"})
SKIP_ACTION = "skip"
EDIT_ACTION = "edit"
# The least an edit counts against the proposal it started from: a one-character fix is still
# a preference, only a small one.
MIN_EDIT_WEIGHT = 0.1


@dataclass(frozen=True, slots=True)
class LabeledPost:
    """A standing judgment with a chosen text, and the post it is about."""

    judgment_id: str
    post_id: str
    post_created_at: datetime | None
    split: str | None
    clean_text: str
    chosen: str
    rejected: tuple[str, ...]  # stripped, without empties and without the chosen text
    edited: str | None = None  # for an edit: the proposal's text (stripped) it started from


def edit_weight(edit: str, proposal: str) -> float:
    """How much an edit changed the proposal it started from: the normalised Levenshtein
    distance (edits / length of the longer text, 0..1), at least ``MIN_EDIT_WEIGHT``."""
    return max(MIN_EDIT_WEIGHT, Levenshtein.normalized_distance(edit, proposal))


def pair_weight(label: LabeledPost, rejected: str) -> float:
    """The weight of the pair (``label.chosen`` beats ``rejected``): for an edit against the
    proposal it edits, how much was changed (``edit_weight``); every other pair 1."""
    if label.edited is not None and rejected == label.edited:
        return edit_weight(label.chosen, rejected)
    return 1.0


def _standing(judgments: list[DbRow[Any]], persona: PersonaInfo) -> list[DbRow[Any]]:
    """The judgments that are decisions still standing (no skips, nothing undone); an
    EmptyDataset that says why when there are none."""
    if not judgments:
        raise EmptyDataset(f"no judgments yet for persona {persona.slug!r}: label some posts first")
    standing = [j for j in judgments if j.action != SKIP_ACTION and j.undone_at is None]
    if not standing:
        raise EmptyDataset(
            f"all {len(judgments)} judgments of persona {persona.slug!r} were skipped or undone: "
            "accept, edit or write a version of some posts first"
        )
    return standing


def labeled_posts(db: Engine, persona: PersonaInfo) -> list[LabeledPost]:
    """The persona's standing judgments that chose a text (latest per annotator and post), in
    post order (date, id), then judgment order."""
    query = (
        select(
            Judgment.id,
            Judgment.annotator,
            Judgment.action,
            Judgment.chosen,
            Judgment.rejected,
            Judgment.created_at,
            Judgment.undone_at,
            Post.id.label("pid"),
            Post.created_at.label("post_created_at"),
            Post.split,
            Post.clean_text,
            Proposal.text.label("edited"),
        )
        .join(Post, Post.id == Judgment.post_id)
        .outerjoin(Proposal, Proposal.id == Judgment.proposal_id)
        .where(Judgment.persona_id == persona.id, Post.persona_id == persona.id)
    )
    with Session(db) as session:
        judgments = _standing(list(session.execute(query)), persona)
    judgments.sort(key=lambda j: time_order(j.created_at, j.id))
    latest = {(j.pid, j.annotator): j for j in judgments}
    labeled: list[tuple[tuple[object, ...], LabeledPost]] = []
    for j in latest.values():
        chosen = (j.chosen or "").strip()
        if j.action not in CHOOSING_ACTIONS or not chosen:
            continue
        others = tuple(dict.fromkeys(t.strip() for t in j.rejected or [] if isinstance(t, str)))
        others = tuple(t for t in others if t and t != chosen)
        edited = (j.edited or "").strip() if j.action == EDIT_ACTION and j.edited else None
        order = (*time_order(j.post_created_at, j.pid), *time_order(j.created_at, j.id))
        label = LabeledPost(
            j.id, j.pid, j.post_created_at, j.split, j.clean_text, chosen, others, edited
        )
        labeled.append((order, label))
    if not labeled:
        raise EmptyDataset(
            f"none of the {len(latest)} judgments of persona {persona.slug!r} chose a text "
            "(all rejected everything): accept, edit or write a version of some posts first"
        )
    labeled.sort(key=lambda item: item[0])
    return [item for _order, item in labeled]


def _meta(label: LabeledPost, prompt_version: str, **more: object) -> dict[str, object]:
    return post_meta(
        label.post_id,
        label.post_created_at,
        judgment_id=label.judgment_id,
        prompt_version=prompt_version,
        **more,
    )


def normalizer_sft_rows(
    db: Engine, persona: PersonaInfo, prompt_version: str = NORMALIZER_PROMPT_VERSION
) -> SplitRows:
    """One row per (post, chosen text); rows may all be held out (callers that train check
    with ``SplitRows.require_train``)."""
    prompt = _prompt_builder(prompt_version)
    rows = SplitRows()
    seen: set[tuple[str, str]] = set()
    for label in labeled_posts(db, persona):
        if (label.post_id, label.chosen) in seen:  # two annotators agreeing: one example
            continue
        seen.add((label.post_id, label.chosen))
        row: Row = {"messages": [*prompt(label.clean_text), assistant(label.chosen)]}
        rows.add(label.split, {**row, "meta": _meta(label, prompt_version)})
    return rows


def normalizer_pref_rows(
    db: Engine, persona: PersonaInfo, prompt_version: str = NORMALIZER_PROMPT_VERSION
) -> SplitRows:
    """One row per (post, chosen, rejected) with its weight in ``meta``; rows may all be held
    out (callers that train check with ``SplitRows.require_train``)."""
    prompt = _prompt_builder(prompt_version)
    rows = SplitRows()
    seen: set[tuple[str, str, str]] = set()
    for label in labeled_posts(db, persona):
        for rejected in label.rejected:
            if (label.post_id, label.chosen, rejected) in seen:
                continue
            seen.add((label.post_id, label.chosen, rejected))
            row: Row = {
                "prompt": prompt(label.clean_text),
                "chosen": [assistant(label.chosen)],
                "rejected": [assistant(rejected)],
            }
            meta = _meta(label, prompt_version, weight=pair_weight(label, rejected))
            rows.add(label.split, {**row, "meta": meta})
    if not rows.train and not rows.heldout:
        raise EmptyDataset(
            f"no preference pairs for persona {persona.slug!r}: no judgment that chose a text "
            "also rejected a different one; accept or edit proposals while alternatives are shown"
        )
    return rows


def _prompt_builder(version: str) -> Callable[[str], list[dict[str, str]]]:
    """``normalizer_messages`` at ``version``; an unknown version fails here, before any
    database work."""
    normalizer_messages("", version)
    return lambda clean_text: normalizer_messages(clean_text, version)
