"""likeness.ingest: import real exports, clean them, store them with provenance."""
