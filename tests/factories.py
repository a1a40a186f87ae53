"""Small factories for letters, items, decisions and guidelines, written in bulk.

``create_letters`` turns ``LetterSpec``/``ItemSpec`` descriptions into rows with
a handful of ``bulk_create`` calls and one ``search.index_determinations`` call,
so a test can make one letter or tens of thousands (``create_many``) quickly and
then search them like ingested letters.
"""

from __future__ import annotations

import datetime
import hashlib
import itertools
import uuid
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from determinations import search
from determinations.models import Decision, Determination, DisputedItem, Guideline, Patient, Reviewer

_SERIAL = itertools.count(1)
_SALT = uuid.uuid4().hex


@dataclass
class ItemSpec:
    """One disputed item and its decision."""

    request: str
    outcome: str = "upheld"
    category: str = "Pharmaceuticals"
    subcategory: str = ""
    families: Sequence[str] = ("MTUS",)
    rationale: str = "The request is not supported by the guidelines."
    reviewer_citation: str = "MTUS Chronic Pain Medical Treatment Guidelines"
    claims_citation: str = "MTUS"
    region: str = ""


@dataclass
class LetterSpec:
    """One letter: its header facts, patient, reviewer, sections and items."""

    items: list[ItemSpec] = field(default_factory=lambda: [ItemSpec("Norco 10/325 mg #60")])
    case_number: str | None = ""
    decision_date: datetime.date | None = datetime.date(2015, 6, 1)
    summary: str = "The patient is a worker with chronic pain after a lifting injury."
    specialty: str = "Physical Medicine & Rehabilitation"
    subspecialty: str = ""
    license_state: str = "California"
    sex: str = "male"
    age: int | None = 45
    injury_year: int | None = 2012
    priority: str = "standard"
    needs_review: bool = False
    warnings: list[str] = field(default_factory=list)
    synthetic: bool = False
    format: str = "A"
    sections: list[list[str]] | None = None


def next_case_number(year: int = 15) -> str:
    """A case number no other factory letter has."""
    return f"CM{year % 100:02d}-{next(_SERIAL):07d}"


def create_letter(**values) -> Determination:
    """One letter from ``LetterSpec`` keyword arguments."""
    return create_letters([LetterSpec(**values)])[0]


def create_letters(specs: Iterable[LetterSpec], index: bool = True) -> list[Determination]:
    """Write the letters in bulk and (unless ``index`` is false) index them for search."""
    specs = list(specs)
    reviewers = _reviewers(specs)
    patients = Patient.objects.bulk_create(
        [Patient(age=s.age, sex=s.sex, injury_year=s.injury_year) for s in specs], batch_size=2000
    )
    letters = Determination.objects.bulk_create(
        [_determination(spec, patient, reviewers) for spec, patient in zip(specs, patients, strict=True)],
        batch_size=2000,
    )
    items = DisputedItem.objects.bulk_create(
        [
            DisputedItem(
                determination=letter,
                position=position,
                request=item.request,
                category=item.category,
                subcategory=item.subcategory,
                body_region=item.region,
            )
            for spec, letter in zip(specs, letters, strict=True)
            for position, item in enumerate(spec.items, start=1)
        ],
        batch_size=2000,
    )
    item_specs = [item for spec in specs for item in spec.items]
    decisions = Decision.objects.bulk_create(
        [
            Decision(
                item=item,
                outcome=spec.outcome,
                rationale=spec.rationale,
                reviewer_citation=spec.reviewer_citation,
                claims_administrator_citation=spec.claims_citation,
            )
            for item, spec in zip(items, item_specs, strict=True)
        ],
        batch_size=2000,
    )
    _cite(decisions, item_specs)
    if index:
        search.index_determinations([letter.pk for letter in letters])
    return letters


def create_many(count: int, items_per_letter: int = 2, batch: int = 2500, **values) -> int:
    """``count`` similar letters (``items_per_letter`` items each), written and indexed batch by batch."""
    made = 0
    while made < count:
        size = min(batch, count - made)
        specs = [
            LetterSpec(
                items=[
                    ItemSpec(
                        f"Request {made + i}-{n} physical therapy",
                        outcome="overturned" if (made + i + n) % 7 == 0 else "upheld",
                        category="Rehabilitation",
                        rationale=f"Rationale {made + i}-{n}: guidelines support a short trial of therapy. " * 8,
                    )
                    for n in range(1, items_per_letter + 1)
                ],
                decision_date=datetime.date(2014, 1, 1) + datetime.timedelta(days=(made + i) % 1500),
                **values,
            )
            for i in range(size)
        ]
        create_letters(specs)
        made += size
    return made * items_per_letter


def _reviewers(specs: list[LetterSpec]) -> dict[tuple[str, str, str], Reviewer]:
    reviewers = {}
    for spec in specs:
        fields = (spec.specialty, spec.subspecialty, spec.license_state)
        if fields not in reviewers:
            key = Reviewer.make_key(*fields)
            reviewers[fields] = Reviewer.objects.filter(key=key).first() or Reviewer.objects.create(
                specialty=spec.specialty, subspecialty=spec.subspecialty, license_state=spec.license_state
            )
    return reviewers


def _determination(spec: LetterSpec, patient: Patient, reviewers: dict) -> Determination:
    serial = next(_SERIAL)
    case_number = spec.case_number if spec.case_number != "" else next_case_number()
    sections = spec.sections
    if sections is None:
        sections = [
            ["How the IMR final determination was made", "The expert reviewer is licensed in California."],
            ["Clinical case summary", spec.summary],
            ["IMR issues, decisions and rationales", "(rendered from the items)"],
        ]
    return Determination(
        case_number=case_number,
        format=spec.format,
        decision_date=spec.decision_date,
        priority=spec.priority,
        reviewer=reviewers[(spec.specialty, spec.subspecialty, spec.license_state)],
        patient=patient,
        summary=spec.summary,
        sections=sections,
        full_text=spec.summary,
        source_name=f"factory-{serial}.txt",
        sha256=hashlib.sha256(f"{_SALT}-{serial}".encode()).hexdigest(),
        warnings=spec.warnings,
        needs_review=spec.needs_review,
        synthetic=spec.synthetic,
    )


def _cite(decisions: list[Decision], item_specs: list[ItemSpec]) -> None:
    guidelines = {}
    links = []
    through = Decision.guidelines.through
    for decision, spec in zip(decisions, item_specs, strict=True):
        for family in spec.families:
            if family not in guidelines:
                guidelines[family] = Guideline.objects.get_or_create(family=family, document=f"{family} guideline")[0]
            links.append(through(decision_id=decision.pk, guideline_id=guidelines[family].pk))
    through.objects.bulk_create(links, batch_size=5000)
