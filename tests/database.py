"""Helpers that look at the whole database, for tests of ingest and privacy."""

from __future__ import annotations

from django.apps import apps
from django.db import connection


def determinations_tables() -> list[str]:
    """Every table of the determinations app, history and many-to-many tables included."""
    prefix = apps.get_app_config("determinations").label + "_"
    return sorted(t for t in connection.introspection.table_names() if t.startswith(prefix))


def snapshot() -> dict[str, list[tuple]]:
    """Every row of every determinations table, as plain tuples in a stable order."""
    rows: dict[str, list[tuple]] = {}
    with connection.cursor() as cursor:
        for table in determinations_tables():
            quoted = connection.ops.quote_name(table)
            cursor.execute(f"SELECT * FROM {quoted}")
            rows[table] = sorted((tuple(str(v) for v in row) for row in cursor.fetchall()), key=repr)
    return rows


def stored_text() -> str:
    """Every value stored in the determinations tables, joined into one searchable string."""
    return "\n".join("\t".join(row) for table in snapshot().values() for row in table)
