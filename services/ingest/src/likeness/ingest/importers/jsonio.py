"""Parsing JSON and JS-wrapped JSON from exports, with errors that name the file and position.

Twitter archives wrap JSON in a JavaScript assignment (``window.YTD.tweets.part0 = [...]``,
``Grailbird.data.tweets_2012_01 = [...]``). We strip the assignment and parse the rest as JSON;
the JavaScript is never evaluated.
"""

from __future__ import annotations

import re
from typing import Any

import orjson

from likeness.ingest.errors import InvalidEncoding, MalformedInput

# "<dotted.name> = " at the start of a file (after an optional BOM / whitespace).
_JS_ASSIGNMENT = re.compile(rb"^\s*(?:var\s+)?[A-Za-z_$][\w$]*(?:\.[\w$]+)*\s*=\s*")


def nested_too_deeply(where: str) -> MalformedInput:
    return MalformedInput("JSON nested too deeply (refused as hostile)", path=where)


def load_json(data: bytes | str, where: str) -> Any:
    """Parse JSON; orjson refuses nesting deeper than 1024 levels, which we report as hostile."""
    try:
        return orjson.loads(data)
    except orjson.JSONDecodeError as exc:
        message = str(exc)
        if "recursion" in message.lower() or "depth limit" in message.lower():
            raise nested_too_deeply(where) from exc
        bad = utf8_error(data, where) if isinstance(data, bytes) else None
        raise bad or MalformedInput(f"malformed JSON: {message}", path=where) from exc


def utf8_error(data: bytes, where: str) -> InvalidEncoding | None:
    """Where ``data`` stops being UTF-8 (orjson only says "not valid UTF-8"), or None."""
    try:
        data.decode("utf-8")
    except UnicodeDecodeError as exc:
        return InvalidEncoding.from_decode_error(exc, path=where)
    return None


def js_assignment_name(data: bytes) -> str | None:
    """The variable a JS-wrapped JSON file assigns to, or None if it is not one."""
    match = _JS_ASSIGNMENT.match(data.lstrip(b"\xef\xbb\xbf"))
    if not match:
        return None
    return match.group(0).split(b"=")[0].strip().removeprefix(b"var ").strip().decode()


def js_assignment_payload(data: bytes, where: str) -> bytes:
    """The JSON text of ``name = <json>`` (a trailing ``;`` dropped), not yet parsed."""
    body = data.lstrip(b"\xef\xbb\xbf")
    match = _JS_ASSIGNMENT.match(body)
    if not match:
        raise MalformedInput("expected a JavaScript assignment 'name = [...]'", path=where)
    payload = body[match.end() :].rstrip()
    if payload.endswith(b";"):
        payload = payload[:-1]
    return payload


def load_js_assignment(data: bytes, where: str) -> Any:
    """Parse ``name = <json>`` (a trailing ``;`` allowed) without evaluating anything."""
    return load_json(js_assignment_payload(data, where), where)


def require(condition: bool, message: str, *, where: str, record: str | None = None) -> None:
    if not condition:
        raise MalformedInput(message, path=where, record=record)
