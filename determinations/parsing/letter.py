"""What the parser produces: plain dataclasses, independent of Django.

A ``ParsedLetter`` is everything the parser read from one letter's text. It is
turned into the JSON contract of DESIGN.md section 3 by ``to_contract`` and into
database rows by ``determinations.ingest``. Text fields hold the letter's own
wording (not yet de-identified); ``determinations.deid`` is applied before
anything is stored.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

FORMATS = ("A", "B", "C")
OUTCOMES = ("upheld", "overturned")
PRIORITIES = ("standard", "expedited")
SEXES = ("male", "female")
GUIDELINE_FAMILIES = ("MTUS", "ACOEM", "ODG", "OTHER")


class ParseError(ValueError):
    """The text is not a letter the parser can read; the message says why."""


@dataclass(frozen=True)
class ReviewerProfile:
    """The anonymous expert reviewer as the letter describes them."""

    specialty: str | None = None
    subspecialty: str | None = None
    license_state: str | None = None


@dataclass(frozen=True)
class PatientProfile:
    """De-identifiable facts about the injured worker (no names, no exact dates)."""

    age: int | None = None
    sex: str | None = None
    injury_year: int | None = None
    mechanism: str | None = None
    diagnoses: tuple[str, ...] = ()
    body_regions: tuple[str, ...] = ()


@dataclass(frozen=True)
class GuidelineCitation:
    """One guideline the reviewer relied on: family, document, topic and pages."""

    family: str
    document: str = ""
    topic: str = ""
    pages: str = ""


@dataclass
class ParsedItem:
    """One disputed item and the reviewer's decision on it."""

    position: int
    request: str
    outcome: str
    category: str
    subcategory: str
    quantity: int | None = None
    body_region: str | None = None
    claims_administrator_citation: str = ""
    reviewer_citation: str = ""
    rationale: str = ""
    guidelines: list[GuidelineCitation] = field(default_factory=list)

    @property
    def guideline_sources(self) -> list[str]:
        """Sorted unique guideline families the reviewer cited for this item."""
        return sorted({g.family for g in self.guidelines})


@dataclass
class ParsedLetter:
    """One IMR final determination letter."""

    format: str
    case_number: str | None = None
    decision_date: datetime.date | None = None
    date_assigned: datetime.date | None = None
    ur_denial_date: datetime.date | None = None
    application_received: datetime.date | None = None
    priority: str | None = None
    reviewer: ReviewerProfile = field(default_factory=ReviewerProfile)
    patient: PatientProfile = field(default_factory=PatientProfile)
    items: list[ParsedItem] = field(default_factory=list)
    #: Section title (as printed, normalised) -> section text, in letter order.
    sections: dict[str, str] = field(default_factory=dict)
    #: The whole letter text after clean-up (footers removed, lines joined).
    text: str = ""
    warnings: list[str] = field(default_factory=list)

    @property
    def summary(self) -> str:
        """The clinical case summary section ("" when the letter has none)."""
        return next((body for title, body in self.sections.items() if "summary" in title.casefold()), "")

    @property
    def needs_review(self) -> bool:
        """A letter with any warning needs a human to look at it."""
        return bool(self.warnings)


def _iso(value: datetime.date | None) -> str | None:
    return value.isoformat() if value else None


def to_contract(letter: ParsedLetter, source: str) -> dict:
    """The JSON object of DESIGN.md section 3 for ``letter`` read from ``source``."""
    return {
        "source": source,
        "format": letter.format,
        "case_number": letter.case_number,
        "decision_date": _iso(letter.decision_date),
        "date_assigned": _iso(letter.date_assigned),
        "ur_denial_date": _iso(letter.ur_denial_date),
        "application_received": _iso(letter.application_received),
        "priority": letter.priority,
        "reviewer": {
            "specialty": letter.reviewer.specialty,
            "subspecialty": letter.reviewer.subspecialty,
            "license_state": letter.reviewer.license_state,
        },
        "patient": {
            "age": letter.patient.age,
            "sex": letter.patient.sex,
            "injury_year": letter.patient.injury_year,
        },
        "items": [
            {
                "request": item.request,
                "outcome": item.outcome,
                "category": item.category,
                "guideline_sources": item.guideline_sources,
            }
            for item in letter.items
        ],
        "warnings": list(letter.warnings),
    }


def error_contract(source: str, reason: str) -> dict:
    """The JSON object of DESIGN.md section 3 for a file that failed to parse."""
    return {"source": source, "error": reason}
