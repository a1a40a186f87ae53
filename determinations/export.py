"""CSV export of a whole search result (DESIGN.md section 7), streamed in constant memory.

The ordered decision ids come from ``search.iter_ordered_ids`` (a database
cursor, never a list of every match); rows are loaded ``CHUNK_SIZE`` ids at a
time with one ``values_list`` query each, written as CSV and handed on before
the next chunk is read. One row per decision, in the columns of DESIGN.md
section 7, plus a trailing ``synthetic`` column so generated letters say so.

Encoding: UTF-8 without a byte-order mark. A BOM would make Excel guess the
encoding on a double-click, but it also becomes part of the first column's
name for every other reader (``\\ufeffcase_number``), and the column names are
a contract; Excel users open the file with Data → From Text/CSV (UTF-8).

Cells a spreadsheet would read as a formula (starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) are prefixed with a single quote.
"""

from __future__ import annotations

import csv
import datetime
import io
from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from urllib.parse import quote

from django.db.models import QuerySet

from . import search
from .models import SearchEntry

COLUMNS = (
    "case_number",
    "decision_date",
    "request",
    "category",
    "subcategory",
    "outcome",
    "reviewer_specialty",
    "guideline_families",
    "guideline_citation",
    "rationale",
    "letter_url",
    "synthetic",
)
CHUNK_SIZE = 500
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_FIELDS = (
    "pk",
    "determination__case_number",
    "determination__sha256",
    "decision_date",
    "decision__item__request",
    "decision__item__position",
    "category",
    "subcategory",
    "outcome",
    "specialty",
    "cites_mtus",
    "cites_acoem",
    "cites_odg",
    "cites_other",
    "decision__reviewer_citation",
    "decision__rationale",
    "synthetic",
)

#: Builds a letter's absolute URL from its citation id and an item anchor.
LetterUrl = Callable[[str, str], str]


def letter_url_builder(letter_url_pattern: str) -> LetterUrl:
    """A ``LetterUrl`` from one absolute letter URL whose citation id is the placeholder ``{citation_id}``."""
    return lambda citation_id, anchor: letter_url_pattern.format(citation_id=quote(citation_id)) + f"#{anchor}"


def neutralise(cell: str) -> str:
    """``cell`` made inert for spreadsheets: a leading formula character gets a single quote before it."""
    return f"'{cell}" if cell.startswith(_FORMULA_STARTS) else cell


def filename(today: datetime.date | None = None) -> str:
    """The download's file name, dated so successive exports do not overwrite each other."""
    return f"imr-decisions-{(today or datetime.date.today()).isoformat()}.csv"


def rows(queryset: QuerySet[SearchEntry], q: str, sort: str, letter_url: LetterUrl) -> Iterator[list[str]]:
    """Every matching decision as a list of cells in ``COLUMNS`` order, in the requested sort order."""
    ids = search.iter_ordered_ids(queryset, q, sort)
    while chunk := list(islice(ids, CHUNK_SIZE)):
        loaded = {row["pk"]: row for row in SearchEntry.objects.filter(pk__in=chunk).values(*_FIELDS)}
        for pk in chunk:
            if pk in loaded:
                yield _cells(loaded[pk], letter_url)


def _cells(row: dict, letter_url: LetterUrl) -> list[str]:
    case_number = row["determination__case_number"] or ""
    citation_id = case_number or f"sha-{row['determination__sha256'][:12]}"
    date = row["decision_date"]
    text = [
        case_number,
        date.isoformat() if date else "",
        row["decision__item__request"],
        row["category"],
        row["subcategory"],
        row["outcome"],
        row["specialty"],
        ", ".join(family.value for family, column in search.FAMILY_COLUMNS.items() if row[column]),
        row["decision__reviewer_citation"],
        row["decision__rationale"],
        letter_url(citation_id, f"item-{row['decision__item__position']}"),
    ]
    return [neutralise(cell) for cell in text] + ["true" if row["synthetic"] else "false"]


def stream(queryset: QuerySet[SearchEntry], q: str, sort: str, letter_url: LetterUrl) -> Iterator[bytes]:
    """The CSV file as UTF-8 byte chunks: the header, then one chunk per ``CHUNK_SIZE`` rows."""
    yield _encode([list(COLUMNS)])
    cells = rows(queryset, q, sort, letter_url)
    while batch := list(islice(cells, CHUNK_SIZE)):
        yield _encode(batch)


def _encode(batch: Iterable[list[str]]) -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer).writerows(batch)
    return buffer.getvalue().encode("utf-8")
