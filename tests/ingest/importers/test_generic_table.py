"""Generic JSONL and CSV tables: column mapping, dates, booleans, derived ids, errors, sniffing."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from likeness.ingest.errors import MalformedInput
from likeness.ingest.importers.fields import parse_bool, parse_timestamp
from likeness.ingest.importers.generic_table import CsvImporter, JsonlImporter, derived_id
from likeness.ingest.importers.registry import ImportOptions
from likeness.ingest.records import RawPost
from likeness.ingest.source_tree import SourceTree

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
GENERIC = FIXTURES / "generic"
DEC_31 = datetime(2016, 12, 31, 18, 59, 4, tzinfo=UTC)


def _jsonl(path: Path, options: ImportOptions | None = None) -> list[RawPost]:
    with SourceTree(path) as tree:
        return list(JsonlImporter(options or ImportOptions()).parse(tree))


def _csv(path: Path, options: ImportOptions | None = None) -> list[RawPost]:
    with SourceTree(path) as tree:
        return list(CsvImporter(options or ImportOptions()).parse(tree))


# -- JSONL ------------------------------------------------------------------------------------
def test_jsonl_records() -> None:
    posts = _jsonl(GENERIC / "posts.jsonl")
    assert len(posts) == 5
    first, second, third, fourth, fifth = posts
    assert (first.external_id, first.text, first.author) == (
        "1",
        "First post from the jsonl file",
        "jay",
    )
    assert first.created_at == datetime(2022, 1, 1, 10, tzinfo=UTC)
    assert first.platform == "generic" and first.record == "posts.jsonl#line 1"
    assert second.record == "posts.jsonl#line 3"  # the blank line 2 is skipped, not renumbered
    assert second.created_at == datetime(2022, 1, 1, 10, tzinfo=UTC) and second.repost
    assert third.created_at == DEC_31 and not third.repost
    assert third.external_id == derived_id("No id here: derived", DEC_31)
    assert len(third.external_id) == 16 and third.extra["id_derived"] is True
    assert fourth.created_at == datetime(2022, 1, 1, 10, tzinfo=UTC)
    assert fourth.reply_to_id == "2" and "is_reply" not in fourth.extra
    assert fifth.created_at == datetime(2022, 1, 2, 3, 4, 5, tzinfo=UTC)
    assert fifth.extra["url"] == "https://example.org/5"
    assert all(p.created_at is not None and p.created_at.tzinfo == UTC for p in posts)


def test_derived_ids_are_stable_across_imports() -> None:
    first = [p.external_id for p in _jsonl(GENERIC / "posts.jsonl")]
    assert first == [p.external_id for p in _jsonl(GENERIC / "posts.jsonl")]


def test_jsonl_bad_line_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_text('{"text": "ok"}\n\n{"text": broken}\n')
    with pytest.raises(MalformedInput, match="line 3") as caught:
        _jsonl(path)
    assert caught.value.path == str(path) and caught.value.record == "posts.jsonl#line 3"
    path.write_text('{"text": "ok"}\n[1, 2]\n')
    with pytest.raises(MalformedInput, match="line 2: expected a JSON object"):
        _jsonl(path)
    path.write_text('{"text": "ok"}\n{"note": "no text key"}\n')
    with pytest.raises(MalformedInput, match="line 2: no 'text' field"):
        _jsonl(path)
    path.write_text('{"text": "ok", "created_at": "someday"}\n')
    with pytest.raises(MalformedInput, match="unrecognised date") as caught:
        _jsonl(path)
    assert caught.value.record == "posts.jsonl#line 1"


def test_jsonl_mapping_and_unknown_column(tmp_path: Path) -> None:
    path = tmp_path / "export.ndjson"
    rows = [{"msg": "mapped", "pid": 7, "t": 1700000000, "repost_flag": "no"}]
    path.write_text("\n".join(json.dumps(r) for r in rows))
    mapping = {"text": "msg", "id": "pid", "created_at": "t", "is_repost": "repost_flag"}
    (post,) = _jsonl(path, ImportOptions(column_map=mapping, platform="forum"))
    assert (post.text, post.external_id, post.platform, post.repost) == (
        "mapped",
        "7",
        "forum",
        False,
    )
    assert post.created_at == datetime(2023, 11, 14, 22, 13, 20, tzinfo=UTC)
    with pytest.raises(MalformedInput, match=r"'body'.*columns present: 'msg', 'pid', 't'"):
        _jsonl(path, ImportOptions(column_map={"text": "body"}))
    with pytest.raises(MalformedInput, match=r"no text column.*'msg'"):
        _jsonl(path)


# -- CSV --------------------------------------------------------------------------------------
def test_csv_records_with_quotes_multiline_and_line_numbers() -> None:
    posts = _csv(GENERIC / "posts.csv")
    assert [p.external_id for p in posts] == ["10", "11", "12", "13"]
    assert [p.record for p in posts] == [
        "posts.csv#line 2",
        "posts.csv#line 3",
        "posts.csv#line 5",
        "posts.csv#line 7",
    ]
    assert posts[0].text == "Hello, CSV world"
    assert posts[0].created_at == datetime(2022, 3, 1, 8, tzinfo=UTC)
    assert posts[0].extra == {"url": "https://example.org/10"}
    assert posts[1].text == "A post\nspanning two lines"
    assert posts[2].text == 'He said "hi"' and posts[2].repost is True
    assert posts[2].created_at == datetime.fromtimestamp(1646300000, UTC)
    assert posts[3].author == "kim" and posts[3].created_at == DEC_31
    assert [p.repost for p in posts] == [False, False, True, False]


def test_semicolon_csv_with_bom() -> None:
    posts = _csv(GENERIC / "semicolon.csv")
    assert [p.external_id for p in posts] == ["20", "21"]
    assert posts[0].text == "Semikolon-Datei, mit Komma im Text"
    assert posts[0].created_at == datetime(2022, 4, 1, tzinfo=UTC)


def test_csv_needing_a_column_map() -> None:
    path = GENERIC / "mapped.csv"
    with pytest.raises(MalformedInput, match="columns present: 'uid', 'message', 'when'") as caught:
        _csv(path)
    assert caught.value.path == str(path)
    mapping = {
        "text": "message",
        "id": "uid",
        "created_at": "when",
        "author": "who",
        "is_repost": "boost",
    }
    posts = _csv(path, ImportOptions(column_map=mapping))
    assert [(p.external_id, p.text, p.author, p.repost) for p in posts] == [
        ("a1", "Needs a column map", "lee", True),
        ("a2", "Second mapped row", "lee", False),
    ]
    with pytest.raises(MalformedInput, match=r"'msg' \(mapped to text\).*'message'"):
        _csv(path, ImportOptions(column_map={"text": "msg"}))
    with pytest.raises(MalformedInput, match=r"unknown field.*txt"):
        _csv(path, ImportOptions(column_map={"txt": "message"}))


def test_csv_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("text,is_repost\nfine,no\nbad,maybe\n")
    with pytest.raises(MalformedInput, match="not a boolean") as caught:
        _csv(path)
    assert caught.value.record == "bad.csv#line 3" and caught.value.path == str(path)
    path.write_text("text,id\nfine,1\nan, unquoted, comma,2\n")
    with pytest.raises(MalformedInput, match="line 3: expected 2 fields, found 4"):
        _csv(path)
    path.write_text("")
    with pytest.raises(MalformedInput, match="empty CSV"):
        _csv(path)


def test_csv_large_fields_are_allowed(tmp_path: Path) -> None:
    path = tmp_path / "big.csv"
    big = "word " * 100_000
    path.write_text(f'text,id\n"{big}",1\n')
    (post,) = _csv(path)
    assert post.text == big


def test_tsv_and_zip(tmp_path: Path) -> None:
    tsv = tmp_path / "posts.tsv"
    tsv.write_text("post\tdate\nTabbed, with comma\t2022-06-01\n")
    (post,) = _csv(tsv)
    assert post.text == "Tabbed, with comma" and post.extra["id_derived"] is True
    archive = tmp_path / "tables.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(GENERIC / "posts.csv", "export/posts.csv")
    with SourceTree(archive) as tree:
        assert CsvImporter(ImportOptions()).sniff(tree)
    assert _csv(archive)[0].record == "export/posts.csv#line 2"


# -- sniffing ---------------------------------------------------------------------------------
def test_sniffing(tmp_path: Path) -> None:
    jsonl, csv_ = JsonlImporter(ImportOptions()), CsvImporter(ImportOptions())

    def claims(importer: JsonlImporter | CsvImporter, path: Path) -> bool:
        with SourceTree(path) as tree:
            return importer.sniff(tree)

    assert claims(jsonl, GENERIC / "posts.jsonl")
    assert claims(csv_, GENERIC / "posts.csv") and claims(csv_, GENERIC / "semicolon.csv")
    assert not claims(csv_, GENERIC / "mapped.csv")
    mapped = CsvImporter(ImportOptions(column_map={"text": "message"}))
    assert claims(mapped, GENERIC / "mapped.csv")
    for other in (
        GENERIC / "twitter_condensed.json",
        FIXTURES / "mastodon_api" / "statuses.json",
        FIXTURES / "mastodon_outbox",
        FIXTURES / "essays",
        GENERIC / "posts.csv",
    ):
        assert not claims(jsonl, other), other
    for other in (GENERIC / "posts.jsonl", GENERIC / "twitter_condensed.json"):
        assert not claims(csv_, other), other
    list_in_jsonl = tmp_path / "list.jsonl"
    list_in_jsonl.write_text('[{"id_str": "1", "text": "x"}]\n')
    assert not claims(jsonl, list_in_jsonl)


# -- shared parsers ---------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("2016-12-31T18:59:04Z", DEC_31),
        ("2016-12-31T13:59:04-05:00", DEC_31),
        ("2016-12-31 18:59:04", DEC_31),
        ("2016-12-31T18:59:04.000+00:00", DEC_31),
        ("Sat Dec 31 18:59:04 +0000 2016", DEC_31),
        (1483210744, DEC_31),
        ("1483210744", DEC_31),
        (1483210744000, DEC_31),
        ("1483210744000", DEC_31),
        (1483210744.0, DEC_31),
        ("2016-12-31", datetime(2016, 12, 31, tzinfo=UTC)),
        (None, None),
        ("", None),
    ],
)
def test_parse_timestamp(value: object, expected: datetime | None) -> None:
    assert parse_timestamp(value) == expected


@pytest.mark.parametrize("value", ["tomorrow", True, [1], "99999999999999999999999", {"a": 1}])
def test_parse_timestamp_rejects(value: object) -> None:
    with pytest.raises(ValueError):
        parse_timestamp(value)


def test_parse_bool() -> None:
    for value in (True, 1, "1", "true", "TRUE", "yes", "Y"):
        assert parse_bool(value) is True
    for value in (False, 0, "0", "false", "No", "", None):
        assert parse_bool(value) is False
    for value in ("maybe", 2, 1.5):
        with pytest.raises(ValueError):
            parse_bool(value)
