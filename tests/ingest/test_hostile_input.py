"""Hostile and empty input: a clean IngestError that names the file, and an unchanged database."""

from __future__ import annotations

import struct
import zipfile
from pathlib import Path

import orjson
import pytest
from sqlalchemy import Engine, func, select
from sqlalchemy.orm import Session

from likeness.core.db import create_db_engine
from likeness.core.db.models import Persona, Post, Source
from likeness.core.settings import Settings
from likeness.ingest.corpus import list_posts
from likeness.ingest.errors import (
    CorruptArchive,
    IngestError,
    InvalidEncoding,
    MalformedInput,
    NothingToImport,
)
from likeness.ingest.importing import import_path


def tweet(i: int, text: str, **fields: object) -> dict:
    return {
        "tweet": {
            "id_str": str(1000 + i),
            "created_at": "Mon Jan 01 12:00:00 +0000 2024",
            "full_text": text,
            **fields,
        }
    }


def tweets_js(tweets: list[dict]) -> bytes:
    return b"window.YTD.tweets.part0 = " + orjson.dumps(tweets)


def archive_folder(root: Path, payload: bytes) -> Path:
    (root / "data").mkdir(parents=True)
    (root / "data" / "tweets.js").write_bytes(payload)
    return root


@pytest.fixture
def settings(tmp_path: Path, db_url: str) -> Settings:
    return Settings(data_dir=tmp_path / "data", database_url=db_url)


def rows(engine: Engine) -> tuple[int, int, int]:
    """(personas, sources, posts): every import below must leave all three at zero."""
    with Session(engine) as session:
        return tuple(  # type: ignore[return-value]
            session.scalar(select(func.count()).select_from(model)) or 0
            for model in (Persona, Source, Post)
        )


def refused(engine: Engine, path: Path, settings: Settings, **kwargs: object) -> IngestError:
    with pytest.raises(IngestError) as info:
        import_path(engine, path, "alice", settings=settings, **kwargs)  # type: ignore[arg-type]
    assert rows(engine) == (0, 0, 0)
    return info.value


def test_invalid_utf8_in_tweets_js_names_the_file_and_byte(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    good = tweets_js([tweet(1, "fine"), tweet(2, "PLACEHOLDER")])
    bad = good.replace(b"PLACEHOLDER", b"caf\xe9 \xff")
    folder = archive_folder(tmp_path / "a", bad)
    error = refused(engine, folder, settings)
    assert isinstance(error, InvalidEncoding)
    assert error.path == f"{folder}/data/tweets.js"
    offset = bad.index(b"\xe9")
    assert f"byte {offset}" in str(error)  # a byte of the file, not of the JSON payload


def test_deeply_nested_json_fails_detection_cleanly(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    # The stdlib decoder of the Mastodon sniffer recursed once per level: RecursionError.
    hostile = tmp_path / "statuses.json"
    hostile.write_bytes(b"[" + b'{"a":' * 50_000 + b"1" + b"}" * 50_000 + b"]")
    error = refused(engine, hostile, settings)
    assert isinstance(error, MalformedInput)
    assert "nested too deeply" in str(error)
    assert error.path == str(hostile)


def _lie_about_crc(path: Path, name: str, data: bytes) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(name, data)
    (info,) = zipfile.ZipFile(path).infolist()
    # The declared CRC (local header and central directory) no longer matches the data.
    data = path.read_bytes().replace(struct.pack("<I", info.CRC), struct.pack("<I", info.CRC ^ 1))
    path.write_bytes(data)
    return path


def _zip_with_lying_crc(path: Path) -> Path:
    payload = tweets_js([tweet(i, f"post number {i}") for i in range(50)])
    return _lie_about_crc(path, "data/tweets.js", payload)


def _factbase_zip_with_lying_crc(path: Path) -> Path:
    # Factbase is sniffed by parsing whole pages: the damage must not read as "not a page".
    items = [
        {"id": str(i), "platform": "Twitter", "text": f"post {i}", "social": {}} for i in range(3)
    ]
    page = orjson.dumps({"meta": {"page": 1}, "data": items, "stats": {}})
    return _lie_about_crc(path, "0001.json", page)


def _zip_with_broken_stream(path: Path) -> Path:
    payload = tweets_js([tweet(i, f"post number {i} " * 5) for i in range(200)])
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("data/tweets.js", payload)
    data = bytearray(path.read_bytes())
    for offset in range(80, 120):  # inside the deflate stream, after the local header
        data[offset] ^= 0x55
    path.write_bytes(bytes(data))
    return path


@pytest.mark.parametrize(
    ("build", "member"),
    [
        (_zip_with_lying_crc, "data/tweets.js"),
        (_zip_with_broken_stream, "data/tweets.js"),
        (_factbase_zip_with_lying_crc, "0001.json"),
    ],
)
def test_damaged_zip_member_is_a_clean_error(
    engine: Engine, settings: Settings, tmp_path: Path, build: object, member: str
) -> None:
    archive = build(tmp_path / "damaged.zip")  # type: ignore[operator]
    error = refused(engine, archive, settings)
    assert isinstance(error, CorruptArchive)
    assert error.path == f"{archive}!{member}"
    assert "damaged" in str(error)


@pytest.mark.postgres
def test_nul_in_id_and_author_is_replaced_on_postgres(pg_url: str, tmp_path: Path) -> None:
    engine = create_db_engine(pg_url)
    settings = Settings(data_dir=tmp_path / "data", database_url=pg_url)
    hostile = [
        tweet(1, "a NUL in the id", id_str="12\u00003"),
        tweet(2, "a NUL in the author", user={"screen_name": "ev\u0000il", "id_str": "9\u00009"}),
        tweet(3, "a NUL in the reply", in_reply_to_status_id_str="5\u00005"),
    ]
    folder = archive_folder(tmp_path / "a", tweets_js(hostile))
    try:
        summary = import_path(engine, folder, "nulpersona", settings=settings)
        assert summary.new == 3
        posts = {p.external_id: p for p in list_posts(engine, "nulpersona").posts}
        assert set(posts) == {"12\ufffd3", "1002", "1003"}
        assert posts["1002"].author == "ev\ufffdil"
        # Stable: the same export again adds nothing.
        assert import_path(engine, folder, "nulpersona", settings=settings).new == 0
    finally:
        with engine.begin() as conn:
            persona = conn.scalar(select(Persona.id).where(Persona.slug == "nulpersona"))
            conn.execute(Post.__table__.delete().where(Post.persona_id == persona))
            conn.execute(Source.__table__.delete().where(Source.persona_id == persona))
            conn.execute(Persona.__table__.delete().where(Persona.id == persona))
        engine.dispose()


def test_empty_text_file_imports_nothing_and_says_so(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    empty = tmp_path / "notes.txt"
    empty.write_bytes(b"")
    error = refused(engine, empty, settings)
    assert isinstance(error, NothingToImport)
    assert "the file is empty" in str(error)
    assert error.path == str(empty)


@pytest.mark.parametrize("fmt", ["auto", "essays"])
def test_empty_folder_imports_nothing_and_says_so(
    engine: Engine, settings: Settings, tmp_path: Path, fmt: str
) -> None:
    folder = tmp_path / "essays"
    folder.mkdir()
    error = refused(engine, folder, settings, fmt=fmt)
    assert isinstance(error, NothingToImport)
    assert "holds no files" in str(error)


def test_an_export_without_records_writes_no_source_row(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    folder = archive_folder(tmp_path / "a", tweets_js([]))
    error = refused(engine, folder, settings)
    assert isinstance(error, NothingToImport)
    assert "no posts in this twitter-archive export" in str(error)


def test_only_private_posts_say_what_was_left_out(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    statuses = [
        {
            "id": "1",
            "created_at": "2024-01-01T00:00:00Z",
            "content": "<p>for followers</p>",
            "visibility": "private",
            "account": {"id": "7", "username": "alice"},
        }
    ]
    path = tmp_path / "statuses.json"
    path.write_bytes(orjson.dumps(statuses))
    error = refused(engine, path, settings)
    assert isinstance(error, NothingToImport)
    assert "private 1" in str(error)
