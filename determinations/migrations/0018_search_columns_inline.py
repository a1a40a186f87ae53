"""PostgreSQL only: keep the search row's short text columns in the row, out of TOAST.

Migration 0007 set ``toast_tuple_target = 128`` so that a search row's two
large values (``document``, ``pairs``) live in TOAST and the row stays narrow.
But PostgreSQL keeps moving values out of a row until it is under that
target, and once those two were out a row with a long specialty or
subcategory was still over 128 bytes: at a million letters about a quarter of
the rows had their specialty and subcategory in TOAST (measured with
``pg_statio_user_tables``), so every export line and every facet count or
filter on those columns looked each of them up in the TOAST index
(``sum(length(specialty))`` over the 100,000 newest rows: 43,875 buffers for
the rows, 110,088 more for TOAST). ``STORAGE MAIN`` keeps a column in the row
unless nothing else could make it fit a page. Applies to rows written from now
on (``VACUUM FULL determinations_searchentry`` rewrites older ones).
"""

from django.db import migrations

COLUMNS = (
    "case_number",
    "fallback_citation_id",
    "outcome",
    "category",
    "subcategory",
    "specialty",
    "sex",
    "age_band",
    "priority",
    "region",
)


def _storage(kind):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            for column in COLUMNS:
                schema_editor.execute(
                    f"ALTER TABLE determinations_searchentry ALTER COLUMN {column} SET STORAGE {kind}"
                )

    return run


class Migration(migrations.Migration):
    dependencies = [("determinations", "0017_fallback_citation_id")]

    operations = [migrations.RunPython(_storage("MAIN"), _storage("EXTENDED"))]
