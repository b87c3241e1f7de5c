"""API keys: created once, stored only as their SHA-256, checked by every server.

    key = create_api_key(engine, "laptop")      # shown to the user once, never stored
    checker = KeyChecker(engine)
    checker.required()                           # True as soon as one active key exists
    checker.is_valid(key)                        # True; False once revoked

Whether one call may go on is decided here, for gRPC and HTTP alike:

    policy = AccessPolicy(checker, host="0.0.0.0")   # the address the server is bound to
    policy.check(bearer_key(request.headers.get("authorization")))   # or raises AccessRefused

A loopback server with no active key is open (the embedded default: only this machine can
reach it). A server bound beyond loopback *fails closed*: while no key is active (the last one
was revoked after it started) it refuses every call rather than opening up. ``check_bind`` in
``likeness.core.bind`` keeps such a server from starting without a key in the first place.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets
import threading
import time
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from likeness.core.bind import is_loopback
from likeness.core.db.models import ApiKey, utcnow

KEY_PREFIX = "lk_"
MAX_NAME_CHARS = 100


@dataclass(slots=True)
class ApiKeyInfo:
    """One stored key, as ``likeness keys list`` shows it (the key itself is never kept)."""

    id: int
    name: str
    created_at: datetime
    revoked_at: datetime | None

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def generate_key() -> str:
    """A new random key; the prefix makes a leaked key easy to recognise in logs and scanners."""
    return KEY_PREFIX + secrets.token_urlsafe(32)


def hash_key(key: str) -> str:
    """The SHA-256 hex digest stored in place of the key (keys are random, so no salt is needed)."""
    return hashlib.sha256(key.encode("utf-8")).hexdigest()


def create_api_key(engine: Engine, name: str) -> str:
    """Store a new key under ``name`` and return it; this is the only time it can be seen."""
    name = name.strip()
    if not name or len(name) > MAX_NAME_CHARS:
        raise ValueError(f"a key name must be 1-{MAX_NAME_CHARS} characters")
    key = generate_key()
    with Session(engine) as session, session.begin():
        session.add(ApiKey(name=name, key_hash=hash_key(key)))
    return key


#: A key chosen outside (a deployment secret) must be at least this long: a placeholder such as
#: "change-me" left in an env file is refused rather than made the key of a public server.
MIN_CHOSEN_KEY_CHARS = 32


class KeyRevoked(ValueError):
    """A chosen key that was revoked: it stays revoked (a stale env file cannot revive it)."""


def ensure_api_key(engine: Engine, name: str, key: str) -> bool:
    """Make ``key`` (chosen elsewhere: a deployment's secret) an active key named ``name``.

    Returns True when it was stored now, False when it already was active (so a deployment can
    run this on every start). Raises ``ValueError`` for a key too short or with whitespace, and
    ``KeyRevoked`` for a key that was revoked.
    """
    name = name.strip()
    if not name or len(name) > MAX_NAME_CHARS:
        raise ValueError(f"a key name must be 1-{MAX_NAME_CHARS} characters")
    if len(key) < MIN_CHOSEN_KEY_CHARS or any(c.isspace() for c in key):
        raise ValueError(
            f"an API key must be at least {MIN_CHOSEN_KEY_CHARS} characters without spaces "
            "(make one with `likeness keys create NAME`, or "
            "`python3 -c 'import secrets; print(\"lk_\" + secrets.token_urlsafe(32))'`)"
        )
    digest = hash_key(key)
    with Session(engine) as session, session.begin():
        stored = session.scalars(select(ApiKey).where(ApiKey.key_hash == digest)).first()
        if stored is not None:
            if stored.revoked_at is not None:
                raise KeyRevoked(
                    f"this key was revoked (key {stored.id}, {stored.name!r}); set a new one"
                )
            return False
        session.add(ApiKey(name=name, key_hash=digest))
    return True


def revoke_api_key(engine: Engine, name_or_id: str | int) -> int:
    """Revoke the active keys with this name (or this numeric id); returns how many were revoked.

    Zero means nothing matched, and the caller says so; revoking twice is not an error.
    """
    with Session(engine) as session, session.begin():
        query = select(ApiKey).where(ApiKey.revoked_at.is_(None))
        if isinstance(name_or_id, int) or name_or_id.isdigit():
            query = query.where(ApiKey.id == int(name_or_id))
        else:
            query = query.where(ApiKey.name == name_or_id)
        keys = session.scalars(query).all()
        now = utcnow()
        for key in keys:
            key.revoked_at = now
        return len(keys)


def list_api_keys(engine: Engine) -> list[ApiKeyInfo]:
    """Every key ever created, oldest first, revoked ones included."""
    with Session(engine) as session:
        rows = session.scalars(select(ApiKey).order_by(ApiKey.id)).all()
        return [ApiKeyInfo(r.id, r.name, r.created_at, r.revoked_at) for r in rows]


def active_key_hashes(engine: Engine) -> tuple[str, ...]:
    with Session(engine) as session:
        return tuple(session.scalars(select(ApiKey.key_hash).where(ApiKey.revoked_at.is_(None))))


class KeyChecker:
    """Answers "is a key needed?" and "is this key valid?" for the servers.

    The active hashes are cached for ``ttl_s`` seconds so a busy server does not query the
    database on every call; a revoked key therefore stops working within ``ttl_s``.
    """

    def __init__(
        self, engine: Engine, ttl_s: float = 5.0, session_keys: tuple[str, ...] = ()
    ) -> None:
        self._engine = engine
        self._ttl_s = ttl_s
        # Keys that live only as long as this process: the embedded stack's services call each
        # other with one. They are valid, but do not make a key required (only stored keys do).
        self._session_hashes = tuple(hash_key(key) for key in session_keys)
        self._lock = threading.Lock()
        self._hashes: tuple[str, ...] = ()
        self._loaded_at: float | None = None

    def _active_hashes(self) -> tuple[str, ...]:
        with self._lock:
            now = time.monotonic()
            if self._loaded_at is None or now - self._loaded_at >= self._ttl_s:
                self._hashes = active_key_hashes(self._engine)
                self._loaded_at = now
            return self._hashes

    def required(self) -> bool:
        """True when any active key exists: then every call must carry one."""
        return bool(self._active_hashes())

    def is_valid(self, key: str | None) -> bool:
        if not key:
            return False
        candidate = hash_key(key)
        # Compare against every hash without stopping early, each in constant time.
        found = False
        for stored in (*self._active_hashes(), *self._session_hashes):
            found |= hmac.compare_digest(candidate, stored)
        return found


def bearer_key(authorization: str | None) -> str | None:
    """The key of an ``Authorization: Bearer <key>`` value (gRPC metadata or HTTP header)."""
    scheme, _, key = (authorization or "").partition(" ")
    return key.strip() if scheme.lower() == "bearer" and key.strip() else None


class AccessRefused(Exception):
    """This call may not go on: no key, a wrong or revoked key, or no active key at all.

    gRPC answers UNAUTHENTICATED, HTTP 401; the message says what to send.
    """


class KeysUnavailable(AccessRefused):
    """The keys could not be read (database down): refused too, but worth retrying.

    gRPC answers UNAVAILABLE, HTTP 503.
    """


_SEND_A_KEY = (
    "send 'authorization: Bearer <key>' (LIKENESS_API_KEY; keys are made with "
    "`likeness keys create`)"
)


class AccessPolicy:
    """The access decision for a server bound to ``host``, shared by gRPC and HTTP."""

    def __init__(self, key_checker: KeyChecker, host: str) -> None:
        self.key_checker = key_checker
        self.host = host
        self.open_without_keys = is_loopback(host)

    def check(self, key: str | None) -> None:
        """Return if a call carrying ``key`` (None: no key sent) may go on; else raise."""
        try:
            required = self.key_checker.required()
            valid = required and self.key_checker.is_valid(key)
        except Exception as exc:
            # Fail closed: a database hiccup must not open the server.
            raise KeysUnavailable("cannot check the API key right now") from exc
        if valid or (not required and self.open_without_keys):
            return
        if not required:
            raise AccessRefused(
                f"no active API key exists, and this server listens on {self.host} (beyond "
                "loopback), so it refuses every call; create a key with `likeness keys create "
                "NAME` and " + _SEND_A_KEY
            )
        raise AccessRefused("a valid API key is required: " + _SEND_A_KEY)
