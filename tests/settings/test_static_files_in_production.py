"""Production serves hashed, compressed static files through WhiteNoise, and its pages render with them."""

from __future__ import annotations

import json

import pytest

from tests.admin.letters import CASE_A, write_letters
from tests.settings.production import manage, production, python

PAGES = ["/", f"/letters/{CASE_A}/", "/admin/login/"]

PROBE = """
import json, re
from django.test import Client
client = Client(HTTP_HOST="example.org")
results = {"plain_http": client.get("/").status_code, "pages": {}, "static": {}}
for page in %(pages)r:
    response = client.get(page, HTTP_X_FORWARDED_PROTO="https")
    html = response.content.decode()
    results["pages"][page] = [response.status_code, re.findall(r'(?:href|src)="(/static/[^"]+)"', html)]
for url in sorted({u for _, urls in results["pages"].values() for u in urls}):
    response = client.get(url, HTTP_X_FORWARDED_PROTO="https")
    results["static"][url] = [response.status_code, response.get("Cache-Control", "")]
print(json.dumps(results))
"""


@pytest.mark.slow
def test_collectstatic_then_pages_render_with_hashed_static_files(tmp_path):
    env = production(tmp_path, DJANGO_SECURE_PROXY_SSL_HEADER="X-Forwarded-Proto: https")
    for command in (["collectstatic", "--no-input", "-v0"], ["migrate", "--no-input", "-v0"]):
        result = manage(env, *command)
        assert result.returncode == 0, result.stderr
    assert (tmp_path / "static" / "staticfiles.json").is_file()
    assert list((tmp_path / "static" / "admin" / "css").glob("base.*.css.gz")), "compressed copies are made"
    assert manage(env, "ingest", str(write_letters(tmp_path / "letters"))).returncode == 0

    probe = python(env, PROBE % {"pages": PAGES})
    assert probe.returncode == 0, probe.stderr
    results = json.loads(probe.stdout.splitlines()[-1])
    assert results["plain_http"] == 301, "plain HTTP is redirected to HTTPS"
    for page, (status, static_urls) in results["pages"].items():
        assert status == 200, page
        assert static_urls, f"{page} links no static file"
    for url, (status, cache_control) in results["static"].items():
        assert status == 200, url
        assert "immutable" in cache_control, f"{url} is not a hashed file served forever: {cache_control!r}"
