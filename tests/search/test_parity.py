"""The same queries return the same decisions on SQLite and on PostgreSQL.

The suite runs once per database (``DATABASE_URL`` set or not); this one table
of queries, filters and expected decisions must pass on both, which is what
proves the two full-text implementations agree.
"""

from __future__ import annotations

import pytest
from django.http import QueryDict

from determinations.filters import SearchState
from tests.search.corpus import ITEMS, create_corpus

pytestmark = pytest.mark.django_db

EVERYTHING = set(ITEMS)

#: (query string, expected decisions, what it shows)
CASES = [
    ("q=norco", {"norco"}, "a single word"),
    ("q=Norco", {"norco"}, "case does not matter"),
    ("q=injections", {"esi_lumbar", "esi_cervical"}, "stemming: injections finds injection"),
    ("q=opioids", {"norco", "tramadol"}, "stemming: opioids finds opioid"),
    ('q="work conditioning"', {"work_cond"}, "a phrase needs its words together"),
    ("q=work conditioning", {"work_cond", "pt"}, "words are ANDed anywhere in the decision"),
    ('q="work conditioning', {"work_cond"}, "an unbalanced quote runs to the end"),
    ('q="low back"', {"lidoderm", "esi_lumbar"}, "a phrase in the letter's summary"),
    ("q=norco OR lidoderm", {"norco", "lidoderm"}, "OR between alternatives"),
    ('q="physical therapy" OR tramadol', {"work_cond", "pt", "tramadol"}, "OR with a phrase"),
    ("q=epidural -cervical", {"esi_lumbar"}, "-word excludes"),
    ("q=-cervical epidural", {"esi_lumbar"}, "the exclusion may come first"),
    (
        "q=pain -chronic",
        {"esi_cervical", "pt", "mri", "tens", "tramadol"},
        "excluded words are absent from the summary too",
    ),
    ("q=-norco", EVERYTHING - {"norco"}, "only an exclusion"),
    ("q=the norco", {"norco"}, "stop words are ignored"),
    ("q=the of and", set(), "only stop words match nothing"),
    ("q=recommended -not", {"norco", "work_cond", "lidoderm", "esi_lumbar"}, "an excluded stop word is ignored"),
    ("q=hyperbaric", set(), "no match"),
    ("q=shoulder", {"pt", "mri", "tens"}, "a word in the summary matches every decision of the letter"),
    ("q=shoulder fall", {"mri", "tens"}, "words may be split between decision and summary"),
    ("q=patient's", {"norco", "work_cond"}, "a possessive finds the word"),
    ("q=radiating", {"lidoderm", "esi_lumbar", "esi_cervical", "pt"}, "summary words"),
    ("q=ODG", {"lidoderm", "tens"}, "citations are searched"),
    ("q=NEAR(norco lidoderm)", set(), "FTS5 syntax is plain words"),
    ("q=norco*", {"norco"}, "a trailing star is punctuation"),
    ("q=injections&outcome=overturned", {"esi_lumbar"}, "text with an outcome filter"),
    ("q=recommended&category=Pharmaceuticals", {"norco", "lidoderm"}, "text with a category filter"),
    ("q=lumbar&guideline=ACOEM", {"esi_lumbar"}, "text with a guideline filter"),
    ("q=pain&year=2015", {"lidoderm", "esi_lumbar", "tramadol"}, "text with a year filter"),
    (
        "q=steroid&needs_review=false&outcome=upheld&outcome=overturned",
        {"esi_lumbar", "esi_cervical"},
        "repeated values OR",
    ),
    ("q=shoulder&needs_review=true", {"mri", "tens"}, "text with the review flag (set per letter)"),
    ("outcome=overturned", {"lidoderm", "esi_lumbar", "pt"}, "a filter without text"),
]


@pytest.fixture
def corpus() -> dict[str, int]:
    return create_corpus()


@pytest.mark.parametrize(("query", "expected", "meaning"), CASES, ids=[c[2] for c in CASES])
def test_query_returns_expected_decisions(corpus, query, expected, meaning):
    state = SearchState(QueryDict(query))
    found = set(state.queryset.values_list("pk", flat=True))
    names = {pk: name for name, pk in corpus.items()}
    assert {names[pk] for pk in found} == expected, meaning
    assert not state.errors


def test_at_least_fifteen_text_queries():
    assert len([c for c in CASES if c[0].startswith("q=")]) >= 15
