"""Post drafts in a persona's voice: generated, stored for review, exported once."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass

from sqlalchemy import Engine as DbEngine
from sqlalchemy import select
from sqlalchemy.orm import Session

from likeness.core.db.models import Draft, Persona
from likeness.core.prompts import persona_post_request
from likeness.core.text import storable
from likeness.core.chat import persona_messages
from likeness.inference.engines.base import Engine, GenerationRequest, SamplingParams
from likeness.inference.personas import load_persona


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
) -> list[DraftInfo]:
    """``n`` drafts about ``topic`` in the persona's voice, generated together and stored."""
    served = load_persona(db, persona)
    if served.adapter is not None:
        await engine.load_adapter(served.adapter)
    messages = persona_messages(
        served.card, [{"role": "user", "content": persona_post_request(topic)}]
    )
    prompt = engine.render_chat(messages)
    params = sampling or SamplingParams(max_tokens=120, temperature=0.9, top_p=0.95)

    async def one() -> str:
        request = GenerationRequest(
            request_id=f"draft-{uuid.uuid4().hex}",
            prompt=prompt,
            sampling=params,
            adapter=served.adapter.name if served.adapter else None,
        )
        return storable("".join([d.text async for d in engine.generate(request)]).strip())

    texts = [t for t in await asyncio.gather(*(one() for _ in range(n))) if t]
    drafts = [DraftInfo(id=uuid.uuid4().hex, text=t, topic=topic) for t in texts]
    with Session(db) as session, session.begin():
        persona_id = session.scalar(select(Persona.id).where(Persona.slug == persona))
        session.add_all(
            Draft(
                id=d.id,
                persona_id=persona_id,
                model_id=served.adapter.name if served.adapter else engine.model_id,
                topic=topic,
                text=d.text,
                state="pending",
            )
            for d in drafts
        )
    return drafts
