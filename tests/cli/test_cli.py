"""The ``likeness`` command in embedded mode, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from likeness.cli.main import app
from likeness.core.settings import get_settings

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "examples" / "sample-archive"


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db_url: str) -> CliRunner:
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


def test_import_json_summary_has_the_documented_keys(cli: CliRunner) -> None:
    summary = json.loads(run(cli, "import", str(SAMPLE), "--persona", "mags", "--json"))
    assert {"read", "kept", "flagged", "merged", "duplicates", "new"} <= summary.keys()
    assert summary["read"] >= 300
    assert summary["new"] == summary["read"] - summary.get("repeated", 0)
    assert 0 < summary["kept"] < summary["read"]
    assert summary["flagged"]["repost"] > 0
    assert summary["merged"] > 0
    again = json.loads(run(cli, "import", str(SAMPLE), "--persona", "mags", "--json"))
    assert again["new"] == 0
    assert again["kept"] == summary["kept"]


def test_stats_and_posts_after_import(cli: CliRunner) -> None:
    run(cli, "import", str(SAMPLE), "--persona", "mags", "--json")
    stats = json.loads(run(cli, "stats", "--persona", "mags", "--json"))
    assert stats["total"] > 0 and stats["kept"] + stats["flagged"] == stats["total"]
    assert stats["by_platform"] == {"twitter": stats["total"]}
    reposts = json.loads(run(cli, "posts", "--persona", "mags", "--flag", "repost", "--json"))
    assert reposts["total"] == stats["by_flag"]["repost"]
    assert all("repost" in post["flags"] for post in reposts["posts"])
    table = run(cli, "stats", "--persona", "mags")
    assert "kept for training" in table


def test_human_summary_is_a_table(cli: CliRunner) -> None:
    output = run(cli, "import", str(SAMPLE), "--persona", "mags")
    assert "read" in output and "new rows" in output


def test_unknown_persona_is_a_clear_error(cli: CliRunner) -> None:
    result = cli.invoke(app, ["stats", "--persona", "nobody"])
    assert result.exit_code == 2
    assert "no persona 'nobody'" in result.stderr


def test_unknown_flag_is_a_clear_error(cli: CliRunner) -> None:
    run(cli, "import", str(SAMPLE), "--persona", "mags", "--json")
    result = cli.invoke(app, ["posts", "--persona", "mags", "--flag", "spicy"])
    assert result.exit_code == 2
    assert "unknown flag 'spicy'" in result.stderr


def test_unrecognised_export_is_a_clear_error(cli: CliRunner, tmp_path: Path) -> None:
    odd = tmp_path / "photo.bin"
    odd.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    result = cli.invoke(app, ["import", str(odd), "--persona", "mags"])
    assert result.exit_code == 2
    assert "could not recognise" in result.stderr


def test_personas_create_and_list(cli: CliRunner) -> None:
    run(cli, "personas", "create", "mags", "--name", "Mags", "--card", "You are Mags.")
    listed = json.loads(run(cli, "personas", "list", "--json"))
    assert listed == [
        {
            "slug": "mags",
            "display_name": "Mags",
            "card": "You are Mags.",
            "created_at": listed[0]["created_at"],
            "post_count": 0,
            "exclude_flags": listed[0]["exclude_flags"],
            "gate": {},  # the settings' thresholds
            "mix": [],  # a persona of its own
        }
    ]
    assert "repost" in listed[0]["exclude_flags"]


def test_the_same_commands_work_against_a_running_ingest_service(
    cli: CliRunner, tmp_path: Path, db_url: str
) -> None:
    from likeness.core.grpc_server import stop_server
    from likeness.core.settings import Settings
    from likeness.ingest.server import make_ingest_server

    server_settings = Settings(data_dir=tmp_path / "server", database_url=db_url)
    server, port = make_ingest_server(server_settings, host="127.0.0.1", port=0)
    server.start()
    try:
        remote = ["--server", f"127.0.0.1:{port}"]
        summary = json.loads(
            run(cli, *remote, "import", str(SAMPLE), "--persona", "mags", "--json")
        )
        assert summary["new"] == summary["read"] > 300
        stats = json.loads(run(cli, *remote, "stats", "--persona", "mags", "--json"))
        assert stats["total"] == summary["new"]
        assert stats["kept"] == summary["kept"]
        # The embedded CLI sees the same database the service wrote.
        local = json.loads(run(cli, "stats", "--persona", "mags", "--json"))
        assert local == stats
        missing = cli.invoke(app, [*remote, "stats", "--persona", "nobody"])
        assert missing.exit_code == 2
        assert "no persona 'nobody'" in missing.stderr
    finally:
        stop_server(server, grace_s=1)


def test_persona_exclusions_decide_what_is_kept(cli: CliRunner) -> None:
    first = json.loads(run(cli, "import", str(SAMPLE), "--persona", "mags", "--json"))
    run(cli, "personas", "create", "mags", "--exclude", "none")
    everything = json.loads(run(cli, "stats", "--persona", "mags", "--json"))
    assert everything["kept"] == everything["total"] == first["read"]
    run(cli, "personas", "create", "mags", "--exclude", "repost", "--exclude", "reply")
    some = json.loads(run(cli, "stats", "--persona", "mags", "--json"))
    assert some["kept"] == some["total"] - len(
        {
            p["id"]
            for flag in ("repost", "reply")
            for p in json.loads(
                run(cli, "posts", "--persona", "mags", "--flag", flag, "--limit", "1000", "--json")
            )["posts"]
        }
    )
    bad = cli.invoke(app, ["personas", "create", "mags", "--exclude", "spicy"])
    assert bad.exit_code == 2 and "unknown flag 'spicy'" in bad.stderr


def test_an_import_error_names_its_record_in_brackets(cli: CliRunner, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "text": "hello there"}\nnot json\n')
    result = cli.invoke(app, ["import", str(bad), "--persona", "mags", "--format", "jsonl"])
    assert result.exit_code == 2
    assert "[bad.jsonl#line 2]" in result.stderr  # rich markup used to swallow it


def test_first_import_says_how_to_replace_the_placeholder_card(cli: CliRunner) -> None:
    first = run(cli, "import", str(SAMPLE), "--persona", "mags")
    hint = " ".join(first.split())
    assert "created with a placeholder card" in hint
    assert 'likeness personas update mags --name "…" --card-file card.txt' in hint
    assert "placeholder card" not in run(cli, "import", str(SAMPLE), "--persona", "mags")
    # A persona made beforehand with a real card gets no hint.
    run(cli, "personas", "create", "ann", "--name", "Ann", "--card", "You are Ann, a sailor.")
    assert "placeholder" not in run(cli, "import", str(SAMPLE), "--persona", "ann")


def test_personas_update_sets_name_and_card_from_a_file(cli: CliRunner, tmp_path: Path) -> None:
    run(cli, "import", str(SAMPLE), "--persona", "mags", "--json")
    card = tmp_path / "card.txt"
    card.write_text("You are Mags Lee, a ferry captain.\nShort sentences, dry humour.\n", "utf-8")
    update = ["personas", "update", "mags", "--name", "Mags Lee", "--card-file", str(card)]
    updated = json.loads(run(cli, *update, "--json"))
    assert updated["display_name"] == "Mags Lee"
    assert updated["card"] == "You are Mags Lee, a ferry captain.\nShort sentences, dry humour."
    assert updated["post_count"] > 0
    renamed = json.loads(run(cli, "personas", "update", "mags", "--name", "Mags", "--json"))
    assert renamed["card"] == updated["card"]  # what is not given stays

    def refused(*args: str) -> str:
        result = cli.invoke(app, list(args))
        assert result.exit_code == 2, result.output
        return result.stderr

    assert "no persona 'nobody'" in refused("personas", "update", "nobody", "--name", "X")
    assert "nothing to change" in refused("personas", "update", "mags")
    assert "--gate takes a JSON object" in refused("personas", "update", "mags", "--gate", "[1]")
    gated = run(cli, "personas", "update", "mags", "--gate", '{"min_attribution": 0.9}', "--json")
    assert json.loads(gated)["gate"] == {"min_attribution": 0.9}
    assert "not both" in refused("personas", "create", "x", "--card", "a", "--card-file", str(card))
    empty = tmp_path / "empty.txt"
    empty.write_text("\n")
    assert "is empty" in refused("personas", "update", "mags", "--card-file", str(empty))
    assert [p["slug"] for p in json.loads(run(cli, "personas", "list", "--json"))] == ["mags"]


def test_personas_update_against_a_running_ingest_service(
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
        remote = ["--server", f"127.0.0.1:{port}"]
        run(cli, *remote, "personas", "create", "mags")
        updated = json.loads(
            run(cli, *remote, "personas", "update", "mags", "--card", "You are Mags.", "--json")
        )
        assert updated["card"] == "You are Mags."
        # The persona's own serving-gate thresholds travel through the service too.
        gate = '{"min_attribution": 0.8, "max_copy_rate": null}'
        gated = json.loads(
            run(cli, *remote, "personas", "update", "mags", "--gate", gate, "--json")
        )
        assert gated["gate"] == {"min_attribution": 0.8, "max_copy_rate": None}
        assert gated["card"] == "You are Mags."  # what is not given stays
        table = run(cli, *remote, "personas", "list")
        assert "min_attribution 0.8" in table and "max_copy_rate off" in table
        bad = cli.invoke(app, [*remote, "personas", "update", "mags", "--gate", '{"min_atr": 1}'])
        assert bad.exit_code == 2 and "bad gate settings: min_atr" in bad.stderr
        reset = run(cli, *remote, "personas", "update", "mags", "--gate", "{}", "--json")
        assert json.loads(reset)["gate"] == {}
        missing = cli.invoke(app, [*remote, "personas", "update", "nobody", "--name", "X"])
        assert missing.exit_code == 2 and "no persona 'nobody'" in missing.stderr
    finally:
        stop_server(server, grace_s=1)
