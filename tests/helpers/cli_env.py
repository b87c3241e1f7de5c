"""The environment of a CLI test that runs everything embedded: its data dir and database, the
tiny model on the transformers engine, and no service address (so no command goes remote).

    embedded_cli_env(monkeypatch, settings.data_dir, db_url, tiny_model_dir)
    get_settings.cache_clear()   # the caller's fixture clears it before and after
"""

from __future__ import annotations

from pathlib import Path

import pytest

SERVICE_ADDRESSES = (
    "LIKENESS_TRAINER_ADDR",
    "LIKENESS_LABELER_ADDR",
    "LIKENESS_INFERENCE_ADDR",
    "LIKENESS_INGEST_ADDR",
)


def embedded_cli_env(
    monkeypatch: pytest.MonkeyPatch, data_dir: Path, db_url: str, model_dir: Path
) -> None:
    monkeypatch.setenv("LIKENESS_DATA_DIR", str(data_dir))
    monkeypatch.setenv("LIKENESS_DATABASE_URL", db_url)
    monkeypatch.setenv("LIKENESS_MODEL", str(model_dir))
    monkeypatch.setenv("LIKENESS_ENGINE", "transformers")
    for name in SERVICE_ADDRESSES:
        monkeypatch.delenv(name, raising=False)
