"""The letter parser: IMR final determination letter text in, ``ParsedLetter`` out.

Pure Python (no Django), so it runs in worker processes and plain pytest.

- ``parse_letter(text)`` cleans the text (``text``), detects the format
  (``sections``), reads the header (``header``), reviewer (``reviewer``),
  patient (``patient``) and the disputed items of format A, B or C
  (``format_a``/``format_b``/``format_c``), and checks the signals against each
  other. A text that is no IMR letter, or has no disputed item with an
  outcome, raises ``ParseError`` with a reason a person can act on.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from . import format_a, format_b, format_c
from .header import parse_header
from .letter import ParsedItem, ParsedLetter, ParseError
from .patient import parse_patient
from .reviewer import parse_reviewer
from .sections import detect_format, scan_headings, sections_of
from .text import clean_text

__all__ = ["ParseError", "ParsedLetter", "parse_letter"]

_MAX_CONTROL_SHARE = 0.01
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f\ufffd\ud800-\udfff]")
#: The characters of ``_CONTROL`` in ASCII (an ASCII text without one has none).
_ASCII_CONTROLS = tuple(map(chr, [*range(0x09), 0x0B, *range(0x0E, 0x20), 0x7F]))


def parse_letter(text: str, redact: Callable[[str], str] | None = None) -> ParsedLetter:
    """The letter in ``text``; raises ``ParseError`` with the reason when it cannot be read as one.

    ``redact``, when given, rewrites the cleaned text before anything is read from it (ingest passes
    de-identification here, so every field of the result is already de-identified).
    """
    _refuse_binary(text)
    cleaned = clean_text(text)
    if redact is not None:
        cleaned = redact(cleaned)
    if not cleaned:
        raise ParseError("empty text: nothing to parse")
    headings = scan_headings(cleaned)
    fmt = detect_format(cleaned, headings)
    sections = sections_of(cleaned, fmt, headings)
    bodies = {s.key: cleaned[s.body_start : s.end].strip() for s in sections}
    header = parse_header(cleaned[: sections[0].start] if sections else cleaned)
    items, warnings = _items(fmt, cleaned, bodies)
    if not items:
        raise ParseError("no disputed item with an outcome found")
    if fmt == "B" and header.final_determination:
        warnings += _final_determination_warnings(header.final_determination, items)
    reviewer_text = bodies.get("qualifications" if fmt == "C" else "how_made") or cleaned
    return ParsedLetter(
        format=fmt,
        case_number=header.case_number,
        decision_date=header.decision_date,
        date_assigned=header.date_assigned,
        ur_denial_date=header.ur_denial_date,
        application_received=header.application_received,
        priority=header.priority,
        reviewer=parse_reviewer(reviewer_text),
        patient=parse_patient(bodies.get("summary") or cleaned, header.injury_year),
        items=items,
        sections={s.title: bodies[s.key] for s in sections},
        text=cleaned,
        warnings=warnings,
    )


def _refuse_binary(text: str) -> None:
    sample = text[:4096]
    if sample.isascii() and not any(control in sample for control in _ASCII_CONTROLS):
        return
    controls = len(_CONTROL.findall(sample))
    if sample and controls > max(4, len(sample) * _MAX_CONTROL_SHARE):
        raise ParseError("not a text letter: the input looks like binary data")


def _items(fmt: str, text: str, bodies: dict[str, str]) -> tuple[list[ParsedItem], list[str]]:
    if fmt == "A":
        return format_a.read_items(bodies.get("issues", text))
    if fmt == "B":
        if "issues" not in bodies:
            raise ParseError("no disputed item with an outcome found: the IMR decisions section is missing")
        return format_b.read_items(bodies["issues"])
    if "issues" not in bodies:
        raise ParseError("no disputed item with an outcome found: ISSUE AT DISPUTE section is missing")
    return format_c.read_items(bodies["issues"], bodies.get("guidelines", ""), bodies.get("rationale", ""))


def _final_determination_warnings(final: str, items: list[ParsedItem]) -> list[str]:
    """Warnings where the letter-level Final Determination contradicts the items' outcomes."""
    outcomes = {item.outcome for item in items}
    if final == "UPHOLD":
        expected = "upheld"
    elif final == "OVERTURN":
        expected = "overturned"
    else:
        if len(outcomes) > 1:
            return []
        return [f"Final Determination {final} contradicts the items, which are all {outcomes.pop()}"]
    concluded = "not medically necessary" if expected == "overturned" else "medically necessary"
    return [
        f"Final Determination {final} contradicts item {item.position} ({item.request}), "
        f"which is concluded {concluded} ({item.outcome})"
        for item in items
        if item.outcome != expected
    ]
