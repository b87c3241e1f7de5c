import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class NextTaskRequest(_message.Message):
    __slots__ = ("persona", "annotator", "num_proposals")
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    ANNOTATOR_FIELD_NUMBER: _ClassVar[int]
    NUM_PROPOSALS_FIELD_NUMBER: _ClassVar[int]
    persona: str
    annotator: str
    num_proposals: int
    def __init__(self, persona: _Optional[str] = ..., annotator: _Optional[str] = ..., num_proposals: _Optional[int] = ...) -> None: ...

class LabelPost(_message.Message):
    __slots__ = ("id", "platform", "created_at", "raw_text", "clean_text", "flags", "normalized_text")
    ID_FIELD_NUMBER: _ClassVar[int]
    PLATFORM_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    RAW_TEXT_FIELD_NUMBER: _ClassVar[int]
    CLEAN_TEXT_FIELD_NUMBER: _ClassVar[int]
    FLAGS_FIELD_NUMBER: _ClassVar[int]
    NORMALIZED_TEXT_FIELD_NUMBER: _ClassVar[int]
    id: str
    platform: str
    created_at: _timestamp_pb2.Timestamp
    raw_text: str
    clean_text: str
    flags: _containers.RepeatedScalarFieldContainer[str]
    normalized_text: str
    def __init__(self, id: _Optional[str] = ..., platform: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., raw_text: _Optional[str] = ..., clean_text: _Optional[str] = ..., flags: _Optional[_Iterable[str]] = ..., normalized_text: _Optional[str] = ...) -> None: ...

class Proposal(_message.Message):
    __slots__ = ("id", "index", "text", "temperature")
    ID_FIELD_NUMBER: _ClassVar[int]
    INDEX_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    TEMPERATURE_FIELD_NUMBER: _ClassVar[int]
    id: str
    index: int
    text: str
    temperature: float
    def __init__(self, id: _Optional[str] = ..., index: _Optional[int] = ..., text: _Optional[str] = ..., temperature: _Optional[float] = ...) -> None: ...

class LabelTask(_message.Message):
    __slots__ = ("task_id", "persona", "annotator", "post", "proposals", "generator", "prompt_version", "lease_expires_at", "resumed", "disagreement", "remaining")
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    ANNOTATOR_FIELD_NUMBER: _ClassVar[int]
    POST_FIELD_NUMBER: _ClassVar[int]
    PROPOSALS_FIELD_NUMBER: _ClassVar[int]
    GENERATOR_FIELD_NUMBER: _ClassVar[int]
    PROMPT_VERSION_FIELD_NUMBER: _ClassVar[int]
    LEASE_EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    RESUMED_FIELD_NUMBER: _ClassVar[int]
    DISAGREEMENT_FIELD_NUMBER: _ClassVar[int]
    REMAINING_FIELD_NUMBER: _ClassVar[int]
    task_id: str
    persona: str
    annotator: str
    post: LabelPost
    proposals: _containers.RepeatedCompositeFieldContainer[Proposal]
    generator: str
    prompt_version: str
    lease_expires_at: _timestamp_pb2.Timestamp
    resumed: bool
    disagreement: float
    remaining: int
    def __init__(self, task_id: _Optional[str] = ..., persona: _Optional[str] = ..., annotator: _Optional[str] = ..., post: _Optional[_Union[LabelPost, _Mapping]] = ..., proposals: _Optional[_Iterable[_Union[Proposal, _Mapping]]] = ..., generator: _Optional[str] = ..., prompt_version: _Optional[str] = ..., lease_expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., resumed: _Optional[bool] = ..., disagreement: _Optional[float] = ..., remaining: _Optional[int] = ...) -> None: ...

class SubmitRequest(_message.Message):
    __slots__ = ("task_id", "annotator", "action", "proposal_index", "text", "comment", "seconds_spent")
    class Action(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        ACTION_UNSPECIFIED: _ClassVar[SubmitRequest.Action]
        ACCEPT: _ClassVar[SubmitRequest.Action]
        EDIT: _ClassVar[SubmitRequest.Action]
        OWN: _ClassVar[SubmitRequest.Action]
        REJECT_ALL: _ClassVar[SubmitRequest.Action]
        SKIP: _ClassVar[SubmitRequest.Action]
    ACTION_UNSPECIFIED: SubmitRequest.Action
    ACCEPT: SubmitRequest.Action
    EDIT: SubmitRequest.Action
    OWN: SubmitRequest.Action
    REJECT_ALL: SubmitRequest.Action
    SKIP: SubmitRequest.Action
    TASK_ID_FIELD_NUMBER: _ClassVar[int]
    ANNOTATOR_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    PROPOSAL_INDEX_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    COMMENT_FIELD_NUMBER: _ClassVar[int]
    SECONDS_SPENT_FIELD_NUMBER: _ClassVar[int]
    task_id: str
    annotator: str
    action: SubmitRequest.Action
    proposal_index: int
    text: str
    comment: str
    seconds_spent: float
    def __init__(self, task_id: _Optional[str] = ..., annotator: _Optional[str] = ..., action: _Optional[_Union[SubmitRequest.Action, str]] = ..., proposal_index: _Optional[int] = ..., text: _Optional[str] = ..., comment: _Optional[str] = ..., seconds_spent: _Optional[float] = ...) -> None: ...

class SubmitResponse(_message.Message):
    __slots__ = ("judgment_id", "edit_distance", "labeled")
    JUDGMENT_ID_FIELD_NUMBER: _ClassVar[int]
    EDIT_DISTANCE_FIELD_NUMBER: _ClassVar[int]
    LABELED_FIELD_NUMBER: _ClassVar[int]
    judgment_id: str
    edit_distance: int
    labeled: int
    def __init__(self, judgment_id: _Optional[str] = ..., edit_distance: _Optional[int] = ..., labeled: _Optional[int] = ...) -> None: ...

class UndoRequest(_message.Message):
    __slots__ = ("persona", "annotator")
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    ANNOTATOR_FIELD_NUMBER: _ClassVar[int]
    persona: str
    annotator: str
    def __init__(self, persona: _Optional[str] = ..., annotator: _Optional[str] = ...) -> None: ...

class ProgressRequest(_message.Message):
    __slots__ = ("persona",)
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    persona: str
    def __init__(self, persona: _Optional[str] = ...) -> None: ...

class AnnotatorProgress(_message.Message):
    __slots__ = ("annotator", "labeled", "labels_per_minute", "last_at", "by_action")
    class ByActionEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    ANNOTATOR_FIELD_NUMBER: _ClassVar[int]
    LABELED_FIELD_NUMBER: _ClassVar[int]
    LABELS_PER_MINUTE_FIELD_NUMBER: _ClassVar[int]
    LAST_AT_FIELD_NUMBER: _ClassVar[int]
    BY_ACTION_FIELD_NUMBER: _ClassVar[int]
    annotator: str
    labeled: int
    labels_per_minute: float
    last_at: _timestamp_pb2.Timestamp
    by_action: _containers.ScalarMap[str, int]
    def __init__(self, annotator: _Optional[str] = ..., labeled: _Optional[int] = ..., labels_per_minute: _Optional[float] = ..., last_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., by_action: _Optional[_Mapping[str, int]] = ...) -> None: ...

class LabelProgress(_message.Message):
    __slots__ = ("persona", "labeled", "remaining", "by_action", "annotators", "labels_per_minute", "open_tasks")
    class ByActionEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    LABELED_FIELD_NUMBER: _ClassVar[int]
    REMAINING_FIELD_NUMBER: _ClassVar[int]
    BY_ACTION_FIELD_NUMBER: _ClassVar[int]
    ANNOTATORS_FIELD_NUMBER: _ClassVar[int]
    LABELS_PER_MINUTE_FIELD_NUMBER: _ClassVar[int]
    OPEN_TASKS_FIELD_NUMBER: _ClassVar[int]
    persona: str
    labeled: int
    remaining: int
    by_action: _containers.ScalarMap[str, int]
    annotators: _containers.RepeatedCompositeFieldContainer[AnnotatorProgress]
    labels_per_minute: float
    open_tasks: int
    def __init__(self, persona: _Optional[str] = ..., labeled: _Optional[int] = ..., remaining: _Optional[int] = ..., by_action: _Optional[_Mapping[str, int]] = ..., annotators: _Optional[_Iterable[_Union[AnnotatorProgress, _Mapping]]] = ..., labels_per_minute: _Optional[float] = ..., open_tasks: _Optional[int] = ...) -> None: ...

class ExportRequest(_message.Message):
    __slots__ = ("persona", "kind", "format", "split")
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    KIND_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    SPLIT_FIELD_NUMBER: _ClassVar[int]
    persona: str
    kind: str
    format: str
    split: str
    def __init__(self, persona: _Optional[str] = ..., kind: _Optional[str] = ..., format: _Optional[str] = ..., split: _Optional[str] = ...) -> None: ...

class ExportChunk(_message.Message):
    __slots__ = ("lines", "total_rows")
    LINES_FIELD_NUMBER: _ClassVar[int]
    TOTAL_ROWS_FIELD_NUMBER: _ClassVar[int]
    lines: _containers.RepeatedScalarFieldContainer[str]
    total_rows: int
    def __init__(self, lines: _Optional[_Iterable[str]] = ..., total_rows: _Optional[int] = ...) -> None: ...

class NextComparisonRequest(_message.Message):
    __slots__ = ("persona", "annotator")
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    ANNOTATOR_FIELD_NUMBER: _ClassVar[int]
    persona: str
    annotator: str
    def __init__(self, persona: _Optional[str] = ..., annotator: _Optional[str] = ...) -> None: ...

class Comparison(_message.Message):
    __slots__ = ("comparison_id", "persona", "annotator", "request", "text_a", "text_b", "lease_expires_at", "resumed", "remaining")
    COMPARISON_ID_FIELD_NUMBER: _ClassVar[int]
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    ANNOTATOR_FIELD_NUMBER: _ClassVar[int]
    REQUEST_FIELD_NUMBER: _ClassVar[int]
    TEXT_A_FIELD_NUMBER: _ClassVar[int]
    TEXT_B_FIELD_NUMBER: _ClassVar[int]
    LEASE_EXPIRES_AT_FIELD_NUMBER: _ClassVar[int]
    RESUMED_FIELD_NUMBER: _ClassVar[int]
    REMAINING_FIELD_NUMBER: _ClassVar[int]
    comparison_id: str
    persona: str
    annotator: str
    request: str
    text_a: str
    text_b: str
    lease_expires_at: _timestamp_pb2.Timestamp
    resumed: bool
    remaining: int
    def __init__(self, comparison_id: _Optional[str] = ..., persona: _Optional[str] = ..., annotator: _Optional[str] = ..., request: _Optional[str] = ..., text_a: _Optional[str] = ..., text_b: _Optional[str] = ..., lease_expires_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., resumed: _Optional[bool] = ..., remaining: _Optional[int] = ...) -> None: ...

class VoteRequest(_message.Message):
    __slots__ = ("comparison_id", "annotator", "choice", "seconds_spent")
    class Choice(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        CHOICE_UNSPECIFIED: _ClassVar[VoteRequest.Choice]
        A: _ClassVar[VoteRequest.Choice]
        B: _ClassVar[VoteRequest.Choice]
        TIE: _ClassVar[VoteRequest.Choice]
        BOTH_BAD: _ClassVar[VoteRequest.Choice]
    CHOICE_UNSPECIFIED: VoteRequest.Choice
    A: VoteRequest.Choice
    B: VoteRequest.Choice
    TIE: VoteRequest.Choice
    BOTH_BAD: VoteRequest.Choice
    COMPARISON_ID_FIELD_NUMBER: _ClassVar[int]
    ANNOTATOR_FIELD_NUMBER: _ClassVar[int]
    CHOICE_FIELD_NUMBER: _ClassVar[int]
    SECONDS_SPENT_FIELD_NUMBER: _ClassVar[int]
    comparison_id: str
    annotator: str
    choice: VoteRequest.Choice
    seconds_spent: float
    def __init__(self, comparison_id: _Optional[str] = ..., annotator: _Optional[str] = ..., choice: _Optional[_Union[VoteRequest.Choice, str]] = ..., seconds_spent: _Optional[float] = ...) -> None: ...

class VoteResponse(_message.Message):
    __slots__ = ("comparison_id", "vote", "a_was", "b_was", "voted")
    COMPARISON_ID_FIELD_NUMBER: _ClassVar[int]
    VOTE_FIELD_NUMBER: _ClassVar[int]
    A_WAS_FIELD_NUMBER: _ClassVar[int]
    B_WAS_FIELD_NUMBER: _ClassVar[int]
    VOTED_FIELD_NUMBER: _ClassVar[int]
    comparison_id: str
    vote: str
    a_was: str
    b_was: str
    voted: int
    def __init__(self, comparison_id: _Optional[str] = ..., vote: _Optional[str] = ..., a_was: _Optional[str] = ..., b_was: _Optional[str] = ..., voted: _Optional[int] = ...) -> None: ...

class ComparisonStatsRequest(_message.Message):
    __slots__ = ("persona", "model")
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    MODEL_FIELD_NUMBER: _ClassVar[int]
    persona: str
    model: str
    def __init__(self, persona: _Optional[str] = ..., model: _Optional[str] = ...) -> None: ...

class Matchup(_message.Message):
    __slots__ = ("model", "opponent", "wins", "losses", "ties", "both_bad", "pending", "win_rate", "win_low", "win_high")
    MODEL_FIELD_NUMBER: _ClassVar[int]
    OPPONENT_FIELD_NUMBER: _ClassVar[int]
    WINS_FIELD_NUMBER: _ClassVar[int]
    LOSSES_FIELD_NUMBER: _ClassVar[int]
    TIES_FIELD_NUMBER: _ClassVar[int]
    BOTH_BAD_FIELD_NUMBER: _ClassVar[int]
    PENDING_FIELD_NUMBER: _ClassVar[int]
    WIN_RATE_FIELD_NUMBER: _ClassVar[int]
    WIN_LOW_FIELD_NUMBER: _ClassVar[int]
    WIN_HIGH_FIELD_NUMBER: _ClassVar[int]
    model: str
    opponent: str
    wins: int
    losses: int
    ties: int
    both_bad: int
    pending: int
    win_rate: float
    win_low: float
    win_high: float
    def __init__(self, model: _Optional[str] = ..., opponent: _Optional[str] = ..., wins: _Optional[int] = ..., losses: _Optional[int] = ..., ties: _Optional[int] = ..., both_bad: _Optional[int] = ..., pending: _Optional[int] = ..., win_rate: _Optional[float] = ..., win_low: _Optional[float] = ..., win_high: _Optional[float] = ...) -> None: ...

class ArenaStats(_message.Message):
    __slots__ = ("persona", "matchups", "voted", "pending")
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    MATCHUPS_FIELD_NUMBER: _ClassVar[int]
    VOTED_FIELD_NUMBER: _ClassVar[int]
    PENDING_FIELD_NUMBER: _ClassVar[int]
    persona: str
    matchups: _containers.RepeatedCompositeFieldContainer[Matchup]
    voted: int
    pending: int
    def __init__(self, persona: _Optional[str] = ..., matchups: _Optional[_Iterable[_Union[Matchup, _Mapping]]] = ..., voted: _Optional[int] = ..., pending: _Optional[int] = ...) -> None: ...

class DraftView(_message.Message):
    __slots__ = ("id", "persona", "topic", "text", "state", "model_id", "created_at", "reviewed_at", "exported_at", "export_batch")
    ID_FIELD_NUMBER: _ClassVar[int]
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    TOPIC_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    MODEL_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    REVIEWED_AT_FIELD_NUMBER: _ClassVar[int]
    EXPORTED_AT_FIELD_NUMBER: _ClassVar[int]
    EXPORT_BATCH_FIELD_NUMBER: _ClassVar[int]
    id: str
    persona: str
    topic: str
    text: str
    state: str
    model_id: str
    created_at: _timestamp_pb2.Timestamp
    reviewed_at: _timestamp_pb2.Timestamp
    exported_at: _timestamp_pb2.Timestamp
    export_batch: str
    def __init__(self, id: _Optional[str] = ..., persona: _Optional[str] = ..., topic: _Optional[str] = ..., text: _Optional[str] = ..., state: _Optional[str] = ..., model_id: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., reviewed_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., exported_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., export_batch: _Optional[str] = ...) -> None: ...

class ListDraftsRequest(_message.Message):
    __slots__ = ("persona", "state", "limit")
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    STATE_FIELD_NUMBER: _ClassVar[int]
    LIMIT_FIELD_NUMBER: _ClassVar[int]
    persona: str
    state: str
    limit: int
    def __init__(self, persona: _Optional[str] = ..., state: _Optional[str] = ..., limit: _Optional[int] = ...) -> None: ...

class ListDraftsResponse(_message.Message):
    __slots__ = ("drafts", "total")
    DRAFTS_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    drafts: _containers.RepeatedCompositeFieldContainer[DraftView]
    total: int
    def __init__(self, drafts: _Optional[_Iterable[_Union[DraftView, _Mapping]]] = ..., total: _Optional[int] = ...) -> None: ...

class ReviewDraftsRequest(_message.Message):
    __slots__ = ("draft_ids", "decision")
    DRAFT_IDS_FIELD_NUMBER: _ClassVar[int]
    DECISION_FIELD_NUMBER: _ClassVar[int]
    draft_ids: _containers.RepeatedScalarFieldContainer[str]
    decision: str
    def __init__(self, draft_ids: _Optional[_Iterable[str]] = ..., decision: _Optional[str] = ...) -> None: ...

class ReviewDraftsResponse(_message.Message):
    __slots__ = ("drafts",)
    DRAFTS_FIELD_NUMBER: _ClassVar[int]
    drafts: _containers.RepeatedCompositeFieldContainer[DraftView]
    def __init__(self, drafts: _Optional[_Iterable[_Union[DraftView, _Mapping]]] = ...) -> None: ...

class ExportDraftsRequest(_message.Message):
    __slots__ = ("persona", "batch_id")
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    persona: str
    batch_id: str
    def __init__(self, persona: _Optional[str] = ..., batch_id: _Optional[str] = ...) -> None: ...

class ExportDraftsResponse(_message.Message):
    __slots__ = ("batch_id", "drafts", "message", "skipped_duplicates", "skipped_blank")
    BATCH_ID_FIELD_NUMBER: _ClassVar[int]
    DRAFTS_FIELD_NUMBER: _ClassVar[int]
    MESSAGE_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_DUPLICATES_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_BLANK_FIELD_NUMBER: _ClassVar[int]
    batch_id: str
    drafts: _containers.RepeatedCompositeFieldContainer[DraftView]
    message: str
    skipped_duplicates: int
    skipped_blank: int
    def __init__(self, batch_id: _Optional[str] = ..., drafts: _Optional[_Iterable[_Union[DraftView, _Mapping]]] = ..., message: _Optional[str] = ..., skipped_duplicates: _Optional[int] = ..., skipped_blank: _Optional[int] = ...) -> None: ...
