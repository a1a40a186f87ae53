"""An export of most of the corpus has the tables it joins read ahead, in stored order, on another connection.

PostgreSQL only (``search.reads_ahead``): the export reads decisions in date
order, a random read each where they are not cached. The read-ahead runs on a
connection of its own, so these tests commit their letters.
"""

from __future__ import annotations

import csv
import io

import pytest
from django.db import connection

from determinations import search
from determinations.models import SearchEntry
from tests.factories import create_many

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def analysed_letters():
    decisions = create_many(400, items_per_letter=2)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return decisions


def test_an_export_of_most_decisions_reads_ahead(analysed_letters):
    assert search.reads_ahead(SearchEntry.objects.all()) is (connection.vendor == "postgresql")


def test_a_narrow_export_does_not(analysed_letters):
    one = SearchEntry.objects.values_list("case_number", flat=True).first()
    assert not search.reads_ahead(SearchEntry.objects.filter(case_number=one))


def test_an_export_that_reads_ahead_is_the_same_file(client, analysed_letters):
    everything = b"".join(client.get("/export.csv?sort=oldest").streaming_content).decode()
    rows = list(csv.reader(io.StringIO(everything, newline="")))
    assert len(rows) == analysed_letters + 1
    assert len({row[10] for row in rows[1:]}) == analysed_letters
    dates = [row[1] for row in rows[1:]]
    assert dates == sorted(dates)
