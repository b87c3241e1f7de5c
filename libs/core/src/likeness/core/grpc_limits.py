"""Limits both ends of every likeness gRPC call agree on: deadlines and message sizes."""

from __future__ import annotations

#: Deadline for ordinary calls (listings, stats, small writes).
DEFAULT_DEADLINE_S = 30.0
#: Deadline for calls that do real work while the caller waits (an import of a large export).
LONG_DEADLINE_S = 60.0 * 60.0
#: Largest message either side accepts; uploads are chunked well below it, but one page of
#: 1000 long posts can be large.
DEFAULT_MAX_MESSAGE_BYTES = 64 * 1024 * 1024


def message_size_options(max_message_bytes: int) -> list[tuple[str, int]]:
    """The channel/server options that let messages up to ``max_message_bytes`` through."""
    return [
        ("grpc.max_receive_message_length", max_message_bytes),
        ("grpc.max_send_message_length", max_message_bytes),
    ]
