"""Field parsers shared by importers: timestamps, ids, booleans, file names."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from pathlib import PurePosixPath
from typing import Any

from likeness.ingest.errors import MalformedInput
from likeness.ingest.source_tree import SourceTree

_NUMBER = re.compile(r"-?\d+(?:\.\d+)?")
# Epoch values at or above this are milliseconds (as seconds it would be the year 5138).
_MILLIS_FROM = 100_000_000_000
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}
_ISO_MONTHS = {name.title(): f"{number:02d}" for name, number in _MONTHS.items()}
_TRUE = frozenset({"true", "1", "yes", "y", "t"})
_FALSE = frozenset({"false", "0", "no", "n", "f", ""})
_HIDDEN = re.compile(r"(^|/)(\.|__MACOSX/)")
_DIGITS = re.compile(r"(\d+)")
JSON_EXTENSION = frozenset({".json"})


# -- file names -------------------------------------------------------------------------------
def is_hidden(name: str) -> bool:
    """Finder/Explorer litter (``.DS_Store``, ``__MACOSX/``) that is never part of an export."""
    return _HIDDEN.search(name) is not None


def suffix(name: str) -> str:
    return PurePosixPath(name).suffix.lower()


def natural_key(name: str) -> list[Any]:
    """Sort key that puts "page-2.json" before "page-10.json"."""
    return [int(part) if part.isdigit() else part for part in _DIGITS.split(name)]


def data_files(tree: SourceTree, extensions: frozenset[str]) -> list[str]:
    """The tree's files with one of ``extensions`` (lower-case, with the dot), litter left out,
    in natural order."""
    names = (n for n in tree.names() if suffix(n) in extensions and not is_hidden(n))
    return sorted(names, key=natural_key)


# -- timestamps -------------------------------------------------------------------------------
def to_utc(moment: datetime) -> datetime:
    """Aware datetimes converted to UTC; naive ones taken as UTC."""
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment.astimezone(UTC)


def parse_twitter_time(value: str) -> datetime:
    """Both Twitter date shapes, as UTC. Raises ValueError or KeyError if unparsable.

    ``Sat Dec 31 18:59:04 +0000 2016`` (API, archives, TTA) is split by hand: strptime is slow
    and its ``%a``/``%b`` depend on the locale. ``2012-01-31 18:39:31 +0000`` (Grailbird) and
    ISO 8601 go through ``fromisoformat``, which is implemented in C.
    """
    if value[:1].isdigit():
        return to_utc(datetime.fromisoformat(value))
    if (
        len(value) == 30  # the UTC case of the fixed-width API shape, rebuilt as ISO (3x faster)
        and value[19:26] == " +0000 "
        and value[3] == value[7] == value[10] == " "
        and value[13] == value[16] == ":"
        and value[:3].isalpha()
        and value[4:7] in _ISO_MONTHS
    ):
        try:
            year, month_number = value[26:], _ISO_MONTHS[value[4:7]]
            return datetime.fromisoformat(f"{year}-{month_number}-{value[8:10]}T{value[11:19]}Z")
        except ValueError:
            pass  # not ISO-shaped after all (a space-padded day, …): the general split decides
    _weekday, month, day, clock, offset, year = value.split()
    hour, minute, second = clock.split(":")
    moment = datetime(
        int(year), _MONTHS[month.lower()], int(day), int(hour), int(minute), int(second), tzinfo=UTC
    )
    if offset not in ("+0000", "-0000"):
        sign = -1 if offset[0] == "-" else 1
        moment -= sign * timedelta(hours=int(offset[1:3]), minutes=int(offset[3:5]))
    return moment


def parse_timestamp(value: Any) -> datetime | None:
    """A timezone-aware UTC datetime, or None for an empty value. Raises ValueError if unparsable.

    Accepts ISO 8601 (naive means UTC), Twitter's "Sat Dec 31 18:59:04 +0000 2016", and epoch
    seconds or milliseconds as numbers or numeric strings.
    """
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise ValueError(f"not a date: {value!r}")
    if isinstance(value, int | float):
        return _from_epoch(value)
    if not isinstance(value, str):
        raise ValueError(f"not a date: {value!r}")
    text = value.strip()
    if not text:
        return None
    if _NUMBER.fullmatch(text):
        return _from_epoch(float(text) if "." in text else int(text))
    try:
        return parse_twitter_time(text)
    except (ValueError, KeyError):
        raise ValueError(f"unrecognised date {text[:60]!r}") from None


_YEAR = re.compile(r"\d{4}")
# Stands in for the parts a human date leaves out; a result still in year 1 named no year.
_NO_YEAR = datetime(1, 1, 1)


def parse_partial_date(value: str) -> datetime | None:
    """A date as people write it, as UTC; None when it names no year or cannot be read.

    Full and partial ISO 8601 ("2022-04-05", "2022-04", "2022") and month names ("April 2022",
    "Apr 2022", "April 5, 2022", "5 Apr 2022"). Missing parts are the first of the month or year.
    A bare four-digit number is a year here, not epoch seconds (``parse_timestamp``'s reading).
    """
    text = value.strip()
    if _YEAR.fullmatch(text):
        return datetime(int(text), 1, 1, tzinfo=UTC)
    try:
        return parse_timestamp(text)
    except ValueError:
        pass
    # dateutil reads every common English spelling (and is only loaded when one is needed: its
    # import costs tens of milliseconds); fuzzy matching stays off so that prose is no date.
    from dateutil import parser as date_parser

    try:
        moment = date_parser.parse(text, default=_NO_YEAR)
    except (ValueError, OverflowError):
        return None
    return None if moment.year == _NO_YEAR.year else to_utc(moment)


def _from_epoch(value: float) -> datetime:
    seconds = value / 1000 if abs(value) >= _MILLIS_FROM else value
    try:
        return datetime.fromtimestamp(seconds, UTC)
    except (OverflowError, OSError, ValueError) as exc:
        raise ValueError(f"epoch time out of range: {value!r}") from exc


def timestamp_or_error(value: Any, where: str, record: str) -> datetime | None:
    """``parse_timestamp`` raising MalformedInput that names the file and record."""
    try:
        return parse_timestamp(value)
    except ValueError as exc:
        raise MalformedInput(str(exc), path=where, record=record) from None


# -- ids, numbers, booleans, text -------------------------------------------------------------
def id_string(value: Any) -> str | None:
    """An id as a string, or None if missing or unusable.

    Ids arrive as strings (stripped; blank means none) or integers. Floats are refused: a
    float id has usually lost digits (JSON numbers past 2**53), so it would name the wrong
    post. Booleans, objects and lists are not ids.
    """
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def record_object(value: Any, noun: str, where: str, record: str) -> dict[str, Any]:
    """A record that must be a JSON object ("expected a tweet object, found list" otherwise)."""
    if not isinstance(value, dict):
        raise MalformedInput(
            f"expected a {noun} object, found {type(value).__name__}", path=where, record=record
        )
    return value


def record_id(
    obj: dict[str, Any], keys: tuple[str, ...], noun: str, where: str, record: str
) -> str:
    """The first usable id among ``keys`` (``id_string``), else MalformedInput naming them."""
    for key in keys:
        found = id_string(obj.get(key))
        if found is not None:
            return found
    raise MalformedInput(f"{noun} has no {'/'.join(keys)}", path=where, record=record)


def as_int(value: Any) -> int | None:
    """Export numbers are often strings; a missing or garbled count is just unknown."""
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, int):
        return value
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def parse_bool(value: Any) -> bool:
    """true/false/1/0/yes/no (any case), JSON booleans; empty means False. Raises ValueError."""
    if value is None:
        return False
    if isinstance(value, bool):
        return value
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    if isinstance(value, str):
        lowered = value.strip().lower()
        if lowered in _TRUE:
            return True
        if lowered in _FALSE:
            return False
    raise ValueError(f"not a boolean: {value!r}")


def bare_handle(value: Any) -> str | None:
    """An account handle without its leading ``@``; None when missing, blank or not a string."""
    return (value.lstrip("@") or None) if isinstance(value, str) else None


def text_or_error(value: Any, label: str, where: str, record: str) -> str:
    """A post's text: a string as is, missing as ""; anything else is MalformedInput."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise MalformedInput(
            f"{label} is a {type(value).__name__}, not a string", path=where, record=record
        )
    return value
