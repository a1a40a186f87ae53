"""PostgreSQL keeps a search row's short text columns in the row: reading them never looks in TOAST.

The search table moves its large values (``document``, ``pairs``) out of the
row (migration 0007); without ``STORAGE MAIN`` (migration 0018) a long
specialty or subcategory went with them, and every export line and facet
count on those columns paid a TOAST lookup. SQLite has no TOAST: its rows
are read as they are.
"""

from __future__ import annotations

import pytest
from django.db import connection
from django.db.models import CharField

from determinations.models import SearchEntry
from tests.factories import ItemSpec, LetterSpec, create_letters

pytestmark = pytest.mark.django_db

#: The search row's text columns (its document and phrase pairs are outside the model): one added later must stay
#: in the row too.
SHORT_COLUMNS = [field.column for field in SearchEntry._meta.concrete_fields if isinstance(field, CharField)]


def test_reading_the_short_columns_of_long_rows_reads_no_toast():
    long_item = ItemSpec(
        "Functional restoration program, 160 hours, with psychological and vocational components " * 3,
        category="Rehabilitation",
        subcategory="Functional restoration / chronic pain management program (multidisciplinary)",
        region="Lumbar spine",
        rationale=" ".join(f"criterion{n}" for n in range(600)),  # a document PostgreSQL must move to TOAST
    )
    create_letters(
        [LetterSpec(items=[long_item], specialty="Physical Medicine & Rehabilitation, Pain Medicine " * 3)] * 5
    )
    assert SearchEntry.objects.count() == 5
    lengths = (
        f"SELECT sum({' + '.join(f'length({column})' for column in SHORT_COLUMNS)}) FROM determinations_searchentry"
    )
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            cursor.execute(lengths)
            assert cursor.fetchone()[0] > 5 * 200
            return
        cursor.execute("SELECT reltoastrelid FROM pg_class WHERE oid = 'determinations_searchentry'::regclass")
        toast = cursor.fetchone()[0]
        cursor.execute("SELECT pg_stat_get_xact_blocks_fetched(%s)", [toast])
        before = cursor.fetchone()[0]
        cursor.execute(lengths)
        assert cursor.fetchone()[0] > 5 * 200
        cursor.execute("SELECT pg_stat_get_xact_blocks_fetched(%s)", [toast])
        assert cursor.fetchone()[0] == before
        cursor.execute("SELECT sum(length(document::text)) FROM determinations_searchentry")
        cursor.execute("SELECT pg_stat_get_xact_blocks_fetched(%s)", [toast])
        assert cursor.fetchone()[0] > before, "the documents should be in TOAST: check the test's rows are long"
