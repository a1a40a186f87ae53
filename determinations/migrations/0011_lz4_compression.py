"""PostgreSQL only: compress the search documents, phrase pairs and rationales with lz4 instead of pglz.

Every row a search rechecks (a ``-word``, a phrase's word positions, the
newest-first walk of a ranked window) and every row an export writes is read
from TOAST and decompressed; lz4 decompresses several times faster than
PostgreSQL's default pglz for slightly larger storage. Applies to rows
written from now on (``VACUUM FULL`` rewrites older ones).
"""

from django.db import migrations

COLUMNS = [
    ("determinations_searchentry", "document"),
    ("determinations_searchentry", "pairs"),
    ("determinations_decision", "rationale"),
]


def _compression(method):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for table, column in COLUMNS:
                schema_editor.execute(f"ALTER TABLE {table} ALTER COLUMN {column} SET COMPRESSION {method}")

    return run


class Migration(migrations.Migration):
    dependencies = [("determinations", "0010_case_number_url_safe")]

    operations = [migrations.RunPython(_compression("lz4"), _compression("pglz"))]
