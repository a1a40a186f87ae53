"""A search page's counts run beside its rows, and the page is the one they give in turn.

``search.tallies_and_page`` runs counts on connections of their own while the
page's rows are found (on PostgreSQL every count; on SQLite each selected
facet's, the result's own count staying with the page); that needs committed
data (other connections see nothing else), so these tests commit theirs.
Inside a transaction everything runs in turn on the request's connection.
"""

from __future__ import annotations

import os
import threading

import pytest
from django.db import connection, transaction

from determinations import search
from tests.factories import create_many

pytestmark = pytest.mark.django_db(transaction=True)

SEARCHES = [
    "/?q=therapy&outcome=overturned&category=Rehabilitation",
    "/?q=%22physical+therapy%22&sort=newest",
    "/?outcome=upheld&sort=oldest&page=2",
    "/?q=therapy",
]


@pytest.fixture
def committed_letters(monkeypatch):
    create_many(300, items_per_letter=2)
    monkeypatch.setattr(search, "EXACT_COUNT_LIMIT", 100)  # estimated counts and a ranked window on a few hundred
    monkeypatch.setattr(search, "SAMPLE_TARGET", 200)
    monkeypatch.setattr(search, "RANKED_LIMIT", 30)


@pytest.fixture
def tally_threads(monkeypatch):
    """The names of the threads each tally ran on."""
    names: list[str] = []
    tally = search.tally

    def recorded(*args, **kwargs):
        names.append(threading.current_thread().name)
        return tally(*args, **kwargs)

    monkeypatch.setattr(search, "tally", recorded)
    return names


def _page(client, url: str) -> tuple:
    response = client.get(url)
    assert response.status_code == 200
    context = response.context
    facets = [(group.name, [(o.value, o.count, o.selected) for o in group.shown + group.more]) for group in
              context["facet_groups"]]  # fmt: skip
    return [hit.entry.pk for hit in context["hits"]], str(context["total"]), facets


@pytest.mark.parametrize("url", SEARCHES)
def test_counted_alongside_the_rows_or_in_turn_a_page_is_the_same(client, committed_letters, tally_threads, url):
    alongside = _page(client, url)
    counted_by = list(tally_threads)
    tally_threads.clear()
    with transaction.atomic():  # other connections would not see this transaction's writes: all in turn
        in_turn = _page(client, url)
    assert alongside == in_turn
    assert alongside[0], "the page has rows"
    assert set(tally_threads) == {threading.current_thread().name}
    here = threading.current_thread().name
    if connection.vendor == "postgresql":
        assert counted_by and here not in counted_by, "counted on the read threads"
    else:
        assert counted_by.count(here) == 1, "SQLite counts the result itself on the request's connection"
        assert all(name.startswith("imr-read") for name in counted_by if name != here), "facets on read threads"
        assert len(counted_by) == 1 + url.count("outcome=") + url.count("category="), "one more a selected facet"


def test_a_page_and_its_count_share_one_sample_of_the_result(client, committed_letters, monkeypatch):
    """On PostgreSQL both the page and the count beside it check the planner's estimate against a 1% sample of
    the same result; it is taken once a page. (SQLite has no planner to check: no such sample.)"""
    monkeypatch.setattr(search, "EXACT_COUNT_LIMIT", 10_000)  # a small result: its estimate is checked
    sampled: list[str] = []
    sampled_size = search._sampled_size

    def recorded(queryset, buckets):
        sampled.append(threading.current_thread().name)
        return sampled_size(queryset, buckets)

    monkeypatch.setattr(search, "_sampled_size", recorded)
    assert client.get("/?q=therapy&sort=newest").status_code == 200
    assert len(sampled) == (1 if connection.vendor == "postgresql" else 0)


def test_read_threads_drop_their_match_tables_when_done(client, committed_letters):
    """On SQLite each read thread writes its own table of the text's matches; none outlives its count."""
    assert client.get("/?q=therapy&outcome=overturned&category=Rehabilitation").status_code == 200
    barrier = threading.Barrier(search.READ_THREADS)

    def match_tables() -> list[str]:
        barrier.wait(timeout=30)  # every read thread takes one of these tasks
        if connection.vendor != "sqlite":
            return []
        with connection.cursor() as cursor:
            cursor.execute("SELECT name FROM sqlite_temp_master WHERE name LIKE 'imr_fts_matches%%'")
            return [name for (name,) in cursor.fetchall()]

    pool = search._read_pool(os.getpid())
    assert [future.result() for future in [pool.submit(match_tables) for _ in range(search.READ_THREADS)]] == [
        [],
        [],
    ]
