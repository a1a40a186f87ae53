"""The search page at ``/``: result rows, counts, empty state, pagination, sorting, chips and facets."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from determinations import search
from tests.factories import ItemSpec, LetterSpec, create_letter, create_letters, create_many
from tests.search.corpus import create_corpus

pytestmark = pytest.mark.django_db


def page(client, query: str = "") -> str:
    response = client.get(f"/{query}")
    assert response.status_code == 200
    return response.content.decode()


def hit_links(html: str) -> list[str]:
    return re.findall(r'<h3 class="hit-title"><a class="letter-link" href="([^"]+)"', html)


class TestResultRows:
    def test_a_row_shows_the_decision_and_links_to_its_item(self, client):
        create_corpus()
        html = page(client, "?q=lidocaine")
        assert "1 decision for" in html
        assert hit_links(html) == ["/letters/CM15-0000002/#item-1"]
        row = html[html.index('<li class="hit">') : html.index("</li>", html.index('<li class="hit">'))]
        for text in ("Lidoderm 5% patches", "CM15-0000002", "May 1, 2015", "Pharmaceuticals", "ODG"):
            assert text in row
        assert "Physical Medicine &amp; Rehabilitation" in row
        assert 'class="badge badge-overturned">Overturned' in row
        assert "Topical <mark>lidocaine</mark> is recommended" in row

    def test_no_query_lists_everything_newest_first(self, client):
        ids = create_corpus()
        html = page(client)
        assert "9 decisions" in html
        assert hit_links(html)[:2] == ["/letters/CM17-0000004/#item-2", "/letters/CM17-0000004/#item-1"]
        assert len(ids) == len(hit_links(html))

    def test_sort_oldest_and_newest(self, client):
        create_corpus()
        oldest = hit_links(page(client, "?q=pain&sort=oldest"))
        newest = hit_links(page(client, "?q=pain&sort=newest"))
        assert oldest[0].startswith("/letters/CM15-0000002/")
        assert newest[0].startswith("/letters/CM17-0000004/")
        assert sorted(oldest) == sorted(newest)

    def test_relevance_puts_the_request_match_first(self, client):
        create_letters(
            [
                LetterSpec(items=[ItemSpec("Office visit", rationale="Acupuncture was mentioned once.")]),
                LetterSpec(items=[ItemSpec("Acupuncture 6 sessions", rationale="Acupuncture is an option.")]),
            ]
        )
        links = hit_links(page(client, "?q=acupuncture"))
        html = page(client, "?q=acupuncture")
        assert len(links) == 2
        assert html.index("Acupuncture 6 sessions") < html.index("Office visit")

    def test_synthetic_letters_are_marked(self, client):
        create_letter(synthetic=True)
        assert "Synthetic letter" in page(client)


class TestEmptyStateAndNotices:
    def test_no_match_teaches_the_syntax(self, client):
        create_corpus()
        html = page(client, "?q=hyperbaric")
        assert "0 decisions" in html
        assert "No decisions match" in html
        assert "How to search" in html and "norco OR hydrocodone" in html and '<kbd>"work conditioning"</kbd>' in html

    def test_only_stop_words_says_why(self, client):
        create_corpus()
        html = page(client, "?q=the+of")
        assert "very common words" in html
        assert "0 decisions" in html

    def test_invalid_filter_value_is_reported_and_ignored(self, client):
        create_corpus()
        html = page(client, "?outcome=maybe&year=1850")
        assert "This part was ignored" in html
        assert "9 decisions" in html


class TestCounts:
    def test_inexact_count_says_about_and_offers_no_last_page(self, client, monkeypatch):
        create_many(43, items_per_letter=2)
        monkeypatch.setattr(search, "EXACT_COUNT_LIMIT", 30)
        html = page(client)
        assert re.search(r"about [\d,]+ decisions", html)
        assert "page=2" in html
        assert "page=5" not in html

    def test_exact_count_offers_the_last_page(self, client):
        create_many(43, items_per_letter=2)
        html = page(client)
        assert "86 decisions" in html
        assert 'href="/?page=5"' in html

    def test_queries_do_not_grow_with_the_page_size(self, client):
        create_many(30, items_per_letter=2)
        with CaptureQueriesContext(connection) as full:
            page(client)
        with CaptureQueriesContext(connection) as small:
            page(client, "?q=physical&date_to=2014-01-03")
        assert "decisions" in page(client, "?q=physical&date_to=2014-01-03")
        assert len(full) <= len(small) + 2
        assert len(full) < 25


class TestPagination:
    @pytest.fixture
    def many(self):
        create_many(43, items_per_letter=2)

    def test_deep_page(self, client, many):
        html = page(client, "?page=5")
        assert len(hit_links(html)) == 6
        assert 'rel="prev" href="/?page=4"' in html
        assert 'rel="next"' not in html
        assert '<ol class="hits" start="81">' in html

    def test_page_links_keep_the_search(self, client, many):
        html = page(client, "?q=therapy&outcome=upheld&sort=oldest")
        assert 'rel="next" href="/?q=therapy&amp;outcome=upheld&amp;sort=oldest&amp;page=2"' in html

    def test_past_the_last_page(self, client, many):
        html = page(client, "?page=99")
        assert "no results on page 99" in html
        assert 'href="/?page=5"' in html

    @pytest.mark.parametrize("bad", ["-1", "0", "abc", str(10**20), "1e3"])
    def test_bad_page_numbers_show_the_first_page(self, client, many, bad):
        html = page(client, f"?page={bad}")
        assert "Page: " in html and "This part was ignored" in html
        assert '<ol class="hits" start="1">' in html


class TestChipsAndFacets:
    def test_chips_remove_one_value_each(self, client):
        create_corpus()
        html = page(client, "?q=pain&outcome=upheld&outcome=overturned&year=2015")
        assert 'href="/?outcome=upheld&amp;outcome=overturned&amp;year=2015"' in html
        assert 'href="/?q=pain&amp;outcome=overturned&amp;year=2015"' in html
        assert 'href="/?q=pain&amp;outcome=upheld&amp;outcome=overturned"' in html
        assert "Decision year:</span> 2015" in html

    def test_facet_counts_follow_the_query_and_ignore_their_own_selection(self, client):
        create_corpus()
        html = page(client, "?q=pain&outcome=upheld")
        assert re.search(r'value="upheld"[^>]*checked><label[^>]*>Upheld <span class="count">4</span>', html)
        assert re.search(r'value="overturned"[^>]*><label[^>]*>Overturned <span class="count">3</span>', html)
        assert re.search(r'value="DMEPOS"[^>]*><label[^>]*>DMEPOS <span class="count">1</span>', html)
        assert 'value="Pharmaceuticals"' in html
        assert 'value="Rehabilitation"' not in html, "the only Rehabilitation match was overturned"
        assert 'value="Surgery"' not in html

    def test_a_selected_option_with_no_match_still_shows(self, client):
        create_corpus()
        html = page(client, "?category=Surgery")
        assert re.search(r'value="Surgery"[^>]*checked><label[^>]*>Surgery <span class="count">0</span>', html)

    def test_every_control_has_a_label(self, client):
        create_corpus()
        html = page(client, "?q=pain")
        ids = re.findall(r'<(?:input|select)[^>]*\bid="([^"]+)"', html)
        assert ids
        for control_id in ids:
            assert f'for="{control_id}"' in html, control_id
        assert html.count("<h1>") == 1

    def test_date_and_case_filters(self, client):
        create_corpus()
        html = page(client, "?date_from=2015-01-01&date_to=2015-12-31")
        assert "3 decisions" in html
        html = page(client, "?case=cm16")
        assert "2 decisions" in html


def test_every_state_is_a_get_url_without_inline_code(client):
    create_letter(decision_date=datetime.date(2016, 1, 1))
    html = page(client, "?q=norco")
    assert 'method="get"' in html
    assert "<script" not in html and "style=" not in html and "<style" not in html
