"""Every admin page renders for staff on a populated database, without N+1 queries."""

from __future__ import annotations

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from determinations.models import (
    Decision,
    DeferredIndex,
    Determination,
    DisputedItem,
    Guideline,
    Patient,
    PhrasePairs,
    Reviewer,
    SearchEntry,
)
from tests.admin.letters import LETTER_A, LETTER_B, ingest, write_letter

pytestmark = pytest.mark.django_db

APP_MODELS = [model for model in admin.site._registry if model._meta.app_label == "determinations"]


def url(model, view: str, *args) -> str:
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


def test_every_model_is_registered_except_derived_data_and_bookkeeping():
    assert {Determination, Patient, Reviewer, DisputedItem, Decision, Guideline} <= set(APP_MODELS)
    assert not {SearchEntry, PhrasePairs, DeferredIndex} & set(admin.site._registry)


@pytest.mark.parametrize("model", APP_MODELS, ids=lambda m: m._meta.model_name)
def test_changelist_search_and_filters_render(admin_client, letters, model):
    changelist = url(model, "changelist")
    response = admin_client.get(changelist)
    assert response.status_code == 200
    assert response.context["cl"].result_count > 0
    assert admin_client.get(changelist, {"q": "CM21"}).status_code == 200
    for spec in response.context["cl"].filter_specs:
        for choice in spec.choices(response.context["cl"]):
            assert admin_client.get(changelist + choice["query_string"]).status_code == 200, choice


@pytest.mark.parametrize("model", APP_MODELS, ids=lambda m: m._meta.model_name)
def test_change_and_history_pages_render_for_every_object(admin_client, letters, model):
    for obj in model._default_manager.all():
        response = admin_client.get(url(model, "change", obj.pk))
        assert response.status_code in {200, 302}, (model, obj.pk)
        if response.status_code == 200:
            assert admin_client.get(url(model, "history", obj.pk)).status_code == 200


@pytest.mark.parametrize("model", [Reviewer, Guideline], ids=lambda m: m._meta.model_name)
def test_add_pages_render_where_adding_makes_sense(admin_client, model):
    assert admin_client.get(url(model, "add")).status_code == 200


@pytest.mark.parametrize("model", [Determination, Patient, DisputedItem, Decision], ids=lambda m: m._meta.model_name)
def test_rows_made_by_ingest_cannot_be_added_from_a_blank_form(admin_client, model):
    assert admin_client.get(url(model, "add")).status_code == 403


def test_delete_pages_render_and_deleting_a_letter_removes_its_rows(admin_client, letters):
    determination = Determination.objects.get(case_number="CM21-0100001")
    assert admin_client.get(url(Determination, "delete", determination.pk)).status_code == 200
    response = admin_client.post(url(Determination, "delete", determination.pk), {"post": "yes"})
    assert response.status_code == 302
    assert not Patient.objects.filter(pk=determination.patient_id).exists()
    assert not SearchEntry.objects.filter(determination_id=determination.pk).exists()
    assert Determination.history.filter(id=determination.pk, history_type="-").exists()


def test_autocomplete_lookups_answer(admin_client, letters):
    for model, field in [(Determination, "reviewer"), (Decision, "guidelines")]:
        params = {"app_label": "determinations", "model_name": model._meta.model_name, "field_name": field, "term": "M"}
        response = admin_client.get(reverse("admin:autocomplete"), params)
        assert response.status_code == 200
        assert response.json()["results"]


def add_more_letters(tmp_path, count: int) -> None:
    """``count`` more copies of each letter under fresh case numbers."""
    for n in range(count):
        for offset, text, case in [(100, LETTER_A, "CM21-0100001"), (200, LETTER_B, "CM21-0200002")]:
            write_letter(tmp_path / "more" / f"{offset + n}.txt", text.replace(case, f"CM22-{offset + n:07d}"))
    assert f"new {2 * count}," in ingest(tmp_path / "more")


@pytest.mark.parametrize("model", APP_MODELS, ids=lambda m: m._meta.model_name)
def test_changelists_make_no_query_per_row(admin_client, letters, tmp_path, model):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            assert admin_client.get(url(model, "changelist")).status_code == 200
        return len(captured)

    before = queries()
    add_more_letters(tmp_path, 3)
    assert queries() == before


def test_staff_with_letter_permissions_see_the_review_queue(client, django_user_model, letters):
    clerk = django_user_model.objects.create_user("clerk", password="not-used", is_staff=True)
    clerk.user_permissions.set(
        Permission.objects.filter(content_type__app_label="determinations", codename__endswith="_determination")
    )
    client.force_login(clerk)
    assert "1 letter needs review" in client.get(reverse("admin:index")).content.decode()
    assert client.get(reverse("admin:determinations_letterneedingreview_changelist")).status_code == 200


def test_a_cited_guideline_cannot_be_deleted_but_an_unused_one_can(admin_client, letters):
    cited = Guideline.objects.filter(decisions__isnull=False).first()
    response = admin_client.post(url(Guideline, "delete", cited.pk), {"post": "yes"})
    assert response.status_code == 200
    assert "still cited by a decision" in response.content.decode()
    assert Guideline.objects.filter(pk=cited.pk).exists()
    unused = Guideline.objects.create(family="OTHER", document="A journal article nobody cites")
    assert admin_client.post(url(Guideline, "delete", unused.pk), {"post": "yes"}).status_code == 302
    assert not Guideline.objects.filter(pk=unused.pk).exists()
