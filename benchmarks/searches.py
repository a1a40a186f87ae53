"""The fixed benchmark searches, and the naive SQL each one is compared with.

``SEARCHES`` are realistic search pages (query strings of ``/``): rare,
medium and common words, phrases, negation, ``OR``, filters, every sort and
deep pages. ``naive_sql`` is what the same page costs in plain SQL on the same
tables, with no technique applied: an exact count, every match ranked (or
sorted) for the first page, and four facets grouped over every match. It is
the floor ``../shared/PERF-FLOOR.md`` measured, and the benchmark reports the
page's time beside it.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode


@dataclass(frozen=True)
class Search:
    """One benchmark search: a name for the table and the page's query string."""

    name: str
    params: dict[str, str | list[str]]

    @property
    def query_string(self) -> str:
        return urlencode(self.params, doseq=True)


SEARCHES = (
    Search("rare word", {"q": "hyperbaric"}),
    Search("brand name", {"q": "lidoderm"}),
    Search("two words", {"q": "radiofrequency ablation"}),
    Search("negation", {"q": "epidural -cervical"}),
    Search("MRI shoulder", {"q": "MRI shoulder"}),
    Search("OR", {"q": "opioid OR opioids"}),
    Search("phrase, common words", {"q": '"work conditioning"'}),
    Search("common words", {"q": "physical therapy"}),
    Search("nearly every row", {"q": "medically necessary"}),
    Search("phrase, very common", {"q": '"functional improvement"'}),
    Search("stemming", {"q": "injections"}),
    Search("text + 2 filters", {"q": "physical therapy", "category": "Rehabilitation", "outcome": "overturned"}),
    Search("text + year", {"q": "opioid", "year": "2015"}),
    Search("text + family + specialty", {"q": "tramadol", "guideline": "ODG", "specialty": "Anesthesiology"}),
    Search("text + age + sex", {"q": "TENS unit", "age_band": "50-59", "sex": "female"}),
    Search("phrase + negation", {"q": '"urine drug screen" -opioid'}),
    Search("no text, all rows", {}),
    Search("no text, one year", {"year": "2016"}),
    Search("no text, 2 filters", {"category": "Pharmaceuticals", "outcome": "overturned"}),
    Search("no text, region + sort oldest", {"region": "Lumbar spine", "outcome": "overturned", "sort": "oldest"}),
    Search("sort newest", {"q": "functional restoration program", "sort": "newest"}),
    Search("sort oldest", {"q": "acupuncture", "sort": "oldest"}),
    Search("deep page, newest", {"q": "physical therapy", "sort": "newest", "page": "200"}),
    Search("deep page, no text", {"page": "5000"}),
    Search("deep page, relevance", {"q": "knee arthroscopy", "page": "40"}),
)

FACETS = ("category", "outcome", "year", "specialty")
_FILTER_COLUMNS = {
    "outcome": "outcome",
    "category": "category",
    "subcategory": "subcategory",
    "specialty": "specialty",
    "year": "year",
    "sex": "sex",
    "age_band": "age_band",
    "priority": "priority",
    "region": "region",
}
_FAMILY_COLUMNS = {"MTUS": "cites_mtus", "ACOEM": "cites_acoem", "ODG": "cites_odg", "OTHER": "cites_other"}


def naive_sql(search: Search, vendor: str) -> list[tuple[str, list]]:
    """The plain SQL statements of one search page: count, first page, four facets."""
    params = {key: value if isinstance(value, list) else [value] for key, value in search.params.items()}
    where, args = _where(params, vendor)
    q = (params.get("q") or [""])[0]
    sort = (params.get("sort") or ["relevance" if q else "newest"])[0]
    page = int((params.get("page") or ["1"])[0])
    offset = (page - 1) * 20
    table = "determinations_searchentry e"
    if vendor == "sqlite" and q:
        table += " JOIN determinations_decision_fts f ON f.rowid = e.decision_id"
    if sort == "relevance" and q:
        order = (
            "ts_rank(e.document, websearch_to_tsquery('english', %s)) DESC"
            if vendor == "postgresql"
            else "bm25(determinations_decision_fts)"
        )
        order_args = [q] if vendor == "postgresql" else []
    else:
        direction = "ASC" if sort == "oldest" else "DESC"
        order, order_args = f"e.decision_date {direction}, e.decision_id {direction}", []
    statements = [
        (f"SELECT count(*) FROM {table} WHERE {where}", args),
        (
            f"SELECT e.decision_id FROM {table} WHERE {where} ORDER BY {order} LIMIT 20 OFFSET {offset}",
            args + order_args,
        ),
    ]
    statements += [
        (f"SELECT e.{facet}, count(*) FROM {table} WHERE {where} GROUP BY e.{facet}", args) for facet in FACETS
    ]
    return statements


def _where(params: dict[str, list[str]], vendor: str) -> tuple[str, list]:
    clauses, args = ["1 = 1"], []
    q = (params.get("q") or [""])[0]
    if q:
        if vendor == "postgresql":
            clauses.append("e.document @@ websearch_to_tsquery('english', %s)")
            args.append(q)
        else:
            clauses.append("determinations_decision_fts MATCH ?")
            args.append(_fts5(q))
    for name, column in _FILTER_COLUMNS.items():
        values = params.get(name)
        if values:
            marks = ", ".join("%s" if vendor == "postgresql" else "?" for _ in values)
            clauses.append(f"e.{column} IN ({marks})")
            args += [int(v) if name == "year" else v for v in values]
    if params.get("guideline"):
        clauses.append("(" + " OR ".join(f"e.{_FAMILY_COLUMNS[f]}" for f in params["guideline"]) + ")")
    return " AND ".join(clauses), args


def _fts5(q: str) -> str:
    """The web-search query as FTS5 syntax, the plain way (phrases kept, ``-word`` as NOT)."""
    words, excluded, phrase = [], [], None
    for token in q.replace('"', ' " ').split():
        if token == '"':
            if phrase is None:
                phrase = []
            else:
                words.append('"' + " ".join(phrase) + '"')
                phrase = None
        elif phrase is not None:
            phrase.append(token)
        elif token.startswith("-"):
            excluded.append('"' + token[1:] + '"')
        elif token == "OR":
            words.append("OR")
        else:
            words.append('"' + token + '"')
    expression = " ".join(words)
    return f"({expression}) NOT ({' OR '.join(excluded)})" if excluded else expression
