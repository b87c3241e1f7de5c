"""``likeness normalize | chat | generate | serve inference``: the inference side of the CLI.

These run embedded: the engine (vLLM by default, ``LIKENESS_ENGINE=transformers`` for the
fallback) is loaded in this process. The inference package is imported lazily, so the ingest
commands work on machines without torch.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from likeness.cli import render
from likeness.cli.main import JsonOpt, PersonaOpt, app, fail, serve_app
from likeness.core.db import open_database
from likeness.core.settings import get_settings

ModelOpt = Annotated[
    str | None,
    typer.Option(
        "--model", help="Model id or path (default: LIKENESS_MODEL or the default model)."
    ),
]


def _db():  # type: ignore[no-untyped-def]
    return open_database(get_settings())


@app.command()
def normalize(
    persona: PersonaOpt,
    model: ModelOpt = None,
    limit: Annotated[int | None, typer.Option(help="Normalise at most this many posts.")] = None,
    all_posts: Annotated[
        bool, typer.Option("--all", help="Also posts the persona's flags keep out of training.")
    ] = False,
    chunk: Annotated[int, typer.Option(help="Posts sent to the engine at once.")] = 256,
    as_json: JsonOpt = False,
) -> None:
    """Normalise the persona's not-yet-normalised posts in bulk (resumable; approved texts are
    never overwritten)."""
    from likeness.inference.engines.loading import load_engine
    from likeness.inference.normalize import normalize_corpus
    from likeness.inference.personas import PersonaNotFound

    settings = get_settings()
    db = _db()
    engine = load_engine(settings, model, enable_lora=False)

    async def run() -> object:
        await engine.start()
        try:
            with Progress(
                TextColumn("normalising"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeRemainingColumn(),
                console=render.err,
                transient=True,
                disable=as_json,
            ) as bar:
                task = bar.add_task("normalise", total=None)
                return await normalize_corpus(
                    db,
                    engine,
                    persona,
                    chunk_size=chunk,
                    kept_only=not all_posts,
                    limit=limit,
                    progress=lambda done, total: bar.update(task, completed=done, total=total),
                )
        finally:
            await engine.close()

    try:
        summary = asyncio.run(run())
    except PersonaNotFound as exc:
        raise fail(str(exc)) from exc
    if as_json:
        render.print_json(summary)
    else:
        render.out.print(
            f"normalised {summary.normalized:,} posts of {persona} in {summary.seconds:.1f} s "  # type: ignore[attr-defined]
            f"({summary.version}); {summary.remaining:,} remaining"  # type: ignore[attr-defined]
        )


@app.command()
def generate(
    persona: PersonaOpt,
    topic: Annotated[str, typer.Option(help="What the posts should be about.")] = "",
    n: Annotated[int, typer.Option("-n", help="How many drafts.")] = 5,
    model: ModelOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Generate post drafts in the persona's voice; they wait in the review queue."""
    from likeness.inference.drafts import generate_posts
    from likeness.inference.engines.loading import load_engine
    from likeness.inference.personas import PersonaNotFound, load_persona

    if n < 1 or n > 64:
        raise fail("-n must be between 1 and 64")
    settings = get_settings()
    db = _db()
    try:
        served = load_persona(db, persona)
    except PersonaNotFound as exc:
        raise fail(str(exc)) from exc
    engine = load_engine(settings, model, enable_lora=served.adapter is not None)

    async def run():  # type: ignore[no-untyped-def]
        await engine.start()
        try:
            return await generate_posts(db, engine, persona, topic, n)
        finally:
            await engine.close()

    try:
        drafts = asyncio.run(run())
    except PersonaNotFound as exc:
        raise fail(str(exc)) from exc
    if as_json:
        render.print_json([{"id": d.id, "text": d.text, "topic": d.topic} for d in drafts])
        return
    for index, draft in enumerate(drafts, 1):
        render.out.print(f"[bold]{index}.[/bold] {draft.text}\n", highlight=False)


@app.command()
def chat(
    persona: PersonaOpt,
    model: ModelOpt = None,
    max_tokens: Annotated[int, typer.Option(help="Longest answer, in tokens.")] = 256,
    temperature: Annotated[float, typer.Option(help="0 = always the likeliest words.")] = 0.7,
) -> None:
    """Chat with a persona in the terminal (streaming; keeps the history and the persona's
    system prompt for the whole conversation). Empty line or Ctrl-D ends it."""
    from likeness.inference.chat import persona_messages
    from likeness.inference.engine_thread import EngineThread
    from likeness.inference.engines.base import GenerationRequest, SamplingParams
    from likeness.inference.engines.loading import load_engine
    from likeness.inference.personas import PersonaNotFound, load_persona

    settings = get_settings()
    try:
        served = load_persona(_db(), persona)
    except PersonaNotFound as exc:
        raise fail(str(exc)) from exc
    engine = load_engine(settings, model, enable_lora=served.adapter is not None)
    history: list[dict[str, str]] = []
    sampling = SamplingParams(max_tokens=max_tokens, temperature=temperature)
    with EngineThread(engine) as runner:
        if served.adapter is not None:
            runner.run(engine.load_adapter(served.adapter))
        render.err.print(f"chatting with {served.display_name} — empty line to stop")
        while True:
            try:
                line = input("you> ").strip()
            except EOFError:
                break
            if not line:
                break
            history.append({"role": "user", "content": line})
            prompt = engine.render_chat(persona_messages(served.card, history))
            request = GenerationRequest(
                request_id=f"chat-{uuid.uuid4().hex}",
                prompt=prompt,
                sampling=sampling,
                adapter=served.adapter.name if served.adapter else None,
            )
            render.out.print(f"{served.slug}> ", end="", highlight=False)
            answer = []
            for delta in runner.stream(request):
                answer.append(delta.text)
                render.out.print(delta.text, end="", highlight=False, markup=False)
            render.out.print()
            history.append({"role": "assistant", "content": "".join(answer).strip()})


@serve_app.command("inference")
def serve_inference(
    host: Annotated[str, typer.Option(help="Address to bind (loopback unless keys exist).")] = (
        "127.0.0.1"
    ),
    http_port: Annotated[int, typer.Option(help="OpenAI-compatible HTTP port.")] = 8000,
    grpc_port: Annotated[int, typer.Option(help="gRPC InferenceService port.")] = 50052,
    model: ModelOpt = None,
) -> None:
    """Serve personas over gRPC and an OpenAI-compatible HTTP API (`model` = persona slug)."""
    from likeness.inference.http_server import UnsafeBindError
    from likeness.inference.server import run_inference

    try:
        run_inference(
            get_settings(), host=host, http_port=http_port, grpc_port=grpc_port, model=model
        )
    except UnsafeBindError as exc:
        raise fail(str(exc)) from exc
