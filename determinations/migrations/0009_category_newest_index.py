"""The newest decisions of one category, straight from an index (a letter page's similar decisions).

Outside the model state, like 0006's newest-first index: PostgreSQL needs
``NULLS LAST`` to match the order the pages ask for, which SQLite's index
syntax does not have (there a descending date already puts NULLs last).
"""

from django.db import migrations

COLUMNS = {
    "postgresql": "category, decision_date DESC NULLS LAST, decision_id DESC",
    "sqlite": "category, decision_date DESC, decision_id DESC",
}


def forward(apps, schema_editor):
    columns = COLUMNS.get(schema_editor.connection.vendor)
    if columns:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS searchentry_category_newest_idx ON determinations_searchentry ({columns})"
        )


def backward(apps, schema_editor):
    schema_editor.execute("DROP INDEX IF EXISTS searchentry_category_newest_idx")


class Migration(migrations.Migration):
    dependencies = [("determinations", "0008_sample_document_index")]

    operations = [migrations.RunPython(forward, backward)]
