"""``/stats/``: overturn rates by category, year, reviewer specialty and guideline family for the current filter."""

from __future__ import annotations

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from determinations import stats
from determinations.filters import SearchState
from tests.search.corpus import create_corpus

pytestmark = pytest.mark.django_db


def rates_of(breakdown: stats.Breakdown) -> dict[str, tuple[int, int]]:
    return {rate.label: (rate.total, rate.overturned) for rate in breakdown.rates}


def test_aggregates_over_the_filtered_decisions():
    create_corpus()
    from django.http import QueryDict

    result = stats.statistics(SearchState(QueryDict("q=pain")).queryset)
    assert (result.overall.total, result.overall.overturned) == (7, 3)
    by = {breakdown.key: rates_of(breakdown) for breakdown in result.breakdowns}
    assert by["category"] == {
        "Pharmaceuticals": (2, 1),
        "Injections & Procedures": (2, 1),
        "Rehabilitation": (1, 1),
        "Diagnostic Testing": (1, 0),
        "DMEPOS": (1, 0),
    }
    assert by["year"] == {"2015": (3, 2), "2016": (2, 1), "2017": (2, 0)}
    assert by["specialty"] == {"Physical Medicine & Rehabilitation": (7, 3)}
    assert by["guideline"] == {"MTUS": (3, 1), "ACOEM": (2, 1), "ODG": (2, 1), "Other": (1, 1)}
    assert list(by["year"]) == ["2015", "2016", "2017"], "years in order"


def test_rate_arithmetic():
    rate = stats.Rate("x", 8, 3)
    assert (rate.upheld, rate.percent) == (5, "37.5%")
    assert stats.Rate("empty", 0, 0).rate == 0.0


def test_page_shows_charts_with_their_tables(client):
    create_corpus()
    response = client.get("/stats/?q=pain&outcome=upheld&outcome=overturned")
    assert response.status_code == 200
    html = response.content.decode()
    assert html.count("<h1>") == 1
    assert "42.9%" in html and "3 of 7" in html
    assert html.count('<svg class="bar-chart"') == 4
    assert html.count('role="img"') == 4
    for key in ("category", "year", "specialty", "guideline"):
        assert f'aria-labelledby="{key}-title {key}-desc"' in html
        assert f'<title id="{key}-title">' in html and f'<desc id="{key}-desc">' in html
    assert html.count('<table class="data">') == 4
    assert re.search(r"<th scope=\"row\">Pharmaceuticals</th><td class=\"num\">2</td><td class=\"num\">1</td>", html)
    assert "<script" not in html and "style=" not in html
    assert "http://" not in html.split("<body>")[1].split("</svg>")[0], "no external resource in the charts"


def test_same_parameters_as_search(client):
    create_corpus()
    html = client.get("/stats/?year=2016").content.decode()
    assert "2 decisions" in html or "of 2 decision" in html
    assert 'href="/?year=2016"' in html
    assert 'href="/export.csv?year=2016"' in html
    assert "Decision year:</span> 2016" in html


def test_a_few_queries_whatever_the_result_size(client):
    create_corpus()
    with CaptureQueriesContext(connection) as queries:
        client.get("/stats/?q=pain")
    # The aggregates, plus (on SQLite) writing the search's matches once into a temporary table.
    assert len(queries) <= 11


def test_empty_result(client):
    html = client.get("/stats/?q=hyperbaric").content.decode()
    assert "No decisions to count." in html
    assert "0.0%" in html
