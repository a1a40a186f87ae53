"""The phrase index: adjacent-word pairs stand for two-word phrases, and longer phrases are still exact."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from determinations import phrases, search
from determinations.models import SearchEntry
from tests.factories import ItemSpec, LetterSpec, create_letters


def test_pairs_are_adjacent_stems():
    found = phrases.pairs("Twelve sessions of Work Conditioning, then work-hardening.")
    assert phrases.pair_hash("work", "condit") in found
    assert phrases.pair_hash("work", "harden") in found
    assert phrases.pair_hash("session", "work") not in found  # "of" sits between them


@given(st.text(alphabet=st.sampled_from("abcxyz work conditioning ÉéßKİ_-–1 \n\t.,'")) | st.text())
def test_pairs_are_the_pairs_of_the_words_postgresql_would_see(text):
    words = re.findall(r"[^\W_]+", text.lower())
    expected = {
        phrases.pair_hash(phrases._stem(first), phrases._stem(second))
        for first, second in itertools.pairwise(words)
        if first not in phrases.STOP_WORDS and second not in phrases.STOP_WORDS
    }
    assert phrases.pairs(text) == expected


@pytest.mark.parametrize(
    ("words", "usable"),
    [
        (("work", "conditioning"), True),
        (("functional", "restoration", "program"), True),
        (("range", "of", "motion"), False),
        (("lidoderm",), False),
        (("l4", "5"), False),
    ],
)
def test_which_phrases_use_pairs(words, usable):
    assert (phrases.phrase_pairs(words) is not None) is usable


def test_a_signature_has_the_bit_of_every_pair_where_postgresql_reads_it():
    hashes = phrases.pairs("Twelve sessions of work conditioning, then work hardening and a home program.")
    signature = phrases.signature(hashes)
    assert len(signature) * 8 == phrases.SIGNATURE_BITS
    set_bits = {n for n in range(phrases.SIGNATURE_BITS) if signature[n // 8] >> (n % 8) & 1}  # get_bit(bytea, n)
    assert set_bits == set(phrases.signature_bits(hashes)) == {h % phrases.SIGNATURE_BITS for h in hashes}
    assert any(h < 0 for h in hashes)


def test_the_same_words_stem_alike_in_letters_and_searches():
    assert phrases.phrase_pairs(["Conditioning", "programs"]) == [phrases.pair_hash("condit", "program")]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("q", "expected"),
    [
        ('"work conditioning"', {"adjacent", "hyphenated"}),
        ('"conditioning work"', {"reversed"}),
        ('"work conditioning program"', {"adjacent"}),
        ('"functional restoration program"', set()),
        ('"range of motion"', {"stop word"}),
        ('-"work conditioning" conditioning', {"reversed", "apart"}),
    ],
)
def test_phrase_search(q, expected):
    texts = {
        "adjacent": "A work conditioning program of 10 visits.",
        "hyphenated": "Work-conditioning sessions were requested.",
        "reversed": "Conditioning work was tried.",
        "apart": "Work tolerance and general conditioning improved.",
        "stop word": "Range of motion was limited.",
    }
    letters = create_letters(
        [LetterSpec(items=[ItemSpec(name, rationale=text)], summary="Chronic pain.") for name, text in texts.items()]
    )
    assert len(letters) == len(texts)
    matches = search.text_match(SearchEntry.objects.all(), q)
    found = set(matches.values_list("decision__item__request", flat=True))
    assert found == expected
