"""Shared field parsers (ids, counts, handles, Twitter dates) and the sniffers' safe peek."""

from __future__ import annotations

import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from likeness.ingest.importers.fields import (
    as_int,
    bare_handle,
    data_files,
    id_string,
    parse_timestamp,
    parse_twitter_time,
)
from likeness.ingest.importers.sniffing import peek_or_empty
from likeness.ingest.importers.tweets import url_map
from likeness.ingest.source_tree import SourceTree

DEC_31 = datetime(2016, 12, 31, 18, 59, 4, tzinfo=UTC)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (12, "12"),
        (0, "0"),
        ("12", "12"),
        (" 12 ", "12"),
        ("abc", "abc"),
        ("", None),
        ("   ", None),
        (None, None),
        (True, None),
        (False, None),
        (1.5, None),  # a float id has usually lost digits
        (1.2345678901234568e18, None),
        ({"id": 1}, None),
        ([1], None),
    ],
)
def test_id_string(value: object, expected: str | None) -> None:
    assert id_string(value) == expected


@pytest.mark.parametrize(
    ("value", "expected"),
    [(3, 3), ("3", 3), (" 3 ", 3), (None, None), (True, None), ("x", None), ("1.5", None)],
)
def test_as_int(value: object, expected: int | None) -> None:
    assert as_int(value) == expected


def test_bare_handle() -> None:
    assert bare_handle("@jay") == "jay"
    assert bare_handle("jay") == "jay"
    assert bare_handle("@") is None
    assert bare_handle("") is None
    assert bare_handle(None) is None
    assert bare_handle(5) is None


def test_parse_timestamp_uses_the_twitter_parser() -> None:
    assert parse_timestamp("Sat Dec 31 18:59:04 +0000 2016") == DEC_31
    assert parse_timestamp("sat dec 31 18:59:04 +0000 2016") == DEC_31  # strptime took any case
    assert parse_twitter_time("Sat DEC 31 18:59:04 +0000 2016") == DEC_31
    for garbage in ("Sat Foo 31 18:59:04 +0000 2016", "Sat Dec 31 18:59 +0000 2016", "a b c"):
        with pytest.raises(ValueError):
            parse_timestamp(garbage)


def test_url_map_takes_lists_only() -> None:
    entity = {"url": "https://t.co/a", "expanded_url": "https://example.org/a"}
    assert url_map([entity, "https://t.co/b", {"url": 1}]) == {
        "https://t.co/a": "https://example.org/a"
    }
    assert url_map(None) == {} and url_map(5) == {} and url_map({"urls": []}) == {}


def test_data_files_skip_litter(tmp_path: Path) -> None:
    for name in ("a.JSON", "b.txt", ".hidden.json", "__MACOSX/c.json", "d/e.json"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text("{}")
    with SourceTree(tmp_path) as tree:
        assert data_files(tree, frozenset({".json"})) == ["a.JSON", "d/e.json"]


def test_peek_or_empty_reads_heads_without_recording_them(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("data/tweets.js", "window.YTD.tweets.part0 = []")
    with SourceTree(archive) as tree:
        before = tree.sha256
        assert peek_or_empty(tree, "data/tweets.js", 6) == b"window"
        assert peek_or_empty(tree, "missing.js") == b""  # a sniffer says no, it does not raise
        assert tree.sha256 == before and tree.bytes_read == 0


def test_peek_or_empty_on_an_unreadable_file(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text("[]")
    with SourceTree(tmp_path) as tree:
        (tmp_path / "a.json").unlink()
        assert peek_or_empty(tree, "a.json") == b""
