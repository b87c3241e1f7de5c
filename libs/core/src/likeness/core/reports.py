"""Fidelity report cards as stored with their models (the ``model_reports`` table).

    report_id = store_report(db, NewReport(model_id, against, metrics, card, markdown, folder))
    report = latest_report(db, model_id)          # StoredReport | None: the newest counts
    headlines = latest_metrics(db, [id1, id2])    # {model id: metrics} for model listings

The trainer's evaluation (``likeness.trainer.fidelity``) writes them; the serving gate
(``likeness.core.gate``), ``likeness models`` and the terminal app read them. The card itself is
plain JSON (what the evaluation measured, samples included); ``metrics`` holds the flat figures
the gate and the listings use, under the keys the fidelity benchmark writes.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from likeness.core.db.models import Model, ModelReport


class ReportNotFound(LookupError):
    """The model has no report card yet."""


@dataclass(frozen=True, slots=True)
class NewReport:
    model_id: str
    against: str
    metrics: dict[str, Any]
    card: dict[str, Any]
    markdown: str
    report_dir: str


@dataclass(frozen=True, slots=True)
class StoredReport:
    id: str
    model_id: str
    against: str
    metrics: dict[str, Any]
    card: dict[str, Any] = field(repr=False)
    markdown: str = field(repr=False)
    report_dir: str
    created_at: datetime


def numbers(metrics: dict[str, Any]) -> dict[str, float]:
    """The numeric figures of a report (a yes/no one as 1.0/0.0), as listings carry them."""
    return {k: float(v) for k, v in metrics.items() if isinstance(v, int | float | bool)}


def headline(metrics: dict[str, Any]) -> str:
    """A report card in one line: attribution tuned/base (? when the judge is unreliable),
    the perplexity change against the base, and the copy rate ("" when not evaluated)."""
    parts = []
    if "attribution_tuned" in metrics:
        unsure = "" if metrics.get("judge_reliable", 1) else "?"
        tuned, base = metrics["attribution_tuned"], metrics.get("attribution_base", 0.0)
        parts.append(f"attr {100 * tuned:.0f}%/{100 * base:.0f}%{unsure}")
    if "perplexity_reduction" in metrics:
        parts.append(f"ppl {-100 * metrics['perplexity_reduction']:+.0f}%")
    if "copy_rate" in metrics:
        parts.append(f"copies {100 * metrics['copy_rate']:.1f}%")
    return " · ".join(parts)


def _stored(row: ModelReport) -> StoredReport:
    return StoredReport(
        id=row.id,
        model_id=row.model_id,
        against=row.against,
        metrics=dict(row.metrics or {}),
        card=dict(row.card or {}),
        markdown=row.markdown,
        report_dir=row.report_dir,
        created_at=row.created_at,
    )


def store_report(db: Engine, report: NewReport, *, report_id: str | None = None) -> str:
    """Store a model's report card (under ``report_id``, e.g. the name of its folder, or a new
    id); returns its id. Raises LookupError for an unknown model."""
    report_id = report_id or uuid.uuid4().hex
    with Session(db) as session, session.begin():
        if session.get(Model, report.model_id) is None:
            raise LookupError(f"no model {report.model_id!r}")
        session.add(
            ModelReport(
                id=report_id,
                model_id=report.model_id,
                against=report.against,
                metrics=report.metrics,
                card=report.card,
                markdown=report.markdown,
                report_dir=report.report_dir,
            )
        )
    return report_id


def latest_report(db: Engine, model_id: str) -> StoredReport | None:
    """The model's newest report card, if it has one."""
    query = (
        select(ModelReport)
        .where(ModelReport.model_id == model_id)
        .order_by(ModelReport.created_at.desc(), ModelReport.id.desc())
        .limit(1)
    )
    with Session(db) as session:
        row = session.scalar(query)
        return _stored(row) if row is not None else None


def latest_metrics(db: Engine, model_ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """The newest report's metrics of each of ``model_ids`` that has one (one query)."""
    ids = list(dict.fromkeys(model_ids))
    if not ids:
        return {}
    newest = (
        select(ModelReport.model_id, func.max(ModelReport.created_at).label("at"))
        .where(ModelReport.model_id.in_(ids))
        .group_by(ModelReport.model_id)
        .subquery()
    )
    query = select(ModelReport.model_id, ModelReport.metrics).join(
        newest,
        (ModelReport.model_id == newest.c.model_id) & (ModelReport.created_at == newest.c.at),
    )
    with Session(db) as session:
        return {model_id: dict(metrics or {}) for model_id, metrics in session.execute(query)}
