"""The fast path of ingest: parsing in worker processes, batched writes (DESIGN.md section 8).

``bulk_ingest`` gives exactly the database the one-by-one path
(``determinations.ingest.ingest``) gives for the same files, only faster:

- files stream through a pool of forked worker processes that read, parse and
  de-identify them (``ingest.prepare``), in file order; workers never touch
  the database;
- the main process writes new letters a batch at a time with ``bulk_create``,
  building every row from the same value functions ``ingest.store`` uses, then
  indexes the batch for search in one pass;
- a large load into a small database (fewer than ``DEFER_INDEXES_BELOW``
  decisions) builds its secondary indexes once at the end (PostgreSQL,
  ``determinations.deferred_indexes``);
- letters already stored (same SHA-256) are skipped before parsing; changed
  letters with a known case number, repeated case numbers and any batch that
  fails to write go through ``ingest.store``, one letter per transaction, so a
  bad letter fails alone and never leaves a partial letter behind.
"""

from __future__ import annotations

import multiprocessing
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from pathlib import Path

from django.db import connection, transaction
from django.db.models import Field, JSONField, Model
from psycopg.types.json import Jsonb

from . import deferred_indexes, search
from .ingest import (
    Failure,
    IngestSummary,
    PreparedLetter,
    decision_values,
    determination_values,
    guideline_values,
    item_values,
    patient_values,
    prepare,
    reviewer_fields,
    sha256_of,
    store,
)
from .letterfiles import LetterFile, SkippedFile, UnreadableFile, iter_sources
from .models import Decision, Determination, DisputedItem, Guideline, Patient, Reviewer, SearchEntry
from .parsing.letter import GuidelineCitation, ParsedItem

DEFAULT_BATCH_SIZE = 500
#: Batches the workers parse ahead of the one being written, so they keep busy while the database works.
BATCHES_AHEAD = 2
#: Below this many decisions a bulk load builds the secondary indexes at the end instead of updating them.
DEFER_INDEXES_BELOW = 200_000


def bulk_ingest(
    paths: Iterable[str | Path],
    *,
    workers: int,
    batch_size: int = DEFAULT_BATCH_SIZE,
    progress: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Ingest every letter file under ``paths`` with ``workers`` parsing processes."""
    summary = IngestSummary()
    deferred_indexes.build_deferred()
    small = SearchEntry.objects.count() < DEFER_INDEXES_BELOW
    known = set(Determination.objects.values_list("sha256", flat=True).iterator(chunk_size=10_000))
    letters = _new_letter_files(iter_sources(paths), known, summary, progress)
    writer = _BatchWriter(summary)
    with deferred_indexes.deferred(small), multiprocessing.get_context("fork").Pool(workers) as pool:
        parsing: deque = deque()  # batches parse ahead while earlier ones are written; memory stays bounded
        while files := list(islice(letters, batch_size)):
            parsing.append(pool.map_async(_prepare_indexed, files, chunksize=16))
            if len(parsing) > BATCHES_AHEAD:
                writer.write(parsing.popleft().get())
        while parsing:
            writer.write(parsing.popleft().get())
    return summary


def _new_letter_files(
    found: Iterable[LetterFile | SkippedFile | UnreadableFile],
    known: set[str],
    summary: IngestSummary,
    progress: Callable[[str], None] | None,
) -> Iterator[LetterFile]:
    """The letter files whose content is not stored yet; everything else is counted on the way."""
    for item in found:
        if isinstance(item, SkippedFile):
            summary.skipped.append(Failure(item.name, item.reason))
        elif isinstance(item, UnreadableFile):
            summary.failures.append(Failure(item.name, item.reason))
        else:
            digest = sha256_of(item.data)
            if digest in known:
                summary.add("unchanged")
            else:
                known.add(digest)
                yield item
        if progress is not None:
            progress(item.name)


@dataclass(frozen=True)
class _IndexedLetter:
    """A prepared letter and, per item, its search row's phrase pairs (``search.document_pairs``)."""

    prepared: PreparedLetter
    pairs: list[search.DocumentPairs]


def _prepare_indexed(letter_file: LetterFile) -> _IndexedLetter | Failure:
    """``ingest.prepare`` and the phrase pairs of each decision: the pure-Python half of ingest, run in a worker."""
    prepared = prepare(letter_file)
    if isinstance(prepared, Failure):
        return prepared
    return _IndexedLetter(prepared, search.letter_pairs(prepared.letter))


@dataclass
class _BatchWriter:
    """Writes batches of prepared letters, remembering reviewer and guideline ids between batches."""

    summary: IngestSummary
    reviewers: dict[str, int] = field(default_factory=dict)
    specialties: dict[int, str] = field(default_factory=dict)
    guidelines: dict[tuple[str, str, str, str], int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.reviewers = dict(Reviewer.objects.values_list("key", "pk"))
        self.specialties = dict(Reviewer.objects.values_list("pk", "specialty"))
        self.guidelines = {
            (family, document, topic, pages): pk
            for pk, family, document, topic, pages in Guideline.objects.values_list(
                "pk", "family", "document", "topic", "pages"
            )
        }

    def write(self, batch: list[_IndexedLetter | Failure]) -> None:
        letters = []
        for parsed in batch:
            if isinstance(parsed, Failure):
                self.summary.failures.append(parsed)
            else:
                letters.append(parsed)
        fresh, one_by_one = self._split(letters)
        if fresh:
            try:
                with transaction.atomic():
                    self._create(fresh)
                self.summary.new += len(fresh)
            except Exception:  # a letter the batch could not hold: write each alone to find it
                self._forget_new_ids()
                one_by_one = fresh + one_by_one
        for parsed in one_by_one:
            self._store_alone(parsed.prepared)

    def _split(self, letters: list[_IndexedLetter]) -> tuple[list[_IndexedLetter], list[_IndexedLetter]]:
        """New letters with a case number seen nowhere else, and the rest (updates, repeats)."""
        cases = [p.prepared.letter.case_number for p in letters if p.prepared.letter.case_number]
        stored = set(Determination.objects.filter(case_number__in=cases).values_list("case_number", flat=True))
        fresh, rest, seen = [], [], set()
        for parsed in letters:
            case = parsed.prepared.letter.case_number
            if case and (case in stored or case in seen):
                rest.append(parsed)
            else:
                fresh.append(parsed)
            seen.add(case)
        return fresh, rest

    def _store_alone(self, prepared: PreparedLetter) -> None:
        try:
            outcome, kept = store(prepared)
        except Exception as exc:
            self.summary.failures.append(Failure(prepared.source, f"could not be stored: {type(exc).__name__}: {exc}"))
            return
        self.summary.add(outcome)
        self.summary.kept.extend(kept)

    def _forget_new_ids(self) -> None:
        """Drop cached ids of rows a rolled-back batch created."""
        self.__post_init__()

    def _create(self, indexed: list[_IndexedLetter]) -> None:
        letters = [parsed.prepared for parsed in indexed]
        reviewer_ids = self._reviewer_ids(letters)
        patients = _insert(Patient, [Patient(**patient_values(p.letter)) for p in letters])
        determinations = _insert(
            Determination,
            [
                Determination(
                    **determination_values(p.letter),
                    reviewer_id=reviewer_id,
                    patient_id=patient.pk,
                    source_name=p.source[:500],
                    sha256=p.sha256,
                    synthetic=p.synthetic,
                )
                for p, reviewer_id, patient in zip(letters, reviewer_ids, patients, strict=True)
            ],
        )
        parsed = [(d, item) for p, d in zip(letters, determinations, strict=True) for item in p.letter.items]
        items = _insert(
            DisputedItem,
            [DisputedItem(determination_id=d.pk, position=i.position, **item_values(i)) for d, i in parsed],
        )
        decisions = _insert(
            Decision,
            [Decision(item_id=item.pk, **decision_values(i)) for item, (_, i) in zip(items, parsed, strict=True)],
        )
        guideline_ids = self._guideline_ids([i for _, i in parsed])
        through = Decision.guidelines.through
        _insert(
            through,
            [
                through(decision_id=decision.pk, guideline_id=guideline_id)
                for decision, ids in zip(decisions, guideline_ids, strict=True)
                for guideline_id in ids
            ],
        )
        pairs = [item_pairs for parsed_letter in indexed for item_pairs in parsed_letter.pairs]
        self._index(determinations, patients, reviewer_ids, parsed, items, decisions, pairs)

    def _index(
        self,
        determinations: list[Determination],
        patients: list[Patient],
        reviewer_ids: list[int],
        parsed: list[tuple[Determination, ParsedItem]],
        items: list[DisputedItem],
        decisions: list[Decision],
        pairs: list[search.DocumentPairs],
    ) -> None:
        """Index the new decisions from the rows in hand (what ``search.index_determinations`` reads back)."""
        by_letter = {
            d.pk: (d, patient, self.specialties[reviewer_id])
            for d, patient, reviewer_id in zip(determinations, patients, reviewer_ids, strict=True)
        }
        rows = [
            search.index_row(
                *by_letter[letter.pk],
                item,
                decision,
                (c.family for c in parsed_item.guidelines),
                pairs=decision_pairs,
            )
            for (letter, parsed_item), item, decision, decision_pairs in zip(
                parsed, items, decisions, pairs, strict=True
            )
        ]
        search.write_index(rows)

    def _reviewer_ids(self, letters: list[PreparedLetter]) -> list[int]:
        fields = [reviewer_fields(p.letter) for p in letters]
        keys = [Reviewer.make_key(**f) for f in fields]
        missing = {key: f for key, f in zip(keys, fields, strict=True) if key not in self.reviewers}
        if missing:
            created = _insert(Reviewer, [Reviewer(key=key, **f) for key, f in missing.items()])
            self.reviewers.update((r.key, r.pk) for r in created)
            self.specialties.update((r.pk, r.specialty) for r in created)
        return [self.reviewers[key] for key in keys]

    def _guideline_ids(self, items: list[ParsedItem]) -> list[list[int]]:
        """Per item, the ids of its cited guidelines (each once), creating the new ones in one insert."""
        keyed = [[_guideline_key(citation) for citation in item.guidelines] for item in items]
        missing = {key: None for keys in keyed for key in keys if key not in self.guidelines}
        if missing:
            fields = ("family", "document", "topic", "pages")
            created = _insert(Guideline, [Guideline(**dict(zip(fields, key, strict=True))) for key in missing])
            self.guidelines.update(((g.family, g.document, g.topic, g.pages), g.pk) for g in created)
        return [list(dict.fromkeys(self.guidelines[key] for key in keys)) for keys in keyed]


def _guideline_key(citation: GuidelineCitation) -> tuple[str, str, str, str]:
    values = guideline_values(citation)
    return values["family"], values["document"], values["topic"], values["pages"]


def _insert(model: type[Model], objects: list[Model]) -> list[Model]:
    """Insert new rows and return them with their primary keys: ``COPY`` on PostgreSQL, else ``bulk_create``."""
    if not objects:
        return objects
    if connection.vendor != "postgresql":
        return model.objects.bulk_create(objects)
    fields = [f for f in model._meta.concrete_fields if not f.primary_key]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT nextval(pg_get_serial_sequence(%s, 'id')) FROM generate_series(1, %s)",
            [model._meta.db_table, len(objects)],
        )
        for obj, (pk,) in zip(objects, cursor.fetchall(), strict=True):
            obj.pk = pk
        columns = ", ".join(connection.ops.quote_name(c) for c in ["id", *(f.column for f in fields)])
        table = connection.ops.quote_name(model._meta.db_table)
        with cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy:
            for obj in objects:
                copy.write_row([obj.pk, *(_copy_value(f, obj) for f in fields)])
    return objects


def _copy_value(field: Field, obj: Model) -> object:
    """A field's value as ``COPY`` takes it (what ``save()`` would have written)."""
    value = field.pre_save(obj, add=True)
    return Jsonb(value) if isinstance(field, JSONField) else value
