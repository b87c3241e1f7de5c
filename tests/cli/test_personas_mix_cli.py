"""Mix personas (issue 12.6): ``likeness personas create X --mix a,b`` stores the sources in the
persona's settings, embedded and through a running ingest service, and refuses what cannot be
mixed with a clear error."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from likeness.cli.main import app
from likeness.core.settings import get_settings


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db_url: str) -> Iterator[CliRunner]:
    monkeypatch.setenv("LIKENESS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LIKENESS_DATABASE_URL", db_url)
    monkeypatch.delenv("LIKENESS_INGEST_ADDR", raising=False)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def run(cli: CliRunner, *args: str) -> str:
    result = cli.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def refused(cli: CliRunner, *args: str) -> str:
    result = cli.invoke(app, list(args))
    assert result.exit_code == 2, result.output
    return " ".join(result.stderr.split())  # rich may wrap a long message


def mix_commands(cli: CliRunner, remote: list[str]) -> None:
    for slug in ("trump", "andre", "mags"):
        run(cli, *remote, "personas", "create", slug)
    made = json.loads(
        run(
            cli,
            *remote,
            "personas",
            "create",
            "shrump",
            "--name",
            "Shrump",
            "--mix",
            "trump, andre",
            "--card",
            "You are Shrump.",
            "--json",
        )
    )
    assert made["mix"] == ["trump", "andre"] and made["card"] == "You are Shrump."
    table = run(cli, *remote, "personas", "list")
    assert "mix of" in table and "trump + andre" in table
    listed = {p["slug"]: p for p in json.loads(run(cli, *remote, "personas", "list", "--json"))}
    assert listed["shrump"]["mix"] == ["trump", "andre"] and listed["trump"]["mix"] == []

    # update --mix replaces the sources; what is not given stays.
    changed = json.loads(
        run(cli, *remote, "personas", "update", "shrump", "--mix", "trump,mags", "--json")
    )
    assert changed["mix"] == ["trump", "mags"] and changed["display_name"] == "Shrump"

    # Refusals, each saying why; nothing is written.
    assert "at least 2 source personas, got 1 (trump)" in refused(
        cli, *remote, "personas", "update", "shrump", "--mix", "trump"
    )
    assert "at least 2 source personas" in refused(
        cli, *remote, "personas", "update", "shrump", "--mix", "trump,trump"
    )
    assert "no persona 'nobody' to mix" in refused(
        cli, *remote, "personas", "update", "shrump", "--mix", "trump,nobody"
    )
    assert "cannot be a source of its own mix" in refused(
        cli, *remote, "personas", "update", "shrump", "--mix", "shrump,trump"
    )
    inner = refused(cli, *remote, "personas", "create", "double", "--mix", "shrump,andre")
    assert "'shrump' is itself a mix (of trump, mags)" in inner
    assert "a mix persona cannot be a source of another mix" in inner
    source = refused(cli, *remote, "personas", "update", "trump", "--mix", "andre,mags")
    assert "'trump' is a source of the mix 'shrump'" in source
    assert "--mix takes persona slugs" in refused(
        cli, *remote, "personas", "update", "shrump", "--mix", " , "
    )
    listed = {p["slug"]: p for p in json.loads(run(cli, *remote, "personas", "list", "--json"))}
    assert "double" not in listed  # a refused create creates nothing
    assert listed["shrump"]["mix"] == ["trump", "mags"] and listed["trump"]["mix"] == []

    # --mix none makes it a persona of its own again; then trump may become a mix itself.
    alone = json.loads(run(cli, *remote, "personas", "update", "shrump", "--mix", "none", "--json"))
    assert alone["mix"] == []
    assert "mix of" not in run(cli, *remote, "personas", "list")
    mixed = json.loads(
        run(cli, *remote, "personas", "update", "trump", "--mix", "andre,mags", "--json")
    )
    assert mixed["mix"] == ["andre", "mags"]


def test_define_a_mix_persona_embedded(cli: CliRunner) -> None:
    mix_commands(cli, [])


def test_define_a_mix_persona_through_a_running_ingest_service(
    cli: CliRunner, tmp_path: Path, db_url: str
) -> None:
    from likeness.core.grpc_server import stop_server
    from likeness.core.settings import Settings
    from likeness.ingest.server import make_ingest_server

    server, port = make_ingest_server(
        Settings(data_dir=tmp_path / "server", database_url=db_url), host="127.0.0.1", port=0
    )
    server.start()
    try:
        mix_commands(cli, ["--server", f"127.0.0.1:{port}"])
    finally:
        stop_server(server, grace_s=1)
