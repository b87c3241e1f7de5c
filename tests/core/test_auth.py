"""API keys: only hashes are stored, revoked keys stop working, the checker's cache expires."""

from __future__ import annotations

import pytest
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from likeness.core.auth import (
    AccessPolicy,
    AccessRefused,
    KeyChecker,
    KeysUnavailable,
    bearer_key,
    create_api_key,
    generate_key,
    hash_key,
    list_api_keys,
    revoke_api_key,
)
from likeness.core.db.models import ApiKey


def test_generated_keys_are_prefixed_and_unique() -> None:
    keys = {generate_key() for _ in range(50)}
    assert len(keys) == 50
    assert all(k.startswith("lk_") and len(k) > 40 for k in keys)


def test_hash_is_sha256_hex() -> None:
    digest = hash_key("lk_example")
    assert len(digest) == 64
    assert digest == hash_key("lk_example") != hash_key("lk_other")


def test_only_the_hash_is_stored(engine: Engine) -> None:
    key = create_api_key(engine, "laptop")
    with Session(engine) as session:
        rows = session.scalars(select(ApiKey)).all()
    assert [r.key_hash for r in rows] == [hash_key(key)]
    assert all(key not in (r.name, r.key_hash) for r in rows)


def test_list_shows_names_and_revocation(engine: Engine) -> None:
    create_api_key(engine, "laptop")
    create_api_key(engine, "ci")
    assert revoke_api_key(engine, "ci") == 1
    keys = list_api_keys(engine)
    assert [(k.name, k.active) for k in keys] == [("laptop", True), ("ci", False)]


def test_revoke_by_id_and_unknown_name(engine: Engine) -> None:
    create_api_key(engine, "laptop")
    (info,) = list_api_keys(engine)
    assert revoke_api_key(engine, "nobody") == 0
    assert revoke_api_key(engine, str(info.id)) == 1
    assert revoke_api_key(engine, info.id) == 0  # already revoked


def test_no_key_means_not_required(engine: Engine) -> None:
    checker = KeyChecker(engine, ttl_s=0)
    assert not checker.required()
    assert not checker.is_valid("lk_anything")


def test_valid_key_accepted_wrong_and_revoked_refused(engine: Engine) -> None:
    key = create_api_key(engine, "laptop")
    checker = KeyChecker(engine, ttl_s=0)
    assert checker.required()
    assert checker.is_valid(key)
    assert not checker.is_valid(key + "x")
    assert not checker.is_valid("")
    assert not checker.is_valid(None)
    revoke_api_key(engine, "laptop")
    assert not checker.is_valid(key)
    assert not checker.required()


def test_cache_holds_for_ttl(engine: Engine) -> None:
    cached = KeyChecker(engine, ttl_s=3600)
    assert not cached.required()
    key = create_api_key(engine, "laptop")
    # Within the ttl the cached answer stands; a checker with ttl 0 sees the new key at once.
    assert not cached.required()
    assert not cached.is_valid(key)
    assert KeyChecker(engine, ttl_s=0).is_valid(key)


def test_access_policy_open_on_loopback_only_while_no_key_exists(engine: Engine) -> None:
    checker = KeyChecker(engine, ttl_s=0)
    AccessPolicy(checker, "127.0.0.1").check(None)  # the embedded default
    with pytest.raises(AccessRefused, match="no active API key"):
        AccessPolicy(checker, "0.0.0.0").check(None)


def test_access_policy_wants_a_valid_key_once_one_exists(engine: Engine) -> None:
    key = create_api_key(engine, "laptop")
    checker = KeyChecker(engine, ttl_s=0)
    for host in ("127.0.0.1", "0.0.0.0"):
        policy = AccessPolicy(checker, host)
        policy.check(key)
        for wrong in (None, "lk_wrong"):
            with pytest.raises(AccessRefused, match="Bearer"):
                policy.check(wrong)
    revoke_api_key(engine, "laptop")
    AccessPolicy(checker, "::1").check(None)
    with pytest.raises(AccessRefused, match="no active API key"):
        AccessPolicy(checker, "0.0.0.0").check(key)


def test_access_policy_fails_closed_when_keys_cannot_be_read() -> None:
    from sqlalchemy import create_engine

    broken = create_engine("sqlite:////nonexistent/dir/db.sqlite")
    with pytest.raises(KeysUnavailable):
        AccessPolicy(KeyChecker(broken), "127.0.0.1").check(None)


def test_bearer_key_parsing() -> None:
    assert bearer_key("Bearer lk_abc") == "lk_abc"
    assert bearer_key("bearer  lk_abc ") == "lk_abc"
    for value in (None, "", "Basic lk_abc", "Bearer ", "lk_abc"):
        assert bearer_key(value) is None


def test_ensure_stores_a_chosen_key_once_and_it_works(engine: Engine) -> None:
    from likeness.core.auth import ensure_api_key

    key = "lk_" + "a" * 40
    assert ensure_api_key(engine, "compose", key) is True
    assert ensure_api_key(engine, "compose", key) is False  # every start runs it again
    assert [k.name for k in list_api_keys(engine)] == ["compose"]
    checker = KeyChecker(engine, ttl_s=0)
    assert checker.required() and checker.is_valid(key)


@pytest.mark.parametrize("key", ["change-me", "lk_" + "a" * 20 + " " + "b" * 20])
def test_ensure_refuses_placeholders_and_spaces(engine: Engine, key: str) -> None:
    from likeness.core.auth import ensure_api_key

    with pytest.raises(ValueError, match="at least 32 characters"):
        ensure_api_key(engine, "compose", key)
    assert list_api_keys(engine) == []


def test_ensure_does_not_revive_a_revoked_key(engine: Engine) -> None:
    from likeness.core.auth import KeyRevoked, ensure_api_key

    key = "lk_" + "c" * 40
    ensure_api_key(engine, "compose", key)
    revoke_api_key(engine, "compose")
    with pytest.raises(KeyRevoked, match="revoked"):
        ensure_api_key(engine, "compose", key)
    assert not KeyChecker(engine, ttl_s=0).required()
