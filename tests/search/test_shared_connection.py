"""A search's matches kept for the length of a request, and forgotten when the request ends or the index changes.

A SQLite search keeps its matches in a temporary table of its connection.
New letters must be found by the next search; and under a test's live
server, whose request threads share one in-memory connection, a request
ending must drop only the tables it made, not one another request is reading.
"""

from __future__ import annotations

import threading

import pytest
from django.db import connections

from determinations import search
from determinations.models import SearchEntry
from tests.factories import create_many

pytestmark = pytest.mark.django_db


def _end_a_request_in_another_thread_sharing(shared) -> None:
    def request_ends() -> None:
        connections["default"] = shared
        search.forget_matches()

    shared.inc_thread_sharing()
    try:
        other = threading.Thread(target=request_ends)
        other.start()
        other.join()
    finally:
        shared.dec_thread_sharing()


def test_a_request_ending_leaves_the_matches_another_request_is_reading():
    create_many(40, items_per_letter=2)
    matching = search.text_match(SearchEntry.objects.all(), "therapy")
    first = sorted(matching.values_list("pk", flat=True))
    assert first

    _end_a_request_in_another_thread_sharing(connections["default"])

    assert sorted(matching.values_list("pk", flat=True)) == first


def test_letters_indexed_after_a_search_are_found_by_the_next_one():
    create_many(20, items_per_letter=2)
    before = search.text_match(SearchEntry.objects.all(), "therapy").count()

    create_many(20, items_per_letter=2)

    assert search.text_match(SearchEntry.objects.all(), "therapy").count() == 2 * before


def test_a_request_ending_drops_its_own_matches():
    create_many(40, items_per_letter=2)
    first = sorted(search.text_match(SearchEntry.objects.all(), "therapy").values_list("pk", flat=True))

    search.forget_matches()

    assert sorted(search.text_match(SearchEntry.objects.all(), "therapy").values_list("pk", flat=True)) == first
