"""``likeness serve ingest | inference | trainer | labeler``: run a service in the foreground."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

from likeness.cli.app import ModelOpt, fail, new_typer
from likeness.core.bind import InsecureBind
from likeness.core.settings import get_settings
from likeness.ingest.errors import IngestError

app = new_typer("Run a service (gRPC, with health and reflection).")

HostOpt = Annotated[str, typer.Option(help="Address to bind (loopback unless an API key exists).")]


@contextmanager
def refusals() -> Iterator[None]:
    """A service that cannot start (bind refused without API keys, port taken, bad settings)
    says why in one line and exits non-zero, instead of a traceback."""
    try:
        yield
    except (InsecureBind, OSError, IngestError) as exc:
        raise fail(str(exc)) from exc


@app.command("ingest")
def serve_ingest(
    host: HostOpt = "127.0.0.1",
    port: Annotated[int, typer.Option(help="gRPC port.")] = 50051,
) -> None:
    """Run the ingest gRPC service (health + reflection included)."""
    from likeness.ingest.server import run_ingest_server

    with refusals():
        run_ingest_server(get_settings(), host=host, port=port)


@app.command("inference")
def serve_inference(
    host: HostOpt = "127.0.0.1",
    http_port: Annotated[int, typer.Option(help="OpenAI-compatible HTTP port.")] = 8000,
    grpc_port: Annotated[int, typer.Option(help="gRPC InferenceService port.")] = 50052,
    model: ModelOpt = None,
) -> None:
    """Serve personas over gRPC and an OpenAI-compatible HTTP API (`model` = persona slug)."""
    from likeness.inference.server import run_inference

    with refusals():
        run_inference(
            get_settings(), host=host, http_port=http_port, grpc_port=grpc_port, model=model
        )


@app.command("trainer")
def serve_trainer(
    host: HostOpt = "127.0.0.1",
    port: Annotated[int, typer.Option(help="gRPC TrainerService port.")] = 50054,
    workers: Annotated[
        int, typer.Option(help="Worker threads training here (0: API only).", min=0)
    ] = 1,
) -> None:
    """Run the trainer gRPC service (health + reflection) with in-process workers."""
    from likeness.inference.client import configured_inference
    from likeness.trainer.server import run_trainer_service

    settings = get_settings()
    with refusals(), configured_inference(settings) as inference:
        run_trainer_service(settings, host=host, port=port, workers=workers, inference=inference)


@app.command("labeler")
def serve_labeler(
    host: HostOpt = "127.0.0.1",
    port: Annotated[int, typer.Option(help="gRPC LabelerService port.")] = 50053,
    inference: Annotated[
        str | None,
        typer.Option(
            "--inference",
            help="host:port of the inference service's gRPC port, which makes the proposals "
            "(default: the inference_addr setting, LIKENESS_INFERENCE_ADDR).",
        ),
    ] = None,
) -> None:
    """Run the labeler gRPC service (LabelerService + DraftService, health + reflection); it
    asks a running inference service for the normaliser's proposals."""
    from likeness.inference.client import InferenceClient
    from likeness.labeler.server import run_labeler_service

    settings = get_settings()
    addr = inference or settings.inference_addr
    if not addr:
        raise fail(
            "the labeler needs a running inference service for its proposals: pass "
            "--inference HOST:PORT or set LIKENESS_INFERENCE_ADDR (start one with "
            "`likeness serve inference`)"
        )
    with refusals(), InferenceClient(addr, settings.api_key) as proposer:
        run_labeler_service(settings, host, port, proposer)
