"""Questions about a persona's corpus: paged post listings with filters, and statistics."""

from __future__ import annotations

import base64
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import Engine, and_, case, extract, func, select
from sqlalchemy.orm import Session

from likeness.core.db.models import Post, Source
from likeness.core.flags import PostFlag, exclude_mask, flag_names, parse_flags
from likeness.core.personas import get_persona
from likeness.ingest.errors import InvalidArgument

DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 1000


@dataclass(slots=True)
class PostInfo:
    id: str
    platform: str
    external_id: str
    created_at: datetime | None
    author: str | None
    raw_text: str
    clean_text: str
    normalized_text: str | None
    flags: list[str]
    kept: bool
    thread_id: str | None
    duplicate_of: str | None
    source_record: str


@dataclass(slots=True)
class PostPage:
    posts: list[PostInfo]
    next_page_token: str
    total: int


@dataclass(slots=True)
class PersonaStats:
    persona: str
    total: int = 0
    kept: int = 0
    flagged: int = 0
    by_platform: dict[str, int] = field(default_factory=dict)
    by_year: dict[str, int] = field(default_factory=dict)
    by_flag: dict[str, int] = field(default_factory=dict)
    sources: int = 0
    normalized: int = 0


def _encode_token(offset: int) -> str:
    return base64.urlsafe_b64encode(f"o:{offset}".encode()).decode() if offset else ""


def _decode_token(token: str) -> int:
    if not token:
        return 0
    try:
        kind, _, value = base64.urlsafe_b64decode(token.encode()).decode().partition(":")
        offset = int(value)
    except (ValueError, UnicodeDecodeError) as exc:
        raise InvalidArgument("malformed page token") from exc
    if kind != "o" or offset < 0:
        raise InvalidArgument("malformed page token")
    return offset


def _has_any(mask: int):  # type: ignore[no-untyped-def]
    return Post.flags.op("&")(mask) != 0


def _has_none(mask: int):  # type: ignore[no-untyped-def]
    return Post.flags.op("&")(mask) == 0


def list_posts(
    engine: Engine,
    persona: str,
    *,
    flags_any: list[str] | tuple[str, ...] = (),
    flags_none: list[str] | tuple[str, ...] = (),
    kept_only: bool = False,
    query: str | None = None,
    platform: str | None = None,
    page_size: int = DEFAULT_PAGE_SIZE,
    page_token: str = "",
) -> PostPage:
    """Posts of a persona, oldest first, filtered; pass ``next_page_token`` back for more."""
    try:
        any_mask, none_mask = int(parse_flags(list(flags_any))), int(parse_flags(list(flags_none)))
    except ValueError as exc:
        raise InvalidArgument(str(exc)) from exc
    size = min(max(page_size or DEFAULT_PAGE_SIZE, 1), MAX_PAGE_SIZE)
    offset = _decode_token(page_token)
    with Session(engine) as session:
        row = get_persona(session, persona)
        mask = exclude_mask(row.settings)
        conditions = [Post.persona_id == row.id]
        if any_mask:
            conditions.append(_has_any(any_mask))
        if none_mask:
            conditions.append(_has_none(none_mask))
        if kept_only:
            conditions.append(_has_none(mask))
        if query:
            conditions.append(func.lower(Post.clean_text).contains(query.lower(), autoescape=True))
        if platform:
            conditions.append(Post.platform == platform)
        where = and_(*conditions)
        total = session.scalar(select(func.count()).select_from(Post).where(where)) or 0
        posts = session.scalars(
            select(Post)
            .where(where)
            .order_by(Post.created_at.asc().nulls_last(), Post.id)
            .offset(offset)
            .limit(size)
        ).all()
        infos = [
            PostInfo(
                id=p.id,
                platform=p.platform,
                external_id=p.external_id,
                created_at=p.created_at,
                author=p.author,
                raw_text=p.raw_text,
                clean_text=p.clean_text,
                normalized_text=p.normalized_text,
                flags=flag_names(p.flags),
                kept=not p.flags & mask,
                thread_id=p.thread_id,
                duplicate_of=p.duplicate_of,
                source_record=p.source_record,
            )
            for p in posts
        ]
    next_offset = offset + len(infos)
    token = _encode_token(next_offset) if next_offset < total else ""
    return PostPage(posts=infos, next_page_token=token, total=total)


def persona_stats(engine: Engine, persona: str) -> PersonaStats:
    """Counts by platform, year and flag, and how many posts are kept for training."""
    with Session(engine) as session:
        row = get_persona(session, persona)
        mask = exclude_mask(row.settings)
        mine = Post.persona_id == row.id
        flag_columns = [
            func.coalesce(func.sum(case((_has_any(int(flag)), 1), else_=0)), 0).label(
                str(flag.name).lower()
            )
            for flag in PostFlag
        ]
        totals = session.execute(
            select(
                func.count(),
                func.coalesce(func.sum(case((_has_none(mask), 1), else_=0)), 0),
                func.count(Post.normalized_text),
                *flag_columns,
            ).where(mine)
        ).one()
        total, kept, normalized, *per_flag = totals
        by_platform = dict(
            session.execute(
                select(Post.platform, func.count()).where(mine).group_by(Post.platform)
            ).all()
        )
        year = extract("year", Post.created_at)
        by_year = {
            (str(int(y)) if y is not None else "unknown"): n
            for y, n in session.execute(
                select(year, func.count()).where(mine).group_by(year).order_by(year)
            ).all()
        }
        sources = session.scalar(select(func.count()).where(Source.persona_id == row.id)) or 0
    by_flag = {
        str(flag.name).lower(): int(n) for flag, n in zip(PostFlag, per_flag, strict=True) if n
    }
    return PersonaStats(
        persona=persona,
        total=int(total),
        kept=int(kept),
        flagged=int(total) - int(kept),
        by_platform={k: int(v) for k, v in by_platform.items()},
        by_year={k: int(v) for k, v in by_year.items()},
        by_flag=by_flag,
        sources=int(sources),
        normalized=int(normalized),
    )
