"""PostgreSQL only: what ``@@`` costs, and an index in "newest first" order.

An index on ``(decision_date DESC NULLS LAST, decision_id DESC)`` serves the
"newest" order (undated letters last) with a scan that stops after one page;
the ascending index from 0002 serves "oldest". SQLite orders NULLs first
ascending, so its ascending index read backwards already is "newest".

The planner must also know what ``tsvector @@ tsquery`` costs on a stored,
compressed document.

The default cost of ``ts_match_vq`` (1) makes the planner think checking a row
is as cheap as comparing two integers, so for a common word it reads every
document in a sequential scan (each one fetched from TOAST and decompressed)
instead of using the GIN index: seconds instead of milliseconds at a million
letters. A cost near that of reading a page makes it choose the index, or a
date-ordered scan that stops early, as the numbers warrant. Changing a built-in
function needs a superuser; without one the migration warns and the app still
works, only slower on common words (docs/deployment.md says what to run).
"""

from django.db import migrations

NEWEST_INDEX = "CREATE INDEX searchentry_newest_idx ON determinations_searchentry (decision_date DESC NULLS LAST, decision_id DESC)"
FORWARD = """
DO $$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        ALTER FUNCTION ts_match_vq(tsvector, tsquery) COST 500;
    ELSE
        RAISE WARNING 'not a superuser: run "ALTER FUNCTION ts_match_vq(tsvector, tsquery) COST 500" as one '
                      'for fast searches on common words (docs/deployment.md)';
    END IF;
END
$$;
"""
BACKWARD = """
DO $$
BEGIN
    IF (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
        ALTER FUNCTION ts_match_vq(tsvector, tsquery) COST 1;
    END IF;
END
$$;
"""


def _run(sql):
    def run(apps, schema_editor):
        if schema_editor.connection.vendor == "postgresql":
            schema_editor.execute(sql)

    return run


class Migration(migrations.Migration):
    dependencies = [("determinations", "0005_search_sample_and_indexes")]

    operations = [
        migrations.RunPython(_run(NEWEST_INDEX), _run("DROP INDEX searchentry_newest_idx")),
        migrations.RunPython(_run(FORWARD), _run(BACKWARD)),
    ]
