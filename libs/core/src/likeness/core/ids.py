"""Stable ids: the same post gets the same id on every import, in every database."""

from __future__ import annotations

import hashlib


def post_id(persona_slug: str, platform: str, external_id: str) -> str:
    key = f"{persona_slug}\x1f{platform}\x1f{external_id}".encode()
    return hashlib.blake2b(key, digest_size=16).hexdigest()
