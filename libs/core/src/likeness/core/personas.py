"""The one persona lookup every service uses, with the one ``PersonaNotFound``.

persona = get_persona(session, "alice")      # the row, or PersonaNotFound
pid = persona_id(session, "alice")           # just its id (no row loaded)
"""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from likeness.core.db.models import Persona
from likeness.core.errors import PersonaNotFound

__all__ = ["PersonaNotFound", "get_persona", "persona_id"]


def _missing(slug: str) -> PersonaNotFound:
    return PersonaNotFound(f"no persona {slug!r}; import something with --persona {slug} first")


def get_persona(session: Session, slug: str) -> Persona:
    """The persona row with this slug; raises PersonaNotFound."""
    persona = session.scalar(select(Persona).where(Persona.slug == slug))
    if persona is None:
        raise _missing(slug)
    return persona


def persona_id(session: Session, slug: str) -> int:
    """The id of the persona with this slug; raises PersonaNotFound."""
    found = session.scalar(select(Persona.id).where(Persona.slug == slug))
    if found is None:
        raise _missing(slug)
    return found
