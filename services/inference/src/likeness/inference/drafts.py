"""Post drafts in a persona's voice: generated, stored for review, exported once."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass

from sqlalchemy import Engine as DbEngine
from sqlalchemy import select
from sqlalchemy.orm import Session

from likeness.core.chat import persona_messages
from likeness.core.db.models import Draft, Persona
from likeness.core.prompts import persona_post_request
from likeness.core.text import storable
from likeness.inference.engines.base import Engine, GenerationRequest, SamplingParams
from likeness.inference.serving import InvalidRequest, ModelResolver, check_text

DEFAULT_SAMPLING = SamplingParams(max_tokens=120, temperature=0.9, top_p=0.95)


@dataclass(frozen=True, slots=True)
class DraftInfo:
    id: str
    text: str
    topic: str


async def generate_posts(
    db: DbEngine,
    engine: Engine,
    persona: str,
    topic: str,
    n: int,
    sampling: SamplingParams | None = None,
    resolver: ModelResolver | None = None,
) -> list[DraftInfo]:
    """``n`` drafts about ``topic`` in the persona's voice, generated together and stored.

    The persona resolves as for chat (``resolver``: its card, its adapter loaded once, its copy
    guard); pass the server's resolver to share its adapter cache.
    """
    resolver = resolver or ModelResolver(engine, db)
    served = await resolver.resolve(persona)
    if served.card is None:
        raise InvalidRequest("drafts are written by a persona, not the bare base model", "persona")
    check_text(topic, "topic")
    messages = persona_messages(
        served.card, [{"role": "user", "content": persona_post_request(topic)}]
    )
    prompt = engine.render_chat(messages)
    params = sampling or DEFAULT_SAMPLING

    async def one() -> str:
        request = GenerationRequest(
            request_id=f"draft-{uuid.uuid4().hex}",
            prompt=prompt,
            sampling=params,
            adapter=served.adapter,
        )
        # Through the copy guard: a draft that copies a training post is written again.
        deltas = resolver.generate(request, served, stream=False)
        return storable("".join([d.text async for d in deltas]).strip())

    texts = [t for t in await asyncio.gather(*(one() for _ in range(n))) if t]
    drafts = [DraftInfo(id=uuid.uuid4().hex, text=t, topic=topic) for t in texts]
    with Session(db) as session, session.begin():
        persona_id = session.scalar(select(Persona.id).where(Persona.slug == persona))
        session.add_all(
            Draft(
                id=d.id,
                persona_id=persona_id,
                model_id=served.adapter or engine.model_id,
                topic=topic,
                text=d.text,
                state="pending",
            )
            for d in drafts
        )
    return drafts
