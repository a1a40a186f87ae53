"""Template helpers for the browse pages: links that keep the current search state."""

from django import template

from ..filters import SearchState

register = template.Library()


@register.simple_tag
def page_link(state: SearchState, number: int) -> str:
    """The query string of page ``number`` of the current search (filters, query and sort kept)."""
    return state.page_url(number)
