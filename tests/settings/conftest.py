"""Fixtures for the settings tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.admin.letters import ingest, write_letters


@pytest.fixture
def letters(tmp_path: Path) -> Path:
    """The two invented letters, ingested."""
    folder = write_letters(tmp_path / "letters")
    ingest(folder)
    return folder
