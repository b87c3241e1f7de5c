"""Request validation shared by every transport: sampling, messages, prompts, limits.

One set of rules: HTTP and gRPC refuse the same values with the same messages. Unset values are
``None`` (gRPC's zero values are unset, so its caller maps 0 to None where 0 means "default").
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence

from likeness.core.chat import Message
from likeness.inference.engines.base import (
    GREEDY_BELOW_TEMPERATURE,
    Engine,
    SamplingParams,
    is_greedy,
)
from likeness.inference.serving.errors import InvalidRequest

MAX_TOKENS_LIMIT = 2048  # the server's cap on any request's max_tokens
MAX_STOP_SEQUENCES = 4  # as the OpenAI API
MAX_N = 16
#: Seeds are 64-bit signed, as torch and vLLM take them; anything wider is refused, not wrapped.
SEED_MIN, SEED_MAX = -(2**63), 2**63 - 1
ROLES = {"system": "system", "developer": "system", "user": "user", "assistant": "assistant"}

__all__ = [
    "GREEDY_BELOW_TEMPERATURE",
    "MAX_N",
    "MAX_STOP_SEQUENCES",
    "MAX_TOKENS_LIMIT",
    "chat_messages",
    "check_n",
    "check_prompt",
    "check_text",
    "choice_sampling",
    "is_greedy",
    "sampling_params",
]


def sampling_params(
    *,
    max_tokens: Mapping[str, int | None],
    temperature: float | None,
    top_p: float | None,
    stop: str | Sequence[str] | None,
    seed: int | None,
    default_max_tokens: int,
    max_tokens_limit: int = MAX_TOKENS_LIMIT,
    default_temperature: float = 1.0,
) -> SamplingParams:
    """Validated engine sampling parameters.

    ``max_tokens`` maps each parameter name that sets it to its value (HTTP has two); the
    stricter given value wins, and ``max_tokens_limit`` caps it either way. Temperatures below
    ``GREEDY_BELOW_TEMPERATURE`` are greedy (0): dividing logits by them overflows.
    """
    limits = []
    for name, value in max_tokens.items():
        if value is None:
            continue
        if value < 1:
            raise InvalidRequest(f"{name} must be at least 1, got {value}", param=name)
        limits.append(value)
    wanted = min(limits) if limits else default_max_tokens
    temperature = default_temperature if temperature is None else temperature
    if not 0.0 <= temperature <= 2.0:  # also refuses NaN
        raise InvalidRequest(
            f"temperature must be between 0 and 2, got {temperature}", param="temperature"
        )
    if temperature < GREEDY_BELOW_TEMPERATURE:
        temperature = 0.0
    top_p = 1.0 if top_p is None else top_p
    if not 0.0 < top_p <= 1.0:
        raise InvalidRequest(f"top_p must be in (0, 1], got {top_p}", param="top_p")
    if seed is not None and not SEED_MIN <= seed <= SEED_MAX:
        raise InvalidRequest(
            f"seed must be a 64-bit signed integer ({SEED_MIN} to {SEED_MAX}), got {seed}",
            param="seed",
        )
    return SamplingParams(
        max_tokens=min(wanted, max_tokens_limit),
        temperature=temperature,
        top_p=top_p,
        stop=_stop_sequences(stop),
        seed=seed,
    )


def choice_sampling(sampling: SamplingParams, index: int) -> SamplingParams:
    """Choice ``i`` samples with ``seed + i``: the choices differ, and choice 0 with seed s
    is the same text a request with n=1 and seed s gets."""
    if sampling.seed is None or index == 0:
        return sampling
    seed = (sampling.seed + index - SEED_MIN) % 2**64 + SEED_MIN  # stays 64-bit signed
    return dataclasses.replace(sampling, seed=seed)


def check_n(n: int | None) -> int:
    n = 1 if n is None else n
    if not 1 <= n <= MAX_N:
        raise InvalidRequest(f"n must be between 1 and {MAX_N}, got {n}", param="n")
    return n


def _stop_sequences(stop: str | Sequence[str] | None) -> tuple[str, ...]:
    if stop is None:
        return ()
    sequences = [stop] if isinstance(stop, str) else list(stop)
    if len(sequences) > MAX_STOP_SEQUENCES:
        raise InvalidRequest(
            f"at most {MAX_STOP_SEQUENCES} stop sequences are allowed, got {len(sequences)}",
            param="stop",
        )
    if any(not s for s in sequences):
        raise InvalidRequest("stop sequences must not be empty", param="stop")
    for i, sequence in enumerate(sequences):
        check_text(sequence, f"stop[{i}]")
    return tuple(sequences)


def check_text(text: str, param: str) -> None:
    """Refuse text that is not valid Unicode (a lone surrogate, which JSON's ``\\ud800`` allows):
    the tokenizer would fail on it deep inside the engine."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        raise InvalidRequest(
            f"{param} is not valid Unicode text (a lone surrogate at character {exc.start})",
            param=param,
        ) from None


def chat_messages(messages: Sequence[tuple[str, str]]) -> list[Message]:
    """(role, content) pairs as engine messages: at least one, known roles, valid text.

    ``developer`` (OpenAI's newer name) is a system message; ``tool`` and other roles are
    refused, as no tool calling is served.
    """
    if not messages:
        raise InvalidRequest("messages must contain at least one message", param="messages")
    plain: list[Message] = []
    for i, (role, content) in enumerate(messages):
        mapped = ROLES.get(role)
        if mapped is None:
            raise InvalidRequest(
                f"messages[{i}].role {role!r} is not supported "
                "(use system, developer, user or assistant)",
                param=f"messages[{i}].role",
            )
        check_text(content, f"messages[{i}].content")
        plain.append({"role": mapped, "content": content})
    return plain


def check_prompt(engine: Engine, prompt: str, param: str) -> None:
    """Refuse prompts the engine would refuse, before anything is admitted (a stream's status
    line goes out before the engine sees the prompt)."""
    if not prompt:
        raise InvalidRequest("the prompt is empty", param=param)
    check_text(prompt, param)
    context = engine.max_context
    if context:
        tokens = engine.count_tokens(prompt)
        if tokens >= context:
            raise InvalidRequest(
                f"the prompt has {tokens} tokens; the model's context is {context} tokens",
                param=param,
                code="context_length_exceeded",
            )
