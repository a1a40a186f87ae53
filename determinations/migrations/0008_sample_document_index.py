"""PostgreSQL only: a GIN index of the documents of the sampled decisions alone.

A result too large to count exactly is counted from the decisions with
``sample < k``. For a word found in most decisions, reading its whole posting
list from the full GIN index costs more than the rest of the page; this
partial index holds only the decisions that small samples read (the first
``search.SAMPLE_INDEXED`` of ``SAMPLE_SCALE`` buckets), so its lists are a
twentieth as long.
"""

from django.db import migrations

FORWARD = [
    "CREATE INDEX IF NOT EXISTS searchentry_document_sample_gin ON determinations_searchentry "
    "USING gin (document) WHERE sample < 50",
]
BACKWARD = ["DROP INDEX IF EXISTS searchentry_document_sample_gin"]


def _run(statements):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for statement in statements:
                schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("determinations", "0007_phrase_pairs")]

    operations = [migrations.RunPython(_run(FORWARD), _run(BACKWARD))]
