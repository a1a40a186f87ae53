"""The parser's fast paths give exactly what the plain forms they replace give.

Each fast path (a literal-led scan, a guard, an ASCII shortcut) is checked against
the straightforward expression it stands for, on many seeded random texts built
from the characters and words that make the two differ if anything does: every
kind of whitespace, line breaks, characters that case-fold unusually, labels
and colons.
"""

from __future__ import annotations

import random
import re
from collections import Counter

import pytest

from determinations.parsing import header, outcomes, text

WHITESPACE = [chr(code) for code in range(0x3001) if chr(code).isspace()]
ODD = ["é", "ı", "İ", "ſ", "K", "ß", "\u00ad", "\ufb01", "\uf0b7", "\u200b", "\ufeff", "\x00"]


def _texts(pieces: list[str], count: int = 3000, longest: int = 14, seed: int = 1) -> list[str]:
    rng = random.Random(seed)
    return ["".join(rng.choice(pieces) for _ in range(rng.randint(0, longest))) for _ in range(count)]


def test_collapse_is_split_and_join() -> None:
    for sample in _texts([*WHITESPACE, "\n\n", "  ", "a", "bc", ".", *ODD]):
        assert text.collapse(sample) == " ".join(sample.split()), repr(sample)


def test_character_normalisation_is_translate_and_squeeze() -> None:
    pieces = [*WHITESPACE, "\r\n", "a", "b-", ":", *ODD, *map(chr, text._TRANSLATE)]
    for sample in _texts(pieces):
        expected = text._SPACES.sub(" ", sample.replace("\r\n", "\n").translate(text._TRANSLATE))
        assert text._normalise_characters(sample) == expected, repr(sample)


def test_vocabulary_counts_as_a_counter_of_words() -> None:
    for sample in _texts(["ab", "a", "-", "--", " ", "\n", "é", "1", "AB", "ab-c"], longest=20):
        counter = Counter(text._WORD.findall(sample.casefold()))
        vocabulary = text._Vocabulary(sample)
        for word in [*counter, "ab", "a-b", "ab-c", "é", "", "ab--c"]:
            assert vocabulary[word] == counter[word], (sample, word)


@pytest.mark.parametrize("initials", [None, "[AB]"])
def test_line_pattern_finds_what_a_multiline_pattern_finds(initials: str | None) -> None:
    pattern = r"[ \t]*(?:A\s+b|Bc?)\b:?"
    fast = text.LinePattern(pattern, re.IGNORECASE, initials=initials)
    plain = re.compile(f"^(?:{pattern})", re.IGNORECASE | re.MULTILINE)
    for sample in _texts(["a b", "A\nB", "b", "Bc", "c", "\n", " ", "\t", ":", "ab", "ı"]):
        assert [m.span() for m in fast.finditer(sample)] == [m.span() for m in plain.finditer(sample)], repr(sample)
        for pos in range(len(sample) + 1):
            found, expected = fast.search(sample, pos), plain.search(sample, pos)
            assert (found and found.span()) == (expected and expected.span()), (sample, pos)


def test_header_labels_are_found_from_their_colons() -> None:
    pieces = [
        "Case Number", "IMR Case No.", "UR Denial Date", "Date of UR Decision", "Decision Date", "Dated",
        "Date Assigned", "Date of Injury", "DOI", "Application Received", "Priority", "Final Determination",
        "Claim Number", "Employee", "Treatment(s) in Dispute Listed on IMR Application", "Dear", "Injured Worker",
        "Treatment in Dispute" + "x" * 40, ":", " ", "\n", "CM16-0112938", "01/10/2014", "abc", "ſ", "ı",
    ]  # fmt: skip
    for sample in _texts(pieces, longest=16):
        line = text.collapse(sample)
        expected = [(m.span(), m.lastgroup) for m in header._LABELS.finditer(line)]
        assert [(m.span(), m.lastgroup) for m in header._labels(line)] == expected, repr(line)


def test_last_statement_is_the_last_of_all() -> None:
    pieces = [
        "medically necessary",
        "Medically unnecessary",
        " not ",
        "x" * 150,
        ". ",
        "medically",
        "MEDICALLY WARRANTED",
    ]
    for sample in _texts(pieces, longest=10):
        statements = list(outcomes._STATEMENT.finditer(sample))
        found = outcomes._last_statement(sample)
        assert (found and found.span()) == (statements[-1].span() if statements else None), repr(sample)
