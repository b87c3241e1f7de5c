"""``/v1/models`` and what a request's ``model`` names (vLLM's ``serving_models``)."""

from __future__ import annotations

from likeness.core.errors import PersonaNotFound
from likeness.inference.openai_api.errors import OpenAIError
from likeness.inference.openai_api.protocol import ModelCard, ModelList
from likeness.inference.serving import ModelResolver, ServedModel


class OpenAIServingModels:
    """The base model (by its public name, never a path) and every persona."""

    def __init__(self, resolver: ModelResolver) -> None:
        self.resolver = resolver

    async def list_models(self) -> ModelList:
        cards = [ModelCard(id=self.resolver.base_name)]
        cards += [ModelCard(id=slug) for slug in await self.resolver.persona_names()]
        return ModelList(data=cards)

    async def resolve(self, model: str) -> ServedModel:
        """The base model or the persona named ``model``; 404 for anything else."""
        try:
            return await self.resolver.resolve(model)
        except PersonaNotFound:
            raise OpenAIError(
                404,
                f"The model '{model}' does not exist: use a persona slug or "
                f"'{self.resolver.base_name}' (GET /v1/models lists them).",
                param="model",
                code="model_not_found",
            ) from None
