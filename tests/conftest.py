"""Fixtures shared by every test module."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.shared_corpus import require_shared


@pytest.fixture
def corpus_dir() -> Path:
    """The shared corpus folder (skips, or fails under CI, when it is absent)."""
    return require_shared()
