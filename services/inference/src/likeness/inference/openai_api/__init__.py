"""The OpenAI-compatible HTTP API, in vLLM's three parts: ``protocol`` (the OpenAI objects),
``serving`` (the work, no HTTP) and ``router`` (thin FastAPI routes); ``app.create_app`` puts them
together with auth, limits, errors and metrics.

    app = create_app(engine, db_engine, settings)
"""

from likeness.inference.openai_api.app import create_app
from likeness.inference.openai_api.serving import OpenAIError, OpenAIServing, ServingMetrics

__all__ = ["OpenAIError", "OpenAIServing", "ServingMetrics", "create_app"]
