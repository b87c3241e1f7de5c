"""The serving gate: a persona model is activated only when its report card passes.

    thresholds = thresholds_for(settings, persona_settings)   # defaults, then the persona's own
    verdict = judge_report(report.metrics, thresholds)         # every check, passed or not
    require_gate(db, settings, model, force=False)             # raises GateFailed / NoReport

The defaults are settings (``LIKENESS_GATE_*``); a persona overrides any of them under its
``settings["gate"]`` (a value of null turns that check off for the persona). The checks read the
flat metrics of the model's newest report (``likeness.core.reports``), under the keys the
fidelity benchmark writes:

==========================  ====================================================================
check                       passes when
==========================  ====================================================================
``min_attribution``         ``attribution_tuned`` >= it (skipped while ``judge_reliable`` is
                            false: an unreliable judge's figures decide nothing)
``min_perplexity_reduction`` ``perplexity_reduction`` >= it
``max_copy_rate``           ``copy_rate`` (the guard off) <= it
``max_distinct2_gap``       ``|distinct2_ratio - 1|`` <= it
==========================  ====================================================================

Only persona models are gated (``persona-lora``, ``persona-full``); a normaliser has its own
labels to answer to. ``force`` activates anyway (the verdict is still logged by the caller).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError
from sqlalchemy import Engine, select
from sqlalchemy.orm import Session

from likeness.core.db.models import Persona
from likeness.core.errors import GateFailed, NoReport
from likeness.core.registry import ModelInfo, ModelKind
from likeness.core.reports import latest_report
from likeness.core.settings import Settings

__all__ = [
    "GateCheck",
    "GateFailed",
    "GateThresholds",
    "GateVerdict",
    "NoReport",
    "gate_verdict",
    "judge_report",
    "require_gate",
    "thresholds_for",
    "validate_gate",
]

GATED_KINDS = frozenset({ModelKind.PERSONA_LORA, ModelKind.PERSONA_FULL})


class GateThresholds(BaseModel):
    """One persona's thresholds; None turns a check off."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    min_attribution: float | None = None
    min_perplexity_reduction: float | None = None
    max_copy_rate: float | None = None
    max_distinct2_gap: float | None = None


@dataclass(frozen=True, slots=True)
class GateCheck:
    name: str  # the threshold's name
    metric: str  # the metric it reads
    value: float | None  # None: the report has no such figure
    threshold: float
    passed: bool | None  # None: not checked (why in ``note``)
    note: str = ""

    def describe(self) -> str:
        if self.passed is None:
            return f"{self.name}: not checked ({self.note})"
        if self.value is None:
            return f"{self.name}: {self.note}"
        at_least = self.name.startswith("min_")
        sign = ">=" if at_least else "<="
        if self.passed:
            return f"{self.metric} {self.value:.3g} {sign} {self.threshold:.3g}"
        gap = abs(self.value - self.threshold)
        way = "short by" if at_least else "over by"
        return (
            f"{self.metric} {self.value:.3g}, needs {sign} {self.threshold:.3g} ({way} {gap:.3g})"
        )


@dataclass(frozen=True, slots=True)
class GateVerdict:
    checks: list[GateCheck]

    @property
    def passed(self) -> bool:
        return all(check.passed is not False for check in self.checks)

    @property
    def failures(self) -> list[GateCheck]:
        return [check for check in self.checks if check.passed is False]

    def describe_failures(self) -> str:
        return "; ".join(check.describe() for check in self.failures)

    def as_dict(self) -> dict[str, Any]:
        return {
            "passed": self.passed,
            "checks": [
                {
                    "name": c.name,
                    "metric": c.metric,
                    "value": c.value,
                    "threshold": c.threshold,
                    "passed": c.passed,
                    "note": c.note,
                }
                for c in self.checks
            ],
        }


def default_thresholds(settings: Settings) -> GateThresholds:
    return GateThresholds(
        min_attribution=settings.gate_min_attribution,
        min_perplexity_reduction=settings.gate_min_perplexity_reduction,
        max_copy_rate=settings.gate_max_copy_rate,
        max_distinct2_gap=settings.gate_max_distinct2_gap,
    )


def validate_gate(overrides: dict[str, Any]) -> dict[str, float | None]:
    """A persona's gate overrides, checked: known threshold names, numbers or null (that check
    off). Raises ValueError in one line."""
    if not isinstance(overrides, dict):
        raise ValueError("bad gate settings: a JSON object of threshold -> number or null")
    try:
        checked = GateThresholds.model_validate(overrides)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(str(p) for p in e['loc']) or 'gate'}: {e['msg']}" for e in exc.errors()
        )
        raise ValueError(f"bad gate settings: {problems}") from None
    return checked.model_dump(include=set(overrides))


def thresholds_for(settings: Settings, persona_settings: dict[str, Any] | None) -> GateThresholds:
    """The settings' defaults, overridden by the persona's ``settings["gate"]``. Raises
    ValueError for an unknown key or a value that is not a number."""
    overrides = (persona_settings or {}).get("gate") or {}
    return default_thresholds(settings).model_copy(update=validate_gate(overrides))


def _number(metrics: dict[str, Any], key: str) -> float | None:
    value = metrics.get(key)
    return float(value) if isinstance(value, int | float) and not isinstance(value, bool) else None


def judge_report(metrics: dict[str, Any], thresholds: GateThresholds) -> GateVerdict:
    """Every check of ``thresholds`` against a report's flat ``metrics``."""
    ratio = _number(metrics, "distinct2_ratio")
    # (threshold name, what it reads, its value, at least or at most)
    table = [
        ("min_attribution", "attribution_tuned", _number(metrics, "attribution_tuned"), True),
        (
            "min_perplexity_reduction",
            "perplexity_reduction",
            _number(metrics, "perplexity_reduction"),
            True,
        ),
        ("max_copy_rate", "copy_rate", _number(metrics, "copy_rate"), False),
        (
            "max_distinct2_gap",
            "|distinct2_ratio - 1|",
            None if ratio is None else abs(ratio - 1.0),
            False,
        ),
    ]
    checks: list[GateCheck] = []
    for name, metric, value, at_least in table:
        threshold = getattr(thresholds, name)
        if threshold is None:
            continue
        if name == "min_attribution" and metrics.get("judge_reliable") is False:
            accuracy = _number(metrics, "judge_accuracy")
            note = "the style judge is unreliable" + (
                f" (accuracy {accuracy:.2f})" if accuracy is not None else ""
            )
            checks.append(GateCheck(name, metric, value, threshold, None, note))
        elif value is None:
            checks.append(
                GateCheck(name, metric, None, threshold, False, f"the report has no {metric}")
            )
        else:
            passed = value >= threshold if at_least else value <= threshold
            checks.append(GateCheck(name, metric, value, threshold, passed))
    return GateVerdict(checks)


def persona_settings(db: Engine, slug: str) -> dict[str, Any]:
    with Session(db) as session:
        stored = session.scalar(select(Persona.settings).where(Persona.slug == slug))
    return dict(stored or {})


def gate_verdict(db: Engine, settings: Settings, model: ModelInfo) -> GateVerdict | None:
    """The verdict on ``model``'s newest report (None: the model is not gated). Raises NoReport
    for a gated model with no report card."""
    if model.kind not in GATED_KINDS:
        return None
    report = latest_report(db, model.id)
    if report is None:
        raise NoReport(
            f"model {model.id} has no report card yet: evaluate it first "
            f"(likeness eval {model.id}), or activate with --force"
        )
    thresholds = thresholds_for(settings, persona_settings(db, model.persona))
    return judge_report(report.metrics, thresholds)


def require_gate(
    db: Engine, settings: Settings, model: ModelInfo, *, force: bool = False
) -> GateVerdict | None:
    """Raise NoReport or GateFailed unless ``model`` may be served (or ``force``); returns the
    verdict (None: not gated, or forced without a report)."""
    try:
        verdict = gate_verdict(db, settings, model)
    except NoReport:
        if force:
            return None
        raise
    if verdict is not None and not verdict.passed and not force:
        raise GateFailed(
            f"model {model.id} fails the serving gate of persona {model.persona}: "
            f"{verdict.describe_failures()} (activate anyway with --force)"
        )
    return verdict
