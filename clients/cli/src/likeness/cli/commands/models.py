"""``likeness models [activate | export]``: trained models, which adapter serves a persona, and
persona models written out for other runtimes (a merged Hugging Face folder, GGUF + Modelfile).

A persona has two slots: its persona adapter (chat, posts) and its normaliser (proposals,
``likeness normalize``). Activating a model fills the slot of its kind only.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Literal

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
    from likeness.trainer.export.model_export import ExportResult

app = new_typer(
    "Trained models: list them, activate a persona adapter or normaliser, export a persona model.",
    no_args_is_help=False,
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


@app.command("export")
def models_export(
    ctx: typer.Context,
    model_id: Annotated[
        str, typer.Argument(help="The model id, or a unique prefix of it (see `likeness models`).")
    ],
    fmt: Annotated[
        Literal["merged", "gguf"],
        typer.Option(
            "--format",
            help="merged: a Hugging Face model folder (adapter merged into its base). "
            "gguf: one GGUF file for llama.cpp plus an Ollama Modelfile.",
        ),
    ] = "gguf",
    quantize: Annotated[
        Literal["f16", "q8_0"],
        typer.Option("--quantize", help="GGUF weights: f16, or q8_0 (8-bit, about half the size)."),
    ] = "f16",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            help="Folder to write (default: DATA_DIR/exports/<persona>-<id>-<format>).",
            file_okay=False,
        ),
    ] = None,
    force: Annotated[
        bool, typer.Option("--force", help="Replace the output folder if it exists.")
    ] = False,
    as_json: JsonOpt = False,
) -> None:
    """Write a persona model (``persona-lora`` or ``persona-full``) for other runtimes.

    ``--format gguf`` writes ``<persona>-<quantize>.gguf`` and a ``Modelfile`` carrying the chat
    template and the persona's card as system prompt; then ``ollama create NAME -f
    OUT/Modelfile``, or ``llama-cli -m OUT/FILE.gguf``. Runs in this process, on the model files
    of the configured data dir (a model trained by a remote trainer: run it where its files are).
    """
    from likeness.core.registry import get_model
    from likeness.trainer.export.model_export import default_export_dir, export_model

    settings = state(ctx).settings()
    with backend.embedded_trainer(settings) as handle:
        full_id = unique_id(model_id, lambda: [m.id for m in handle.list_models()], "model")
        target = out or default_export_dir(
            settings.data_dir, get_model(handle.db, full_id), fmt, quantize
        )
        result = export_model(
            handle.db,
            full_id,
            fmt,
            out=target,
            quantize=quantize,
            force=force,
            progress=lambda line: render.err.print(f"  {line}", highlight=False),
        )
    if as_json:
        render.print_json(result.as_dict())
    else:
        _exported(result)


def _exported(result: ExportResult) -> None:
    render.out.print(
        f"exported model {result.model_id} to {result.path}", highlight=False, soft_wrap=True
    )
    for name in result.files:
        render.out.print(f"  {name}", highlight=False, soft_wrap=True)
    if result.gguf_file:
        name = result.persona or "persona"
        render.out.print(
            f"run it: ollama create {name} -f {result.path / 'Modelfile'} && ollama run {name}\n"
            f"    or: llama-cli -m {result.path / result.gguf_file} -cnv",
            highlight=False,
            soft_wrap=True,
        )
