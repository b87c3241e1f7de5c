"""Synthetic Q&A rows: a generator model asks the question each post answers.

    questions = await generate_questions(engine, [post.text for post in posts])

Row: system = the persona card, user = the generated question, assistant = the post, so the
persona learns to answer in its own words rather than only to post on a topic. The posts are
those of ``persona-chat`` (same filters, same texts). All posts go through the engine at once
(bounded by a semaphore; the engine batches them), greedily and with a fixed seed, so the same
generator gives the same questions on a rebuild. A post whose answer asks no question (or that
the engine refuses, e.g. longer than its context) is left out.
"""

from __future__ import annotations

import asyncio
import logging
import re
import uuid

from likeness.core.dataset_rows import EmptyDataset, PersonaInfo, SplitRows
from likeness.core.prompts import qa_question_messages
from likeness.inference.engines.base import Engine, GenerationRequest, SamplingParams
from likeness.trainer.datasets.persona import PersonaPost, chat_row

logger = logging.getLogger(__name__)

QA_MAX_TOKENS = 64  # one question; a cap keeps a runaway generation from eating the batch
QA_SEED = 0
QA_CONCURRENCY = 64


_SENTENCE = re.compile(r"[^.!?]*([.!?]+)")


def question_in(text: str) -> str:
    """The generated question: on the first non-blank line, the last sentence that ends in a
    question mark ("I'm sorry. What happened to the ramp?" gives the second); "" when the
    line asks nothing, so a statement never becomes a training question."""
    line = next((ln.strip() for ln in text.strip().splitlines() if ln.strip()), "")
    questions = [m.group().strip() for m in _SENTENCE.finditer(line) if "?" in m.group(1)]
    return questions[-1] if questions else ""


async def _question(
    engine: Engine, text: str, sampling: SamplingParams, slots: asyncio.Semaphore
) -> str:
    request = GenerationRequest(
        request_id=f"qa-{uuid.uuid4().hex}",
        prompt=engine.render_chat(qa_question_messages(text)),
        sampling=sampling,
    )
    async with slots:
        try:
            parts = [delta.text async for delta in engine.generate(request)]
        except ValueError as exc:  # one post the engine refuses must not stop the batch
            logger.warning("no question generated: %s", exc)
            return ""
    return question_in("".join(parts))


async def generate_questions(
    engine: Engine,
    texts: list[str],
    *,
    concurrency: int = QA_CONCURRENCY,
    max_tokens: int = QA_MAX_TOKENS,
) -> list[str]:
    """One question per text ("" where none came back), in the order of ``texts``."""
    sampling = SamplingParams(max_tokens=max_tokens, temperature=0.0, seed=QA_SEED)
    slots = asyncio.Semaphore(concurrency)
    return list(await asyncio.gather(*(_question(engine, t, sampling, slots) for t in texts)))


def persona_qa_rows(
    persona: PersonaInfo, posts: list[PersonaPost], questions: list[str]
) -> SplitRows:
    rows = SplitRows()
    for post, question in zip(posts, questions, strict=True):
        if question:
            row = chat_row(persona.card, question, post.text)
            rows.add(post.split, {**row, "meta": post.meta()})
    if not rows.train and not rows.heldout:
        raise EmptyDataset(
            f"the generator wrote no usable question for any of the {len(posts)} posts of "
            f"persona {persona.slug!r}; try a stronger generator model"
        )
    return rows.require_train("no Q&A rows to train on")
