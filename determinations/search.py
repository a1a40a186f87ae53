"""Full-text search over decisions: the one module that knows PostgreSQL from SQLite.

Every decision has one ``SearchEntry`` row (facet columns) and two full-text
documents: its own text (request weighted highest, then citations and
rationale) and its letter's case summary, stored once per letter. A decision's
searchable text is both together: each query term may be found in either.

Users type web-search syntax on both databases: words are ANDed, ``"exact
phrase"``, ``OR`` between alternatives, ``-word`` or ``-"phrase"`` to exclude,
English stemming (``injections`` finds ``injection``) and stop words ignored.
``WebQuery`` parses that syntax once for both databases (as PostgreSQL's
``websearch_to_tsquery`` would); each term is then matched by the database's
own engine, so both return the same decisions:

- PostgreSQL: a stored, GIN-indexed ``tsvector`` per entry and per letter,
  each term as ``phraseto_tsquery``; ``SearchRank`` and ``SearchHeadline``.
- SQLite: FTS5 tables (porter stemming) kept in sync by ``index_determinations``,
  each term as a quoted FTS5 string (so FTS5 operators typed by users are inert);
  ``bm25`` ranking and ``snippet()``.

Every write path (ingest, admin edits, bulk loads) calls
``index_determinations`` for the letters it touched.
"""

from __future__ import annotations

import datetime
import html
import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVectorField
from django.db import connection, connections, transaction
from django.db.models import BooleanField, Case, CharField, Count, Exists, F, OuterRef, Q, QuerySet, Value, When
from django.db.models.expressions import Expression, RawSQL
from django.db.models.functions import Coalesce, ExtractYear, Substr, Upper

from .models import AgeBand, Decision, Determination, DisputedItem, Family, SearchEntry

CONFIG = "english"
#: Counts are exact up to this many decisions and estimated beyond (DESIGN.md section 10).
EXACT_COUNT_LIMIT = 10_000
SORTS = ("relevance", "newest", "oldest")

_MARK_START, _MARK_END = "\x01", "\x02"
#: The ``SearchEntry`` flag column of each guideline family.
FAMILY_COLUMNS = {
    Family.MTUS: "cites_mtus",
    Family.ACOEM: "cites_acoem",
    Family.ODG: "cites_odg",
    Family.OTHER: "cites_other",
}

#: PostgreSQL's English stop words: ignored outside phrases, as ``websearch_to_tsquery`` does.
STOP_WORDS = frozenset(
    """i me my myself we our ours ourselves you your yours yourself yourselves he him his himself she her hers
    herself it its itself they them their theirs themselves what which who whom this that these those am is are
    was were be been being have has had having do does did doing a an the and but if or because as until while of
    at by for with about against between into through during before after above below to from up down in out on
    off over under again further then once here there when where why how all any both each few more most other
    some such no nor not only own same so than too very s t can will just don should now""".split()
)


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

    A decision's searchable text is its own document (request, citations,
    rationale) together with its letter's case summary: each term may be found
    in either, and an excluded term in neither.
    """
    query = WebQuery.parse(q)
    if query.is_empty:
        return queryset.none() if query.text.strip() else queryset
    term_match = _postgres_term if is_postgresql() else _sqlite_term
    condition = Q(pk__in=[])
    for terms in query.alternatives:
        alternative = Q()
        for term in terms:
            alternative &= ~term_match(term) if term.negated else term_match(term)
        condition |= alternative
    return queryset.filter(condition)


class _Document(Expression):
    """The entry's stored ``tsvector`` column (PostgreSQL), qualified by whatever alias the query gives the table."""

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        alias = compiler.query.get_initial_alias()
        return f'{compiler.quote_name_unless_alias(alias)}."document"', []


class _DocumentMatches(Expression):
    """``document @@ phraseto_tsquery(term)`` on the entry's own vector."""

    output_field = BooleanField()

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def as_sql(self, compiler, connection):
        document, params = compiler.compile(_Document())
        return f"{document} @@ phraseto_tsquery(%s::regconfig, %s)", [*params, CONFIG, self.text]


def _postgres_term(term: Term) -> Q:
    summary = RawSQL(
        "SELECT id FROM determinations_determination WHERE summary_document @@ phraseto_tsquery(%s::regconfig, %s)",
        (CONFIG, term.text),
    )
    return Q(_DocumentMatches(term.text)) | Q(determination_id__in=summary)


def _sqlite_term(term: Term) -> Q:
    return Q(pk__in=_fts5_rowids("determinations_decision_fts", term.fts5)) | Q(
        determination_id__in=_fts5_rowids("determinations_summary_fts", term.fts5)
    )


def _fts5_rowids(table: str, fts_query: str) -> RawSQL:
    return RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", (fts_query,))


def _postgres_rank_query(query: WebQuery) -> SearchQuery | None:
    """Any positive term, as one ``tsquery`` for ranking and headlines."""
    combined = None
    for term in query.positive_terms:
        one = SearchQuery(term.text, search_type="phrase", config=CONFIG)
        combined = one if combined is None else combined | one
    return combined


# --- counting -------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ResultCount:
    """How many decisions match: exact up to ``EXACT_COUNT_LIMIT``, estimated beyond."""

    value: int
    exact: bool

    def __str__(self) -> str:
        return f"{self.value:,}" if self.exact else f"about {self.value:,}"


def count(queryset: QuerySet[SearchEntry]) -> ResultCount:
    """Count matches exactly up to the limit; beyond it, estimate."""
    capped = queryset.order_by()[: EXACT_COUNT_LIMIT + 1].count()
    if capped <= EXACT_COUNT_LIMIT:
        return ResultCount(capped, True)
    return ResultCount(max(_estimate(queryset), capped), False)


def _estimate(queryset: QuerySet[SearchEntry]) -> int:
    if is_postgresql():
        sql, params = queryset.order_by().values("pk").query.sql_with_params()
        with connection.cursor() as cursor:
            cursor.execute(f"EXPLAIN (FORMAT JSON) {sql}", params)
            plan = cursor.fetchone()[0]
        plan = plan[0] if isinstance(plan, list) else plan
        return int(plan["Plan"]["Plan Rows"])
    return queryset.order_by().count()


# --- facets ---------------------------------------------------------------------------------------------------


def facet_counts(queryset: QuerySet[SearchEntry], dimension: str) -> dict[str, int]:
    """Matches per value of one facet column (``guideline`` counts each cited family)."""
    queryset = queryset.order_by()
    if dimension == "guideline":
        totals = queryset.aggregate(
            **{family: Count("pk", filter=Q(**{column: True})) for family, column in FAMILY_COLUMNS.items()}
        )
        return {family: n for family, n in totals.items() if n}
    rows = queryset.values_list(dimension).annotate(n=Count("pk"))
    return {_facet_key(value): n for value, n in rows if value not in (None, "")}


def _facet_key(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


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


def page_ids(queryset: QuerySet[SearchEntry], q: str, sort: str, offset: int, limit: int) -> list[int]:
    """Decision ids of one result page, in the requested order."""
    ordering = _ordering(queryset, q, sort)
    if isinstance(ordering, tuple):
        sql, params = ordering
        with connection.cursor() as cursor:
            cursor.execute(f"{sql} LIMIT %s OFFSET %s", (*params, limit, offset))
            return [row[0] for row in cursor.fetchall()]
    return list(ordering[offset : offset + limit])


def iter_ordered_ids(queryset: QuerySet[SearchEntry], q: str, sort: str, chunk_size: int = 2000) -> Iterator[int]:
    """Every matching decision id in the requested order, streamed from the database."""
    ordering = _ordering(queryset, q, sort)
    if isinstance(ordering, tuple):
        sql, params = ordering
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            while rows := cursor.fetchmany(chunk_size):
                yield from (row[0] for row in rows)
        return
    yield from ordering.iterator(chunk_size=chunk_size)


_NEWEST = (F("decision_date").desc(nulls_last=True), F("pk").desc())
_OLDEST = (F("decision_date").asc(nulls_last=True), F("pk").asc())


def _ordering(queryset: QuerySet[SearchEntry], q: str, sort: str) -> QuerySet | tuple[str, tuple]:
    """A values-list queryset of ids in order, or raw SQL where the ORM cannot express it (FTS5 ranking)."""
    if sort == "oldest":
        return queryset.order_by(*_OLDEST).values_list("pk", flat=True)
    query = WebQuery.parse(q)
    if sort != "relevance" or not query.positive_terms:
        return queryset.order_by(*_NEWEST).values_list("pk", flat=True)
    if is_postgresql():
        rank = SearchRank(_Document(), _postgres_rank_query(query))
        return queryset.annotate(rank=rank).order_by("-rank", *_NEWEST).values_list("pk", flat=True)
    matched_sql, matched_params = queryset.order_by().values("pk").query.sql_with_params()
    sql = (
        "SELECT e.decision_id FROM determinations_searchentry e LEFT JOIN ("
        "SELECT rowid AS decision_id, bm25(determinations_decision_fts, 10.0, 2.0, 1.0) AS score "
        "FROM determinations_decision_fts WHERE determinations_decision_fts MATCH %s) r "
        f"ON r.decision_id = e.decision_id WHERE e.decision_id IN ({matched_sql}) "
        "ORDER BY COALESCE(r.score, 0) ASC, e.decision_date IS NULL, e.decision_date DESC, e.decision_id DESC"
    )
    return sql, (query.fts5_any(), *matched_params)


def hits(ids: Sequence[int], q: str) -> list[Hit]:
    """Result rows for one page of decision ids (from ``page_ids``), with a highlighted, HTML-safe snippet each."""
    loaded = SearchEntry.objects.select_related("decision__item", "determination").defer(*_HEAVY_COLUMNS).in_bulk(ids)
    snippets = _snippets(list(ids), q)
    return [Hit(loaded[pk], snippets.get(pk, "")) for pk in ids if pk in loaded]


def similar_decisions(determination: Determination, limit: int = 6) -> list[Hit]:
    """Decisions in other letters with the same category as one of this letter's and a guideline family in common.

    An item citing no guideline family is matched on its category alone. Newest first.
    """
    condition = Q(pk__in=[])
    for entry in SearchEntry.objects.filter(determination=determination):
        families = [family for family, column in FAMILY_COLUMNS.items() if getattr(entry, column)]
        condition |= Q(category=entry.category) & (guideline_filter(families) if families else Q())
    entries = (
        SearchEntry.objects.filter(condition)
        .exclude(determination=determination)
        .select_related("decision__item", "determination")
        .defer(*_HEAVY_COLUMNS)
        .order_by(*_NEWEST)[:limit]
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


def _postgres_snippets(ids: list[int], query: WebQuery) -> dict[int, str]:
    tsquery = _postgres_rank_query(query)
    options = {"start_sel": _MARK_START, "stop_sel": _MARK_END, "max_words": 40, "min_words": 15}
    rows = Decision.objects.filter(pk__in=ids).annotate(
        own=SearchHeadline("rationale", tsquery, config=CONFIG, max_fragments=2, fragment_delimiter=" … ", **options),
        summary=SearchHeadline("item__determination__summary", tsquery, config=CONFIG, **options),
    )
    return {pk: _best_snippet(own, summary) for pk, own, summary in rows.values_list("pk", "own", "summary")}


def _sqlite_snippets(ids: list[int], query: WebQuery) -> dict[int, str]:
    marks = (_MARK_START, _MARK_END, " … ")
    letters = dict(Decision.objects.filter(pk__in=ids).values_list("pk", "item__determination_id"))
    own = _fts5_snippets("determinations_decision_fts", 2, list(letters), query, marks)
    summaries = _fts5_snippets("determinations_summary_fts", 0, sorted(set(letters.values())), query, marks)
    starts = _rationale_starts([pk for pk in ids if pk not in own])
    return {
        pk: _best_snippet(own.get(pk) or _first_words(starts.get(pk, "")), summaries.get(letter, ""))
        for pk, letter in letters.items()
    }


def _fts5_snippets(table: str, column: int, rowids: list[int], query: WebQuery, marks: tuple) -> dict[int, str]:
    """``snippet()`` of one column for those of ``rowids`` that hold any positive term."""
    if not rowids:
        return {}
    placeholders = ", ".join("%s" for _ in rowids)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, snippet({table}, {column}, %s, %s, %s, 40) FROM {table} "
            f"WHERE {table} MATCH %s AND rowid IN ({placeholders})",
            (*marks, query.fts5_any(), *rowids),
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


def index_determinations(ids: Iterable[int]) -> None:
    """Rebuild the search rows and full-text documents of these letters (deleted letters drop out)."""
    ids = sorted(set(ids))
    if not ids:
        return
    with transaction.atomic():
        _drop_documents(ids)
        SearchEntry.objects.filter(determination_id__in=ids).delete()
        _insert_entries(ids)
        _write_documents(ids)


#: ``SearchEntry`` columns in the order ``_entry_rows`` selects them.
_ENTRY_COLUMNS = (
    "decision_id",
    "determination_id",
    "case_number",
    "decision_date",
    "year",
    "outcome",
    "category",
    "subcategory",
    "specialty",
    "cites_mtus",
    "cites_acoem",
    "cites_odg",
    "cites_other",
    "sex",
    "age_band",
    "priority",
    "region",
    "needs_review",
    "synthetic",
)


def _insert_entries(ids: list[int]) -> None:
    """One ``INSERT ... SELECT`` writing the search rows of these letters (no Python object per decision)."""
    sql, params = _entry_rows(ids).query.sql_with_params()
    columns = ", ".join(connection.ops.quote_name(column) for column in _ENTRY_COLUMNS)
    with connection.cursor() as cursor:
        cursor.execute(f"INSERT INTO {SearchEntry._meta.db_table} ({columns}) {sql}", params)


def _entry_rows(ids: list[int]) -> QuerySet:
    letter = "item__determination__"
    cites = Decision.guidelines.through.objects.filter(decision_id=OuterRef("pk"))
    return (
        Decision.objects.filter(item__determination_id__in=ids)
        .order_by()
        .values_list(
            "pk",
            "item__determination_id",
            Upper(Coalesce(f"{letter}case_number", Value(""))),
            f"{letter}decision_date",
            ExtractYear(f"{letter}decision_date"),
            "outcome",
            "item__category",
            "item__subcategory",
            f"{letter}reviewer__specialty",
            *(Exists(cites.filter(guideline__family=family)) for family in FAMILY_COLUMNS),
            f"{letter}patient__sex",
            _age_band(f"{letter}patient__age"),
            f"{letter}priority",
            "item__body_region",
            f"{letter}needs_review",
            f"{letter}synthetic",
        )
    )


def _age_band(age: str) -> Case:
    """``AgeBand.of`` in SQL."""
    bands = [When(**{f"{age}__isnull": True}, then=Value(""))]
    bands += [When(**{f"{age}__lt": 30}, then=Value(AgeBand.UNDER_30.value))]
    bands += [When(**{f"{age}__lt": decade + 10}, then=Value(AgeBand.of(decade))) for decade in (30, 40, 50, 60)]
    return Case(*bands, default=Value(AgeBand.SEVENTY_PLUS.value), output_field=CharField())


def _id_list(ids: list[int]) -> str:
    return ", ".join(str(int(pk)) for pk in ids)


def _drop_documents(ids: list[int]) -> None:
    with connection.cursor() as cursor:
        if is_postgresql():
            return  # the vectors live in columns of the rows being rebuilt
        listed = _id_list(ids)
        cursor.execute(
            "DELETE FROM determinations_decision_fts WHERE rowid IN "
            f"(SELECT decision_id FROM determinations_searchentry WHERE determination_id IN ({listed}))"
        )
        cursor.execute(f"DELETE FROM determinations_summary_fts WHERE rowid IN ({listed})")


def _write_documents(ids: list[int]) -> None:
    with connection.cursor() as cursor:
        if is_postgresql():
            cursor.execute(
                """
                UPDATE determinations_searchentry AS e SET document =
                    setweight(to_tsvector(%(config)s::regconfig, i.request), 'A')
                    || setweight(to_tsvector(%(config)s::regconfig,
                           d.reviewer_citation || ' ' || d.claims_administrator_citation), 'B')
                    || setweight(to_tsvector(%(config)s::regconfig, d.rationale), 'B')
                FROM determinations_decision AS d
                JOIN determinations_disputeditem AS i ON i.id = d.item_id
                WHERE e.decision_id = d.id AND e.determination_id = ANY(%(ids)s)
                """,
                {"config": CONFIG, "ids": ids},
            )
            cursor.execute(
                "UPDATE determinations_determination SET summary_document = to_tsvector(%(config)s::regconfig, summary) "
                "WHERE id = ANY(%(ids)s)",
                {"config": CONFIG, "ids": ids},
            )
            return
        listed = _id_list(ids)
        cursor.execute(
            "INSERT INTO determinations_decision_fts (rowid, request, citations, rationale) "
            "SELECT d.id, i.request, d.reviewer_citation || ' ' || d.claims_administrator_citation, d.rationale "
            "FROM determinations_decision d JOIN determinations_disputeditem i ON i.id = d.item_id "
            f"WHERE i.determination_id IN ({listed})"
        )
        cursor.execute(
            "INSERT INTO determinations_summary_fts (rowid, summary) "
            f"SELECT id, summary FROM determinations_determination WHERE id IN ({listed})"
        )


def prune_documents(**kwargs) -> None:
    """Drop full-text rows whose decision or letter is gone (SQLite's FTS5 tables are not flushed with the rest).

    Connected to ``post_migrate``, which ``migrate`` and ``flush`` send; on PostgreSQL the vectors are columns of
    the rows themselves and go with them.
    """
    using = kwargs.get("using", "default")
    if connections[using].vendor != "sqlite":
        return
    with connections[using].cursor() as cursor:
        cursor.execute(
            "DELETE FROM determinations_decision_fts WHERE rowid NOT IN (SELECT decision_id FROM determinations_searchentry)"
        )
        cursor.execute(
            "DELETE FROM determinations_summary_fts WHERE rowid NOT IN (SELECT id FROM determinations_determination)"
        )


def years_range() -> range:
    """Decision years the filters offer: the program's first year to this one."""
    return range(2013, datetime.date.today().year + 1)
