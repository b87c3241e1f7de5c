"""Typed import errors. Each names the file and, where known, the record that caused it."""

from __future__ import annotations


class IngestError(Exception):
    """Base class: an import that cannot go on. Nothing has been written when it is raised."""

    code = "invalid_input"

    def __init__(self, message: str, *, path: str | None = None, record: str | None = None):
        self.message = message
        self.path = path
        self.record = record
        super().__init__(str(self))

    def __str__(self) -> str:
        where = ""
        if self.path:
            where = f"{self.path}"
            if self.record:
                where += f" [{self.record}]"
            where += ": "
        return f"{where}{self.message}"


class UnknownFormat(IngestError):
    code = "unknown_format"


class MalformedInput(IngestError):
    code = "malformed"


class UnsafeArchive(IngestError):
    """Zip bombs, path traversal, links out of the archive."""

    code = "unsafe_archive"


class TooLarge(IngestError):
    code = "too_large"


class OutsideImportRoot(IngestError):
    code = "permission_denied"


class NotFound(IngestError):
    code = "not_found"


class InvalidArgument(IngestError):
    code = "invalid_argument"


class InvalidEncoding(MalformedInput):
    """A file that should be UTF-8 text is not; says at which byte."""

    @classmethod
    def from_decode_error(
        cls, exc: UnicodeDecodeError, *, path: str, record: str | None = None
    ) -> InvalidEncoding:
        return cls(f"not UTF-8 text (byte {exc.start}): {exc.reason}", path=path, record=record)


class CorruptArchive(UnsafeArchive):
    """A zip member that does not inflate to what the archive declares (CRC, size, stream)."""


class NothingToImport(InvalidArgument):
    """The export holds no records at all (an empty file, an empty folder). No rows are written:
    an import that reads nothing leaves no source row behind."""
