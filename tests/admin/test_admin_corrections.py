"""Hand corrections in the admin are locked: re-ingest keeps them and reports each one.

Everything goes through the admin's own pages (a logged-in superuser POSTing
the change forms, inline management forms included) and the ingest command.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from django.urls import reverse

from determinations.models import Decision, DisputedItem, Guideline, Reviewer, SearchEntry
from determinations.taxonomy import SUBCATEGORIES
from tests.admin.helpers import correct, open_form, run_action, save
from tests.admin.letters import CASE_A, CASE_B, LETTER_A, ingest, letter, write_letter

pytestmark = pytest.mark.django_db

NEW_CATEGORY = "Evaluation & Management"
NEW_SUBCATEGORY = SUBCATEGORIES[NEW_CATEGORY][0]


def changed_letter_a(folder: Path) -> Path:
    """Letter A again, with item 1's rationale amended (a new file, same case number)."""
    text = LETTER_A.replace("Imaging is not\nmedically necessary.", "Imaging is not\nmedically necessary. Amended.")
    assert text != LETTER_A
    return write_letter(folder / "letter-a.txt", text)


def kept_lines(report: Path) -> list[str]:
    return [line for line in report.read_text().splitlines() if line.startswith("KEPT")]


def items_of(case_number: str) -> list[DisputedItem]:
    return list(letter(case_number).items.select_related("decision").order_by("position"))


def correct_outcome_and_category(client) -> None:
    """Item 1's category and item 2's outcome of letter A, corrected on the letter's page."""
    correct(
        client,
        "determination",
        letter(CASE_A).pk,
        {"items-0-category": NEW_CATEGORY, "items-0-subcategory": NEW_SUBCATEGORY, "items-1-outcome": "overturned"},
    )


def test_corrected_outcome_and_category_are_locked_and_indexed(admin_client, letters):
    correct_outcome_and_category(admin_client)
    first, second = items_of(CASE_A)
    assert (first.category, first.subcategory) == (NEW_CATEGORY, NEW_SUBCATEGORY)
    assert first.corrected_fields == ["category", "subcategory"]
    assert second.decision.outcome == "overturned"
    assert second.decision.corrected_fields == ["outcome"]
    assert first.decision.corrected_fields == second.corrected_fields == []
    assert letter(CASE_A).corrected_fields == letter(CASE_A).patient.corrected_fields == []
    assert SearchEntry.objects.get(decision=second.decision).outcome == "overturned"
    assert SearchEntry.objects.get(decision=first.decision).category == NEW_CATEGORY


def test_corrections_survive_reingest_of_the_same_and_of_a_changed_letter(admin_client, letters, tmp_path):
    correct_outcome_and_category(admin_client)

    same_report = tmp_path / "same.tsv"
    out = ingest(letters, report=same_report)
    assert "new 0, updated 0, unchanged 2, failed 0" in out
    first, second = items_of(CASE_A)
    assert (first.category, second.decision.outcome) == (NEW_CATEGORY, "overturned")

    changed_report = tmp_path / "changed.tsv"
    out = ingest(changed_letter_a(tmp_path / "changed"), report=changed_report)
    assert "new 0, updated 1, unchanged 0, failed 0, skipped 0, corrections kept 3" in out
    assert "# new 0, updated 1, unchanged 0, failed 0, skipped 0, corrections kept 3" in changed_report.read_text()
    kept = kept_lines(changed_report)
    assert len(kept) == 3
    for field, value in [
        ("item 1 category", NEW_CATEGORY),
        ("item 1 subcategory", NEW_SUBCATEGORY),
        ("item 2 outcome", "overturned"),
    ]:
        assert any(f"{CASE_A} {field}: kept hand correction {value!r}" in line for line in kept), (field, kept)
        assert f"KEPT {CASE_A} {field}: corrected by hand to {value!r}" in out

    first, second = items_of(CASE_A)
    assert (first.category, first.subcategory) == (NEW_CATEGORY, NEW_SUBCATEGORY)
    assert second.decision.outcome == "overturned"
    assert first.decision.rationale.endswith("Amended."), "a field nobody corrected still follows the letter"
    assert SearchEntry.objects.get(decision=second.decision).outcome == "overturned"


def test_an_untouched_save_locks_nothing(admin_client, letters):
    """Browsers send textarea line breaks as CRLF; saving a page unchanged is not a correction."""
    pk = letter(CASE_A).pk
    data = open_form(admin_client, "determination", pk)
    assert any("\r\n" in value for values in data.values() for value in values)
    save(admin_client, "determination", pk, data)
    stored = letter(CASE_A)
    assert "\r" not in stored.summary
    rows = [stored, stored.patient, *stored.items.all(), *Decision.objects.filter(item__determination=stored)]
    assert [row.corrected_fields for row in rows] == [[]] * len(rows)


def test_letter_fields_and_the_reviewer_are_locked(admin_client, letters, tmp_path):
    other_reviewer = letter(CASE_B).reviewer
    correct(
        admin_client,
        "determination",
        letter(CASE_A).pk,
        {"reviewer": str(other_reviewer.pk), "priority": "expedited"},
    )
    assert letter(CASE_A).corrected_fields == ["priority", "reviewer"]
    assert set(SearchEntry.objects.filter(determination=letter(CASE_A)).values_list("specialty", flat=True)) == {
        other_reviewer.specialty
    }
    report = tmp_path / "report.tsv"
    ingest(changed_letter_a(tmp_path / "changed"), report=report)
    assert letter(CASE_A).reviewer == other_reviewer
    assert letter(CASE_A).priority == "expedited"
    fields = {line.split("\t")[2].split(":")[0] for line in kept_lines(report)}
    assert fields == {f"{CASE_A} reviewer", f"{CASE_A} priority"}


def test_patient_corrections_are_locked(admin_client, letters, tmp_path):
    patient = letter(CASE_A).patient
    correct(admin_client, "patient", patient.pk, {"age": "45"})
    patient.refresh_from_db()
    assert (patient.age, patient.corrected_fields) == (45, ["age"])
    report = tmp_path / "report.tsv"
    ingest(changed_letter_a(tmp_path / "changed"), report=report)
    patient.refresh_from_db()
    assert patient.age == 45
    assert [line.split("\t")[2].split(":")[0] for line in kept_lines(report)] == [f"{CASE_A} age"]


def test_guidelines_are_locked_as_one_field(admin_client, letters, tmp_path):
    decision = items_of(CASE_A)[0].decision
    replacement = Guideline.objects.filter(decisions__item__determination=letter(CASE_B)).first()
    correct(admin_client, "decision", decision.pk, {"guidelines": str(replacement.pk)})
    decision.refresh_from_db()
    assert list(decision.guidelines.all()) == [replacement]
    assert decision.corrected_fields == ["guidelines"]
    report = tmp_path / "report.tsv"
    ingest(changed_letter_a(tmp_path / "changed"), report=report)
    assert list(items_of(CASE_A)[0].decision.guidelines.all()) == [replacement]
    assert [line.split("\t")[2].split(":")[0] for line in kept_lines(report)] == [f"{CASE_A} item 1 guidelines"]


def test_guidelines_edited_inline_on_the_letter_are_locked(admin_client, letters):
    replacement = Guideline.objects.filter(decisions__item__determination=letter(CASE_B)).first()
    correct(admin_client, "determination", letter(CASE_A).pk, {"items-1-guidelines": str(replacement.pk)})
    decision = items_of(CASE_A)[1].decision
    assert list(decision.guidelines.all()) == [replacement]
    assert decision.corrected_fields == ["guidelines"]


def test_a_lock_is_released_with_its_checkbox(admin_client, letters, tmp_path):
    correct_outcome_and_category(admin_client)
    correct(admin_client, "determination", letter(CASE_A).pk, {"items-1-release_corrections": "outcome"})
    second = items_of(CASE_A)[1]
    assert second.decision.corrected_fields == []
    assert second.decision.outcome == "overturned", "releasing a lock does not change the value"
    assert items_of(CASE_A)[0].corrected_fields == ["category", "subcategory"]
    ingest(changed_letter_a(tmp_path / "changed"))
    assert items_of(CASE_A)[1].decision.outcome == "upheld", "the next ingest overwrites a released field"


def test_the_release_action_unlocks_a_whole_letter(admin_client, letters, tmp_path):
    correct_outcome_and_category(admin_client)
    correct(admin_client, "patient", letter(CASE_A).patient.pk, {"age": "45"})
    response = run_action(admin_client, "determination", "release_corrections", [letter(CASE_A).pk])
    assert "Released the hand corrections of 3 row(s)." in admin_client.get(response.url).content.decode()
    first, second = items_of(CASE_A)
    assert first.corrected_fields == second.decision.corrected_fields == letter(CASE_A).patient.corrected_fields == []
    record = second.decision.history.first()
    assert record.history_change_reason == "Released hand corrections: outcome"
    assert record.history_user.is_superuser
    out = ingest(changed_letter_a(tmp_path / "changed"))
    assert "corrections kept 0" in out
    first, second = items_of(CASE_A)
    assert (first.category, second.decision.outcome, letter(CASE_A).patient.age) == ("Diagnostic Testing", "upheld", 44)


def test_an_item_added_by_hand_is_locked_and_kept(admin_client, letters, tmp_path):
    pk = letter(CASE_A).pk
    data = open_form(admin_client, "determination", pk)
    for name, values in list(data.items()):
        if name.startswith("items-__prefix__-"):
            data[name.replace("__prefix__", "2")] = values
    data.update(
        {
            "items-TOTAL_FORMS": ["3"],
            "items-2-position": ["3"],
            "items-2-request": ["Lumbar support brace"],
            "items-2-category": ["DMEPOS"],
            "items-2-subcategory": [""],
            "items-2-outcome": ["overturned"],
            "items-2-rationale": ["A brace is reasonable here."],
        }
    )
    save(admin_client, "determination", pk, data)
    added = items_of(CASE_A)[2]
    assert (added.request, added.decision.outcome) == ("Lumbar support brace", "overturned")
    assert added.corrected_fields == ["category", "position", "request"]
    assert added.decision.corrected_fields == ["outcome", "rationale"]
    assert SearchEntry.objects.filter(determination_id=pk).count() == 3
    report = tmp_path / "report.tsv"
    ingest(changed_letter_a(tmp_path / "changed"), report=report)
    assert len(items_of(CASE_A)) == 3
    assert any("item 3" in line and "no longer in the letter" in line for line in kept_lines(report))


def test_an_item_deleted_inline_leaves_the_search_index(admin_client, letters):
    pk = letter(CASE_A).pk
    doomed = items_of(CASE_A)[1]
    correct(admin_client, "determination", pk, {"items-1-DELETE": "on"})
    assert [item.position for item in items_of(CASE_A)] == [1]
    assert not SearchEntry.objects.filter(decision_id=doomed.decision.pk).exists()
    assert DisputedItem.history.filter(id=doomed.pk, history_type="-").exists()


def test_a_subcategory_must_belong_to_its_category(admin_client, letters):
    pk = letter(CASE_A).pk
    data = open_form(admin_client, "determination", pk)
    data["items-0-category"] = ["Surgery"]
    response = admin_client.post(
        f"/admin/determinations/determination/{pk}/change/", {**data, "_save": "Save"}, follow=False
    )
    assert response.status_code == 200
    assert "is not a subcategory of Surgery; choose one of:" in response.content.decode()
    assert items_of(CASE_A)[0].category == "Diagnostic Testing"


def test_two_reviewer_profiles_may_not_fold_together(admin_client, letters):
    a, b = letter(CASE_A).reviewer, letter(CASE_B).reviewer
    data = open_form(admin_client, "reviewer", a.pk)
    data.update(
        {
            "specialty": [b.specialty.upper().replace("AND", "&")],
            "subspecialty": [b.subspecialty],
            "license_state": [b.license_state],
        }
    )
    response = admin_client.post(f"/admin/determinations/reviewer/{a.pk}/change/", {**data, "_save": "Save"})
    assert response.status_code == 200
    assert f"Reviewer #{b.pk}" in response.content.decode()
    assert Reviewer.objects.get(pk=a.pk).specialty == a.specialty


def test_a_reviewer_specialty_correction_reaches_the_search_index(admin_client, letters):
    reviewer = letter(CASE_A).reviewer
    correct(admin_client, "reviewer", reviewer.pk, {"specialty": "Orthopaedic Surgery"})
    specialties = SearchEntry.objects.filter(determination=letter(CASE_A)).values_list("specialty", flat=True)
    assert set(specialties) == {"Orthopaedic Surgery"}


@pytest.mark.parametrize("bad", ["CM15 0000001", "CM15/0000001", "-CM15-0000001", "=1+1"])
def test_a_case_number_must_be_url_safe(admin_client, letters, bad):
    """The case number is the letter's URL and is written into exports as it is: the admin refuses anything else."""
    data = open_form(admin_client, "determination", letter(CASE_A).pk)
    data["case_number"] = [bad]
    response = admin_client.post(
        reverse("admin:determinations_determination_change", args=[letter(CASE_A).pk]), {**data, "_save": "Save"}
    )
    assert response.status_code == 200
    assert "A case number starts with a letter or digit" in response.content.decode()
    assert letter(CASE_A).case_number == CASE_A
