"""De-identification (DESIGN.md section 5), applied before anything is stored.

Published letters are redacted by DWC, but leftovers happen. ``deidentify``
returns a copy of a parsed letter in which every text field has had

- patient names (found by their labels, by salutations and honorifics, and by
  phrases such as "the injured worker, Jane Doe,") and every later mention of
  them, claim numbers, Social Security numbers, phone and fax numbers, e-mail
  addresses, street addresses and their city/ZIP lines replaced by
  ``[REDACTED]``;
- patient-specific dates (injury, service, birth, and every other date in the
  body) reduced to their year (``01/10/2014`` -> ``2014``);
- ages of 90 and over folded to 90.

Only the public-record citation dates that label themselves in the header
(decision date, date assigned, UR denial date, application received) keep
their full form in the stored letter text. Pure Python, no Django import.

Speed matters (a million letters go through this): every rule is a
case-sensitive pattern, most have a cheap guard, and a rule runs on the
letter's fields only when it found something in the letter's whole text.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from .parsing.letter import ParsedLetter, PatientProfile

REDACTED = "[REDACTED]"


def _cased(*words: str) -> str:
    """An alternation matching each word as written, in lower case and in upper case."""
    variants: dict[str, None] = {}
    for word in words:
        for form in (word, word[0].lower() + word[1:], word.upper()):
            variants.setdefault(form.replace(" ", r"\s+"), None)
    return "|".join(variants)


# --- dates and ages ---------------------------------------------------------------------------------------------

_MONTH_NAMES = (
    "Jan", "January", "Feb", "February", "Mar", "March", "Apr", "April", "May", "Jun", "June", "Jul", "July",
    "Aug", "August", "Sep", "Sept", "September", "Oct", "October", "Nov", "November", "Dec", "December",
)  # fmt: skip
_MONTHS = "|".join(sorted({m for name in _MONTH_NAMES for m in (name, name.upper())}, key=len, reverse=True))
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
_YEAR_AFTER_NAME = r",?\s+(?P<{}>(?:19|20)\d\d)(?![\w/]|-\d)"
#: Dates in the forms letters use. Each alternative starts with a digit or a capitalised month name,
#: which keeps the scan fast; the character before a match is checked by the caller.
DATE = re.compile(
    r"(?:0?[1-9]|1[0-2])(?P<sep>[/.-])" + _DAY + r"(?P=sep)(?P<year>(?:19|20)?\d\d)(?![\w/]|-\d)"
    r"|(?P<iso_year>(?:19|20)\d\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w/]|-\d)"
    rf"|(?:{_MONTHS})\.?\s+{_DAY}(?:st|nd|rd|th)?" + _YEAR_AFTER_NAME.format("long_year")
    + rf"|{_DAY}\s+(?:{_MONTHS})\.?" + _YEAR_AFTER_NAME.format("dmy_year")
)
#: A public citation-date label directly before a date (header fields kept in full).
_PUBLIC_DATE_LABEL = re.compile(
    r"(?:Decision\s+Date|Date\s+Assigned|UR\s+Denial\s+Date|Received|Date\s+of\s+UR\s+Decision|Dated)\s*:\s*$",
    re.IGNORECASE,
)
OLD_AGE = re.compile(r"(?:9\d|1[01]\d)(?=(?:\s*|-)(?:[Yy]ears?|YEARS?)(?:\s*|-)(?:old|OLD)\b|\s*y/?o\b)")

# --- names ------------------------------------------------------------------------------------------------------

_NAME_WORD = r"[A-Z][a-zA-Z'’-]+"
_NAME = rf"{_NAME_WORD}(?:\s+[A-Z]\.)?(?:[ \t]+{_NAME_WORD}){{0,2}}"
_PERSON_LABELS = _cased(
    "Employee", "Patient Name", "Patient's Name", "Patient", "Injured Worker", "Claimant", "Applicant", "Member",
    "Name", "Re", "Requesting Physician", "Treating Physician", "Provider", "Physician",
)  # fmt: skip
PERSON_FIELD = re.compile(
    rf"^(?P<label>[ \t]*(?:{_PERSON_LABELS})[ \t]*:[ \t]*)(?P<value>{_NAME})[ \t]*$", re.MULTILINE
)
SALUTATION = re.compile(
    rf"(?P<label>(?:Dear|DEAR)[ \t]+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+)?)(?P<value>{_NAME})(?=[ \t]*[:,])"
)
HONORIFIC = re.compile(rf"(?P<label>(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+)(?P<value>{_NAME})")
NAMED_PERSON = re.compile(
    rf"(?P<label>(?:{_cased('patient', 'claimant', 'applicant', 'injured worker', 'employee', 'worker')})"
    r"(?:,[ \t]*|[ \t]+(?:named|is\s+named|known\s+as)[ \t]+|'s\s+name\s+is[ \t]+))"
    rf"(?P<value>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}})(?=[ \t]*[,.;)]|[ \t]+(?:is|was|has|had)\b)"
)
#: Words that look like names after a label but are not (kept to avoid redacting prose).
_NOT_NAMES = frozenset(
    "redacted the a an he she they this that patient claimant applicant employee worker injured unknown none "
    "not n/a standard expedited is was".split()
)

# --- numbers and addresses ----------------------------------------------------------------------------------------

_ORG_FIELDS = _cased("Claims Administrator", "Employer", "Insurer", "Carrier", "Attorney", "Address", "City", "Street")
ORG_FIELD = re.compile(rf"^(?P<label>[ \t]*(?:{_ORG_FIELDS})[ \t]*:[ \t]*)(?P<value>\S.*?)[ \t]*$", re.MULTILINE)
CLAIM_NUMBER = re.compile(
    rf"(?P<label>(?:{_cased('Claim', 'Policy', 'Member', 'Account', 'File', 'Medical Record', 'MRN')})\s*"
    rf"(?:{_cased('Number', 'No', 'No.', 'Num.')}|#|ID)\s*:?\s*)"
    r"(?P<value>(?!\[)[A-Za-z0-9][A-Za-z0-9./-]*\d[A-Za-z0-9./-]*)"
)
ADJ_NUMBER = re.compile(r"ADJ\s?\d{5,9}\b")
SSN = re.compile(
    rf"(?P<label>(?:SSN|SS#|{_cased('Social Security')})(?:\s+(?:{_cased('Number', 'No.')}|#))?\s*[:#]?\s*)"
    r"(?P<value>\d{3}[- .]?\d{2}[- .]?\d{4})(?!\d)"
    r"|(?P<bare>\d{3}-\d{2}-\d{4})(?![\d-])"
)
PHONE = re.compile(r"(?:\+?1[ .-]?)?(?:\(\d{3}\)[ .-]?|\d{3}[ .-])\d{3}[ .-]\d{4}(?![\w/-])")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_STREET_SUFFIX = (
    r"Street|St|Avenue|Ave|Boulevard|Blvd|Road|Rd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Parkway|Pkwy|"
    r"Highway|Hwy|Circle|Cir|Terrace|Ter|Trail|Trl|Plaza|Square|Sq|Alley"
)
STREET_ADDRESS = re.compile(
    rf"\d{{1,6}}[ \t]+(?:[NSEW]\.?[ \t]+)?(?:[A-Z0-9][\w'.-]*[ \t]+){{1,4}}(?:{_STREET_SUFFIX})\b\.?"
    rf"(?:,?[ \t]*(?:Suite|Ste\.?|Apt\.?|Apartment|Unit|#)[ \t]*[\w-]+)?"
)
PO_BOX = re.compile(rf"P\.?\s*O\.?\s*(?:{_cased('Box')})\s+\d+\b")
_STATES = (
    r"A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|"
    r"V[TA]|W[AVIY]|California"
)
CITY_STATE_ZIP = re.compile(
    rf"(?:[A-Z][a-zA-Z.'-]+[ \t]){{0,3}}[A-Z][a-zA-Z.'-]+,?\s+(?:{_STATES})\s+\d{{5}}(?:-\d{{4}})?\b"
)
_WORD_BEFORE = re.compile(r"[\w/.@-]")


@dataclass(frozen=True)
class _Rule:
    """One redaction: a pattern, an optional cheap test of the whole letter, and how to replace a match."""

    pattern: re.Pattern[str]
    replace: Callable[[re.Match[str]], str]
    guard: Callable[[str], bool] = lambda text: True
    whole_word: bool = True


def _labelled(match: re.Match[str]) -> str:
    first_word = match.group("value").split()[0].casefold().strip("[]")
    return match.group(0) if first_word in _NOT_NAMES else match.group("label") + REDACTED


def _ssn(match: re.Match[str]) -> str:
    return (match.group("label") or "") + REDACTED


def _redacted(match: re.Match[str]) -> str:
    return REDACTED


def _contains(*needles: str) -> Callable[[str], bool]:
    return lambda text: any(needle in text for needle in needles)


RULES = (
    _Rule(PERSON_FIELD, _labelled, _contains(":")),
    _Rule(SALUTATION, _labelled, _contains("Dear", "DEAR")),
    _Rule(HONORIFIC, _labelled, _contains("Mr", "Ms", "Miss", "Mx", "Dr")),
    _Rule(NAMED_PERSON, _labelled),
    _Rule(ORG_FIELD, _labelled, _contains(":")),
    _Rule(EMAIL, _redacted, _contains("@"), whole_word=False),
    _Rule(SSN, _ssn),
    _Rule(CLAIM_NUMBER, _labelled),
    _Rule(ADJ_NUMBER, _redacted, _contains("ADJ")),
    _Rule(PHONE, _redacted),
    _Rule(STREET_ADDRESS, _redacted),
    _Rule(PO_BOX, _redacted, _contains("Box", "BOX", "box")),
    _Rule(CITY_STATE_ZIP, _redacted),
    _Rule(OLD_AGE, lambda match: "90"),
)


def deidentify(letter: ParsedLetter, source_name: str = "") -> tuple[ParsedLetter, str]:
    """A copy of ``letter`` (and ``source_name``) with every identifier redacted."""
    clean = _Redactor(letter.text)
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
    redacted = dataclasses.replace(
        letter,
        items=items,
        patient=_patient(letter.patient, clean),
        sections={title: clean(body) for title, body in letter.sections.items()},
        text=clean(letter.text, keep_public_dates=True),
    )
    return redacted, clean.file_name(source_name)


def _patient(patient: PatientProfile, clean: _Redactor) -> PatientProfile:
    return dataclasses.replace(
        patient,
        age=min(patient.age, 90) if patient.age is not None else None,
        mechanism=clean(patient.mechanism) if patient.mechanism else patient.mechanism,
        diagnoses=tuple(clean(d) for d in patient.diagnoses),
    )


def find_names(text: str) -> set[str]:
    """Person names the letter reveals through labels, salutations, honorifics or phrases."""
    found: set[str] = set()
    for pattern in (PERSON_FIELD, SALUTATION, HONORIFIC, NAMED_PERSON):
        for match in pattern.finditer(text):
            words = [w for w in match.group("value").split() if w.strip(".").casefold() not in _NOT_NAMES]
            if words and match.group("value").split()[0].casefold() not in _NOT_NAMES:
                found.add(" ".join(words))
    return found


def redact_text(text: str, names: Iterable[str] = ()) -> str:
    """``text`` on its own with identifiers redacted and every date reduced to its year."""
    return _Redactor(text, set(names))(text)


class _Redactor:
    """The redaction rules that apply to one letter, with the names it reveals."""

    def __init__(self, letter_text: str, extra_names: set[str] = frozenset()) -> None:
        self.rules = [rule for rule in RULES if rule.guard(letter_text) and rule.pattern.search(letter_text)]
        parts: set[str] = set()
        for name in find_names(letter_text) | set(extra_names):
            parts.add(name)
            parts.update(w for w in name.split() if len(w) > 2 and not w.endswith("."))
        alternatives = "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True))
        self.name_pattern = re.compile(rf"\b(?:{alternatives})\b") if parts else None
        self.any_case_name_pattern = re.compile(alternatives, re.IGNORECASE) if parts else None

    def file_name(self, name: str) -> str:
        """A source file name with the letter's names removed in any case (``smith_imr.pdf``)."""
        if self.any_case_name_pattern is not None:
            name = self.any_case_name_pattern.sub("REDACTED", name)
        return _Redactor(name)(name)

    def __call__(self, text: str, keep_public_dates: bool = False) -> str:
        if not text:
            return text
        for rule in self.rules:
            text = _apply(rule, text)
        if self.name_pattern is not None:
            text = self.name_pattern.sub(REDACTED, text)
        return _reduce_dates(text, keep_public_dates)


def _apply(rule: _Rule, text: str) -> str:
    def replace(match: re.Match[str]) -> str:
        start = match.start()
        if rule.whole_word and start and _WORD_BEFORE.match(text, start - 1):
            return match.group(0)
        return rule.replace(match)

    return rule.pattern.sub(replace, text)


def _reduce_dates(text: str, keep_public_dates: bool) -> str:
    def replace(match: re.Match[str]) -> str:
        start = match.start()
        if start and _WORD_BEFORE.match(text, start - 1):
            return match.group(0)
        if keep_public_dates and _PUBLIC_DATE_LABEL.search(text, max(0, start - 40), start):
            return match.group(0)
        return _year(match)

    return DATE.sub(replace, text)


def _year(match: re.Match[str]) -> str:
    year = next(match.group(g) for g in ("year", "iso_year", "long_year", "dmy_year") if match.group(g))
    return ("20" if int(year) < 50 else "19") + year if len(year) == 2 else year
