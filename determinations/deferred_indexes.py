"""Secondary indexes a large load drops and builds once after it (PostgreSQL).

Keeping an index current row by row costs more than building it from every
row at the end, as ``pg_restore`` knows: loading 20,000 of the benchmark's
letters into an empty database took 47.4–49.1 s with the indexes and 43.6 s
without them. The tables of a million letters carry about thirty secondary
indexes (the search rows' filter, sample and date indexes, their GIN indexes,
the letters' and items' column indexes).

``deferred`` drops the secondary indexes of the tables a load writes and
records each one's definition in ``DeferredIndex`` in the same transaction.
It keeps every unique index (constraints the load relies on) and every index
led by a foreign-key column (what the load's own lookups and cascades read when
a letter is replaced). ``build_deferred`` builds every recorded index and
forgets each one as it is built, on two connections at once outside a
transaction; ``deferred`` calls it when the load ends, however it ends, and
bulk ingest calls it before it starts, so a load that died is repaired by the
next one.
"""

from __future__ import annotations

from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager

from django.db import connection, transaction

from . import search
from .models import (
    Decision,
    DeferredIndex,
    Determination,
    DisputedItem,
    Guideline,
    Patient,
    PhrasePairs,
    Reviewer,
    SearchEntry,
)

#: Connections building indexes at once: one per core of the two the product is sized for.
BUILDERS = 2
#: Memory for each build's sort (PostgreSQL's default, 64 MB, spills a million rows to disk).
BUILD_MEMORY = "1GB"

_LOADED_TABLES = [
    model._meta.db_table
    for model in (
        Reviewer,
        Patient,
        Determination,
        DisputedItem,
        Decision,
        Decision.guidelines.through,
        Guideline,
        SearchEntry,
        PhrasePairs,
    )
]

_SECONDARY = """
SELECT index.relname, pg_get_indexdef(i.indexrelid)
FROM pg_index i
JOIN pg_class index ON index.oid = i.indexrelid
WHERE i.indrelid = ANY(%s::regclass[])
  AND NOT i.indisunique AND NOT i.indisprimary
  AND NOT EXISTS (
      SELECT 1 FROM pg_constraint f
      WHERE f.conrelid = i.indrelid AND f.contype = 'f' AND f.conkey[1] = i.indkey[0]
  )
ORDER BY index.relname
"""


@contextmanager
def deferred(enabled: bool) -> Iterator[None]:
    """Within the block, the loaded tables lack their secondary indexes (PostgreSQL, when ``enabled``)."""
    if not (enabled and search.is_postgresql()):
        yield
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(_SECONDARY, [_LOADED_TABLES])
        found = cursor.fetchall()
        DeferredIndex.objects.bulk_create([DeferredIndex(name=name, definition=sql) for name, sql in found])
        for name, _ in found:
            cursor.execute(f"DROP INDEX {connection.ops.quote_name(name)}")
    try:
        yield
    finally:
        build_deferred()


def build_deferred() -> None:
    """Build every index a load deferred: the GIN indexes first, as the longest builds."""
    if not search.is_postgresql():
        return
    pending = sorted(DeferredIndex.objects.all(), key=lambda index: (" USING gin " not in index.definition, index.name))
    if connection.in_atomic_block:  # other connections could not see this transaction's tables
        for index in pending:
            _build(index)
        return
    with ThreadPoolExecutor(max_workers=BUILDERS, thread_name_prefix="imr-index") as pool:
        list(pool.map(_build_on_own_connection, pending))  # raises the first build that failed


def _build_on_own_connection(index: DeferredIndex) -> None:
    try:
        _build(index)
    finally:
        connection.close()


def _build(index: DeferredIndex) -> None:
    """Build one deferred index and forget it, in one transaction."""
    statement = index.definition.replace("CREATE INDEX ", "CREATE INDEX IF NOT EXISTS ", 1)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL maintenance_work_mem = '{BUILD_MEMORY}'")
        cursor.execute(statement)
        DeferredIndex.objects.filter(name=index.name).delete()
