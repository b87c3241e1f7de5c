"""Persona preference rows from blind-arena votes (``likeness arena``).

    rows = arena_pref_rows(db, load_persona(db, "mags"))     # SplitRows: train / heldout

A vote for one side is a preference: ``prompt`` = the persona chat prompt for the pair's
request (``persona_messages(card, [request])``: the card, then "Write a post about …", the
serving prompt the answers were generated from), ``chosen`` = the winner's text, ``rejected``
= the loser's, in the row shape of the normaliser's preference rows (so TRL, OpenAI DPO and
``likeness`` formats come from the same ``dataset_formats`` conversions). A tie or a "both
bad" vote prefers nothing and yields no row; an unvoted pair neither.

``meta`` keeps the comparison id, who voted, which side won (a model id, ``base`` or ``real``)
and which lost, and ``weight`` 1.0 like every unweighted preference pair. A row goes to the
split of the held-out post whose request it answers: arena requests come from the model's
held-out posts, so the rows are normally ``heldout`` rows (a model must not be trained on the
topics it is judged on), and an export of both splits has them all.

In core because the labeler's Export (``arena-prefs``) builds them, and a persona preference
dataset of the trainer would build the same rows.
"""

from __future__ import annotations

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from likeness.core.arena import side_shown
from likeness.core.chat import persona_messages
from likeness.core.dataset_rows import (
    EmptyDataset,
    PersonaInfo,
    Row,
    SplitRows,
    assistant,
    post_meta,
    time_order,
)
from likeness.core.db.models import Comparison, Post

#: The votes that prefer one side.
DECIDING = ("a", "b")


def arena_pref_rows(db: Engine, persona: PersonaInfo, prompt_version: str = "") -> SplitRows:
    """One row per vote for a side, ordered by the post's date, then the vote's; see the module
    docstring. ``prompt_version`` is the normaliser's and does not apply (the builders share one
    signature). Raises EmptyDataset when no vote preferred a side."""
    query = (
        select(Comparison, Post.created_at, Post.split)
        .join(Post, Post.id == Comparison.post_id)
        .where(Comparison.persona_id == persona.id, Comparison.vote.in_(DECIDING))
    )
    with Session(db) as session:
        found = [(pair, created, split) for pair, created, split in session.execute(query)]
    found.sort(
        key=lambda item: (
            *time_order(item[1], item[0].post_id),
            *time_order(item[0].voted_at, item[0].id),
        )
    )
    rows = SplitRows()
    for pair, created_at, split in found:
        a_text, b_text = (
            (pair.model_text, pair.opponent_text)
            if pair.a_is_model
            else (pair.opponent_text, pair.model_text)
        )
        a_was, b_was = side_shown(pair.a_is_model, pair.model_id, pair.opponent)
        if pair.vote == "a":
            chosen, rejected, winner, loser = a_text, b_text, a_was, b_was
        else:
            chosen, rejected, winner, loser = b_text, a_text, b_was, a_was
        row: Row = {
            "prompt": persona_messages(persona.card, [{"role": "user", "content": pair.request}]),
            "chosen": [assistant(chosen)],
            "rejected": [assistant(rejected)],
        }
        meta = post_meta(
            pair.post_id,
            created_at,
            comparison_id=pair.id,
            annotator=pair.annotator or "",
            chosen_side=winner,
            rejected_side=loser,
            weight=1.0,
        )
        rows.add(split, {**row, "meta": meta})
    if not rows.train and not rows.heldout:
        raise EmptyDataset(
            f"no arena votes for one side yet for persona {persona.slug!r}: vote on pairs in "
            "the arena first (a tie or 'both bad' prefers neither side)"
        )
    return rows
