"""likeness.ingest: import real exports, clean them deterministically, store them with provenance."""
