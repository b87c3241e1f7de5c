"""Datetimes <-> protobuf ``Timestamp``, the one conversion for every servicer and client.

message = Job(created_at=to_timestamp(job.created_at))            # None stays unset
created = from_timestamp(message.created_at, message.HasField("created_at"))
"""

from __future__ import annotations

from datetime import UTC, datetime

from google.protobuf.timestamp_pb2 import Timestamp


def to_timestamp(value: datetime | None) -> Timestamp | None:
    if value is None:
        return None
    if value.tzinfo is None:  # SQLite hands back naive datetimes; every stored time is UTC
        value = value.replace(tzinfo=UTC)
    stamp = Timestamp()
    stamp.FromDatetime(value)
    return stamp


def from_timestamp(stamp: Timestamp, present: bool) -> datetime | None:
    """The aware UTC datetime, or None where the field was not set."""
    return stamp.ToDatetime(tzinfo=UTC) if present else None
