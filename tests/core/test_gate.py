"""The serving gate: thresholds from settings and the persona, checks on the newest report card,
and activation refused (or forced) through the trainer's activate."""

from __future__ import annotations

import time

import pytest
from registered_models import add_model
from report_cards import add_passing_report, add_report
from sqlalchemy import Engine, update
from sqlalchemy.orm import Session

from likeness.core import registry
from likeness.core.db.models import Persona
from likeness.core.errors import GateFailed, NoReport
from likeness.core.gate import (
    GateThresholds,
    judge_report,
    require_gate,
    thresholds_for,
)
from likeness.core.reports import latest_metrics, latest_report
from likeness.core.settings import Settings
from likeness.trainer.training_jobs import activate

DEFAULTS = GateThresholds(
    min_attribution=0.5, min_perplexity_reduction=0.0, max_copy_rate=0.05, max_distinct2_gap=0.5
)


@pytest.fixture
def persona(engine: Engine) -> str:
    with Session(engine) as session, session.begin():
        session.add(Persona(slug="mags", display_name="Mags", card="You are Mags.", settings={}))
    return "mags"


def test_each_check_passes_fails_or_is_not_checked() -> None:
    good = {
        "attribution_tuned": 0.8,
        "judge_reliable": True,
        "perplexity_reduction": 0.3,
        "copy_rate": 0.01,
        "distinct2_ratio": 1.2,
    }
    verdict = judge_report(good, DEFAULTS)
    assert verdict.passed and [c.passed for c in verdict.checks] == [True] * 4

    bad = {**good, "copy_rate": 0.2, "distinct2_ratio": 0.3}
    verdict = judge_report(bad, DEFAULTS)
    assert not verdict.passed
    assert [c.name for c in verdict.failures] == ["max_copy_rate", "max_distinct2_gap"]
    assert "copy_rate 0.2, needs <= 0.05 (over by 0.15)" in verdict.describe_failures()

    # An unreliable judge's attribution decides nothing, either way.
    unsure = {**good, "attribution_tuned": 0.1, "judge_reliable": False, "judge_accuracy": 0.7}
    verdict = judge_report(unsure, DEFAULTS)
    assert verdict.passed
    assert (
        verdict.checks[0].passed is None and "unreliable (accuracy 0.70)" in verdict.checks[0].note
    )

    # A figure the report lacks fails its check; a threshold of None is no check at all.
    verdict = judge_report({"copy_rate": 0.0}, GateThresholds(min_perplexity_reduction=0.1))
    assert not verdict.passed and "the report has no perplexity_reduction" in (
        verdict.failures[0].note
    )
    assert judge_report({}, GateThresholds()).passed


def test_thresholds_come_from_settings_then_the_persona() -> None:
    settings = Settings(gate_min_attribution=0.7, gate_max_copy_rate=0.02)
    assert thresholds_for(settings, {}).min_attribution == 0.7
    mine = thresholds_for(settings, {"gate": {"min_attribution": 0.9, "max_copy_rate": None}})
    assert mine.min_attribution == 0.9 and mine.max_copy_rate is None
    assert mine.min_perplexity_reduction == settings.gate_min_perplexity_reduction
    with pytest.raises(ValueError, match="bad gate settings: min_atribution"):
        thresholds_for(settings, {"gate": {"min_atribution": 0.9}})
    with pytest.raises(ValueError, match="bad gate settings"):
        thresholds_for(settings, {"gate": {"max_copy_rate": "lots"}})


def test_the_newest_report_counts(engine: Engine, persona: str) -> None:
    model = add_model(engine, persona, "/runs/r1/final", kind="persona-lora")
    assert latest_report(engine, model) is None and latest_metrics(engine, [model]) == {}
    add_report(engine, model, copy_rate=0.5)
    time.sleep(0.01)
    newest = add_report(engine, model, copy_rate=0.02)
    report = latest_report(engine, model)
    assert report is not None and report.id == newest and report.metrics["copy_rate"] == 0.02
    assert latest_metrics(engine, [model, "nope"])[model]["copy_rate"] == 0.02
    assert registry.get_model(engine, model).report["copy_rate"] == 0.02
    listed = {m.id: m for m in registry.list_models(engine, persona)}
    assert listed[model].report["judge_reliable"] == 1.0


def test_activation_needs_a_passing_report_unless_forced(engine: Engine, persona: str) -> None:
    settings = Settings()
    model = add_model(engine, persona, "/runs/r1/final", kind="persona-lora")
    with pytest.raises(NoReport, match=f"likeness eval {model}"):
        activate(engine, settings, model)
    assert not registry.get_model(engine, model).active

    add_report(engine, model, perplexity_reduction=-0.2)
    with pytest.raises(GateFailed, match=r"perplexity_reduction -0\.2, needs >= 0") as failed:
        activate(engine, settings, model)
    assert "--force" in str(failed.value)
    assert not registry.get_model(engine, model).active

    assert activate(engine, settings, model, force=True).active  # forced: served anyway

    # The persona's own threshold lets it through without force.
    with Session(engine) as session, session.begin():
        session.execute(
            update(Persona)
            .where(Persona.slug == persona)
            .values(settings={"gate": {"min_perplexity_reduction": -0.5}})
        )
    assert require_gate(engine, settings, registry.get_model(engine, model)) is not None


def test_normalisers_are_not_gated(engine: Engine, persona: str) -> None:
    model = add_model(engine, persona, "/runs/n1/final", kind="normalizer")
    info = registry.get_model(engine, model)
    assert require_gate(engine, Settings(), info) is None


def test_a_passing_report_activates(engine: Engine, persona: str) -> None:
    model = add_model(engine, persona, "/runs/r1/final", kind="persona-lora")
    add_passing_report(engine, model)
    assert activate(engine, Settings(), model).active
