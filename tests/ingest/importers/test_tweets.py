"""The typed (msgspec) tweet converter equals the general one wherever it applies."""

from __future__ import annotations

from pathlib import Path

import orjson
import pytest

from likeness.ingest.errors import MalformedInput
from likeness.ingest.importers.fields import parse_twitter_time
from likeness.ingest.importers.jsonio import js_assignment_payload
from likeness.ingest.importers.registry import ImportOptions
from likeness.ingest.importers.tweets import (
    decode_typed_tweets,
    tweet_to_post,
    typed_tweet_to_post,
)
from likeness.ingest.importers.twitter_archive import TwitterArchiveImporter
from likeness.ingest.source_tree import SourceTree

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"


def _payload(path: Path) -> bytes:
    data = path.read_bytes()
    return js_assignment_payload(data, str(path)) if path.suffix == ".js" else data


def _tweet_files(root: Path) -> list[Path]:
    files = sorted(root.rglob("*.js")) + sorted(root.rglob("*.json"))
    return [
        f for f in files if "tweet" in f.name or f.parent.name == "tweets" or f.suffix == ".json"
    ]


def _assert_paths_agree(path: Path) -> int:
    """Every tweet of ``path``: typed and general conversion give equal RawPosts."""
    payload = _payload(path)
    entries = orjson.loads(payload)
    typed = decode_typed_tweets(payload)  # None for API tweets (user, retweeted_status …)
    fast = 0
    for index, entry in enumerate(entries):
        tweet = entry.get("tweet", entry)
        args = (f"f#{index}", "acct", "1", index % 2 == 0)
        general = tweet_to_post(
            tweet, record=args[0], where="w", author="acct", author_id="1", deleted=args[3]
        )
        if typed is not None:
            typed_tweet = typed[index].tweet if "tweet" in entry else typed[index]
            post = typed_tweet_to_post(typed_tweet, *args)
            if post is not None:
                fast += 1
                assert post == general, (path, index)
    return fast


@pytest.mark.parametrize(
    "path",
    [
        *_tweet_files(FIXTURES / "twitter_archive"),
        *sorted((FIXTURES / "tta").glob("*.json")),
        FIXTURES / "generic" / "twitter_condensed.json",
    ],
    ids=lambda p: str(p.relative_to(FIXTURES)),
)
def test_fast_paths_equal_general_path_on_fixtures(path: Path) -> None:
    _assert_paths_agree(path)


@pytest.mark.corpora
def test_fast_paths_equal_general_path_on_real_corpora(corpora: Path) -> None:
    for path in (
        corpora / "x-archive-andreruffert" / "data" / "tweets.js",
        corpora / "trump-tta" / "condensed_2016.json",
    ):
        assert _assert_paths_agree(path) > 1900  # most tweets take the typed path


@pytest.mark.parametrize(
    "body",
    [
        b'[{"tweet": {"id_str": "1", "favorite_count": 99999999999999999999999}}]',  # > 64 bits
        b'[{"tweet": {"id": 1.0, "full_text": "float id"}}]',
        b'[{"tweet": {"id_str": true}}]',
        b'[{"tweet": null}]',
        b'[{"tweet": {"id_str": "1", "entities": {"urls": ["https://t.co/a"]}}}]',
        b'[{"tweet": {"id_str": "1", "lang": 5}}]',
        b"[42]",
        b'{"tweet": {}}',
        b'[{"tweet": ',
    ],
)
def test_typed_decoding_leaves_unusual_shapes_to_the_general_path(body: bytes) -> None:
    assert decode_typed_tweets(body) is None


def test_unusual_shapes_read_as_before(tmp_path: Path) -> None:
    body = (
        b'window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "full_text": "a",'
        b' "favorite_count": 99999999999999999999999, "user": {"screen_name": "u"}}},'
        b' {"tweet": {"id": 7, "text": "b", "retweeted_status": {"id_str": "3"}}}]'
    )
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "tweets.js").write_bytes(body)
    with SourceTree(tmp_path) as tree:
        first, second = TwitterArchiveImporter(ImportOptions()).parse(tree)
    assert first.author == "u"
    assert first.extra == {"favorite_count": 99999999999999991611392}  # orjson: a float
    assert (second.external_id, second.repost, second.extra) == ("7", True, {"repost_of": "3"})


def test_errors_in_the_typed_shape_are_reported_by_the_general_path(tmp_path: Path) -> None:
    body = (
        b'window.YTD.tweets.part0 = [{"tweet": {"id_str": "1", "created_at": "yesterday"}},'
        b' {"tweet": {"id_str": " ", "full_text": "no usable id"}}]'
    )
    (tmp_path / "data").mkdir()
    (tmp_path / "data" / "tweets.js").write_bytes(body)
    with SourceTree(tmp_path) as tree, pytest.raises(MalformedInput, match="created_at") as info:
        list(TwitterArchiveImporter(ImportOptions()).parse(tree))
    assert info.value.record == "data/tweets.js#0"


@pytest.mark.parametrize(
    "value",
    [
        "Sat Dec 31 18:59:04 +0000 2016",
        "sat dec 31 18:59:04 +0000 2016",
        "Sat DEC 01 00:00:00 +0000 2016",
        "Sat Dec 31 24:00:00 +0000 2016",
        "Sat Dec 31 185904.1 +0000 2016",
        "Sat Dec 31 18:59:04 +0000 0000",
        "Sat Feb 29 18:59:04 +0000 2017",
        "Sat\tDec 31 18:59:04 +0000 2016",
        "Sat Dec  1 18:59:04 +0000 2016",
    ],
)
def test_fixed_width_time_fast_path_matches_the_split(value: str) -> None:
    """The ISO rebuild of the UTC shape accepts and refuses exactly what the split does."""
    from datetime import UTC, datetime

    from likeness.ingest.importers.fields import _MONTHS

    try:
        _weekday, month, day, clock, _offset, year = value.split()
        hour, minute, second = clock.split(":")
        expected: object = datetime(
            int(year),
            _MONTHS[month.lower()],
            int(day),
            int(hour),
            int(minute),
            int(second),
            tzinfo=UTC,
        )
    except (ValueError, KeyError) as exc:
        expected = type(exc)
    try:
        parsed: object = parse_twitter_time(value)
    except (ValueError, KeyError) as exc:
        parsed = type(exc)
    assert parsed == expected
    if isinstance(parsed, datetime):
        assert parsed.tzinfo is UTC
