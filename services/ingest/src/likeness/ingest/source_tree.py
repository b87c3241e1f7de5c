"""Read an export safely, whether it is one file, an unpacked folder or a ``.zip``.

Archives are hostile input: members whose names escape the archive, links, zip bombs (by
compression ratio and by total size) and oversized files are refused before anything is read.
The tree remembers the hash of every file an importer reads; ``sha256`` (the source's identity,
used to recognise a re-import) is computed from those contents alone, not from names or media
the importer never touched.
"""

from __future__ import annotations

import hashlib
import lzma
import stat
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from likeness.ingest.errors import (
    CorruptArchive,
    IngestError,
    InvalidEncoding,
    TooLarge,
    UnsafeArchive,
)

# A small member may compress extremely well (a file of spaces); only big ones can be bombs.
RATIO_CHECK_MIN_BYTES = 1024 * 1024
# What zipfile raises for a member whose data lies: a bad CRC, a short or overlong stream, a
# broken deflate/bzip2/lzma stream (bz2 reports as OSError), an unsupported compression method.
_MEMBER_READ_ERRORS = (
    zipfile.BadZipFile,
    zlib.error,
    lzma.LZMAError,
    EOFError,
    OSError,
    NotImplementedError,
)


@dataclass(frozen=True, slots=True)
class TreeLimits:
    max_file_bytes: int = 1024 * 1024 * 1024
    max_archive_bytes: int = 4 * 1024 * 1024 * 1024
    max_compression_ratio: float = 200.0


def _safe_member_name(name: str) -> str:
    posix = PurePosixPath(name.replace("\\", "/"))
    if posix.is_absolute() or ".." in posix.parts or (posix.parts and ":" in posix.parts[0]):
        raise UnsafeArchive(f"member {name!r} points outside the archive")
    return str(posix)


class SourceTree:
    """Uniform read access to the files of an export."""

    def __init__(self, path: Path, limits: TreeLimits | None = None):
        self.path = path
        self.limits = limits or TreeLimits()
        self.display_name = path.name
        self._read_hashes: dict[str, str] = {}
        self._zip: zipfile.ZipFile | None = None
        self._sizes: dict[str, int] = {}
        if not path.exists():
            raise IngestError("no such file or folder", path=str(path))
        if path.is_dir():
            self.kind = "folder"
            self._index_folder()
        elif zipfile.is_zipfile(path):
            self.kind = "zip"
            self._index_zip()
        else:
            self.kind = "file"
            self._sizes = {path.name: path.stat().st_size}

    # -- indexing -------------------------------------------------------------------------
    def _index_folder(self) -> None:
        root = self.path.resolve()
        for item in sorted(root.rglob("*")):
            rel = item.relative_to(root).as_posix()
            if item.is_symlink():
                target = item.resolve()
                if not target.is_relative_to(root):
                    raise UnsafeArchive(f"link {rel!r} points outside the folder", path=str(root))
            if item.is_file():
                self._sizes[rel] = item.stat().st_size

    def _index_zip(self) -> None:
        try:
            self._zip = zipfile.ZipFile(self.path)
        except (zipfile.BadZipFile, OSError) as exc:
            raise UnsafeArchive(f"not a readable zip archive: {exc}", path=str(self.path)) from exc
        total = 0
        for info in self._zip.infolist():
            name = _safe_member_name(info.filename)
            mode = info.external_attr >> 16
            if mode and stat.S_ISLNK(mode):
                raise UnsafeArchive(f"member {name!r} is a link", path=str(self.path))
            if info.is_dir():
                continue
            if info.flag_bits & 0x1:
                raise UnsafeArchive(f"member {name!r} is encrypted", path=str(self.path))
            total += info.file_size
            if total > self.limits.max_archive_bytes:
                raise UnsafeArchive(
                    f"archive inflates to more than {self.limits.max_archive_bytes} bytes "
                    "(zip bomb?)",
                    path=str(self.path),
                )
            if info.file_size >= RATIO_CHECK_MIN_BYTES:
                ratio = info.file_size / max(info.compress_size, 1)
                if ratio > self.limits.max_compression_ratio:
                    raise UnsafeArchive(
                        f"member {name!r} has compression ratio {ratio:.0f}:1 "
                        f"(limit {self.limits.max_compression_ratio:.0f}; zip bomb?)",
                        path=str(self.path),
                    )
            self._sizes[name] = info.file_size
        self._members = {
            _safe_member_name(i.filename): i for i in self._zip.infolist() if not i.is_dir()
        }

    # -- access ---------------------------------------------------------------------------
    def names(self) -> list[str]:
        """Relative POSIX paths of every regular file, sorted."""
        return sorted(self._sizes)

    def size(self, name: str) -> int:
        return self._sizes[name]

    def read_bytes(self, name: str) -> bytes:
        if name not in self._sizes:
            raise IngestError(f"no file {name!r} in this export", path=str(self.path))
        limit = self.limits.max_file_bytes
        if self._sizes[name] > limit:
            raise TooLarge(
                f"{self._sizes[name]} bytes is more than the {limit}-byte limit per file",
                path=self.where(name),
            )
        if self.kind == "zip":
            # Never trust the declared size: read one byte past the limit to catch liars.
            data = self._read_member(name, limit + 1)
            if len(data) > limit:
                raise UnsafeArchive("member inflates past its declared size", path=self.where(name))
        elif self.kind == "folder":
            data = (self.path / name).read_bytes()
        else:
            data = self.path.read_bytes()
        self._read_hashes[name] = hashlib.sha256(data).hexdigest()
        return data

    def peek(self, name: str, limit: int = 64 * 1024) -> bytes:
        """The first ``limit`` bytes of a file, for sniffing; not part of the source identity."""
        if name not in self._sizes:
            raise IngestError(f"no file {name!r} in this export", path=str(self.path))
        if self.kind == "zip":
            return self._read_member(name, limit)
        target = self.path / name if self.kind == "folder" else self.path
        with target.open("rb") as handle:
            return handle.read(limit)

    def _read_member(self, name: str, limit: int) -> bytes:
        assert self._zip is not None
        try:
            with self._zip.open(self._members[name]) as handle:
                return handle.read(limit)
        except _MEMBER_READ_ERRORS as exc:
            raise CorruptArchive(
                f"member cannot be read, the archive is damaged: {exc}", path=self.where(name)
            ) from exc

    def forget_reads(self) -> None:
        """Start the source identity afresh (after format detection peeked at files)."""
        self._read_hashes.clear()

    def read_text(self, name: str) -> str:
        data = self.read_bytes(name)
        try:
            return data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InvalidEncoding.from_decode_error(exc, path=self.where(name)) from exc

    def where(self, name: str) -> str:
        """How error messages name a file: the export, plus the member for archives/folders."""
        if self.kind == "file":
            return str(self.path)
        return f"{self.path}/{name}" if self.kind == "folder" else f"{self.path}!{name}"

    @property
    def sha256(self) -> str:
        digest = hashlib.sha256()
        for value in sorted(self._read_hashes.values()):
            digest.update(value.encode())
        return digest.hexdigest()

    @property
    def bytes_read(self) -> int:
        return sum(self._sizes[name] for name in self._read_hashes)

    def close(self) -> None:
        if self._zip is not None:
            self._zip.close()
            self._zip = None

    def __enter__(self) -> SourceTree:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()
