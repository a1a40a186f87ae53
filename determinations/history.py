"""When a row's change history starts (django-simple-history).

A letter ingested for the first time records no version: the published letter
is its own record (its SHA-256 and name are stored), and recording a version
of every row of a million letters would double the database. The first time
a stored row changes, by a staff correction or by the re-ingest of a changed
letter, its stored state is recorded first, as the version "as ingested"; so
every change in the history reads old value -> new value.
"""

from __future__ import annotations

from django.db import models
from django.db.models.signals import post_save

AS_INGESTED = "as ingested"
REINGESTED = "re-ingested from a changed letter"


def record_baseline(row: models.Model) -> None:
    """Record ``row``'s stored state as the version "as ingested" if it has no history yet.

    Call it before changing a stored row. The stored state is read again from
    the database (the instance may already hold the new values); announcing it
    as saved makes simple-history record it exactly as it records a save,
    many-to-many fields included, without writing the row.
    """
    model = type(row)
    if row.pk is None or row.history.exists():
        return
    stored = model._default_manager.get(pk=row.pk)
    stored._change_reason = AS_INGESTED
    stored._history_user = None
    post_save.send(sender=model, instance=stored, created=False, raw=False, using=stored._state.db, update_fields=None)


def save_quietly(row: models.Model) -> None:
    """Save a new row without a version (see the module docstring)."""
    row.save_without_historical_record()
