"""A large bulk load builds the secondary indexes once at its end (PostgreSQL), and nothing is lost if it dies.

PostgreSQL: the indexes that neither enforce a constraint nor lead with a
foreign key are absent while the load runs, then built again with their exact
definitions; a load killed midway leaves their statements in
``DeferredIndex``, and the next load builds them before it starts. SQLite keeps
its indexes throughout.
"""

from __future__ import annotations

import io
import os
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from django.core.management import call_command
from django.db import connection

from determinations.bulk import bulk_ingest
from determinations.models import DeferredIndex, SearchEntry

pytestmark = pytest.mark.django_db(transaction=True)

PROJECT_DIR = Path(__file__).resolve().parents[2]
#: Indexes that must stay through a load: its lookups of letters by case number and SHA-256, and of search rows
#: by letter when a letter is replaced.
KEPT = {
    "determinations_determination_case_number_key",
    "determinations_determination_sha256_key",
    "determinations_searchentry_pkey",
    "determinations_searchentry_determination_id_2feb127f",
    "item_position_unique",
}
DEFERRED = {
    "searchentry_document_gin",
    "searchentry_pairs_gin",
    "searchentry_newest_idx",
    "entry_category_sample",
    "phrasepairs_newest_idx",
    "determinations_disputeditem_category_e8524ab7",
}


def indexes() -> dict[str, str]:
    """Every index of the database, by name, with its definition."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute("SELECT indexname, indexdef FROM pg_indexes WHERE schemaname = current_schema()")
        else:
            cursor.execute("SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'index'")
        return dict(cursor.fetchall())


def letters(folder: Path, count: int) -> Path:
    call_command("generate_letters", count=count, seed="deferred", out=str(folder), stdout=io.StringIO())
    return folder


def test_a_large_load_builds_the_deferred_indexes_again_exactly(tmp_path):
    before = indexes()
    during = []
    bulk_ingest(
        [letters(tmp_path / "letters", 40)],
        workers=2,
        batch_size=10,
        progress=lambda name: during.append(
            (set(indexes()), set(DeferredIndex.objects.values_list("name", flat=True)))
        ),
    )
    assert SearchEntry.objects.count() > 40
    assert indexes() == before
    assert not DeferredIndex.objects.exists()
    present, recorded = during[-1]
    if connection.vendor == "postgresql":
        assert recorded >= DEFERRED and not KEPT & recorded
        assert present == set(before) - recorded
    else:
        assert present == set(before) and not recorded


def test_a_load_killed_midway_leaves_every_index_or_its_statement(tmp_path):
    if connection.vendor == "postgresql":
        killed_on_postgresql(tmp_path)
    else:
        killed_on_sqlite(tmp_path)


def killed_on_postgresql(tmp_path: Path) -> None:
    """A load killed while its indexes are deferred leaves them recorded, and the next load builds them before it
    starts."""
    before = indexes()
    settings = connection.settings_dict
    url = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    kill_midway(tmp_path, url, lambda: DeferredIndex.objects.filter(name="searchentry_document_gin").exists())
    recorded = set(DeferredIndex.objects.values_list("name", flat=True))
    assert recorded >= DEFERRED, "the load finished before it could be killed: give it more letters"
    assert set(indexes()) == set(before) - recorded

    bulk_ingest([letters(tmp_path / "more", 3)], workers=1)
    assert indexes() == before
    assert not DeferredIndex.objects.exists()


def killed_on_sqlite(tmp_path: Path) -> None:
    """Nothing is dropped, so a load killed midway leaves every index (in a database file of its own: the test
    database lives in memory)."""
    database = tmp_path / "load.sqlite3"
    url = f"sqlite:///{database}"
    subprocess.run(
        [sys.executable, str(PROJECT_DIR / "manage.py"), "migrate", "-v0"],
        env={**os.environ, "DATABASE_URL": url},
        cwd=PROJECT_DIR,
        check=True,
    )
    before = file_indexes(database)
    kill_midway(tmp_path, url, lambda: file_rows(database, "determinations_searchentry") > 0)
    assert file_rows(database, "determinations_searchentry") > 0
    assert file_indexes(database) == before


def kill_midway(tmp_path: Path, url: str, started: Callable[[], bool]) -> None:
    """Run ``manage.py ingest --workers 2`` on 1,500 letters against ``url`` and kill it once ``started()``."""
    folder = letters(tmp_path / "letters", 1500)
    load = subprocess.Popen(
        [sys.executable, str(PROJECT_DIR / "manage.py"), "ingest", "--workers", "2", str(folder)],
        env={**os.environ, "DATABASE_URL": url},
        cwd=PROJECT_DIR,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        while load.poll() is None and not started():
            time.sleep(0.01)
    finally:
        os.killpg(load.pid, signal.SIGKILL)
        load.wait()


def file_indexes(database: Path) -> dict[str, str]:
    with closing(sqlite3.connect(database)) as db:
        return dict(db.execute("SELECT name, coalesce(sql, '') FROM sqlite_master WHERE type = 'index'"))


def file_rows(database: Path, table: str) -> int:
    with closing(sqlite3.connect(database)) as db:
        try:
            return db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        except sqlite3.OperationalError:  # locked by the load's write: not yet
            return 0
