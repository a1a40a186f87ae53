"""Parsed letters into the database (DESIGN.md section 8).

Two halves, so the bulk path can run the first in worker processes:

- ``prepare`` (pure Python, picklable in and out): read one file's text,
  de-identify it and parse it, giving a ``PreparedLetter`` or a ``Failure``.
- ``store``: write one prepared letter in one transaction. A letter already
  stored with the same SHA-256 is left alone; a changed letter with a known
  case number updates its rows in place, except fields staff corrected by hand
  (``Correctable.corrected_fields``), which are kept and reported.

``ingest`` drives both over every file under the given paths and returns an
``IngestSummary``; one bad file never stops the batch.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.db import models, transaction

from . import search
from .deid import Redactor
from .generator.render import SYNTHETIC_MARKER
from .history import REINGESTED, record_baseline, save_quietly
from .letterfiles import LetterFile, SkippedFile, UnreadableFile, iter_sources, letter_text
from .models import Decision, Determination, DisputedItem, Guideline, Patient, Reviewer
from .parsing import ParseError, parse_letter
from .parsing.letter import GuidelineCitation, ParsedItem, ParsedLetter
from .parsing.sections import ITEM_SECTION_TITLES


@dataclass(frozen=True)
class PreparedLetter:
    """A letter read, parsed and de-identified, ready for ``store``."""

    source: str
    sha256: str
    letter: ParsedLetter
    synthetic: bool = False


@dataclass(frozen=True)
class Failure:
    """A file that could not become a letter, and why."""

    source: str
    reason: str


@dataclass(frozen=True)
class KeptCorrection:
    """A hand-corrected value that re-ingest left alone."""

    source: str
    citation_id: str
    field: str
    kept: str
    parsed: str


@dataclass
class IngestSummary:
    """What one ingest run did."""

    new: int = 0
    updated: int = 0
    unchanged: int = 0
    failures: list[Failure] = field(default_factory=list)
    skipped: list[Failure] = field(default_factory=list)
    kept: list[KeptCorrection] = field(default_factory=list)

    @property
    def failed(self) -> int:
        return len(self.failures)

    def add(self, outcome: str) -> None:
        setattr(self, outcome, getattr(self, outcome) + 1)


def sha256_of(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def prepare(letter_file: LetterFile) -> PreparedLetter | Failure:
    """Read, de-identify and parse one file (no database access)."""
    try:
        text = letter_text(letter_file)
        redactor = Redactor(text)
        letter = parse_letter(text, redact=redactor.letter)
    except ParseError as exc:
        return Failure(letter_file.name, str(exc))
    return PreparedLetter(
        source=redactor.file_name(Path(letter_file.name).name),
        sha256=sha256_of(letter_file.data),
        letter=letter,
        synthetic=SYNTHETIC_MARKER in text,
    )


def ingest(
    paths: Iterable[str | Path],
    *,
    dry_run: bool = False,
    progress: Callable[[str], None] | None = None,
) -> IngestSummary:
    """Ingest every letter file under ``paths``; ``dry_run`` parses and classifies without writing."""
    summary = IngestSummary()
    for found in iter_sources(paths):
        if isinstance(found, SkippedFile):
            summary.skipped.append(Failure(found.name, found.reason))
        elif isinstance(found, UnreadableFile):
            summary.failures.append(Failure(found.name, found.reason))
        else:
            _ingest_one(found, summary, dry_run=dry_run)
        if progress is not None:
            progress(found.name)
    return summary


def _ingest_one(letter_file: LetterFile, summary: IngestSummary, *, dry_run: bool) -> None:
    if Determination.objects.filter(sha256=sha256_of(letter_file.data)).exists():
        summary.add("unchanged")
        return
    prepared = prepare(letter_file)
    if isinstance(prepared, Failure):
        summary.failures.append(prepared)
        return
    if dry_run:
        case = prepared.letter.case_number
        known = case is not None and Determination.objects.filter(case_number=case).exists()
        summary.add("updated" if known else "new")
        return
    try:
        outcome, kept = store(prepared, source=letter_file.name)
    except Exception as exc:  # one bad letter never stops the batch; its transaction rolled back
        summary.failures.append(Failure(letter_file.name, f"could not be stored: {type(exc).__name__}: {exc}"))
        return
    summary.add(outcome)
    summary.kept.extend(kept)


def store(prepared: PreparedLetter, *, source: str | None = None) -> tuple[str, list[KeptCorrection]]:
    """Write one prepared letter in one transaction: ``("new"|"updated"|"unchanged", kept corrections)``.

    A new letter's rows are saved without history; a stored letter's changed
    rows get a version each (after their "as ingested" baseline, see ``history``).
    """
    with transaction.atomic():
        if Determination.objects.filter(sha256=prepared.sha256).exists():
            return "unchanged", []
        letter = prepared.letter
        existing = None
        if letter.case_number:
            existing = Determination.objects.select_for_update().filter(case_number=letter.case_number).first()
        writer = _Writer(source or prepared.source, existing.citation_id if existing else "")
        determination = existing or Determination(patient=Patient())
        if writer.assign(determination.patient, patient_values(letter)):
            _save(determination.patient)
        determination.patient_id = determination.patient.pk
        writer.assign(determination, {**determination_values(letter), "reviewer": reviewer_for(letter)})
        determination.source_name = _clip(Determination, "source_name", prepared.source)
        determination.sha256 = prepared.sha256
        if existing is None:
            determination.synthetic = prepared.synthetic
        _save(determination)
        writer.citation_id = determination.citation_id
        _store_items(determination, letter.items, writer)
        search.index_determinations([determination.pk])
        return ("updated" if existing else "new"), writer.kept


def _save(row: models.Model) -> None:
    """Save a row: a new one quietly, a stored one as a version after its baseline."""
    if row._state.adding:
        save_quietly(row)
        return
    record_baseline(row)
    row._change_reason = REINGESTED
    row.save()


class _Writer:
    """Assigns parsed values to rows, leaving hand-corrected fields alone and noting each."""

    def __init__(self, source: str, citation_id: str) -> None:
        self.source = source
        self.citation_id = citation_id
        self.kept: list[KeptCorrection] = []

    def assign(self, obj: models.Model, values: dict, label: str = "") -> bool:
        """Set the parsed values a hand correction does not hold; True when any value changed (or the row is new)."""
        changed = obj._state.adding
        for name, value in values.items():
            current = getattr(obj, name, None)  # None for a relation not set yet
            if name in obj.corrected_fields:
                if current != value:
                    self.keep(label + name, current, value)
            elif current != value:
                setattr(obj, name, value)
                changed = True
        return changed

    def keep(self, name: str, current: object, parsed: object) -> None:
        self.kept.append(KeptCorrection(self.source, self.citation_id, name, str(current), str(parsed)))


def reviewer_fields(letter: ParsedLetter) -> dict:
    """The ``Reviewer`` columns for a letter's reviewer, cut to fit."""
    reviewer = letter.reviewer
    fields = {
        "specialty": reviewer.specialty or "",
        "subspecialty": reviewer.subspecialty or "",
        "license_state": reviewer.license_state or "",
    }
    return {name: _clip(Reviewer, name, value) for name, value in fields.items()}


def reviewer_for(letter: ParsedLetter) -> Reviewer:
    """The stored reviewer profile matching the letter's, created when new."""
    fields = reviewer_fields(letter)
    reviewer = Reviewer.objects.filter(key=Reviewer.make_key(**fields)).first()
    if reviewer is None:
        reviewer = Reviewer(**fields)
        save_quietly(reviewer)
    return reviewer


def determination_values(letter: ParsedLetter) -> dict:
    """The parsed ``Determination`` columns (the reviewer aside)."""
    return {
        "case_number": letter.case_number,
        "format": letter.format,
        "decision_date": letter.decision_date,
        "date_assigned": letter.date_assigned,
        "ur_denial_date": letter.ur_denial_date,
        "application_received": letter.application_received,
        "priority": letter.priority or "",
        "summary": letter.summary,
        "sections": stored_sections(letter),
        "full_text": letter.text,
        "warnings": list(letter.warnings),
        "needs_review": letter.needs_review,
    }


def stored_sections(letter: ParsedLetter) -> list[list[str | None]]:
    """``[title, text]`` per section in letter order; the summary and the item sections, stored in
    their own rows, keep their place with ``None`` as text so nothing is stored twice."""
    return [
        [title, None if title in ITEM_SECTION_TITLES or body == letter.summary else body]
        for title, body in letter.sections.items()
    ]


def patient_values(letter: ParsedLetter) -> dict:
    """The parsed ``Patient`` columns."""
    patient = letter.patient
    return {
        "age": patient.age,
        "sex": patient.sex or "",
        "injury_year": patient.injury_year,
        "mechanism": _clip(Patient, "mechanism", patient.mechanism or ""),
        "diagnoses": "; ".join(patient.diagnoses),
        "body_regions": _clip(Patient, "body_regions", ", ".join(patient.body_regions)),
    }


def _store_items(determination: Determination, items: list[ParsedItem], writer: _Writer) -> None:
    existing = {item.position: item for item in determination.items.select_related("decision")}
    for parsed in items:
        item = existing.pop(parsed.position, None) or DisputedItem(determination=determination)
        label = f"item {parsed.position} "
        item.position = parsed.position
        if writer.assign(item, item_values(parsed), label):
            _save(item)
        decision = getattr(item, "decision", None) or Decision(item=item)
        new = decision._state.adding
        changed = writer.assign(decision, decision_values(parsed), label)
        if new:
            save_quietly(decision)
        links_changed = _store_guidelines(decision, parsed, writer, label, new)
        if not new and (changed or links_changed):
            _save(decision)
    for leftover in existing.values():
        decision = getattr(leftover, "decision", None)
        if leftover.corrected_fields or (decision is not None and decision.corrected_fields):
            writer.keep(f"item {leftover.position}", leftover.request, "(no longer in the letter)")
        else:
            leftover.delete()


def item_values(parsed: ParsedItem) -> dict:
    """The parsed ``DisputedItem`` columns."""
    return {
        "request": parsed.request,
        "category": parsed.category,
        "subcategory": _clip(DisputedItem, "subcategory", parsed.subcategory),
        "quantity": parsed.quantity,
        "body_region": _clip(DisputedItem, "body_region", parsed.body_region or ""),
    }


def decision_values(parsed: ParsedItem) -> dict:
    """The parsed ``Decision`` columns."""
    return {
        "outcome": parsed.outcome,
        "rationale": parsed.rationale,
        "claims_administrator_citation": parsed.claims_administrator_citation,
        "reviewer_citation": parsed.reviewer_citation,
    }


def _store_guidelines(decision: Decision, parsed: ParsedItem, writer: _Writer, label: str, new: bool) -> bool:
    """Link the decision to its cited guidelines; True when the links changed."""
    rows = [_guideline(citation) for citation in parsed.guidelines]
    current = sorted(str(g) for g in decision.guidelines.all())
    wanted = sorted(str(g) for g in rows)
    if current == wanted:
        return False
    if "guidelines" in decision.corrected_fields:
        writer.keep(label + "guidelines", "; ".join(current), "; ".join(wanted))
        return False
    if not new:
        record_baseline(decision)
    decision.skip_history_when_saving = True  # the decision's own save records the new links as one version
    try:
        decision.guidelines.set(rows)
    finally:
        del decision.skip_history_when_saving
    return True


def _guideline(citation: GuidelineCitation) -> Guideline:
    values = guideline_values(citation)
    guideline = Guideline.objects.filter(**values).first()
    if guideline is None:
        guideline = Guideline(**values)
        save_quietly(guideline)
    return guideline


def guideline_values(citation: GuidelineCitation) -> dict:
    """The ``Guideline`` columns of one citation, cut to fit."""
    return {
        "family": citation.family,
        "document": _clip(Guideline, "document", citation.document),
        "topic": _clip(Guideline, "topic", citation.topic),
        "pages": _clip(Guideline, "pages", citation.pages),
    }


def _clip(model: type[models.Model], name: str, value: str) -> str:
    """``value`` cut to the column's length, so an over-long read never fails a letter."""
    limit = model._meta.get_field(name).max_length
    return value[:limit] if limit and value and len(value) > limit else value
