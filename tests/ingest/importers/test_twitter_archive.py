"""Twitter/X account archives: 2022, 2019 and Grailbird layouts, folders, zips, single files."""

from __future__ import annotations

import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest

from likeness.ingest.errors import MalformedInput
from likeness.ingest.importers.fields import parse_twitter_time
from likeness.ingest.importers.registry import ImportOptions
from likeness.ingest.importers.twitter_archive import TwitterArchiveImporter
from likeness.ingest.records import RawPost
from likeness.ingest.source_tree import SourceTree

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
ARCHIVES = FIXTURES / "twitter_archive"


def _parse(path: Path, **options: str) -> list[RawPost]:
    with SourceTree(path) as tree:
        return list(TwitterArchiveImporter(ImportOptions(**options)).parse(tree))


def _sniff(path: Path) -> bool:
    with SourceTree(path) as tree:
        return TwitterArchiveImporter(ImportOptions()).sniff(tree)


def _zip(folder: Path, target: Path, prefix: str = "") -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for item in sorted(folder.rglob("*")):
            if item.is_file():
                archive.write(item, prefix + item.relative_to(folder).as_posix())
    return target


def _write_js(root: Path, name: str, body: str) -> Path:
    path = root / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(body, encoding="utf-8")
    return root


# -- 2022 layout ----------------------------------------------------------------------------------
def test_2022_folder_reads_every_part_in_order() -> None:
    posts = _parse(ARCHIVES / "2022")
    assert [p.external_id for p in posts] == [
        "1500000000000000001",
        "1500000000000000002",
        "1500000000000000003",
        "1500000000000000004",
        "1500000000000000005",
        "1400000000000000001",  # tweets-part1.js
        "1400000000000000002",  # bare entry, no {"tweet": ...} wrapper
        "1400000000000000003",  # deleted-tweets.js comes last
    ]
    assert [p.record for p in posts][:2] == ["data/tweets.js#0", "data/tweets.js#1"]
    assert posts[5].record == "data/tweets-part1.js#0"
    assert posts[7].record == "data/deleted-tweets.js#0"
    assert all(p.platform == "twitter" for p in posts)


def test_2022_author_from_account_js() -> None:
    posts = _parse(ARCHIVES / "2022", author="someone_else")
    assert {(p.author, p.author_id) for p in posts} == {("jdoe", "12345")}


def test_2022_fields_are_taken_as_exported() -> None:
    first, retweet, reply, thread_a, thread_b, media, _bare, deleted = _parse(ARCHIVES / "2022")

    # Text is left as exported: entities, t.co links, RT prefixes and ellipses are the cleaner's.
    assert first.text == "Salt &amp; pepper, new post: https://t.co/AbCdEf1234"
    assert first.url_map == {"https://t.co/AbCdEf1234": "https://example.com/blog/post"}
    assert first.created_at == datetime(2022, 3, 1, 9, 15, tzinfo=UTC)
    assert first.extra == {
        "favorite_count": 12,
        "repost_count": 3,
        "source": "Twitter for iPhone",
        "lang": "en",
    }

    # A 2022 archive marks retweets only by their text; the structure says nothing.
    assert retweet.text.startswith("RT @somebody: ")
    assert retweet.text.endswith("…")
    assert retweet.repost is False

    assert reply.reply_to_id == "1499999999999999999"
    assert reply.reply_to_user == "other"
    assert reply.text == "@other Agreed, 100% &gt; 99%"
    # -0500 offsets become UTC (the next day here).
    assert reply.created_at == datetime(2022, 3, 2, 4, 59, 59, tzinfo=UTC)

    assert thread_a.text.endswith("...")
    assert thread_b.text.startswith("...")
    assert thread_b.reply_to_id == thread_a.external_id
    assert thread_b.reply_to_user == thread_b.author == "jdoe"  # a self-reply

    assert media.media_count == 2  # extended_entities lists both photos
    assert media.media_urls == ("https://t.co/MeDiA00001",)
    assert media.text == "https://t.co/MeDiA00001"
    assert media.url_map == {}

    assert deleted.deleted is True
    assert not any(p.deleted for p in (first, retweet, reply, thread_a, thread_b, media))


def test_zip_and_zip_with_top_level_folder_match_the_folder(tmp_path: Path) -> None:
    folder = _parse(ARCHIVES / "2022")
    plain = _zip(ARCHIVES / "2022", tmp_path / "plain.zip")
    prefixed = _zip(ARCHIVES / "2022", tmp_path / "prefixed.zip", "twitter-2022-11-14-abc/")
    for archive, prefix in ((plain, ""), (prefixed, "twitter-2022-11-14-abc/")):
        assert _sniff(archive)
        posts = _parse(archive)
        assert [p.external_id for p in posts] == [p.external_id for p in folder]
        assert [p.record for p in posts] == [prefix + p.record for p in folder]
        assert {p.author for p in posts} == {"jdoe"}


def test_part_files_sort_numerically(tmp_path: Path) -> None:
    for part in ("", "-part2", "-part10", "-part1"):
        number = part.removeprefix("-part") or "0"
        body = (
            f"window.YTD.tweets.part{number} = "
            f'[{{"tweet": {{"id_str": "{number}", "full_text": "part {number}", '
            '"created_at": "Tue Mar 01 09:15:00 +0000 2022"}}]'
        )
        _write_js(tmp_path, f"data/tweets{part}.js", body)
    posts = _parse(tmp_path, author="@me")
    assert [p.external_id for p in posts] == ["0", "1", "2", "10"]
    assert {p.author for p in posts} == {"me"}  # options.author, "@" dropped


# -- 2019 layout ----------------------------------------------------------------------------------
def test_2019_tweet_js_layout_with_manifest() -> None:
    assert _sniff(ARCHIVES / "2019")
    posts = _parse(ARCHIVES / "2019")
    assert [p.external_id for p in posts] == [
        "1100000000000000001",
        "1100000000000000002",
        "1000000000000000001",
    ]
    assert {(p.author, p.author_id) for p in posts} == {("oldtimer", "6789")}
    assert posts[0].url_map == {"https://t.co/OlDlInK001": "https://example.org/"}
    assert posts[2].created_at == datetime(2017, 12, 31, 23, 30, tzinfo=UTC)
    assert posts[2].extra["source"] == "web"


# -- Grailbird (pre-2018) -------------------------------------------------------------------------
def test_grailbird_layout() -> None:
    assert _sniff(ARCHIVES / "grailbird")
    posts = _parse(ARCHIVES / "grailbird")
    assert [p.external_id for p in posts] == [
        "150000000000000001",  # 2011_12.js sorts before 2012_01.js
        "164052541340450816",
        "164000000000000002",
    ]
    new_year, retweet, reply = posts
    assert new_year.created_at == datetime(2011, 12, 31, 23, 59, tzinfo=UTC)
    assert new_year.record == "data/js/tweets/2011_12.js#0"

    assert retweet.repost is True  # retweeted_status present
    assert retweet.extra["repost_of"] == "164050000000000000"
    assert retweet.text == "RT @famous: Big news today &amp; more tomorrow"
    assert retweet.created_at == datetime(2012, 1, 31, 18, 39, 31, tzinfo=UTC)
    assert retweet.extra["source"] == "Twitter for iPhone"
    assert (retweet.author, retweet.author_id) == ("grail", "55555")

    assert reply.reply_to_id == "163999999999999999"
    assert reply.reply_to_user == "friend"
    assert reply.media_count == 1
    assert reply.media_urls == ("http://t.co/PhOtO1",)
    assert reply.url_map == {"http://t.co/LiNk01": "http://example.net/a"}
    # This tweet has no "user": the account comes from data/js/user_details.js.
    assert (reply.author, reply.author_id) == ("grail", "55555")


# -- single files, sniffing -----------------------------------------------------------------------
def test_single_tweets_js_file(tmp_path: Path) -> None:
    single = tmp_path / "tweets.js"
    shutil.copy(ARCHIVES / "2022" / "data" / "tweets.js", single)
    assert _sniff(single)
    posts = _parse(single, author="jdoe")
    assert len(posts) == 5
    assert posts[0].record == "tweets.js#0"
    assert {p.author for p in posts} == {"jdoe"}


def test_sniff_rejects_other_formats(tmp_path: Path) -> None:
    assert not _sniff(FIXTURES / "tta" / "condensed.json")
    assert not _sniff(FIXTURES / "tta")
    assert not _sniff(FIXTURES / "factbase")
    assert not _sniff(FIXTURES / "factbase" / "0001.json")
    # A data/tweets.js that is not an archive file (say, a web page's script).
    _write_js(tmp_path / "site", "data/tweets.js", "function load() { return 1; }\n")
    assert not _sniff(tmp_path / "site")
    _write_js(tmp_path / "other", "data/tweets.js", "window.YTD.like.part0 = []\n")
    assert not _sniff(tmp_path / "other")


# -- malformed input ------------------------------------------------------------------------------
def test_tweet_without_id_names_file_and_record(tmp_path: Path) -> None:
    body = (
        'window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "ok"}},'
        ' {"tweet": {"full_text": "no id here"}}]'
    )
    _write_js(tmp_path, "data/tweets.js", body)
    with pytest.raises(MalformedInput) as info:
        _parse(tmp_path)
    assert info.value.record == "data/tweets.js#1"
    assert info.value.path == f"{tmp_path}/data/tweets.js"
    assert "id" in info.value.message


def test_entry_that_is_not_an_object(tmp_path: Path) -> None:
    _write_js(tmp_path, "data/tweets.js", 'window.YTD.tweets.part0 = [{"tweet": {"id": 1}}, 42]')
    with pytest.raises(MalformedInput) as info:
        _parse(tmp_path)
    assert info.value.record == "data/tweets.js#1"


def test_malformed_json_and_wrong_top_level(tmp_path: Path) -> None:
    _write_js(tmp_path / "a", "data/tweets.js", 'window.YTD.tweets.part0 = [{"tweet": ')
    with pytest.raises(MalformedInput) as info:
        _parse(tmp_path / "a")
    assert info.value.path == f"{tmp_path / 'a'}/data/tweets.js"

    _write_js(tmp_path / "b", "data/tweets.js", 'window.YTD.tweets.part0 = {"tweet": {}}')
    with pytest.raises(MalformedInput, match="list of tweets"):
        _parse(tmp_path / "b")


def test_unreadable_date_is_malformed(tmp_path: Path) -> None:
    body = 'window.YTD.tweets.part0 = [{"tweet": {"id_str": "9", "created_at": "yesterday"}}]'
    _write_js(tmp_path, "data/tweets.js", body)
    with pytest.raises(MalformedInput, match="created_at") as info:
        _parse(tmp_path)
    assert info.value.record == "data/tweets.js#0"


def test_media_only_tweet_without_text(tmp_path: Path) -> None:
    body = (
        'window.YTD.tweets.part0 = [{"tweet": {"id_str": "5", "full_text": null,'
        ' "extended_entities": {"media": [{"url": "https://t.co/x"}]}}}]'
    )
    _write_js(tmp_path, "data/tweets.js", body)
    (post,) = _parse(tmp_path)
    assert (post.text, post.media_count, post.created_at) == ("", 1, None)


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Sat Dec 31 18:59:04 +0000 2016", datetime(2016, 12, 31, 18, 59, 4, tzinfo=UTC)),
        ("Sat Dec 31 18:59:04 +0130 2016", datetime(2016, 12, 31, 17, 29, 4, tzinfo=UTC)),
        ("Sat Dec 31 20:00:00 -0500 2016", datetime(2017, 1, 1, 1, 0, tzinfo=UTC)),
        ("2012-01-31 18:39:31 +0000", datetime(2012, 1, 31, 18, 39, 31, tzinfo=UTC)),
        ("2012-01-31T18:39:31Z", datetime(2012, 1, 31, 18, 39, 31, tzinfo=UTC)),
    ],
)
def test_parse_twitter_time(value: str, expected: datetime) -> None:
    parsed = parse_twitter_time(value)
    assert parsed == expected
    assert parsed.utcoffset() is not None and parsed.utcoffset().total_seconds() == 0


# -- the real archive -----------------------------------------------------------------------------
@pytest.mark.corpora
def test_real_x_archive(corpora: Path) -> None:
    archive = corpora / "x-archive-andreruffert"
    assert _sniff(archive)
    posts = _parse(archive)
    assert len(posts) == 1986
    assert len({p.external_id for p in posts}) == 1986
    assert {(p.author, p.author_id) for p in posts} == {("andreruffert", "112769581")}
    assert all(p.created_at is not None and p.created_at.tzinfo is not None for p in posts)
    assert sum(1 for p in posts if p.reply_to_id) == 485
    assert sum(1 for p in posts if p.media_count) == 146
    first = posts[0]
    assert first.external_id == "1588091220244369409"
    assert first.media_urls == ("https://t.co/p5Z1ebhgmy",)
