"""to_message / from_message: names match, None is unset, times, maps and lists round-trip."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime

from likeness.core.proto_fields import from_message, to_message
from likeness.v1 import common_pb2


@dataclass
class Persona:
    slug: str
    display_name: str | None
    card: str
    created_at: datetime | None
    post_count: int = 0
    exclude_flags: list[str] = field(default_factory=list)
    local_only: str = "kept"  # no such field on the wire


def test_round_trip_with_times_lists_and_none() -> None:
    when = datetime(2024, 5, 1, 12, 30, tzinfo=UTC)
    persona = Persona("alice", None, "card", when, 3, ["link_only"])
    message = to_message(common_pb2.Persona, persona)
    assert message.display_name == "" and message.HasField("created_at")
    back = from_message(Persona, message)
    assert back == persona  # "" came back as None: the field is optional


def test_unset_time_overrides_and_naive_times() -> None:
    naive = datetime(2024, 1, 1, 0, 0)  # SQLite's: stored as UTC
    message = to_message(
        common_pb2.Persona, Persona("a", "A", "", naive), card="override", post_count=7
    )
    assert (message.card, message.post_count) == ("override", 7)
    assert message.created_at.ToDatetime(tzinfo=UTC) == naive.replace(tzinfo=UTC)
    empty = from_message(Persona, common_pb2.Persona(slug="b"), local_only="given")
    assert empty.created_at is None and empty.local_only == "given"


def test_maps_read_back_as_dicts() -> None:
    @dataclass
    class Model:
        id: str
        metrics: dict[str, float]

    message = to_message(common_pb2.Model, Model("m", {"loss": 0.5}))
    back = from_message(Model, message)
    assert back == Model("m", {"loss": 0.5}) and type(back.metrics) is dict
