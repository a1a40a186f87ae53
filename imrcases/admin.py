"""The project's admin site: Django's, titled for IMR Case Law, with the review queue on its index.

``CaseLawAdminConfig`` replaces ``django.contrib.admin`` in ``INSTALLED_APPS`` so that
``admin.site`` (and every ``@admin.register``) is a ``CaseLawAdminSite``.
"""

from __future__ import annotations

from django.apps import apps
from django.contrib.admin import AdminSite
from django.contrib.admin.apps import AdminConfig
from django.http import HttpRequest
from django.template.response import TemplateResponse


class CaseLawAdminSite(AdminSite):
    """Staff-only corrections site; its index says how many letters wait for review."""

    site_header = "IMR Case Law administration"
    site_title = "IMR Case Law admin"
    index_title = "Corrections"
    index_template = "admin/case_law_index.html"

    def index(self, request: HttpRequest, extra_context: dict | None = None) -> TemplateResponse:
        """The usual index, plus ``review_count``: letters flagged ``needs_review``."""
        determination = apps.get_model("determinations", "Determination")
        context = {"review_count": determination.objects.filter(needs_review=True).count(), **(extra_context or {})}
        return super().index(request, extra_context=context)


class CaseLawAdminConfig(AdminConfig):
    """``django.contrib.admin`` with ``CaseLawAdminSite`` as the default site."""

    default_site = "imrcases.admin.CaseLawAdminSite"
