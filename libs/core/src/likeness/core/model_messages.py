"""``ModelInfo`` <-> ``likeness.v1.Model``: the one conversion, for every servicer and client.

reply = common_pb2.ListModelsResponse(models=[model_message(m) for m in list_models(db)])
infos = [model_from_message(m) for m in reply.models]
"""

from __future__ import annotations

from likeness.core.registry import ModelInfo
from likeness.v1 import common_pb2


def model_message(info: ModelInfo) -> common_pb2.Model:
    return common_pb2.Model(
        id=info.id,
        persona=info.persona,
        kind=info.kind,
        base_model=info.base_model,
        adapter_path=info.adapter_path,
        chat_template_sha256=info.chat_template_sha256,
        dataset_sha256=info.dataset_sha256,
        active=info.active,
        metrics=info.metrics,
    )


def model_from_message(message: common_pb2.Model) -> ModelInfo:
    return ModelInfo(
        id=message.id,
        persona=message.persona,
        kind=message.kind,
        base_model=message.base_model,
        adapter_path=message.adapter_path,
        chat_template_sha256=message.chat_template_sha256,
        dataset_sha256=message.dataset_sha256,
        active=message.active,
        metrics=dict(message.metrics),
    )
