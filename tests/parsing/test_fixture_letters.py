"""The sample letters in ``fixtures/letters`` parse exactly as their hand-written expected parses say.

Each ``fixtures/letters/NAME.txt`` has ``fixtures/expected/NAME.json``: the DESIGN.md
section 3 object, written by hand from the letter. ``manage.py parse`` runs on every letter and
is compared field by field with the normalisation of ``../shared/tools/compare_parse.py``
(``tests.parsing.contract.mismatches``). The set itself is also checked for what the demo relies
on: all three formats, both outcomes, every treatment category and a letter needing review.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from determinations.taxonomy import CATEGORIES
from tests.parsing.contract import CONTRACT_KEYS, mismatches, run_parse

LETTERS_DIR = Path(__file__).resolve().parents[2] / "fixtures" / "letters"
EXPECTED_DIR = LETTERS_DIR.parent / "expected"
LETTERS = sorted(LETTERS_DIR.glob("*.txt"))


def _expected(letter: Path) -> dict:
    """The hand-written expected parse of one fixture letter."""
    return json.loads((EXPECTED_DIR / f"{letter.stem}.json").read_text(encoding="utf-8"))


def test_every_letter_has_an_expected_parse_and_vice_versa() -> None:
    assert len(LETTERS) >= 14
    assert {p.stem for p in LETTERS} == {p.stem for p in EXPECTED_DIR.glob("*.json")}
    for letter in LETTERS:
        expected = _expected(letter)
        assert expected["source"] == letter.name
        assert set(expected) == CONTRACT_KEYS


@pytest.mark.parametrize("letter", LETTERS, ids=[p.name for p in LETTERS])
def test_fixture_letter_matches_expected_parse(letter: Path) -> None:
    records, status = run_parse(letter)
    assert status == 0
    assert len(records) == 1
    record = records[0]
    assert set(record) == CONTRACT_KEYS
    assert Path(record["source"]).name == letter.name
    problems = mismatches(_expected(letter), record)
    assert not problems, "\n".join(problems)


def test_the_set_covers_what_the_demo_needs() -> None:
    parses = [_expected(letter) for letter in LETTERS]
    items = [item for parse in parses for item in parse["items"]]
    assert {parse["format"] for parse in parses} == {"A", "B", "C"}
    assert {item["category"] for item in items} == set(CATEGORIES)
    assert {family for item in items for family in item["guideline_sources"]} == {"MTUS", "ACOEM", "ODG", "OTHER"}
    overturned = sum(item["outcome"] == "overturned" for item in items) / len(items)
    assert 0.2 <= overturned <= 0.3
    assert any(parse["warnings"] for parse in parses), "one letter should land in the review queue"
    years = {int(parse["decision_date"][:4]) for parse in parses if parse["decision_date"]}
    assert {2013, 2024} <= years
