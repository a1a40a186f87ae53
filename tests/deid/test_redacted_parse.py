"""De-identifying a letter before parsing it changes what it should change and nothing else.

Ingest parses the redacted text (``parse_letter(text, redact=...)``), the parse
command the letter as written. For every letter we have, both reads agree on
every contract field, except that dates inside a request are reduced to years.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from determinations.deid import Redactor
from determinations.generator import generate
from determinations.letterfiles import read_letter
from determinations.parsing import parse_letter
from determinations.parsing.letter import to_contract
from tests.shared_corpus import CORPUS_FOLDERS, letter_files, require_shared

FIXTURES = sorted((Path(__file__).resolve().parents[2] / "fixtures" / "letters").glob("*.txt"))
_DATE_IN_REQUEST = re.compile(r"\b\d{1,2}[/-]\d{1,2}[/-](\d{2,4})\b")


def _request_as_stored(request: str) -> str:
    return _DATE_IN_REQUEST.sub(lambda m: m.group(1) if len(m.group(1)) == 4 else "20" + m.group(1), request)


def assert_same_read(text: str) -> None:
    plain = to_contract(parse_letter(text), "letter")
    redacted = to_contract(parse_letter(text, redact=Redactor(text).letter), "letter")
    for item in plain["items"]:
        item["request"] = _request_as_stored(item["request"])
    assert redacted == plain


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: p.name)
def test_fixture_letters_read_the_same_redacted(path: Path) -> None:
    assert_same_read(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("folder", CORPUS_FOLDERS)
def test_shared_corpus_reads_the_same_redacted(folder: str) -> None:
    require_shared()
    paths = letter_files(folder)
    assert paths, f"no letters in the shared corpus folder {folder}"
    for path in paths:
        assert_same_read(read_letter(path))


def test_generated_letters_read_the_same_redacted() -> None:
    for index in range(300):
        assert_same_read(generate("redaction", index).text)
