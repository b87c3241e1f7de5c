"""Dataset-test fixtures: a persona with posts and judgments (see ``persona_corpus``)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from persona_corpus import Corpus, make_persona
from sqlalchemy import Engine


@pytest.fixture
def corpus(engine: Engine) -> Corpus:
    return make_persona(engine, "mags")


@pytest.fixture
def new_persona(engine: Engine) -> Callable[..., Corpus]:
    """Another persona: ``new_persona("bob", {"exclude_flags": ["reply"]})``."""
    return lambda slug, settings=None: make_persona(engine, slug, settings)
