import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class PageRequest(_message.Message):
    __slots__ = ("page_size", "page_token")
    PAGE_SIZE_FIELD_NUMBER: _ClassVar[int]
    PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    page_size: int
    page_token: str
    def __init__(self, page_size: _Optional[int] = ..., page_token: _Optional[str] = ...) -> None: ...

class Progress(_message.Message):
    __slots__ = ("job_id", "step", "total", "loss", "learning_rate", "tokens_per_s", "eta_s", "message", "status", "at")
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    STEP_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    LOSS_FIELD_NUMBER: _ClassVar[int]
    LEARNING_RATE_FIELD_NUMBER: _ClassVar[int]
    TOKENS_PER_S_FIELD_NUMBER: _ClassVar[int]
    ETA_S_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    AT_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    step: int
    total: int
    loss: float
    learning_rate: float
    tokens_per_s: float
    eta_s: float
    message: str
    status: str
    at: _timestamp_pb2.Timestamp
    def __init__(self, job_id: _Optional[str] = ..., step: _Optional[int] = ..., total: _Optional[int] = ..., loss: _Optional[float] = ..., learning_rate: _Optional[float] = ..., tokens_per_s: _Optional[float] = ..., eta_s: _Optional[float] = ..., message: _Optional[str] = ..., status: _Optional[str] = ..., at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class JobRef(_message.Message):
    __slots__ = ("job_id",)
    JOB_ID_FIELD_NUMBER: _ClassVar[int]
    job_id: str
    def __init__(self, job_id: _Optional[str] = ...) -> None: ...

class Persona(_message.Message):
    __slots__ = ("slug", "display_name", "card", "post_count", "created_at", "exclude_flags", "gate_json", "mix")
    SLUG_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    CARD_FIELD_NUMBER: _ClassVar[int]
    POST_COUNT_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    EXCLUDE_FLAGS_FIELD_NUMBER: _ClassVar[int]
    GATE_JSON_FIELD_NUMBER: _ClassVar[int]
    MIX_FIELD_NUMBER: _ClassVar[int]
    slug: str
    display_name: str
    card: str
    post_count: int
    created_at: _timestamp_pb2.Timestamp
    exclude_flags: _containers.RepeatedScalarFieldContainer[str]
    gate_json: str
    mix: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, slug: _Optional[str] = ..., display_name: _Optional[str] = ..., card: _Optional[str] = ..., post_count: _Optional[int] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., exclude_flags: _Optional[_Iterable[str]] = ..., gate_json: _Optional[str] = ..., mix: _Optional[_Iterable[str]] = ...) -> None: ...

class Model(_message.Message):
    __slots__ = ("id", "persona", "kind", "base_model", "adapter_path", "chat_template_sha256", "dataset_sha256", "active", "metrics", "report")
    class MetricsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    class ReportEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    BASE_MODEL_FIELD_NUMBER: _ClassVar[int]
    ADAPTER_PATH_FIELD_NUMBER: _ClassVar[int]
    CHAT_TEMPLATE_SHA256_FIELD_NUMBER: _ClassVar[int]
    DATASET_SHA256_FIELD_NUMBER: _ClassVar[int]
    ACTIVE_FIELD_NUMBER: _ClassVar[int]
    METRICS_FIELD_NUMBER: _ClassVar[int]
    REPORT_FIELD_NUMBER: _ClassVar[int]
    id: str
    persona: str
    kind: str
    base_model: str
    adapter_path: str
    chat_template_sha256: str
    dataset_sha256: str
    active: bool
    metrics: _containers.ScalarMap[str, float]
    report: _containers.ScalarMap[str, float]
    def __init__(self, id: _Optional[str] = ..., persona: _Optional[str] = ..., kind: _Optional[str] = ..., base_model: _Optional[str] = ..., adapter_path: _Optional[str] = ..., chat_template_sha256: _Optional[str] = ..., dataset_sha256: _Optional[str] = ..., active: _Optional[bool] = ..., metrics: _Optional[_Mapping[str, float]] = ..., report: _Optional[_Mapping[str, float]] = ...) -> None: ...

class ListModelsRequest(_message.Message):
    __slots__ = ("persona",)
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    persona: str
    def __init__(self, persona: _Optional[str] = ...) -> None: ...

class ListModelsResponse(_message.Message):
    __slots__ = ("models",)
    MODELS_FIELD_NUMBER: _ClassVar[int]
    models: _containers.RepeatedCompositeFieldContainer[Model]
    def __init__(self, models: _Optional[_Iterable[_Union[Model, _Mapping]]] = ...) -> None: ...

class ActivateModelRequest(_message.Message):
    __slots__ = ("model_id", "force")
    MODEL_ID_FIELD_NUMBER: _ClassVar[int]
    FORCE_FIELD_NUMBER: _ClassVar[int]
    model_id: str
    force: bool
    def __init__(self, model_id: _Optional[str] = ..., force: _Optional[bool] = ...) -> None: ...
