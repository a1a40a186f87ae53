"""No planted identifier shows on any admin page: lists, change pages, history, old versions."""

from __future__ import annotations

import pytest

from tests.admin.letters import ingest, write_letter
from tests.admin.urls import admin_pages
from tests.deid.test_planted_identifiers import LETTER_A, LETTER_B, PLANTED

pytestmark = pytest.mark.django_db


def test_no_planted_identifier_on_any_admin_page(admin_client, tmp_path):
    write_letter(tmp_path / "planted" / "featherstonehaugh-imr.txt", LETTER_A)
    write_letter(tmp_path / "planted" / "quillfeather.txt", LETTER_B)
    assert "new 2," in ingest(tmp_path / "planted")
    pages = [url for url in admin_pages() if not url.startswith("/admin/auth/")]  # staff accounts, not letters
    assert len(pages) > 40
    for url in pages:
        response = admin_client.get(url, follow=True)
        assert response.status_code in {200, 403}, url
        html = response.content.decode()
        leaked = [planted for planted in PLANTED if planted.lower() in html.lower()]
        assert leaked == [], (url, leaked)
