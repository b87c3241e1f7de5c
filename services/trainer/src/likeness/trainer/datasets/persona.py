"""Persona rows: the person's own posts as chat examples, plain text, and essay chunks.

- ``persona-chat``: system = the persona card, user = "Write a post about <topics>" (topics
  extracted from the post, by ``spec.topic_extractor``), assistant = the post. The system and
  user turns come from the serving prompt builders, so the model is trained on exactly what it
  is asked in production. A ``spec.question_share`` of the training posts is asked as a chat
  question about the same topics instead ("What's your take on <topics>?"): a persona trained
  only on "Write a post" turns answers "Who are you?" with a post-shaped fragment.
- ``persona-completion``: ``{"text": post}``, the same posts.
- ``persona-essay``: long-form writing (posts with platform ``essay``, stored by the importer
  as paragraph-packed chunks of a document), re-packed at paragraph boundaries into chunks of
  at most ``spec.essay_chunk_chars``.

A post's text is its normalised text when it has one, else its cleaned text. Short-form posts
skip essays; all skip posts the persona's exclusion flags keep out (``spec.kept_only``) and
texts shorter than ``spec.min_chars``.

A **mix persona** (``likeness.core.mix``: ``settings["mix"]`` names two or more source personas)
learns from its sources' short-form posts instead of posts of its own: each source's kept posts
(by that source's own exclusions) with that source's own time split, the training posts
token-balanced (every source cut to the smallest one's word total, its oldest posts dropped
first) and every held-out post kept; the mix persona's own card is the system prompt, and each
row's ``meta.source`` names the source persona. Essays are not mixed.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import ColumnElement, Engine, func, select
from sqlalchemy.orm import Session

from likeness.core.chat import persona_messages
from likeness.core.dataset_rows import (
    EmptyDataset,
    PersonaInfo,
    Row,
    SplitRows,
    assistant,
    load_persona,
    post_meta,
    time_order,
    training_text,
    utc,
)
from likeness.core.db.models import Post
from likeness.core.flags import exclude_mask, flag_names
from likeness.core.mix import balance_by_tokens, interleave, mix_sources, word_tokens
from likeness.core.prompts import persona_post_request
from likeness.core.split import HELDOUT, TRAIN
from likeness.core.text import split_sentences
from likeness.trainer.datasets.spec import DatasetSpec
from likeness.trainer.topics import TOPIC_EXTRACTORS, topics_phrase

ESSAY_PLATFORM = "essay"

_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


@dataclass(frozen=True, slots=True)
class PersonaPost:
    id: str
    created_at: datetime | None
    split: str | None
    text: str
    source: str = ""  # a mix persona's post: the source persona it comes from

    def meta(self) -> dict[str, Any]:
        """The row's ``meta``: post id, date, and the source persona of a mix's post."""
        more = {"source": self.source} if self.source else {}
        return post_meta(self.id, self.created_at, **more)


def _kept(persona: PersonaInfo, spec: DatasetSpec) -> ColumnElement[bool] | None:
    if not spec.kept_only:
        return None
    return Post.flags.op("&")(exclude_mask(persona.settings)) == 0


def _no_posts_reason(db: Engine, persona: PersonaInfo, spec: DatasetSpec, *, essays: bool) -> str:
    """Why no post of the persona made it into a dataset, from a few counts."""
    slug = persona.slug
    mine = Post.persona_id == persona.id
    of_kind = Post.platform == ESSAY_PLATFORM if essays else Post.platform != ESSAY_PLATFORM
    kept = _kept(persona, spec)

    def count(*conditions: ColumnElement[bool]) -> int:
        with Session(db) as session:
            return session.scalar(select(func.count()).select_from(Post).where(*conditions)) or 0

    if count(mine) == 0:
        return f"no posts for persona {slug!r}: import some first"
    total = count(mine, of_kind)
    if total == 0:
        if essays:
            return (
                f"persona {slug!r} has no essays (posts with platform {ESSAY_PLATFORM!r}): "
                "import long-form writing with the essays importer first"
            )
        return f"persona {slug!r} has only essays: build a persona-essay dataset instead"
    if kept is not None and count(mine, of_kind, kept) == 0:
        names = ", ".join(flag_names(exclude_mask(persona.settings)))
        return (
            f"all {total} posts of persona {slug!r} carry a flag its settings exclude "
            f"({names}); change the persona's exclude_flags or build with kept_only=false"
        )
    return (
        f"none of the kept posts of persona {slug!r} has at least {max(spec.min_chars, 1)} "
        "characters of text"
    )


def persona_posts(db: Engine, persona: PersonaInfo, spec: DatasetSpec) -> list[PersonaPost]:
    """The persona's short-form posts a persona dataset learns from, oldest first; a mix
    persona's are its sources' (``mix_posts``)."""
    sources = mix_sources(persona.settings)
    if sources:
        return mix_posts(db, persona, sources, spec)
    return _own_posts(db, persona, spec)


def mix_posts(
    db: Engine, persona: PersonaInfo, sources: list[str], spec: DatasetSpec
) -> list[PersonaPost]:
    """A mix persona's posts: every source's own kept posts in its own split, the training
    posts token-balanced (``likeness.core.mix.balance_by_tokens``: each source cut to the
    smallest source's word total, oldest dropped first), every held-out post kept; training
    posts first, then held-out ones, the sources interleaved (``interleave``)."""
    train: dict[str, list[PersonaPost]] = {}
    heldout: dict[str, list[PersonaPost]] = {}
    for slug in sources:
        source = load_persona(db, slug)
        try:
            posts = _own_posts(db, source, spec)
        except EmptyDataset as exc:
            raise EmptyDataset(f"mix persona {persona.slug!r}, source {slug!r}: {exc}") from None
        train[slug] = [replace(p, source=slug) for p in posts if p.split == TRAIN]
        heldout[slug] = [replace(p, source=slug) for p in posts if p.split == HELDOUT]
        if not train[slug]:
            raise EmptyDataset(
                f"mix persona {persona.slug!r}: source persona {slug!r} has no training posts "
                f"(all {len(heldout[slug])} of its kept posts are held out); import older posts"
            )

    def tokens(post: PersonaPost) -> int:
        return word_tokens(post.text)

    balanced = balance_by_tokens(train, tokens)
    return [*interleave(balanced, tokens), *interleave(heldout, tokens)]


def _own_posts(db: Engine, persona: PersonaInfo, spec: DatasetSpec) -> list[PersonaPost]:
    """The persona's own short-form posts, oldest first."""
    query = select(Post.id, Post.created_at, Post.split, Post.clean_text, Post.normalized_text)
    query = query.where(Post.persona_id == persona.id, Post.platform != ESSAY_PLATFORM)
    kept = _kept(persona, spec)
    if kept is not None:
        query = query.where(kept)
    posts: list[PersonaPost] = []
    with Session(db) as session:
        for post_id, created_at, split, clean, normalized in session.execute(query):
            text = training_text(clean, normalized)
            if text and len(text) >= spec.min_chars:
                posts.append(PersonaPost(post_id, created_at, split, text))
    if not posts:
        raise EmptyDataset(_no_posts_reason(db, persona, spec, essays=False))
    posts.sort(key=lambda p: time_order(p.created_at, p.id))
    return posts


def chat_row(card: str, request: str, text: str) -> Row:
    """A persona chat example: the serving prompt (card, then the request) and the answer."""
    return {
        "messages": [
            *persona_messages(card, [{"role": "user", "content": request}]),
            assistant(text),
        ]
    }


#: Chat questions a training post answers (``DatasetSpec.question_share``); ``{}`` = its topics.
QUESTION_TEMPLATES: tuple[str, ...] = (
    "What do you think about {}?",
    "What's your take on {}?",
    "Any thoughts on {}?",
    "Tell me about {}.",
    "How do you feel about {}?",
    "What's going on with {}?",
)


def _fraction(post_id: str, salt: str) -> float:
    """A stable number in [0, 1) for a post: the same post is chosen on every rebuild."""
    digest = hashlib.sha256(f"{salt}:{post_id}".encode()).digest()
    return int.from_bytes(digest[:8], "big") / 2**64


def chat_request(post: PersonaPost, topics: str, question_share: float) -> str:
    """The user turn a post answers: "Write a post about <topics>", or, for a stable
    ``question_share`` of training posts with topics, a question about them."""
    if topics and post.split == TRAIN and _fraction(post.id, "question") < question_share:
        template = QUESTION_TEMPLATES[int(_fraction(post.id, "template") * len(QUESTION_TEMPLATES))]
        return template.format(topics)
    return persona_post_request(topics)


def persona_chat_rows(db: Engine, persona: PersonaInfo, spec: DatasetSpec) -> SplitRows:
    rows = SplitRows()
    extract = TOPIC_EXTRACTORS[spec.topic_extractor]
    for post in persona_posts(db, persona, spec):
        topics = topics_phrase(extract(post.text, spec.max_topics))
        request = chat_request(post, topics, spec.question_share)
        row = chat_row(persona.card, request, post.text)
        rows.add(post.split, {**row, "meta": post.meta()})
    return rows.require_train("no persona posts to train on")


def persona_completion_rows(db: Engine, persona: PersonaInfo, spec: DatasetSpec) -> SplitRows:
    rows = SplitRows()
    for post in persona_posts(db, persona, spec):
        rows.add(post.split, {"text": post.text, "meta": post.meta()})
    return rows.require_train("no persona posts to train on")


# --- essays -------------------------------------------------------------------------------


def _pack(units: Iterable[tuple[str, str]], limit: int, sep: str) -> list[tuple[str, list[str]]]:
    """Join consecutive (text, post id) units with ``sep`` into pieces of at most ``limit``
    characters; each piece keeps the ids of the posts its text came from."""
    pieces: list[tuple[str, list[str]]] = []
    for text, post_id in units:
        if pieces and len(pieces[-1][0]) + len(sep) + len(text) <= limit:
            joined, ids = pieces[-1]
            pieces[-1] = (f"{joined}{sep}{text}", ids if post_id in ids else [*ids, post_id])
        else:
            pieces.append((text, [post_id]))
    return pieces


def split_to_fit(text: str, limit: int) -> list[str]:
    """``text`` in pieces of at most ``limit`` characters: at sentence ends, else at spaces,
    else cut hard (a single word longer than the limit)."""
    if len(text) <= limit:
        return [text]
    for parts in (split_sentences(text), text.split()):
        if len(parts) > 1:
            units = [(piece, "") for part in parts for piece in split_to_fit(part, limit)]
            return [piece for piece, _ in _pack(units, limit, " ")]
    return [text[i : i + limit] for i in range(0, len(text), limit)]


def chunk_document(chunks: list[tuple[str, str]], limit: int) -> list[tuple[str, list[str]]]:
    """A document stored as (text, post id) chunks, re-packed at paragraph boundaries into
    pieces of at most ``limit`` characters, each with the ids of the posts it came from."""
    paragraphs = [
        (piece, post_id)
        for text, post_id in chunks
        for paragraph in _PARAGRAPH_BREAK.split(text.strip())
        if paragraph.strip()
        for piece in split_to_fit(paragraph.strip(), limit)
    ]
    return _pack(paragraphs, limit, "\n\n")


def _document_key(external_id: str) -> str:
    # The essays importer names chunks "<document hash>:<chunk index>".
    document, sep, _index = external_id.rpartition(":")
    return document if sep else external_id


def _chunk_index(extra: dict[str, Any] | None) -> int:
    value = (extra or {}).get("chunk_index", 0)
    return value if isinstance(value, int) else 0


def persona_essay_rows(db: Engine, persona: PersonaInfo, spec: DatasetSpec) -> SplitRows:
    if mix_sources(persona.settings):
        raise EmptyDataset(
            f"persona {persona.slug!r} is a mix of {', '.join(mix_sources(persona.settings))}: "
            "a mix learns from its sources' short-form posts (chat, completion, qa), essays "
            "are not mixed"
        )
    query = select(
        Post.id,
        Post.created_at,
        Post.split,
        Post.external_id,
        Post.extra,
        Post.clean_text,
        Post.normalized_text,
        Post.normalized_approved,
    ).where(Post.persona_id == persona.id, Post.platform == ESSAY_PLATFORM)
    kept = _kept(persona, spec)
    if kept is not None:
        query = query.where(kept)
    documents: dict[tuple[str, str | None], list[tuple[int, str, str, datetime | None, str]]] = {}
    with Session(db) as session:
        for (
            post_id,
            created_at,
            split,
            external_id,
            extra,
            clean,
            normalized,
            approved,
        ) in session.execute(query):
            # Only a person-approved rewrite replaces an essay's text: batch normalisation
            # is for short posts and caps its output length.
            text = normalized if approved and normalized and normalized.strip() else clean
            key = (_document_key(external_id), split)
            documents.setdefault(key, []).append(
                (_chunk_index(extra), external_id, post_id, created_at, text)
            )
    rows = SplitRows()
    ordered = []
    for (_document, split), parts in documents.items():
        parts.sort(key=lambda p: (p[0], p[1]))
        dates = [d for d in (utc(p[3]) for p in parts) if d is not None]
        created_at = min(dates) if dates else None
        ordered.append((time_order(created_at, parts[0][2]), split, created_at, parts))
    ordered.sort(key=lambda item: item[0])
    for _order, split, created_at, parts in ordered:
        chunks = [(text, post_id) for _i, _e, post_id, _d, text in parts]
        for text, post_ids in chunk_document(chunks, spec.essay_chunk_chars):
            if len(text) >= max(spec.min_chars, 1):
                meta = post_meta(post_ids[0], created_at, post_ids=post_ids)
                rows.add(split, {"text": text, "meta": meta})
    if not rows.train and not rows.heldout:
        raise EmptyDataset(_no_posts_reason(db, persona, spec, essays=True))
    return rows.require_train("no essay text to train on")
