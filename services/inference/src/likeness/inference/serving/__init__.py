"""The one serving layer every transport uses: HTTP (``openai_api``), gRPC (``grpc_servicer``) and
the drafts code resolve models, validate requests and fail the same way.

    resolver = ModelResolver(engine, db)
    served = await resolver.resolve("alice")          # card + adapter, loaded into the engine once
    messages = chat_messages([("user", "hi")])        # one validator: roles, text
    sampling = sampling_params(max_tokens={"max_tokens": 64}, temperature=0.7, top_p=None,
                               stop=None, seed=None, default_max_tokens=256)
    check_prompt(engine, prompt, "prompt")            # empty / over the context: InvalidRequest
    deltas = resolver.generate(request, served, stream=True)  # through the copy guard

A persona adapter's generations go through the copy guard (``copy_guard``): one that copies a
training post is resampled, the same way for every transport.

Every refusal is an ``InvalidRequest`` (a ``ValueError`` naming the parameter): HTTP answers 400,
gRPC INVALID_ARGUMENT.
"""

from likeness.inference.serving.copy_guard import CopyGuard, CopyGuardMetrics
from likeness.inference.serving.errors import (
    AdapterNotServable,
    EngineFailed,
    InvalidRequest,
    TooLarge,
)
from likeness.inference.serving.models import ModelResolver, ServedModel, public_model_name
from likeness.inference.serving.validation import (
    MAX_N,
    MAX_STOP_SEQUENCES,
    MAX_TOKENS_LIMIT,
    chat_messages,
    check_n,
    check_prompt,
    check_text,
    choice_sampling,
    sampling_params,
)

__all__ = [
    "MAX_N",
    "MAX_STOP_SEQUENCES",
    "MAX_TOKENS_LIMIT",
    "AdapterNotServable",
    "CopyGuard",
    "CopyGuardMetrics",
    "EngineFailed",
    "InvalidRequest",
    "ModelResolver",
    "ServedModel",
    "TooLarge",
    "chat_messages",
    "check_n",
    "check_prompt",
    "check_text",
    "choice_sampling",
    "public_model_name",
    "sampling_params",
]
