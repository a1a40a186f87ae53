"""App configuration for the determinations domain."""

from django.apps import AppConfig


class DeterminationsConfig(AppConfig):
    name = "determinations"
    verbose_name = "IMR determinations"
    default_auto_field = "django.db.models.BigAutoField"
