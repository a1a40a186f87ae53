"""Section headings of the three letter formats, matched tolerantly, and format detection.

A heading must fill its line(s): any case, any spacing, wrapped over several
lines, with an optional colon (text after the colon starts the section body).
One scan (``scan_headings``) finds every known heading; ``detect_format``
names the format whose headings the text carries and ``sections_of`` returns
that format's sections in letter order, each ending where the next begins.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .letter import ParseError
from .text import LinePattern

#: Heading kind -> its words (regular expressions; a space matches any run of whitespace).
HEADINGS = {
    "how_made": r"HOW THE IMR FINAL DETERMINATION WAS MADE",
    "documents": r"DOCUMENTS REVIEWED(?: FOR DETERMINATION)?",
    "summary": r"(?:CLINICAL )?CASE SUMMARY",
    "issues_a": r"IMR ISSUES,? DECISIONS,? AND RATIONALES",
    "issues_b": r"IMR DECISIONS?(?:\(S\))? AND RATIONALES?(?:\(S\))?",
    "issues_c": r"ISSUES?(?:\(S\))? (?:AT|IN) DISPUTE",
    "guidelines": r"MEDICAL TREATMENT GUIDELINES?(?:\(S\))? RELIED UPON"
    r" (?:BY (?:THE )?PROFESSIONAL REVIEWER(?: AND WHY)?|AND WHY)",
    "rationale": r"RATIONALE FOR WHY THE REQUESTED TREATMENTS?(?:\(S\))?(?:\s*/\s*SERVICES?(?:\(S\))?)?"
    r" (?:IS|WAS|IS/WAS)(?: NOT)? MEDICALLY NECESSARY",
    "qualifications": r"MEDICAL REVIEWER QUALIFICATIONS",
    "professional_review": r"MEDICAL PROFESSIONAL REVIEW",
}
#: Per format: (heading kind, section key, title used in ``ParsedLetter.sections``).
FORMATS = {
    "A": (
        ("how_made", "how_made", "How the IMR final determination was made"),
        ("documents", "documents", "Documents reviewed"),
        ("summary", "summary", "Clinical case summary"),
        ("issues_a", "issues", "IMR issues, decisions and rationales"),
    ),
    "B": (
        ("how_made", "how_made", "How the IMR final determination was made"),
        ("documents", "documents", "Documents reviewed"),
        ("summary", "summary", "Clinical case summary"),
        ("issues_b", "issues", "IMR decision(s) and rationale(s)"),
    ),
    "C": (
        ("issues_c", "issues", "Issue at dispute"),
        ("summary", "summary", "Case summary"),
        ("documents", "documents", "Documents reviewed for determination"),
        ("guidelines", "guidelines", "Medical treatment guideline(s) relied upon by professional reviewer and why"),
        ("rationale", "rationale", "Rationale for why the requested treatment/service is/was not medically necessary"),
        ("qualifications", "qualifications", "Medical reviewer qualifications"),
    ),
}
#: Titles of the sections that hold the disputed items (stored as items, not as section text).
ITEM_SECTION_TITLES = frozenset(
    title for layout in FORMATS.values() for _, key, title in layout if key in {"issues", "guidelines", "rationale"}
)
_ANY_SPACE = r"\s+"


def _initials(words: str) -> str:
    """The letters heading ``words`` can start with: the first, also of a leading optional group of words."""
    group = re.match(r"\(\?:([A-Z])[^()]*\)\?", words)
    rest = words[group.end() :] if group else words
    if not rest[:1].isalpha():
        raise ValueError(f"a heading must start with a word (or an optional group of words): {words!r}")
    return (group.group(1) if group else "") + rest[0]


_SCAN = LinePattern(
    r"[ \t]*(?:"
    + "|".join(f"(?P<{kind}>{_ANY_SPACE.join(words.split())})" for kind, words in HEADINGS.items())
    + r")[ \t]*(?::[ \t]*(?P<rest>[^\n]*))?$",
    re.IGNORECASE,
    initials="[" + "".join(sorted({letter for words in HEADINGS.values() for letter in _initials(words)})) + "]",
)
_B_LETTERHEAD = re.compile(r"MAXIMUS\s+FEDERAL\s+SERVICES,?\s+INC\b[\s\S]{0,3000}?Final\s+Determination\s*:", re.I)


@dataclass(frozen=True)
class Section:
    """One section of a letter: its key, title and text span."""

    key: str
    title: str
    start: int
    body_start: int
    end: int


@dataclass(frozen=True)
class Heading:
    """One heading found in a letter."""

    kind: str
    start: int
    body_start: int


def scan_headings(text: str) -> dict[str, Heading]:
    """The first heading of each kind in ``text``."""
    found: dict[str, Heading] = {}
    for match in _SCAN.finditer(text):
        kind = next(k for k in HEADINGS if match.group(k) is not None)
        body_start = match.start("rest") if match.group("rest") else match.end()
        found.setdefault(kind, Heading(kind, match.start(), body_start))
    return found


def detect_format(text: str, headings: dict[str, Heading]) -> str:
    """``A``, ``B`` or ``C``; raises ``ParseError`` when no format's headings are present."""
    if "professional_review" in headings:
        return "C"
    if "issues_b" in headings:
        return "B"
    if {"issues_c", "guidelines", "rationale"} & headings.keys():
        return "C"
    if "issues_a" in headings:
        return "A"
    if {"how_made", "summary"} & headings.keys():
        return "B" if _B_LETTERHEAD.search(text) else "A"
    raise ParseError("not an IMR determination letter: none of the format A, B or C section headings found")


def sections_of(text: str, fmt: str, headings: dict[str, Heading]) -> list[Section]:
    """The sections of format ``fmt`` in letter order, each ending where the next begins."""
    present = sorted(
        ((headings[kind], key, title) for kind, key, title in FORMATS[fmt] if kind in headings),
        key=lambda found: found[0].start,
    )
    return [
        Section(key, title, h.start, h.body_start, present[i + 1][0].start if i + 1 < len(present) else len(text))
        for i, (h, key, title) in enumerate(present)
    ]
