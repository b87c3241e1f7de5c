"""Fixtures the recipe tests share."""

from __future__ import annotations

from pathlib import Path

import pytest
from preference_data import save_tiny_reward_model


@pytest.fixture(scope="session")
def reward_dir(tmp_path_factory: pytest.TempPathFactory, tiny_model_dir: Path) -> Path:
    return save_tiny_reward_model(tmp_path_factory.mktemp("reward"), tiny_model_dir)
