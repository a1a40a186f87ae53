"""Every synthetic letter parses to exactly the record the generator intended (DESIGN.md section 3).

Thousands of letters of all three formats, with their extraction noise, are
generated in memory and read back with the project's own parser; each must
give the generator's ``intended`` object field for field, warnings included.
Every wording of every request kind must classify to the kind's category.
"""

from __future__ import annotations

import json

from determinations.generator import generate
from determinations.generator.case import request_wordings
from determinations.generator.treatments import KINDS
from determinations.parsing import ParseError, parse_letter
from determinations.parsing.letter import to_contract
from determinations.taxonomy import classify

SEED = "roundtrip"
LETTERS = 3000


def _parse(text: str, name: str) -> dict:
    try:
        return to_contract(parse_letter(text), name)
    except ParseError as exc:
        return {"source": name, "error": str(exc)}


def _differences(want: object, got: object, path: str = "") -> list[str]:
    """The paths where ``got`` differs from ``want``, with both values."""
    if isinstance(want, dict) and isinstance(got, dict):
        return [
            d
            for key in dict.fromkeys([*want, *got])
            for d in _differences(want.get(key), got.get(key), f"{path}.{key}")
        ]
    if isinstance(want, list) and isinstance(got, list) and len(want) == len(got):
        return [d for i, (w, g) in enumerate(zip(want, got, strict=True)) for d in _differences(w, g, f"{path}[{i}]")]
    return [] if want == got else [f"{path}: intended {json.dumps(want)}, parsed {json.dumps(got)}"]


def test_every_letter_parses_to_its_intended_record():
    mismatches = {}
    for index in range(LETTERS):
        letter = generate(SEED, index)
        differences = _differences(letter.intended, _parse(letter.text, letter.name))
        if differences:
            mismatches[f"{index} ({letter.name})"] = differences
    report = "\n".join(f"letter {key}: " + "; ".join(diff) for key, diff in list(mismatches.items())[:15])
    assert not mismatches, f"{len(mismatches)} of {LETTERS} letters parse differently:\n{report}"


def test_letters_cover_every_format_and_category():
    letters = [generate(SEED, index).intended for index in range(600)]
    seen = {(letter["format"], item["category"]) for letter in letters for item in letter["items"]}
    assert {fmt for fmt, _ in seen} == {"A", "B", "C"}
    assert len({category for _, category in seen}) >= 9


def test_every_request_wording_classifies_to_its_kind_category():
    wrong = {
        (kind.key, wording, classify(wording).category)
        for kind in KINDS
        for wording in request_wordings(kind)
        if classify(wording).category != kind.category
    }
    assert not wrong, sorted(wrong)[:20]
