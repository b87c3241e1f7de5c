"""Personas: the people a corpus belongs to. Created on first import, or explicitly."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from likeness.core.db.models import Persona, Post
from likeness.core.flags import DEFAULT_EXCLUDE, flag_names, parse_flags
from likeness.core.gate import validate_gate
from likeness.core.mix import MIN_SOURCES, MIX_SETTING, mix_sources
from likeness.core.personas import get_persona
from likeness.ingest.errors import InvalidArgument

SLUG_RE = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")


@dataclass(slots=True)
class PersonaInfo:
    slug: str
    display_name: str
    card: str
    created_at: datetime | None
    post_count: int = 0
    exclude_flags: list[str] = field(default_factory=list)
    #: its own serving-gate thresholds (``likeness.core.gate``; none: the settings' defaults)
    gate: dict[str, float | None] = field(default_factory=dict)
    #: a mix persona's source personas (``likeness.core.mix``; none: a persona of its own)
    mix: list[str] = field(default_factory=list)


def validate_slug(slug: str) -> str:
    if not SLUG_RE.match(slug):
        raise InvalidArgument(
            f"persona slug {slug!r} must be 1-64 lowercase letters, digits, '-' or '_', "
            "starting with a letter or digit"
        )
    return slug


def default_card(display_name: str) -> str:
    return f"You are {display_name}. Write in {display_name}'s own voice."


def _info(persona: Persona, post_count: int = 0) -> PersonaInfo:
    excluded = persona.settings.get("exclude_flags") if persona.settings else None
    return PersonaInfo(
        slug=persona.slug,
        display_name=persona.display_name,
        card=persona.card,
        created_at=persona.created_at,
        post_count=post_count,
        exclude_flags=list(excluded) if excluded is not None else flag_names(DEFAULT_EXCLUDE),
        gate=dict((persona.settings or {}).get("gate") or {}),
        mix=mix_sources(persona.settings),
    )


def ensure_persona(session: Session, slug: str, display_name: str | None = None) -> Persona:
    """The persona with this slug, created (inside the caller's transaction) if missing."""
    persona = session.scalar(select(Persona).where(Persona.slug == validate_slug(slug)))
    if persona is None:
        name = display_name or slug
        persona = Persona(slug=slug, display_name=name, card=default_card(name), settings={})
        session.add(persona)
        session.flush()
    return persona


def _check_mix(session: Session, slug: str, mix: list[str]) -> list[str]:
    """``mix`` as stored (each source once, in the order given), or InvalidArgument: at least
    two sources, every one an existing persona, never the persona itself, and no mix inside a
    mix (a source is not a mix, and a persona that is a source of a mix cannot become one)."""
    sources = list(dict.fromkeys(s.strip() for s in mix if s.strip()))
    if slug in sources:
        raise InvalidArgument(f"persona {slug!r} cannot be a source of its own mix")
    if len(sources) < MIN_SOURCES:
        raise InvalidArgument(
            f"a mix needs at least {MIN_SOURCES} source personas, got {len(sources)}"
            + (f" ({', '.join(sources)})" if sources else "")
        )
    rows = {p.slug: p for p in session.scalars(select(Persona).where(Persona.slug.in_(sources)))}
    missing = [s for s in sources if s not in rows]
    if missing:
        raise InvalidArgument(
            f"no persona {', '.join(repr(s) for s in missing)} to mix: create or import the "
            "sources first"
        )
    for source in sources:
        inner = mix_sources(rows[source].settings)
        if inner:
            raise InvalidArgument(
                f"persona {source!r} is itself a mix (of {', '.join(inner)}); a mix persona "
                "cannot be a source of another mix: name its sources instead"
            )
    for other in session.scalars(select(Persona).where(Persona.slug != slug)):
        if slug in mix_sources(other.settings):
            raise InvalidArgument(
                f"persona {slug!r} is a source of the mix {other.slug!r}; a mix persona cannot "
                "be a source of another mix, so it cannot become one"
            )
    return sources


def create_persona(
    engine: Engine,
    slug: str,
    display_name: str | None = None,
    card: str | None = None,
    exclude_flags: list[str] | None = None,
    *,
    gate: dict[str, float | None] | None = None,
    mix: list[str] | None = None,
    must_exist: bool = False,
) -> PersonaInfo:
    """Create a persona, or update the display name / card / exclusions / serving-gate
    thresholds / mix of an existing one (None leaves a field as it is; a ``gate`` replaces the
    persona's thresholds, ``{}`` restores the defaults; a ``mix`` of two or more persona slugs
    makes it a mix of their corpora, ``[]`` makes it a persona of its own again).
    ``must_exist`` only updates: a mistyped slug raises PersonaNotFound instead of creating a
    persona."""
    if gate is not None:
        try:
            gate = validate_gate(gate)
        except ValueError as exc:
            raise InvalidArgument(str(exc)) from exc
    if exclude_flags is not None:
        try:
            parse_flags(exclude_flags)  # reject unknown names before writing
        except ValueError as exc:
            raise InvalidArgument(str(exc)) from exc
    with Session(engine) as session, session.begin():
        if must_exist:
            persona = get_persona(session, validate_slug(slug))
        else:
            persona = ensure_persona(session, slug, display_name)
        if display_name:
            persona.display_name = display_name
        if card:
            persona.card = card
        if exclude_flags is not None:
            persona.settings = {**persona.settings, "exclude_flags": list(exclude_flags)}
        if gate is not None:
            persona.settings = {**persona.settings, "gate": dict(gate)}
        if mix is not None:
            settings = {k: v for k, v in persona.settings.items() if k != MIX_SETTING}
            if mix:
                settings[MIX_SETTING] = _check_mix(session, persona.slug, mix)
            persona.settings = settings
        session.flush()
        count = session.scalar(select(func.count()).where(Post.persona_id == persona.id)) or 0
        return _info(persona, count)


def has_default_card(persona: PersonaInfo) -> bool:
    """Still the placeholder card a first import gives (no real name or voice set yet)."""
    return persona.card == default_card(persona.display_name)


def list_personas(engine: Engine) -> list[PersonaInfo]:
    with Session(engine) as session:
        counts = dict(
            session.execute(select(Post.persona_id, func.count()).group_by(Post.persona_id)).all()
        )
        personas = session.scalars(select(Persona).order_by(Persona.slug)).all()
        return [_info(p, counts.get(p.id, 0)) for p in personas]
