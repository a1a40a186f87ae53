"""Full-text storage beside ``SearchEntry``, different per database vendor.

Each decision has one document: its request (weight A), citations and
rationale (B) and its letter's case summary (C). PostgreSQL: a GIN-indexed
``tsvector`` column on the search entry, deleted with it. SQLite: an FTS5 table
(porter stemming) keyed by decision id, kept in step by ``search`` (which also
prunes rows left behind by a flush). Only ``determinations.search`` reads or
writes them.
"""

from django.db import migrations

POSTGRES_FORWARD = [
    "ALTER TABLE determinations_searchentry ADD COLUMN document tsvector NOT NULL DEFAULT ''::tsvector",
    "CREATE INDEX searchentry_document_gin ON determinations_searchentry USING gin (document)",
]
POSTGRES_BACKWARD = ["ALTER TABLE determinations_searchentry DROP COLUMN document"]
SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE determinations_decision_fts USING fts5(
        request, citations, rationale, summary, tokenize = 'porter unicode61 remove_diacritics 2'
    )""",
]
SQLITE_BACKWARD = ["DROP TABLE determinations_decision_fts"]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("determinations", "0002_search_entry")]

    operations = [
        migrations.RunPython(
            _run({"postgresql": POSTGRES_FORWARD, "sqlite": SQLITE_FORWARD}),
            _run({"postgresql": POSTGRES_BACKWARD, "sqlite": SQLITE_BACKWARD}),
        ),
    ]
