"""The search row carries its letter's citation id where the case number cannot serve as one.

The CSV export builds each decision's letter URL from the search row; for a
letter without a case number it read the letter's SHA-256 through a subquery,
and a subquery keeps PostgreSQL from formatting the export's lines in its
parallel workers. Only the rows of letters without a case number are filled
(the column is blank for every other one), so the update is small on any
database.
"""

from django.db import migrations, models

FILL = """
UPDATE determinations_searchentry
SET fallback_citation_id = 'sha-' || substr(
    (SELECT sha256 FROM determinations_determination d WHERE d.id = determinations_searchentry.determination_id), 1, 12
)
WHERE case_number = ''
"""


class Migration(migrations.Migration):
    dependencies = [("determinations", "0016_deferred_index")]

    operations = [
        migrations.AddField(
            model_name="searchentry",
            name="fallback_citation_id",
            field=models.CharField(
                blank=True,
                help_text="The letter's citation id where it has no case number to serve as one "
                "(sha- and 12 hex digits).",
                max_length=16,
            ),
        ),
        migrations.RunSQL(FILL, migrations.RunSQL.noop),
    ]
