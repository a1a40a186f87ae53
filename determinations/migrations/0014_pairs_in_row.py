"""PostgreSQL only: keep each search row's phrase pairs in the row (``STORAGE MAIN``), not in TOAST.

The search table moves its wide values out of the row (``toast_tuple_target``,
migration 0007) so the facet columns that counts read stay narrow, and that
had taken the pairs (about 700 bytes) out with the document. But the pairs are
what a date-ordered walk of a phrase search checks on every row it passes, and
each check then fetched them from TOAST: four buffer reads a row. In the row,
the newest 1,000 matches of ``"urine drug screen" -opioid`` are found in
62 ms instead of 260 ms at a million letters. Applies to rows written from
now on; ``VACUUM FULL determinations_searchentry`` moves the stored ones in.
"""

from django.db import migrations


def _storage(kind):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(f"ALTER TABLE determinations_searchentry ALTER COLUMN pairs SET STORAGE {kind}")

    return run


class Migration(migrations.Migration):
    dependencies = [("determinations", "0013_lz4_letter_text")]

    operations = [migrations.RunPython(_storage("MAIN"), _storage("EXTENDED"))]
