"""A result counted exactly is kept for its page on SQLite: the page sorted in Python is the database's page.

``search.tally(keep=True)`` keeps the ids and dates of an exactly counted
result until the request ends; ``search.page_ids`` then sorts them instead of
reading the table again. On PostgreSQL nothing is kept and the same
assertions hold of the database's own pages.
"""

from __future__ import annotations

import datetime

import pytest

from determinations import search
from determinations.models import SearchEntry
from tests.factories import ItemSpec, LetterSpec, create_letters

pytestmark = pytest.mark.django_db

DAYS = [datetime.date(2016, 3, 1), datetime.date(2016, 3, 1), None, datetime.date(2019, 7, 4), None]


@pytest.fixture
def letters():
    """Letters whose dates tie, are missing, or differ; each with two matching items (same date, two ids)."""
    specs = [
        LetterSpec(
            decision_date=DAYS[i % len(DAYS)],
            items=[ItemSpec(f"Physical therapy {i}-{n}", rationale="Therapy is supported.") for n in (1, 2)],
        )
        for i in range(23)
    ]
    create_letters(specs)


def fresh_matches():
    """The result as a new request finds it: nothing kept from before."""
    search.forget_matches()
    return search.text_match(SearchEntry.objects.all(), "therapy")


@pytest.mark.parametrize("sort", ["newest", "oldest", "relevance"])
def test_a_kept_result_pages_like_the_database(letters, sort):
    expected = [search.page_ids(fresh_matches(), "therapy", sort, offset, 7) for offset in range(0, 49, 7)]
    assert sum(map(len, expected)) == 46
    kept = []
    for offset in range(0, 49, 7):
        queryset = fresh_matches()
        tally = search.tally(queryset, ["outcome"], keep=True)
        assert tally.count.exact and tally.count.value == 46
        kept.append(search.page_ids(queryset, "therapy", sort, offset, 7))
    assert kept == expected


def test_undated_decisions_come_last_either_way(letters, django_assert_num_queries):
    queryset = fresh_matches()
    search.tally(queryset, [], keep=True)
    dates = dict(SearchEntry.objects.values_list("pk", "decision_date"))
    for sort in ("newest", "oldest"):
        if search.is_postgresql():
            ids = search.page_ids(queryset, "therapy", sort, 0, 100)
        else:
            with django_assert_num_queries(0):  # sorted from the kept result
                ids = search.page_ids(queryset, "therapy", sort, 0, 100)
        first_undated = next(i for i, pk in enumerate(ids) if dates[pk] is None)
        assert all(dates[pk] is None for pk in ids[first_undated:])
        assert all(dates[pk] is not None for pk in ids[:first_undated])


def test_a_kept_result_is_forgotten_after_a_write(letters):
    """A result without text has the same query before and after a write: what was kept must not outlive it."""
    pharmaceuticals = SearchEntry.objects.filter(category="Pharmaceuticals")
    search.tally(pharmaceuticals, [], keep=True)
    create_letters([LetterSpec(decision_date=datetime.date(2024, 1, 1), items=[ItemSpec("Aquatic therapy")])])
    newest = search.page_ids(pharmaceuticals, "", "newest", 0, 1)
    assert SearchEntry.objects.get(pk=newest[0]).decision_date == datetime.date(2024, 1, 1)
