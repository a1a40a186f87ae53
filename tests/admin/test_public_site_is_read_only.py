"""The admin is the only place data changes: public pages refuse writes; only staff reach the admin."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.admin.letters import CASE_A, letter
from tests.admin.urls import public_urls

pytestmark = pytest.mark.django_db


@pytest.fixture
def site_urls(letters) -> list[str]:
    urls = public_urls({"citation_id": CASE_A})
    assert "/" in urls and f"/letters/{CASE_A}/" in urls
    return urls


def test_public_pages_answer_reads(client, site_urls):
    for url in site_urls:
        assert client.get(url).status_code == 200, url
        assert client.head(url).status_code == 200, url


@pytest.mark.parametrize("method", ["post", "put", "patch", "delete"])
def test_public_pages_refuse_writes(client, admin_client, site_urls, method):
    for url in site_urls:
        for visitor in (client, admin_client):
            response = getattr(visitor, method)(url, data={"q": "x"} if method == "post" else "")
            assert response.status_code in {403, 405}, (method, url, response.status_code)


def test_a_write_to_an_unknown_public_path_is_refused_too(client):
    assert client.post("/no-such-page/").status_code == 405


def test_anonymous_and_non_staff_users_are_sent_to_the_login_page(client, django_user_model, letters):
    pk = letter(CASE_A).pk
    change = reverse("admin:determinations_determination_change", args=[pk])
    login = reverse("admin:login")
    for user in (None, django_user_model.objects.create_user("reader", password="not-used")):
        if user is not None:
            client.force_login(user)
        for path in (reverse("admin:index"), change, reverse("admin:determinations_determination_changelist")):
            response = client.get(path)
            assert response.status_code == 302 and response.url.startswith(f"{login}?next="), (user, path)
        response = client.post(change, {"priority": "expedited", "_save": "Save"})
        assert response.status_code == 302 and response.url.startswith(login)
    assert letter(CASE_A).priority == "standard"


def test_staff_without_permissions_cannot_change_letters(client, django_user_model, letters):
    client.force_login(django_user_model.objects.create_user("intern", password="not-used", is_staff=True))
    pk = letter(CASE_A).pk
    assert client.get(reverse("admin:determinations_determination_change", args=[pk])).status_code == 403
    assert client.get(reverse("admin:determinations_letterneedingreview_changelist")).status_code == 403
