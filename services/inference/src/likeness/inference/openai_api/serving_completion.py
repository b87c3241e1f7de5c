"""``/v1/completions`` (vLLM's ``serving_completion``): raw text prompts, no card."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator

from likeness.inference.engines.base import Delta
from likeness.inference.openai_api.admission import Admission
from likeness.inference.openai_api.errors import (
    bad_request,
    check_not_aborted,
    refuse,
    refuse_unsupported,
)
from likeness.inference.openai_api.protocol import (
    CompletionChoice,
    CompletionRequest,
    CompletionResponse,
    Usage,
)
from likeness.inference.openai_api.serving_engine import ChunkStream, OpenAIServing, Results
from likeness.inference.serving import check_n, check_prompt

DEFAULT_COMPLETION_MAX_TOKENS = 16  # the OpenAI default for /v1/completions


class OpenAIServingCompletion(OpenAIServing):
    async def create_completion(
        self, request: CompletionRequest
    ) -> CompletionResponse | ChunkStream[CompletionResponse]:
        prompts = _completion_prompts(request)
        _refuse_unsupported_completion(request)
        n = check_n(request.n)
        sampling = self._sampling(request, DEFAULT_COMPLETION_MAX_TOKENS)
        # A persona's adapter applies here too; its card does not, as the prompt is raw text.
        served = await self.models.resolve(request.model)
        for prompt in prompts:
            check_prompt(self.engine, prompt, "prompt")
        response_id = f"cmpl-{uuid.uuid4().hex}"
        requests = self._requests(response_id, prompts, n, sampling, served.adapter)

        def respond(results: Results, usage: Usage) -> CompletionResponse:
            choices = [
                CompletionChoice(index=i, text=text, finish_reason=last.finish_reason)
                for i, (text, last) in enumerate(results)
            ]
            return CompletionResponse(id=response_id, model=served.id, choices=choices, usage=usage)

        async def chunks(
            admission: Admission, include_usage: bool
        ) -> AsyncIterator[CompletionResponse]:
            created = int(time.time())
            lasts: list[Delta | None] = [None] * len(requests)
            async for index, delta in self._merged(requests, admission, served):
                if delta.finished:
                    lasts[index] = delta
                    check_not_aborted(delta)
                if delta.text or delta.finished:
                    choice = CompletionChoice(
                        index=index, text=delta.text, finish_reason=delta.finish_reason
                    )
                    yield CompletionResponse(
                        id=response_id, created=created, model=served.id, choices=[choice]
                    )
            if include_usage:
                yield CompletionResponse(
                    id=response_id,
                    created=created,
                    model=served.id,
                    choices=[],
                    usage=Usage.of(lasts, per_prompt=n),
                )

        return await self._serve("completions", requests, request, chunks, respond, n, served)


def _completion_prompts(request: CompletionRequest) -> list[str]:
    prompt = request.prompt
    if isinstance(prompt, str):
        return [prompt]
    if prompt and all(isinstance(p, str) for p in prompt):
        return [p for p in prompt if isinstance(p, str)]
    if not prompt:
        raise bad_request("prompt must not be an empty list", param="prompt")
    raise bad_request("token-id prompts are not supported; send text", param="prompt")


def _refuse_unsupported_completion(request: CompletionRequest) -> None:
    refuse_unsupported(request, logprobs="only null", echo="only false", suffix="only null")
    if request.best_of is not None and request.best_of != (request.n or 1):
        raise refuse("best_of", "only equal to n")
