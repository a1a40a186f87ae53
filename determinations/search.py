"""Full-text search over decisions: the one module that knows PostgreSQL from SQLite.

Every decision has one ``SearchEntry`` row (the facet columns) and one
full-text document: its request (weighted highest), citations and rationale,
and its letter's case summary (computed once per letter, appended to each of
its decisions), so each query term may be found anywhere in it.

Users type web-search syntax on both databases: words are ANDed, ``"exact
phrase"``, ``OR`` between alternatives, ``-word`` or ``-"phrase"`` to exclude,
English stemming (``injections`` finds ``injection``) and stop words ignored.
``WebQuery`` parses that syntax once for both databases; each term is then
matched by the database's own engine, so both return the same decisions:

- PostgreSQL: a stored, GIN-indexed ``tsvector``; each term a
  ``phraseto_tsquery``, except a phrase of plain words, found through the
  GIN-indexed adjacent-word pairs of ``determinations.phrases`` (a phrase of
  common words would otherwise mean reading hundreds of thousands of
  documents), walked newest first through the same pairs in a narrow table
  of their own (``PhrasePairs``); ``ts_rank`` and ``SearchHeadline``.
- SQLite: an FTS5 table (porter stemming); each term a quoted FTS5 string (so
  FTS5 operators typed by users are inert); a search's matches are written
  once per request into a temporary table that every question about them
  reuses; ``bm25`` and ``snippet()``.

Built for a million letters: counts and facet counts are exact up to
``EXACT_COUNT_LIMIT`` matches and estimated beyond from a hashed sample of the
decisions; relevance ranks the ``RANKED_LIMIT`` newest matches; date orders use
indexes that stop after one page. ``benchmarks/`` measures it.

Every write path (ingest, bulk loads, admin edits) calls
``index_determinations`` or ``write_index`` for the letters it touched.
"""

from __future__ import annotations

import datetime
import functools
import html
import itertools
import json
import math
import operator
import os
import re
import threading
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextvars import ContextVar, copy_context
from dataclasses import dataclass, field, fields
from typing import TypeVar

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchVectorField
from django.core.exceptions import EmptyResultSet
from django.db import DEFAULT_DB_ALIAS, close_old_connections, connection, connections, transaction
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import BigIntegerField, BooleanField, CharField, DateField, F, FloatField, Func, Q, QuerySet
from django.db.models.expressions import Expression, RawSQL
from django.db.models.functions import Substr
from django.db.models.lookups import In

from . import phrases
from .models import AgeBand, Decision, Determination, DisputedItem, Family, Patient, PhrasePairs, SearchEntry
from .parsing.letter import ParsedLetter

CONFIG = "english"
#: Counts are exact up to this many decisions and estimated beyond (DESIGN.md section 10).
EXACT_COUNT_LIMIT = 10_000
SORTS = ("relevance", "newest", "oldest")
#: Threads per process that count a PostgreSQL search page's facets while the page itself is found.
READ_THREADS = 2

_MARK_START, _MARK_END = "\x01", "\x02"
_T = TypeVar("_T")
#: The ``SearchEntry`` flag column of each guideline family.
FAMILY_COLUMNS = {
    Family.MTUS: "cites_mtus",
    Family.ACOEM: "cites_acoem",
    Family.ODG: "cites_odg",
    Family.OTHER: "cites_other",
}

#: PostgreSQL's English stop words: ignored outside phrases, as ``websearch_to_tsquery`` does.
STOP_WORDS = phrases.STOP_WORDS


def is_postgresql() -> bool:
    return connection.vendor == "postgresql"


# --- the query language ---------------------------------------------------------------------------------------

#: Words beyond this many are ignored, so a hostile query cannot build an unbounded SQL expression.
MAX_TERMS = 16


@dataclass(frozen=True)
class Term:
    """One word or quoted phrase of a query; ``negated`` when prefixed by ``-``.

    ``text`` is the term as typed (PostgreSQL parses it with the same parser as
    the documents); ``words`` are its words for FTS5, which reads them as a phrase.
    """

    text: str
    words: tuple[str, ...]
    negated: bool = False

    @property
    def fts5(self) -> str:
        """The term as an FTS5 string (quoted, so no FTS5 operator can be injected)."""
        return '"' + " ".join(self.words) + '"'


@dataclass(frozen=True)
class WebQuery:
    """A web-search query: alternatives (split by ``OR``), each a conjunction of terms.

    One parser for both databases, so that both read a query the same way; each
    database then matches every term with its own full-text engine.
    """

    text: str
    alternatives: tuple[tuple[Term, ...], ...] = field(default=())
    truncated: bool = False

    _TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
    _WORD = re.compile(r"[^\W_]+")
    _POSSESSIVE = re.compile(r"(?<=[^\W_])['’]s\b", re.IGNORECASE)

    @classmethod
    def parse(cls, text: str) -> WebQuery:
        """Read ``text`` the way PostgreSQL's ``websearch_to_tsquery`` does."""
        text = (text or "").replace("\x00", " ")
        alternatives: list[tuple[Term, ...]] = []
        current: list[Term] = []
        kept = seen = 0
        for match in cls._TOKEN.finditer(text):
            phrase, raw = match.group(2), match.group(4)
            if phrase is None and raw.lower() == "or" and not match.group(3):
                if current:
                    alternatives.append(tuple(current))
                    current = []
                continue
            term = cls._term(phrase if phrase is not None else raw, negated=bool(match.group(1) or match.group(3)))
            if term is None:
                continue
            seen += 1
            if kept < MAX_TERMS:
                current.append(term)
                kept += 1
        if current:
            alternatives.append(tuple(current))
        return cls(text=text, alternatives=tuple(alternatives), truncated=seen > kept)

    @classmethod
    def _term(cls, text: str, negated: bool) -> Term | None:
        words = tuple(w.lower() for w in cls._WORD.findall(cls._POSSESSIVE.sub("", text)))
        if all(w in STOP_WORDS for w in words):
            return None
        return Term(text=text.strip(), words=words, negated=negated)

    @property
    def is_empty(self) -> bool:
        """True when the query holds no searchable word (only stop words or punctuation)."""
        return not self.alternatives

    @property
    def positive_terms(self) -> list[Term]:
        """Every term that is not excluded: what ranking and highlighting look for."""
        return [term for terms in self.alternatives for term in terms if not term.negated]

    def fts5_any(self) -> str:
        """An FTS5 query matching a document that holds any positive term ("" when there is none)."""
        return " OR ".join(term.fts5 for term in self.positive_terms)


# --- matching -------------------------------------------------------------------------------------------------


def text_match(queryset: QuerySet[SearchEntry], q: str) -> QuerySet[SearchEntry]:
    """``queryset`` restricted to decisions matching ``q``.

    A decision's searchable text is its own (request, citations, rationale)
    together with its letter's case summary, indexed as one document per
    decision: each term may be found anywhere in it, an excluded term nowhere.
    """
    query = WebQuery.parse(q)
    if query.is_empty:
        return queryset.none() if query.text.strip() else queryset
    if is_postgresql():
        return queryset.filter(_Matches(query))
    return queryset.filter(_fts5_condition(query))


def _tsquery(terms: Iterable[Term]) -> tuple[str, list[str]]:
    """SQL for one ``tsquery`` combining ``terms`` with AND (each a phrase, ``!!`` when excluded)."""
    parts, params = [], []
    for term in terms:
        parts.append(f"{'!!' if term.negated else ''}phraseto_tsquery(%s::regconfig, %s)")
        params += [CONFIG, term.text]
    return "(" + " && ".join(parts) + ")", params


def _query_tsquery(query: WebQuery, positive_only: bool = False) -> tuple[str, list[str]]:
    """The whole query as one ``tsquery`` (alternatives with OR); ``positive_only`` keeps any positive term."""
    if positive_only:
        pieces = [_tsquery([term]) for term in query.positive_terms]
    else:
        pieces = [_tsquery(terms) for terms in query.alternatives]
    return "(" + " || ".join(sql for sql, _ in pieces) + ")", [p for _, params in pieces for p in params]


def _pair_conditions(
    terms: Sequence[Term], pairs_column: str, signature_column: str | None = None
) -> tuple[list[str], list, list[Term]]:
    """What one alternative asks of a decision's phrase pairs (SQL and parameters), and the terms left to its document.

    Two words are exactly their pair; a longer phrase needs every pair present
    and is then checked in the document too. ``signature_column``: see ``_holds``.
    """
    conditions, params, in_document = [], [], []
    for term in terms:
        pairs = phrases.phrase_pairs(term.words)
        if pairs is not None and (len(term.words) == 2 or not term.negated):
            sql, holds_params = _holds(pairs, pairs_column, signature_column)
            conditions.append(f"NOT {sql}" if term.negated else sql)
            params += holds_params
            if len(term.words) == 2:
                continue
        in_document.append(term)
    return conditions, params, in_document


def _holds(pairs: list[int], pairs_column: str, signature_column: str | None) -> tuple[str, list]:
    """SQL true when a decision's pairs include ``pairs``.

    With a ``signature_column`` (``PhrasePairs``, walked row by row) the array is compared only where the
    signature has every pair's bit: reading a few bits costs a fraction of scanning a 200-element array.
    """
    contains = f"({pairs_column} @> %s::integer[])"
    if signature_column is None:
        return contains, [pairs]
    bits = phrases.signature_bits(pairs)
    tests = " AND ".join(f"get_bit({signature_column}, %s) = 1" for _ in bits)
    return f"(CASE WHEN {tests} THEN {contains} ELSE false END)", [*bits, pairs]


def _alternative_condition(
    terms: Sequence[Term], document: str, pairs_column: str, signature_column: str | None = None
) -> tuple[str, list]:
    """SQL for one alternative: its phrases of plain words through the pair index, every other term in one tsquery.

    Everything the document must (or must not) hold goes into a single ``@@``,
    so each candidate's document is read from TOAST and decompressed once, not
    once per term.
    """
    conditions, params, in_document = _pair_conditions(terms, pairs_column, signature_column)
    if in_document:
        tsquery, tsparams = _tsquery(in_document)
        conditions.append(f"({document} @@ {tsquery})")
        params += tsparams
    return "(" + " AND ".join(conditions) + ")", params


def _pairs_prefilter(query: WebQuery, pairs_column: str, signature_column: str) -> tuple[str, list] | None:
    """What a decision's phrase pairs alone must hold for it to match ``query``, or ``None`` when some alternative
    has no phrase of plain words to ask them for (its matches could then be any decision).

    A query of one alternative needs no such test of its own (``TRUE``): its pair conditions, ANDed with the
    rest, are tested where the pairs are read anyway, and testing a 200-element array twice is what a walk costs.
    """
    asks_pairs = [
        any(not term.negated and phrases.phrase_pairs(term.words) is not None for term in terms)
        for terms in query.alternatives
    ]
    if not asks_pairs or not all(asks_pairs):
        return None
    if len(query.alternatives) == 1:
        return "TRUE", []
    alternatives, params = [], []
    for terms in query.alternatives:
        conditions, pair_params, _ = _pair_conditions(terms, pairs_column, signature_column)
        alternatives.append("(" + " AND ".join(conditions) + ")")
        params += pair_params
    return "(" + " OR ".join(alternatives) + ")", params


class _Document(Expression):
    """The entry's stored ``tsvector`` column (PostgreSQL), qualified by whatever alias the query gives the table."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        alias = compiler.query.get_initial_alias()
        return f'{compiler.quote_name_unless_alias(alias)}."document"', []


class _Matches(Expression):
    """The query on PostgreSQL: alternatives (OR) of terms (AND, NOT when excluded), each an index condition."""

    output_field = BooleanField()

    def __init__(self, query: WebQuery, pairs_column: str | None = None, signature_column: str | None = None) -> None:
        super().__init__()
        self.query = query
        self.pairs_column = pairs_column
        self.signature_column = signature_column

    def as_sql(self, compiler, connection):
        """``pairs_column``, when given, is where the phrase pairs are read instead of the entry's own column (with
        their ``signature_column``)."""
        document, params = compiler.compile(_Document())
        pairs_column = self.pairs_column or document.rsplit(".", 1)[0] + '."pairs"'
        alternatives = []
        for terms in self.query.alternatives:
            sql, alternative_params = _alternative_condition(terms, document, pairs_column, self.signature_column)
            alternatives.append(sql)
            params = [*params, *alternative_params]
        return "(" + " OR ".join(alternatives) + ")", params


class _Rank(Expression):
    """``ts_rank`` of the entry's document against any positive term of the query."""

    output_field = FloatField()

    def __init__(self, query: WebQuery) -> None:
        super().__init__()
        self.query = query

    def as_sql(self, compiler, connection):
        document, params = compiler.compile(_Document())
        tsquery, tsparams = _query_tsquery(self.query, positive_only=True)
        return f"ts_rank({document}, {tsquery})", [*params, *tsparams]


_FTS = "determinations_decision_fts"
_MATCH_TABLES = itertools.count()


def _fts5_alternative(terms: Sequence[Term]) -> str | None:
    """One alternative as an FTS5 query, or ``None`` when it has no wanted term (FTS5 cannot express that)."""
    wanted = [term.fts5 for term in terms if not term.negated]
    excluded = [term.fts5 for term in terms if term.negated]
    if not wanted:
        return None
    expression = "(" + " AND ".join(wanted) + ")"
    return f"{expression} NOT ({' OR '.join(excluded)})" if excluded else expression


def _fts5_condition(query: WebQuery) -> Q:
    """FTS5 matching with the meaning of the PostgreSQL query: one MATCH for every alternative it can express."""
    expressible = [e for e in map(_fts5_alternative, query.alternatives) if e]
    condition = _fts5_matches(" OR ".join(expressible)) if expressible else Q(pk__in=[])
    for terms in query.alternatives:
        if _fts5_alternative(terms) is None:
            condition |= ~_fts5_matches(" OR ".join(term.fts5 for term in terms))
    return condition


class _InMatchTable(Expression):
    """The entry is among an FTS5 query's matches, read from the compiling connection's match table
    (``_match_table``): ``EXISTS`` a row of a large one (SQLite walks the other filters or the date order, and
    probes it), ``IN`` a small one (SQLite walks it)."""

    output_field = BooleanField()

    def __init__(self, fts_query: str) -> None:
        super().__init__()
        self.fts_query = fts_query

    def as_sql(self, compiler, connection):
        table, large = _match_table(connection, self.fts_query, checked=False)
        column = f'{compiler.quote_name_unless_alias(compiler.query.get_initial_alias())}."decision_id"'
        if large:
            return f"EXISTS (SELECT 1 FROM temp.{table} m WHERE m.id = {column})", []
        return f"{column} IN (SELECT id FROM temp.{table})", []


def _fts5_matches(fts_query: str) -> Q:
    """The decisions an FTS5 query matches, through a temporary table filled once per connection (``_match_table``).

    This thread's table is made (or looked for, where a rollback may have undone it) as the query is built, so
    compiling the query's statements later runs none of their own.
    """
    _match_table(connections[DEFAULT_DB_ALIAS], fts_query, checked=True)
    return Q(_InMatchTable(fts_query))


def _match_table(database: BaseDatabaseWrapper, fts_query: str, checked: bool) -> tuple[str, bool]:
    """This thread's temporary table of the decisions ``fts_query`` matches on ``database``, made when first
    needed, and whether it holds more than a twentieth of all decisions. ``checked``: a table made in a
    transaction is first looked for, since a rollback may have taken it away (as a query is built, not again as
    it is compiled moments later).

    A search page asks several questions of the same matches (count, facets,
    page); FTS5 would evaluate the query again for each. Its matches are
    therefore written once into a temporary table of the connection that asks
    (made as a statement is compiled, so a count on a read thread makes its
    own), reused until the request ends or the index changes
    (``forget_matches``). Each table belongs to the thread that made it: a
    test's live server shares one in-memory connection between its request
    threads, and one request ending must not drop the table another is still
    reading.
    """
    tables = database.__dict__.setdefault("_imr_fts_matches", {})
    key = (threading.get_ident(), fts_query)
    found = tables.get(key)
    with database.cursor() as cursor:
        if found is not None and checked and found[2]:
            cursor.execute("SELECT 1 FROM sqlite_temp_master WHERE name = %s", [found[0]])
            found = found if cursor.fetchone() else None
        if found is None:
            table = f"imr_fts_matches_{next(_MATCH_TABLES)}"
            cursor.execute(f"CREATE TEMP TABLE {table} (id INTEGER PRIMARY KEY)")
            cursor.execute(f"INSERT INTO temp.{table} SELECT rowid FROM {_FTS} WHERE {_FTS} MATCH %s", [fts_query])
            matched = cursor.rowcount
            large = matched > _highest_decision_id() // 20
            found = tables[key] = (table, large, database.in_atomic_block)
    return found[:2]


def forget_matches(**kwargs) -> None:
    """Drop this thread's temporary match tables and kept results on every SQLite connection (at the end of a
    request, after writes)."""
    thread = threading.get_ident()
    for conn in connections.all(initialized_only=True):
        kept = conn.__dict__.get("_imr_kept_results", {})
        for key in [key for key in kept if key[0] == thread]:
            del kept[key]
        tables = conn.__dict__.get("_imr_fts_matches", {})
        mine = [tables.pop(key)[0] for key in list(tables) if key[0] == thread]
        if mine and conn.vendor == "sqlite" and conn.connection is not None:
            with conn.cursor() as cursor:
                for table in mine:
                    cursor.execute(f"DROP TABLE IF EXISTS temp.{table}")


# --- counting and facets --------------------------------------------------------------------------------------

#: The share of decisions a row's ``sample`` column selects is ``sample < k`` out of this many.
SAMPLE_SCALE = 1000
#: Aim for about this many sampled decisions when a result is too large to count exactly,
#: and sample again, larger, when fewer than ``SAMPLE_MINIMUM`` turn up.
SAMPLE_TARGET = 3_000
SAMPLE_MINIMUM = 100
#: Samples of fewer buckets than this are read through a GIN index of their decisions alone (migration 0008).
SAMPLE_INDEXED = 50
#: SQLite's first sample, which is also its estimate of a result's size: at most 5% of the decisions, at least
#: 1% (so a result at ``EXACT_COUNT_LIMIT`` shows about 100 sampled decisions).
_SQLITE_ESTIMATE_BUCKETS = range(10, 51)
_POSTGRES_CHECK_BUCKETS = 10
#: The facet columns of each facet dimension.
FACET_COLUMNS = {
    "outcome": ("outcome",),
    "category": ("category",),
    "subcategory": ("subcategory",),
    "specialty": ("specialty",),
    "guideline": tuple(FAMILY_COLUMNS.values()),
    "year": ("year",),
    "sex": ("sex",),
    "age_band": ("age_band",),
    "priority": ("priority",),
    "region": ("region",),
    "needs_review": ("needs_review",),
}


@dataclass(frozen=True)
class ResultCount:
    """How many decisions match: exact up to ``EXACT_COUNT_LIMIT``, estimated beyond."""

    value: int
    exact: bool

    def __str__(self) -> str:
        return f"{self.value:,}" if self.exact else f"about {self.value:,}"


@dataclass(frozen=True)
class Tally:
    """The size of a result and its facet counts, both exact or both estimated from a sample."""

    count: ResultCount
    facets: dict[str, dict[str, int]]


def tally(queryset: QuerySet[SearchEntry], dimensions: Sequence[str] = (), keep: bool = False) -> Tally:
    """Count a result and, per facet dimension, its decisions by value.

    Up to ``EXACT_COUNT_LIMIT`` matches everything is counted exactly from one
    capped scan. Beyond it, a sample of decisions (``SearchEntry.sample``, a
    hash of the decision id, so it is spread evenly over time and ingest
    order) is counted and scaled: the database reads only the sampled rows,
    found through the same indexes as the query. The database's own estimate
    of the size decides which to try first (and how large a sample to take).

    ``keep``: on SQLite, a result counted exactly is also kept (its ids and
    dates) until the request ends, and ``page_ids`` sorts it instead of
    reading the table again.
    """
    columns = [column for name in dimensions for column in FACET_COLUMNS[name]] or ["pk"]
    queryset = queryset.order_by()
    estimating_sample = None
    if is_postgresql():
        checked, planned = _POSTGRES_CHECK_BUCKETS, _planned_rows(queryset)
    else:  # no planner to ask: a sample, counted with its facets, is the estimate and may be the answer
        checked, estimating_sample = _sqlite_estimating_sample(queryset, columns, dimensions)
        planned = estimating_sample[0] * SAMPLE_SCALE // checked
    if planned <= _exact_slack(checked) * EXACT_COUNT_LIMIT:
        exact = _exact_tally(queryset, columns, dimensions, keep)
        if exact is not None:
            return exact
        planned = max(planned, 3 * EXACT_COUNT_LIMIT)  # more than the limit, however few the planner expected
    if estimating_sample is None:
        permille = _sample_size(SAMPLE_TARGET / planned)
        sampled, facets = _sampled_counts(queryset, columns, dimensions, permille)
    elif estimating_sample[0] >= SAMPLE_TARGET // 2 or checked == _SQLITE_ESTIMATE_BUCKETS[-1]:
        permille, (sampled, facets) = checked, estimating_sample
    else:  # a small first sample, then a count tried in vain: 5%, the most SQLite reads in good time
        permille = _SQLITE_ESTIMATE_BUCKETS[-1]
        sampled, facets = _sampled_counts(queryset, columns, dimensions, permille)
    if sampled < SAMPLE_MINIMUM and permille < SAMPLE_SCALE:
        permille = _sample_size(permille / SAMPLE_SCALE * SAMPLE_TARGET / max(sampled, 1))
        sampled, facets = _sampled_counts(queryset, columns, dimensions, permille)
    estimate = round(sampled * SAMPLE_SCALE / permille)
    if estimate <= EXACT_COUNT_LIMIT and (exact := _exact_tally(queryset, columns, dimensions, keep)) is not None:
        return exact
    return Tally(ResultCount(max(estimate, EXACT_COUNT_LIMIT + 1), False), facets)


def _exact_slack(buckets: int) -> float:
    """How far above ``EXACT_COUNT_LIMIT`` an estimate from a sample of ``buckets`` may be and still have an exact
    count tried first: five standard errors of that sample at the limit (1.5 for a 1% sample, about 100 decisions;
    1.22 for 5%), so a result under the limit is never shown estimated, and one well over it is not counted in vain.
    """
    return 1 + 5 / math.sqrt(EXACT_COUNT_LIMIT * buckets / SAMPLE_SCALE)


def _sqlite_estimating_sample(
    queryset: QuerySet[SearchEntry], columns: list[str], dimensions: Sequence[str]
) -> tuple[int, tuple[int, dict[str, dict[str, int]]]]:
    """SQLite's estimate of a result: ``(buckets, _sampled_counts)`` of the smallest sample that settles it.

    Counting a sample's facets costs SQLite a sort per facet column, so a result
    of most of the decisions (a common word) is not counted from a 5% sample of
    11,000 decisions where 3,000 estimate it as well: the first sample holds
    about ``SAMPLE_TARGET`` decisions were every decision to match. Where that
    finds a result neither clearly under the exact-count limit (by the margin
    ``_exact_slack`` allows above it, so it is counted exactly next) nor large
    enough for its facets, the rest of the 5% sample is counted and added, so
    no decision is read twice.
    """
    last = _SQLITE_ESTIMATE_BUCKETS[-1]
    wanted = math.ceil(SAMPLE_TARGET * SAMPLE_SCALE / max(_highest_decision_id(), 1))
    buckets = max(_SQLITE_ESTIMATE_BUCKETS[0], min(wanted, last))
    total, facets = _bucket_counts(queryset, columns, dimensions, 0, buckets)
    settled = total >= SAMPLE_TARGET // 2 or total * SAMPLE_SCALE / buckets <= EXACT_COUNT_LIMIT / _exact_slack(buckets)
    if not settled and buckets < last:
        rest, more = _bucket_counts(queryset, columns, dimensions, buckets, last)
        total, buckets = total + rest, last
        facets = {name: dict(Counter(counts) + Counter(more[name])) for name, counts in facets.items()}
    return buckets, (total, _scaled(facets, SAMPLE_SCALE / buckets))


def _highest_decision_id() -> int:
    """The highest decision id in the search table: the number of decisions, near enough, read from its index."""
    return SearchEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _sampled_counts(
    queryset: QuerySet[SearchEntry], columns: list[str], dimensions: Sequence[str], permille: int
) -> tuple[int, dict[str, dict[str, int]]]:
    """``_counts`` of the decisions in the first ``permille`` sample buckets, facets scaled up to the whole."""
    total, facets = _bucket_counts(queryset, columns, dimensions, 0, permille)
    return total, _scaled(facets, SAMPLE_SCALE / permille)


def _bucket_counts(
    queryset: QuerySet[SearchEntry], columns: list[str], dimensions: Sequence[str], first: int, stop: int
) -> tuple[int, dict[str, dict[str, int]]]:
    """``_counts`` of the decisions in sample buckets ``first`` to ``stop - 1``, not scaled."""
    sampled = queryset.filter(sample__lt=stop, **({"sample__gte": first} if first else {}))
    total, facets, _ = _counts(sampled, columns, dimensions)
    return total, facets


def _scaled(facets: dict[str, dict[str, int]], scale: float) -> dict[str, dict[str, int]]:
    """Facet counts times ``scale``, each at least 1 (a value seen in a sample is in the result)."""
    return {name: {value: max(1, round(n * scale)) for value, n in counts.items()} for name, counts in facets.items()}


def _exact_tally(
    queryset: QuerySet[SearchEntry], columns: list[str], dimensions: Sequence[str], keep: bool = False
) -> Tally | None:
    """Counts from every match, or ``None`` when there are more than ``EXACT_COUNT_LIMIT``; ``keep`` as ``tally``."""
    keep = keep and not is_postgresql()
    count, facets, rows = _counts(queryset, columns, dimensions, limit=EXACT_COUNT_LIMIT + 1, keep=keep)
    if count > EXACT_COUNT_LIMIT:
        return None
    if keep and (key := _result_key(queryset)) is not None:
        _kept_results()[key] = rows
    return Tally(ResultCount(count, True), facets)


def _kept_results() -> dict[tuple, list[tuple[int, object]]]:
    """This connection's results kept by ``tally(keep=True)``, by thread and query (cleared by ``forget_matches``)."""
    return connections[DEFAULT_DB_ALIAS].__dict__.setdefault("_imr_kept_results", {})


def _result_key(queryset: QuerySet[SearchEntry]) -> tuple | None:
    """What a kept result is found by: the thread and the query (``None`` for a query that can match nothing)."""
    query = _query_key(queryset)
    return None if query is None else (threading.get_ident(), *query)


def _query_key(queryset: QuerySet[SearchEntry]) -> tuple | None:
    """The SQL and parameters (as text: a phrase's are lists) of a result's ids (``None`` if it can match nothing)."""
    try:
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:
        return None
    return sql, repr(params)


def _kept_page(queryset: QuerySet[SearchEntry], sort: str, offset: int, limit: int) -> list | None:
    """``(id, date)`` of a page of a result kept by ``tally(keep=True)`` in date order, or ``None`` if not kept.

    The order of ``_date_order``: by date (newest or oldest first), then id the same way, undated decisions last.
    """
    rows = _kept_results().get(_result_key(queryset))
    if rows is None:
        return None
    newest = sort != "oldest"
    dated = sorted((row for row in rows if row[1] is not None), key=lambda row: (row[1], row[0]), reverse=newest)
    undated = sorted((row for row in rows if row[1] is None), reverse=newest)
    return [(pk, _as_date(day)) for pk, day in (dated + undated)[offset : offset + limit]]


def _as_date(value: object) -> datetime.date | None:
    """A date as SQLite hands it over from a ``WITH`` (text) or a column (a date)."""
    return datetime.date.fromisoformat(value) if isinstance(value, str) else value


def _counts(
    queryset: QuerySet[SearchEntry],
    columns: list[str],
    dimensions: Sequence[str],
    limit: int | None = None,
    keep: bool = False,
) -> tuple[int, dict[str, dict[str, int]], list[tuple[int, object]]]:
    """The rows of a query (at most ``limit``) and, per facet dimension, how many have each value;
    and, with ``keep`` (SQLite), every row's id and date.

    The database groups them, so only the counts reach Python: PostgreSQL in
    one pass (``GROUPING SETS``); SQLite, which has no grouping sets, with one
    ``GROUP BY`` per column over the matches materialised once.
    """
    rows = queryset.values_list(*columns, *(("pk", "decision_date") if keep else ()))
    if limit is not None:
        rows = rows[:limit]
    try:
        sql, params = rows.query.sql_with_params()
    except EmptyResultSet:
        return 0, {name: {} for name in dimensions}, []
    names = [f"c{i}" for i in range(len(columns))]
    if is_postgresql():
        groups = _postgres_groups(sql, params, names, dimensions)
    else:
        groups = _sqlite_groups(sql, params, names, dimensions, keep)
    kept = [(value, n) for position, value, n in groups if position == _KEPT_ROW]
    flags = {
        i
        for i, column in enumerate(columns)
        if column != "pk" and isinstance(SearchEntry._meta.get_field(column), BooleanField)
    }
    total = 0
    by_column: list[Counter] = [Counter() for _ in columns]
    for position, value, n in groups:
        if position == _TOTAL:
            total = n
        elif position >= 0:  # SQLite hands booleans over as 0 and 1
            by_column[position][bool(value) if position in flags and value is not None else value] += n
    return total, _facets_from_groups(by_column, dimensions), kept


#: Positions in ``_counts``'s groups that are not a facet column's: the total, and a kept row (id, date).
_TOTAL, _KEPT_ROW = -1, -2


def _postgres_groups(sql: str, params: Sequence, names: list[str], dimensions: Sequence[str]) -> list[tuple]:
    """``(column position or -1 for the total, value, count)`` for ``_counts``: one pass, ``GROUPING SETS``."""
    if not dimensions:
        with connection.cursor() as cursor:
            cursor.execute(f"SELECT count(*) FROM ({sql}) AS matched", params)
            return [(-1, None, cursor.fetchone()[0])]
    grouped = ", ".join(["()", *(f"({name})" for name in names)])
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT GROUPING({', '.join(names)}), {', '.join(names)}, count(*) "
            f"FROM ({sql}) AS matched ({', '.join(names)}) GROUP BY GROUPING SETS ({grouped})",
            params,
        )
        rows = cursor.fetchall()
    everything = (1 << len(names)) - 1
    groups = []
    for mask, *values, n in rows:
        position = len(names) - (everything ^ mask).bit_length() if mask != everything else _TOTAL
        groups.append((position, values[position] if position >= 0 else None, n))
    return groups


def _sqlite_groups(
    sql: str, params: Sequence, names: list[str], dimensions: Sequence[str], keep: bool = False
) -> list[tuple]:
    """``_postgres_groups`` on SQLite: the matches materialised once, then one ``GROUP BY`` per column; with
    ``keep``, also ``(_KEPT_ROW, id, date)`` for every match (``sql`` then selects the id and date last)."""
    selects = [f"SELECT {_TOTAL}, NULL, count(*) FROM matched"]
    if dimensions:
        selects += [f"SELECT {i}, {name}, count(*) FROM matched GROUP BY {name}" for i, name in enumerate(names)]
    columns = [*names, *(("kept_id", "kept_date") if keep else ())]
    if keep:
        selects.append(f"SELECT {_KEPT_ROW}, kept_id, kept_date FROM matched")
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH matched ({', '.join(columns)}) AS MATERIALIZED ({sql}) {' UNION ALL '.join(selects)}", params
        )
        return cursor.fetchall()


def _facets_from_groups(by_column: list[Counter], dimensions: Sequence[str]) -> dict[str, dict[str, int]]:
    """Per dimension, value -> count from per-column counts, columns in ``FACET_COLUMNS`` order."""
    result: dict[str, dict[str, int]] = {}
    position = 0
    for name in dimensions:
        width = len(FACET_COLUMNS[name])
        counter: Counter[str] = Counter()
        if name == "guideline":
            for family, column in zip(FAMILY_COLUMNS, by_column[position : position + width], strict=True):
                if column[True]:
                    counter[family] = column[True]
        else:
            for value, n in by_column[position].items():
                if value not in (None, ""):
                    counter[_facet_key(value)] += n
        result[name] = dict(counter)
        position += width
    return result


def _sample_size(share: float) -> int:
    """``share`` of all decisions as a whole number of ``sample`` buckets (at least one, at most all).

    A sample up to twice ``SAMPLE_INDEXED`` is taken just under it, so it is read
    through the GIN index of the sampled decisions (migration 0008) rather than
    the whole posting list. Never at the bound itself: PostgreSQL's planner then
    takes the partial index and a filter's ``(column, sample)`` index for
    redundant and combines neither with the other (measured: 35 ms of a 63 ms
    count spent on the whole posting list of ``TENS unit``).
    """
    buckets = max(1, min(SAMPLE_SCALE, math.ceil(share * SAMPLE_SCALE)))
    if SAMPLE_INDEXED <= buckets <= 2 * SAMPLE_INDEXED:
        return SAMPLE_INDEXED - 1
    return buckets


def _planned_rows(queryset: QuerySet[SearchEntry], planned: int | None = None) -> int:
    """An estimate of a query's size from PostgreSQL's planner (``planned``, where it was asked already).

    The planner takes words for independent, and so can expect a few hundred
    decisions where tens of thousands mention both; a small result is
    therefore checked against a 1% sample, read through the sample's own GIN
    index, before counting everything is tried.
    """
    if planned is None:
        planned = _planner_estimate(queryset)
    if planned <= 3 * EXACT_COUNT_LIMIT:
        checked = _shared_estimate(queryset, lambda: _sampled_size(queryset, _POSTGRES_CHECK_BUCKETS))
        planned = max(planned, checked)
    return planned


#: A search page's estimates, shared by the threads that find its page and count it (``tallies_and_page``):
#: each would otherwise take the same 1% sample of the result (about 10 ms a page at a million letters).
_page_estimates: ContextVar[dict[tuple, Future[int]] | None] = ContextVar("imr_page_estimates", default=None)
_page_estimates_lock = threading.Lock()


def _shared_estimate(queryset: QuerySet[SearchEntry], estimate: Callable[[], int]) -> int:
    """``estimate()`` of this query, computed once per search page where its threads share estimates."""
    shared, key = _page_estimates.get(), _query_key(queryset)
    if shared is None or key is None:
        return estimate()
    with _page_estimates_lock:
        future = shared.get(key)
        computing = future is None
        if computing:
            future = shared[key] = Future()
    if computing:
        try:
            future.set_result(estimate())
        except BaseException as error:
            future.set_exception(error)
    return future.result()


def _planner_estimate(queryset: QuerySet[SearchEntry]) -> int:
    """How many rows PostgreSQL's planner expects the query to return (``EXPLAIN``, nothing run)."""
    try:
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
    except EmptyResultSet:
        return 0
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
        plan = cursor.fetchone()[0]
    plan = plan[0] if isinstance(plan, list) else plan
    return int(plan["Plan"]["Plan Rows"])


def _sampled_size(queryset: QuerySet[SearchEntry], buckets: int) -> int:
    """A query's size, scaled up from its decisions in the first ``buckets`` sample buckets."""
    return queryset.filter(sample__lt=buckets).count() * SAMPLE_SCALE // buckets


def _facet_key(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


class _Scanned(Func):
    """A column SQLite compares row by row, never looking rows up through an index that leads with it."""

    template = "%(expressions)s"

    def as_sqlite(self, compiler, connection, **extra_context):
        return super().as_sql(compiler, connection, template="+%(expressions)s", **extra_context)


def category_filter(categories: Iterable[str]) -> Q:
    """Decisions in any of ``categories``.

    SQLite keeps out of the (category, date) index of similar decisions: it has
    no statistics of skew and would look up a third of the table through it
    (82 ms, against 17 ms for reading the table, at 100,000 letters).
    """
    return Q(In(_Scanned("category", output_field=CharField()), list(categories)))


def guideline_filter(families: Iterable[str]) -> Q:
    """Decisions citing any of ``families``."""
    condition = Q(pk__in=[])
    for family in families:
        condition |= Q(**{FAMILY_COLUMNS[Family(family)]: True})
    return condition


# --- result pages ---------------------------------------------------------------------------------------------

#: Large text columns a result row never shows; left unloaded so a page stays small.
_HEAVY_COLUMNS = (
    "determination__full_text",
    "determination__sections",
    "determination__summary",
    "determination__warnings",
    "decision__rationale",
    "decision__claims_administrator_citation",
    "decision__reviewer_citation",
)


@dataclass(frozen=True)
class Hit:
    """One decision on a result page."""

    entry: SearchEntry
    snippet: str

    @property
    def item(self) -> DisputedItem:
        return self.entry.decision.item

    @property
    def determination(self) -> Determination:
        return self.entry.determination

    @property
    def families(self) -> list[str]:
        return [family for family, column in FAMILY_COLUMNS.items() if getattr(self.entry, column)]

    @property
    def url(self) -> str:
        return f"{self.determination.get_absolute_url()}#{self.item.anchor}"


#: Relevance ranks at most this many matches (the newest); beyond them, sort by date to see everything.
RANKED_LIMIT = 1_000


def tallies_and_page(
    tallies: Sequence[Callable[[], Tally]], page: Callable[[int | None], list[int]]
) -> tuple[list[Tally], list[int]]:
    """Run a search page's counts (``tallies``, the result's own first) and find its ids (``page``).

    They are independent reads, and on a filtered or rechecked search each
    takes tens of milliseconds that the server's other core would otherwise
    sit out, so outside a transaction (whose writes other connections cannot
    see) they run at once, on connections of their own:

    - PostgreSQL: each tally on a read thread, the page on the caller's
      connection; the page then estimates the result's size itself
      (``page(None)``).
    - SQLite: the result's own tally and then the page on the caller's
      connection (the page sorts the result that tally keeps, and is told its
      count); meanwhile the other tallies (each selected facet's, counted
      without its own selection) in turn on one read thread, which writes the
      text's matches into a table of its own once (``_match_table``). SQLite
      runs a statement without holding Python's lock, so they share the cores.

    Inside a transaction they run in turn and the page is told the first tally's count.
    """
    if connection.in_atomic_block or (len(tallies) == 1 and not is_postgresql()):
        counted = [call() for call in tallies]
        return counted, page(counted[0].count.value)
    pool = _read_pool(os.getpid())
    if not is_postgresql():
        first, *others = tallies
        future = pool.submit(_on_own_connection, lambda: [call() for call in others])
        try:
            own = first()
            ids = page(own.count.value)
        finally:
            counted = future.result()
        return [own, *counted], ids
    sharing = _page_estimates.set({})
    try:
        futures = [pool.submit(copy_context().run, _on_own_connection, call) for call in tallies]
        try:
            ids = page(None)
        finally:
            counted = [future.result() for future in futures]
    finally:
        _page_estimates.reset(sharing)
    return counted, ids


@functools.cache
def _read_pool(pid: int) -> ThreadPoolExecutor:
    """This process's threads for concurrent reads (a forked server worker makes its own)."""
    return ThreadPoolExecutor(max_workers=READ_THREADS, thread_name_prefix=f"imr-read-{pid}")


def close_read_connections() -> None:
    """Close the read threads' database connections, each on its own thread (before a database is dropped)."""
    barrier = threading.Barrier(READ_THREADS)

    def close() -> None:
        barrier.wait(timeout=30)  # every thread takes one of these tasks
        connections.close_all()

    pool = _read_pool(os.getpid())
    for future in [pool.submit(close) for _ in range(READ_THREADS)]:
        future.result()


def _on_own_connection(call: Callable[[], _T]) -> _T:
    """Run ``call`` on this thread's connection, first closing it if it is broken or past its age, and afterwards
    dropping what it kept of a search (``forget_matches``), as requests do."""
    close_old_connections()
    try:
        return call()
    finally:
        forget_matches()


def ranks_by_relevance(q: str, sort: str) -> bool:
    """True when a result in this order is ranked (and so limited to ``RANKED_LIMIT`` decisions)."""
    return sort == "relevance" and bool(WebQuery.parse(q).positive_terms)


def page_ids(
    queryset: QuerySet[SearchEntry],
    q: str,
    sort: str,
    offset: int,
    limit: int,
    expected: int | None = None,
    unsearched: QuerySet[SearchEntry] | None = None,
) -> list[int]:
    """Decision ids of one result page, in the requested order.

    Relevance ranks the ``RANKED_LIMIT`` newest matches (ranking every match of
    a common word would read millions of documents), so its pages end there.
    ``expected``, the result's (estimated) size (on PostgreSQL estimated here
    when not given), and ``unsearched``, the same result without its text,
    decide whether the page is found by walking every decision in date order
    or by sorting the matches.
    """
    query = WebQuery.parse(q)
    window = _Window(queryset, query, expected, unsearched)
    if ranks_by_relevance(q, sort):
        return _ranked_ids(window)[offset : offset + limit]
    return [pk for pk, _ in window.by_date(sort, offset, limit)]


@dataclass
class _Window:
    """A result whose pages are read in date order, and what is known of its size."""

    queryset: QuerySet[SearchEntry]
    query: WebQuery
    expected: int | None
    unsearched: QuerySet[SearchEntry] | None

    def by_date(self, sort: str, offset: int, limit: int) -> list[tuple[int, datetime.date | None]]:
        """``(id, date)`` of matches ``offset`` to ``offset + limit`` in date order, walked or sorted as is cheaper
        (or sorted in Python, where ``tally`` kept the result)."""
        kept = None if is_postgresql() else _kept_page(self.queryset, sort, offset, limit)
        if kept is not None:
            return kept
        plan = self._plan(offset + limit)
        window = self.queryset.order_by(*_date_order(sort, unindexed=plan == "sort"))
        window = window.values_list("pk", "decision_date")[offset : offset + limit]
        if plan == "walk":  # PostgreSQL only
            with transaction.atomic(), connection.cursor() as cursor:
                for method in ("bitmapscan", "seqscan", "sort"):  # left only: the date index, in order
                    cursor.execute(f"SET LOCAL enable_{method} = off")
                walked = self._walk_phrase_pairs(cursor, offset, limit) if sort == "newest" else None
                return list(window) if walked is None else walked
        return list(window)

    def _walk_phrase_pairs(self, cursor, offset: int, limit: int) -> list[tuple[int, datetime.date | None]] | None:
        """The newest matches of a phrase search, walked through ``PhrasePairs`` (``None`` where that cannot help).

        The walk tests each decision's signature and pairs in the narrow table
        (in the row, several decisions a page) and reads its search row, with
        the filters and the document, only where the pairs allow a match:
        walking the search rows themselves reads every decision's pairs from
        TOAST. The search row is tested with the whole query, its pairs read
        from the narrow row, so the result is exactly the walk's of the search
        rows.
        """
        if self.unsearched is None or (prefilter := _pairs_prefilter(self.query, *_NARROW_PAIRS)) is None:
            return None
        exact = self.unsearched.filter(
            _Matches(self.query, *_NARROW_PAIRS),
            pk=RawSQL("p.decision_id", (), output_field=BigIntegerField()),
        )
        try:
            exact_sql, exact_params = exact.order_by().values("pk").query.sql_with_params()
        except EmptyResultSet:
            return []
        cursor.execute(
            f"SELECT p.decision_id, p.decision_date FROM {PhrasePairs._meta.db_table} p "
            f"WHERE {prefilter[0]} AND EXISTS ({exact_sql}) "
            "ORDER BY p.decision_date DESC NULLS LAST, p.decision_id DESC LIMIT %s OFFSET %s",
            [*prefilter[1], *exact_params, limit, offset],
        )
        return cursor.fetchall()

    def _plan(self, wanted: int) -> str | None:
        """``"sort"`` the matches, ``"walk"`` the date index to the ``wanted``-th, or ``None`` for the database's choice.

        The walk reads about ``wanted / density`` decisions; sorting reads every
        match. SQLite has no statistics of skew, so it is told when to sort
        (sorting reads the table too, at about a tenth the cost a row).
        PostgreSQL's planner chooses well from its own estimate and is overruled
        only where that is off more than threefold from the sample's (phrases
        and correlated words: 11,581 planned for ``"work conditioning"`` where
        38,000 match, 394 for ``"urine drug screen" -opioid`` where 64,515 do),
        by ``_postgres_costs``.
        """
        planned = _planner_estimate(self.queryset) if is_postgresql() else None
        expected = self.expected
        if expected is None and planned is not None:  # counted at the same time (``tallies_and_page``)
            expected = _planned_rows(self.queryset, planned)
        if not expected:
            return None
        everything = _highest_decision_id()
        walked = wanted * everything / expected
        if planned is None:
            return "sort" if walked > expected + everything / 10 else None
        if expected / 3 <= planned <= expected * 3:
            return None
        filtered = _planner_estimate(self.unsearched) / everything if self.unsearched is not None else 1.0
        walk, sort = _postgres_costs(walked, expected, min(1.0, max(filtered, 1e-3)), self.query)
        return "walk" if walk < sort else "sort"


#: The pairs and signature columns of the ``PhrasePairs`` row a phrase walk reads (aliased ``p``).
_NARROW_PAIRS = ('p."pairs"', 'p."signature"')


def _postgres_costs(walked: float, expected: int, filtered: float, query: WebQuery) -> tuple[float, float]:
    """Estimated µs of walking ``walked`` decisions against sorting ``expected`` matches on PostgreSQL.

    Measured at a million letters: a walked row costs 1.2 µs, and 5.6 µs more
    where it passes the other filters (a ``filtered`` share) and its document
    is read; a sorted match costs 0.7 µs, 5.6 µs more where its document must
    be read (``_rechecks_documents``), plus 0.07 µs for each entry of the
    text's posting lists (about ``expected / filtered``).
    """
    walk = walked * (1.2 + 5.6 * filtered)
    sort = expected * (0.7 + (5.6 if _rechecks_documents(query) else 0.0)) + 0.07 * expected / filtered
    return walk, sort


def _rechecks_documents(query: WebQuery) -> bool:
    """True when PostgreSQL must read a match's document to confirm it: an excluded term or a phrase the pairs do not settle."""
    return any(
        term.negated or (len(term.words) > 1 and (len(term.words) > 2 or phrases.phrase_pairs(term.words) is None))
        for terms in query.alternatives
        for term in terms
    )


def _date_order(sort: str, unindexed: bool = False) -> tuple:
    """The ordering of a date sort; ``unindexed``, one no date index can serve, so the matches are sorted."""
    date = _UnindexedDate("decision_date") if unindexed else F("decision_date")
    if sort == "oldest":
        return (date.asc(nulls_last=True), F("pk").asc())
    return (date.desc(nulls_last=True), F("pk").desc())


class _UnindexedDate(_Scanned):
    """A date column as an expression no index matches: ``date + 0`` on PostgreSQL, ``+date`` on SQLite."""

    template = "(%(expressions)s + 0)"
    output_field = DateField()


def by_date(queryset: QuerySet[SearchEntry], sort: str) -> QuerySet[SearchEntry]:
    """The result oldest first for ``oldest`` and newest first otherwise: how a whole result is listed.

    Relevance covers only the best-ranked part of a large result, so an export of everything is by date.
    """
    return queryset.order_by(*_date_order(sort))


def stream_text(values: QuerySet, q: str, rows: int) -> Iterator[bytes]:
    """The values of a one-column text query as UTF-8, ``rows`` values joined into each block, in constant memory.

    For a long read of a whole result (an export; ``q`` is the result's text
    query). It runs in a transaction: a cursor opened outside one must
    survive its commit (``WITH HOLD``), and PostgreSQL then computes the whole
    result before handing over its first row. PostgreSQL streams it with
    ``COPY (query) TO STDOUT`` in binary, the text arriving as the bytes sent
    on, since a cursor never runs in parallel and ``COPY`` may
    (``_parallel_read``), and an export of most decisions has the tables it
    joins read ahead (``_read_ahead``); SQLite reads a cursor ``rows`` at a time.
    """
    with transaction.atomic():
        if not is_postgresql():
            batches = values.iterator(chunk_size=rows)
            while batch := list(itertools.islice(batches, rows)):
                yield "".join(batch).encode("utf-8")
            return
        sql, params = values.query.sql_with_params()
        _read_ahead(values)
        with connection.cursor() as cursor:
            _parallel_read(cursor, q)
            with cursor.cursor.copy(f"COPY ({sql}) TO STDOUT (FORMAT binary)", params) as copy:
                copy.set_types(["bytea"])  # a text value's binary form is its UTF-8 bytes
                lines = (line for (line,) in copy.rows())
                while batch := list(itertools.islice(lines, rows)):
                    yield b"".join(batch)


def _parallel_read(cursor, q: str) -> None:
    """Let this transaction's long read of a result in date order use parallel workers (PostgreSQL).

    The app's connections turn parallel query off, since a page's few
    thousand rows do not repay starting workers; an export of millions of
    rows divides between processes: two workers read the rows (the walk of
    the date index and the joins, random reads that cost most) and format
    their lines, while the leader merges them in order and sends them, not
    reading rows itself (so a line must need no subquery, which only the
    leader may run). A result without
    text (``q``) is read by walking the date index, its rows shared out
    between the workers: the planner would rather sort a parallel scan of the
    whole result (gigabytes of finished lines), so sorting is switched off for
    it. A text result is left to the planner, which finds it through the
    text's index. Measured with ``psql`` on the million-letter benchmark: the
    whole export's statement 55.6 s alone, 39.6 s so.
    """
    settings = {**_PARALLEL_READ, **({"enable_sort": "off"} if WebQuery.parse(q).is_empty else {})}
    calls = ", ".join("set_config(%s, %s, true)" for _ in settings)
    cursor.execute(f"SELECT {calls}", [str(part) for item in settings.items() for part in item])


#: An export of more than this share of all decisions has the tables it joins read ahead (``reads_ahead``).
READ_AHEAD_SHARE = 0.25
#: The tables an export joins to its search rows for each decision's texts, in the order read ahead.
_EXPORT_JOINED = (Decision._meta.db_table, DisputedItem._meta.db_table)


def reads_ahead(values: QuerySet) -> bool:
    """Whether an export of ``values`` reads the tables it joins ahead of itself (``_read_ahead``; PostgreSQL).

    Yes when the planner expects it to cover more than ``READ_AHEAD_SHARE`` of
    the decisions: a few rows of every page of the tables, fetched one at a
    time, cost more than reading the tables whole.
    """
    if not is_postgresql():
        return False
    with connection.cursor() as cursor:
        cursor.execute("SELECT reltuples FROM pg_class WHERE oid = %s::regclass", [_EXPORT_JOINED[0]])
        decisions = cursor.fetchone()[0]
    return _planner_estimate(values) > READ_AHEAD_SHARE * max(decisions, 1)


def _read_ahead(values: QuerySet) -> None:
    """For a large export (``reads_ahead``), read the decisions and items in stored order on another connection.

    The export reads decisions in date order, and they are stored in the
    order they were loaded, so each row of an export of tables not in memory
    is a random read from disk. A sequential scan of the same tables, which
    the operating system reads ahead of it, brings them into its cache
    several times faster a byte, and the export's own reads then find them
    there (RESULTS.md: a cold export of a million letters 82.4 → 71.9 s; no
    change where the tables are cached). It runs on a read thread, planned
    and done there, and ends by itself.
    """
    _read_pool(os.getpid()).submit(_on_own_connection, functools.partial(_scan_if_large, values))


def _scan_if_large(values: QuerySet) -> None:
    """Scan the export's joined tables in stored order (sequential scans only) when ``reads_ahead`` says so."""
    if not reads_ahead(values):
        return
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute(
            "SELECT set_config('enable_indexscan', 'off', true), set_config('enable_indexonlyscan', 'off', true),"
            " set_config('enable_bitmapscan', 'off', true)"
        )
        for table in _EXPORT_JOINED:
            cursor.execute(f"SELECT count(*) FROM {connection.ops.quote_name(table)}")


_PARALLEL_READ = {
    "max_parallel_workers_per_gather": 2,
    "parallel_setup_cost": 0,
    "parallel_tuple_cost": 0,
    "min_parallel_index_scan_size": 0,
    "parallel_leader_participation": "off",
}


def _ranked_ids(window: _Window) -> list[int]:
    """The ids of the newest ``RANKED_LIMIT`` matches, best rank first (then newest).

    Two steps, so a rank is computed only for the candidates: first the newest
    matches (walked or sorted, ``_Window``), then their ranks.
    """
    candidates = window.by_date("newest", 0, RANKED_LIMIT)
    ids = [pk for pk, _ in candidates]
    query = window.query
    if is_postgresql():
        scores = dict(SearchEntry.objects.filter(pk__in=ids).annotate(rank=_Rank(query)).values_list("pk", "rank"))
        rows = [(pk, -scores.get(pk, 0.0), date) for pk, date in candidates]
    else:
        scores = _bm25(query, ids)
        rows = [(pk, scores.get(pk, 0.0), date) for pk, date in candidates]
    oldest_first = datetime.date.min.toordinal()
    rows.sort(key=lambda row: (row[1], -(row[2].toordinal() if row[2] else oldest_first), -row[0]))
    return [pk for pk, _, _ in rows]


def _bm25(query: WebQuery, ids: list[int]) -> dict[int, float]:
    """FTS5's ``bm25`` (lower is better) of these decisions against any positive term of the query.

    The candidates go through a temporary table joined to the FTS5 table: SQLite then reads the
    query's matches once. (``rowid IN (...)`` or a ``VALUES`` list makes FTS5 run the query again
    for every id: seconds instead of milliseconds.)
    """
    if not ids:
        return {}
    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMP TABLE IF NOT EXISTS rank_candidates (id INTEGER PRIMARY KEY)")
        cursor.execute("DELETE FROM rank_candidates")
        cursor.execute("INSERT INTO rank_candidates (id) SELECT value FROM json_each(%s)", [json.dumps(ids)])
        cursor.execute(
            f"SELECT f.rowid, bm25({_FTS}, 10.0, 2.0, 1.0, 0.5) FROM rank_candidates c "
            f"JOIN {_FTS} f ON f.rowid = c.id WHERE {_FTS} MATCH %s",
            (query.fts5_any(),),
        )
        return dict(cursor.fetchall())


def hits(ids: Sequence[int], q: str) -> list[Hit]:
    """Result rows for one page of decision ids (from ``page_ids``), with a highlighted, HTML-safe snippet each."""
    loaded = SearchEntry.objects.select_related("decision__item", "determination").defer(*_HEAVY_COLUMNS).in_bulk(ids)
    snippets = _snippets(list(ids), q)
    return [Hit(loaded[pk], snippets.get(pk, "")) for pk in ids if pk in loaded]


def similar_decisions(determination: Determination, limit: int = 6) -> list[Hit]:
    """Decisions in other letters with the same category as one of this letter's and a guideline family in common.

    An item citing no guideline family is matched on its category alone. Newest first. Each of the
    letter's (category, families) pairs is asked for its newest ``limit`` alone, through the
    category-and-date index (migration 0009), and the newest of those are kept: one query ORing
    them would have to sort every decision of the categories.
    """
    conditions: dict[tuple, Q] = {}
    for entry in SearchEntry.objects.filter(determination=determination):
        families = [family for family, column in FAMILY_COLUMNS.items() if getattr(entry, column)]
        conditions[(entry.category, *families)] = Q(category=entry.category) & (
            guideline_filter(families) if families else Q()
        )
    others = SearchEntry.objects.exclude(determination=determination).order_by(*_date_order("newest"))
    candidates = {
        found
        for condition in conditions.values()
        for found in others.filter(condition).values_list("pk", "decision_date")[:limit]
    }
    newest = sorted(
        candidates, key=lambda found: (found[1] is not None, found[1] or datetime.date.min, found[0]), reverse=True
    )
    ids = [pk for pk, _date in newest[:limit]]
    entries = (
        SearchEntry.objects.filter(pk__in=ids)
        .select_related("decision__item", "determination")
        .defer(*_HEAVY_COLUMNS)
        .order_by(*_date_order("newest"))
    )
    return [Hit(entry, "") for entry in entries]


def _snippets(ids: list[int], q: str) -> dict[int, str]:
    query = WebQuery.parse(q)
    if not query.positive_terms:
        return {pk: html.escape(_first_words(text)) for pk, text in _rationale_starts(ids).items()}
    raw = _postgres_snippets(ids, query) if is_postgresql() else _sqlite_snippets(ids, query)
    return {pk: _highlight(text) for pk, text in raw.items()}


def _rationale_starts(ids: list[int]) -> dict[int, str]:
    """The first few hundred characters of each decision's rationale."""
    return dict(Decision.objects.filter(pk__in=ids).values_list("pk", Substr("rationale", 1, 400)))


def _headline_query(query: WebQuery) -> SearchQuery:
    """Any positive term, as one ``SearchQuery`` for headlines."""
    terms = [SearchQuery(term.text, search_type="phrase", config=CONFIG) for term in query.positive_terms]
    return functools.reduce(operator.or_, terms)


def _postgres_snippets(ids: list[int], query: WebQuery) -> dict[int, str]:
    tsquery = _headline_query(query)
    options = {"start_sel": _MARK_START, "stop_sel": _MARK_END, "max_words": 40, "min_words": 15}
    rows = Decision.objects.filter(pk__in=ids).annotate(
        own=SearchHeadline("rationale", tsquery, config=CONFIG, max_fragments=2, fragment_delimiter=" … ", **options),
        summary=SearchHeadline("item__determination__summary", tsquery, config=CONFIG, **options),
    )
    return {pk: _best_snippet(own, summary) for pk, own, summary in rows.values_list("pk", "own", "summary")}


def _sqlite_snippets(ids: list[int], query: WebQuery) -> dict[int, str]:
    marks = (_MARK_START, _MARK_END, " … ")
    own = _fts5_snippets(2, ids, query, marks)
    summaries = _fts5_snippets(3, ids, query, marks)
    starts = _rationale_starts([pk for pk in ids if pk not in own])
    return {pk: _best_snippet(own.get(pk) or _first_words(starts.get(pk, "")), summaries.get(pk, "")) for pk in ids}


def _fts5_snippets(column: int, rowids: list[int], query: WebQuery, marks: tuple) -> dict[int, str]:
    """``snippet()`` of one column for those of ``rowids`` that hold any positive term (one page's worth)."""
    if not rowids:
        return {}
    values = ", ".join("(%s)" for _ in rowids)
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH page(id) AS (VALUES {values}) SELECT f.rowid, snippet({_FTS}, {column}, %s, %s, %s, 40) "
            f"FROM page JOIN {_FTS} f ON f.rowid = page.id WHERE {_FTS} MATCH %s",
            (*rowids, *marks, query.fts5_any()),
        )
        return dict(cursor.fetchall())


def _best_snippet(own: str, summary: str) -> str:
    """The decision's own snippet, unless only the letter's summary shows a match."""
    return summary if _MARK_START not in own and _MARK_START in summary else own


def _first_words(text: str, words: int = 40) -> str:
    parts = text.split()
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def _highlight(raw: str) -> str:
    """Escape a snippet for HTML, then turn the match markers into ``<mark>`` elements."""
    escaped = html.escape(raw.replace("\n", " "))
    return escaped.replace(_MARK_START, "<mark>").replace(_MARK_END, "</mark>")


# --- keeping the index in sync ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class IndexRow:
    """What one decision puts in the search index beside its text: its ``SearchEntry`` columns and phrase pairs.

    ``write_index`` reads the text itself from the decision's stored rows.
    """

    decision_id: int
    determination_id: int
    case_number: str
    fallback_citation_id: str
    decision_date: datetime.date | None
    year: int | None
    outcome: str
    category: str
    subcategory: str
    specialty: str
    cites_mtus: bool
    cites_acoem: bool
    cites_odg: bool
    cites_other: bool
    sex: str
    age_band: str
    priority: str
    region: str
    needs_review: bool
    synthetic: bool
    sample: int
    #: Adjacent-word pairs of the decision's text and its letter's summary (``document_pairs``).
    pairs: str
    #: Their ``phrases.signature``.
    signature: bytes

    def values(self) -> tuple:
        """The row's values in field order (``dataclasses.astuple`` deep-copies, which is slow in bulk)."""
        return tuple(getattr(self, name) for name in _ROW_FIELDS)


_ROW_FIELDS = tuple(f.name for f in fields(IndexRow))
_ENTRY_COLUMNS = tuple(name for name in _ROW_FIELDS if name not in ("pairs", "signature"))


def index_row(
    letter: Determination,
    patient: Patient,
    specialty: str,
    item: DisputedItem,
    decision: Decision,
    families: Iterable[str],
    summary_pairs: Iterable[int] = (),
    pairs: DocumentPairs | None = None,
) -> IndexRow:
    """The index row of one decision, from its rows (saved or about to be saved with these ids).

    ``summary_pairs`` are the word pairs of the letter's summary (``phrases.pairs``), computed once per letter;
    ``pairs`` is the decision's ``document_pairs`` where the caller computed it already (bulk ingest's workers).
    """
    families = set(families)
    if pairs is None:
        citations = decision_citations(decision.reviewer_citation, decision.claims_administrator_citation)
        pairs = document_pairs(item.request, citations, decision.rationale, summary_pairs)
    return IndexRow(
        decision_id=decision.pk,
        determination_id=letter.pk,
        case_number=(letter.case_number or "").upper(),
        fallback_citation_id="" if letter.case_number else letter.citation_id,
        decision_date=letter.decision_date,
        year=letter.decision_date.year if letter.decision_date else None,
        outcome=decision.outcome,
        category=item.category,
        subcategory=item.subcategory,
        specialty=specialty,
        cites_mtus=Family.MTUS in families,
        cites_acoem=Family.ACOEM in families,
        cites_odg=Family.ODG in families,
        cites_other=Family.OTHER in families,
        sex=patient.sex,
        age_band=AgeBand.of(patient.age),
        priority=letter.priority,
        region=item.body_region,
        needs_review=letter.needs_review,
        synthetic=letter.synthetic,
        sample=sample_bucket(decision.pk),
        pairs=pairs.literal,
        signature=pairs.signature,
    )


def decision_citations(reviewer_citation: str, claims_administrator_citation: str) -> str:
    """The citations part of a decision's document."""
    return f"{reviewer_citation} {claims_administrator_citation}"


@dataclass(frozen=True)
class DocumentPairs:
    """A decision's phrase pairs as its rows store them: an ``integer[]`` literal, and their ``phrases.signature``."""

    literal: str
    signature: bytes


#: What SQLite's rows carry: SQLite finds phrases with FTS5.
_NO_PAIRS = DocumentPairs("{}", b"")


def letter_pairs(letter: ParsedLetter) -> list[DocumentPairs]:
    """``document_pairs`` of each decision of a parsed letter: pure Python, so bulk ingest's workers compute it."""
    if not is_postgresql():
        return [_NO_PAIRS] * len(letter.items)
    summary = phrases.pairs(letter.summary)
    return [
        document_pairs(
            item.request,
            decision_citations(item.reviewer_citation, item.claims_administrator_citation),
            item.rationale,
            summary,
        )
        for item in letter.items
    ]


def document_pairs(request: str, citations: str, rationale: str, summary_pairs: Iterable[int]) -> DocumentPairs:
    """A decision's ``pairs`` and ``signature`` columns: the word pairs of its text and of its letter's summary.

    PostgreSQL's only: SQLite finds phrases with FTS5, and its rows carry the empty array.
    """
    if not is_postgresql():
        return _NO_PAIRS
    hashes = phrases.pairs(f"{request}\n{citations}\n{rationale}").union(summary_pairs)
    return DocumentPairs(phrases.array_literal(hashes), phrases.signature(hashes))


def sample_bucket(decision_id: int) -> int:
    """A decision's sample bucket in ``[0, SAMPLE_SCALE)``: a multiplicative hash, even over any id range."""
    return (decision_id * 2654435761) % 2**32 % SAMPLE_SCALE


def index_determinations(ids: Iterable[int]) -> None:
    """Rebuild the search rows and full-text documents of these letters (deleted letters drop out)."""
    ids = sorted(set(ids))
    if not ids:
        return
    with transaction.atomic():
        _delete_index(ids)
        decisions = (
            Decision.objects.filter(item__determination_id__in=ids)
            .select_related("item__determination__reviewer", "item__determination__patient")
            .defer("item__determination__full_text", "item__determination__sections")
            .prefetch_related("guidelines")
        )
        rows, summary_pairs = [], {}
        for decision in decisions:
            item = decision.item
            letter = item.determination
            families = (g.family for g in decision.guidelines.all())
            if letter.pk not in summary_pairs:
                summary_pairs[letter.pk] = phrases.pairs(letter.summary)
            specialty = letter.reviewer.specialty
            rows.append(
                index_row(letter, letter.patient, specialty, item, decision, families, summary_pairs[letter.pk])
            )
        write_index(rows)


def write_index(rows: Sequence[IndexRow]) -> None:
    """Add index rows for decisions not indexed yet, stored already (their text is read from their rows).

    Each document is the decision's request, citations and rationale and its letter's summary.
    """
    if not rows:
        return
    if is_postgresql():
        _write_postgres(rows)
    else:
        forget_matches()
        _write_sqlite(rows)


_STAGING = """
CREATE TEMP TABLE IF NOT EXISTS search_staging (
    decision_id bigint, determination_id bigint, case_number text, fallback_citation_id text, decision_date date,
    year integer,
    outcome text, category text, subcategory text, specialty text, cites_mtus boolean, cites_acoem boolean,
    cites_odg boolean, cites_other boolean, sex text, age_band text, priority text, region text,
    needs_review boolean, synthetic boolean, sample integer, pairs integer[], signature bytea
) ON COMMIT DELETE ROWS;
TRUNCATE search_staging;
"""


def _write_postgres(rows: Sequence[IndexRow]) -> None:
    """Stage the rows with ``COPY``, then compute every ``tsvector`` in one ``INSERT ... SELECT``.

    The text is read by primary key from the rows just stored rather than sent again (the citations joined as
    ``decision_citations`` joins them); the summary's vector is computed once per letter and appended to each of
    its decisions' vectors. The phrase pairs go into the search row and into its ``PhrasePairs`` row.
    """
    columns = ", ".join(_ENTRY_COLUMNS)
    with transaction.atomic(), connection.cursor() as cursor:
        cursor.execute("SET LOCAL jit = off")  # temp tables have no statistics: JIT would cost more than the work
        cursor.execute(_STAGING)
        with cursor.cursor.copy("COPY search_staging FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row.values())
        cursor.execute(
            f"""
            WITH letter AS MATERIALIZED (
                SELECT l.id AS determination_id, setweight(to_tsvector(%(config)s::regconfig, l.summary), 'C') AS document
                FROM (SELECT DISTINCT determination_id FROM search_staging) s
                CROSS JOIN LATERAL (
                    SELECT id, summary FROM determinations_determination WHERE id = s.determination_id
                ) l
            )
            INSERT INTO determinations_searchentry ({columns}, pairs, document)
            SELECT {", ".join(f"s.{c}" for c in _ENTRY_COLUMNS)}, s.pairs,
                   setweight(to_tsvector(%(config)s::regconfig, text.request), 'A')
                   || setweight(to_tsvector(%(config)s::regconfig, text.citations), 'B')
                   || setweight(to_tsvector(%(config)s::regconfig, text.rationale), 'B')
                   || letter.document
            FROM search_staging s
            CROSS JOIN LATERAL (
                SELECT i.request, d.reviewer_citation || ' ' || d.claims_administrator_citation AS citations, d.rationale
                FROM determinations_decision d JOIN determinations_disputeditem i ON i.id = d.item_id
                WHERE d.id = s.decision_id
            ) text
            JOIN letter USING (determination_id)
            """,
            {"config": CONFIG},
        )
        cursor.execute(
            f"INSERT INTO {PhrasePairs._meta.db_table} (decision_id, decision_date, pairs, signature) "
            "SELECT decision_id, decision_date, pairs, signature FROM search_staging"
        )


def _write_sqlite(rows: Sequence[IndexRow]) -> None:
    columns = ", ".join(_ENTRY_COLUMNS)
    marks = ", ".join("%s" for _ in _ENTRY_COLUMNS)
    letters = sorted({row.determination_id for row in rows})
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO determinations_searchentry ({columns}) VALUES ({marks})",
            [row.values()[: len(_ENTRY_COLUMNS)] for row in rows],
        )
        cursor.execute(
            f"""
            INSERT OR REPLACE INTO {_FTS} (rowid, request, citations, rationale, summary)
            SELECT d.id, i.request, d.reviewer_citation || ' ' || d.claims_administrator_citation, d.rationale,
                   l.summary
            FROM determinations_searchentry e
            JOIN determinations_decision d ON d.id = e.decision_id
            JOIN determinations_disputeditem i ON i.id = d.item_id
            JOIN determinations_determination l ON l.id = i.determination_id
            WHERE e.determination_id IN (SELECT value FROM json_each(%s))
            """,
            [json.dumps(letters)],
        )


def _delete_index(ids: list[int]) -> None:
    """Drop these letters' search rows, with their ``PhrasePairs`` rows (a cascade) and their FTS5 rows."""
    if not is_postgresql():
        forget_matches()
        with connection.cursor() as cursor:
            cursor.execute(
                f"DELETE FROM {_FTS} WHERE rowid IN (SELECT decision_id FROM determinations_searchentry "
                f"WHERE determination_id IN ({', '.join('%s' for _ in ids)}))",
                ids,
            )
    SearchEntry.objects.filter(determination_id__in=ids).delete()


def drop_determinations(ids: Iterable[int]) -> None:
    """Remove letters from the index before they are deleted (their decision ids are found through it)."""
    ids = sorted(set(ids))
    if ids:
        _delete_index(ids)


def prune_documents(**kwargs) -> None:
    """Drop FTS5 rows whose decision is gone: SQLite's FTS5 table is neither flushed nor cascaded with the rest.

    Connected to ``post_migrate``, which ``migrate`` and ``flush`` send. On PostgreSQL the vector is a column of
    the search row and goes with it.
    """
    using = kwargs.get("using", "default")
    if connections[using].vendor != "sqlite":
        return
    with connections[using].cursor() as cursor:
        cursor.execute(f"DELETE FROM {_FTS} WHERE rowid NOT IN (SELECT decision_id FROM determinations_searchentry)")


def years_range() -> range:
    """Decision years the filters offer: the program's first year to this one."""
    return range(2013, datetime.date.today().year + 1)
