import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from likeness.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ModelReportRequest(_message.Message):
    __slots__ = ("model_id",)
    MODEL_ID_FIELD_NUMBER: _ClassVar[int]
    model_id: str
    def __init__(self, model_id: _Optional[str] = ...) -> None: ...

class ModelReport(_message.Message):
    __slots__ = ("id", "model_id", "against", "markdown", "metrics", "report_dir", "created_at")
    class MetricsEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: float
        def __init__(self, key: _Optional[str] = ..., value: _Optional[float] = ...) -> None: ...
    ID_FIELD_NUMBER: _ClassVar[int]
    MODEL_ID_FIELD_NUMBER: _ClassVar[int]
    AGAINST_FIELD_NUMBER: _ClassVar[int]
    MARKDOWN_FIELD_NUMBER: _ClassVar[int]
    METRICS_FIELD_NUMBER: _ClassVar[int]
    REPORT_DIR_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    id: str
    model_id: str
    against: str
    markdown: str
    metrics: _containers.ScalarMap[str, float]
    report_dir: str
    created_at: _timestamp_pb2.Timestamp
    def __init__(self, id: _Optional[str] = ..., model_id: _Optional[str] = ..., against: _Optional[str] = ..., markdown: _Optional[str] = ..., metrics: _Optional[_Mapping[str, float]] = ..., report_dir: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ...) -> None: ...

class SubmitJobRequest(_message.Message):
    __slots__ = ("persona", "recipe", "config_json", "priority", "max_attempts")
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    RECIPE_FIELD_NUMBER: _ClassVar[int]
    CONFIG_JSON_FIELD_NUMBER: _ClassVar[int]
    PRIORITY_FIELD_NUMBER: _ClassVar[int]
    MAX_ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    persona: str
    recipe: str
    config_json: str
    priority: int
    max_attempts: int
    def __init__(self, persona: _Optional[str] = ..., recipe: _Optional[str] = ..., config_json: _Optional[str] = ..., priority: _Optional[int] = ..., max_attempts: _Optional[int] = ...) -> None: ...

class Job(_message.Message):
    __slots__ = ("id", "persona", "recipe", "status", "progress", "attempts", "error", "config_json", "result_json", "max_attempts", "worker", "cancel_requested", "created_at", "started_at", "finished_at", "loss_history")
    ID_FIELD_NUMBER: _ClassVar[int]
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    RECIPE_FIELD_NUMBER: _ClassVar[int]
    STATUS_FIELD_NUMBER: _ClassVar[int]
    PROGRESS_FIELD_NUMBER: _ClassVar[int]
    ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    ERROR_FIELD_NUMBER: _ClassVar[int]
    CONFIG_JSON_FIELD_NUMBER: _ClassVar[int]
    RESULT_JSON_FIELD_NUMBER: _ClassVar[int]
    MAX_ATTEMPTS_FIELD_NUMBER: _ClassVar[int]
    WORKER_FIELD_NUMBER: _ClassVar[int]
    CANCEL_REQUESTED_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    STARTED_AT_FIELD_NUMBER: _ClassVar[int]
    FINISHED_AT_FIELD_NUMBER: _ClassVar[int]
    LOSS_HISTORY_FIELD_NUMBER: _ClassVar[int]
    id: str
    persona: str
    recipe: str
    status: str
    progress: _common_pb2.Progress
    attempts: int
    error: str
    config_json: str
    result_json: str
    max_attempts: int
    worker: str
    cancel_requested: bool
    created_at: _timestamp_pb2.Timestamp
    started_at: _timestamp_pb2.Timestamp
    finished_at: _timestamp_pb2.Timestamp
    loss_history: _containers.RepeatedCompositeFieldContainer[LossPoint]
    def __init__(self, id: _Optional[str] = ..., persona: _Optional[str] = ..., recipe: _Optional[str] = ..., status: _Optional[str] = ..., progress: _Optional[_Union[_common_pb2.Progress, _Mapping]] = ..., attempts: _Optional[int] = ..., error: _Optional[str] = ..., config_json: _Optional[str] = ..., result_json: _Optional[str] = ..., max_attempts: _Optional[int] = ..., worker: _Optional[str] = ..., cancel_requested: _Optional[bool] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., started_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., finished_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., loss_history: _Optional[_Iterable[_Union[LossPoint, _Mapping]]] = ...) -> None: ...

class LossPoint(_message.Message):
    __slots__ = ("step", "loss")
    STEP_FIELD_NUMBER: _ClassVar[int]
    LOSS_FIELD_NUMBER: _ClassVar[int]
    step: int
    loss: float
    def __init__(self, step: _Optional[int] = ..., loss: _Optional[float] = ...) -> None: ...

class ListJobsRequest(_message.Message):
    __slots__ = ("persona", "page", "statuses", "recipes")
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    STATUSES_FIELD_NUMBER: _ClassVar[int]
    RECIPES_FIELD_NUMBER: _ClassVar[int]
    persona: str
    page: _common_pb2.PageRequest
    statuses: _containers.RepeatedScalarFieldContainer[str]
    recipes: _containers.RepeatedScalarFieldContainer[str]
    def __init__(self, persona: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ..., statuses: _Optional[_Iterable[str]] = ..., recipes: _Optional[_Iterable[str]] = ...) -> None: ...

class ListJobsResponse(_message.Message):
    __slots__ = ("jobs", "next_page_token")
    JOBS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    jobs: _containers.RepeatedCompositeFieldContainer[Job]
    next_page_token: str
    def __init__(self, jobs: _Optional[_Iterable[_Union[Job, _Mapping]]] = ..., next_page_token: _Optional[str] = ...) -> None: ...

class PreviewJobRequest(_message.Message):
    __slots__ = ("job", "examples", "time_it")
    JOB_FIELD_NUMBER: _ClassVar[int]
    EXAMPLES_FIELD_NUMBER: _ClassVar[int]
    TIME_IT_FIELD_NUMBER: _ClassVar[int]
    job: SubmitJobRequest
    examples: int
    time_it: bool
    def __init__(self, job: _Optional[_Union[SubmitJobRequest, _Mapping]] = ..., examples: _Optional[int] = ..., time_it: _Optional[bool] = ...) -> None: ...

class TokenPiece(_message.Message):
    __slots__ = ("text", "trained")
    TEXT_FIELD_NUMBER: _ClassVar[int]
    TRAINED_FIELD_NUMBER: _ClassVar[int]
    text: str
    trained: bool
    def __init__(self, text: _Optional[str] = ..., trained: _Optional[bool] = ...) -> None: ...

class PreviewExample(_message.Message):
    __slots__ = ("pieces", "tokens", "trained_tokens", "truncated")
    PIECES_FIELD_NUMBER: _ClassVar[int]
    TOKENS_FIELD_NUMBER: _ClassVar[int]
    TRAINED_TOKENS_FIELD_NUMBER: _ClassVar[int]
    TRUNCATED_FIELD_NUMBER: _ClassVar[int]
    pieces: _containers.RepeatedCompositeFieldContainer[TokenPiece]
    tokens: int
    trained_tokens: int
    truncated: bool
    def __init__(self, pieces: _Optional[_Iterable[_Union[TokenPiece, _Mapping]]] = ..., tokens: _Optional[int] = ..., trained_tokens: _Optional[int] = ..., truncated: _Optional[bool] = ...) -> None: ...

class JobPreview(_message.Message):
    __slots__ = ("recipe", "base_model", "examples", "train_examples", "heldout_examples", "train_tokens", "trained_tokens", "truncated", "steps", "estimated_seconds")
    RECIPE_FIELD_NUMBER: _ClassVar[int]
    BASE_MODEL_FIELD_NUMBER: _ClassVar[int]
    EXAMPLES_FIELD_NUMBER: _ClassVar[int]
    TRAIN_EXAMPLES_FIELD_NUMBER: _ClassVar[int]
    HELDOUT_EXAMPLES_FIELD_NUMBER: _ClassVar[int]
    TRAIN_TOKENS_FIELD_NUMBER: _ClassVar[int]
    TRAINED_TOKENS_FIELD_NUMBER: _ClassVar[int]
    TRUNCATED_FIELD_NUMBER: _ClassVar[int]
    STEPS_FIELD_NUMBER: _ClassVar[int]
    ESTIMATED_SECONDS_FIELD_NUMBER: _ClassVar[int]
    recipe: str
    base_model: str
    examples: _containers.RepeatedCompositeFieldContainer[PreviewExample]
    train_examples: int
    heldout_examples: int
    train_tokens: int
    trained_tokens: int
    truncated: int
    steps: int
    estimated_seconds: float
    def __init__(self, recipe: _Optional[str] = ..., base_model: _Optional[str] = ..., examples: _Optional[_Iterable[_Union[PreviewExample, _Mapping]]] = ..., train_examples: _Optional[int] = ..., heldout_examples: _Optional[int] = ..., train_tokens: _Optional[int] = ..., trained_tokens: _Optional[int] = ..., truncated: _Optional[int] = ..., steps: _Optional[int] = ..., estimated_seconds: _Optional[float] = ...) -> None: ...
