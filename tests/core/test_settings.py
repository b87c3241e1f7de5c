"""Settings: the LIKENESS_ environment, a .env file, the engine check, and the derived paths."""

from __future__ import annotations

import inspect
import os
from pathlib import Path

import pytest
from pydantic import ValidationError

from likeness.core.settings import ENGINE_NAMES, Settings, default_data_dir, get_settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """No LIKENESS_ variable from the calling shell, no .env of the checkout, a fake home."""
    for name in list(os.environ):
        if name.startswith("LIKENESS_"):
            monkeypatch.delenv(name)
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_values_come_from_prefixed_environment_variables(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIKENESS_DATABASE_URL", "postgresql://db/likeness")
    monkeypatch.setenv("LIKENESS_MAX_POST_CHARS", "12")
    monkeypatch.setenv("LIKENESS_ENGINE", "transformers")
    monkeypatch.setenv("DATABASE_URL", "postgresql://not-ours/x")  # no prefix: not read
    settings = Settings()
    assert settings.database_url == "postgresql://db/likeness"
    assert settings.max_post_chars == 12
    assert settings.engine == "transformers"


def test_a_dot_env_file_in_the_working_directory_is_read(tmp_path: Path) -> None:
    (tmp_path / ".env").write_text("LIKENESS_INGEST_ADDR=127.0.0.1:50051\nUNRELATED=1\n")
    assert Settings().ingest_addr == "127.0.0.1:50051"


def test_the_environment_wins_over_the_dot_env_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / ".env").write_text("LIKENESS_MODEL=from-file\n")
    monkeypatch.setenv("LIKENESS_MODEL", "from-env")
    assert Settings().model == "from-env"


def test_unknown_likeness_variables_are_ignored(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIKENESS_NO_SUCH_SETTING", "x")
    Settings()


def test_defaults() -> None:
    settings = Settings()
    assert settings.engine == "vllm"
    assert settings.database_url is None
    assert settings.ingest_addr is None and settings.trainer_addr is None
    assert settings.inference_addr is None and settings.api_key is None
    assert settings.model is None


@pytest.mark.parametrize("engine", ENGINE_NAMES)
def test_every_known_engine_is_accepted(engine: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIKENESS_ENGINE", engine)
    assert Settings().engine == engine


def test_the_engine_loader_has_a_branch_for_every_allowed_name() -> None:
    from likeness.inference.engines import loading

    source = inspect.getsource(loading.load_engine)
    assert all(f'settings.engine == "{name}"' in source for name in ENGINE_NAMES)


@pytest.mark.parametrize("engine", ["vlm", "VLLM", "llama.cpp", ""])
def test_an_unknown_engine_fails_when_settings_load_naming_the_choices(
    engine: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LIKENESS_ENGINE", engine)
    with pytest.raises(ValidationError) as error:
        Settings()
    message = str(error.value)
    assert f"LIKENESS_ENGINE={engine!r}" in message
    assert "use one of: vllm, transformers" in message


def test_an_unknown_engine_passed_in_code_fails_too() -> None:
    with pytest.raises(ValidationError, match="use one of: vllm, transformers"):
        Settings(engine="tensorrt")  # type: ignore[arg-type]


def test_data_dir_defaults_under_xdg_data_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert default_data_dir() == tmp_path / "home" / ".local" / "share" / "likeness"
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "xdg"))
    assert default_data_dir() == tmp_path / "xdg" / "likeness"
    assert Settings().data_dir == tmp_path / "xdg" / "likeness"


def test_data_dir_expands_the_home_directory(tmp_path: Path) -> None:
    assert Settings(data_dir=Path("~/likeness")).data_dir == tmp_path / "home" / "likeness"


def test_database_url_defaults_to_sqlite_in_the_data_dir(tmp_path: Path) -> None:
    settings = Settings(data_dir=tmp_path / "data")
    assert settings.resolved_database_url == f"sqlite:///{tmp_path / 'data' / 'likeness.db'}"


def test_a_configured_database_url_is_used_as_given(tmp_path: Path) -> None:
    url = "postgresql://likeness@127.0.0.1:5432/likeness"
    assert Settings(data_dir=tmp_path, database_url=url).resolved_database_url == url


def test_import_root_defaults_to_imports_in_the_data_dir(tmp_path: Path) -> None:
    assert Settings(data_dir=tmp_path / "d").resolved_import_root == tmp_path / "d" / "imports"
    configured = Settings(data_dir=tmp_path / "d", import_root=Path("~/exports"))
    assert configured.resolved_import_root == tmp_path / "home" / "exports"


def test_get_settings_reads_once_per_process(monkeypatch: pytest.MonkeyPatch) -> None:
    get_settings.cache_clear()
    try:
        monkeypatch.setenv("LIKENESS_MODEL", "first")
        first = get_settings()
        monkeypatch.setenv("LIKENESS_MODEL", "second")
        assert get_settings() is first and first.model == "first"
    finally:
        get_settings.cache_clear()
