"""What the importers share: their options, and which files of an export they read."""

from __future__ import annotations

from likeness.ingest.importers.fields import JSON_EXTENSION, data_files
from likeness.ingest.importers.registry import ImportOptions
from likeness.ingest.source_tree import SourceTree


class FileImporter:
    """Base of the importers: ``files`` lists what ``parse`` reads, in natural name order."""

    #: the extensions (lower-case, with the dot) of the files read from a folder or zip
    extensions: frozenset[str] = frozenset()
    #: a lone file given directly is read whatever its name (a renamed download)
    any_lone_file = False

    def __init__(self, options: ImportOptions):
        self.options = options

    def files(self, tree: SourceTree) -> list[str]:
        if self.any_lone_file and tree.kind == "file":
            return tree.names()
        return data_files(tree, self.extensions)


class JsonFileImporter(FileImporter):
    """An importer of ``.json`` files: those of a folder or zip, or one file of any name."""

    extensions = JSON_EXTENSION
    any_lone_file = True
