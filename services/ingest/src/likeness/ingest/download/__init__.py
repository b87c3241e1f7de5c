"""Downloaders that fetch public archives to disk, for the importers to read later."""

from likeness.ingest.download.factbase import DownloadError, DownloadResult, download_factbase

__all__ = ["DownloadError", "DownloadResult", "download_factbase"]
