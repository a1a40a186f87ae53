"""PostgreSQL only: the phrase index (``determinations.phrases``) and narrow search rows.

``pairs`` holds a hash per pair of adjacent words of the decision's text and
its letter's summary, GIN-indexed, so a phrase is found without reading
documents. ``toast_tuple_target`` moves the two large columns (``document``,
``pairs``) out of the row, so the facet columns that counting and sampling
read stay packed many to a page.
"""

from django.db import migrations

FORWARD = [
    "ALTER TABLE determinations_searchentry ADD COLUMN pairs integer[] NOT NULL DEFAULT '{}'",
    "CREATE INDEX searchentry_pairs_gin ON determinations_searchentry USING gin (pairs)",
    "ALTER TABLE determinations_searchentry SET (toast_tuple_target = 128)",
]
BACKWARD = [
    "ALTER TABLE determinations_searchentry RESET (toast_tuple_target)",
    "ALTER TABLE determinations_searchentry DROP COLUMN pairs",
]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("determinations", "0006_postgres_planning")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
