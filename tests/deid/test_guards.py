"""De-identification's shortcuts never let an identifier through.

A rule is skipped when its guard fails, so a guard must hold on every text the rule
would change; "Label: value" lines are found from their colons, which must find the
same lines as the line-anchored pattern they stand for. Both are checked on many
seeded random texts: identifiers of every kind (and near misses) in random
surroundings, with the characters that case-fold unusually.
"""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from determinations import deid

NAMES = ["John Smith", "Jane Q. Doe", "Ann-Marie O'Neil", "JOSE GARCIA", "li ng", "Bo"]
SNIPPETS = [
    "{label}:{blank}{name}", "Dear {honorific}{name}:", "{honorific}{name}", "the {role}{separator}{name}{after}",
    "{org}:{blank}Acme Mutual", "{email}", "{ssn_label}{blank}{d3}-{d2}-{d4}", "{d3}-{d2}-{d4}{after}",
    "{claim} {number}:{blank}{value}", "ADJ{d5}{d2}", "{d3}{sep}{d3}{sep}{d4}{after}", "({d3}) {d3}-{d4}",
    "{d3} {direction}Main Oak {suffix}{unit}", "P.O. Box {d2}", "Fresno, {state} {d5}{zip4}", "{d5}",
    "{old}{age}", "{date}", "{public}:{blank}{date}",
]  # fmt: skip
CHOICES = {
    "label": ["Employee", "PATIENT NAME", "patient's Name", "Re", "Treating Physician", "Name", "Claimant"],
    "blank": ["", " ", "  ", "\t"],
    "name": NAMES,
    "honorific": ["Mr. ", "Mrs ", "Ms. ", "Dr ", "Dr. ", "Mx ", "", "MR. "],
    "role": ["patient", "PATIENT", "injured worker", "claimant", "employee", "worker", "Patient"],
    "separator": [", ", " named ", " is named ", " known as ", "'s name is ", " "],
    "after": [",", ".", " is", " was", ")", "", "x", "-"],
    "org": ["Employer", "CLAIMS ADMINISTRATOR", "city", "Attorney", "Street"],
    "email": ["jane.doe@example.org", "x@y", "a+b@mail.example.com"],
    "ssn_label": ["SSN", "SS#", "Social Security No.", "social security number", "SOCIAL SECURITY #"],
    "claim": ["Claim", "claim", "POLICY", "Member", "File", "Medical Record", "MRN", "Account"],
    "number": ["Number", "No.", "no", "Num.", "#", "ID", "NUMBER"],
    "value": ["WC-88231-QX", "5550193827", "[REDACTED]", "ABC", "12.3/4"],
    "sep": [" ", ".", "-"],
    "direction": ["", "N. ", "W "],
    "suffix": ["Street", "St", "Ave", "Road", "Dr", "Way", "Blvd", "Plaza"],
    "unit": ["", ", Suite 12", " Apt. 4B", "."],
    "state": ["CA", "California", "NV", "TX", "Ca"],
    "zip4": ["", "-1234", "1"],
    "old": ["95", "101", "110", "89", "9"],
    "age": ["-year-old", " years old", " YEARS OLD", " y/o", "yo", "-years-old"],
    "date": [
        "01/10/2014",
        "1-10-14",
        "10.13.16",
        "2014-01-10",
        "Jan. 5, 2010",
        "5 January 2010",
        "MAY 3 1999",
        "September 12th, 2016",
        "13/45/2010",
        "Sept 31 2020",
    ],
    "public": ["Decision Date", "Dated", "UR Denial Date", "Received", "Date of Injury", "DOB"],
}
GLUE = [" ", "\n", "\n\n", ". ", ", ", "x", "1", "(", "/", "-", "é", "ı", "ſ", "K", "İ", "\u00a0", "\x85", "\x1c", "_"]


def _digits(rng: random.Random, count: int) -> str:
    return "".join(rng.choice("0123456789") for _ in range(count))


def _texts(count: int, seed: int, ascii_only: bool) -> list[str]:
    rng = random.Random(seed)
    glue = [piece for piece in GLUE if piece.isascii()] if ascii_only else GLUE
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 6)):
            values = {key: rng.choice(options) for key, options in CHOICES.items()}
            values.update({f"d{n}": _digits(rng, n) for n in (2, 3, 4, 5)})
            # Half of the identifiers on lines of their own, where labelled lines are found.
            before, after = ("\n", "\n") if rng.random() < 0.5 else (rng.choice(glue), rng.choice(glue))
            parts += [before, rng.choice(SNIPPETS).format(**values), after]
        texts.append("".join(parts))
    return texts


@pytest.mark.parametrize("ascii_only", [True, False])
def test_a_rule_is_skipped_only_where_it_would_change_nothing(ascii_only: bool) -> None:
    changed: Counter[str] = Counter()
    for sample in _texts(3000, seed=3, ascii_only=ascii_only):
        for rule in deid.RULES:
            if deid._apply(rule, sample) != sample:
                changed[rule.pattern.pattern] += 1
                assert rule.guard(sample), (rule.pattern.pattern[:40], sample)
        for pattern, guard in deid.DATES:
            if pattern.sub(lambda match: deid._date_replacement(match, True), sample) != sample:
                changed[pattern.pattern] += 1
                assert guard(sample), (pattern.pattern[:40], sample)
    # Every rule and every date form was put to the test.
    assert all(changed[rule.pattern.pattern] >= 10 for rule in deid.RULES), changed
    assert all(changed[pattern.pattern] >= 10 for pattern, _ in deid.DATES), changed


@pytest.mark.parametrize("field", [deid.PERSON_FIELD, deid.ORG_FIELD], ids=["person", "org"])
def test_fields_found_from_their_colons_are_the_labelled_lines(field: deid._Field) -> None:
    labels = deid._PERSON_LABELS if field is deid.PERSON_FIELD else deid._ORG_FIELDS
    value = deid._NAME if field is deid.PERSON_FIELD else r"\S.*?"
    line = re.compile(
        rf"^(?P<label>[ \t]*(?:{deid._cased(*labels)})[ \t]*:[ \t]*)(?P<value>{value})[ \t]*$", re.MULTILINE
    )
    found = 0
    for sample in _texts(3000, seed=5, ascii_only=False):
        expected = [(m.start("value"), m.group("value")) for m in line.finditer(sample)]
        assert [(m.start("value"), m.group("value")) for m in field.matches(sample)] == expected, repr(sample)
        found += len(expected)
    assert found >= 100
