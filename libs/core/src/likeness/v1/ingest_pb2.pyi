import datetime

from google.protobuf import timestamp_pb2 as _timestamp_pb2
from likeness.v1 import common_pb2 as _common_pb2
from google.protobuf.internal import containers as _containers
from google.protobuf import descriptor as _descriptor
from google.protobuf import message as _message
from collections.abc import Iterable as _Iterable, Mapping as _Mapping
from typing import ClassVar as _ClassVar, Optional as _Optional, Union as _Union

DESCRIPTOR: _descriptor.FileDescriptor

class ImportOptions(_message.Message):
    __slots__ = ("persona", "format", "column_map", "platform", "author")
    class ColumnMapEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: str
        def __init__(self, key: _Optional[str] = ..., value: _Optional[str] = ...) -> None: ...
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    COLUMN_MAP_FIELD_NUMBER: _ClassVar[int]
    PLATFORM_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_FIELD_NUMBER: _ClassVar[int]
    persona: str
    format: str
    column_map: _containers.ScalarMap[str, str]
    platform: str
    author: str
    def __init__(self, persona: _Optional[str] = ..., format: _Optional[str] = ..., column_map: _Optional[_Mapping[str, str]] = ..., platform: _Optional[str] = ..., author: _Optional[str] = ...) -> None: ...

class UploadHeader(_message.Message):
    __slots__ = ("options", "filename", "size_bytes")
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    FILENAME_FIELD_NUMBER: _ClassVar[int]
    SIZE_BYTES_FIELD_NUMBER: _ClassVar[int]
    options: ImportOptions
    filename: str
    size_bytes: int
    def __init__(self, options: _Optional[_Union[ImportOptions, _Mapping]] = ..., filename: _Optional[str] = ..., size_bytes: _Optional[int] = ...) -> None: ...

class ImportUploadRequest(_message.Message):
    __slots__ = ("header", "chunk")
    HEADER_FIELD_NUMBER: _ClassVar[int]
    CHUNK_FIELD_NUMBER: _ClassVar[int]
    header: UploadHeader
    chunk: bytes
    def __init__(self, header: _Optional[_Union[UploadHeader, _Mapping]] = ..., chunk: _Optional[bytes] = ...) -> None: ...

class ImportPathRequest(_message.Message):
    __slots__ = ("options", "path")
    OPTIONS_FIELD_NUMBER: _ClassVar[int]
    PATH_FIELD_NUMBER: _ClassVar[int]
    options: ImportOptions
    path: str
    def __init__(self, options: _Optional[_Union[ImportOptions, _Mapping]] = ..., path: _Optional[str] = ...) -> None: ...

class ImportSummary(_message.Message):
    __slots__ = ("persona", "format", "source_sha256", "read", "kept", "flagged", "merged", "duplicates", "new", "seconds", "source_seen_before", "repeated", "skipped")
    class FlaggedEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    class SkippedEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    FORMAT_FIELD_NUMBER: _ClassVar[int]
    SOURCE_SHA256_FIELD_NUMBER: _ClassVar[int]
    READ_FIELD_NUMBER: _ClassVar[int]
    KEPT_FIELD_NUMBER: _ClassVar[int]
    FLAGGED_FIELD_NUMBER: _ClassVar[int]
    MERGED_FIELD_NUMBER: _ClassVar[int]
    DUPLICATES_FIELD_NUMBER: _ClassVar[int]
    NEW_FIELD_NUMBER: _ClassVar[int]
    SECONDS_FIELD_NUMBER: _ClassVar[int]
    SOURCE_SEEN_BEFORE_FIELD_NUMBER: _ClassVar[int]
    REPEATED_FIELD_NUMBER: _ClassVar[int]
    SKIPPED_FIELD_NUMBER: _ClassVar[int]
    persona: str
    format: str
    source_sha256: str
    read: int
    kept: int
    flagged: _containers.ScalarMap[str, int]
    merged: int
    duplicates: int
    new: int
    seconds: float
    source_seen_before: bool
    repeated: int
    skipped: _containers.ScalarMap[str, int]
    def __init__(self, persona: _Optional[str] = ..., format: _Optional[str] = ..., source_sha256: _Optional[str] = ..., read: _Optional[int] = ..., kept: _Optional[int] = ..., flagged: _Optional[_Mapping[str, int]] = ..., merged: _Optional[int] = ..., duplicates: _Optional[int] = ..., new: _Optional[int] = ..., seconds: _Optional[float] = ..., source_seen_before: _Optional[bool] = ..., repeated: _Optional[int] = ..., skipped: _Optional[_Mapping[str, int]] = ...) -> None: ...

class ListPostsRequest(_message.Message):
    __slots__ = ("persona", "flags_any", "flags_none", "kept_only", "query", "platform", "page")
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    FLAGS_ANY_FIELD_NUMBER: _ClassVar[int]
    FLAGS_NONE_FIELD_NUMBER: _ClassVar[int]
    KEPT_ONLY_FIELD_NUMBER: _ClassVar[int]
    QUERY_FIELD_NUMBER: _ClassVar[int]
    PLATFORM_FIELD_NUMBER: _ClassVar[int]
    PAGE_FIELD_NUMBER: _ClassVar[int]
    persona: str
    flags_any: _containers.RepeatedScalarFieldContainer[str]
    flags_none: _containers.RepeatedScalarFieldContainer[str]
    kept_only: bool
    query: str
    platform: str
    page: _common_pb2.PageRequest
    def __init__(self, persona: _Optional[str] = ..., flags_any: _Optional[_Iterable[str]] = ..., flags_none: _Optional[_Iterable[str]] = ..., kept_only: _Optional[bool] = ..., query: _Optional[str] = ..., platform: _Optional[str] = ..., page: _Optional[_Union[_common_pb2.PageRequest, _Mapping]] = ...) -> None: ...

class PostView(_message.Message):
    __slots__ = ("id", "platform", "external_id", "created_at", "raw_text", "clean_text", "normalized_text", "flags", "thread_id", "duplicate_of", "source_record", "kept", "author")
    ID_FIELD_NUMBER: _ClassVar[int]
    PLATFORM_FIELD_NUMBER: _ClassVar[int]
    EXTERNAL_ID_FIELD_NUMBER: _ClassVar[int]
    CREATED_AT_FIELD_NUMBER: _ClassVar[int]
    RAW_TEXT_FIELD_NUMBER: _ClassVar[int]
    CLEAN_TEXT_FIELD_NUMBER: _ClassVar[int]
    NORMALIZED_TEXT_FIELD_NUMBER: _ClassVar[int]
    FLAGS_FIELD_NUMBER: _ClassVar[int]
    THREAD_ID_FIELD_NUMBER: _ClassVar[int]
    DUPLICATE_OF_FIELD_NUMBER: _ClassVar[int]
    SOURCE_RECORD_FIELD_NUMBER: _ClassVar[int]
    KEPT_FIELD_NUMBER: _ClassVar[int]
    AUTHOR_FIELD_NUMBER: _ClassVar[int]
    id: str
    platform: str
    external_id: str
    created_at: _timestamp_pb2.Timestamp
    raw_text: str
    clean_text: str
    normalized_text: str
    flags: _containers.RepeatedScalarFieldContainer[str]
    thread_id: str
    duplicate_of: str
    source_record: str
    kept: bool
    author: str
    def __init__(self, id: _Optional[str] = ..., platform: _Optional[str] = ..., external_id: _Optional[str] = ..., created_at: _Optional[_Union[datetime.datetime, _timestamp_pb2.Timestamp, _Mapping]] = ..., raw_text: _Optional[str] = ..., clean_text: _Optional[str] = ..., normalized_text: _Optional[str] = ..., flags: _Optional[_Iterable[str]] = ..., thread_id: _Optional[str] = ..., duplicate_of: _Optional[str] = ..., source_record: _Optional[str] = ..., kept: _Optional[bool] = ..., author: _Optional[str] = ...) -> None: ...

class ListPostsResponse(_message.Message):
    __slots__ = ("posts", "next_page_token", "total")
    POSTS_FIELD_NUMBER: _ClassVar[int]
    NEXT_PAGE_TOKEN_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    posts: _containers.RepeatedCompositeFieldContainer[PostView]
    next_page_token: str
    total: int
    def __init__(self, posts: _Optional[_Iterable[_Union[PostView, _Mapping]]] = ..., next_page_token: _Optional[str] = ..., total: _Optional[int] = ...) -> None: ...

class GetStatsRequest(_message.Message):
    __slots__ = ("persona",)
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    persona: str
    def __init__(self, persona: _Optional[str] = ...) -> None: ...

class PersonaStats(_message.Message):
    __slots__ = ("persona", "total", "kept", "flagged", "by_platform", "by_year", "by_flag", "sources", "normalized")
    class ByPlatformEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    class ByYearEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    class ByFlagEntry(_message.Message):
        __slots__ = ("key", "value")
        KEY_FIELD_NUMBER: _ClassVar[int]
        VALUE_FIELD_NUMBER: _ClassVar[int]
        key: str
        value: int
        def __init__(self, key: _Optional[str] = ..., value: _Optional[int] = ...) -> None: ...
    PERSONA_FIELD_NUMBER: _ClassVar[int]
    TOTAL_FIELD_NUMBER: _ClassVar[int]
    KEPT_FIELD_NUMBER: _ClassVar[int]
    FLAGGED_FIELD_NUMBER: _ClassVar[int]
    BY_PLATFORM_FIELD_NUMBER: _ClassVar[int]
    BY_YEAR_FIELD_NUMBER: _ClassVar[int]
    BY_FLAG_FIELD_NUMBER: _ClassVar[int]
    SOURCES_FIELD_NUMBER: _ClassVar[int]
    NORMALIZED_FIELD_NUMBER: _ClassVar[int]
    persona: str
    total: int
    kept: int
    flagged: int
    by_platform: _containers.ScalarMap[str, int]
    by_year: _containers.ScalarMap[str, int]
    by_flag: _containers.ScalarMap[str, int]
    sources: int
    normalized: int
    def __init__(self, persona: _Optional[str] = ..., total: _Optional[int] = ..., kept: _Optional[int] = ..., flagged: _Optional[int] = ..., by_platform: _Optional[_Mapping[str, int]] = ..., by_year: _Optional[_Mapping[str, int]] = ..., by_flag: _Optional[_Mapping[str, int]] = ..., sources: _Optional[int] = ..., normalized: _Optional[int] = ...) -> None: ...

class CreatePersonaRequest(_message.Message):
    __slots__ = ("slug", "display_name", "card", "exclude_flags", "set_exclude_flags", "gate_json", "mix", "set_mix")
    SLUG_FIELD_NUMBER: _ClassVar[int]
    DISPLAY_NAME_FIELD_NUMBER: _ClassVar[int]
    CARD_FIELD_NUMBER: _ClassVar[int]
    EXCLUDE_FLAGS_FIELD_NUMBER: _ClassVar[int]
    SET_EXCLUDE_FLAGS_FIELD_NUMBER: _ClassVar[int]
    GATE_JSON_FIELD_NUMBER: _ClassVar[int]
    MIX_FIELD_NUMBER: _ClassVar[int]
    SET_MIX_FIELD_NUMBER: _ClassVar[int]
    slug: str
    display_name: str
    card: str
    exclude_flags: _containers.RepeatedScalarFieldContainer[str]
    set_exclude_flags: bool
    gate_json: str
    mix: _containers.RepeatedScalarFieldContainer[str]
    set_mix: bool
    def __init__(self, slug: _Optional[str] = ..., display_name: _Optional[str] = ..., card: _Optional[str] = ..., exclude_flags: _Optional[_Iterable[str]] = ..., set_exclude_flags: _Optional[bool] = ..., gate_json: _Optional[str] = ..., mix: _Optional[_Iterable[str]] = ..., set_mix: _Optional[bool] = ...) -> None: ...

class ListPersonasRequest(_message.Message):
    __slots__ = ()
    def __init__(self) -> None: ...

class ListPersonasResponse(_message.Message):
    __slots__ = ("personas",)
    PERSONAS_FIELD_NUMBER: _ClassVar[int]
    personas: _containers.RepeatedCompositeFieldContainer[_common_pb2.Persona]
    def __init__(self, personas: _Optional[_Iterable[_Union[_common_pb2.Persona, _Mapping]]] = ...) -> None: ...
