"""``ModelInfo`` <-> ``likeness.v1.Model``: the one conversion, for every servicer and client.

reply = common_pb2.ListModelsResponse(models=[model_message(m) for m in list_models(db)])
infos = [model_from_message(m) for m in reply.models]
"""

from __future__ import annotations

from likeness.core.proto_fields import from_message, to_message
from likeness.core.registry import ModelInfo
from likeness.v1 import common_pb2


def model_message(info: ModelInfo) -> common_pb2.Model:
    return to_message(common_pb2.Model, info)


def model_from_message(message: common_pb2.Model) -> ModelInfo:
    return from_message(ModelInfo, message)
