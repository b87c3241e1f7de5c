"""Trump Twitter Archive JSON: condensed records, raw API tweets, folders of files."""

from __future__ import annotations

import json
import shutil
from datetime import UTC, datetime
from pathlib import Path

import pytest

from likeness.ingest.errors import MalformedInput
from likeness.ingest.importers.registry import ImportOptions
from likeness.ingest.importers.trump_twitter_archive import TrumpTwitterArchiveImporter
from likeness.ingest.records import RawPost
from likeness.ingest.source_tree import SourceTree

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
TTA = FIXTURES / "tta"


def _parse(path: Path, **options: str) -> list[RawPost]:
    with SourceTree(path) as tree:
        return list(TrumpTwitterArchiveImporter(ImportOptions(**options)).parse(tree))


def _sniff(path: Path) -> bool:
    with SourceTree(path) as tree:
        return TrumpTwitterArchiveImporter(ImportOptions()).sniff(tree)


def _write(path: Path, payload: object) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(payload), encoding="utf-8")
    return path


def test_condensed_records() -> None:
    posts = _parse(TTA / "condensed.json", author="realDonaldTrump")
    assert len(posts) == 6
    retweet, quote_style, old_retweet, reply, thread_a, thread_b = posts
    assert all(p.platform == "twitter" and p.author == "realDonaldTrump" for p in posts)

    assert retweet.external_id == "815271067749060609"
    assert retweet.record == "condensed.json#0"
    assert retweet.created_at == datetime(2016, 12, 31, 18, 59, 4, tzinfo=UTC)
    assert retweet.repost is True  # is_retweet
    assert (
        retweet.text
        == "RT @realDonaldTrump: Happy Birthday @DonaldJTrumpJr!\nhttps://t.co/uRxyCD3hBz"
    )
    assert retweet.extra == {
        "favorite_count": 0,
        "repost_count": 9529,
        "source": "Twitter for iPhone",
    }

    # Numbers as strings; HTML entities and the '"@user: ..."' manual quote stay as exported.
    assert quote_style.extra["favorite_count"] == 450
    assert quote_style.extra["repost_count"] == 120
    assert quote_style.text == '"@someone: You will win!" Thank you &amp; see you soon!'
    assert quote_style.repost is False and quote_style.quote is False

    # is_retweet is false here though the text is a retweet: the cleaner handles the prefix.
    assert old_retweet.repost is False
    assert old_retweet.text.startswith("RT @fan: ")

    assert reply.reply_to_user == "227837742"  # condensed records only carry the user id
    assert reply.reply_to_id is None

    assert thread_a.text.endswith("and...")
    assert thread_b.text.startswith("...it is")
    assert thread_b.url_map == {}  # condensed records have no entities


def test_condensed_without_author_option_leaves_author_unknown() -> None:
    assert {p.author for p in _parse(TTA / "condensed.json")} == {None}


def test_raw_api_tweets() -> None:
    posts = _parse(TTA / "raw_api.json")
    assert len(posts) == 5
    plain, retweet, quote, media, self_reply = posts
    assert {(p.author, p.author_id) for p in posts} == {("realDonaldTrump", "25073877")}

    assert plain.text == "Looking forward &amp; onward https://t.co/LnK0000001"
    assert plain.url_map == {"https://t.co/LnK0000001": "https://example.com/onward"}
    assert plain.extra["source"] == "Twitter Web App"
    assert plain.extra["lang"] == "en"
    assert plain.created_at == datetime(2021, 1, 20, 17, 0, tzinfo=UTC)

    assert retweet.repost is True and retweet.quote is False
    assert retweet.extra["repost_of"] == "1351800000000000009"
    assert retweet.text.endswith("trun…")  # left truncated, as exported

    assert quote.quote is True and quote.repost is False
    assert quote.extra["quote_of"] == "1351000000000000000"

    assert media.text == "https://t.co/PiC0000001"
    assert media.media_count == 3
    assert media.media_urls == ("https://t.co/PiC0000001",)

    assert self_reply.reply_to_id == quote.external_id
    assert self_reply.reply_to_user == "realDonaldTrump"


def test_folder_of_files_and_duplicates(tmp_path: Path) -> None:
    shutil.copy(TTA / "condensed.json", tmp_path / "2016.json")
    shutil.copy(TTA / "raw_api.json", tmp_path / "2021.json")
    # A second download that overlaps the first: each tweet once, from its first file.
    shutil.copy(TTA / "condensed.json", tmp_path / "all.json")
    (tmp_path / "README.txt").write_text("not JSON, ignored", encoding="utf-8")
    assert _sniff(tmp_path)
    posts = _parse(tmp_path)
    assert len(posts) == 11
    assert len({p.external_id for p in posts}) == 11
    assert all(p.record.startswith(("2016.json#", "2021.json#")) for p in posts)


def test_sniff_claims_own_format_only(tmp_path: Path) -> None:
    assert _sniff(TTA / "condensed.json")
    assert _sniff(TTA / "raw_api.json")
    assert _sniff(TTA)
    assert not _sniff(FIXTURES / "factbase")
    assert not _sniff(FIXTURES / "factbase" / "0001.json")
    assert not _sniff(FIXTURES / "twitter_archive" / "2022")
    assert not _sniff(FIXTURES / "twitter_archive" / "2022" / "data" / "tweets.js")
    mastodon = _write(
        tmp_path / "statuses.json",
        [
            {
                "id": "109000000000000001",
                "created_at": "2022-11-01T10:00:00.000Z",
                "content": "<p>Hello fediverse</p>",
                "visibility": "public",
                "account": {"username": "me", "acct": "me"},
            }
        ],
    )
    assert not _sniff(mastodon)
    assert not _sniff(_write(tmp_path / "empty.json", []))
    assert not _sniff(_write(tmp_path / "garbage.json", "[1, 2,"))


def test_wrong_top_level_type(tmp_path: Path) -> None:
    path = _write(tmp_path / "tweets.json", {"tweets": []})
    with pytest.raises(MalformedInput, match="list of tweets") as info:
        _parse(path)
    assert info.value.path == str(path)


def test_malformed_json_names_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.json"
    path.write_text('[{"id_str": "1", "text": "x"', encoding="utf-8")
    with pytest.raises(MalformedInput, match="malformed JSON") as info:
        _parse(path)
    assert info.value.path == str(path)


@pytest.mark.parametrize(
    ("record", "message"),
    [
        ("not a tweet", "expected a tweet object"),
        ({"text": "no id", "created_at": "Sat Dec 31 18:59:04 +0000 2016"}, "no id"),
        ({"id_str": "3", "text": "x", "created_at": "31/12/2016"}, "created_at"),
        ({"id_str": "3", "text": 5}, "not a string"),
    ],
)
def test_broken_record_names_file_and_record(tmp_path: Path, record: object, message: str) -> None:
    good = {"id_str": "1", "text": "fine", "created_at": "Sat Dec 31 18:59:04 +0000 2016"}
    folder = tmp_path / "export"
    _write(folder / "a.json", [good])
    _write(folder / "b.json", [dict(good, id_str="2"), record])
    with pytest.raises(MalformedInput, match=message) as info:
        _parse(folder)
    assert info.value.path == f"{folder}/b.json"
    assert info.value.record == "b.json#1"


@pytest.mark.corpora
def test_real_condensed_2016(corpora: Path) -> None:
    path = corpora / "trump-tta" / "condensed_2016.json"
    assert _sniff(path)
    posts = _parse(path, author="realDonaldTrump")
    assert len(posts) == 4225
    assert len({p.external_id for p in posts}) == 4225
    assert sum(p.repost for p in posts) == 188
    assert all(p.created_at is not None and p.created_at.year == 2016 for p in posts)
    assert sum(1 for p in posts if p.reply_to_user) == 6
