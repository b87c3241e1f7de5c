"""Errors every service raises the same way (and maps to the same gRPC/HTTP status)."""

from __future__ import annotations


class PersonaNotFound(LookupError):
    """No persona with that slug."""


class ModelNotFound(LookupError):
    """No model with that id in the model registry."""


class NoReport(RuntimeError):
    """A persona model has no report card: it is evaluated before the serving gate can say
    anything (``likeness eval ID``), or activated with ``force``."""


class GateFailed(RuntimeError):
    """A persona model's report card fails its persona's serving gate (the message says which
    check failed and by how much); activating it needs ``force``."""
