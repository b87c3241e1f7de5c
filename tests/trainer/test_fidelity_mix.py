"""The report card of a mix persona (issue 12.6) on a tiny model: a persona-sft run on the
token-balanced mix of two personas, then its evaluation with a style judge of one class per
source plus "other", attribution per source, and the mix's sources kept out of "other"."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from persona_corpus import make_persona
from sqlalchemy import Engine

from likeness.core.registry import get_model
from likeness.core.settings import Settings
from likeness.trainer.fidelity import judge as judge_module
from likeness.trainer.fidelity.config import EvalConfig
from likeness.trainer.fidelity.data import evaluation_data
from likeness.trainer.fidelity.evaluate import evaluate_model
from likeness.trainer.recipes.base import RunContext
from likeness.trainer.runner import run_training

MAGS = [
    f"The fog came in early on day {day}. Tea, then the lamp, then more tea." for day in range(30)
]
RIPLEY = [f"ENGINES HOT!!! Launch window {n} opens at dawn, crew ready!!!" for n in range(30)]
COOK = [f"Recipe {n}: two eggs, a pinch of salt, butter in a cold pan." for n in range(30)]
TINY_RUN = {"max_steps": 2, "batch_size": 4, "max_length": 256, "evaluate": False}
TINY_EVAL = {"samples": 4, "negatives": 8, "max_tokens": 12, "guard_retries": 1}


@pytest.fixture
def settings(tmp_path: Path, db_url: str, tiny_model_dir: Path) -> Settings:
    return Settings(
        data_dir=tmp_path / "data",
        database_url=db_url,
        model=str(tiny_model_dir),
        engine="transformers",
    )


@pytest.fixture
def model_id(engine: Engine, settings: Settings, tmp_path: Path) -> str:
    for slug, texts in (("mags", MAGS), ("ripley", RIPLEY), ("cook", COOK)):
        corpus = make_persona(engine, slug)
        for day, text in enumerate(texts):
            corpus.add(text, day=day)
    make_persona(engine, "shrump", {"mix": ["mags", "ripley"]})
    ctx = RunContext(run_dir=tmp_path / "run", data_dir=settings.data_dir, device="cpu")
    return run_training(engine, settings, "persona-sft", "shrump", TINY_RUN, ctx).model_id


@pytest.mark.parametrize("db_url", ["sqlite"], indirect=True)
def test_a_mix_report_card_has_a_judge_per_source_and_attribution_per_source(
    engine: Engine, settings: Settings, model_id: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What the evaluation reads: rows by source, held-out posts of both sources in turn, and
    # only authors outside the mix as "other".
    data = evaluation_data(engine, get_model(engine, model_id), max_heldout=4)
    assert data.mix == ["mags", "ripley"]
    assert set(data.train_sources) == {"mags", "ripley"}
    assert {p.source for p in data.heldout[:2]} == {"mags", "ripley"}
    assert data.others and set(data.others) <= set(COOK)

    classes: list[tuple[str, ...]] = []
    real_train_judge = judge_module.train_judge

    def spy(samples: Any, **options: Any) -> Any:
        classes.append(tuple(samples))
        return real_train_judge(samples, **options)

    monkeypatch.setattr(judge_module, "train_judge", spy)
    result = evaluate_model(engine, settings, EvalConfig(model_id=model_id, **TINY_EVAL))
    assert result is not None
    assert classes == [("mags", "ripley", "other")]

    m = result.metrics
    for name in ("tuned", "base", "real"):
        shares = [m[f"attribution_{name}_mags"], m[f"attribution_{name}_ripley"]]
        assert all(0.0 <= share <= 1.0 for share in shares)
        # The persona's attribution (what the gate reads) is the share read as any source.
        assert m[f"attribution_{name}"] == pytest.approx(sum(shares))
    assert m["mix_sources"] == 2 and 0.0 <= m["judge_accuracy"] <= 1.0
    assert set(m) >= {"judge_accuracy_mags", "judge_accuracy_ripley"}

    card = json.loads((result.report_dir / "report.json").read_text())
    assert card["mix"] == ["mags", "ripley"] and card["gate"]["checks"]
    markdown = (result.report_dir / "report.md").read_text()
    line = next(ln for ln in markdown.splitlines() if ln.startswith("**Mix of mags + ripley**"))
    assert "one class per source plus 'other'" in line
    assert "the tuned model's posts read as mags " in line and "other " in line
    print("\n" + line)
