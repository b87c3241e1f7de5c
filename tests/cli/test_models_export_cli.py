"""``likeness models export``: a registered persona adapter written as GGUF + Modelfile, or as a
merged folder, from the command line (embedded, on the tiny model)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest
from registered_models import add_model
from sqlalchemy import Engine
from typer.testing import CliRunner

from likeness.cli.main import app
from likeness.core.settings import get_settings
from likeness.ingest.personas import create_persona


@pytest.fixture
def cli(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, db_url: str, tiny_model_dir: Path
) -> Iterator[CliRunner]:
    monkeypatch.setenv("LIKENESS_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("LIKENESS_DATABASE_URL", db_url)
    monkeypatch.setenv("LIKENESS_MODEL", str(tiny_model_dir))
    for name in ("LIKENESS_TRAINER_ADDR", "LIKENESS_INFERENCE_ADDR", "LIKENESS_INGEST_ADDR"):
        monkeypatch.delenv(name, raising=False)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


@pytest.fixture
def model_id(engine: Engine, tiny_model_dir: Path, tiny_adapter_dir: Path) -> str:
    create_persona(engine, "mags", "Mags", "You are Mags. Dry humour.", None)
    return add_model(
        engine, "mags", str(tiny_adapter_dir), kind="persona-lora", base=str(tiny_model_dir)
    )


def test_export_gguf_by_id_prefix_into_the_data_dir(
    cli: CliRunner, model_id: str, tmp_path: Path
) -> None:
    result = cli.invoke(app, ["models", "export", model_id[:8], "--quantize", "q8_0"])
    assert result.exit_code == 0, result.output
    out = tmp_path / "data" / "exports" / f"mags-{model_id[:8]}-gguf-q8_0"
    assert (out / "mags-q8_0.gguf").stat().st_size > 0
    assert 'SYSTEM """You are Mags. Dry humour."""' in (out / "Modelfile").read_text()
    assert f"exported model {model_id} to {out}" in result.stdout
    assert "ollama create mags -f" in result.stdout
    assert "merging the adapter" in result.stderr  # progress goes to stderr


def test_export_merged_json_and_refusals(cli: CliRunner, model_id: str, tmp_path: Path) -> None:
    out = tmp_path / "merged"
    args = ["models", "export", model_id, "--format", "merged", "--out", str(out), "--json"]
    result = cli.invoke(app, args)
    assert result.exit_code == 0, result.output
    written = json.loads(result.stdout)
    assert written["path"] == str(out) and written["format"] == "merged"
    assert "config.json" in written["files"]

    again = cli.invoke(app, args)
    assert again.exit_code == 2
    assert "already exists; pass --force" in " ".join(again.stderr.split())
    assert cli.invoke(app, [*args, "--force"]).exit_code == 0

    unknown = cli.invoke(app, ["models", "export", "f" * 32])
    assert unknown.exit_code == 2 and "no model" in unknown.stderr
    bad = cli.invoke(app, ["models", "export", model_id, "--quantize", "q4"])
    assert bad.exit_code == 2 and "q4" in bad.output


def test_export_help_names_the_formats(cli: CliRunner) -> None:
    result = cli.invoke(app, ["models", "export", "--help"])
    assert result.exit_code == 0
    text = " ".join(result.stdout.split())
    assert "--format" in text and "--quantize" in text and "Modelfile" in text
