"""Errors every service raises the same way (and maps to the same gRPC/HTTP status)."""

from __future__ import annotations


class PersonaNotFound(LookupError):
    """No persona with that slug."""


class ModelNotFound(LookupError):
    """No model with that id in the model registry."""
