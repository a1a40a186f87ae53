"""De-identification (DESIGN.md section 5), applied before anything is stored.

Published letters are redacted by DWC, but leftovers happen. A ``Redactor``
is applied to a letter's cleaned text before the parser reads anything out of
it (``parse_letter(text, redact=...)``), so every stored field comes from text
that has had

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

Speed matters (a million letters go through this): every rule is a simple,
case-sensitive pattern (Python's regex engine scans those several times
faster), most have a cheap guard, and the text is redacted once, not field by
field.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass

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
_DATE_END = r"(?![\w/]|-\d)"
#: Dates in the forms letters use, one simple pattern per form: Python's regex engine scans a
#: pattern that starts with one kind of character several times faster than an alternation.
DATES = (
    re.compile(r"(?:0?[1-9]|1[0-2])(?P<sep>[/.-])" + _DAY + r"(?P=sep)(?P<year>(?:19|20)?\d\d)" + _DATE_END),
    re.compile(r"(?P<year>(?:19|20)\d\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])" + _DATE_END),
    re.compile(rf"(?:{_MONTHS})\.?\s+{_DAY}(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)" + _DATE_END),
    re.compile(rf"{_DAY}\s+(?:{_MONTHS})\.?,?\s+(?P<year>(?:19|20)\d\d)" + _DATE_END),
)
#: A public citation-date label directly before a date (header fields kept in full).
_PUBLIC_DATE_LABEL = re.compile(
    r"(?:Decision\s+Date|Date\s+of\s+(?:IMR\s+)?Decision|Dated|Date\s+Assigned|UR\s+Denial\s+Date"
    r"|Date\s+of\s+UR\s+(?:Decision|Denial)|UR\s+Decision\s+Date|Received)\s*:\s*$",
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
LABELLED_SSN = re.compile(
    rf"(?P<label>(?:SSN|SS#|{_cased('Social Security')})(?:\s+(?:{_cased('Number', 'No.')}|#))?\s*[:#]?\s*)"
    r"(?P<value>\d{3}[- .]?\d{2}[- .]?\d{4})(?!\d)"
)
SSN = re.compile(r"\d{3}-\d{2}-\d{4}(?![\d-])")
PHONE = re.compile(r"\d{3}[ .-]\d{3}[ .-]\d{4}(?![\w/-])")
PHONE_WITH_AREA_CODE = re.compile(r"\(\d{3}\)[ .-]?\d{3}[ .-]\d{4}(?![\w/-])")
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
ZIP = re.compile(r"\d{5}(?:-\d{4})?\b")
#: A city and state directly before a ZIP code (matched backwards from the ZIP, which is rare and cheap to find).
_CITY_STATE_BEFORE = re.compile(rf"(?:[A-Z][a-zA-Z.'-]+[ \t]){{0,3}}[A-Z][a-zA-Z.'-]+,?\s+(?:{_STATES})\s+$")
_WORD_BEFORE = re.compile(r"[\w/.@-]")


@dataclass(frozen=True)
class _Rule:
    """One redaction: a pattern, an optional cheap test of the whole letter, and how to replace a match."""

    pattern: re.Pattern[str]
    #: The replacement for a match, or ``None`` to leave it.
    replace: Callable[[re.Match[str]], str | None]
    guard: Callable[[str], bool] = lambda text: True
    whole_word: bool = True
    #: Where the redacted span starts when it reaches back before the match.
    start_of: Callable[[re.Match[str]], int] = re.Match.start


def _labelled(match: re.Match[str]) -> str | None:
    first_word = match.group("value").split()[0].casefold().strip("[]")
    return None if first_word in _NOT_NAMES else match.group("label") + REDACTED


def _city_state(match: re.Match[str]) -> re.Match[str] | None:
    return _CITY_STATE_BEFORE.search(match.string, max(0, match.start() - 60), match.start())


def _city_state_zip(match: re.Match[str]) -> str | None:
    """Only a ZIP that follows a city and state is an address; other five-digit numbers stay."""
    return REDACTED if _city_state(match) else None


def _city_start(match: re.Match[str]) -> int:
    city = _city_state(match)
    return city.start() if city else match.start()


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
    _Rule(LABELLED_SSN, _labelled, _contains("SS", "ocial", "OCIAL")),
    _Rule(SSN, _redacted),
    _Rule(CLAIM_NUMBER, _labelled),
    _Rule(ADJ_NUMBER, _redacted, _contains("ADJ")),
    _Rule(PHONE, _redacted),
    _Rule(PHONE_WITH_AREA_CODE, _redacted, _contains("(")),
    _Rule(STREET_ADDRESS, _redacted),
    _Rule(PO_BOX, _redacted, _contains("Box", "BOX", "box")),
    _Rule(ZIP, _city_state_zip, start_of=_city_start),
    _Rule(OLD_AGE, lambda match: "90"),
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
    return Redactor(text, set(names))(text)


class Redactor:
    """Redacts one letter: every rule, the names the letter reveals, and its patient dates.

    Built from the letter's whole text (where labels reveal names); call it on
    the letter text the parser reads, so every field it takes out is already
    de-identified, and on the file name.
    """

    def __init__(self, letter_text: str, extra_names: Iterable[str] = ()) -> None:
        parts: set[str] = set()
        for name in find_names(letter_text) | set(extra_names):
            parts.add(name)
            parts.update(w for w in name.split() if len(w) > 2 and not w.endswith("."))
        alternatives = "|".join(re.escape(p) for p in sorted(parts, key=len, reverse=True))
        self.name_pattern = re.compile(rf"\b(?:{alternatives})\b") if parts else None
        self.any_case_name_pattern = re.compile(alternatives, re.IGNORECASE) if parts else None

    def __call__(self, text: str, keep_public_dates: bool = False) -> str:
        """``text`` redacted; ``keep_public_dates`` keeps the header's citation dates in full."""
        if not text:
            return text
        for rule in RULES:
            if rule.guard(text):
                text = _apply(rule, text)
        if self.name_pattern is not None:
            text = self.name_pattern.sub(REDACTED, text)
        for pattern in DATES:
            text = pattern.sub(lambda match: _date_replacement(match, keep_public_dates), text)
        return text

    def letter(self, text: str) -> str:
        """A whole letter's text redacted, its public citation dates kept."""
        return self(text, keep_public_dates=True)

    def file_name(self, name: str) -> str:
        """A source file name with the letter's names removed in any case (``smith_imr.pdf``)."""
        if self.any_case_name_pattern is not None:
            name = self.any_case_name_pattern.sub("REDACTED", name)
        return Redactor(name)(name)


def _apply(rule: _Rule, text: str) -> str:
    pieces: list[str] = []
    done = 0
    for match in rule.pattern.finditer(text):
        start = match.start()
        if rule.whole_word and start and _WORD_BEFORE.match(text, start - 1):
            continue
        replacement = rule.replace(match)
        if replacement is None:
            continue
        begin = max(rule.start_of(match), done)
        pieces += (text[done:begin], replacement)
        done = match.end()
    return "".join(pieces) + text[done:] if pieces else text


def _date_replacement(match: re.Match[str], keep_public_date: bool) -> str:
    text, start = match.string, match.start()
    if start and _WORD_BEFORE.match(text, start - 1):
        return match.group(0)
    if keep_public_date and _PUBLIC_DATE_LABEL.search(text, max(0, start - 40), start):
        return match.group(0)
    return _year(match)


def _year(match: re.Match[str]) -> str:
    year = match.group("year")
    return ("20" if int(year) < 50 else "19") + year if len(year) == 2 else year
