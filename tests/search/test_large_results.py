"""What a large result does: estimated counts and facets from the hashed sample, and a ranked window.

The real limits (10,000 exact, 1,000 ranked) need a big database; here they are
lowered so the same code paths run on a few hundred decisions, on both
databases.
"""

from __future__ import annotations

import math
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from determinations import search
from determinations.models import SearchEntry
from tests.factories import create_many

pytestmark = pytest.mark.django_db


@pytest.fixture
def many():
    return create_many(300, items_per_letter=2)


@pytest.fixture
def small_limits(monkeypatch):
    monkeypatch.setattr(search, "EXACT_COUNT_LIMIT", 100)
    monkeypatch.setattr(search, "SAMPLE_TARGET", 200)
    monkeypatch.setattr(search, "RANKED_LIMIT", 30)


def test_counts_beyond_the_limit_are_estimated_from_the_sample(many, small_limits):
    everything = SearchEntry.objects.all()
    tally = search.tally(everything, ["outcome", "guideline"])
    assert not tally.count.exact
    assert str(tally.count).startswith("about ")
    assert 0.6 * many <= tally.count.value <= 1.4 * many
    overturned = everything.filter(outcome="overturned").count()
    assert 0.4 * overturned <= tally.facets["outcome"]["overturned"] <= 1.6 * overturned
    assert tally.facets["guideline"]["MTUS"] == pytest.approx(tally.count.value, rel=0.2)


def test_a_result_of_most_decisions_is_estimated_from_a_small_sample(many, small_limits, monkeypatch):
    """About ``SAMPLE_TARGET`` decisions are read, not a fixed share of them: SQLite sorts every facet column of
    what it samples, so a common word is not counted from 5% of a large database."""
    monkeypatch.setattr(search, "SAMPLE_TARGET", 20)
    monkeypatch.setattr(search, "SAMPLE_MINIMUM", 5)
    decisions = SearchEntry.objects.count()
    if connection.vendor == "postgresql":  # it sizes the sample from its planner's estimate: up to date, not stale
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE determinations_searchentry")
    with CaptureQueriesContext(connection) as queries:
        tally = search.tally(SearchEntry.objects.all(), ["outcome", "year"])
    bounds = [int(bound) for query in queries for bound in re.findall(r'"sample" < (\d+)', query["sql"])]
    assert bounds and max(bounds) <= math.ceil(20 * search.SAMPLE_SCALE / decisions) < 50
    assert not tally.count.exact
    assert 0.5 * decisions <= tally.count.value <= 1.5 * decisions


def test_counts_up_to_the_limit_are_exact(many, small_limits):
    some = SearchEntry.objects.filter(outcome="overturned")
    tally = search.tally(some, ["outcome"])
    assert tally.count.exact
    assert tally.count.value == some.count() <= 100
    assert tally.facets["outcome"] == {"overturned": some.count()}


def test_the_sample_is_spread_over_every_id_range(many):
    buckets = [search.sample_bucket(pk) for pk in range(1, 20_001)]
    assert min(buckets) == 0 and max(buckets) == search.SAMPLE_SCALE - 1
    share = sum(1 for b in buckets if b < 100) / len(buckets)
    assert 0.09 < share < 0.11


def test_search_page_marks_estimated_counts(client, many, small_limits):
    html = client.get("/?q=therapy").content.decode()
    assert re.search(r"about [\d,]+ decisions", html)
    assert "≈" in html


def test_relevance_pages_end_with_the_ranked_window(client, many, small_limits):
    html = client.get("/?q=therapy").content.decode()
    assert "Ranked by relevance: the 30 newest of these decisions" in html
    assert 'rel="next" href="/?q=therapy&amp;page=2"' in html
    last = client.get("/?q=therapy&page=2").content.decode()
    assert 'rel="next"' not in last
    assert len(re.findall(r'<li class="hit', last)) == 10


def test_ranked_window_holds_the_newest_matches(many, small_limits):
    matches = search.text_match(SearchEntry.objects.all(), "therapy")
    ranked = search.page_ids(matches, "therapy", "relevance", 0, 100)
    newest = list(matches.order_by("-decision_date", "-pk").values_list("pk", flat=True)[:30])
    assert len(ranked) == 30
    assert set(ranked) == set(newest)


def test_date_order_pages_through_everything(many, small_limits):
    matches = search.text_match(SearchEntry.objects.all(), "therapy")
    assert len(search.page_ids(matches, "therapy", "newest", 0, 1000)) == many
    assert search.by_date(matches, "relevance").count() == many


@pytest.mark.parametrize("sort", ["relevance", "newest", "oldest"])
@pytest.mark.parametrize("expected", [1, 10**9], ids=["sorted", "walked"])
def test_sorting_or_walking_the_matches_gives_the_same_pages(many, small_limits, sort, expected):
    """Whether a page is found by sorting the matches or by walking the date index, its rows and order are the same.

    An expected size far below the real one makes the result look sparse (sorted); far above, dense (walked,
    overruling PostgreSQL's planner).
    """
    matches = search.text_match(SearchEntry.objects.filter(outcome="overturned"), "therapy")
    chosen = search.page_ids(matches, "therapy", sort, 5, 20, expected=None)
    forced = search.page_ids(matches, "therapy", sort, 5, 20, expected=expected)
    assert chosen and chosen == forced


def test_a_result_clearly_under_the_limit_is_counted_without_a_larger_sample_first(monkeypatch):
    """SQLite: a first sample that puts a result under the exact-count limit by the margin ``_exact_slack`` allows
    above it is not completed to 5% before the exact count the result gets anyway (PostgreSQL asks its planner
    instead, and takes no second sample either)."""
    create_many(2_000, items_per_letter=2)
    monkeypatch.setattr(search, "SAMPLE_TARGET", 150)  # a first sample of about 150 of the 4,000 decisions
    overturned = SearchEntry.objects.filter(outcome="overturned")  # a few hundred: fewer than half the sample's
    buckets = min(math.ceil(150 * search.SAMPLE_SCALE / search._highest_decision_id()), 50)
    estimate = overturned.filter(sample__lt=buckets).count() * search.SAMPLE_SCALE / buckets
    monkeypatch.setattr(search, "EXACT_COUNT_LIMIT", int(1.9 * estimate))  # over half the limit, under it by far
    with CaptureQueriesContext(connection) as queries:
        tally = search.tally(overturned, ["outcome"])
    assert tally.count.exact and tally.count.value == overturned.count()
    assert not [query for query in queries if '"sample" >=' in query["sql"]], "no second sample"
