"""The report card's plots: each writes a PNG, whatever the data."""

from __future__ import annotations

from pathlib import Path

import pytest

from likeness.trainer.fidelity.plots import (
    attribution_bars,
    length_distributions,
    perplexity_histograms,
)

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def assert_png(path: Path) -> None:
    data = path.read_bytes()
    assert data.startswith(PNG_MAGIC)
    assert len(data) > 1000


@pytest.mark.parametrize(("real", "reliable"), [(None, True), (0.97, True), (0.55, False)], ids=str)
def test_attribution_bars(tmp_path: Path, real: float | None, reliable: bool) -> None:
    path = tmp_path / "card" / "attribution.png"  # the folder is created
    assert attribution_bars(path, 0.91, 0.12, real=real, reliable=reliable) == path
    assert_png(path)


def test_perplexity_histograms(tmp_path: Path) -> None:
    tuned = [12.5, 18.0, 22.1, 30.4, 41.0, 55.2, 19.9]
    base = [45.0, 80.2, 120.7, 300.1, 95.5, float("inf"), 0.0]  # not finite/positive: left out
    path = perplexity_histograms(tmp_path / "perplexity.png", tuned, base)
    assert_png(path)
    assert_png(perplexity_histograms(tmp_path / "empty.png", [], []))
    assert_png(perplexity_histograms(tmp_path / "flat.png", [7.0, 7.0], [7.0]))


def test_length_distributions(tmp_path: Path) -> None:
    real = [5, 12, 18, 22, 40, 9, 31]
    generated = {"tuned": [6, 14, 20, 25, 38], "base": [60, 72, 80, 95], "other model": [1, 2]}
    assert_png(length_distributions(tmp_path / "lengths.png", real, generated))
    assert_png(length_distributions(tmp_path / "nothing.png", [], {}))
