"""Project-wide middleware."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.urls import reverse

READ_METHODS = ("GET", "HEAD", "OPTIONS")


class ReadOnlyOutsideAdminMiddleware:
    """Refuse every write method (POST, PUT, PATCH, DELETE, ...) outside the staff admin with 405.

    The public site is read-only by design: the admin is the only place data
    changes. This holds for every view, present and future, without relying on
    each one to declare its allowed methods.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method not in READ_METHODS and not request.path.startswith(reverse("admin:index")):
            return HttpResponseNotAllowed(READ_METHODS)
        return self.get_response(request)
