"""Public, read-only pages (DESIGN.md section 7): search, CSV export, statistics, letters.

Thin on purpose: the parameters are read by ``filters.SearchState``, the
queries live in ``search``, ``export`` and ``stats``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import partial

from django.http import Http404, HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_safe

from . import export, search, stats
from .filters import PER_PAGE, FacetCounting, Pagination, SearchState, facet_groups
from .models import Decision, Determination, DisputedItem

_SHA_ID = re.compile(r"sha-([0-9a-f]{12})")


@require_safe
def search_page(request: HttpRequest) -> HttpResponse:
    """Decisions matching the query and filters, one page at a time, with facet counts."""
    state = SearchState(request.GET)
    page = state.page
    counting = FacetCounting(state.filterset)
    find_page = partial(
        search.page_ids, state.queryset, state.q, state.sort, (page - 1) * PER_PAGE, PER_PAGE,
        unsearched=state.filterset.queryset_without("q"),
    )  # fmt: skip
    tallies, ids = search.tallies_and_page(counting.tallies(), find_page)
    found = counting.facets(tallies)
    total = found.count
    notices = list(state.notices)
    paged = total
    if search.ranks_by_relevance(state.q, state.sort) and total.value > search.RANKED_LIMIT:
        paged = search.ResultCount(search.RANKED_LIMIT, True)
        notices.append(
            f"Ranked by relevance: the {search.RANKED_LIMIT:,} newest of these decisions, best first. "
            "Sort by newest or oldest to page through all of them."
        )
    context = {
        "state": state,
        "notices": notices,
        "total": total,
        "pagination": Pagination(page, paged, len(ids)),
        "hits": search.hits(ids, state.q),
        "facet_groups": facet_groups(found, state.filterset),
        "facets_exact": found.exact,
    }
    return render(request, "determinations/search.html", context)


@require_safe
def export_csv(request: HttpRequest) -> HttpResponse:
    """The whole current result as CSV, streamed; 400 when a parameter is invalid (never a silently wider export)."""
    state = SearchState(request.GET)
    if state.errors:
        return HttpResponse("\n".join(state.notices) + "\n", status=400, content_type="text/plain; charset=utf-8")
    letters_url = request.build_absolute_uri(reverse("determinations:letter", args=["-"])).removesuffix("-/")
    response = StreamingHttpResponse(
        export.stream(state.queryset, state.sort, letters_url, state.q), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{export.filename()}"'
    return response


@require_safe
def statistics(request: HttpRequest) -> HttpResponse:
    """Overturn rates for the current query and filters, as server-drawn SVG charts with their tables."""
    state = SearchState(request.GET)
    return render(
        request, "determinations/stats.html", {"state": state, "statistics": stats.statistics(state.queryset)}
    )


@require_safe
def letter(request: HttpRequest, citation_id: str) -> HttpResponse:
    """One letter: citation, metadata, every section (the items rendered from the items), similar decisions."""
    determination = _find_letter(citation_id)
    if determination.citation_id != citation_id:
        return redirect(determination, permanent=True)
    items = (
        DisputedItem.objects.filter(determination=determination)
        .select_related("decision")
        .prefetch_related("decision__guidelines")
        .order_by("position")
    )
    context = {
        "determination": determination,
        "sections": letter_sections(determination),
        "items": [LetterItem.of(item) for item in items],
        "similar": search.similar_decisions(determination),
    }
    return render(request, "determinations/letter.html", context)


def _find_letter(citation_id: str) -> Determination:
    """The letter a citation id names: a case number (any case), or ``sha-`` and 12 hex digits."""
    letters = Determination.objects.select_related("reviewer", "patient").defer("full_text")
    if sha := _SHA_ID.fullmatch(citation_id.lower()):
        found = letters.filter(sha256__startswith=sha.group(1)).order_by("pk").first()
    else:
        found = (
            letters.filter(case_number=citation_id).first() or letters.filter(case_number=citation_id.upper()).first()
        )
    if found is None:
        raise Http404("No letter has this citation id.")
    return found


@dataclass(frozen=True)
class LetterItem:
    """One disputed item on its letter's page, with its decision and the guideline families it cites."""

    item: DisputedItem
    decision: Decision | None
    families: list[str]

    @classmethod
    def of(cls, item: DisputedItem) -> LetterItem:
        decision = getattr(item, "decision", None)
        families = sorted({g.family for g in decision.guidelines.all()}) if decision else []
        return cls(item, decision, families)


@dataclass(frozen=True)
class LetterSection:
    """One section of a letter as the page shows it; the decisions section is drawn from the items instead."""

    title: str
    text: str
    holds_items: bool
    anchor: str


_ITEMS_SECTION = re.compile(r"decisions?\b.*\brationales?|issues? (?:at|in) dispute", re.IGNORECASE)


def letter_sections(determination: Determination) -> list[LetterSection]:
    """The letter's sections in order; the first one listing the decisions shows the items (added at the end if none does)."""
    sections: list[LetterSection] = []
    for index, pair in enumerate(determination.sections or []):
        title, text = [*pair, "", ""][:2]
        holds_items = not any(s.holds_items for s in sections) and bool(_ITEMS_SECTION.search(str(title)))
        sections.append(LetterSection(str(title), str(text), holds_items, f"section-{index + 1}"))
    if not any(s.holds_items for s in sections):
        sections.append(LetterSection("Decisions", "", True, "decisions"))
    return sections
