"""``likeness eval``: a persona model's report card against its base (or another model).

likeness eval 3f2a9c                    # evaluate here, live progress, the headline figures
likeness eval 3f2a9c --against 7be1d0   # against another adapter of the same base
likeness eval 3f2a9c --json             # one JSON object: metrics (the benchmark's keys), gate
"""

from __future__ import annotations

from typing import Annotated

import typer

from likeness.cli import backend, render
from likeness.cli.app import JsonOpt, ServerOpt, state, trainer_server
from likeness.cli.commands.jobs import EXIT_INTERRUPTED, unique_id
from likeness.cli.commands.training import run_job


def evaluate(
    ctx: typer.Context,
    model_id: Annotated[
        str, typer.Argument(help="The persona model, or a unique prefix of its id.")
    ],
    against: Annotated[
        str | None,
        typer.Option(
            help="Compare with this model (an adapter on the same base) instead of the bare "
            "base model."
        ),
    ] = None,
    samples: Annotated[
        int | None, typer.Option(help="Held-out posts to generate for (default 100).")
    ] = None,
    seed: Annotated[int | None, typer.Option(help="Seed of every sample drawn.")] = None,
    server: ServerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Evaluate a persona model: style attribution, held-out perplexity, verbatim copying and
    diversity against its base, with a report card (markdown, JSON, plots) stored with the
    model. Its figures are what the serving gate reads when the model is activated.

    Exits 1 when the evaluation fails, 0 otherwise (whether the gate passes is in the output:
    `gate.passed` with --json)."""
    with backend.trainer(state(ctx).settings(), trainer_server(ctx, server)) as handle:
        known = handle.list_models
        full_id = unique_id(model_id, lambda: [m.id for m in known()], "model")
        against_id = unique_id(against, lambda: [m.id for m in known()], "model") if against else ""
        config = {"model_id": full_id, "against": against_id, "samples": samples, "seed": seed}
        job_id = handle.submit(
            "eval", "", {key: value for key, value in config.items() if value not in (None, "")}
        )
        render.err.print(f"job {job_id}: eval · model {full_id[:12]}", highlight=False)
        job = run_job(handle, job_id, f"eval · {full_id[:12]}", as_json)
    if job.status != "succeeded":
        if job.status in ("queued", "running"):
            raise typer.Exit(EXIT_INTERRUPTED)
        render.err.print(f"evaluation {job.status}: {job.error}", highlight=False)
        raise typer.Exit(1)
    render.emit(job.result, as_json, render.show_evaluation)
