"""End to end in Chromium, on the ingested sample letters: search, filter, letter, item anchor, CSV, statistics."""

from __future__ import annotations

import csv
import io
import re
from urllib.parse import parse_qs, urlparse

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import screenshot

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def result_count(page: Page) -> int:
    heading = page.locator("#results-heading").inner_text()
    return int(re.search(r"([\d,]+) decision", heading).group(1).replace(",", ""))


def test_search_filter_read_export_and_count(live_server, letters, page: Page, tmp_path):
    page.goto(live_server.url + "/")
    expect(page.locator("h1")).to_have_text("Search IMR decisions")
    assert result_count(page) == 44
    screenshot(page, "01-search-all")

    page.get_by_label("Search the text of decisions").fill("surgery OR injection")
    page.get_by_role("button", name="Search", exact=True).click()
    expect(page.locator("#results-heading")).to_contain_text("surgery OR injection")
    found = result_count(page)
    assert 0 < found < 44
    assert page.locator("ol.hits mark").count() > 0
    screenshot(page, "02-search-query")

    outcome = page.locator("fieldset.facet:has(legend:text('Outcome')) input[type=checkbox]").first
    category = page.locator("fieldset.facet:has(legend:text('Category')) input[type=checkbox]").first
    outcome_value, category_value = outcome.get_attribute("value"), category.get_attribute("value")
    outcome.check()
    category.check()
    page.get_by_role("button", name="Apply filters").click()
    params = parse_qs(urlparse(page.url).query)
    assert params["q"] == ["surgery OR injection"]
    assert params["outcome"] == [outcome_value] and params["category"] == [category_value]
    filtered = result_count(page)
    assert 0 < filtered <= found
    expect(page.locator(".chips")).to_contain_text(category_value)
    screenshot(page, "03-search-filtered")

    csv_link = page.get_by_role("link", name=re.compile("as CSV"))
    with page.expect_download() as download_info:
        csv_link.click()
    download = download_info.value
    assert re.fullmatch(r"imr-decisions-\d{4}-\d{2}-\d{2}\.csv", download.suggested_filename)
    target = tmp_path / download.suggested_filename
    download.save_as(target)
    rows = list(csv.DictReader(io.StringIO(target.read_text(encoding="utf-8"), newline="")))
    assert len(rows) == filtered
    assert {row["outcome"] for row in rows} == {outcome_value}
    assert {row["category"] for row in rows} == {category_value}
    assert all(row["letter_url"].startswith(live_server.url + "/letters/") for row in rows)

    first = page.locator("ol.hits h3 a").first
    request = first.inner_text()
    first.click()
    assert re.search(r"/letters/[^/]+/#item-\d+$", page.url)
    anchor = page.url.rsplit("#", 1)[1]
    item = page.locator(f"#{anchor}")
    expect(item).to_be_in_viewport()
    expect(item.locator("h3")).to_contain_text(request, ignore_case=True)
    expect(page.locator("h1")).to_contain_text("(Cal. DWC")
    screenshot(page, "04-letter-item")

    page.locator("nav.toc a").last.click()
    last_anchor = page.url.rsplit("#", 1)[1]
    expect(page.locator(f"#{last_anchor}")).to_be_in_viewport()

    page.go_back()
    page.go_back()
    page.get_by_role("link", name=re.compile("^Statistics for")).click()
    expect(page.locator("h1")).to_have_text("Overturn rates")
    assert page.locator("svg.bar-chart").count() == 4
    assert page.locator("table.data").count() == 4
    expect(page.locator(".chips")).to_contain_text(category_value)
    screenshot(page, "05-statistics", full_page=True)

    assert not page.errors, page.errors


def test_letter_with_a_contradiction_shows_the_review_notice(live_server, letters, page: Page):
    page.goto(live_server.url + "/?needs_review=true")
    assert result_count(page) >= 1
    page.locator("ol.hits h3 a").first.click()
    expect(page.locator(".notice-review")).to_be_visible()
    screenshot(page, "06-letter-needs-review")
    assert not page.errors, page.errors


def test_keyboard_skip_link_and_visible_focus(live_server, letters, page: Page):
    page.goto(live_server.url + "/")
    page.keyboard.press("Tab")
    skip = page.locator(".skip-link")
    expect(skip).to_be_focused()
    expect(skip).to_be_in_viewport()
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.url.endswith("#main")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_q"


def test_phone_layout_has_no_horizontal_scroll(live_server, letters, phone: Page):
    for path in ("/?q=shoulder", "/stats/", "/letters/CM14-0061352/"):
        phone.goto(live_server.url + path)
        assert phone.evaluate("document.documentElement.scrollWidth") <= 375, path
    phone.goto(live_server.url + "/?q=shoulder")
    first_hit = phone.locator("ol.hits li").first.bounding_box()
    filters = phone.locator("#filters").bounding_box()
    assert filters["y"] > first_hit["y"], "on a phone the filters come after the results"
    screenshot(phone, "07-phone-search")
    assert not phone.errors, phone.errors


def test_print_hides_the_controls_and_shows_letter_addresses(live_server, letters, page: Page):
    page.goto(live_server.url + "/?q=shoulder")
    page.emulate_media(media="print")
    expect(page.locator("#filters")).to_be_hidden()
    expect(page.locator(".search-form")).to_be_hidden()
    after = page.evaluate("getComputedStyle(document.querySelector('ol.hits a.letter-link'), '::after').content")
    assert "/letters/" in after
