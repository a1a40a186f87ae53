"""App configuration for the determinations domain."""

from django.apps import AppConfig


class DeterminationsConfig(AppConfig):
    name = "determinations"
    verbose_name = "IMR determinations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from django.core.signals import request_finished
        from django.db.models.signals import post_migrate

        from .search import forget_matches, prune_documents

        post_migrate.connect(prune_documents, sender=self)
        request_finished.connect(forget_matches)
