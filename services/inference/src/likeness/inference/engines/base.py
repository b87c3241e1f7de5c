"""The engine interface every transport uses: submit a request, stream deltas back, cancel.

    engine = TransformersEngine.load(model_dir)          # or VllmEngine.load(model_dir)
    await engine.start()
    async for delta in engine.generate(GenerationRequest("r1", prompt, SamplingParams())):
        print(delta.text, end="")
    await engine.close()

Prompts reach an engine already rendered (chat template applied by ``likeness.core.chat``'s
``render_chat``, which every engine's ``render_chat`` calls), so training, labeling and serving
share one prompt builder. Adapters (persona LoRAs) are loaded by
name with ``load_adapter`` and chosen per request.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Literal, Protocol

FinishReason = Literal["stop", "length", "abort"]

#: Temperatures below this are greedy: dividing the logits by less overflows them to inf (the
#: softmax is then NaN), and the distribution is a point mass on the top token anyway.
GREEDY_BELOW_TEMPERATURE = 1e-5


@dataclass(frozen=True, slots=True)
class SamplingParams:
    max_tokens: int = 256
    temperature: float = 1.0  # 0 (or below GREEDY_BELOW_TEMPERATURE) = greedy
    top_p: float = 1.0
    stop: tuple[str, ...] = ()  # generation ends before the first of these strings
    seed: int | None = None  # same seed + same request = same text


@dataclass(frozen=True, slots=True)
class GenerationRequest:
    request_id: str
    prompt: str  # fully rendered prompt text
    sampling: SamplingParams = field(default_factory=SamplingParams)
    adapter: str | None = None  # name given to ``Engine.load_adapter``; None = base model


@dataclass(slots=True)
class Delta:
    """New text since the previous delta of the same request."""

    text: str
    prompt_tokens: int
    completion_tokens: int  # so far
    finish_reason: FinishReason | None = None  # set on the last delta only

    @property
    def finished(self) -> bool:
        return self.finish_reason is not None


def is_greedy(sampling: SamplingParams) -> bool:
    return sampling.temperature < GREEDY_BELOW_TEMPERATURE


@dataclass(frozen=True, slots=True)
class AdapterInfo:
    name: str
    path: str
    base_model: str
    chat_template_sha256: str


class AdapterMismatch(ValueError):
    """An adapter trained on another base model or chat template than the engine serves."""


class EngineFailed(RuntimeError):
    """The engine cannot serve any request (its worker died); health reports it, and only a
    restart of the service helps."""


def same_model(a: str, b: str) -> bool:
    """Whether two base-model references name the same model: equal ids, or the same folder."""
    if a.rstrip("/") == b.rstrip("/"):
        return True
    pa, pb = Path(a).expanduser(), Path(b).expanduser()
    return pa.exists() and pb.exists() and pa.resolve() == pb.resolve()


def check_adapter_fits(adapter: AdapterInfo, model_id: str, chat_template_sha256: str) -> None:
    """Refuse an adapter trained on another base model or chat template, or missing on disk.

    Serving an adapter on a base or template it was not trained with is the most common way
    persona fine-tunes silently break, so every engine calls this before loading one.
    """
    if not same_model(adapter.base_model, model_id):
        raise AdapterMismatch(
            f"adapter {adapter.name!r} was trained on base model {adapter.base_model!r}, "
            f"but this engine serves {model_id!r}"
        )
    if adapter.chat_template_sha256 != chat_template_sha256:
        raise AdapterMismatch(
            f"adapter {adapter.name!r} was trained with chat template sha256 "
            f"{adapter.chat_template_sha256[:12]}…, but this engine renders prompts with "
            f"{chat_template_sha256[:12]}…; retrain it on this model's template"
        )
    if not (Path(adapter.path) / "adapter_config.json").is_file():
        raise FileNotFoundError(f"no adapter_config.json in {adapter.path}")


class Engine(Protocol):
    #: id of the served base model (a path or hub id), as reported to clients
    model_id: str
    #: sha256 of the chat template the engine renders prompts with
    chat_template_sha256: str
    #: the model's context in tokens (prompt + completion); 0 when unknown
    max_context: int

    async def start(self) -> None: ...

    async def close(self) -> None: ...

    def healthy(self) -> bool:
        """Whether the engine is started and can serve (False once its worker has died)."""
        ...

    def generate(self, request: GenerationRequest) -> AsyncIterator[Delta]:
        """Stream the completion; the last delta carries ``finish_reason``.

        Breaking out of the iteration (a client that went away) frees the request's slot.
        """
        ...

    async def abort(self, request_id: str) -> None: ...

    def count_tokens(self, text: str) -> int: ...

    async def load_adapter(self, adapter: AdapterInfo) -> None:
        """Make an adapter available; raises AdapterMismatch if it does not fit this engine."""
        ...

    def render_chat(self, messages: list[dict[str, str]]) -> str:
        """The prompt text for a chat, with the generation prompt for the assistant turn."""
        ...
