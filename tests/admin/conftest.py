"""Fixtures for the admin tests: the two invented letters, written to a folder and ingested."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.admin.letters import ingest, write_letters


@pytest.fixture
def letters_dir(tmp_path: Path) -> Path:
    """A folder holding the two invented letters."""
    return write_letters(tmp_path / "letters")


@pytest.fixture
def letters(letters_dir: Path) -> Path:
    """Both invented letters ingested; returns their folder."""
    out = ingest(letters_dir)
    assert "new 2, updated 0, unchanged 0, failed 0" in out, out
    return letters_dir
