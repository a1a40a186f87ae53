"""The shared query parameters of ``/``, ``/export.csv`` and ``/stats/`` (DESIGN.md section 7).

``DecisionFilter`` is a django-filter ``FilterSet`` over ``SearchEntry``: it
validates the GET parameters, renders the filter form, and turns a valid query
into a queryset. Repeating a parameter ORs its values. Invalid values are
reported in ``errors`` and their filter is ignored, so a bad bookmark still
shows a page. ``FacetCounting`` computes the count beside every option for the current
query, each facet ignoring its own selection (so its other options stay
reachable).

``SearchState`` reads one request's parameters as a whole (filters, ``sort``,
``page``), after ``clean_params`` has made hostile input harmless, and builds
the URLs a page links to: the active-filter chips, pagination, export and
statistics. Every state is a GET URL.
"""

from __future__ import annotations

import datetime
import math
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import cached_property, partial

import django_filters
from django import forms
from django.db.models import Q, QuerySet
from django.http import QueryDict

from . import search
from .models import AgeBand, Family, Outcome, Priority, Reviewer, SearchEntry, Sex
from .parsing.regions import REGIONS
from .taxonomy import CATEGORIES, SUBCATEGORIES

FACETS = (
    "outcome",
    "category",
    "subcategory",
    "specialty",
    "guideline",
    "year",
    "sex",
    "age_band",
    "priority",
    "region",
    "needs_review",
)
#: Facets whose options are listed by count (many options) rather than in their natural order.
RANKED_FACETS = frozenset({"category", "subcategory", "specialty", "region"})
SORT_CHOICES = (("relevance", "Relevance"), ("newest", "Newest first"), ("oldest", "Oldest first"))
NEEDS_REVIEW_CHOICES = (("true", "Needs review"), ("false", "Reviewed or clean"))
_TRUE, _FALSE = {"true", "1", "yes", "on"}, {"false", "0", "no", "off"}

PER_PAGE = 20
MAX_PAGE = 1_000_000
#: Hostile-input limits: longer values are cut, further repetitions of a parameter dropped.
MAX_VALUE_LENGTH = 500
MAX_VALUES = 50


def _specialties() -> list[tuple[str, str]]:
    names = Reviewer.objects.exclude(specialty="").values_list("specialty", flat=True).distinct().order_by("specialty")
    return [(name, name) for name in names]


def _years() -> list[tuple[int, str]]:
    return [(year, str(year)) for year in reversed(search.years_range())]


class NeedsReviewField(forms.ChoiceField):
    """``true``/``false`` (also ``1``/``0``, ``yes``/``no``) as a Python bool."""

    def to_python(self, value):
        text = str(value or "").strip().lower()
        if text in _TRUE:
            return "true"
        if text in _FALSE:
            return "false"
        return text


class NeedsReviewFilter(django_filters.ChoiceFilter):
    """The review flag, read leniently by ``NeedsReviewField``."""

    field_class = NeedsReviewField


class DecisionFilter(django_filters.FilterSet):
    """Every filter DESIGN.md lists, over the denormalised search entries.

    The multiple-choice filters are ``distinct=False``: the search rows join
    nothing, and a ``DISTINCT`` would collapse the rows facet counting reads.
    """

    q = django_filters.CharFilter(label="Search text", method="filter_text", max_length=MAX_VALUE_LENGTH)
    outcome = django_filters.MultipleChoiceFilter(distinct=False, choices=Outcome.choices, label="Outcome")
    category = django_filters.MultipleChoiceFilter(
        distinct=False, choices=[(c, c) for c in CATEGORIES], label="Category", method="filter_category"
    )
    subcategory = django_filters.MultipleChoiceFilter(
        distinct=False,
        choices=sorted({(s, s) for c in CATEGORIES for s in SUBCATEGORIES.get(c, ())}),
        label="Subcategory",
    )
    specialty = django_filters.MultipleChoiceFilter(distinct=False, choices=_specialties, label="Reviewer specialty")
    guideline = django_filters.MultipleChoiceFilter(
        distinct=False, choices=Family.choices, label="Guideline cited", method="filter_guideline"
    )
    year = django_filters.TypedMultipleChoiceFilter(
        distinct=False, choices=_years, coerce=int, label="Decision year", method="filter_year"
    )
    date_from = django_filters.DateFilter(field_name="decision_date", lookup_expr="gte", label="Decided on or after")
    date_to = django_filters.DateFilter(field_name="decision_date", lookup_expr="lte", label="Decided on or before")
    sex = django_filters.MultipleChoiceFilter(distinct=False, choices=Sex.choices, label="Patient sex")
    age_band = django_filters.MultipleChoiceFilter(distinct=False, choices=AgeBand.choices, label="Patient age")
    priority = django_filters.MultipleChoiceFilter(distinct=False, choices=Priority.choices, label="Review priority")
    region = django_filters.MultipleChoiceFilter(
        distinct=False, field_name="region", choices=[(label, label) for label, _ in REGIONS], label="Body region"
    )
    case = django_filters.CharFilter(label="Case number", method="filter_case", max_length=20)
    needs_review = NeedsReviewFilter(choices=NEEDS_REVIEW_CHOICES, label="Review status", method="filter_needs_review")

    class Meta:
        model = SearchEntry
        fields: list[str] = []

    def filter_text(self, queryset: QuerySet[SearchEntry], name: str, value: str) -> QuerySet[SearchEntry]:
        return search.text_match(queryset, value) if value.strip() else queryset

    def filter_category(self, queryset: QuerySet[SearchEntry], name: str, value: list[str]) -> QuerySet[SearchEntry]:
        return queryset.filter(search.category_filter(value)) if value else queryset

    def filter_guideline(self, queryset: QuerySet[SearchEntry], name: str, value: list[str]) -> QuerySet[SearchEntry]:
        return queryset.filter(search.guideline_filter(value)) if value else queryset

    def filter_year(self, queryset: QuerySet[SearchEntry], name: str, value: list[int]) -> QuerySet[SearchEntry]:
        """Decisions of these years, also stated as date ranges so a date-ordered page starts at the right date."""
        if not value:
            return queryset
        ranges = Q()
        for year in value:
            ranges |= Q(decision_date__gte=datetime.date(year, 1, 1), decision_date__lt=datetime.date(year + 1, 1, 1))
        return queryset.filter(ranges, year__in=value)

    def filter_case(self, queryset: QuerySet[SearchEntry], name: str, value: str) -> QuerySet[SearchEntry]:
        value = value.strip().upper()
        return queryset.filter(case_number__startswith=value) if value else queryset

    def filter_needs_review(self, queryset: QuerySet[SearchEntry], name: str, value: str) -> QuerySet[SearchEntry]:
        return queryset.filter(needs_review=value == "true") if value else queryset

    def queryset_without(self, name: str) -> QuerySet[SearchEntry]:
        """The filtered queryset with every valid filter applied except ``name`` (for that facet's counts)."""
        self.is_valid()
        queryset = self.queryset.all()
        for field_name, value in self.form.cleaned_data.items():
            if field_name != name:
                queryset = self.filters[field_name].filter(queryset, value)
        return queryset


@dataclass(frozen=True)
class FacetOption:
    """One option of one facet: its value, label, count for the current query, and whether it is selected."""

    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class Facets:
    """The result's size and, per facet, its options with counts; ``exact`` is false when counts are estimated."""

    count: search.ResultCount
    options: dict[str, list[FacetOption]]
    exact: bool


class FacetCounting:
    """For each facet, every option with a count (or selected), counted without the facet's own selection.

    Facets nobody selected share one count of the current result; each facet
    with a selection is counted once more without it (so its other options
    show what choosing them would add). Two steps, so a page can run the
    counts alongside its other queries: ``tallies()``, then ``facets()``.
    """

    def __init__(self, filterset: DecisionFilter) -> None:
        filterset.is_valid()
        self.filterset = filterset
        self.selected = {name: {str(v) for v in _values(filterset.data, name)} for name in FACETS}
        self.chosen = [name for name in FACETS if self.selected[name]]

    def tallies(self) -> list[Callable[[], search.Tally]]:
        """The counts to run, independent of each other: the current result's (kept for its page, where the
        database allows: ``search.tally``), then one per facet with a selection."""
        unselected = [name for name in FACETS if not self.selected[name]]
        return [
            partial(search.tally, self.filterset.qs, unselected, keep=True),
            *(partial(search.tally, self.filterset.queryset_without(name), [name]) for name in self.chosen),
        ]

    def facets(self, tallies: Sequence[search.Tally]) -> Facets:
        """The facets from the results of ``tallies()``, in the same order."""
        base, *own = tallies
        counts, exact = dict(base.facets), base.count.exact
        for name, tally in zip(self.chosen, own, strict=True):
            counts[name], exact = tally.facets[name], exact and tally.count.exact
        options: dict[str, list[FacetOption]] = {}
        for name in FACETS:
            found = counts[name]
            choices = [
                FacetOption(str(value), label, found.get(str(value), 0), str(value) in self.selected[name])
                for value, label in _choices(self.filterset, name)
                if found.get(str(value)) or str(value) in self.selected[name]
            ]
            if name in RANKED_FACETS:
                choices.sort(key=lambda option: -option.count)
            options[name] = choices
        return Facets(base.count, options, exact)


@dataclass(frozen=True)
class FacetGroup:
    """A facet as the sidebar shows it: the first options, and the rest behind "more"."""

    name: str
    label: str
    shown: list[FacetOption]
    more: list[FacetOption]


def facet_groups(facets: Facets, filterset: DecisionFilter, visible: int = 8) -> list[FacetGroup]:
    """The sidebar's checkbox groups; selected options are always among those shown."""
    groups = []
    for name, options in facets.options.items():
        first = [o for i, o in enumerate(options) if i < visible or o.selected]
        groups.append(
            FacetGroup(name, str(filterset.filters[name].label), first, [o for o in options if o not in first])
        )
    return groups


def _choices(filterset: DecisionFilter, name: str) -> list[tuple[object, str]]:
    choices = filterset.form.fields[name].choices
    return [(value, str(label)) for value, label in choices if value not in ("", None)]


def _values(data, name: str) -> list[str]:
    return data.getlist(name) if hasattr(data, "getlist") else []


# --- one request's parameters ----------------------------------------------------------------------------------


def clean_params(data: QueryDict) -> QueryDict:
    """A mutable copy of ``data`` that is safe to filter on: control characters (NUL among them) removed,
    values cut to ``MAX_VALUE_LENGTH``, at most ``MAX_VALUES`` values per parameter, empty values dropped."""
    cleaned = QueryDict(mutable=True)
    for key in list(data.keys())[:100]:
        values = [_clean_text(v)[:MAX_VALUE_LENGTH] for v in data.getlist(key)[:MAX_VALUES]]
        values = [v for v in values if v.strip()]
        if values:
            cleaned.setlist(_clean_text(key)[:100], values)
    return cleaned


def _clean_text(text: str) -> str:
    return "".join(" " if unicodedata.category(c) in ("Cc", "Cs") else c for c in text)


class ResultOptions(forms.Form):
    """How to show a result: order and page (not filters, so not in ``DecisionFilter``)."""

    sort = forms.ChoiceField(choices=SORT_CHOICES, required=False, label="Sort by")
    page = forms.IntegerField(min_value=1, max_value=MAX_PAGE, required=False, label="Page")


@dataclass(frozen=True)
class Chip:
    """One active filter value, with the URL of the same search without it."""

    label: str
    value: str
    remove_url: str


class SearchState:
    """One request's query parameters read as a whole: filters, sort, page, and the URLs built from them."""

    def __init__(self, data: QueryDict) -> None:
        self.params = clean_params(data)
        self.filterset = DecisionFilter(self.params, queryset=SearchEntry.objects.all())
        self.options = ResultOptions(self.params)
        self.options.is_valid()

    @property
    def queryset(self) -> QuerySet[SearchEntry]:
        """The decisions matching every valid filter."""
        return self.filterset.qs

    @cached_property
    def q(self) -> str:
        self.filterset.is_valid()
        return self.filterset.form.cleaned_data.get("q") or ""

    @property
    def sort(self) -> str:
        """The requested order; relevance by default when there is a query, else newest first."""
        chosen = self.options.cleaned_data.get("sort")
        return chosen or ("relevance" if self.q.strip() else "newest")

    @property
    def page(self) -> int:
        return self.options.cleaned_data.get("page") or 1

    @cached_property
    def web_query(self) -> search.WebQuery:
        return search.WebQuery.parse(self.q)

    @cached_property
    def errors(self) -> list[str]:
        """Every parameter value that is invalid, and why (its filter is ignored)."""
        errors = []
        self.filterset.is_valid()
        for form in (self.filterset.form, self.options):
            for name, messages in form.errors.items():
                label = form.fields[name].label if name in form.fields else name
                errors.extend(f"{label}: {message} This part was ignored." for message in messages)
        return errors

    @cached_property
    def notices(self) -> list[str]:
        """What was ignored or could not be understood, in words a user can act on."""
        notices = list(self.errors)
        if self.q.strip() and self.web_query.is_empty:
            notices.append(
                "Your search has only very common words (like “the” or “of”), which are not indexed, "
                "so nothing matches. Add a more specific word."
            )
        if self.web_query.truncated:
            notices.append(f"Only the first {search.MAX_TERMS} words of your search were used.")
        return notices

    @property
    def is_filtered(self) -> bool:
        return bool(self.chips)

    @cached_property
    def chips(self) -> list[Chip]:
        """Every active filter value, each with a link that removes just it."""
        chips = []
        for name, filter_ in self.filterset.filters.items():
            field = self.filterset.form.fields[name]
            labels = {str(value): label for value, label in getattr(field, "choices", ())}
            for value in self.params.getlist(name):
                chips.append(Chip(str(filter_.label), labels.get(value, value), self._url_without(name, value)))
        return chips

    def _url_without(self, name: str, value: str) -> str:
        params = self.params.copy()
        params.setlist(name, [v for v in params.getlist(name) if v != value])
        params.pop("page", None)
        return _query_string(params)

    @property
    def query_string(self) -> str:
        """The current filters, query and sort as ``?...`` (no page): for export, statistics and search links."""
        params = self.params.copy()
        params.pop("page", None)
        return _query_string(params)

    def page_url(self, page: int) -> str:
        params = self.params.copy()
        params.pop("page", None)
        if page > 1:
            params["page"] = str(page)
        return _query_string(params)


def _query_string(params: QueryDict) -> str:
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


# --- pagination -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Pagination:
    """Page numbers for a result whose size is ``total`` (exact, or estimated beyond the count limit)."""

    page: int
    total: search.ResultCount
    rows_on_page: int
    per_page: int = PER_PAGE

    @property
    def offset(self) -> int:
        return (self.page - 1) * self.per_page

    @property
    def last_page(self) -> int | None:
        """The last page number, known only when the count is exact."""
        return max(1, math.ceil(self.total.value / self.per_page)) if self.total.exact else None

    @property
    def has_previous(self) -> bool:
        return self.page > 1

    @property
    def has_next(self) -> bool:
        if self.last_page is not None:
            return self.page < self.last_page
        return self.rows_on_page == self.per_page

    @property
    def past_the_end(self) -> bool:
        """A page beyond the last one (a stale bookmark or an edited URL)."""
        return self.rows_on_page == 0 and self.page > 1

    def window(self, around: int = 2) -> list[int | None]:
        """Page numbers to link: the first, those around the current page, and the last when it is known.

        ``None`` marks a gap. With an estimated count the last page is not offered.
        """
        pages = {1, *range(max(1, self.page - around), self.page + around + 1)}
        last = self.last_page
        if last is not None:
            pages = {p for p in pages if p <= last} | {last}
        else:
            limit = self.page + (around if self.has_next else 0)
            pages = {p for p in pages if p <= limit}
        numbers: list[int | None] = []
        for number in sorted(pages):
            if numbers and number - (numbers[-1] or 0) > 1:
                numbers.append(None)
            numbers.append(number)
        return numbers
