"""``/v1/chat/completions`` (vLLM's ``serving_chat``): the persona's card first, then the chat."""

from __future__ import annotations

import time
import uuid
from collections.abc import AsyncIterator, Sequence

from likeness.core.chat import persona_messages
from likeness.inference.engines.base import Delta
from likeness.inference.openai_api.admission import Admission
from likeness.inference.openai_api.errors import (
    bad_request,
    check_not_aborted,
    refuse,
    refuse_unsupported,
)
from likeness.inference.openai_api.protocol import (
    ChatCompletionChoice,
    ChatCompletionMessage,
    ChatCompletionRequest,
    ChatCompletionResponse,
    ChatCompletionStreamChoice,
    ChatCompletionStreamResponse,
    ChatMessage,
    DeltaMessage,
    Usage,
)
from likeness.inference.openai_api.serving_engine import ChunkStream, OpenAIServing, Results
from likeness.inference.serving import ServedModel, chat_messages, check_n, check_prompt


class OpenAIServingChat(OpenAIServing):
    async def render_chat_prompt(self, served: ServedModel, messages: Sequence[ChatMessage]) -> str:
        """The exact prompt text the engine receives for this chat."""
        plain = chat_messages(_text_messages(messages))
        if served.card is not None:
            plain = persona_messages(served.card, plain)
        try:
            return self.engine.render_chat(plain)
        except ValueError as exc:  # e.g. a tokenizer without a chat template
            raise bad_request(f"cannot render this chat for the served model: {exc}") from exc

    async def create_chat_completion(
        self, request: ChatCompletionRequest
    ) -> ChatCompletionResponse | ChunkStream[ChatCompletionStreamResponse]:
        _refuse_unsupported_chat(request)
        n = check_n(request.n)
        sampling = self._sampling(request, self.max_tokens_limit, request.max_completion_tokens)
        served = await self.models.resolve(request.model)
        prompt = await self.render_chat_prompt(served, request.messages)
        check_prompt(self.engine, prompt, "messages")
        response_id = f"chatcmpl-{uuid.uuid4().hex}"
        requests = self._requests(response_id, [prompt], n, sampling, served.adapter)

        def respond(results: Results, usage: Usage) -> ChatCompletionResponse:
            choices = [
                ChatCompletionChoice(
                    index=i,
                    message=ChatCompletionMessage(content=text),
                    finish_reason=last.finish_reason,
                )
                for i, (text, last) in enumerate(results)
            ]
            return ChatCompletionResponse(
                id=response_id, model=served.id, choices=choices, usage=usage
            )

        async def chunks(
            admission: Admission, include_usage: bool
        ) -> AsyncIterator[ChatCompletionStreamResponse]:
            created = int(time.time())

            def chunk(
                choices: list[ChatCompletionStreamChoice], usage: Usage | None = None
            ) -> ChatCompletionStreamResponse:
                return ChatCompletionStreamResponse(
                    id=response_id, created=created, model=served.id, choices=choices, usage=usage
                )

            # The role comes first, before any token, as OpenAI sends it (and clients expect it).
            for i in range(len(requests)):
                role = DeltaMessage(role="assistant", content="")
                yield chunk([ChatCompletionStreamChoice(index=i, delta=role)])
            lasts: list[Delta | None] = [None] * len(requests)
            async for index, delta in self._merged(requests, admission, served):
                if delta.text:
                    content = DeltaMessage(content=delta.text)
                    yield chunk([ChatCompletionStreamChoice(index=index, delta=content)])
                if delta.finished:
                    lasts[index] = delta
                    check_not_aborted(delta)
                    yield chunk(
                        [
                            ChatCompletionStreamChoice(
                                index=index, delta=DeltaMessage(), finish_reason=delta.finish_reason
                            )
                        ]
                    )
            if include_usage:
                yield chunk([], usage=Usage.of(lasts, per_prompt=len(requests)))

        return await self._serve("chat", requests, request, chunks, respond, n, served)


def _text_messages(messages: Sequence[ChatMessage]) -> list[tuple[str, str]]:
    """(role, text) pairs: multi-part contents joined, only text parts served."""
    pairs = []
    for i, message in enumerate(messages):
        content = message.content
        if isinstance(content, list):
            texts = []
            for part in content:
                if part.type != "text" or part.text is None:
                    raise bad_request(
                        f"messages[{i}] has a {part.type!r} part; only text is supported",
                        param=f"messages[{i}].content",
                    )
                texts.append(part.text)
            content = "".join(texts)
        pairs.append((message.role, content or ""))
    return pairs


def _refuse_unsupported_chat(request: ChatCompletionRequest) -> None:
    refuse_unsupported(
        request, logprobs="only false", top_logprobs="only 0", tools="no tool calling"
    )
    if request.tool_choice not in (None, "none", "auto"):
        raise refuse("tool_choice", "no tool calling")
    if request.response_format and request.response_format.get("type") not in (None, "text"):
        raise refuse("response_format", "only text")
