"""Section headings of the three letter formats, matched tolerantly, and format detection.

A heading must fill its line(s): any case, any spacing, wrapped over several
lines, with an optional colon (text after the colon starts the section body).
``find_sections`` returns the sections of one format in letter order;
``detect_format`` names the format whose headings the text carries.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .letter import ParseError


@dataclass(frozen=True)
class Section:
    """One section of a letter: its normalised title and its text span."""

    key: str
    title: str
    start: int
    body_start: int
    end: int = -1


def _heading(words: str) -> re.Pattern[str]:
    body = r"\s+".join(words.split())
    return re.compile(rf"^[ \t]*{body}[ \t]*(?::[ \t]*(?P<rest>.*))?$", re.IGNORECASE | re.MULTILINE)


#: (key, title used in ``ParsedLetter.sections``, heading pattern) per format, in letter order.
HOW_MADE = ("how_made", "How the IMR final determination was made", _heading(r"HOW THE IMR FINAL DETERMINATION WAS MADE"))
DOCUMENTS = ("documents", "Documents reviewed", _heading(r"DOCUMENTS REVIEWED"))
SUMMARY = ("summary", "Clinical case summary", _heading(r"CLINICAL CASE SUMMARY"))
SPECS = {
    "A": (
        HOW_MADE,
        DOCUMENTS,
        SUMMARY,
        ("issues", "IMR issues, decisions and rationales", _heading(r"IMR ISSUES,? DECISIONS,? AND RATIONALES")),
    ),
    "B": (
        HOW_MADE,
        DOCUMENTS,
        SUMMARY,
        (
            "issues",
            "IMR decision(s) and rationale(s)",
            _heading(r"IMR DECISIONS?(?:\(S\))? AND RATIONALES?(?:\(S\))?"),
        ),
    ),
    "C": (
        ("issues", "Issue at dispute", _heading(r"ISSUES?(?:\(S\))? (?:AT|IN) DISPUTE")),
        ("summary", "Case summary", _heading(r"(?:CLINICAL )?CASE SUMMARY")),
        ("documents", "Documents reviewed for determination", _heading(r"DOCUMENTS REVIEWED(?: FOR DETERMINATION)?")),
        (
            "guidelines",
            "Medical treatment guideline(s) relied upon by professional reviewer and why",
            _heading(
                r"MEDICAL TREATMENT GUIDELINES?(?:\(S\))? RELIED UPON(?: BY (?:THE )?PROFESSIONAL REVIEWER)?"
                r"(?: AND WHY)?"
            ),
        ),
        (
            "rationale",
            "Rationale for why the requested treatment/service is/was not medically necessary",
            _heading(
                r"RATIONALE FOR WHY THE REQUESTED TREATMENTS?(?:\(S\))?/?\s*(?:SERVICES?(?:\(S\))?)?"
                r" (?:IS|WAS|IS/WAS)(?: NOT)? MEDICALLY NECESSARY"
            ),
        ),
        ("qualifications", "Medical reviewer qualifications", _heading(r"MEDICAL REVIEWER QUALIFICATIONS")),
    ),
}
_C_MARKERS = (re.compile(r"^[ \t]*MEDICAL\s+PROFESSIONAL\s+REVIEW[ \t]*$", re.IGNORECASE | re.MULTILINE),)
_B_LETTERHEAD = re.compile(r"MAXIMUS\s+FEDERAL\s+SERVICES,?\s+INC\b[\s\S]{0,3000}?Final\s+Determination\s*:", re.I)


def find_sections(text: str, fmt: str) -> list[Section]:
    """The sections of format ``fmt`` present in ``text``, in letter order, each ending where the next begins."""
    found: list[Section] = []
    for key, title, pattern in SPECS[fmt]:
        match = pattern.search(text)
        if match:
            body_start = match.start("rest") if match.group("rest") else match.end()
            found.append(Section(key, title, match.start(), body_start))
    found.sort(key=lambda s: s.start)
    return [
        Section(s.key, s.title, s.start, s.body_start, found[i + 1].start if i + 1 < len(found) else len(text))
        for i, s in enumerate(found)
    ]


def detect_format(text: str) -> str:
    """``A``, ``B`` or ``C``; raises ``ParseError`` when no format's headings are present."""
    keys = {fmt: {key for key, _, pattern in SPECS[fmt] if pattern.search(text)} for fmt in SPECS}
    if any(m.search(text) for m in _C_MARKERS) or {"guidelines", "rationale"} & keys["C"]:
        return "C"
    if "issues" in keys["B"]:
        return "B"
    if "issues" in keys["A"]:
        return "A"
    if keys["A"]:
        return "B" if _B_LETTERHEAD.search(text) else "A"
    raise ParseError("not an IMR determination letter: none of the format A, B or C section headings found")
