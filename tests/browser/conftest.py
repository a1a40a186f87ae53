"""A real Chromium (Debian's ``/usr/bin/chromium``, driven by playwright) against a live test server.

The browser is never downloaded: playwright is pointed at the system
Chromium. These tests must run, not skip, in CI, so a missing Chromium fails.
Playwright's sync API runs an event loop in the test thread, which Django's
async-safety check would mistake for async code; the check is lifted while the
browser runs. One browser per test module: playwright's sync API cannot run
twice at once in one thread, and other modules start their own.
"""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, Page, sync_playwright

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
PROJECT_DIR = Path(__file__).resolve().parents[2]
FIXTURE_LETTERS = PROJECT_DIR / "fixtures" / "letters"
SCREENSHOTS = PROJECT_DIR / "var" / "screenshots"


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium (apt-get install chromium)", pytrace=False)
    previous = os.environ.get("DJANGO_ALLOW_ASYNC_UNSAFE")
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    try:
        with sync_playwright() as playwright:
            chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
            yield chromium
            chromium.close()
    finally:
        if previous is None:
            os.environ.pop("DJANGO_ALLOW_ASYNC_UNSAFE", None)
        else:
            os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = previous


@pytest.fixture
def letters(transactional_db) -> None:
    """The sample letters of ``fixtures/letters``, ingested as a user would."""
    out = io.StringIO()
    call_command("ingest", str(FIXTURE_LETTERS), stdout=out, stderr=io.StringIO())
    assert "failed 0" in out.getvalue(), out.getvalue()


@pytest.fixture
def page(browser: Browser) -> Iterator[Page]:
    """A desktop-sized page that records console errors (a CSP violation among them) in ``page.errors``."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, accept_downloads=True)
    yield from _recording_page(context)


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    """A 375 px wide touch page, like a small phone."""
    context = browser.new_context(viewport={"width": 375, "height": 800}, is_mobile=True, has_touch=True)
    yield from _recording_page(context)


def _recording_page(context) -> Iterator[Page]:
    page = context.new_page()
    page.errors = []
    page.on("console", lambda message: message.type == "error" and page.errors.append(message.text))
    page.on("pageerror", lambda error: page.errors.append(str(error)))
    yield page
    context.close()


def screenshot(page: Page, name: str, full_page: bool = False) -> Path:
    """Save a screenshot under ``var/screenshots/`` (git-ignored)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path
