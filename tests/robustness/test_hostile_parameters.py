"""Malformed or hostile query parameters never cause a server error on ``/``, ``/export.csv`` or ``/stats/``."""

from __future__ import annotations

from urllib.parse import urlencode

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.search.corpus import create_corpus

pytestmark = pytest.mark.django_db

PARAMETERS = (
    "q outcome category subcategory specialty guideline year date_from date_to sex age_band priority region case "
    "needs_review sort page"
).split()
NASTY = [
    "",
    "\x00",
    "a\x00b",
    '"',
    '"unbalanced',
    "'",
    "*",
    "^",
    ":",
    "NEAR(",
    "NEAR(a b, 2)",
    "a AND",
    "OR",
    "-",
    "--",
    '-""',
    "()",
    "{col}: x",
    "col:term",
    "a*b^c",
    "%",
    "_",
    "\\",
    "'; DROP TABLE determinations_searchentry; --",
    "<script>alert(1)</script>",
    "-1",
    "0",
    "abc",
    str(10**20),
    "9" * 400,
    "2015-02-30",
    "99999-01-01",
    "0000-00-00",
    "2015/13/45",
    "true",
    "\u202e\u0301\ufeff",
    "🙂" * 50,
    "x" * 5000,
    "!:&|<->",
]
text = st.text(st.characters(exclude_categories=("Cs",)), max_size=60)
value = st.one_of(st.sampled_from(NASTY), text, st.integers().map(str))
pairs = st.lists(st.tuples(st.one_of(st.sampled_from(PARAMETERS), text), value), max_size=8)


@pytest.fixture
def corpus():
    create_corpus()


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(pairs=pairs)
@pytest.mark.parametrize("path", ["/", "/export.csv", "/stats/"])
def test_random_parameters_never_break_a_page(client, corpus, path, pairs):
    response = client.get(f"{path}?{urlencode(pairs)}")
    assert response.status_code in (200, 400), response.status_code
    if path != "/export.csv":
        assert response.status_code == 200
    if response["Content-Type"].startswith("text/html"):
        assert b"<script>alert(1)</script>" not in response.content
    else:
        assert response["Content-Type"].startswith(("text/csv", "text/plain"))


@pytest.mark.parametrize("path", ["/", "/export.csv", "/stats/"])
@pytest.mark.parametrize("nasty", NASTY)
def test_every_parameter_with_each_nasty_value(client, corpus, path, nasty):
    query = urlencode([(name, nasty) for name in PARAMETERS] + [("q", nasty), ("outcome", nasty)])
    response = client.get(f"{path}?{query}")
    assert response.status_code in ((200, 400) if path == "/export.csv" else (200,))


@pytest.mark.parametrize("nasty", NASTY)
def test_query_text_alone_is_always_searchable(client, corpus, nasty):
    """Any text in ``q`` is a query (never an error): the export accepts it too."""
    for path in ("/", "/export.csv", "/stats/"):
        assert client.get(f"{path}?{urlencode({'q': nasty})}").status_code == 200


@pytest.mark.parametrize(
    "raw", ["q=%FF%FE", "q=%", "q=%ZZ", "page=%00", "&&&==&", "q", "outcome[]=upheld", "q=a&q=b&q=c"]
)
def test_raw_query_strings(client, corpus, raw):
    for path in ("/", "/stats/"):
        assert client.get(f"{path}?{raw}").status_code == 200


def test_many_repeated_values(client, corpus):
    query = urlencode([("outcome", "upheld")] * 300 + [("year", str(y)) for y in range(1900, 2100)] * 3)
    assert client.get(f"/?{query}").status_code == 200
    assert client.get(f"/stats/?{query}").status_code == 200


def test_more_fields_than_django_accepts_is_a_400(corpus):
    client = Client(raise_request_exception=False)
    query = urlencode([("outcome", "upheld")] * 1500)
    for path in ("/", "/export.csv", "/stats/"):
        assert client.get(f"{path}?{query}").status_code == 400
