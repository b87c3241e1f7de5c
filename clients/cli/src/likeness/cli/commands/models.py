"""``likeness models [activate]``: trained models, and which adapter serves a persona.

A persona has two slots: its persona adapter (chat, posts) and its normaliser (proposals,
``likeness normalize``). Activating a model fills the slot of its kind only.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from likeness.cli import backend, render
from likeness.cli.app import (
    JsonOpt,
    OptionalPersonaOpt,
    ServerOpt,
    fail,
    listing,
    new_typer,
    state,
    trainer_server,
)
from likeness.cli.commands.jobs import unique_id
from likeness.cli.commands.training import run_job

if TYPE_CHECKING:
    from likeness.core.registry import ModelInfo

app = new_typer(
    "Trained models: list them, activate a persona adapter or normaliser.", no_args_is_help=False
)


@app.callback(invoke_without_command=True)
def models_list(
    ctx: typer.Context,
    persona: OptionalPersonaOpt = None,
    server: ServerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """List trained models (or activate one, below)."""
    if not listing(ctx, server):
        return
    with backend.trainer(state(ctx).settings(), server) as handle:
        found = handle.list_models(persona)
    render.emit(found, as_json, render.show_models)


@app.command("activate")
def models_activate(
    ctx: typer.Context,
    model_id: Annotated[
        str, typer.Argument(help="The model id, or a unique prefix of it (see `likeness models`).")
    ],
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="Activate a persona model that fails its serving gate anyway."
        ),
    ] = False,
    server: ServerOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Make a persona adapter the one its persona is served with, or a normaliser the one its
    persona's posts are normalised and proposed with (through the inference service if the
    inference_addr setting names one, so it loads at once).

    A persona model must pass its persona's serving gate (its report card: attribution,
    perplexity, copying, diversity); one with no report card is evaluated first."""
    from likeness.core.errors import NoReport

    with backend.trainer(state(ctx).settings(), trainer_server(ctx, server)) as handle:
        known = handle.list_models
        full_id = unique_id(model_id, lambda: [m.id for m in known()], "model")
        try:
            info = handle.activate(full_id, force=force)
        except NoReport:
            render.err.print(f"model {full_id} has no report card yet: evaluating it first")
            job_id = handle.submit("eval", "", {"model_id": full_id})
            job = run_job(handle, job_id, f"eval · {full_id[:12]}", as_json)
            if job.status != "succeeded":
                raise fail(f"the evaluation of model {full_id} {job.status}: {job.error}") from None
            if not as_json:
                render.show_evaluation(job.result)
            info = handle.activate(full_id, force=force)
    render.emit(info, as_json, _activated)


def _activated(info: ModelInfo) -> None:
    from likeness.core.registry import ModelKind

    if info.kind == ModelKind.NORMALIZER:
        message = f"model {info.id} activated as the normaliser of persona {info.persona}"
    else:
        message = f"model {info.id} is now active for {info.persona}"
    render.out.print(message, highlight=False)
