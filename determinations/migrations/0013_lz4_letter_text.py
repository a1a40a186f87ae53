"""PostgreSQL only: compress each letter's full text, sections and summary with lz4 instead of pglz.

Writing a letter compressed its text with pglz, about a third of the
database's work in storing a letter row during a bulk load; lz4 compresses
several times faster (and decompresses faster for the letter page). Applies
to rows written from now on.
"""

from django.db import migrations

COLUMNS = ["full_text", "sections", "summary"]


def _compression(method):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for column in COLUMNS:
                schema_editor.execute(
                    f"ALTER TABLE determinations_determination ALTER COLUMN {column} SET COMPRESSION {method}"
                )

    return run


class Migration(migrations.Migration):
    dependencies = [("determinations", "0012_filter_sample_indexes")]

    operations = [migrations.RunPython(_compression("lz4"), _compression("pglz"))]
