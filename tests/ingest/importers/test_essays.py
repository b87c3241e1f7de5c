"""Essays: front matter, titles, filename dates, paragraph-aware chunking, stable chunk ids."""

from __future__ import annotations

import shutil
import zipfile
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from likeness.ingest.importers.essays import EssayImporter, chunk_paragraphs, split_front_matter
from likeness.ingest.importers.fields import parse_partial_date
from likeness.ingest.importers.registry import ImportOptions
from likeness.ingest.records import RawPost
from likeness.ingest.source_tree import SourceTree

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures"
ESSAYS = FIXTURES / "essays"


def _parse(path: Path, options: ImportOptions | None = None) -> list[RawPost]:
    with SourceTree(path) as tree:
        return list(EssayImporter(options or ImportOptions()).parse(tree))


def _essay_copy(tmp_path: Path) -> Path:
    folder = tmp_path / "essays"
    folder.mkdir()
    for item in ESSAYS.iterdir():
        if item.suffix != ".json":
            shutil.copy(item, folder / item.name)
    return folder


def test_folder_imports_only_text_files_in_name_order() -> None:
    posts = _parse(ESSAYS)
    files = [p.record.split("#")[0] for p in posts]
    assert sorted(set(files)) == ["2021-03-04-on-walking.md", "front-matter.md", "long-journal.txt"]
    assert files == sorted(files)
    assert {p.platform for p in posts} == {"essay"}


def test_heading_title_and_filename_date() -> None:
    posts = _parse(ESSAYS / "2021-03-04-on-walking.md")
    assert len(posts) == 1
    post = posts[0]
    assert post.title == "On Walking" and post.extra["title"] == "On Walking"
    assert post.created_at == datetime(2021, 3, 4, tzinfo=UTC)
    assert post.text.startswith("Walking is the best way to think.")
    assert "# On Walking" not in post.text
    assert post.text.endswith("That is the whole essay.")
    assert post.record == "2021-03-04-on-walking.md#chunk 0"
    assert post.extra["chunk_index"] == 0 and post.extra["chunks"] == 1


def test_front_matter_gives_title_and_utc_date() -> None:
    (post,) = _parse(ESSAYS / "front-matter.md")
    assert post.title == "Notes on Rivers"
    assert post.created_at == datetime(2020, 5, 6, 5, 8, 9, tzinfo=UTC)
    assert post.text == (
        "Rivers remember where they have been.\n\nThey carve the same valleys for a thousand years."
    )


def test_no_title_and_no_date_for_plain_text() -> None:
    posts = _parse(ESSAYS / "long-journal.txt")
    assert all(p.title is None and p.created_at is None for p in posts)
    assert all("title" not in p.extra for p in posts)


def test_long_document_chunks_respect_the_limit_and_keep_paragraphs() -> None:
    source = (ESSAYS / "long-journal.txt").read_text()
    paragraphs = [p for p in source.split("\n\n") if p.strip()]
    posts = _parse(ESSAYS / "long-journal.txt")
    assert len(posts) >= 4
    assert all(0 < len(p.text) <= EssayImporter.max_chunk_chars for p in posts)
    assert [p.extra["chunk_index"] for p in posts] == list(range(len(posts)))
    assert {p.extra["chunks"] for p in posts} == {len(posts)}
    # Every short paragraph lands whole in exactly one chunk.
    for paragraph in paragraphs:
        if len(paragraph) <= EssayImporter.max_chunk_chars:
            assert sum(paragraph.strip() in p.text for p in posts) == 1
    # Nothing is lost: the words of the document are the words of the chunks, in order.
    assert " ".join(p.text for p in posts).split() == source.split()


def test_small_limit_splits_at_sentences(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(EssayImporter, "max_chunk_chars", 300)
    posts = _parse(ESSAYS / "long-journal.txt")
    assert all(len(p.text) <= 300 for p in posts)
    assert all(p.text.rstrip()[-1] in ".!?" for p in posts)


def test_chunk_ids_are_stable_across_renames_and_reimports(tmp_path: Path) -> None:
    original = _parse(ESSAYS / "long-journal.txt")
    renamed = tmp_path / "renamed.md"
    shutil.copy(ESSAYS / "long-journal.txt", renamed)
    again = _parse(renamed)
    assert [p.external_id for p in again] == [p.external_id for p in original]
    assert len({p.external_id for p in original}) == len(original)
    doc_hash = original[0].external_id.split(":")[0]
    assert len(doc_hash) == 16
    assert [p.external_id for p in original] == [f"{doc_hash}:{i}" for i in range(len(original))]
    crlf = tmp_path / "crlf.txt"
    crlf.write_bytes((ESSAYS / "long-journal.txt").read_bytes().replace(b"\n", b"\r\n"))
    assert [p.external_id for p in _parse(crlf)] == [p.external_id for p in original]


def test_options_platform_and_author(tmp_path: Path) -> None:
    posts = _parse(ESSAYS / "front-matter.md", ImportOptions(platform="blog", author="@ann"))
    assert posts[0].platform == "blog" and posts[0].author == "ann"


def test_sniff(tmp_path: Path) -> None:
    importer = EssayImporter(ImportOptions())
    folder = _essay_copy(tmp_path)
    (folder / ".DS_Store").write_bytes(b"\x00\x00\x01")
    with SourceTree(folder) as tree:
        assert importer.sniff(tree)
    with SourceTree(ESSAYS / "front-matter.md") as tree:
        assert importer.sniff(tree)
    archive = tmp_path / "essays.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        for item in sorted(folder.glob("*.*")):
            zf.write(item, f"writing/{item.name}")
    with SourceTree(archive) as tree:
        assert importer.sniff(tree)
    assert len(_parse(archive)) == len(_parse(folder))
    binary = tmp_path / "binary.txt"
    binary.write_bytes(b"abc\x00def")
    for path in (
        ESSAYS,  # holds a .json file: not only essays
        binary,
        FIXTURES / "generic" / "posts.csv",
        FIXTURES / "mastodon_api" / "statuses.json",
        FIXTURES / "mastodon_outbox",
    ):
        with SourceTree(path) as tree:
            assert not importer.sniff(tree), path


def test_unreadable_front_matter_date_leaves_the_essay_undated(tmp_path: Path) -> None:
    path = tmp_path / "bad.md"
    path.write_text("---\ndate: the day after tomorrow\n---\nBody.\n")
    (post,) = _parse(path)
    assert post.created_at is None
    assert post.extra["date_unrecognised"] == "the day after tomorrow"


DATED = FIXTURES / "essays_dates"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("month-year.md", datetime(2022, 4, 1, tzinfo=UTC)),  # date: "April 2022"
        ("iso-month.md", datetime(2021, 11, 1, tzinfo=UTC)),  # dateISO: 2021-11
        ("year-only.md", datetime(2019, 1, 1, tzinfo=UTC)),  # a year, not epoch seconds
        ("short-month.md", datetime(2018, 9, 3, tzinfo=UTC)),  # Sept 3, 2018
        ("2017-06-01-undated-front-matter.md", datetime(2017, 6, 1, tzinfo=UTC)),
        ("no-usable-date.md", None),
    ],
)
def test_partial_and_month_name_dates(name: str, expected: datetime | None) -> None:
    (post,) = _parse(DATED / name)
    assert post.created_at == expected
    unreadable = name in ("2017-06-01-undated-front-matter.md", "no-usable-date.md")
    assert ("date_unrecognised" in post.extra) is unreadable


def test_one_undated_essay_does_not_abort_the_folder() -> None:
    posts = _parse(DATED)
    assert len(posts) == 6
    assert sum(p.created_at is None for p in posts) == 1


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Apr 2022", datetime(2022, 4, 1, tzinfo=UTC)),
        ("2022-04", datetime(2022, 4, 1, tzinfo=UTC)),
        ("2022", datetime(2022, 1, 1, tzinfo=UTC)),
        ("5 April 2022", datetime(2022, 4, 5, tzinfo=UTC)),
        ("2020-05-06T07:08:09+02:00", datetime(2020, 5, 6, 5, 8, 9, tzinfo=UTC)),
        ("April", None),  # no year: no date
        ("Tuesday", None),
        ("2022-04-31", None),
    ],
)
def test_parse_partial_date(text: str, expected: datetime | None) -> None:
    assert parse_partial_date(text) == expected


def test_unclosed_front_matter_is_body_text(tmp_path: Path) -> None:
    path = tmp_path / "rule.md"
    path.write_text("---\nnot: front matter\n\nJust text.\n")
    (post,) = _parse(path)
    assert "Just text." in post.text and post.created_at is None


def test_invalid_filename_date_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "2021-13-45-notes.txt"
    path.write_text("Hello.\n")
    assert _parse(path)[0].created_at is None


def test_empty_document_yields_nothing(tmp_path: Path) -> None:
    path = tmp_path / "empty.md"
    path.write_text("---\ntitle: Nothing\n---\n\n\n")
    assert _parse(path) == []


def test_split_front_matter_unquotes_and_ignores_other_lines() -> None:
    fields, body = split_front_matter("---\ntitle: 'A: B'\n- list item\ndate: 2020-01-02\n---\nX")
    assert fields == {"title": "A: B", "date": "2020-01-02"}
    assert body == "X"


_WORD = st.text(st.characters(min_codepoint=33, max_codepoint=126), min_size=1, max_size=80)
_PARAGRAPH = st.lists(_WORD, min_size=1, max_size=60).map(" ".join)


@given(st.lists(_PARAGRAPH, min_size=1, max_size=12), st.integers(20, 400))
@settings(max_examples=200)
@example(['0 0000000 0000000?" 0'], 20)  # a closing quote after "?" once fell into the split
def test_chunks_never_exceed_the_limit_and_lose_no_words(paragraphs: list[str], limit: int) -> None:
    body = "\n\n".join(paragraphs)
    chunks = chunk_paragraphs(body, limit)
    assert all(0 < len(c) <= limit for c in chunks)
    assert "".join(" ".join(chunks).split()) == "".join(body.split())
