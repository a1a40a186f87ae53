"""Every write path keeps ``PhrasePairs`` in step with the search rows: ingest, a correction, a deletion.

PostgreSQL walks a phrase search's pages through the narrow table, so a
search row without its narrow row (or with stale pairs or date) would drop
out of those pages. SQLite never writes the table.
"""

from __future__ import annotations

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.urls import reverse

from determinations import phrases
from determinations.models import PhrasePairs, SearchEntry
from tests.admin.helpers import correct
from tests.admin.letters import CASE_A, CASE_B, letter

pytestmark = pytest.mark.django_db


def _in_step() -> None:
    """Every search row has its narrow row, with the same date and pairs and their signature (PostgreSQL); SQLite's
    table is empty."""
    if connection.vendor != "postgresql":
        assert not PhrasePairs.objects.exists()
        return
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT e.decision_id, e.decision_date, e.pairs, p.decision_id, p.decision_date, p.pairs, p.signature "
            "FROM determinations_searchentry e FULL JOIN determinations_phrasepairs p USING (decision_id)"
        )
        rows = cursor.fetchall()
    assert rows
    for entry_id, entry_date, entry_pairs, pairs_id, pairs_date, pairs, signature in rows:
        assert (entry_id, entry_date, sorted(entry_pairs)) == (pairs_id, pairs_date, sorted(pairs))
        assert pairs and bytes(signature) == phrases.signature(pairs)


def test_every_write_path_keeps_the_narrow_table_in_step(admin_client, letters):
    """Ingest (the ``letters`` fixture), a correction of a letter's date in the admin, a letter deleted there."""
    _in_step()
    correct(admin_client, "determination", letter(CASE_A).pk, {"decision_date": "2020-02-03"})
    assert set(SearchEntry.objects.filter(determination=letter(CASE_A)).values_list("decision_date", flat=True)) == {
        datetime.date(2020, 2, 3)
    }
    _in_step()
    doomed = letter(CASE_B)
    response = admin_client.post(
        reverse("admin:determinations_determination_delete", args=[doomed.pk]), {"post": "yes"}
    )
    assert response.status_code == 302
    assert not SearchEntry.objects.filter(determination_id=doomed.pk).exists()
    _in_step()


@pytest.mark.django_db(transaction=True)
def test_the_migration_gives_every_indexed_decision_its_narrow_row(letters):
    """Migration 0014 fills the new table from the search rows already there (a database indexed before it)."""
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes("determinations")
    executor.migrate([("determinations", "0013_lz4_letter_text")])
    executor = MigrationExecutor(connection)
    executor.migrate(latest)
    _in_step()
