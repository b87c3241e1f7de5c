"""``likeness normalize`` and ``likeness generate`` embedded, on the transformers engine."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from likeness.cli.main import app
from likeness.core.settings import get_settings

SAMPLE = Path(__file__).resolve().parents[2] / "examples" / "sample-archive"


@pytest.fixture
def cli(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db_url: str, tiny_model_dir: Path
) -> Iterator[CliRunner]:
    monkeypatch.setenv("LIKENESS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LIKENESS_DATABASE_URL", db_url)
    monkeypatch.setenv("LIKENESS_ENGINE", "transformers")
    monkeypatch.setenv("LIKENESS_MODEL", str(tiny_model_dir))
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def run(cli: CliRunner, *args: str) -> str:
    result = cli.invoke(app, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_normalize_resumes_and_generate_stores_drafts(cli: CliRunner) -> None:
    imported = json.loads(run(cli, "import", str(SAMPLE), "--persona", "mags", "--json"))
    first = json.loads(run(cli, "normalize", "--persona", "mags", "--limit", "20", "--json"))
    assert first["normalized"] + first["empty"] == 20
    rest = json.loads(run(cli, "normalize", "--persona", "mags", "--json"))
    assert first["normalized"] + rest["normalized"] + rest["empty"] + first["empty"] >= 20
    assert rest["remaining"] == rest["empty"]
    stats = json.loads(run(cli, "stats", "--persona", "mags", "--json"))
    assert stats["normalized"] == first["normalized"] + rest["normalized"] <= imported["kept"]
    drafts = json.loads(
        run(cli, "generate", "--persona", "mags", "--topic", "fog", "-n", "2", "--json")
    )
    assert 1 <= len(drafts) <= 2 and all(d["topic"] == "fog" for d in drafts)


def test_inference_commands_refuse_unknown_personas(cli: CliRunner) -> None:
    for command in (["normalize"], ["generate", "-n", "1"]):
        result = cli.invoke(app, [*command, "--persona", "nobody"])
        assert result.exit_code == 2
        assert "no persona 'nobody'" in result.stderr


def test_chat_answers_each_turn_until_an_empty_line(cli: CliRunner) -> None:
    run(cli, "personas", "create", "mags", "--card", "You are Mags.")
    result = cli.invoke(
        app,
        ["chat", "--persona", "mags", "--max-tokens", "5", "--temperature", "0"],
        input="hello\nand again\n\n",
    )
    assert result.exit_code == 0, result.output
    # Two turns answered, each on its own "mags>" line, then the empty line ended the chat.
    assert result.stdout.count("mags> ") == 2


def _likeness(*args: str, timeout: float = 240) -> subprocess.CompletedProcess[str]:
    """``python -m likeness.cli ARGS`` in a fresh process (with this test's LIKENESS_* env), so
    libraries are imported, and draw or not, as they would for a user."""
    return subprocess.run(
        [sys.executable, "-m", "likeness.cli", *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        env=dict(os.environ),
    )


def test_a_json_run_draws_no_library_progress_bar(cli: CliRunner) -> None:
    run(cli, "import", str(SAMPLE), "--persona", "mags", "--json")
    # Loading the model draws transformers' "Loading weights" tqdm bar unless switched off.
    result = _likeness("normalize", "--persona", "mags", "--limit", "2", "--json")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["normalized"] + json.loads(result.stdout)["empty"] == 2
    assert "it/s]" not in result.stderr and "%|" not in result.stderr, result.stderr


def test_serve_inference_beyond_loopback_without_keys_refuses_in_one_line(
    cli: CliRunner,
) -> None:
    result = _likeness(
        "serve", "inference", "--host", "0.0.0.0", "--http-port", "0", "--grpc-port", "0"
    )
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    (line,) = [text for text in result.stderr.splitlines() if text.startswith("error:")]
    assert "0.0.0.0" in line and "API key" in line
