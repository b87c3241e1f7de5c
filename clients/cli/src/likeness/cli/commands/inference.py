"""``likeness normalize | generate | chat``: the inference side, run embedded.

``normalize`` runs the persona's current normaliser: its active normaliser model (activated with
``likeness models activate``) with the prompt version it was trained on, else the bare base
model; the summary names which.

The engine (vLLM by default, the transformers engine when the engine setting says so) is
loaded in this process. The inference package is imported lazily, so the ingest commands work
on machines without torch.
"""

from __future__ import annotations

import uuid
from typing import Annotated

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from likeness.cli import backend, render
from likeness.cli.app import JsonOpt, ModelOpt, PersonaOpt, fail, state


def normalize(
    ctx: typer.Context,
    persona: PersonaOpt,
    model: ModelOpt = None,
    limit: Annotated[int | None, typer.Option(help="Normalise at most this many posts.")] = None,
    all_posts: Annotated[
        bool, typer.Option("--all", help="Also posts the persona's flags keep out of training.")
    ] = False,
    chunk: Annotated[int, typer.Option(help="Posts sent to the engine at once.")] = 256,
    as_json: JsonOpt = False,
) -> None:
    """Normalise the persona's posts with its current normaliser (its active normaliser model,
    else the base model): posts not normalised yet, or by another normaliser. Resumable;
    approved texts are never overwritten."""
    from likeness.core.registry import ModelKind, active_model
    from likeness.inference.normalize import normalize_corpus

    with backend.inference(state(ctx).settings()) as handle:
        trained = active_model(handle.db, persona, ModelKind.NORMALIZER)
        engine = handle.load_engine(model, enable_lora=trained is not None)
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
            summary = handle.run(
                engine,
                lambda: normalize_corpus(
                    handle.db,
                    engine,
                    persona,
                    chunk_size=chunk,
                    kept_only=not all_posts,
                    limit=limit,
                    progress=lambda done, total: bar.update(task, completed=done, total=total),
                ),
            )
    if as_json:
        render.print_json(summary)
    else:
        render.out.print(
            f"normalised {summary.normalized:,} posts of {persona} in {summary.seconds:.1f} s "
            f"with normaliser {summary.model} ({summary.version}); "
            f"{summary.remaining:,} remaining",
            highlight=False,
        )


def generate(
    ctx: typer.Context,
    persona: PersonaOpt,
    topic: Annotated[str, typer.Option(help="What the posts should be about.")] = "",
    n: Annotated[int, typer.Option("-n", help="How many drafts.")] = 5,
    model: ModelOpt = None,
    as_json: JsonOpt = False,
) -> None:
    """Generate post drafts in the persona's voice; they wait in the review queue."""
    from likeness.inference.drafts import generate_posts
    from likeness.inference.personas import load_persona

    if n < 1 or n > 64:
        raise fail("-n must be between 1 and 64")
    with backend.inference(state(ctx).settings()) as handle:
        served = load_persona(handle.db, persona)
        engine = handle.load_engine(model, enable_lora=served.adapter is not None)
        drafts = handle.run(engine, lambda: generate_posts(handle.db, engine, persona, topic, n))
    if as_json:
        render.print_json([{"id": d.id, "text": d.text, "topic": d.topic} for d in drafts])
        return
    for index, draft in enumerate(drafts, 1):
        render.out.print(f"[bold]{index}.[/bold] ", end="", highlight=False)
        render.out.print(f"{draft.text}\n", highlight=False, markup=False)


def chat(
    ctx: typer.Context,
    persona: PersonaOpt,
    model: ModelOpt = None,
    max_tokens: Annotated[int, typer.Option(help="Longest answer, in tokens.")] = 256,
    temperature: Annotated[float, typer.Option(help="0 = always the likeliest words.")] = 0.7,
) -> None:
    """Chat with a persona in the terminal (streaming; keeps the history and the persona's
    system prompt for the whole conversation; the copy guard rewrites an answer that would copy
    a training post, as serving does). Empty line or Ctrl-D ends it."""
    from likeness.core.chat import persona_messages
    from likeness.inference.engine_thread import EngineThread
    from likeness.inference.engines.base import GenerationRequest, SamplingParams
    from likeness.inference.personas import load_persona
    from likeness.inference.serving.models import ModelResolver

    with backend.inference(state(ctx).settings()) as handle:
        persona_row = load_persona(handle.db, persona)
        engine = handle.load_engine(model, enable_lora=persona_row.adapter is not None)
        history: list[dict[str, str]] = []
        sampling = SamplingParams(max_tokens=max_tokens, temperature=temperature)
        with EngineThread(engine) as runner:
            # The serving layer's resolver: the persona's adapter, card and copy guard, as the
            # gRPC and HTTP endpoints serve it.
            resolver = ModelResolver(engine, handle.db)
            served = runner.run(resolver.resolve(persona_row.slug))
            render.err.print(f"chatting with {persona_row.display_name} — empty line to stop")
            while True:
                try:
                    line = input("you> ").strip()
                except EOFError:
                    break
                if not line:
                    break
                history.append({"role": "user", "content": line})
                prompt = engine.render_chat(persona_messages(persona_row.card, history))
                request = GenerationRequest(
                    request_id=f"chat-{uuid.uuid4().hex}",
                    prompt=prompt,
                    sampling=sampling,
                    adapter=served.adapter,
                )
                render.out.print(f"{persona_row.slug}> ", end="", highlight=False)
                answer = []
                deltas = resolver.generate(request, served, stream=True)
                for delta in runner.stream(request, deltas):
                    answer.append(delta.text)
                    render.out.print(delta.text, end="", highlight=False, markup=False)
                render.out.print()
                history.append({"role": "assistant", "content": "".join(answer).strip()})
