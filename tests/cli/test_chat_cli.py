"""``likeness chat``: a conversation with a persona's active adapter, in the terminal, through
the serving layer (its card, its adapter, its copy guard)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from cli_env import embedded_cli_env
from sqlalchemy import Engine
from tiny_persona import tiny_settings, train_tiny_persona
from typer.testing import CliRunner

from likeness.cli.main import app
from likeness.core.registry import activate
from likeness.core.settings import Settings, get_settings

pytestmark = pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)


@pytest.fixture
def settings(tmp_path: Path, db_url: str, tiny_model_dir: Path) -> Settings:
    return tiny_settings(tmp_path, db_url, tiny_model_dir)


@pytest.fixture
def cli(
    monkeypatch: pytest.MonkeyPatch, settings: Settings, db_url: str, tiny_model_dir: Path
) -> Iterator[CliRunner]:
    embedded_cli_env(monkeypatch, settings.data_dir, db_url, tiny_model_dir)
    get_settings.cache_clear()
    yield CliRunner()
    get_settings.cache_clear()


def test_chat_answers_each_turn_with_the_active_adapter(
    cli: CliRunner, engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    activate(engine, train_tiny_persona(engine, settings, tmp_path))
    result = cli.invoke(
        app, ["chat", "-p", "mags", "--max-tokens", "6"], input="Who are you?\nAnd today?\n\n"
    )
    assert result.exit_code == 0, result.output
    assert result.output.count("mags> ") == 2  # one answer per turn, then the empty line ends


def test_chat_with_an_unknown_persona_says_so(cli: CliRunner, engine: Engine) -> None:
    result = cli.invoke(app, ["chat", "-p", "nobody"], input="\n")
    assert result.exit_code != 0
    assert "nobody" in result.output
