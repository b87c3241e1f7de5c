"""All importers, in detection order, and auto-detection by content."""

from __future__ import annotations

from dataclasses import dataclass, field

from likeness.ingest.errors import MalformedInput, UnknownFormat
from likeness.ingest.importers.base import Importer
from likeness.ingest.source_tree import SourceTree


@dataclass(slots=True)
class ImportOptions:
    #: generic JSONL/CSV: our field -> the file's column, e.g. {"text": "body", "id": "post_id"}
    column_map: dict[str, str] = field(default_factory=dict)
    #: platform to record for generic tables and essays (default "generic" / "essay")
    platform: str | None = None
    #: the account's own handle, when the export does not say (used to spot self-replies)
    author: str | None = None


def all_importers(options: ImportOptions | None = None) -> list[Importer]:
    from likeness.ingest.importers.essays import EssayImporter
    from likeness.ingest.importers.factbase import FactbaseImporter
    from likeness.ingest.importers.generic_table import CsvImporter, JsonlImporter
    from likeness.ingest.importers.mastodon_api import MastodonApiImporter
    from likeness.ingest.importers.mastodon_outbox import MastodonOutboxImporter
    from likeness.ingest.importers.trump_twitter_archive import TrumpTwitterArchiveImporter
    from likeness.ingest.importers.twitter_archive import TwitterArchiveImporter

    opts = options or ImportOptions()
    # Most specific first: generic tables and essays accept almost anything, so they go last.
    return [
        TwitterArchiveImporter(opts),
        FactbaseImporter(opts),
        TrumpTwitterArchiveImporter(opts),
        MastodonOutboxImporter(opts),
        MastodonApiImporter(opts),
        JsonlImporter(opts),
        CsvImporter(opts),
        EssayImporter(opts),
    ]


def format_names() -> list[str]:
    return [imp.name for imp in all_importers()]


def choose_importer(
    tree: SourceTree, fmt: str = "auto", options: ImportOptions | None = None
) -> Importer:
    importers = all_importers(options)
    if fmt != "auto":
        for importer in importers:
            if importer.name == fmt:
                return importer
        raise UnknownFormat(
            f"unknown format {fmt!r}; choose one of: auto, {', '.join(i.name for i in importers)}"
        )
    for importer in importers:
        try:
            found = importer.sniff(tree)
        except RecursionError:
            # A sniffer's parser recursed per nesting level of a hostile file.
            raise MalformedInput(
                "nested too deeply to detect its format (refused as hostile)", path=str(tree.path)
            ) from None
        if found:
            return importer
    raise UnknownFormat(
        "could not recognise this export; pass --format (one of: "
        + ", ".join(i.name for i in importers)
        + ")",
        path=str(tree.path),
    )
