"""A strict Content-Security-Policy on every response, and no page that needs it relaxed.

The policy allows no inline script or style, so every page is checked for
what a browser would then block: ``<script>`` without ``src`` (JSON data
blocks excepted), ``style`` attributes, ``<style>`` blocks without a nonce,
event-handler attributes and ``javascript:`` URLs.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.admin.browser import inline_code
from tests.admin.letters import CASE_A
from tests.admin.urls import admin_pages, public_urls

pytestmark = pytest.mark.django_db

DIRECTIVES = {
    "default-src": "'self'",
    "object-src": "'none'",
    "base-uri": "'self'",
    "form-action": "'self'",
    "frame-ancestors": "'none'",
}


def policy(response) -> dict[str, str]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: " ".join(part.split()[1:]) for part in header.split(";") if part.strip()}


def test_every_response_carries_the_strict_policy(client, admin_client, letters):
    for visitor, url in [(client, "/"), (client, reverse("admin:login")), (admin_client, reverse("admin:index"))]:
        directives = policy(visitor.get(url))
        for name, value in DIRECTIVES.items():
            assert directives[name] == value, (url, name, directives)
        for name in ("script-src", "style-src"):
            assert "'self'" in directives[name]
            assert "unsafe-inline" not in directives[name] and "unsafe-eval" not in directives[name]


def test_other_security_headers(client, letters):
    response = client.get("/")
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"


def test_public_pages_have_no_inline_code(client, letters):
    urls = public_urls({"citation_id": CASE_A})
    urls += ["/?q=mri", "/?outcome=upheld&category=Pharmaceuticals", "/?page=2", "/?q=%22no+such+phrase%22"]
    for url in urls:
        response = client.get(url)
        if response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            assert inline_code(response.content.decode()) == [], url


def test_admin_pages_have_no_inline_code(client, admin_client, letters):
    login = client.get(reverse("admin:login"))
    assert inline_code(login.content.decode()) == []
    for url in admin_pages():
        response = admin_client.get(url, follow=True)
        assert response.status_code in {200, 403}, url
        assert inline_code(response.content.decode()) == [], url


def test_the_checker_finds_what_a_browser_would_block():
    page = """<script>alert(1)</script><script type="application/json">{"a": 1}</script>
    <script src="/static/x.js"></script><p style="color: red" onclick="go()">x</p><style>p {}</style>
    <style nonce="abc">p {}</style><a href="javascript:go()">y</a>"""
    blocked = inline_code(page)
    assert len(blocked) == 5
    assert any("alert(1)" in item for item in blocked)
