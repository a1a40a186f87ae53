"""Full-text search over decisions: the one module that knows PostgreSQL from SQLite.

Every decision has one ``SearchEntry`` row (facet columns) and two full-text
documents: its own text (request weighted highest, then citations and
rationale) and its letter's case summary, stored once per letter. A decision
matches a query when either document does.

Users type web-search syntax on both databases: words are ANDed, ``"exact
phrase"``, ``OR`` between alternatives, ``-word`` or ``-"phrase"`` to exclude,
English stemming (``injections`` finds ``injection``) and stop words ignored.

- PostgreSQL: a stored, GIN-indexed ``tsvector`` per entry and per letter,
  ``SearchQuery(search_type="websearch")``, ``SearchRank`` and
  ``SearchHeadline``.
- SQLite: FTS5 tables (porter stemming) kept in sync by ``index_determinations``;
  the same syntax is translated by ``WebQuery`` into FTS5 queries with the same
  meaning; ``bm25`` ranking and ``snippet()``.

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
from django.db import connection, transaction
from django.db.models import BooleanField, Count, F, Q, QuerySet
from django.db.models.expressions import RawSQL

from .models import AgeBand, Decision, Determination, Family, SearchEntry

CONFIG = "english"
#: Counts are exact up to this many decisions and estimated beyond (DESIGN.md section 10).
EXACT_COUNT_LIMIT = 10_000
SORTS = ("relevance", "newest", "oldest")

_MARK_START, _MARK_END = "\x01", "\x02"
_FAMILY_COLUMNS = {
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


@dataclass(frozen=True)
class Term:
    """One word or quoted phrase of a query; ``negated`` when prefixed by ``-``."""

    words: tuple[str, ...]
    phrase: bool = False
    negated: bool = False


@dataclass(frozen=True)
class WebQuery:
    """A web-search query: alternatives (split by ``OR``), each a conjunction of terms."""

    text: str
    alternatives: tuple[tuple[Term, ...], ...] = field(default=())

    _TOKEN = re.compile(r'(-?)"([^"]*)"?|(-?)([^\s"]+)')
    _WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")

    @classmethod
    def parse(cls, text: str) -> WebQuery:
        """Read ``text`` the way PostgreSQL's ``websearch_to_tsquery`` does."""
        alternatives: list[tuple[Term, ...]] = []
        current: list[Term] = []
        for match in cls._TOKEN.finditer(text or ""):
            if match.group(2) is not None:
                words = tuple(w.lower() for w in cls._WORD.findall(match.group(2)))
                if any(w not in STOP_WORDS for w in words):
                    current.append(Term(words, phrase=len(words) > 1, negated=bool(match.group(1))))
                continue
            raw = match.group(4)
            if raw.lower() == "or" and not match.group(3):
                if current:
                    alternatives.append(tuple(current))
                    current = []
                continue
            for word in (w.lower() for w in cls._WORD.findall(raw)):
                if word not in STOP_WORDS:
                    current.append(Term((word,), negated=bool(match.group(3))))
        if current:
            alternatives.append(tuple(current))
        return cls(text=text, alternatives=tuple(alternatives))

    @property
    def is_empty(self) -> bool:
        """True when the query holds no searchable word (only stop words or punctuation)."""
        return not self.alternatives

    def fts5_parts(self) -> list[tuple[str | None, str | None]]:
        """Per alternative: an FTS5 query for its wanted terms and one for its excluded terms."""
        parts = []
        for terms in self.alternatives:
            wanted = [_fts5_string(t.words) for t in terms if not t.negated]
            excluded = [_fts5_string(t.words) for t in terms if t.negated]
            parts.append((" AND ".join(wanted) or None, " OR ".join(excluded) or None))
        return parts


def _fts5_string(words: Sequence[str]) -> str:
    return '"' + " ".join(w.replace('"', '""') for w in words) + '"'


# --- matching -------------------------------------------------------------------------------------------------


def text_match(queryset: QuerySet[SearchEntry], q: str) -> QuerySet[SearchEntry]:
    """``queryset`` restricted to decisions whose text or letter summary matches ``q``."""
    query = WebQuery.parse(q)
    if query.is_empty:
        return queryset.none() if q.strip() else queryset
    if is_postgresql():
        return queryset.filter(_postgres_match(q))
    return queryset.filter(_sqlite_match(query))


def _postgres_match(q: str) -> Q:
    own = RawSQL(
        '"determinations_searchentry"."document" @@ websearch_to_tsquery(%s::regconfig, %s)',
        (CONFIG, q),
        output_field=BooleanField(),
    )
    summary = RawSQL(
        "SELECT determination_id FROM determinations_summarydocument "
        "WHERE document @@ websearch_to_tsquery(%s::regconfig, %s)",
        (CONFIG, q),
    )
    return Q(own) | Q(determination_id__in=summary)


def _sqlite_match(query: WebQuery) -> Q:
    condition = Q(pk__in=[])
    for wanted, excluded in query.fts5_parts():
        for table, column in (
            ("determinations_decision_fts", "pk"),
            ("determinations_summary_fts", "determination_id"),
        ):
            alternative = Q()
            if wanted:
                alternative &= Q(**{f"{column}__in": _fts5_rowids(table, wanted)})
            if excluded:
                alternative &= ~Q(**{f"{column}__in": _fts5_rowids(table, excluded)})
            condition |= alternative
    return condition


def _fts5_rowids(table: str, fts_query: str) -> RawSQL:
    return RawSQL(f"SELECT rowid FROM {table} WHERE {table} MATCH %s", (fts_query,))


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
            **{family: Count("pk", filter=Q(**{column: True})) for family, column in _FAMILY_COLUMNS.items()}
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
        condition |= Q(**{_FAMILY_COLUMNS[Family(family)]: True})
    return condition


# --- result pages ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Hit:
    """One decision on a result page."""

    entry: SearchEntry
    snippet: str

    @property
    def item(self):
        return self.entry.decision.item

    @property
    def determination(self) -> Determination:
        return self.entry.determination

    @property
    def families(self) -> list[str]:
        return [family for family, column in _FAMILY_COLUMNS.items() if getattr(self.entry, column)]

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
    if sort != "relevance" or query.is_empty:
        return queryset.order_by(*_NEWEST).values_list("pk", flat=True)
    if is_postgresql():
        vector = RawSQL('"determinations_searchentry"."document"', (), output_field=SearchVectorField())
        rank = SearchRank(vector, SearchQuery(q, search_type="websearch", config=CONFIG))
        return queryset.annotate(rank=rank).order_by("-rank", *_NEWEST).values_list("pk", flat=True)
    positive = " OR ".join(f"({wanted})" for wanted, _ in query.fts5_parts() if wanted)
    matched_sql, matched_params = queryset.order_by().values("pk").query.sql_with_params()
    if not positive:
        return queryset.order_by(*_NEWEST).values_list("pk", flat=True)
    sql = (
        "SELECT e.decision_id FROM determinations_searchentry e LEFT JOIN ("
        "SELECT rowid AS decision_id, bm25(determinations_decision_fts, 10.0, 2.0, 1.0) AS score "
        "FROM determinations_decision_fts WHERE determinations_decision_fts MATCH %s) r "
        f"ON r.decision_id = e.decision_id WHERE e.decision_id IN ({matched_sql}) "
        "ORDER BY COALESCE(r.score, 0) ASC, e.decision_date IS NULL, e.decision_date DESC, e.decision_id DESC"
    )
    return sql, (positive, *matched_params)


def hits(entries: Sequence[SearchEntry], q: str) -> list[Hit]:
    """Result rows for one page of entries, with a highlighted, HTML-safe snippet each."""
    ids = [entry.pk for entry in entries]
    loaded = SearchEntry.objects.select_related("decision__item", "determination").in_bulk(ids)
    snippets = _snippets(ids, q)
    return [Hit(loaded[pk], snippets.get(pk, "")) for pk in ids if pk in loaded]


def _snippets(ids: list[int], q: str) -> dict[int, str]:
    query = WebQuery.parse(q)
    if query.is_empty:
        return {
            pk: html.escape(_first_words(rationale))
            for pk, rationale in Decision.objects.filter(pk__in=ids).values_list("pk", "rationale")
        }
    raw = _postgres_snippets(ids, q) if is_postgresql() else _sqlite_snippets(ids, query)
    return {pk: _highlight(text) for pk, text in raw.items()}


def _postgres_snippets(ids: list[int], q: str) -> dict[int, str]:
    query = SearchQuery(q, search_type="websearch", config=CONFIG)
    options = {"start_sel": _MARK_START, "stop_sel": _MARK_END, "max_words": 40, "min_words": 15}
    rows = Decision.objects.filter(pk__in=ids).annotate(
        snippet=SearchHeadline("rationale", query, config=CONFIG, max_fragments=2, fragment_delimiter=" … ", **options),
        summary_snippet=SearchHeadline("item__determination__summary", query, config=CONFIG, **options),
    )
    return {
        row.pk: row.snippet
        if _MARK_START in row.snippet or _MARK_START not in row.summary_snippet
        else row.summary_snippet
        for row in rows.only("pk")
    }


def _sqlite_snippets(ids: list[int], query: WebQuery) -> dict[int, str]:
    positive = " OR ".join(f"({wanted})" for wanted, _ in query.fts5_parts() if wanted)
    found: dict[int, str] = {}
    if positive:
        marks = (_MARK_START, _MARK_END, " … ")
        placeholders = ", ".join("%s" for _ in ids)
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT rowid, snippet(determinations_decision_fts, -1, %s, %s, %s, 40) "
                "FROM determinations_decision_fts WHERE determinations_decision_fts MATCH %s "
                f"AND rowid IN ({placeholders})",
                (*marks, positive, *ids),
            )
            found.update(cursor.fetchall())
            missing = [pk for pk in ids if pk not in found]
            if missing:
                by_letter = dict(Decision.objects.filter(pk__in=missing).values_list("item__determination_id", "pk"))
                placeholders = ", ".join("%s" for _ in by_letter)
                cursor.execute(
                    "SELECT rowid, snippet(determinations_summary_fts, 0, %s, %s, %s, 40) "
                    "FROM determinations_summary_fts WHERE determinations_summary_fts MATCH %s "
                    f"AND rowid IN ({placeholders})",
                    (*marks, positive, *by_letter),
                )
                found.update((by_letter[letter], text) for letter, text in cursor.fetchall())
    for pk, rationale in Decision.objects.filter(pk__in=[i for i in ids if i not in found]).values_list(
        "pk", "rationale"
    ):
        found[pk] = _first_words(rationale)
    return found


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
        SearchEntry.objects.bulk_create(_entries(ids), batch_size=1000)
        _write_documents(ids)


def _entries(ids: list[int]) -> Iterator[SearchEntry]:
    decisions = (
        Decision.objects.filter(item__determination_id__in=ids)
        .select_related("item__determination__reviewer", "item__determination__patient")
        .prefetch_related("guidelines")
    )
    for decision in decisions:
        item = decision.item
        letter = item.determination
        families = {g.family for g in decision.guidelines.all()}
        yield SearchEntry(
            decision=decision,
            determination=letter,
            case_number=(letter.case_number or "").upper(),
            decision_date=letter.decision_date,
            year=letter.decision_date.year if letter.decision_date else None,
            outcome=decision.outcome,
            category=item.category,
            subcategory=item.subcategory,
            specialty=letter.reviewer.specialty,
            cites_mtus=Family.MTUS in families,
            cites_acoem=Family.ACOEM in families,
            cites_odg=Family.ODG in families,
            cites_other=Family.OTHER in families,
            sex=letter.patient.sex,
            age_band=AgeBand.of(letter.patient.age),
            priority=letter.priority,
            region=item.body_region,
            needs_review=letter.needs_review,
            synthetic=letter.synthetic,
        )


def _id_list(ids: list[int]) -> str:
    return ", ".join(str(int(pk)) for pk in ids)


def _drop_documents(ids: list[int]) -> None:
    with connection.cursor() as cursor:
        if is_postgresql():
            cursor.execute("DELETE FROM determinations_summarydocument WHERE determination_id = ANY(%s)", [ids])
            return
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
                """
                INSERT INTO determinations_summarydocument (determination_id, document)
                SELECT id, to_tsvector(%(config)s::regconfig, summary)
                FROM determinations_determination WHERE id = ANY(%(ids)s)
                """,
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


def years_range() -> range:
    """Decision years the filters offer: the program's first year to this one."""
    return range(2013, datetime.date.today().year + 1)
