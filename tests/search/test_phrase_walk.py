"""A phrase search walked newest first through ``PhrasePairs`` finds what sorting its matches finds.

On PostgreSQL, a page of a dense phrase search is found by walking the
decisions newest first; where the query asks the phrase pairs for something,
the walk tests them in the narrow ``PhrasePairs`` table and reads a search row
only where they allow a match. These tests force the walk (an expected size
far above the real one) and compare it with the matches sorted by the
database, for phrases, exclusions, alternatives, filters and undated letters.
On SQLite (which finds phrases with FTS5 and never walks) the
same pages are compared. ``tests/admin/test_phrase_pairs.py`` checks that
every write path keeps the table in step with the search rows.
"""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from determinations import search
from determinations.models import PhrasePairs, SearchEntry
from tests.factories import ItemSpec, LetterSpec, create_letters

pytestmark = pytest.mark.django_db

RATIONALES = [
    "A course of physical therapy was requested after surgery.",
    "Physical therapy for the knee; the guidelines support therapy.",
    "Work conditioning program of ten visits, then physical therapy.",
    "The physical examination found no deficit; therapy is not supported.",
    "A work conditioning program is supported for the lumbar spine.",
    "Conditioning work and a home program were tried.",
]

QUERIES = [
    '"physical therapy"',
    '"physical therapy" -knee',
    '"physical therapy" -"work conditioning"',
    '"work conditioning program"',
    '"work conditioning program" -lumbar',
    '"physical therapy" OR "work conditioning"',
    '"physical therapy" surgery',
    '"conditioning work"',
]


@pytest.fixture
def phrase_letters() -> None:
    """120 letters of two items, one rationale of ``RATIONALES`` each, dated over four years, every 17th undated."""
    create_letters(
        [
            LetterSpec(
                items=[
                    ItemSpec(
                        f"Request {n}-{k}",
                        rationale=RATIONALES[(n + k) % len(RATIONALES)],
                        outcome="overturned" if (n + k) % 5 == 0 else "upheld",
                    )
                    for k in range(2)
                ],
                summary="Chronic pain after a fall.",
                decision_date=None if n % 17 == 0 else datetime.date(2015, 1, 1) + datetime.timedelta(days=n * 11),
            )
            for n in range(120)
        ]
    )


def _sorted_page(matches, offset: int, limit: int) -> list[int]:
    return list(search.by_date(matches, "newest").values_list("pk", flat=True)[offset : offset + limit])


@pytest.mark.parametrize("q", QUERIES)
@pytest.mark.parametrize("outcome", [None, "upheld"])
@pytest.mark.parametrize("offset", [0, 15])
def test_walked_newest_pages_are_the_sorted_ones(phrase_letters, q, outcome, offset):
    unsearched = SearchEntry.objects.filter(outcome=outcome) if outcome else SearchEntry.objects.all()
    matches = search.text_match(unsearched, q)
    with CaptureQueriesContext(connection) as queries:
        walked = search.page_ids(matches, q, "newest", offset, 20, expected=10**9, unsearched=unsearched)
    assert walked == _sorted_page(matches, offset, 20)
    assert len(walked) == min(20, max(0, matches.count() - offset)) and matches.count() > 0
    through_pairs = any(PhrasePairs._meta.db_table in query["sql"] for query in queries.captured_queries)
    assert through_pairs == (connection.vendor == "postgresql")


@pytest.mark.parametrize("q", QUERIES)
def test_a_walked_relevance_window_holds_the_newest_matches(phrase_letters, monkeypatch, q):
    monkeypatch.setattr(search, "RANKED_LIMIT", 25)
    unsearched = SearchEntry.objects.all()
    matches = search.text_match(unsearched, q)
    ranked = search.page_ids(matches, q, "relevance", 0, 100, expected=10**9, unsearched=unsearched)
    assert sorted(ranked) == sorted(_sorted_page(matches, 0, 25))


@pytest.mark.parametrize("q", ['"work conditioning" OR knee', "therapy", "-knee", ""])
def test_a_query_that_asks_nothing_of_the_pairs_is_walked_over_the_search_rows(phrase_letters, q):
    """No text, single words, or an alternative without a phrase (its matches could be any decision)."""
    unsearched = SearchEntry.objects.filter(outcome="upheld")
    matches = search.text_match(unsearched, q)
    with CaptureQueriesContext(connection) as queries:
        walked = search.page_ids(matches, q, "newest", 0, 20, expected=10**9, unsearched=unsearched)
    assert walked == _sorted_page(matches, 0, 20)
    assert not any(PhrasePairs._meta.db_table in query["sql"] for query in queries.captured_queries)
