"""The shared query parameters of ``/``, ``/export.csv`` and ``/stats/`` (DESIGN.md section 7).

``DecisionFilter`` is a django-filter ``FilterSet`` over ``SearchEntry``: it
validates the GET parameters, renders the filter form, and turns a valid query
into a queryset. Repeating a parameter ORs its values. Invalid values are
reported in ``errors`` and their filter is ignored, so a bad bookmark still
shows a page. ``facets`` computes the count beside every option for the current
query, each facet ignoring its own selection (so its other options stay
reachable).
"""

from __future__ import annotations

from dataclasses import dataclass

import django_filters
from django import forms
from django.db.models import QuerySet

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
SORT_CHOICES = (("relevance", "Relevance"), ("newest", "Newest first"), ("oldest", "Oldest first"))
NEEDS_REVIEW_CHOICES = (("true", "Needs review"), ("false", "Reviewed or clean"))
_TRUE, _FALSE = {"true", "1", "yes", "on"}, {"false", "0", "no", "off"}


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


class DecisionFilter(django_filters.FilterSet):
    """Every filter DESIGN.md lists, over the denormalised search entries."""

    q = django_filters.CharFilter(label="Search text", method="filter_text", max_length=500)
    outcome = django_filters.MultipleChoiceFilter(choices=Outcome.choices, label="Outcome")
    category = django_filters.MultipleChoiceFilter(choices=[(c, c) for c in CATEGORIES], label="Category")
    subcategory = django_filters.MultipleChoiceFilter(
        choices=[(s, s) for c in CATEGORIES for s in SUBCATEGORIES.get(c, ())], label="Subcategory"
    )
    specialty = django_filters.MultipleChoiceFilter(choices=_specialties, label="Reviewer specialty")
    guideline = django_filters.MultipleChoiceFilter(
        choices=Family.choices, label="Guideline cited", method="filter_guideline"
    )
    year = django_filters.TypedMultipleChoiceFilter(choices=_years, coerce=int, label="Decision year")
    date_from = django_filters.DateFilter(field_name="decision_date", lookup_expr="gte", label="Decided on or after")
    date_to = django_filters.DateFilter(field_name="decision_date", lookup_expr="lte", label="Decided on or before")
    sex = django_filters.MultipleChoiceFilter(choices=Sex.choices, label="Patient sex")
    age_band = django_filters.MultipleChoiceFilter(choices=AgeBand.choices, label="Patient age")
    priority = django_filters.MultipleChoiceFilter(choices=Priority.choices, label="Review priority")
    region = django_filters.MultipleChoiceFilter(
        field_name="region", choices=[(label, label) for label, _ in REGIONS], label="Body region"
    )
    case = django_filters.CharFilter(label="Case number", method="filter_case", max_length=20)
    needs_review = django_filters.ChoiceFilter(
        choices=NEEDS_REVIEW_CHOICES, label="Review status", method="filter_needs_review", field_class=NeedsReviewField
    )

    class Meta:
        model = SearchEntry
        fields: list[str] = []

    def filter_text(self, queryset: QuerySet[SearchEntry], name: str, value: str) -> QuerySet[SearchEntry]:
        return search.text_match(queryset, value) if value.strip() else queryset

    def filter_guideline(self, queryset: QuerySet[SearchEntry], name: str, value: list[str]) -> QuerySet[SearchEntry]:
        return queryset.filter(search.guideline_filter(value)) if value else queryset

    def filter_case(self, queryset: QuerySet[SearchEntry], name: str, value: str) -> QuerySet[SearchEntry]:
        value = value.strip().upper()
        return queryset.filter(case_number__startswith=value) if value else queryset

    def filter_needs_review(self, queryset: QuerySet[SearchEntry], name: str, value: str) -> QuerySet[SearchEntry]:
        return queryset.filter(needs_review=value == "true") if value else queryset


@dataclass(frozen=True)
class FacetOption:
    """One option of one facet: its value, label, count for the current query, and whether it is selected."""

    value: str
    label: str
    count: int
    selected: bool


def facets(filterset: DecisionFilter) -> dict[str, list[FacetOption]]:
    """For each facet, every option with a count (or selected), counted without the facet's own selection."""
    filterset.is_valid()
    result: dict[str, list[FacetOption]] = {}
    for name in FACETS:
        data = filterset.data.copy()
        data.pop(name, None)
        others = DecisionFilter(data, queryset=filterset.queryset)
        others.is_valid()
        counts = search.facet_counts(others.qs, name)
        selected = {str(v) for v in filterset.data.getlist(name)} if hasattr(filterset.data, "getlist") else set()
        result[name] = [
            FacetOption(str(value), label, counts.get(str(value), 0), str(value) in selected)
            for value, label in _choices(filterset, name)
            if counts.get(str(value)) or str(value) in selected
        ]
    return result


def _choices(filterset: DecisionFilter, name: str) -> list[tuple[object, str]]:
    choices = filterset.form.fields[name].choices
    return [(value, str(label)) for value, label in choices if value not in ("", None)]
