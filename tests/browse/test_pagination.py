"""``Pagination``: page numbers to link, with an exact or an estimated count."""

from __future__ import annotations

from determinations.filters import Pagination
from determinations.search import ResultCount


def test_exact_count_links_first_neighbours_and_last():
    pages = Pagination(page=10, total=ResultCount(1000, True), rows_on_page=20)
    assert pages.window() == [1, None, 8, 9, 10, 11, 12, None, 50]
    assert pages.has_previous and pages.has_next and pages.last_page == 50


def test_estimated_count_has_no_last_page():
    pages = Pagination(page=10, total=ResultCount(2_300_000, False), rows_on_page=20)
    assert pages.last_page is None
    assert pages.window() == [1, None, 8, 9, 10, 11, 12]
    assert pages.has_next


def test_estimated_count_on_a_short_page_stops():
    pages = Pagination(page=7, total=ResultCount(20_000, False), rows_on_page=3)
    assert not pages.has_next
    assert pages.window()[-1] == 7


def test_single_page_and_past_the_end():
    assert Pagination(page=1, total=ResultCount(3, True), rows_on_page=3).window() == [1]
    beyond = Pagination(page=9, total=ResultCount(30, True), rows_on_page=0)
    assert beyond.past_the_end and beyond.offset == 160
