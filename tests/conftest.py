"""Fixtures shared by every test module."""

from __future__ import annotations

from pathlib import Path

import pytest

from determinations import search
from tests.shared_corpus import require_shared


@pytest.fixture(scope="session", autouse=True)
def _read_connections_closed(django_db_setup):
    """Close the connections of the threads that count search facets before the test database is dropped."""
    yield
    search.close_read_connections()


@pytest.fixture
def corpus_dir() -> Path:
    """The shared corpus folder (skips, or fails under CI, when it is absent)."""
    return require_shared()
