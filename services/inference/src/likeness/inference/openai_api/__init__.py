"""The OpenAI-compatible HTTP API, split as vLLM splits its server: ``protocol`` (the OpenAI
objects), ``serving_models`` / ``serving_chat`` / ``serving_completion`` (the work, no HTTP) over
``serving_engine`` (engine requests, streams), ``admission``, ``metrics`` and ``errors``, and
``router`` (thin FastAPI routes); ``app.create_app`` puts them together with auth, limits, errors
and metrics. Validation and model resolution are ``likeness.inference.serving``'s, shared with gRPC.

    app = create_app(engine, db_engine, settings)
"""

from likeness.inference.openai_api.app import OpenAIServings, build_servings, create_app
from likeness.inference.openai_api.errors import OpenAIError
from likeness.inference.openai_api.metrics import ServingMetrics

__all__ = ["OpenAIError", "OpenAIServings", "ServingMetrics", "build_servings", "create_app"]
