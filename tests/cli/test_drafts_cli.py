"""``likeness drafts``, embedded and against a DraftService, with real files on both databases."""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from draft_rows import add_drafts, draft_states
from persona_corpus import make_persona
from sqlalchemy import Engine
from typer.testing import CliRunner

from likeness.cli.commands.drafts import append_lines, one_line
from likeness.cli.main import app
from likeness.core.grpc_server import build_server, stop_server
from likeness.core.settings import get_settings
from likeness.labeler.drafts_servicer import draft_service_spec

EMPTY = "no approved drafts waiting for export"


@pytest.fixture
def cli(monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db_url: str) -> Iterator[CliRunner]:
    monkeypatch.setenv("LIKENESS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LIKENESS_DATABASE_URL", db_url)
    for name in ("LIKENESS_LABELER_ADDR", "LIKENESS_INGEST_ADDR", "LIKENESS_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


@pytest.fixture
def mags(engine: Engine) -> int:
    return make_persona(engine, "mags").persona_id


def run(cli: CliRunner, *args: str) -> str:
    result = cli.invoke(app, ["drafts", *args], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return " ".join(result.stdout.split())  # rich wraps long lines


def run_json(cli: CliRunner, *args: str) -> dict:
    result = cli.invoke(app, ["drafts", *args, "--json"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def refused(cli: CliRunner, *args: str) -> str:
    result = cli.invoke(app, ["drafts", *args])
    assert result.exit_code == 2, result.output
    return " ".join(result.stderr.split())


def test_review_and_export_once_into_a_real_file(
    cli: CliRunner, engine: Engine, mags: int, tmp_path: Path
) -> None:
    ids = add_drafts(
        engine,
        mags,
        ["Fog again.\nStill here.", "fog AGAIN. still here.", "  \u200b ", "Tide out", "Gulls"],
    )
    listed = run(cli, "list", "--persona", "mags")
    assert "5 of 5 pending draft(s)" in listed and ids[0][:12] in listed
    page = run_json(cli, "list", "--persona", "mags", "--limit", "2")
    assert page["total"] == 5 and [d["id"] for d in page["drafts"]] == [ids[4], ids[3]]

    approved = run(cli, "approve", *(i[:12] for i in ids[:4]))
    assert approved.startswith("approved 4 draft(s)")
    assert run(cli, "reject", ids[4]).startswith("rejected 1 draft(s)")
    assert run(cli, "reset", ids[3][:12]).startswith("back to pending: 1 draft(s)")

    out = tmp_path / "queue" / "mags.jsonl"
    printed = run(cli, "export", "--persona", "mags", "--out", str(out))
    lines = out.read_text(encoding="utf-8").splitlines()
    assert len(lines) == 1
    row = json.loads(lines[0])
    assert set(row) == {"id", "persona", "topic", "text", "model_id", "created_at"}
    assert (row["id"], row["persona"], row["text"]) == (ids[0], "mags", "Fog again.\nStill here.")
    assert (row["topic"], row["model_id"]) == ("the sea", "base-model")
    assert row["created_at"].startswith("2026-01-01T12:00:00")
    assert "exported 1 draft in batch" in printed and "1 duplicate never exported" in printed
    assert "1 blank draft rejected" in printed and f"wrote 1 line(s) to {out}" in printed
    assert draft_states(engine, ids) == ["approved", "duplicate", "rejected", "pending", "rejected"]
    batch = printed.split("in batch ")[1].split()[0]

    # Exactly once: the queue is empty now; the file is left as it was.
    before = out.read_bytes()
    assert run(cli, "export", "--persona", "mags", "--out", str(out)) == EMPTY
    assert out.read_bytes() == before

    # The next export appends to the file; the exported draft cannot be changed any more.
    run(cli, "approve", ids[3])
    second = run_json(cli, "export", "--persona", "mags", "--out", str(out))
    assert second["written"] == 1 and [d["id"] for d in second["drafts"]] == [ids[3]]
    assert second["batch_id"] != batch
    assert [json.loads(line)["id"] for line in out.read_text().splitlines()] == [ids[0], ids[3]]
    assert "can no longer be changed" in refused(cli, "reject", ids[0][:12])

    # A lost file: the batch is written again, the same line; into the kept file, nothing.
    lost = tmp_path / "lost.jsonl"
    again = run(cli, "export", "--persona", "mags", "--out", str(lost), "--batch", batch)
    assert f"batch {batch}: 1 draft(s)" in again
    assert lost.read_text().splitlines() == lines
    kept = run(cli, "export", "--persona", "mags", "--out", str(out), "--batch", batch)
    assert "wrote 0 line(s)" in kept and "(1 already in it)" in kept
    assert len(out.read_text().splitlines()) == 2
    exported = run(cli, "list", "--persona", "mags", "--state", "exported")
    assert batch in exported and "2 of 2 exported" in exported


def test_lines_format_one_post_per_line(
    cli: CliRunner, engine: Engine, mags: int, tmp_path: Path
) -> None:
    texts = ['two\nlines and a \\ and "quotes"', "para\u2028sep\r\nend", "plain\tpost"]
    ids = add_drafts(engine, mags, texts)
    run(cli, "approve", *ids)
    out = tmp_path / "queue.txt"
    out.write_text("an older post", encoding="utf-8")  # no final newline
    run(cli, "export", "--persona", "mags", "--out", str(out), "--format", "lines")
    lines = out.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "an older post" and len(lines) == 4
    assert lines[1] == 'two\\nlines and a \\\\ and "quotes"'
    assert lines[2] == "para\\u2028sep\\r\\nend"
    # Escaped as in a JSON string: a JSON decoder gives every text back as it was.
    decoded = [json.loads('"' + line.replace('"', '\\"') + '"', strict=False) for line in lines[1:]]
    assert decoded == texts
    assert one_line("a\x85b\u2029c\x0bd") == "a\\u0085b\\u2029c\\u000bd"


def test_an_empty_queue_writes_nothing_and_exits_0(
    cli: CliRunner, engine: Engine, mags: int, tmp_path: Path
) -> None:
    add_drafts(engine, mags, ["still pending"])
    out = tmp_path / "queue.jsonl"
    assert run(cli, "export", "--persona", "mags", "--out", str(out)) == EMPTY
    assert not out.exists()
    empty = run_json(cli, "export", "--persona", "mags", "--out", str(out))
    assert empty["message"] == EMPTY and empty["drafts"] == [] and empty["written"] == 0
    assert run(cli, "list", "--persona", "mags", "--state", "approved") == "no approved drafts"


def test_refusals_are_one_clear_line(
    cli: CliRunner, engine: Engine, mags: int, tmp_path: Path
) -> None:
    (draft,) = add_drafts(engine, mags, ["one"])
    assert "no draft 'feedfacefeed'" in refused(cli, "approve", "feedfacefeed")
    assert "no persona 'nobody'" in refused(cli, "list", "--persona", "nobody")
    assert "unknown draft state" in refused(cli, "list", "--state", "published")
    out = str(tmp_path / "x")
    assert "--format must be one of" in refused(
        cli, "export", "--persona", "mags", "--out", out, "--format", "csv"
    )
    assert "no export batch" in refused(
        cli, "export", "--persona", "mags", "--out", out, "--batch", "0" * 32
    )
    assert draft_states(engine, [draft]) == ["pending"]


def test_remote_through_the_draft_service(
    cli: CliRunner,
    engine: Engine,
    mags: int,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    ids = add_drafts(engine, mags, ["remote one", "remote two"])
    server, port = build_server(
        [draft_service_spec(engine)], host="127.0.0.1", port=0, key_checker=None
    )
    server.start()
    addr = f"127.0.0.1:{port}"
    # Remote mode must not need the database: point the embedded one somewhere unusable.
    monkeypatch.setenv("LIKENESS_DATABASE_URL", "postgresql://nobody@127.0.0.1:1/none")
    get_settings.cache_clear()
    try:
        page = run_json(cli, "list", "--persona", "mags", "--server", addr)
        assert [d["id"] for d in page["drafts"]] == ids[::-1]
        run(cli, "approve", ids[0][:12], "--server", addr)
        assert "no draft 'feedfacefeed'" in refused(cli, "reject", "feedfacefeed", "--server", addr)
        monkeypatch.setenv("LIKENESS_LABELER_ADDR", addr)  # the setting selects remote too
        get_settings.cache_clear()
        out = tmp_path / "remote.jsonl"
        printed = run(cli, "export", "--persona", "mags", "--out", str(out))
        assert "exported 1 draft in batch" in printed
        assert [json.loads(line)["text"] for line in out.read_text().splitlines()] == ["remote one"]
        assert run(cli, "export", "--persona", "mags", "--out", str(out)) == EMPTY
    finally:
        stop_server(server, grace_s=1)
    assert "cannot reach the labeler service" in refused(cli, "list", "--server", "127.0.0.1:1")
    assert draft_states(engine, ids) == ["approved", "pending"]


def test_append_is_atomic_and_keeps_the_file_mode(tmp_path: Path) -> None:
    out = tmp_path / "queue.txt"
    out.write_text("old\n", encoding="utf-8")
    os.chmod(out, 0o640)
    assert append_lines(out, ["new", "old", "new"]) == 1  # held and repeated lines: once
    assert out.read_text(encoding="utf-8") == "old\nnew\n"
    assert out.stat().st_mode & 0o777 == 0o640
    assert append_lines(out, ["old"]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["queue.txt"]  # no temporary left
