"""The newest decisions of one reviewer specialty, straight from an index (PostgreSQL).

A search filtered by specialty, sorted newest first or ranked (whose candidates
are its newest matches), otherwise walks the newest-first index of every
decision and tests each one's specialty: for ``tramadol`` cited from ODG by
anesthesiologists, 86,100 decisions walked at a million letters for 1,000
matches. Led by the specialty, the walk reads only that specialty's decisions.
Outside the model state, like 0009's: PostgreSQL needs ``NULLS LAST`` to match
the order the pages ask for. SQLite gets none, as with 0012's filter indexes:
it keeps no statistics of skew and would look up a large specialty's rows one
by one where reading the table is cheaper.
"""

from django.db import migrations


def forward(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            "CREATE INDEX IF NOT EXISTS searchentry_specialty_newest_idx ON determinations_searchentry "
            "(specialty, decision_date DESC NULLS LAST, decision_id DESC)"
        )


def backward(apps, schema_editor):
    schema_editor.execute("DROP INDEX IF EXISTS searchentry_specialty_newest_idx")


class Migration(migrations.Migration):
    dependencies = [("determinations", "0014_phrase_pairs_table")]

    operations = [migrations.RunPython(forward, backward)]
