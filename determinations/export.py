"""CSV export of a whole search result (DESIGN.md section 7), streamed in constant memory.

The database writes the CSV: one ordered query over the result, read through a
cursor ``CHUNK_SIZE`` rows at a time, returns each decision as its finished CSV
line, and the lines of a chunk go out as one UTF-8 block before the next chunk
is read. (Building the cells in Python cost about 100 µs a row; the database
formats a line in about 10 µs, beside the join it reads anyway.) One row per decision, in the columns of DESIGN.md section 7,
plus a trailing ``synthetic`` column so generated letters say so.

Every cell of free text is quoted (its double quotes doubled), so a comma or a
line break inside it stays in its cell; lines end with CRLF (RFC 4180).

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

from django.db.models import (
    Case,
    CharField,
    Expression,
    F,
    Func,
    QuerySet,
    TextField,
    Value,
    When,
)
from django.db.models.functions import Cast, Replace

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
CHUNK_SIZE = 1000
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def filename(today: datetime.date | None = None) -> str:
    """The download's file name, dated so successive exports do not overwrite each other."""
    return f"imr-decisions-{(today or datetime.date.today()).isoformat()}.csv"


def stream(queryset: QuerySet[SearchEntry], sort: str, letters_url: str, q: str = "") -> Iterator[bytes]:
    """The CSV file as UTF-8 byte chunks: the header, then one chunk per ``CHUNK_SIZE`` rows.

    ``letters_url`` is the absolute URL of the letters, ending in ``/``; a row's
    ``letter_url`` is it plus the letter's citation id and the item's anchor.
    The rows come in date order (newest first unless ``sort`` is ``oldest``):
    relevance covers only the best-ranked part of a large result. ``q``, the
    result's text query, tells the database how to read it (``search.stream_text``).
    """
    yield (",".join(COLUMNS) + "\r\n").encode("utf-8")
    lines = search.by_date(queryset, sort).values_list(_line(letters_url), flat=True)
    yield from search.stream_text(lines, q, CHUNK_SIZE)


def _line(letters_url: str) -> Expression:
    """One decision's CSV line, CRLF included, as a database expression.

    Text a letter or a person wrote is neutralised and quoted (``_text_cell``);
    the case number (validated), date, guideline families, URL and flag are
    written as they are, the families in quotes for their commas.
    """
    families = _joined(
        *(Case(When(**{column: True}, then=Value(f"{family.value}, ")), default=Value("")) for family, column in
          search.FAMILY_COLUMNS.items())
    )  # fmt: skip
    cells = [
        F("case_number"),
        Case(When(decision_date__isnull=True, then=Value("")), default=Cast("decision_date", CharField())),
        _text_cell("decision__item__request"),
        _text_cell("category"),
        _text_cell("subcategory"),
        _text_cell("outcome"),
        _text_cell("specialty"),
        _joined(
            Value('"'), Func(families, template="RTRIM(%(expressions)s, ', ')", output_field=TextField()), Value('"')
        ),
        _text_cell("decision__reviewer_citation"),
        _text_cell("decision__rationale"),
        _joined(Value(letters_url), _citation_id(), Value("/#item-"), Cast("decision__item__position", CharField())),
        Case(When(synthetic=True, then=Value("true")), default=Value("false")),
    ]
    parts = []
    for cell in cells:
        parts += [cell, Value(",")]
    return _joined(*parts[:-1], Value("\r\n"))


def _citation_id() -> Expression:
    """The letter's citation id (``Determination.citation_id``), from the search row alone.

    Reading the letter's row for its SHA-256 (a subquery) would keep every line's formatting in PostgreSQL's
    leader process, a subquery being unsafe to run in its parallel workers. Case numbers are URL-safe
    (``Determination.case_number`` validates them), so they go into the URL as they are.
    """
    return Case(
        When(case_number="", then=F("fallback_citation_id")),
        default=F("case_number"),
        output_field=TextField(),
    )


def _text_cell(column: str) -> Expression:
    """A text column as a quoted CSV cell (its quotes doubled), a formula start defused with a leading ``'``.

    The column is named once: each mention of a long text makes the database
    read and decompress it again.
    """
    return _joined(Value('"'), Replace(_Neutralised(F(column)), Value('"'), Value('""')), Value('"'))


class _Neutralised(Func):
    """Text with a leading ``'`` when it starts with a formula character (``FORMULA_STARTS``)."""

    output_field = TextField()

    def as_sql(self, compiler, connection, **extra_context):
        value, params = compiler.compile(self.source_expressions[0])
        starts = ", ".join("%s" for _ in FORMULA_STARTS)
        sql = f"(CASE WHEN substr({value}, 1, 1) IN ({starts}) THEN %s || {value} ELSE {value} END)"
        return sql, [*params, *FORMULA_STARTS, "'", *params, *params]

    def as_postgresql(self, compiler, connection, **extra_context):
        value, params = compiler.compile(self.source_expressions[0])
        return f"regexp_replace({value}, %s, %s)", [*params, "^([=+@\t\r-])", "'\\1"]


def _joined(*parts: Expression) -> Expression:
    """Text concatenation with ``||`` (every part is non-null), the same on PostgreSQL and SQLite."""
    return Func(*parts, template="(%(expressions)s)", arg_joiner=" || ", output_field=TextField())
