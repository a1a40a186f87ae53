"""Public URLs (DESIGN.md section 7): search, export, statistics, letters."""

from django.urls import path

from . import views

app_name = "determinations"

urlpatterns = [
    path("", views.search, name="search"),
    path("letters/<str:citation_id>/", views.letter, name="letter"),
]
