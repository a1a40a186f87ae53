"""Root URL configuration: the admin and the public determinations pages."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("determinations.urls")),
]
