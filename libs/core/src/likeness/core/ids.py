"""Stable ids: the same post gets the same id on every import, in every database."""

from __future__ import annotations

import hashlib

# Copying a configured hasher is cheaper than building one with keyword arguments; same digest.
_BLAKE2B_16 = hashlib.blake2b(digest_size=16)


def hash16(data: bytes) -> str:
    """``hashlib.blake2b(data, digest_size=16).hexdigest()``, faster."""
    hasher = _BLAKE2B_16.copy()
    hasher.update(data)
    return hasher.hexdigest()


def post_id(persona_slug: str, platform: str, external_id: str) -> str:
    hasher = _BLAKE2B_16.copy()
    hasher.update(f"{persona_slug}\x1f{platform}\x1f{external_id}".encode())
    return hasher.hexdigest()
