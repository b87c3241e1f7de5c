"""The CLI's output helpers that change the process's environment."""

from __future__ import annotations

import os
import warnings

import pytest

from likeness.cli import render


def test_quiet_engine_logs_quiets_the_engines_but_a_users_setting_wins(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("VLLM_LOGGING_LEVEL", raising=False)
    monkeypatch.setenv("TORCH_CPP_LOG_LEVEL", "INFO")
    monkeypatch.delenv("PYTHONWARNINGS", raising=False)
    with warnings.catch_warnings():
        render.quiet_engine_logs()
        with warnings.catch_warnings(record=True) as shown:
            warnings.warn("a library's deprecation notice", DeprecationWarning, stacklevel=1)

    assert os.environ["VLLM_LOGGING_LEVEL"] == "ERROR"
    assert os.environ["TORCH_CPP_LOG_LEVEL"] == "INFO"  # the user's
    assert os.environ["PYTHONWARNINGS"] == "ignore"  # inherited by vLLM's engine process
    assert shown == []


def test_quiet_engine_logs_leaves_warnings_on_when_the_user_asked_for_them(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setenv("PYTHONWARNINGS", "default")
    with warnings.catch_warnings():
        warnings.simplefilter("default")
        render.quiet_engine_logs()
        with warnings.catch_warnings(record=True) as shown:
            warnings.simplefilter("always")
            warnings.warn("kept", UserWarning, stacklevel=1)
    assert [str(w.message) for w in shown] == ["kept"]
