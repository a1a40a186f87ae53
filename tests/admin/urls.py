"""Every URL of the site: the public ones with sample parameter values, and the admin pages of every object."""

from __future__ import annotations

import re
from collections.abc import Iterator

from django.contrib import admin
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.urls.resolvers import RoutePattern

from determinations.models import Determination


def _walk(resolver: URLResolver, prefix: str) -> Iterator[tuple[str, URLPattern]]:
    for entry in resolver.url_patterns:
        route = prefix + str(entry.pattern)
        if isinstance(entry, URLResolver):
            if entry.app_name != "admin":
                yield from _walk(entry, route)
        else:
            yield route, entry


def public_urls(samples: dict[str, str]) -> list[str]:
    """Every URL outside the admin; ``samples`` gives a value for each path parameter name."""
    urls = []
    for route, entry in _walk(get_resolver(), "/"):
        if not isinstance(entry.pattern, RoutePattern):
            raise AssertionError(f"{route!r} is a regular expression; give it a sample URL in this helper")
        missing = set(entry.pattern.converters) - set(samples)
        assert not missing, f"no sample value for the parameter(s) {sorted(missing)} of {route!r}"
        urls.append(re.sub(r"<(?:\w+:)?(\w+)>", lambda m: samples[m.group(1)], route))
    return urls


def admin_pages() -> list[str]:
    """The admin index, every changelist and add page, and the change and history pages of every stored object.

    Plus one letter's delete confirmation and oldest version. Add pages of rows
    that only ingest creates answer 403; the review queue's change and history
    pages redirect to the letter's own (follow redirects).
    """
    pages = [reverse("admin:index"), reverse("admin:password_change")]
    for model in admin.site._registry:
        prefix = f"admin:{model._meta.app_label}_{model._meta.model_name}"
        pages += [reverse(f"{prefix}_changelist"), reverse(f"{prefix}_add")]
        for pk in model._default_manager.values_list("pk", flat=True):
            pages += [reverse(f"{prefix}_change", args=[pk]), reverse(f"{prefix}_history", args=[pk])]
    letter = Determination.objects.first()
    if letter is not None:
        pages.append(reverse("admin:determinations_determination_delete", args=[letter.pk]))
        oldest = letter.history.last()
        if oldest is not None:
            pages.append(
                reverse("admin:determinations_determination_simple_history", args=[letter.pk, oldest.history_id])
            )
    return pages
