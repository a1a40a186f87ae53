"""Full change history: who, when, old value -> new value, on every model's admin page."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from determinations.history import AS_INGESTED, REINGESTED
from determinations.models import Decision, Determination, DisputedItem, Guideline, Patient, Reviewer
from tests.admin.helpers import correct
from tests.admin.letters import CASE_A, CASE_B, LETTER_A, ingest, letter, write_letter

pytestmark = pytest.mark.django_db


def history_text(client, model_name: str, pk: int) -> str:
    """The history page of one object, as text (tags dropped, whitespace collapsed)."""
    response = client.get(reverse(f"admin:determinations_{model_name}_history", args=[pk]))
    assert response.status_code == 200
    text = re.sub(r"<[^>]+>", " ", response.content.decode())
    return re.sub(r"\s+", " ", text.replace("&nbsp;", " ").replace("&rarr;", "->"))


def test_history_starts_at_the_first_change(letters, tmp_path):
    """A new letter records no version; re-ingesting a changed letter records "as ingested", then the change."""
    for model in (Determination, Patient, DisputedItem, Decision, Reviewer, Guideline):
        assert not model.history.exists(), model
    text = LETTER_A.replace("Imaging is not\nmedically necessary.", "Imaging is not\nmedically necessary. Amended.")
    ingest(write_letter(tmp_path / "changed" / "letter-a.txt", text))
    versions = list(letter(CASE_A).history.all())
    assert [v.history_change_reason for v in versions] == [REINGESTED, AS_INGESTED]
    assert versions[0].history_user is None
    rationale_versions = [r.rationale for r in letter(CASE_A).items.get(position=1).decision.history.all()]
    assert len(rationale_versions) == 2
    assert rationale_versions[0].endswith("Amended.") and not rationale_versions[1].endswith("Amended.")
    assert not letter(CASE_A).items.get(position=2).decision.history.exists(), "an unchanged row records nothing"


def test_history_pages_show_who_when_and_old_to_new(admin_client, admin_user, letters):
    determination = letter(CASE_A)
    first, second = determination.items.order_by("position")
    correct(
        admin_client,
        "determination",
        determination.pk,
        {
            "priority": "expedited",
            "items-0-request": "MRI of the lumbar spine without contrast",
            "items-1-outcome": "overturned",
        },
    )
    letter_history = history_text(admin_client, "determination", determination.pk)
    assert f"Changed {admin_user.username}" in letter_history
    assert "Priority: standard -> expedited" in letter_history
    assert "Corrected by hand: none -> priority" in letter_history

    item_history = history_text(admin_client, "disputeditem", first.pk)
    assert "Request: MRI OF THE LUMBAR SPINE -> MRI of the lumbar spine without contrast" in item_history
    assert "Corrected by hand: none -> request" in item_history

    decision_history = history_text(admin_client, "decision", second.decision.pk)
    assert "Outcome: upheld -> overturned" in decision_history
    assert admin_user.username in decision_history
    record = second.decision.history.first()
    assert record.history_user == admin_user
    assert record.history_date is not None


def test_guideline_changes_are_in_the_decision_history(admin_client, letters):
    decision = letter(CASE_A).items.get(position=1).decision
    before = str(decision.guidelines.get())
    assert not decision.history.exists()
    replacement = Guideline.objects.filter(decisions__item__determination=letter(CASE_B)).first()
    correct(admin_client, "decision", decision.pk, {"guidelines": str(replacement.pk)})
    assert decision.history.count() == 2, "the letter as ingested, then one version for the correction"
    text = history_text(admin_client, "decision", decision.pk)
    assert f"Guidelines: [{before}] -> [{replacement}] Corrected by hand: none -> guidelines" in text


def test_reviewer_and_guideline_edits_are_recorded(admin_client, admin_user, letters):
    reviewer = letter(CASE_A).reviewer
    correct(admin_client, "reviewer", reviewer.pk, {"license_state": "California, Nevada"})
    assert "License state(s): California -> California, Nevada" in history_text(admin_client, "reviewer", reviewer.pk)
    guideline = Guideline.objects.first()
    correct(admin_client, "guideline", guideline.pk, {"pages": "1-2"})
    assert guideline.history.first().history_user == admin_user
    assert "Pages:" in history_text(admin_client, "guideline", guideline.pk)


def test_old_versions_can_be_read_but_not_written_back(admin_client, letters):
    determination = letter(CASE_A)
    correct(admin_client, "determination", determination.pk, {"priority": "expedited"})
    oldest = determination.history.last()
    url = reverse("admin:determinations_determination_simple_history", args=[determination.pk, oldest.history_id])
    assert admin_client.get(url).status_code == 200
    assert admin_client.post(url, {"priority": "standard", "_save": "Revert"}).status_code == 405
    assert Determination.objects.get(pk=determination.pk).priority == "expedited"
