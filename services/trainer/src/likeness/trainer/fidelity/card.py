"""The report card: what an evaluation found, as JSON and as markdown a person reads.

    card.as_dict()          # stored with the model and written as report.json
    render_markdown(card)   # report.md: the headline table, what it means, the samples
    add_arena(card, standings(db, model=card.model_id))   # people's blind votes, when any

The headline figures use the metric keys of ``bench/fidelity.py`` (``attribution_tuned``,
``perplexity_reduction``, ``copy_rate``, ...), so a script can read either. Blind-arena votes
add ``arena_win_rate``, ``arena_win_low``, ``arena_win_high`` (95% Wilson interval),
``arena_votes`` and ``arena_both_bad``: every opponent together, a tie half a win, "both bad"
votes out of the rate (``likeness.core.arena``); the card's arena section has each opponent.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any

from likeness.core.arena import BASE, REAL, Standing, pooled
from likeness.trainer.fidelity.mix import mix_lines


@dataclass(frozen=True, slots=True)
class Sample:
    request: str  # the held-out post's request, or a chat question
    real: str  # the author's post for that request ("" for a chat question)
    tuned: str
    base: str


@dataclass(slots=True)
class ReportCard:
    model_id: str
    persona: str
    base_model: str
    against: str  # the base model, or the compared model's id
    against_is_base: bool
    created_at: str
    metrics: dict[str, Any]
    judge_note: str
    mauve: str
    near_duplicates: list[tuple[str, str, float]]
    samples: list[Sample]
    chat: list[Sample]
    lengths: dict[str, list[int]]
    perplexity_per_post: dict[str, list[float]]
    config: dict[str, Any]
    datasets: list[str]
    gate: dict[str, Any] = field(default_factory=dict)
    plots: dict[str, str] = field(default_factory=dict)  # plot name -> file name in the folder
    #: every text judged (tuned, base, negatives, guarded, chat), so a card can be re-read
    generations: dict[str, list[str]] = field(default_factory=dict)
    arena: list[dict[str, Any]] = field(default_factory=list)  # Standing per opponent, voted
    mix: list[str] = field(default_factory=list)  # a mix persona's sources (``fidelity.mix``)

    def as_dict(self) -> dict[str, Any]:
        return asdict(self)


def _pct(value: Any) -> str:
    return f"{100 * float(value):.1f}%" if isinstance(value, int | float) else "—"


def _num(value: Any) -> str:
    return f"{float(value):.3g}" if isinstance(value, int | float) else "—"


def _cell(text: str, limit: int = 220) -> str:
    flat = " ".join(text.split()).replace("|", "\\|")
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


def add_arena(card: ReportCard, rows: list[Standing]) -> None:
    """The model's blind-arena records (``likeness.core.arena.standings``) into the card: a
    row per opponent with votes, and the pooled figures into ``metrics`` (only when some vote
    chose a side or called a tie)."""
    voted = [row for row in rows if row.model == card.model_id and row.votes + row.both_bad]
    card.arena = [asdict(row) for row in voted]
    total = pooled(voted, card.model_id)
    if total is None or not total.votes:
        return
    card.metrics.update(
        arena_win_rate=total.win_rate,
        arena_win_low=total.win_low,
        arena_win_high=total.win_high,
        arena_votes=total.votes,
        arena_both_bad=total.both_bad,
    )


def _opponent(name: str) -> str:
    return {REAL: "the author's real post", BASE: "the base model"}.get(name, f"model {name[:8]}")


def _arena_lines(card: ReportCard) -> list[str]:
    rows = [Standing(**row) for row in card.arena]
    total = pooled(rows, card.model_id)
    if total is None:
        return []
    lines = [
        "## Blind arena",
        "",
        "People's votes on pairs shown as A and B in a random order (`likeness arena`): a tie "
        "counts half a win; a 'both bad' vote is left out of the win rate and counted apart; "
        "the interval is the 95% Wilson score interval.",
        "",
        "| against | votes | won | lost | tie | both bad | win rate (95% interval) |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for row in [*rows, total] if len(rows) > 1 else rows:
        who = "all together" if row is total else _opponent(row.opponent)
        rate = (
            f"{_pct(row.win_rate)} ({_pct(row.win_low)}–{_pct(row.win_high)})" if row.votes else "—"
        )
        lines.append(
            f"| {who} | {row.votes} | {row.wins} | {row.losses} | {row.ties} | "
            f"{row.both_bad} | {rate} |"
        )
    return [*lines, ""]


def render_markdown(card: ReportCard) -> str:
    m = card.metrics
    other = "base" if card.against_is_base else f"model {card.against[:8]}"
    unreliable = "" if m.get("judge_reliable") else " (judge unreliable)"
    lines = [
        f"# Report card: {card.persona} · model {card.model_id}",
        "",
        f"Base model `{card.base_model}`; compared with the {other}. "
        f"{m.get('heldout_posts', 0)} held-out posts (time split, never trained on), "
        f"{m.get('train_posts', 0)} training posts. Made {card.created_at}.",
        "",
    ]
    gate = card.gate
    if gate:
        verdict = "passes" if gate.get("passed") else "FAILS"
        lines += [f"**Serving gate: {verdict}.**", ""]
        for check in gate.get("checks", []):
            state = {True: "pass", False: "FAIL", None: "not checked"}[check.get("passed")]
            value = _num(check.get("value"))
            note = f" — {check['note']}" if check.get("note") else ""
            lines.append(
                f"- {check['name']}: {check['metric']} = {value} "
                f"(threshold {_num(check['threshold'])}): {state}{note}"
            )
        lines.append("")
    lines += [
        "| measure | tuned | " + other + " | author (held out) |",
        "|---|---:|---:|---:|",
        f"| attributed to the persona{unreliable} | {_pct(m.get('attribution_tuned'))} | "
        f"{_pct(m.get('attribution_base'))} | {_pct(m.get('attribution_real'))} |",
        f"| … of chat answers | {_pct(m.get('attribution_chat_tuned'))} | "
        f"{_pct(m.get('attribution_chat_base'))} | |",
        f"| chat answers that fit their question (chance 50%) | {_pct(m.get('chat_fit_tuned'))} | "
        f"{_pct(m.get('chat_fit_base'))} | |",
        f"| held-out perplexity | {_num(m.get('perplexity_tuned'))} | "
        f"{_num(m.get('perplexity_base'))} | |",
        f"| copies a training post (≥ {m.get('copy_tokens')} words) | "
        f"{_pct(m.get('copy_rate'))} (guard on: {_pct(m.get('copy_rate_guarded'))}) | "
        f"{_pct(m.get('copy_rate_base'))} | {_pct(m.get('copy_rate_real'))} |",
        f"| near-duplicate of a training post | {_pct(m.get('near_duplicate_rate'))} | | |",
        f"| distinct-1 / distinct-2 | {_num(m.get('distinct1_tuned'))} / "
        f"{_num(m.get('distinct2_tuned'))} | — / {_num(m.get('distinct2_base'))} | "
        f"{_num(m.get('distinct1_real'))} / {_num(m.get('distinct2_real'))} |",
        f"| words per post (mean) | {_num(m.get('length_mean_tuned'))} | "
        f"{_num(m.get('length_mean_base'))} | {_num(m.get('length_mean_real'))} |",
        "",
        f"Perplexity {_pct(m.get('perplexity_reduction'))} below the {other}; distinct-2 at "
        f"{_num(m.get('distinct2_ratio'))}× the author's own; longest copied span "
        f"{m.get('longest_copy_span', 0)} words; the copy guard resampled "
        f"{m.get('guard_resampled', 0)} generation(s).",
        "",
        *mix_lines(card),
        f"Style judge: {card.judge_note}",
        "",
        f"MAUVE: {card.mauve}.",
        "",
    ]
    for name, title in (
        ("attribution", "Attribution"),
        ("perplexity", "Held-out perplexity per post"),
        ("lengths", "Words per post"),
    ):
        if name in card.plots:
            lines += [f"![{title}]({card.plots[name]})", ""]
    lines += _arena_lines(card)
    lines += [
        "## Samples: held-out topics",
        "",
        f"| request | the author | tuned | {other} |",
        "|---|---|---|---|",
    ]
    for sample in card.samples:
        lines.append(
            f"| {_cell(sample.request, 80)} | {_cell(sample.real)} | {_cell(sample.tuned)} | "
            f"{_cell(sample.base)} |"
        )
    lines += ["", "## Chat questions", "", f"| question | tuned | {other} |", "|---|---|---|"]
    for sample in card.chat:
        lines.append(
            f"| {_cell(sample.request, 80)} | {_cell(sample.tuned)} | {_cell(sample.base)} |"
        )
    if card.near_duplicates:
        lines += [
            "",
            "## Closest to a training post",
            "",
            "| generated | training post | similarity |",
            "|---|---|---:|",
        ]
        for generated, training, score in card.near_duplicates:
            lines.append(f"| {_cell(generated)} | {_cell(training)} | {score:.0f} |")
    return "\n".join(lines) + "\n"
