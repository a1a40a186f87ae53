"""Full-text storage beside ``SearchEntry``, different per database vendor.

PostgreSQL: a ``tsvector`` column on the search entry (request weighted A,
citations and rationale B) and one for the case summary on the letter row,
both GIN-indexed; as columns of model tables they are flushed and deleted with
their rows. SQLite: two FTS5 tables (porter stemming) keyed by decision id and
by letter id, pruned by ``search.prune_documents`` after ``migrate``/``flush``.
Only ``determinations.search`` reads or writes them.
"""

from django.db import migrations

POSTGRES_FORWARD = [
    "ALTER TABLE determinations_searchentry ADD COLUMN document tsvector NOT NULL DEFAULT ''::tsvector",
    "CREATE INDEX searchentry_document_gin ON determinations_searchentry USING gin (document)",
    "ALTER TABLE determinations_determination ADD COLUMN summary_document tsvector NOT NULL DEFAULT ''::tsvector",
    "CREATE INDEX determination_summary_document_gin ON determinations_determination USING gin (summary_document)",
]
POSTGRES_BACKWARD = [
    "ALTER TABLE determinations_determination DROP COLUMN summary_document",
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
