"""Roll Call Factbase pages: items, platforms, flags, overlapping pages, malformed pages."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from likeness.ingest.errors import MalformedInput
from likeness.ingest.importers.factbase import FactbaseImporter
from likeness.ingest.importers.registry import ImportOptions
from likeness.ingest.records import RawPost
from likeness.ingest.source_tree import SourceTree

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
PAGES = FIXTURES / "factbase"


def _parse(path: Path, **options: str) -> list[RawPost]:
    with SourceTree(path) as tree:
        return list(FactbaseImporter(ImportOptions(**options)).parse(tree))


def _sniff(path: Path) -> bool:
    with SourceTree(path) as tree:
        return FactbaseImporter(ImportOptions()).sniff(tree)


def _page(items: list[object], page: int = 1) -> dict[str, object]:
    return {"meta": {"page": page, "page_count": 1, "pagination": {}}, "data": items, "stats": {}}


def _item(post_id: str, text: str | None = "hello") -> dict[str, object]:
    return {
        "id": post_id,
        "date": "2016-01-01T00:00:00-05:00",
        "text": text,
        "platform": "Twitter",
        "handle": "someone",
        "social": {"repost_flag": False, "quote_flag": False},
    }


def _write(path: Path, payload: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload), encoding="utf-8")
    return path


def test_folder_of_pages() -> None:
    posts = _parse(PAGES)
    # Eight items on two pages; the retweet at the end of page 1 is repeated on page 2.
    assert [p.external_id for p in posts] == [
        "682723973449289728",
        "708351381678088192",
        "749000000000000003",
        "760000000000000004",
        "771000000000000005",
        "107800000000000006",
        "107900000000000007",
    ]
    assert [p.record for p in posts][3:5] == ["0001.json#data[3]", "0002.json#data[1]"]
    assert {p.author for p in posts} == {"realDonaldTrump"}


def test_item_fields() -> None:
    plain, media_only, post_text, retweet, quote, truth, truth_video = _parse(PAGES)

    assert plain.platform == "twitter"
    # US Eastern offset converted to UTC.
    assert plain.created_at == datetime(2016, 1, 1, 0, 44, 14, tzinfo=UTC)
    assert plain.text == "I will be on @FoxNews live &amp; we will ring in the New Year!"
    assert plain.extra == {
        "favorite_count": 6735,
        "repost_count": 2108,
        "source": "Twitter for Android",
        "post_url": "https://x.com/realdonaldtrump/status/682723973449289728",
        "media_type": "Text",
    }
    assert not (plain.repost or plain.quote or plain.deleted)

    assert media_only.text == ""  # text and post_text both null
    assert media_only.media_count == 1
    assert media_only.media_urls == ("https://t.co/ZQ0osiFEJQ",)
    assert media_only.extra["favorite_count"] == 10424  # number as a string

    assert post_text.text == "@CNN The text lives only in social.post_text here..."
    assert post_text.reply_to_user == "CNN"
    assert post_text.created_at == datetime(2016, 7, 4, 14, 0, tzinfo=UTC)  # EDT, -04:00

    assert retweet.repost is True
    assert retweet.text.startswith("RT @DanScavino: ")
    assert retweet.extra["repost_of"] == "759999999999999999"

    assert quote.quote is True and quote.repost is False
    assert quote.deleted is True
    assert quote.extra["quote_of"] == "771000000000000000"
    assert quote.url_map == {
        "https://t.co/QtLink0001": "https://twitter.com/x/status/771000000000000000"
    }

    assert truth.platform == "truth_social"
    assert truth.text == "I’M BACK! #COVFEFE"
    assert truth.created_at == datetime(2022, 2, 14, 21, 11, 20, tzinfo=UTC)

    assert truth_video.platform == "truth_social"
    assert truth_video.text == ""
    assert truth_video.media_count == 2
    assert truth_video.repost is True


def test_single_page_file() -> None:
    assert _sniff(PAGES / "0001.json")
    posts = _parse(PAGES / "0001.json")
    assert len(posts) == 4
    assert posts[0].record == "0001.json#data[0]"


def test_pages_read_in_natural_order_and_stray_files_skipped(tmp_path: Path) -> None:
    _write(tmp_path / "page-10.json", _page([_item("10")], 10))
    _write(tmp_path / "page-2.json", _page([_item("2")], 2))
    _write(tmp_path / "page-1.json", _page([_item("1")], 1))
    _write(tmp_path / "settings.json", {"query": "", "sort": "date"})  # clearly not a page
    (tmp_path / "notes.txt").write_text("ignored", encoding="utf-8")
    assert [p.external_id for p in _parse(tmp_path)] == ["1", "2", "10"]


def test_sniff_claims_own_format_only(tmp_path: Path) -> None:
    assert _sniff(PAGES)
    assert not _sniff(FIXTURES / "tta")
    assert not _sniff(FIXTURES / "tta" / "condensed.json")
    assert not _sniff(FIXTURES / "twitter_archive" / "2022")
    assert not _sniff(_write(tmp_path / "other.json", {"data": [{"foo": 1}], "meta": {}}))
    assert not _sniff(_write(tmp_path / "broken.json", "{"))


def test_page_whose_data_is_not_a_list(tmp_path: Path) -> None:
    shutil.copy(PAGES / "0001.json", tmp_path / "0001.json")
    _write(tmp_path / "0002.json", {"meta": {}, "data": {"id": "1"}})
    with pytest.raises(MalformedInput, match="expected a list") as info:
        _parse(tmp_path)
    assert info.value.path == f"{tmp_path}/0002.json"


def test_single_file_that_is_not_a_page(tmp_path: Path) -> None:
    path = _write(tmp_path / "0001.json", [_item("1")])
    with pytest.raises(MalformedInput, match="not a Factbase page") as info:
        _parse(path)
    assert info.value.path == str(path)


def test_folder_without_pages(tmp_path: Path) -> None:
    _write(tmp_path / "settings.json", {"query": ""})
    with pytest.raises(MalformedInput, match="no Factbase pages"):
        _parse(tmp_path)


def test_malformed_json_names_the_page(tmp_path: Path) -> None:
    shutil.copy(PAGES / "0001.json", tmp_path / "0001.json")
    (tmp_path / "0002.json").write_text('{"meta": {}, "data": [', encoding="utf-8")
    with pytest.raises(MalformedInput, match="malformed JSON") as info:
        _parse(tmp_path)
    assert info.value.path == f"{tmp_path}/0002.json"


@pytest.mark.parametrize(
    ("item", "message"),
    [
        ("a string", "expected a post object"),
        ({"text": "no id", "date": "2016-01-01T00:00:00-05:00"}, "no id"),
        (dict(_item("7"), date="Jan 1st"), "unreadable date"),
        (dict(_item("7"), social="flags"), "'social' is not an object"),
        (dict(_item("7"), text=["list"]), "not a string"),
    ],
)
def test_broken_item_names_file_and_record(tmp_path: Path, item: object, message: str) -> None:
    _write(tmp_path / "0001.json", _page([_item("1"), item]))
    with pytest.raises(MalformedInput, match=message) as info:
        _parse(tmp_path)
    assert info.value.path == f"{tmp_path}/0001.json"
    assert info.value.record == "0001.json#data[1]"


def test_same_id_on_two_platforms_is_kept_twice(tmp_path: Path) -> None:
    truth = dict(_item("5"), platform="Truth Social")
    _write(tmp_path / "0001.json", _page([_item("5"), truth, _item("5")]))
    posts = _parse(tmp_path)
    assert [(p.platform, p.external_id) for p in posts] == [
        ("twitter", "5"),
        ("truth_social", "5"),
    ]


@pytest.mark.corpora
def test_real_factbase_sample(corpora: Path) -> None:
    folder = corpora / "factbase-sample"
    assert _sniff(folder)
    posts = _parse(folder)
    assert len(posts) == 4225
    assert len({p.external_id for p in posts}) == 4225
    assert {p.platform for p in posts} == {"twitter"}
    assert sum(p.repost for p in posts) == 188
    assert all(
        p.created_at is not None and p.created_at.utcoffset().total_seconds() == 0 for p in posts
    )
    media_only = [p for p in posts if p.text == ""]
    assert media_only and all(p.media_count >= 1 for p in media_only)


@pytest.mark.corpora
def test_real_factbase_sample_matches_the_tta_export(corpora: Path) -> None:
    """The sample re-shapes the 2016 TTA posts: same ids, same instants once made UTC."""
    from likeness.ingest.importers.trump_twitter_archive import TrumpTwitterArchiveImporter

    with SourceTree(corpora / "trump-tta" / "condensed_2016.json") as tree:
        tta = {
            p.external_id: p.created_at
            for p in TrumpTwitterArchiveImporter(ImportOptions()).parse(tree)
        }
    factbase = {p.external_id: p.created_at for p in _parse(corpora / "factbase-sample")}
    assert factbase == tta
