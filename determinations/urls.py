"""Public URLs (DESIGN.md section 7, a contract): search, export, statistics, letters."""

from django.urls import path

from . import views

app_name = "determinations"

urlpatterns = [
    path("", views.search_page, name="search"),
    path("export.csv", views.export_csv, name="export"),
    path("stats/", views.statistics, name="stats"),
    path("letters/<str:citation_id>/", views.letter, name="letter"),
]
