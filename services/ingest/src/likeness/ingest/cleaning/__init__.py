"""Deterministic cleaning: small named rules applied in a documented order (see ``pipeline``)."""
