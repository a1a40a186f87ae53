"""The phrase pairs in a narrow table of their own, walked newest first (``PhrasePairs``).

PostgreSQL only beyond the table itself: the ``pairs`` column kept in the row
(``STORAGE MAIN``, and a ``toast_tuple_target`` at its maximum so a row is not
even offered to compression, which random hashes do not repay) with its
``signature`` (``determinations.phrases.signature``), the index in "newest
first" order, and the pairs of every decision indexed already.
"""

import django.db.models.deletion
from django.db import migrations, models

from determinations import phrases

FORWARD = [
    "ALTER TABLE determinations_phrasepairs ADD COLUMN pairs integer[] NOT NULL DEFAULT '{}'",
    "ALTER TABLE determinations_phrasepairs ADD COLUMN signature bytea NOT NULL DEFAULT ''",
    "ALTER TABLE determinations_phrasepairs ALTER COLUMN pairs SET STORAGE MAIN",
    "ALTER TABLE determinations_phrasepairs ALTER COLUMN signature SET STORAGE MAIN",
    "ALTER TABLE determinations_phrasepairs SET (toast_tuple_target = 8160)",
    "CREATE INDEX phrasepairs_newest_idx ON determinations_phrasepairs (decision_date DESC NULLS LAST, decision_id DESC)",
]
BATCH = 20_000


def _forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for statement in FORWARD:
            schema_editor.execute(statement)
        _copy_indexed_pairs(schema_editor.connection)


def _copy_indexed_pairs(connection) -> None:
    """Give every decision indexed already its narrow row: its pairs as they are, their signature computed here."""
    with connection.connection.cursor(name="phrase_pairs") as reader, connection.cursor() as writer:  # server-side
        reader.execute("SELECT decision_id, decision_date, pairs FROM determinations_searchentry")
        while rows := reader.fetchmany(BATCH):
            with writer.cursor.copy(
                "COPY determinations_phrasepairs (decision_id, decision_date, pairs, signature) FROM STDIN"
            ) as copy:
                for decision_id, decision_date, pairs in rows:
                    copy.write_row((decision_id, decision_date, pairs, phrases.signature(pairs)))


class Migration(migrations.Migration):
    dependencies = [("determinations", "0013_lz4_letter_text")]

    operations = [
        migrations.CreateModel(
            name="PhrasePairs",
            fields=[
                (
                    "entry",
                    models.OneToOneField(
                        db_column="decision_id",
                        on_delete=django.db.models.deletion.CASCADE,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="determinations.searchentry",
                    ),
                ),
                ("decision_date", models.DateField(blank=True, null=True)),
            ],
            options={"verbose_name_plural": "phrase pairs"},
        ),
        migrations.RunPython(_forward, migrations.RunPython.noop),
    ]
