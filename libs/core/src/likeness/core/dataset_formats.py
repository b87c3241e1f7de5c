"""Rows in the formats other tools read: TRL's (the row without ``meta``) and OpenAI's
fine-tuning JSONL (supervised chat, or DPO preference), and JSON lines.

Shared by the trainer's dataset files and the labeler's Export, so an exported file is
byte for byte the file the trainer writes for the same rows.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from typing import Any

Row = dict[str, Any]


def trl_row(row: Row) -> Row:
    """The row as TRL reads it: every column but ``meta`` (which no trainer reads)."""
    return {key: value for key, value in row.items() if key != "meta"}


def openai_row(row: Row) -> Row:
    """One row in OpenAI's fine-tuning JSONL: a preference row (prompt/chosen/rejected) as a
    DPO example (``input``, ``preferred_output``, ``non_preferred_output``), a chat row
    (``messages``) as a supervised one. Plain-text rows have no OpenAI form."""
    if "chosen" in row:
        return {
            "input": {"messages": row["prompt"]},
            "preferred_output": row["chosen"],
            "non_preferred_output": row["rejected"],
        }
    if "messages" in row:
        return {"messages": row["messages"]}
    raise ValueError(f"a row with columns {sorted(row)} has no OpenAI fine-tuning form")


def json_line(row: Row) -> str:
    """One JSON line (with its newline), as every dataset file holds its rows."""
    return json.dumps(row, ensure_ascii=False) + "\n"


def json_lines(rows: Iterable[Row]) -> Iterator[str]:
    return (json_line(row) for row in rows)


def jsonl(rows: Iterable[Row]) -> str:
    """The rows as one JSONL text."""
    return "".join(json_lines(rows))
