"""The review queue: flagged letters listed apart, counted on the index, cleared with history and a lock."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from determinations.models import SearchEntry
from tests.admin.helpers import correct, run_action
from tests.admin.letters import CASE_A, CASE_B, LETTER_B, ingest, letter, write_letter

pytestmark = pytest.mark.django_db

QUEUE = reverse("admin:determinations_letterneedingreview_changelist")


def changed_letter_b(folder):
    """Letter B again, still contradicting itself, with an amended rationale."""
    text = LETTER_B.replace("without functional gains.", "without functional gains. Amended.")
    assert text != LETTER_B
    return write_letter(folder / "letter-b.txt", text)


def test_the_index_counts_the_letters_needing_review_and_links_to_the_queue(admin_client, letters):
    html = admin_client.get(reverse("admin:index")).content.decode()
    assert re.search(rf'<a href="{QUEUE}"><strong>1 letter needs review</strong></a>', html)


def test_the_queue_lists_flagged_letters_with_their_warnings(admin_client, letters):
    html = admin_client.get(QUEUE).content.decode()
    assert CASE_B in html and CASE_A not in html
    assert "contradicts item 1" in html
    assert 'value="mark_reviewed"' in html


def test_opening_a_queued_letter_goes_to_its_page(admin_client, letters):
    pk = letter(CASE_B).pk
    response = admin_client.get(reverse("admin:determinations_letterneedingreview_change", args=[pk]))
    assert response.status_code == 302
    assert response.url == reverse("admin:determinations_determination_change", args=[pk])


def test_mark_reviewed_clears_the_flag_with_history_and_a_lock(admin_client, admin_user, letters, tmp_path):
    pk = letter(CASE_B).pk
    run_action(admin_client, "letterneedingreview", "mark_reviewed", [pk])
    reviewed = letter(CASE_B)
    assert reviewed.needs_review is False
    assert reviewed.corrected_fields == ["needs_review"]
    record = reviewed.history.first()
    assert (record.history_user, record.history_change_reason) == (admin_user, "Marked reviewed")
    assert not SearchEntry.objects.filter(determination_id=pk, needs_review=True).exists()
    assert "No letter needs review." in admin_client.get(reverse("admin:index")).content.decode()
    assert CASE_B not in admin_client.get(QUEUE).content.decode()

    report = tmp_path / "report.tsv"
    ingest(changed_letter_b(tmp_path / "changed"), report=report)
    assert letter(CASE_B).needs_review is False, "re-ingest does not put a reviewed letter back in the queue"
    assert letter(CASE_B).warnings, "the warnings themselves still follow the letter"
    assert f"{CASE_B} needs_review: kept hand correction 'False'" in report.read_text()


def test_unticking_needs_review_on_the_letter_page_is_the_same(admin_client, admin_user, letters):
    correct(admin_client, "determination", letter(CASE_B).pk, {"needs_review": []})
    reviewed = letter(CASE_B)
    assert (reviewed.needs_review, reviewed.corrected_fields) == (False, ["needs_review"])
    assert reviewed.history.first().history_user == admin_user


def test_mark_reviewed_from_the_letters_list(admin_client, letters):
    run_action(admin_client, "determination", "mark_reviewed", [letter(CASE_A).pk, letter(CASE_B).pk])
    assert letter(CASE_B).needs_review is False
    assert letter(CASE_A).corrected_fields == [], "a letter that was not flagged is left alone"
