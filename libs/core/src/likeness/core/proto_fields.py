"""Dataclass <-> protobuf message by field name, the conversion most messages need.

    message = to_message(ingest_pb2.PostView, post)          # same names; None stays unset
    post = from_message(PostInfo, message)                   # "" -> None where the field allows
    job = from_message(JobInfo, message, kind=message.recipe)   # renamed or nested: by hand

Fields match by name; keyword overrides win. Datetimes travel as ``Timestamp`` (an unset one
reads back as None), maps as dicts, repeated fields as lists. Where the dataclass field is
optional (``str | None``), an empty string on the wire reads back as None — proto3 strings
have no "unset", so the sender's None went out as "".
"""

from __future__ import annotations

import dataclasses
from datetime import datetime
from typing import Any, TypeVar

from google.protobuf.message import Message

from likeness.core.proto_time import from_timestamp, to_timestamp

M = TypeVar("M", bound=Message)
T = TypeVar("T")

_TIMESTAMP = "google.protobuf.Timestamp"


def to_message(cls: type[M], source: Any, **overrides: Any) -> M:
    """``cls`` filled from ``source``'s attributes of the same names (and ``overrides``)."""
    values: dict[str, Any] = {}
    for field in cls.DESCRIPTOR.fields:
        name = field.name
        if name in overrides:
            value = overrides[name]
        elif hasattr(source, name):
            value = getattr(source, name)
        else:
            continue
        if value is None:
            continue
        values[name] = to_timestamp(value) if isinstance(value, datetime) else value
    return cls(**values)


def _is_map(field: Any) -> bool:
    entry = field.message_type
    return entry is not None and entry.GetOptions().map_entry


def from_message(cls: type[T], message: Message, **overrides: Any) -> T:
    """The dataclass ``cls`` from ``message``'s fields of the same names (and ``overrides``)."""
    by_name = message.DESCRIPTOR.fields_by_name
    values: dict[str, Any] = {}
    for field in dataclasses.fields(cls):  # type: ignore[arg-type]
        name = field.name
        if name in overrides:
            values[name] = overrides[name]
            continue
        wire = by_name.get(name)
        if wire is None:
            continue
        value = getattr(message, name)
        if wire.message_type is not None and wire.message_type.full_name == _TIMESTAMP:
            value = from_timestamp(value, message.HasField(name))
        elif _is_map(wire):
            value = dict(value)
        elif wire.is_repeated:
            value = list(value)
        elif value == "" and "None" in str(field.type):
            value = None
        values[name] = value
    return cls(**values)
