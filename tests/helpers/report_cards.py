"""Report cards as an evaluation stores them, for tests that activate persona models without
evaluating them (the serving gate reads the newest card).

add_passing_report(db, model_id)                       # passes the default gate
add_report(db, model_id, copy_rate=0.4)                # one figure changed from a passing card
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Engine

from likeness.core.reports import NewReport, store_report

#: Figures that pass every default threshold.
PASSING: dict[str, Any] = {
    "judge_accuracy": 0.95,
    "judge_reliable": True,
    "attribution_tuned": 0.9,
    "attribution_base": 0.1,
    "perplexity_tuned": 20.0,
    "perplexity_base": 40.0,
    "perplexity_reduction": 0.5,
    "copy_rate": 0.01,
    "copy_rate_guarded": 0.0,
    "distinct2_ratio": 1.0,
}


def add_report(db: Engine, model_id: str, **figures: Any) -> str:
    """A stored report card: the passing figures with ``figures`` changed; returns its id."""
    metrics = {**PASSING, **figures}
    return store_report(
        db,
        NewReport(
            model_id=model_id,
            against="base",
            metrics=metrics,
            card={"metrics": metrics},
            markdown="# report\n",
            report_dir="",
        ),
    )


def add_passing_report(db: Engine, model_id: str) -> str:
    return add_report(db, model_id)
