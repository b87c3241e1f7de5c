"""Importers, one module per export format, auto-detected by content (see ``registry``)."""
