"""``likeness arena [stats | export]``: blind pairs of a persona model, for people to judge.

    likeness arena -p mags --against real              # 20 pairs: the model vs the author's posts
    likeness arena -p mags --against 7be1d0 --model 3f2a9c --pairs 50   # two adapters
    likeness arena stats -p mags                       # win rates with 95% intervals
    likeness arena export -p mags --format openai --out arena.jsonl     # votes as DPO rows

Queueing makes an ``arena`` job of the trainer queue (``SubmitJob`` with recipe ``arena``):
the model answers held-out requests of its own run and each answer is paired with the
opponent's (the author's real post, the base model's, another adapter's). Embedded it runs here
(the engine loads in this process); with ``--server`` (or the trainer_addr setting) it is
followed on the trainer service. People vote in the terminal app's Arena screen (F6).
``stats`` and ``export`` go to the labeler (``--server`` there is a labeler service, as for
``likeness label``; embedded they read the database here).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any

import typer
from rich.markup import escape
from rich.table import Table

from likeness.cli import backend, render
from likeness.cli.app import (
    JsonOpt,
    OptionalPersonaOpt,
    PersonaOpt,
    ServerOpt,
    fail,
    new_typer,
    state,
)
from likeness.cli.commands.jobs import EXIT_INTERRUPTED, unique_id
from likeness.cli.commands.labeling import LabelServerOpt, labeler, write_lines
from likeness.cli.commands.training import run_job

if TYPE_CHECKING:
    from likeness.labeler.arena import ArenaStats

app = new_typer(
    "The blind arena: `likeness arena -p SLUG --against real|base|MODEL` queues pairs of the "
    "persona's model and an opponent answering the same held-out requests; people vote A, B, "
    "tie or both bad in the terminal app (F6). `stats` shows win rates, `export` the votes as "
    "preference rows.",
    no_args_is_help=True,
)

#: Opponents that are not registry ids.
NAMED = ("real", "base")
FORMATS = ("trl", "openai", "likeness")


@app.callback(invoke_without_command=True)
def arena(
    ctx: typer.Context,
    persona: OptionalPersonaOpt = None,
    against: Annotated[
        str | None,
        typer.Option(
            help="The opponent: 'real' (the author's own held-out post on the same topic), "
            "'base' (the base model) or a persona model id (an adapter on the same base)."
        ),
    ] = None,
    model: Annotated[
        str | None,
        typer.Option(
            "--model",
            help="The persona model to judge (default: the persona's active persona adapter, "
            "else its newest persona model).",
        ),
    ] = None,
    pairs: Annotated[int, typer.Option(help="Pairs to queue, one per held-out topic.")] = 20,
    seed: Annotated[int | None, typer.Option(help="Seed of the topics and answers.")] = None,
    server: ServerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Queue blind pairs: the model's post and the opponent's for the same held-out requests,
    shown to a person as A and B in a random order. Runs here (embedded) or on the trainer
    service; vote in `likeness tui` (F6)."""
    if ctx.invoked_subcommand is not None:
        return
    if not against:
        raise fail("who is the opponent? pass --against real, base or a model id")
    if not persona and not model:
        raise fail("which persona? pass --persona SLUG (or --model ID)")
    with backend.trainer(state(ctx).settings(), server) as handle:

        def known() -> list[str]:
            return [m.id for m in handle.list_models(persona)]

        config: dict[str, Any] = {"against": against, "pairs": pairs}
        if against not in NAMED:
            config["against"] = unique_id(against, known, "model")
        if model:
            config["model_id"] = unique_id(model, known, "model")
        if seed is not None:
            config["seed"] = seed
        job_id = handle.submit("arena", persona or "", config)
        label = f"arena · {persona or model}"
        render.err.print(f"job {job_id}: {label}", highlight=False)
        job = run_job(handle, job_id, label, as_json)
    if job.status != "succeeded":
        if job.status in ("queued", "running"):
            raise typer.Exit(EXIT_INTERRUPTED)
        render.err.print(f"arena pairs {job.status}: {escape(job.error)}", highlight=False)
        raise typer.Exit(1)
    render.emit(job.result, as_json, show_queued)


def opponent_name(opponent: str) -> str:
    if opponent == "real":
        return "the author's real posts"
    if opponent == "base":
        return "the base model"
    return f"model {opponent[: render.SHORT_ID]}"


def show_queued(result: dict[str, Any]) -> None:
    render.out.print(
        f"queued {result['pairs']} pair(s) for {result['persona']}: model "
        f"{str(result['model_id'])[: render.SHORT_ID]} vs {opponent_name(result['against'])} "
        f"({result['new_topics']} new topic(s)); vote on them in `likeness tui` (F6 Arena)",
        highlight=False,
    )


@app.command("stats")
def arena_stats(
    ctx: typer.Context,
    persona: PersonaOpt,
    model: Annotated[
        str | None, typer.Option("--model", help="Only models whose id starts with this.")
    ] = None,
    server: LabelServerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Win rates from the votes: per model and opponent, a tie counting half a win, 'both bad'
    votes counted apart (not in the rate), with the 95% Wilson interval."""
    with labeler(state(ctx).settings(), server, interactive=False) as handle:
        stats = handle.arena_stats(persona, model)
    render.emit(stats, as_json, show_arena_stats)


def show_arena_stats(stats: ArenaStats) -> None:
    if not stats.matchups:
        render.out.print(
            f"no arena pairs for {stats.persona} yet: queue some with "
            f"`likeness arena -p {stats.persona} --against real`",
            highlight=False,
        )
        return
    table = Table(
        title=f"arena of {stats.persona}: {stats.voted} voted, {stats.pending} waiting",
        header_style="bold",
        caption="W-L-T: won, lost, tie; win rate: (won + tie/2) / (won + lost + tie), 'both "
        "bad' not counted, with its 95% Wilson interval; real: the author's own posts",
    )
    for column in ("model", "against", "W-L-T", "both bad", "waiting", "win rate (95%)"):
        table.add_column(column, justify="left" if column in ("model", "against") else "right")
    for row in stats.matchups:
        rate = f"{row.win_rate:.0%} ({row.win_low:.0%}–{row.win_high:.0%})" if row.votes else "–"
        table.add_row(
            row.model[: render.SHORT_ID],
            row.opponent[: render.SHORT_ID],
            f"{row.wins}-{row.losses}-{row.ties}",
            str(row.both_bad),
            str(row.pending),
            rate,
        )
    render.out.print(table)


@app.command("export")
def arena_export(
    ctx: typer.Context,
    persona: PersonaOpt,
    out: Annotated[str, typer.Option("--out", help="The JSONL file to write.")],
    fmt: Annotated[str, typer.Option("--format", help="trl, openai or likeness.")] = "trl",
    split: Annotated[str, typer.Option(help="train, heldout, or all (train first).")] = "all",
    server: LabelServerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Write the votes for a side as preference rows (prompt: the persona chat prompt of the
    request; chosen: the winner's text; rejected: the loser's) through the labeler's export.
    Arena topics are held-out posts, so the rows are in the heldout split."""
    from pathlib import Path

    if fmt not in FORMATS:
        raise fail(f"--format must be one of: {', '.join(FORMATS)}")
    if split not in ("train", "heldout", "all"):
        raise fail("--split must be train, heldout or all")
    path = Path(out)
    with labeler(state(ctx).settings(), server, interactive=False) as handle:
        total, lines = handle.export(persona, "arena-prefs", fmt, None if split == "all" else split)
        written = write_lines(path, lines)
    summary = {"rows": written, "total_rows": total, "path": str(path), "format": fmt}
    if as_json:
        render.print_json(summary)
    else:
        render.out.print(f"wrote {written:,} arena preference rows to {path}", highlight=False)
