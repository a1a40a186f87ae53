"""CSV export of a whole search result (DESIGN.md section 7), streamed in constant memory.

The database writes the CSV: one ordered query over the result, read through a
cursor ``CHUNK_SIZE`` rows at a time, returns each decision as its finished CSV
line, and the lines of a chunk go out as one UTF-8 block before the next chunk
is read. (Building the cells in Python cost about 100 µs a row, a tenth of the
speed target; the database formats a line in a few µs, beside the join it
reads anyway.) One row per decision, in the columns of DESIGN.md section 7,
plus a trailing ``synthetic`` column so generated letters say so.

The lines are what Python's ``csv`` module writes by default: a cell is quoted
only when it holds a comma, a double quote, a carriage return or a line feed
(its double quotes doubled); lines end with CRLF.

Encoding: UTF-8 without a byte-order mark. A BOM would make Excel guess the
encoding on a double-click, but it also becomes part of the first column's
name for every other reader (``\\ufeffcase_number``), and the column names are
a contract; Excel users open the file with Data → From Text/CSV (UTF-8).

Cells a spreadsheet would read as a formula (starting with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return) are prefixed with a single quote.
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator
from itertools import islice

from django.db import transaction
from django.db.models import (
    Case,
    CharField,
    Expression,
    F,
    Func,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Left, Replace, Substr
from django.db.models.lookups import Contains, In

from . import search
from .models import Determination, SearchEntry

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
CHUNK_SIZE = 1000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
_QUOTED_WHEN = (",", '"', "\r", "\n")


def filename(today: datetime.date | None = None) -> str:
    """The download's file name, dated so successive exports do not overwrite each other."""
    return f"imr-decisions-{(today or datetime.date.today()).isoformat()}.csv"


def stream(queryset: QuerySet[SearchEntry], sort: str, letters_url: str) -> Iterator[bytes]:
    """The CSV file as UTF-8 byte chunks: the header, then one chunk per ``CHUNK_SIZE`` rows.

    ``letters_url`` is the absolute URL of the letters, ending in ``/``; a row's
    ``letter_url`` is it plus the letter's citation id and the item's anchor.
    The rows come in date order (newest first unless ``sort`` is ``oldest``):
    relevance covers only the best-ranked part of a large result.
    """
    yield (",".join(COLUMNS) + "\r\n").encode("utf-8")
    # Read in a transaction: a cursor opened outside one must survive its commit (``WITH HOLD``), and
    # PostgreSQL then computes the whole result before handing over its first row.
    with transaction.atomic():
        lines = search.by_date(queryset, sort).values_list(_line(letters_url), flat=True)
        batches = lines.iterator(chunk_size=CHUNK_SIZE)
        while batch := list(islice(batches, CHUNK_SIZE)):
            yield "".join(batch).encode("utf-8")


def _line(letters_url: str) -> Expression:
    """One decision's CSV line, CRLF included, as a database expression."""
    families = _joined(
        *(Case(When(**{column: True}, then=Value(f"{family.value}, ")), default=Value("")) for family, column in
          search.FAMILY_COLUMNS.items())
    )  # fmt: skip
    cells = [
        F("case_number"),
        Case(When(decision_date__isnull=True, then=Value("")), default=Cast("decision_date", CharField())),
        F("decision__item__request"),
        F("category"),
        F("subcategory"),
        F("outcome"),
        F("specialty"),
        Func(families, template="RTRIM(%(expressions)s, ', ')", output_field=TextField()),
        F("decision__reviewer_citation"),
        F("decision__rationale"),
        _joined(Value(letters_url), _citation_id(), Value("/#item-"), Cast("decision__item__position", CharField())),
    ]
    synthetic = Case(When(synthetic=True, then=Value("true")), default=Value("false"))
    parts = []
    for cell in cells:
        parts += [_cell(cell), Value(",")]
    return _joined(*parts, synthetic, Value("\r\n"))


def _citation_id() -> Expression:
    """The letter's citation id (``Determination.citation_id``); the letter's row is read only without a case number.

    Case numbers are URL-safe (``Determination.case_number`` validates them), so they go into the URL as they are.
    """
    sha = Subquery(Determination.objects.filter(pk=OuterRef("determination_id")).values("sha256")[:1])
    return Case(
        When(case_number="", then=_joined(Value("sha-"), Substr(sha, 1, 12))),
        default=F("case_number"),
        output_field=TextField(),
    )


def _cell(value: Expression) -> Expression:
    """``value`` as a CSV cell: a formula start defused with a leading quote, then quoted if it must be."""
    neutral = Case(
        When(In(Left(value, 1), FORMULA_STARTS), then=_joined(Value("'"), value)),
        default=value,
        output_field=TextField(),
    )
    must_quote = Q()
    for character in _QUOTED_WHEN:
        must_quote |= Q(Contains(value, character))
    return Case(
        When(must_quote, then=_joined(Value('"'), Replace(neutral, Value('"'), Value('""')), Value('"'))),
        default=neutral,
        output_field=TextField(),
    )


def _joined(*parts: Expression) -> Expression:
    """Text concatenation with ``||`` (every part is non-null), the same on PostgreSQL and SQLite."""
    return Func(*parts, template="(%(expressions)s)", arg_joiner=" || ", output_field=TextField())
