"""Where the shared corpus lives, and how tests that need it behave without it.

The corpus under ``../shared`` is read in place, never copied. In a user's clone
it may be absent: those tests skip with the reason. Under CI (``CI=true``) an
absent corpus is a failure, so nothing is silently skipped there.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

SHARED_DIR = Path(os.environ.get("IMR_SHARED_DIR", Path(__file__).resolve().parent.parent.parent / "shared"))
CORPUS_DIR = SHARED_DIR / "corpus"
CORPUS_FOLDERS = ("real", "real-dwc", "constructed")


def require_shared() -> Path:
    """The corpus folder; skip (or fail under CI) when it is not beside the project."""
    if CORPUS_DIR.is_dir():
        return CORPUS_DIR
    reason = f"shared corpus not found at {CORPUS_DIR} (set IMR_SHARED_DIR to its parent folder)"
    if os.environ.get("CI", "").lower() in {"1", "true", "yes"}:
        pytest.fail(f"{reason}; CI must run every test", pytrace=False)
    pytest.skip(reason)


def letter_files(folder: str) -> list[Path]:
    """The letter files (``.txt``/``.pdf``) of one corpus folder that have an expected parse."""
    if not CORPUS_DIR.is_dir():
        return []
    directory = CORPUS_DIR / folder
    return sorted(p for p in directory.iterdir() if p.suffix in {".txt", ".pdf"} and p.with_suffix(".json").exists())
