"""Mastodon / Truth Social REST API statuses: visibility filter, boosts, replies, quotes, media."""

from __future__ import annotations

import json
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from likeness.ingest.errors import MalformedInput
from likeness.ingest.importers.generic_table import JsonlImporter
from likeness.ingest.importers.mastodon_api import MastodonApiImporter
from likeness.ingest.importers.registry import ImportOptions, choose_importer
from likeness.ingest.records import RawPost
from likeness.ingest.source_tree import SourceTree

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
STATUSES = FIXTURES / "mastodon_api" / "statuses.json"
YIELDED = [
    "110000000000000001",
    "110000000000000002",
    "110000000000000003",
    "110000000000000004",
    "110000000000000007",
    "114000000000000001",
    "110000000000000008",
]


def _parse(path: Path, options: ImportOptions | None = None) -> list[RawPost]:
    with SourceTree(path) as tree:
        return list(MastodonApiImporter(options or ImportOptions()).parse(tree))


def _by_id(path: Path = STATUSES) -> dict[str, RawPost]:
    return {p.external_id: p for p in _parse(path)}


def test_public_and_unlisted_are_yielded_in_order() -> None:
    posts = _parse(STATUSES)
    assert [p.external_id for p in posts] == YIELDED
    assert posts[0].text == "Public API post with #coffee"
    assert posts[0].record == "statuses.json#[0]"
    assert posts[0].author == "alice" and posts[0].author_id == "42"
    assert posts[0].extra == {
        "url": "https://mastodon.example/@alice/110000000000000001",
        "language": "en",
        "visibility": "public",
    }


def test_private_and_direct_never_reach_the_corpus() -> None:
    importer = MastodonApiImporter(ImportOptions())
    with SourceTree(STATUSES) as tree:
        posts = list(importer.parse(tree))
    everything = json.dumps([[p.text, p.extra] for p in posts])
    assert "PRIVATESECRET" not in everything and "DIRECTSECRET" not in everything
    assert importer.skipped == {"private": 1, "direct": 1}


def test_boost_is_kept_as_repost_with_the_boosted_text() -> None:
    boost = _by_id()["110000000000000002"]
    assert boost.repost is True
    assert boost.text == "Boosted words from dave"
    assert boost.media_count == 1
    assert boost.extra["reblog_of"] == "99"
    assert boost.extra["reblog_of_user"] == "dave@else.example"
    assert not any(p.repost for i, p in _by_id().items() if i != "110000000000000002")


def test_replies_and_self_replies() -> None:
    by_id = _by_id()
    assert by_id["110000000000000003"].reply_to_id == "88"
    assert by_id["110000000000000003"].reply_to_user == "carol@other.example"
    assert by_id["110000000000000004"].reply_to_id == "110000000000000001"
    assert by_id["110000000000000004"].reply_to_user == "alice"
    assert by_id["110000000000000001"].reply_to_user is None


def test_media_only_status_has_empty_text() -> None:
    media = _by_id()["110000000000000007"]
    assert media.text == "" and media.media_count == 2
    assert media.extra["visibility"] == "unlisted"


def test_truth_social_platform_and_quote() -> None:
    by_id = _by_id()
    truth = by_id["114000000000000001"]
    assert truth.platform == "truth_social"
    assert truth.quote is True and truth.extra["quote_of"] == "113000000000000009"
    assert truth.text == "A VERY big day for our Country!!!"
    assert truth.author == "exampleuser"
    others = [p for i, p in by_id.items() if i != "114000000000000001"]
    assert {p.platform for p in others} == {"mastodon"}
    assert not any(p.quote for p in others)


def test_platform_option_overrides() -> None:
    posts = _parse(STATUSES, ImportOptions(platform="truth_social"))
    assert {p.platform for p in posts} == {"truth_social"}


def test_dates_are_utc_and_content_warning_kept() -> None:
    by_id = _by_id()
    assert by_id["110000000000000001"].created_at == datetime(2023, 2, 1, 12, tzinfo=UTC)
    cw = by_id["110000000000000008"]
    assert cw.created_at == datetime(2023, 2, 8, 11, tzinfo=UTC)
    assert cw.extra["content_warning"] == "spoilers for the film"
    assert cw.extra["sensitive"] is True and cw.extra["language"] == "de"


def _statuses() -> list[dict[str, object]]:
    return json.loads(STATUSES.read_text())


def test_jsonl_folder_and_zip_variants(tmp_path: Path) -> None:
    statuses = _statuses()
    jsonl = tmp_path / "statuses.jsonl"
    jsonl.write_text("\n".join(json.dumps(s) for s in statuses) + "\n\n")
    folder = tmp_path / "folder"
    folder.mkdir()
    (folder / "page-1.json").write_text(json.dumps(statuses[:4]))
    (folder / "page-2.json").write_text(json.dumps(statuses[4:]))
    (folder / ".DS_Store").write_bytes(b"\x00\x01")
    archive = tmp_path / "statuses.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.write(folder / "page-1.json", "export/page-1.json")
        zf.write(folder / "page-2.json", "export/page-2.json")
    for path in (jsonl, folder, archive):
        with SourceTree(path) as tree:
            assert MastodonApiImporter(ImportOptions()).sniff(tree), path
        assert [p.external_id for p in _parse(path)] == YIELDED, path
    assert _parse(jsonl)[1].record == "statuses.jsonl#line 2"
    assert _parse(folder)[4].record == "page-2.json#[2]"


def test_sniff_claims_statuses_but_not_other_formats(tmp_path: Path) -> None:
    importer = MastodonApiImporter(ImportOptions())
    with SourceTree(STATUSES) as tree:
        assert importer.sniff(tree)
    for path in (
        FIXTURES / "generic" / "twitter_condensed.json",
        FIXTURES / "generic" / "posts.jsonl",
        FIXTURES / "mastodon_outbox",
        FIXTURES / "essays",
    ):
        with SourceTree(path) as tree:
            assert not importer.sniff(tree), path
    factbase = tmp_path / "0001.json"
    factbase.write_text(json.dumps({"meta": {}, "data": [{"id": "1", "text": "x"}], "stats": {}}))
    with SourceTree(factbase) as tree:
        assert not importer.sniff(tree)


def test_twitter_condensed_jsonl_is_not_a_status(tmp_path: Path) -> None:
    lines = tmp_path / "tweets.jsonl"
    lines.write_text('{"id_str": "1", "id": 1, "text": "x", "created_at": "x", "content": ""}\n')
    with SourceTree(lines) as tree:
        assert not MastodonApiImporter(ImportOptions()).sniff(tree)
        assert JsonlImporter(ImportOptions()).sniff(tree)


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (42, "status is a int"),
        ({"created_at": "2023-01-01T00:00:00Z", "content": "", "visibility": "public"}, "id"),
        ({"id": "1", "created_at": "not a date", "content": "", "visibility": "public"}, "date"),
        ({"id": "1", "content": "", "visibility": "public"}, "created_at"),
        ({"id": "1", "created_at": "2023-01-01", "content": 5, "visibility": "public"}, "content"),
        ({"id": "1", "created_at": "2023-01-01", "content": "", "reblog": "x"}, "reblog"),
    ],
)
def test_malformed_statuses_name_file_and_record(
    tmp_path: Path, status: object, message: str
) -> None:
    path = tmp_path / "statuses.json"
    path.write_text(json.dumps([_statuses()[0], status]))
    with pytest.raises(MalformedInput, match=message) as caught:
        _parse(path)
    assert caught.value.path == str(path)
    assert caught.value.record == "statuses.json#[1]"


def test_bad_jsonl_line_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "statuses.jsonl"
    path.write_text(json.dumps(_statuses()[0]) + "\n{broken\n")
    with pytest.raises(MalformedInput, match="line 2") as caught:
        _parse(path)
    assert caught.value.record == "statuses.jsonl#line 2"


# -- the trimmed status shape of public Truth Social archives ----------------------------------
TRIMMED = FIXTURES / "truth_social" / "trimmed_statuses.json"


def test_trimmed_truth_social_archive_is_detected() -> None:
    with SourceTree(TRIMMED) as tree:
        assert choose_importer(tree).name == "mastodon-api"


def test_trimmed_truth_social_statuses_are_read() -> None:
    posts = _parse(TRIMMED)
    assert [p.external_id for p in posts] == [
        "108000000000000101",
        "108000000000000102",
        "108000000000000103",
    ]
    first, photos, link = posts
    assert {p.platform for p in posts} == {"truth_social"}
    assert first.text == "Harbour lights are back on tonight & the ferry runs late."
    assert first.created_at == datetime(2022, 4, 28, 14, 3, 11, tzinfo=UTC)
    assert first.author == "lighthousekeeper" and not first.repost
    assert first.extra == {"url": "https://truthsocial.com/@lighthousekeeper/108000000000000101"}
    assert photos.media_count == 2
    assert link.text == "Read the tide tables: tides.example/harbour\n\nSecond paragraph."


def test_trimmed_shape_off_truth_social_is_mastodon(tmp_path: Path) -> None:
    status = json.loads(TRIMMED.read_text())[0]
    status["url"] = "https://mastodon.example/@alice/1"
    path = tmp_path / "statuses.jsonl"
    path.write_text(json.dumps(status) + "\n")
    with SourceTree(path) as tree:
        importer = choose_importer(tree)
        assert importer.name == "mastodon-api"
        (post,) = importer.parse(tree)
    assert post.platform == "mastodon"


def test_a_table_with_ids_and_content_is_still_jsonl(tmp_path: Path) -> None:
    path = tmp_path / "posts.jsonl"
    path.write_text(json.dumps({"id": "1", "created_at": "2024-01-01", "content": "hi"}) + "\n")
    with SourceTree(path) as tree:
        assert choose_importer(tree).name == "jsonl"
