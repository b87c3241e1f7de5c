from likeness.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf.internal import enum_type_wrapper as _enum_type_wrapper
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class NextItemRequest(_message.Message):
    __slots__ = ("persona", "annotator", "num_proposals")
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    ANNOTATOR_FIELD_NUMBER: _ClassVar[int]
    NUM_PROPOSALS_FIELD_NUMBER: _ClassVar[int]
    persona: str
    annotator: str
    num_proposals: int
    def __init__(self, persona: _Optional[str] = ..., annotator: _Optional[str] = ..., num_proposals: _Optional[int] = ...) -> None: ...

class Proposal(_message.Message):
    __slots__ = ("id", "text", "generator")
    ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    GENERATOR_FIELD_NUMBER: _ClassVar[int]
    id: str
    text: str
    generator: str
    def __init__(self, id: _Optional[str] = ..., text: _Optional[str] = ..., generator: _Optional[str] = ...) -> None: ...

class LabelItem(_message.Message):
    __slots__ = ("post_id", "clean_text", "proposals", "prompt_version")
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    CLEAN_TEXT_FIELD_NUMBER: _ClassVar[int]
    PROPOSALS_FIELD_NUMBER: _ClassVar[int]
    PROMPT_VERSION_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    clean_text: str
    proposals: _containers.RepeatedCompositeFieldContainer[Proposal]
    prompt_version: str
    def __init__(self, post_id: _Optional[str] = ..., clean_text: _Optional[str] = ..., proposals: _Optional[_Iterable[_Union[Proposal, _Mapping]]] = ..., prompt_version: _Optional[str] = ...) -> None: ...

class Judgment(_message.Message):
    __slots__ = ("post_id", "annotator", "action", "proposal_id", "text", "seconds_spent")
    class Action(int, metaclass=_enum_type_wrapper.EnumTypeWrapper):
        __slots__ = ()
        ACTION_UNSPECIFIED: _ClassVar[Judgment.Action]
        ACCEPT: _ClassVar[Judgment.Action]
        REJECT_ALL: _ClassVar[Judgment.Action]
        EDIT: _ClassVar[Judgment.Action]
        WRITE_OWN: _ClassVar[Judgment.Action]
    ACTION_UNSPECIFIED: Judgment.Action
    ACCEPT: Judgment.Action
    REJECT_ALL: Judgment.Action
    EDIT: Judgment.Action
    WRITE_OWN: Judgment.Action
    POST_ID_FIELD_NUMBER: _ClassVar[int]
    ANNOTATOR_FIELD_NUMBER: _ClassVar[int]
    ACTION_FIELD_NUMBER: _ClassVar[int]
    PROPOSAL_ID_FIELD_NUMBER: _ClassVar[int]
    TEXT_FIELD_NUMBER: _ClassVar[int]
    SECONDS_SPENT_FIELD_NUMBER: _ClassVar[int]
    post_id: str
    annotator: str
    action: Judgment.Action
    proposal_id: str
    text: str
    seconds_spent: float
    def __init__(self, post_id: _Optional[str] = ..., annotator: _Optional[str] = ..., action: _Optional[_Union[Judgment.Action, str]] = ..., proposal_id: _Optional[str] = ..., text: _Optional[str] = ..., seconds_spent: _Optional[float] = ...) -> None: ...

class JudgmentAck(_message.Message):
    __slots__ = ("judgment_id",)
    JUDGMENT_ID_FIELD_NUMBER: _ClassVar[int]
    judgment_id: str
    def __init__(self, judgment_id: _Optional[str] = ...) -> None: ...

class LabelStatsRequest(_message.Message):
    __slots__ = ("persona",)
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    persona: str
    def __init__(self, persona: _Optional[str] = ...) -> None: ...

class LabelStats(_message.Message):
    __slots__ = ("judged", "by_action", "persona")
    class ByActionEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    JUDGED_FIELD_NUMBER: _ClassVar[int]
    BY_ACTION_FIELD_NUMBER: _ClassVar[int]
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    judged: int
    by_action: _containers.ScalarMap[str, int]
    persona: _common_pb2.Persona
    def __init__(self, judged: _Optional[int] = ..., by_action: _Optional[_Mapping[str, int]] = ..., persona: _Optional[_Union[_common_pb2.Persona, _Mapping]] = ...) -> None: ...
