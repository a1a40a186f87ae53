"""The export of a large result is streamed: rows are read chunk by chunk, memory stays flat."""

from __future__ import annotations

import csv
import io
import tracemalloc

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from determinations.export import CHUNK_SIZE
from tests.factories import create_many

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

LETTERS = 12_500
DECISIONS = LETTERS * 2


@pytest.fixture
def many_decisions():
    assert create_many(LETTERS, items_per_letter=2) == DECISIONS


def test_tens_of_thousands_of_rows_stream_in_constant_memory(client, many_decisions):
    response = client.get("/export.csv?q=therapy&sort=newest")
    assert response.status_code == 200
    assert response.streaming, "a StreamingHttpResponse, not a body built in memory"
    chunks = iter(response.streaming_content)

    with CaptureQueriesContext(connection) as queries:
        header = next(chunks)
        first_rows = next(chunks)
    assert header.startswith(b"case_number,")
    assert first_rows.count(b"\r\n") <= CHUNK_SIZE, "the first chunk holds one batch, not the whole result"
    assert len(queries) <= 3, "only the cursor and one batch of rows have been read so far"
    assert connection.in_atomic_block, "read in a transaction, so the cursor streams (no WITH HOLD copy of it all)"

    tracemalloc.start()
    size, lines = len(header) + len(first_rows), first_rows.count(b"\r\n")
    try:
        for chunk in chunks:
            size += len(chunk)
            lines += chunk.count(b"\r\n")
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert lines == DECISIONS
    assert size > 5_000_000
    assert peak < size / 5, f"peak {peak:,} bytes while streaming {size:,} bytes"


def test_relevance_order_streams_every_row_once(client):
    create_many(1_500, items_per_letter=2)
    response = client.get("/export.csv?q=rationale+therapy&sort=relevance")
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode(), newline="")))
    assert len(rows) == 3_000 + 1
    assert len({row[10] for row in rows[1:]}) == 3_000
