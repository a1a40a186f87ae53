"""Full-text storage beside ``SearchEntry``, different per database vendor.

PostgreSQL: a ``tsvector`` column on the search entry (request weighted A,
citations and rationale B) and a per-letter summary vector table, both
GIN-indexed. SQLite: two FTS5 tables (porter stemming) keyed by decision id and
by letter id. Only ``determinations.search`` reads or writes them.
"""

from django.db import migrations

POSTGRES_FORWARD = [
    "ALTER TABLE determinations_searchentry ADD COLUMN document tsvector NOT NULL DEFAULT ''::tsvector",
    "CREATE INDEX searchentry_document_gin ON determinations_searchentry USING gin (document)",
    """CREATE TABLE determinations_summarydocument (
        determination_id bigint PRIMARY KEY
            REFERENCES determinations_determination (id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
        document tsvector NOT NULL
    )""",
    "CREATE INDEX summarydocument_document_gin ON determinations_summarydocument USING gin (document)",
]
POSTGRES_BACKWARD = [
    "DROP TABLE determinations_summarydocument",
    "ALTER TABLE determinations_searchentry DROP COLUMN document",
]
SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE determinations_decision_fts USING fts5(
        request, citations, rationale, tokenize = 'porter unicode61 remove_diacritics 2'
    )""",
    """CREATE VIRTUAL TABLE determinations_summary_fts USING fts5(
        summary, tokenize = 'porter unicode61 remove_diacritics 2'
    )""",
]
SQLITE_BACKWARD = [
    "DROP TABLE determinations_summary_fts",
    "DROP TABLE determinations_decision_fts",
]


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
