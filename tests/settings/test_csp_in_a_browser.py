"""In a real Chromium, no page breaks the Content-Security-Policy, and the admin's scripts still work."""

from __future__ import annotations

import pytest
from django.apps import apps
from django.urls import reverse

from determinations.models import Determination
from tests.admin.letters import CASE_A, ingest, write_letters
from tests.admin.urls import public_urls

# Naming every app makes the flush between tests TRUNCATE ... CASCADE, which PostgreSQL needs for the
# full-text tables that reference letters but are not Django models.
ALL_APPS = [config.name for config in apps.get_app_configs()]
pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, available_apps=ALL_APPS)]

CHROMIUM = "/usr/bin/chromium"


@pytest.fixture
def site(live_server, admin_user, tmp_path) -> dict:
    """The letters ingested and the pages to visit, prepared before the browser starts (no ORM beside it)."""
    ingest(write_letters(tmp_path / "letters"))
    pk = Determination.objects.get(case_number=CASE_A).pk
    admin_pages = [
        reverse("admin:index"),
        reverse("admin:determinations_determination_changelist"),
        reverse("admin:determinations_letterneedingreview_changelist"),
        reverse("admin:determinations_determination_history", args=[pk]),
        reverse("admin:determinations_determination_change", args=[pk]),
    ]
    return {
        "root": live_server.url,
        "public": public_urls({"citation_id": CASE_A}),
        "admin": admin_pages,
        "username": admin_user.username,
    }


@pytest.fixture
def page(site):
    """A Chromium page that records the CSP violations reported on its console."""
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM)
        page = browser.new_page()
        page.csp_reports = []
        page.on("console", lambda msg: "Content Security Policy" in msg.text and page.csp_reports.append(msg.text))
        yield page
        browser.close()


def visit(page, url: str) -> None:
    page.goto(url)
    page.wait_for_load_state("networkidle")


def test_public_and_admin_pages_raise_no_violation(page, site):
    root = site["root"]
    for url in site["public"]:
        if page.request.head(root + url).headers["content-type"].startswith("text/html"):
            visit(page, root + url)

    visit(page, root + reverse("admin:login"))
    page.fill("#id_username", site["username"])
    page.fill("#id_password", "password")
    page.click("input[type=submit]")
    page.wait_for_url(root + reverse("admin:index"))
    for url in site["admin"]:
        visit(page, root + url)
    assert page.csp_reports == []

    page.click(".add-row a")
    assert page.locator("#items-2").is_visible(), "the inline 'Add another' script ran"
    page.locator("#items-0 .select2-selection").first.click()
    page.wait_for_selector(".select2-results__option")
    assert page.csp_reports == []
