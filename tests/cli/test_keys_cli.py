"""`likeness keys ensure`: a deployment's chosen key (LIKENESS_API_KEY) made active, once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from likeness.core.auth import KeyChecker
from likeness.core.db import open_database
from likeness.core.settings import Settings


def likeness(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    clean = {k: v for k, v in os.environ.items() if not k.startswith("LIKENESS_")}
    return subprocess.run(
        [sys.executable, "-m", "likeness.cli", *args],
        capture_output=True,
        text=True,
        timeout=120,
        env={**clean, "TERMINAL_WIDTH": "200", **env},
    )


def test_ensure_stores_the_env_key_once_then_refuses_it_revoked(
    tmp_path: Path, db_url: str
) -> None:
    key = "lk_" + "k" * 43
    env = {
        "LIKENESS_DATA_DIR": str(tmp_path / "data"),
        "LIKENESS_DATABASE_URL": db_url,
        "LIKENESS_API_KEY": key,
    }
    first = likeness("keys", "ensure", "compose", env=env)
    assert first.returncode == 0, first.stderr
    assert "stored the key as 'compose'" in first.stdout
    again = likeness("keys", "ensure", "compose", env=env)
    assert again.returncode == 0 and "already active" in again.stdout
    engine = open_database(Settings(data_dir=tmp_path / "data", database_url=db_url))
    assert KeyChecker(engine, ttl_s=0).is_valid(key)
    engine.dispose()

    assert likeness("keys", "revoke", "compose", env=env).returncode == 0
    revived = likeness("keys", "ensure", "compose", env=env)
    assert revived.returncode == 2
    assert revived.stderr.startswith("error: this key was revoked")


def test_ensure_without_a_key_or_with_a_placeholder_says_so(tmp_path: Path) -> None:
    env = {"LIKENESS_DATA_DIR": str(tmp_path / "data")}
    missing = likeness("keys", "ensure", "compose", env=env)
    assert missing.returncode == 2
    assert "LIKENESS_API_KEY is not set" in missing.stderr
    placeholder = likeness(
        "keys", "ensure", "compose", env={**env, "LIKENESS_API_KEY": "change-me"}
    )
    assert placeholder.returncode == 2
    assert "at least 32 characters" in placeholder.stderr
