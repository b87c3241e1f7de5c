"""End-to-end import behaviour on SQLite and PostgreSQL: idempotence, atomicity, hostile input."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import orjson
import pytest
from sqlalchemy import Engine, func, select, update
from sqlalchemy.orm import Session

from likeness.core.db.models import Post, Source
from likeness.core.flags import PostFlag
from likeness.core.settings import Settings
from likeness.ingest.corpus import list_posts, persona_stats
from likeness.ingest.errors import (
    MalformedInput,
    OutsideImportRoot,
    TooLarge,
    UnsafeArchive,
)
from likeness.ingest.importing import import_path, import_upload, resolve_server_path


def tweet(i: int, text: str, minute: int | None = None, **extra: object) -> dict:
    minute = i * 60 if minute is None else minute
    day, rest = divmod(minute, 24 * 60)
    hour, mins = divmod(rest, 60)
    return {
        "tweet": {
            "id_str": str(1000 + i),
            "id": str(1000 + i),
            "created_at": f"Mon Jan {1 + day:02d} {hour:02d}:{mins:02d}:00 +0000 2024",
            "full_text": text,
            "entities": {"urls": [], "hashtags": [], "user_mentions": []},
            **extra,
        }
    }


def write_archive(folder: Path, tweets: list[dict]) -> Path:
    data = folder / "data"
    data.mkdir(parents=True, exist_ok=True)
    (data / "tweets.js").write_bytes(b"window.YTD.tweets.part0 = " + orjson.dumps(tweets))
    manifest = {"userInfo": {"accountId": "7", "userName": "alice", "displayName": "Alice"}}
    (data / "manifest.js").write_bytes(b"window.__THAR_CONFIG = " + orjson.dumps(manifest))
    return folder


SAMPLE = [
    tweet(1, "Good morning &amp; welcome to the harbour"),
    tweet(2, "RT @bob: something bob said"),
    tweet(3, "The ferry is late again..."),
    tweet(4, "...and the gulls are laughing at us", minute=3 * 60 + 2),
    tweet(5, "Good morning & welcome to the harbour!"),
    tweet(6, "@bob @carol"),
    tweet(7, "https://t.co/abc123"),
]


@pytest.fixture
def settings(tmp_path: Path, db_url: str) -> Settings:
    return Settings(data_dir=tmp_path / "data", database_url=db_url)


def count_posts(engine: Engine) -> int:
    with Session(engine) as session:
        return session.scalar(select(func.count()).select_from(Post)) or 0


def test_import_counts_and_flags(engine: Engine, settings: Settings, tmp_path: Path) -> None:
    archive = write_archive(tmp_path / "a", SAMPLE)
    summary = import_path(engine, archive, "alice", settings=settings)
    assert summary.read == 7
    assert summary.new == 7
    assert summary.format == "twitter-archive"
    assert summary.flagged["repost"] == 1
    assert summary.flagged["merged"] == 1
    assert summary.flagged["handle_only"] == 1
    assert summary.flagged["url_only"] == 1
    assert summary.duplicates == 1
    assert summary.kept == 2  # the welcome post and the merged thread head
    page = list_posts(engine, "alice", kept_only=True)
    texts = [p.clean_text for p in page.posts]
    assert "The ferry is late again and the gulls are laughing at us" in texts
    assert "Good morning & welcome to the harbour" in texts


def test_reimport_adds_no_rows_and_keeps_normalised_text(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    archive = write_archive(tmp_path / "a", SAMPLE)
    first = import_path(engine, archive, "alice", settings=settings)
    with Session(engine) as session, session.begin():
        session.execute(
            update(Post).values(
                normalized_text="hand approved", normalized_approved=True, split="train"
            )
        )
    again = import_path(engine, archive, "alice", settings=settings)
    assert again.new == 0
    assert again.source_seen_before
    assert (again.kept, again.flagged, again.duplicates) == (
        first.kept,
        first.flagged,
        first.duplicates,
    )
    with Session(engine) as session:
        rows = session.scalars(select(Post)).all()
        assert len(rows) == 7
        assert {r.normalized_text for r in rows} == {"hand approved"}
        assert {r.split for r in rows} == {"train"}
        assert session.scalar(select(func.count()).select_from(Source)) == 1


def test_new_archive_with_overlap_adds_only_new_posts(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    import_path(engine, write_archive(tmp_path / "a", SAMPLE[:4]), "alice", settings=settings)
    later = import_path(engine, write_archive(tmp_path / "b", SAMPLE), "alice", settings=settings)
    assert later.new == 3
    assert count_posts(engine) == 7


def test_bad_record_writes_nothing_and_names_the_record(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    broken = [*SAMPLE, {"tweet": {"full_text": "no id and no date"}}]
    with pytest.raises(MalformedInput) as info:
        import_path(engine, write_archive(tmp_path / "a", broken), "alice", settings=settings)
    assert "tweets.js" in str(info.value)
    assert count_posts(engine) == 0


def test_ten_megabyte_post_is_refused(engine: Engine, settings: Settings, tmp_path: Path) -> None:
    huge = [*SAMPLE, tweet(99, "A" * (10 * 1024 * 1024))]
    with pytest.raises(TooLarge) as info:
        import_path(engine, write_archive(tmp_path / "a", huge), "alice", settings=settings)
    assert "characters" in str(info.value)
    assert count_posts(engine) == 0


def test_malformed_json_is_refused(engine: Engine, settings: Settings, tmp_path: Path) -> None:
    folder = write_archive(tmp_path / "a", SAMPLE)
    (folder / "data" / "tweets.js").write_bytes(b'window.YTD.tweets.part0 = [{"tweet": {')
    with pytest.raises(MalformedInput, match="malformed JSON"):
        import_path(engine, folder, "alice", settings=settings)
    assert count_posts(engine) == 0


def test_deeply_nested_json_is_refused(engine: Engine, settings: Settings, tmp_path: Path) -> None:
    folder = write_archive(tmp_path / "a", SAMPLE)
    nested = b"[" * 5000 + b"]" * 5000
    (folder / "data" / "tweets.js").write_bytes(b"window.YTD.tweets.part0 = " + nested)
    with pytest.raises(MalformedInput, match="nested too deeply"):
        import_path(engine, folder, "alice", settings=settings)
    assert count_posts(engine) == 0


def _zip(path: Path, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def test_zip_bomb_is_refused(engine: Engine, settings: Settings, tmp_path: Path) -> None:
    bomb = _zip(tmp_path / "bomb.zip", {"data/tweets.js": b"\0" * (64 * 1024 * 1024)})
    assert bomb.stat().st_size < 1024 * 1024
    with pytest.raises(UnsafeArchive, match="zip bomb"):
        import_path(engine, bomb, "alice", settings=settings)
    assert count_posts(engine) == 0


def test_zip_total_size_limit(engine: Engine, tmp_path: Path, db_url: str) -> None:
    small = Settings(data_dir=tmp_path / "d", database_url=db_url, max_archive_bytes=1000)
    archive = _zip(tmp_path / "big.zip", {"data/tweets.js": orjson.dumps(SAMPLE) * 10})
    with pytest.raises(UnsafeArchive, match="inflates"):
        import_path(engine, archive, "alice", settings=small)


def test_path_traversal_in_zip_is_refused(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    archive = _zip(
        tmp_path / "evil.zip",
        {"data/tweets.js": b"window.YTD.tweets.part0 = []", "../../etc/evil": b"x"},
    )
    with pytest.raises(UnsafeArchive, match="outside"):
        import_path(engine, archive, "alice", settings=settings)
    assert not (tmp_path.parent / "etc" / "evil").exists()


def test_zipped_archive_imports_like_the_folder(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    folder = write_archive(tmp_path / "a", SAMPLE)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for file in (folder / "data").iterdir():
            archive.write(file, f"twitter-2024/data/{file.name}")
    zipped = tmp_path / "twitter-2024.zip"
    zipped.write_bytes(buffer.getvalue())
    from_zip = import_path(engine, zipped, "alice", settings=settings)
    assert from_zip.new == 7
    again = import_path(engine, folder, "alice", settings=settings)
    assert again.new == 0
    assert again.source_seen_before  # same contents, same source identity


def test_upload_is_spooled_and_removed(engine: Engine, settings: Settings, tmp_path: Path) -> None:
    body = b"window.YTD.tweets.part0 = " + orjson.dumps(SAMPLE)
    summary = import_upload(engine, [body[:50], body[50:]], "tweets.js", "alice", settings=settings)
    assert summary.new == 7
    assert list((settings.data_dir / "uploads").iterdir()) == []


def test_upload_over_the_limit_writes_nothing(engine: Engine, tmp_path: Path, db_url: str) -> None:
    small = Settings(data_dir=tmp_path / "d", database_url=db_url, max_upload_bytes=100)
    with pytest.raises(TooLarge):
        import_upload(engine, [b"x" * 60, b"x" * 60], "tweets.js", "alice", settings=small)
    assert count_posts(engine) == 0


def test_server_paths_stay_inside_the_import_root(tmp_path: Path) -> None:
    root = tmp_path / "imports"
    (root / "alice").mkdir(parents=True)
    assert resolve_server_path("alice", root) == (root / "alice").resolve()
    with pytest.raises(OutsideImportRoot):
        resolve_server_path("../secrets", root)
    with pytest.raises(OutsideImportRoot):
        resolve_server_path("/etc/passwd", root)
    (root / "link").symlink_to("/etc")
    with pytest.raises(OutsideImportRoot):
        resolve_server_path("link/passwd", root)


def test_stats_count_by_platform_year_and_flag(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    import_path(engine, write_archive(tmp_path / "a", SAMPLE), "alice", settings=settings)
    stats = persona_stats(engine, "alice")
    assert stats.total == 7
    assert stats.by_platform == {"twitter": 7}
    assert stats.by_year == {"2024": 7}
    assert stats.by_flag["repost"] == 1
    assert stats.kept + stats.flagged == 7
    assert stats.sources == 1


def test_list_posts_filters_and_pages(engine: Engine, settings: Settings, tmp_path: Path) -> None:
    import_path(engine, write_archive(tmp_path / "a", SAMPLE), "alice", settings=settings)
    reposts = list_posts(engine, "alice", flags_any=["repost"])
    assert [p.external_id for p in reposts.posts] == ["1002"]
    assert all("repost" in p.flags and not p.kept for p in reposts.posts)
    first = list_posts(engine, "alice", page_size=4)
    assert len(first.posts) == 4 and first.total == 7 and first.next_page_token
    second = list_posts(engine, "alice", page_size=4, page_token=first.next_page_token)
    assert len(second.posts) == 3 and not second.next_page_token
    seen = {p.id for p in first.posts} | {p.id for p in second.posts}
    assert len(seen) == 7
    # The continuation keeps its own text and the thread head now holds both halves.
    found = list_posts(engine, "alice", query="GULLS")
    assert found.total == 2
    head, continuation = found.posts
    assert head.kept and head.thread_id == head.id
    assert "merged" in continuation.flags and continuation.thread_id == head.id


@pytest.mark.corpora
@pytest.mark.parametrize(
    ("relative", "fmt", "records"),
    [
        ("x-archive-andreruffert", "twitter-archive", 1986),
        ("trump-tta/condensed_2016.json", "tta", 4225),
        ("factbase-sample", "factbase", 4225),
    ],
)
def test_real_exports_import_once(
    engine: Engine, settings: Settings, corpora: Path, relative: str, fmt: str, records: int
) -> None:
    summary = import_path(engine, corpora / relative, "real", settings=settings)
    assert summary.format == fmt
    assert summary.read == records
    assert summary.new == records - summary.repeated
    assert summary.flagged.get("repost", 0) > 0
    assert 0 < summary.kept < records
    stats = persona_stats(engine, "real")
    assert stats.total == summary.new
    assert stats.kept == summary.kept
    again = import_path(engine, corpora / relative, "real", settings=settings)
    assert again.new == 0
    assert (again.kept, again.flagged) == (summary.kept, summary.flagged)


@pytest.mark.corpora
def test_the_same_tweets_from_two_exports_are_stored_once(
    engine: Engine, settings: Settings, corpora: Path
) -> None:
    # The Factbase sample re-shapes the same 2016 tweets the Trump Twitter Archive holds.
    tta = import_path(engine, corpora / "trump-tta/condensed_2016.json", "dt", settings=settings)
    factbase = import_path(engine, corpora / "factbase-sample", "dt", settings=settings)
    assert tta.new == 4225
    assert factbase.new == 0
    assert count_posts(engine) == 4225


def test_stored_rows_equal_the_batch_cleaning_result(engine: Engine, settings: Settings) -> None:
    """Streaming writes plus the later fix-ups store exactly what batch cleaning computes."""
    from likeness.ingest.cleaning.pipeline import clean_posts
    from likeness.ingest.importers.registry import choose_importer
    from likeness.ingest.source_tree import SourceTree

    sample = Path(__file__).resolve().parents[2] / "examples" / "sample-archive"
    import_path(engine, sample, "mags", settings=settings)
    with SourceTree(sample) as tree:
        raws = list(choose_importer(tree).parse(tree))
    expected = {
        p.id: (p.clean_text, p.flags, p.thread_id, p.duplicate_of, p.dedupe_key)
        for p in clean_posts(raws, "mags").posts
    }
    with Session(engine) as session:
        stored = {
            p.id: (p.clean_text, p.flags, p.thread_id, p.duplicate_of, p.dedupe_key)
            for p in session.scalars(select(Post))
        }
    assert stored == expected
    assert any(flags & int(PostFlag.MERGED) for _, flags, *_ in stored.values())


def test_new_continuation_of_a_stored_thread_keeps_its_words(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    head = tweet(1, "The ferry is late again...")
    tail = tweet(2, "...and the gulls are laughing at us", minute=62)
    import_path(engine, write_archive(tmp_path / "a", [head]), "alice", settings=settings)
    later = import_path(
        engine, write_archive(tmp_path / "b", [head, tail]), "alice", settings=settings
    )
    assert later.new == 1
    kept = list_posts(engine, "alice", kept_only=True)
    assert any("gulls" in p.clean_text for p in kept.posts)


def test_private_mastodon_posts_never_reach_the_database(
    engine: Engine, settings: Settings
) -> None:
    outbox = Path(__file__).resolve().parents[1] / "fixtures" / "mastodon_outbox"
    summary = import_path(engine, outbox, "alice", settings=settings)
    assert summary.format == "mastodon-outbox"
    assert summary.skipped and sum(summary.skipped.values()) == 3
    with Session(engine) as session:
        texts = " ".join(p.raw_text + p.clean_text for p in session.scalars(select(Post)))
    assert texts
    for secret in ("FOLLOWERSECRET", "DIRECTSECRET", "door code"):
        assert secret not in texts


def test_nul_characters_do_not_break_postgres(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    archive = write_archive(tmp_path / "a", [tweet(1, "a NUL\u0000 in the middle")])
    assert import_path(engine, archive, "alice", settings=settings).new == 1
    (post,) = list_posts(engine, "alice").posts
    assert post.raw_text == "a NUL\ufffd in the middle"
    assert "\x00" not in post.clean_text


FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"


def test_trimmed_truth_social_archive_imports_without_format(
    engine: Engine, settings: Settings
) -> None:
    archive = FIXTURES / "truth_social" / "trimmed_statuses.json"
    summary = import_path(engine, archive, "keeper", settings=settings)
    assert (summary.format, summary.new) == ("mastodon-api", 3)
    assert {p.platform for p in list_posts(engine, "keeper").posts} == {"truth_social"}


def test_essays_with_month_year_dates_import_as_one_batch(
    engine: Engine, settings: Settings
) -> None:
    summary = import_path(engine, FIXTURES / "essays_dates", "essayist", settings=settings)
    assert (summary.format, summary.new) == ("essays", 6)
    dates = {p.created_at for p in list_posts(engine, "essayist").posts}
    assert None in dates and len(dates) == 6


def test_client_truncated_tweets_are_flagged_and_kept_out(
    engine: Engine, settings: Settings, tmp_path: Path
) -> None:
    cut = [
        tweet(i, f"Post {i} ran longer than the client allowed, so (cont) http://t.co/c{i}")
        for i in range(1, 3)
    ]
    whole = [tweet(i, f"Post {i} fits in one tweet") for i in range(3, 21)]
    summary = import_path(
        engine, write_archive(tmp_path / "a", cut + whole), "alice", settings=settings
    )
    assert summary.flagged["truncated"] == 2
    assert summary.kept == 18
    kept = {p.external_id for p in list_posts(engine, "alice", kept_only=True).posts}
    assert kept == {str(1000 + i) for i in range(3, 21)}


def test_a_2012_archive_with_client_cut_posts(engine: Engine, settings: Settings) -> None:
    archive = FIXTURES / "twitter_archive_2012_cont"
    summary = import_path(engine, archive, "harbour", settings=settings)
    assert (summary.format, summary.read) == ("twitter-archive", 10)
    truncated = {p.clean_text for p in list_posts(engine, "harbour", flags_any=["truncated"]).posts}
    assert truncated == {
        "The council meeting ran long tonight and I have a lot to say about the new pier plans "
        "(cont)",
        "Three things I learned from the storm: first, never trust the forecast; second, the "
        "(cont'd) http://tl.gd/h4rb0r",
        "Why the old quay should stay open to fishing boats and not become a car park for the...",
    }  # not the repost, not the photo's own link, not a plain trailing ellipsis
    kept = list_posts(engine, "harbour", kept_only=True).posts
    assert not any("(cont" in p.clean_text for p in kept)
