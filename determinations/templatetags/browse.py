"""Template helpers for the browse pages: links that keep the current search state."""

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from ..filters import FacetOption, SearchState

register = template.Library()


@register.simple_tag
def page_link(state: SearchState, number: int) -> str:
    """The query string of page ``number`` of the current search (filters, query and sort kept)."""
    return state.page_url(number)


@register.simple_tag
def facet_checkbox(name: str, option: FacetOption, number: int, exact: bool, more: bool = False) -> str:
    """One facet option as a labelled checkbox with its count (≈ when estimated).

    Built here rather than in the template: a page shows hundreds of options,
    and the template engine spent more time on them than the database did on the counts.
    """
    key = f"f-{name}-{'m' if more else ''}{number}"
    return format_html(
        '<div class="option"><input type="checkbox" form="search" name="{}" value="{}" id="{}"{}>'
        '<label for="{}">{} <span class="count">{}{}</span></label></div>',
        name,
        option.value,
        key,
        mark_safe(" checked") if option.selected and not more else "",
        key,
        option.label,
        "" if exact else "≈",
        option.count,
    )
