"""Bulk ingest (``--workers N``) gives exactly the database the one-by-one path gives."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.db import connection

from determinations.models import Decision, Determination, SearchEntry

pytestmark = pytest.mark.django_db(transaction=True)

FIXTURE_LETTERS = Path(__file__).resolve().parents[2] / "fixtures" / "letters"


def ingest(*args: str) -> str:
    out = io.StringIO()
    call_command("ingest", *args, stdout=out, stderr=io.StringIO())
    return out.getvalue()


def canonical_database() -> dict:
    """Every letter with its rows, keyed by content rather than by row id or time."""
    letters = {}
    skip = {"id", "ingested_at", "updated_at", "reviewer", "patient"}
    for letter in Determination.objects.select_related("reviewer", "patient"):
        fields = {f.name: getattr(letter, f.name) for f in Determination._meta.concrete_fields if f.name not in skip}
        items = []
        for item in letter.items.select_related("decision").order_by("position"):
            decision = item.decision
            items.append(
                (
                    item.position,
                    item.request,
                    item.category,
                    item.subcategory,
                    item.quantity,
                    item.body_region,
                    decision.outcome,
                    decision.rationale,
                    decision.claims_administrator_citation,
                    decision.reviewer_citation,
                    sorted((g.family, g.document, g.topic, g.pages) for g in decision.guidelines.all()),
                )
            )
        entries = sorted(
            tuple(v for k, v in vars(e).items() if k not in {"_state", "decision_id", "determination_id", "sample"})
            for e in SearchEntry.objects.filter(determination=letter)
        )
        reviewer = (letter.reviewer.specialty, letter.reviewer.subspecialty, letter.reviewer.license_state)
        patient = {
            f.name: getattr(letter.patient, f.name) for f in letter.patient._meta.concrete_fields if f.name != "id"
        }
        letters[letter.sha256] = (fields, reviewer, patient, items, entries, full_text_documents(letter))
    return letters


def full_text_documents(letter: Determination) -> tuple:
    """The letter's full-text index content, as the database stores it."""
    decision_ids = list(
        Decision.objects.filter(item__determination=letter).order_by("item__position").values_list("pk", flat=True)
    )
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT document::text FROM determinations_searchentry WHERE decision_id = ANY(%s) ORDER BY decision_id",
                [decision_ids],
            )
        else:
            marks = ", ".join("%s" for _ in decision_ids)
            cursor.execute(
                "SELECT request, citations, rationale, summary FROM determinations_decision_fts "
                f"WHERE rowid IN ({marks}) ORDER BY rowid",
                decision_ids,
            )
        return tuple(cursor.fetchall())


def test_bulk_and_one_by_one_give_the_same_database():
    assert "failed 0" in ingest(str(FIXTURE_LETTERS))
    one_by_one = canonical_database()
    call_command("flush", "--no-input", verbosity=0)
    out = ingest("--workers", "2", "--batch-size", "5", str(FIXTURE_LETTERS))
    assert f"new {len(one_by_one)}, updated 0, unchanged 0, failed 0" in out
    assert canonical_database() == one_by_one


def test_bulk_ingest_is_idempotent_and_reports_failures(tmp_path):
    folder = tmp_path / "letters"
    shutil.copytree(FIXTURE_LETTERS, folder)
    (folder / "empty.txt").write_text("")
    (folder / "not-a-letter.txt").write_text("A shopping list: eggs, milk, bread.\n")
    with pytest.raises(CommandError):
        ingest("--workers", "2", str(folder))
    count = Determination.objects.count()
    assert count == len(list(FIXTURE_LETTERS.glob("*.txt")))
    with pytest.raises(CommandError):
        ingest("--workers", "2", str(folder))
    assert Determination.objects.count() == count


def test_bulk_ingest_updates_a_changed_letter_in_place(tmp_path):
    original = sorted(FIXTURE_LETTERS.glob("a-*.txt"))[0]
    ingest("--workers", "1", str(original))
    changed = tmp_path / original.name
    changed.write_text(original.read_text().replace("Decision rationale:", "Decision rationale: Amended.", 1))
    out = ingest("--workers", "1", str(changed))
    assert "new 0, updated 1" in out
    assert Determination.objects.count() == 1
    assert "Amended." in Decision.objects.order_by("item__position").first().rationale
