"""Mastodon account export (outbox.json + actor.json): visibility, boosts, replies, media, CW."""

from __future__ import annotations

import json
import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from likeness.ingest.errors import MalformedInput
from likeness.ingest.importers.mastodon_api import MastodonApiImporter
from likeness.ingest.importers.mastodon_outbox import MastodonOutboxImporter
from likeness.ingest.importers.registry import ImportOptions
from likeness.ingest.records import RawPost
from likeness.ingest.source_tree import SourceTree

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
EXPORT = FIXTURES / "mastodon_outbox"
SECRETS = ("FOLLOWERSECRET", "DIRECTSECRET", "door code")


def _parse(path: Path, options: ImportOptions | None = None) -> list[RawPost]:
    with SourceTree(path) as tree:
        return list(MastodonOutboxImporter(options or ImportOptions()).parse(tree))


def _zip(folder: Path, target: Path, prefix: str = "") -> Path:
    with zipfile.ZipFile(target, "w") as archive:
        for item in sorted(folder.iterdir()):
            archive.write(item, prefix + item.name)
    return target


def test_folder_yields_only_public_and_unlisted_notes() -> None:
    posts = _parse(EXPORT)
    assert [p.external_id for p in posts] == ["1001", "1002", "1005", "1006", "1007", "1008"]
    assert [p.extra["visibility"] for p in posts] == ["public", "unlisted"] + ["public"] * 4
    assert all(p.platform == "mastodon" and p.author == "alice" for p in posts)
    assert all(p.author_id == "https://mastodon.example/users/alice" for p in posts)


def test_private_and_direct_text_never_appears() -> None:
    importer = MastodonOutboxImporter(ImportOptions())
    with SourceTree(EXPORT) as tree:
        posts = list(importer.parse(tree))
    everything = json.dumps([[p.text, p.extra, p.title] for p in posts])
    for secret in SECRETS:
        assert secret not in everything
    assert importer.skipped == {"private": 1, "direct": 1, "boost": 1}


def test_boosts_are_skipped() -> None:
    ids = {p.external_id for p in _parse(EXPORT)}
    assert "1009" not in ids and not any(p.repost for p in _parse(EXPORT))


def test_html_content_becomes_text() -> None:
    first = _parse(EXPORT)[0]
    assert first.text == (
        "Hello @bob and friends & family\n\nRead https://example.org/a/long/path #walking"
    )
    assert first.record == "outbox.json#orderedItems[0]"
    assert first.extra["url"] == "https://mastodon.example/@alice/1001"
    assert first.extra["uri"] == "https://mastodon.example/users/alice/statuses/1001"
    assert first.extra["hashtags"] == ["#walking"]
    assert first.extra["language"] == "en"


def test_dates_are_utc() -> None:
    by_id = {p.external_id: p for p in _parse(EXPORT)}
    assert by_id["1001"].created_at == datetime(2023, 1, 2, 3, 4, 5, tzinfo=UTC)
    reply_time = by_id["1005"].created_at
    assert reply_time == datetime(2023, 1, 5, 8, 0, tzinfo=UTC)
    assert reply_time is not None and reply_time.utcoffset() is not None
    assert reply_time.tzinfo == UTC


def test_replies_and_self_replies() -> None:
    by_id = {p.external_id: p for p in _parse(EXPORT)}
    assert by_id["1005"].reply_to_id == "555"
    assert by_id["1005"].reply_to_user == "carol@other.example"
    assert by_id["1005"].text == "@carol I agree with you\ncompletely"
    assert by_id["1006"].reply_to_id == "1001"
    assert by_id["1006"].reply_to_user == "alice"
    assert by_id["1001"].reply_to_id is None and by_id["1001"].reply_to_user is None


def test_media_and_content_warning() -> None:
    by_id = {p.external_id: p for p in _parse(EXPORT)}
    assert by_id["1007"].media_count == 2
    assert by_id["1001"].media_count == 0
    assert by_id["1008"].extra["content_warning"] == "election talk"
    assert by_id["1008"].extra["sensitive"] is True
    assert "content_warning" not in by_id["1001"].extra


def test_zip_with_and_without_top_folder(tmp_path: Path) -> None:
    expected = [p.external_id for p in _parse(EXPORT)]
    for prefix in ("", "archive-20230110/"):
        archive = _zip(EXPORT, tmp_path / f"export{len(prefix)}.zip", prefix)
        with SourceTree(archive) as tree:
            importer = MastodonOutboxImporter(ImportOptions())
            assert importer.sniff(tree)
            posts = list(importer.parse(tree))
        assert [p.external_id for p in posts] == expected
        assert posts[0].author == "alice"
        assert posts[0].record == f"{prefix}outbox.json#orderedItems[0]"


def test_bare_outbox_file_takes_the_author_from_the_actor_url(tmp_path: Path) -> None:
    bare = tmp_path / "outbox.json"
    shutil.copy(EXPORT / "outbox.json", bare)
    with SourceTree(bare) as tree:
        assert MastodonOutboxImporter(ImportOptions()).sniff(tree)
    posts = _parse(bare)
    assert len(posts) == 6
    assert {p.author for p in posts} == {"alice"}
    assert {p.external_id: p.reply_to_user for p in posts}["1006"] == "alice"


def test_renamed_bare_outbox_is_sniffed_by_content(tmp_path: Path) -> None:
    renamed = tmp_path / "my-mastodon.json"
    shutil.copy(EXPORT / "outbox.json", renamed)
    with SourceTree(renamed) as tree:
        assert MastodonOutboxImporter(ImportOptions()).sniff(tree)
        assert not MastodonApiImporter(ImportOptions()).sniff(tree)


def test_sniff_rejects_other_formats() -> None:
    importer = MastodonOutboxImporter(ImportOptions())
    for path in (
        FIXTURES / "mastodon_api" / "statuses.json",
        FIXTURES / "generic" / "twitter_condensed.json",
        FIXTURES / "generic" / "posts.jsonl",
        FIXTURES / "essays",
    ):
        with SourceTree(path) as tree:
            assert not importer.sniff(tree), path


def _outbox_with(tmp_path: Path, item: object) -> Path:
    path = tmp_path / "outbox.json"
    path.write_text(json.dumps({"type": "OrderedCollection", "orderedItems": [item]}))
    return path


def test_malformed_records_name_file_and_record(tmp_path: Path) -> None:
    public = {"to": ["https://www.w3.org/ns/activitystreams#Public"]}
    cases = [
        ("not an object", "activity is a str"),
        ({"type": "Create", "object": "https://x.example/1"}, "without an embedded object"),
        (
            {"type": "Create", "object": {"type": "Note", **public, "published": "2023-01-01"}},
            "without an id",
        ),
        (
            {
                "type": "Create",
                "object": {
                    "type": "Note",
                    "id": "https://x.example/users/a/statuses/1",
                    **public,
                    "published": "yesterday",
                },
            },
            "unrecognised date",
        ),
    ]
    for item, message in cases:
        path = _outbox_with(tmp_path, item)
        with pytest.raises(MalformedInput, match=message) as caught:
            _parse(path)
        assert caught.value.path == str(path)
        assert caught.value.record == "outbox.json#orderedItems[0]"


def test_not_an_outbox(tmp_path: Path) -> None:
    path = tmp_path / "outbox.json"
    path.write_text('{"type": "Person"}')
    with pytest.raises(MalformedInput, match="orderedItems"):
        _parse(path)
