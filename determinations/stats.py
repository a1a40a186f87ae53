"""Overturn rates for the current filter (DESIGN.md section 7, statistics page).

Aggregation over the filtered ``SearchEntry`` queryset, one ``GROUP BY`` per
dimension (category, year, reviewer specialty) plus one conditional aggregate
for the overall figure and one for the guideline families (a decision may cite
several): five queries whatever the size of the result. ``BarChart`` lays each
breakdown out as a horizontal bar chart for the template to draw as SVG on the
server, so the page needs no JavaScript and no request leaves it.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Q, QuerySet

from . import search
from .models import Outcome, SearchEntry

_OVERTURNED = Q(outcome=Outcome.OVERTURNED)
#: Breakdowns with more groups than this list the largest ones and say how many were left out.
MAX_GROUPS = 20


@dataclass(frozen=True)
class Rate:
    """How many decisions a group holds and how many of them overturned the denial."""

    label: str
    total: int
    overturned: int

    @property
    def upheld(self) -> int:
        return self.total - self.overturned

    @property
    def rate(self) -> float:
        """The overturn rate, 0 to 1 (0 for an empty group)."""
        return self.overturned / self.total if self.total else 0.0

    @property
    def percent(self) -> str:
        return f"{self.rate:.1%}"


@dataclass(frozen=True)
class Breakdown:
    """Overturn rates by one dimension, largest groups first (years in order)."""

    key: str
    title: str
    rates: list[Rate]
    left_out: int = 0

    @property
    def chart(self) -> BarChart:
        return BarChart.of(self)


@dataclass(frozen=True)
class Statistics:
    """Everything the statistics page shows for one filter."""

    overall: Rate
    breakdowns: list[Breakdown]


def statistics(queryset: QuerySet[SearchEntry]) -> Statistics:
    """Overall overturn rate and the four breakdowns, for the decisions in ``queryset``."""
    queryset = queryset.order_by()
    totals = queryset.aggregate(total=Count("pk"), overturned=Count("pk", filter=_OVERTURNED))
    return Statistics(
        overall=Rate("All decisions", totals["total"], totals["overturned"]),
        breakdowns=[
            by_column(queryset, "category", "Treatment category"),
            by_column(queryset, "year", "Decision year", ordered_by_value=True),
            by_column(queryset, "specialty", "Reviewer specialty"),
            by_guideline(queryset),
        ],
    )


def by_column(queryset: QuerySet[SearchEntry], column: str, title: str, ordered_by_value: bool = False) -> Breakdown:
    """Overturn rate per value of one facet column (blank values counted as "Unknown")."""
    groups = (
        queryset.order_by().values_list(column).annotate(total=Count("pk"), overturned=Count("pk", filter=_OVERTURNED))
    )
    rates = [Rate(str(value) if value not in (None, "") else "Unknown", total, over) for value, total, over in groups]
    if ordered_by_value:
        rates.sort(key=lambda rate: rate.label)
    else:
        rates.sort(key=lambda rate: (-rate.total, rate.label))
    return Breakdown(column, title, rates[:MAX_GROUPS], max(0, len(rates) - MAX_GROUPS))


def by_guideline(queryset: QuerySet[SearchEntry]) -> Breakdown:
    """Overturn rate among decisions citing each guideline family (a decision may count for several)."""
    aggregates = {}
    for family, column in search.FAMILY_COLUMNS.items():
        aggregates[f"{family}_total"] = Count("pk", filter=Q(**{column: True}))
        aggregates[f"{family}_overturned"] = Count("pk", filter=Q(**{column: True}) & _OVERTURNED)
    totals = queryset.order_by().aggregate(**aggregates)
    rates = [
        Rate(family.label, totals[f"{family}_total"], totals[f"{family}_overturned"])
        for family in search.FAMILY_COLUMNS
        if totals[f"{family}_total"]
    ]
    return Breakdown("guideline", "Guideline family cited", rates)


# --- charts ---------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Bar:
    """One bar: its group, its geometry in the chart's coordinates, and the text beside it."""

    rate: Rate
    y: int
    width: float

    @property
    def short_label(self) -> str:
        label = self.rate.label
        return label if len(label) <= 26 else label[:25] + "…"

    @property
    def text(self) -> str:
        return f"{self.rate.percent} of {self.rate.total:,}"


@dataclass(frozen=True)
class BarChart:
    """A horizontal bar chart of overturn rates on a fixed 0–100% scale."""

    key: str
    title: str
    description: str
    bars: list[Bar]
    height: int

    WIDTH = 640
    LABEL_WIDTH = 200
    BAR_SPACE = 300
    ROW = 26
    TOP = 24

    @property
    def bar_x(self) -> int:
        return self.LABEL_WIDTH

    @property
    def text_x(self) -> int:
        return self.LABEL_WIDTH + self.BAR_SPACE + 8

    @property
    def ticks(self) -> list[tuple[float, str]]:
        """Gridlines at 0, 25, 50, 75 and 100%, as (x, label)."""
        return [(self.LABEL_WIDTH + self.BAR_SPACE * share / 100, f"{share}%") for share in (0, 25, 50, 75, 100)]

    @classmethod
    def of(cls, breakdown: Breakdown) -> BarChart:
        bars = [
            Bar(rate, cls.TOP + i * cls.ROW, round(cls.BAR_SPACE * rate.rate, 1))
            for i, rate in enumerate(breakdown.rates)
        ]
        listed = "; ".join(f"{r.label}: {r.percent} of {r.total:,} overturned" for r in breakdown.rates[:10])
        more = " (and more in the table below)" if len(breakdown.rates) > 10 else ""
        return cls(
            key=breakdown.key,
            title=f"Overturn rate by {breakdown.title.lower()}",
            description=f"Horizontal bars, 0 to 100%. {listed}{more}." if listed else "No decisions.",
            bars=bars,
            height=cls.TOP + max(1, len(bars)) * cls.ROW + 8,
        )
