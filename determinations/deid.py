"""De-identification (DESIGN.md section 5), applied before anything is stored.

Published letters are redacted by DWC, but leftovers happen. ``deidentify``
returns a copy of a parsed letter in which every text field has had

- patient names (found by their labels, by honorifics and by phrases such as
  "the injured worker, Jane Doe,") and every later mention of them, claim
  numbers, Social Security numbers, phone and fax numbers, e-mail addresses,
  street addresses and their city/ZIP lines replaced by ``[REDACTED]``;
- patient-specific dates (injury, service, birth, and every other date in the
  body) reduced to their year (``01/10/2014`` -> ``2014``);
- ages of 90 and over folded to 90.

Only the public-record citation dates that label themselves in the header
(decision date, date assigned, UR denial date, application received) keep
their full form. Pure Python, no Django import.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from .parsing.letter import ParsedLetter, PatientProfile

REDACTED = "[REDACTED]"

_MONTHS = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
    r"Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)"
)
_NUMERIC_DATE = r"(?:0?[1-9]|1[0-2])(?P<sep>[/.-])(?:0?[1-9]|[12]\d|3[01])(?P=sep)(?P<year>(?:19|20)?\d\d)"
_ISO_DATE = r"(?P<iso_year>(?:19|20)\d\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])"
_LONG_DATE = rf"{_MONTHS}\.?\s+(?:0?[1-9]|[12]\d|3[01])(?:st|nd|rd|th)?,?\s+(?P<long_year>(?:19|20)\d\d)"
_DAY_FIRST_DATE = rf"(?:0?[1-9]|[12]\d|3[01])\s+{_MONTHS}\.?,?\s+(?P<dmy_year>(?:19|20)\d\d)"
DATE = re.compile(
    rf"(?<![\w/.-])(?:{_NUMERIC_DATE}|{_ISO_DATE}|{_LONG_DATE}|{_DAY_FIRST_DATE})(?![\w/]|-\d)",
    re.IGNORECASE,
)

#: A public citation-date label directly before a date (header fields kept in full).
_PUBLIC_DATE_LABEL = re.compile(
    r"(?:Decision\s+Date|Date\s+Assigned|UR\s+Denial\s+Date|Received|Date\s+of\s+UR\s+Decision|Dated)\s*:\s*$",
    re.IGNORECASE,
)

_NAME_WORD = r"[A-Z][a-zA-Z'’-]+"
_NAME = rf"{_NAME_WORD}(?:\s+[A-Z]\.)?(?:[ \t]+{_NAME_WORD}){{0,2}}"
_PERSON_LABELS = (
    r"Employee|Patient(?:'s)?\s+Name|Patient|Injured\s+Worker|Claimant|Applicant|Member|Name|Re|"
    r"Requesting\s+Physician|Treating\s+Physician|Provider|Physician"
)
PERSON_FIELD = re.compile(
    rf"^(?P<label>[ \t]*(?:{_PERSON_LABELS})[ \t]*:[ \t]*)(?P<value>{_NAME})[ \t]*$", re.MULTILINE
)
SALUTATION = re.compile(rf"(?P<label>\bDear[ \t]+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+)?)(?P<value>{_NAME})(?=[ \t]*[:,])")
HONORIFIC = re.compile(rf"(?P<label>\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+)(?P<value>{_NAME})")
NAMED_PERSON = re.compile(
    rf"(?P<label>\b(?i:patient|claimant|applicant|injured\s+worker|employee|worker)"
    rf"(?:,[ \t]*|[ \t]+(?i:named|is\s+named|known\s+as)[ \t]+|'s\s+name\s+is[ \t]+))"
    rf"(?P<value>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}})(?=[ \t]*[,.;)]|[ \t]+(?:is|was|has|had)\b)"
)

_ORG_FIELDS = r"Claims\s+Administrator|Employer|Insurer|Carrier|Attorney|Address|City|Street"
ORG_FIELD = re.compile(rf"^(?P<label>[ \t]*(?:{_ORG_FIELDS})[ \t]*:[ \t]*)(?P<value>\S.*?)[ \t]*$", re.MULTILINE)
CLAIM_NUMBER = re.compile(
    r"(?P<label>\b(?:claim|policy|member|account|file|medical\s+record|MRN)\s*(?:number|no\.?|num\.?|#|ID)"
    r"\s*:?\s*)(?P<value>(?!\[)[A-Z0-9][A-Z0-9./-]*\d[A-Z0-9./-]*)",
    re.IGNORECASE,
)
ADJ_NUMBER = re.compile(r"\bADJ\s?\d{5,9}\b", re.IGNORECASE)
SSN = re.compile(
    r"(?P<label>\b(?:SSN|SS#|Social\s+Security(?:\s+(?:Number|No\.?|#))?)\s*[:#]?\s*)"
    r"(?P<value>\d{3}[- .]?\d{2}[- .]?\d{4})(?!\d)"
    r"|(?P<bare>(?<![\d-])\d{3}-\d{2}-\d{4}(?![\d-]))",
    re.IGNORECASE,
)
PHONE = re.compile(r"(?<![\w/-])(?:\+?1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w/-])")
EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_STREET_SUFFIX = (
    r"Street|St|Avenue|Ave|Boulevard|Blvd|Road|Rd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Parkway|Pkwy|"
    r"Highway|Hwy|Circle|Cir|Terrace|Ter|Trail|Trl|Plaza|Square|Sq|Alley"
)
STREET_ADDRESS = re.compile(
    rf"\b\d{{1,6}}[ \t]+(?:[NSEW]\.?[ \t]+)?(?:[A-Z0-9][\w'.-]*[ \t]+){{1,4}}(?:{_STREET_SUFFIX})\b\.?"
    rf"(?:,?[ \t]*(?:Suite|Ste\.?|Apt\.?|Apartment|Unit|#)[ \t]*[\w-]+)?"
)
PO_BOX = re.compile(r"\bP\.?\s*O\.?\s*Box\s+\d+\b", re.IGNORECASE)
_STATES = (
    r"A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|"
    r"V[TA]|W[AVIY]|California"
)
CITY_STATE_ZIP = re.compile(
    rf"\b(?:[A-Z][a-zA-Z.'-]+[ \t]){{0,3}}[A-Z][a-zA-Z.'-]+,?\s+(?:{_STATES})\s+\d{{5}}(?:-\d{{4}})?\b"
)
OLD_AGE = re.compile(r"\b(?:9\d|1[01]\d)(?=(?:\s*|-)years?(?:\s*|-)old\b|\s*y/?o\b)", re.IGNORECASE)

#: Words that look like names after a label but are not (kept to avoid redacting prose).
_NOT_NAMES = {
    "redacted",
    "the",
    "a",
    "an",
    "he",
    "she",
    "they",
    "this",
    "that",
    "patient",
    "claimant",
    "applicant",
    "employee",
    "worker",
    "injured",
    "unknown",
    "none",
    "not",
    "n/a",
    "standard",
    "expedited",
    "is",
    "was",
}


def deidentify(letter: ParsedLetter, source_name: str = "") -> tuple[ParsedLetter, str]:
    """A copy of ``letter`` (and ``source_name``) with every identifier redacted."""
    names = find_names(letter.text)
    clean = _Redactor(names)
    items = [
        dataclasses.replace(
            item,
            request=clean(item.request),
            claims_administrator_citation=clean(item.claims_administrator_citation),
            reviewer_citation=clean(item.reviewer_citation),
            rationale=clean(item.rationale),
        )
        for item in letter.items
    ]
    patient = _patient(letter.patient, clean)
    redacted = dataclasses.replace(
        letter,
        items=items,
        patient=patient,
        sections={title: clean(body) for title, body in letter.sections.items()},
        text=clean(letter.text, keep_public_dates=True),
    )
    return redacted, clean.file_name(source_name)


def _patient(patient: PatientProfile, clean: _Redactor) -> PatientProfile:
    age = min(patient.age, 90) if patient.age is not None else None
    return dataclasses.replace(
        patient,
        age=age,
        mechanism=clean(patient.mechanism) if patient.mechanism else patient.mechanism,
        diagnoses=tuple(clean(d) for d in patient.diagnoses),
    )


def find_names(text: str) -> set[str]:
    """Person names the letter reveals through labels, salutations, honorifics or phrases."""
    found: set[str] = set()
    for pattern in (PERSON_FIELD, SALUTATION, HONORIFIC, NAMED_PERSON):
        for match in pattern.finditer(text):
            value = match.group("value").strip()
            words = [w for w in re.split(r"\s+", value) if w.strip(".").casefold() not in _NOT_NAMES]
            if words and words[0].casefold() not in _NOT_NAMES:
                found.add(" ".join(words))
    return found


def redact_text(text: str, names: Iterable[str] = ()) -> str:
    """``text`` with identifiers redacted and every date reduced to its year."""
    return _Redactor(set(names))(text)


class _Redactor:
    """Applies every redaction rule, with the letter's known names, to one text."""

    def __init__(self, names: set[str]) -> None:
        parts = set()
        for name in names:
            parts.add(name)
            parts.update(w for w in name.split() if len(w) > 2 and not w.endswith("."))
        alternatives = "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True))
        self.name_pattern = re.compile(rf"\b(?:{alternatives})\b") if parts else None
        self.any_case_name_pattern = re.compile(alternatives, re.IGNORECASE) if parts else None

    def file_name(self, name: str) -> str:
        """A source file name with the letter's names removed in any case (``smith_imr.pdf``)."""
        if self.any_case_name_pattern is not None:
            name = self.any_case_name_pattern.sub("REDACTED", name)
        return self(name)

    def __call__(self, text: str, keep_public_dates: bool = False) -> str:
        if not text:
            return text
        text = _redact_labelled(PERSON_FIELD, text)
        text = _redact_labelled(SALUTATION, text)
        text = _redact_labelled(HONORIFIC, text)
        text = _redact_labelled(NAMED_PERSON, text)
        text = _redact_labelled(ORG_FIELD, text)
        if self.name_pattern is not None:
            text = self.name_pattern.sub(REDACTED, text)
        text = EMAIL.sub(REDACTED, text)
        text = SSN.sub(lambda m: (m.group("label") or "") + REDACTED, text)
        text = _redact_labelled(CLAIM_NUMBER, text)
        text = ADJ_NUMBER.sub(REDACTED, text)
        text = PHONE.sub(REDACTED, text)
        text = STREET_ADDRESS.sub(REDACTED, text)
        text = PO_BOX.sub(REDACTED, text)
        text = CITY_STATE_ZIP.sub(REDACTED, text)
        text = OLD_AGE.sub("90", text)
        return _reduce_dates(text, keep_public_dates)


def _redact_labelled(pattern: re.Pattern[str], text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        value = match.group("value")
        if value.strip().casefold().strip("[]") in _NOT_NAMES or value.strip().split()[0].casefold() in _NOT_NAMES:
            return match.group(0)
        return match.group("label") + REDACTED

    return pattern.sub(replace, text)


def _reduce_dates(text: str, keep_public_dates: bool) -> str:
    def replace(match: re.Match[str]) -> str:
        before = text[max(0, match.start() - 40) : match.start()]
        if keep_public_dates and _PUBLIC_DATE_LABEL.search(before):
            return match.group(0)
        return _year(match)

    return DATE.sub(replace, text)


def _year(match: re.Match[str]) -> str:
    year = match.group("year") or match.group("iso_year") or match.group("long_year") or match.group("dmy_year")
    if len(year) == 2:
        year = ("20" if int(year) < 50 else "19") + year
    return year
