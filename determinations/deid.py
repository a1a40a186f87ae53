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

Speed matters (a million letters go through this, and most hold none of these
identifiers). Python's regex engine scans for a pattern that starts with a
literal several times faster than for one that starts with a character class,
and that one several times faster than for an alternation or a pattern that
starts with a lookbehind, ``\\b`` or a repeat, which it tries at every
position. So every rule is a case-sensitive pattern that starts with a literal
or a character class, and every rule that rarely matches has a guard: a
cheaper test (``in``, or a literal-led pattern) that holds whenever the rule's
pattern can match the text, so that skipping the rule when it fails changes
nothing. "Label: value" lines are found from their colon. The text is redacted
once, not field by field.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache, partial

REDACTED = "[REDACTED]"

Guard = Callable[[str], bool]


def _cased(*words: str) -> str:
    """An alternation matching each word as written, in lower case and in upper case."""
    variants: dict[str, None] = {}
    for word in words:
        for form in (word, word[0].lower() + word[1:], word.upper()):
            variants.setdefault(form.replace(" ", r"\s+"), None)
    return "|".join(variants)


def _always(text: str) -> bool:
    return True


def _contains(*needles: str) -> Guard:
    """A guard: the text contains one of ``needles``."""
    return lambda text: any(needle in text for needle in needles)


def _finds(*patterns: str) -> Guard:
    """A guard: one of ``patterns`` (each best led by a literal) is found in the text."""
    compiled = [re.compile(pattern) for pattern in patterns]
    if len(compiled) == 1:
        return compiled[0].search
    return lambda text: any(pattern.search(text) for pattern in compiled)


def _finds_words(words: list[str], after: str) -> Guard:
    """A guard: one of ``words``, then ``after``, is found in the text.

    One pattern per first letter, led by that letter: several literal-led scans are faster than one scan
    for an alternation of the words.
    """
    tails: dict[str, list[str]] = {}
    for word in sorted(words, key=len, reverse=True):
        tails.setdefault(word[0], []).append(re.escape(word[1:]))
    return _finds(*(f"{re.escape(first)}(?:{'|'.join(rest)}){after}" for first, rest in tails.items()))


# --- dates and ages ---------------------------------------------------------------------------------------------

_MONTH_NAMES = (
    "Jan", "January", "Feb", "February", "Mar", "March", "Apr", "April", "May", "Jun", "June", "Jul", "July",
    "Aug", "August", "Sep", "Sept", "September", "Oct", "October", "Nov", "November", "Dec", "December",
)  # fmt: skip
_MONTH_FORMS = sorted({m for name in _MONTH_NAMES for m in (name, name.upper())}, key=len, reverse=True)
_MONTHS = "|".join(_MONTH_FORMS)
_DAY = r"(?:0?[1-9]|[12]\d|3[01])"
#: ``_DAY`` and a month number (``0?[1-9]|1[0-2]``) written to start with a character class, for the patterns
#: they lead: the digit, then what may follow that digit.
_LEADING_DAY = r"[0-9](?:(?<=0)[1-9]|(?<=[12])\d?|(?<=3)[01]?|(?<=[4-9]))"
_LEADING_MONTH = r"[0-9](?:(?<=0)[1-9]|(?<=1)[0-2]?|(?<=[2-9]))"
_DATE_END = r"(?![\w/]|-\d)"
#: A month name and the number after it, which both forms with a month name have.
_MONTH_NAME_DATE = _finds_words(_MONTH_FORMS, r"\.?,?\s+\d")
#: Dates in the forms letters use, one simple pattern per form, each with a guard (see ``_Rule``).
DATES: tuple[tuple[re.Pattern[str], Guard], ...] = (
    (
        re.compile(_LEADING_MONTH + r"(?P<sep>[/.-])" + _DAY + r"(?P=sep)(?P<year>(?:19|20)?\d\d)" + _DATE_END),
        _always,
    ),
    (
        re.compile(r"(?P<year>(?:19|20)\d\d)-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])" + _DATE_END),
        _finds(r"-\d\d-\d(?<=\d\d-\d\d-\d)"),
    ),
    (
        re.compile(rf"(?:{_MONTHS})\.?\s+{_DAY}(?:st|nd|rd|th)?,?\s+(?P<year>(?:19|20)\d\d)" + _DATE_END),
        _MONTH_NAME_DATE,
    ),
    (
        re.compile(rf"{_LEADING_DAY}\s+(?:{_MONTHS})\.?,?\s+(?P<year>(?:19|20)\d\d)" + _DATE_END),
        _MONTH_NAME_DATE,
    ),
)
#: A public citation-date label directly before a date (header fields kept in full).
_PUBLIC_DATE_LABEL = re.compile(
    r"(?=[dur])(?:Decision\s+Date|Date\s+of\s+(?:IMR\s+)?Decision|Dated|Date\s+Assigned|UR\s+Denial\s+Date"
    r"|Date\s+of\s+UR\s+(?:Decision|Denial)|UR\s+Decision\s+Date|Received)\s*:\s*$",
    re.IGNORECASE,
)
OLD_AGE = re.compile(r"(?:9\d|1[01]\d)(?=(?:\s*|-)(?:[Yy]ears?|YEARS?)(?:\s*|-)(?:old|OLD)\b|\s*y/?o\b)")

# --- names ------------------------------------------------------------------------------------------------------

_NAME_WORD = r"[A-Z][a-zA-Z'’-]+"
_NAME = rf"{_NAME_WORD}(?:\s+[A-Z]\.)?(?:[ \t]+{_NAME_WORD}){{0,2}}"
_PERSON_LABELS = (
    "Employee", "Patient Name", "Patient's Name", "Patient", "Injured Worker", "Claimant", "Applicant", "Member",
    "Name", "Re", "Requesting Physician", "Treating Physician", "Provider", "Physician",
)  # fmt: skip


@dataclass(frozen=True)
class _Field:
    """A whole line "Label: value": found from its colon, then the text before the colon checked to be a label.

    The same matches as ``^[ \\t]*(?:labels)[ \\t]*:[ \\t]*(?P<value>...)[ \\t]*$`` (a label holds no colon, so
    its colon is the first of the line), found far faster than by trying the labels at every position.
    """

    labels: re.Pattern[str]
    #: From the colon to the end of the line; the value in group ``value``.
    pattern: re.Pattern[str]

    @classmethod
    def of(cls, labels: tuple[str, ...], value: str) -> _Field:
        """The field with any of ``labels`` (``_cased``) and a value matching ``value``."""
        # A label's colon follows the label's last letter or a blank: a cheap test of each colon found.
        ends = re.escape("".join(sorted({form[-1] for label in labels for form in (label, label.upper())})))
        return cls(
            re.compile(rf"[ \t]*(?:{_cased(*labels)})[ \t]*"),
            re.compile(rf":(?<=[{ends} \t]:)[ \t]*(?P<value>{value})[ \t]*$", re.M),
        )

    def line_start(self, match: re.Match[str]) -> int | None:
        """Where the line of ``match`` starts, or ``None`` when the text before its colon is not a label."""
        start = match.string.rfind("\n", 0, match.start()) + 1
        return start if self.labels.fullmatch(match.string, start, match.start()) else None

    def matches(self, text: str) -> Iterator[re.Match[str]]:
        """The matches whose line starts with a label."""
        return (match for match in self.pattern.finditer(text) if self.line_start(match) is not None)


PERSON_FIELD = _Field.of(_PERSON_LABELS, _NAME)
SALUTATION = re.compile(
    rf"(?P<label>(?:Dear|DEAR)[ \t]+(?:(?:Mr|Mrs|Ms|Miss|Dr)\.?[ \t]+)?)(?P<value>{_NAME})(?=[ \t]*[:,])"
)
HONORIFIC = re.compile(rf"(?P<label>(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+)(?P<value>{_NAME})")
#: An honorific and the capital its name starts with.
_HONORIFIC_GUARD = _finds(r"M(?:rs?|s|iss|x)\.?[ \t]+[A-Z]", r"Dr\.?[ \t]+[A-Z]")
_ROLES = ("patient", "claimant", "applicant", "injured worker", "employee", "worker")
_ROLE_ENDS = dict.fromkeys(form for role in _ROLES for form in (role.split()[-1], role.split()[-1].upper()))
NAMED_PERSON = re.compile(
    rf"(?P<label>(?:{_cased(*_ROLES)})"
    r"(?:,[ \t]*|[ \t]+(?:named|is\s+named|known\s+as)[ \t]+|'s\s+name\s+is[ \t]+))"
    rf"(?P<value>{_NAME_WORD}(?:[ \t]+{_NAME_WORD}){{1,2}})(?=[ \t]*[,.;)]|[ \t]+(?:is|was|has|had)\b)"
)
#: A role named by a phrase is followed by "named", "known as", "'s name is" or by a comma and a capital.
_NAMED_PERSON_GUARD = _finds(
    "named",
    r"known\s+as",
    r"'s\s+name",
    ",(?=[ \t]*[A-Z])(?:" + "|".join(f"(?<={word},)" for word in _ROLE_ENDS) + ")",
)
#: Words that look like names after a label but are not (kept to avoid redacting prose).
_NOT_NAMES = frozenset(
    "redacted the a an he she they this that patient claimant applicant employee worker injured unknown none "
    "not n/a standard expedited is was".split()
)

# --- numbers and addresses ----------------------------------------------------------------------------------------

_ORG_FIELDS = ("Claims Administrator", "Employer", "Insurer", "Carrier", "Attorney", "Address", "City", "Street")
#: The value runs to the line's last character other than a blank.
ORG_FIELD = _Field.of(_ORG_FIELDS, r"\S(?:.*[^ \t\n])?")
_CLAIM_WORDS = ("Claim", "Policy", "Member", "Account", "File", "Medical Record", "MRN")
_CLAIM_NUMBER_WORDS = ("Number", "No", "No.", "Num.")
_CLAIM_VALUE = r"(?!\[)[A-Za-z0-9][A-Za-z0-9./-]*\d[A-Za-z0-9./-]*"
CLAIM_NUMBER = re.compile(
    rf"(?P<label>(?:{_cased(*_CLAIM_WORDS)})\s*"
    rf"(?:{_cased(*_CLAIM_NUMBER_WORDS)}|#|ID)\s*:?\s*)"
    rf"(?P<value>{_CLAIM_VALUE})"
)
#: The last word of each first label word of ``CLAIM_NUMBER`` and the rest of the label and the value, in lower
#: case: for text, and for lower-cased ASCII bytes (where ``\s`` must be spelled out).
_CLAIM_NUMBER_END = (
    r"\s*(?:" + "|".join(word.lower() for word in _CLAIM_NUMBER_WORDS) + r"|#|id)\s*:?\s*(?!\[)[a-z0-9][a-z0-9./-]*\d"
)
_CLAIM_NUMBER_IN_TEXT = tuple(
    re.compile(re.escape(words.split()[-1].lower()) + _CLAIM_NUMBER_END) for words in _CLAIM_WORDS
)
_CLAIM_NUMBER_IN_BYTES = tuple(
    re.compile(pattern.pattern.replace(r"\s", r"[ \t\n\r\x0b\x0c\x1c-\x1f]").encode())
    for pattern in _CLAIM_NUMBER_IN_TEXT
)


def _claim_number_guard(text: str) -> bool:
    """Whether the lower-cased text has a claim label word followed by a number word and a value with a digit.

    Lower-casing maps every spelling ``CLAIM_NUMBER`` accepts onto one, so this holds whenever it matches
    (when lower-casing keeps every character one character long). ASCII text is lower-cased as bytes, which
    is far faster. One pattern per word: several literal-led scans are faster than one for an alternation.
    """
    if text.isascii():
        ascii_lowered = text.encode("ascii").lower()
        return any(pattern.search(ascii_lowered) for pattern in _CLAIM_NUMBER_IN_BYTES)
    lowered = text.lower()
    return len(lowered) != len(text) or any(pattern.search(lowered) for pattern in _CLAIM_NUMBER_IN_TEXT)


ADJ_NUMBER = re.compile(r"ADJ\s?\d{5,9}\b")
LABELLED_SSN = re.compile(
    rf"(?P<label>(?:SSN|SS#|{_cased('Social Security')})(?:\s+(?:{_cased('Number', 'No.')}|#))?\s*[:#]?\s*)"
    r"(?P<value>\d{3}[- .]?\d{2}[- .]?\d{4})(?!\d)"
)
SSN = re.compile(r"\d\d\d-\d\d-\d\d\d\d(?![\d-])")
PHONE = re.compile(r"\d\d\d[ .-]\d\d\d[ .-]\d\d\d\d(?![\w/-])")
#: A phone number's middle and last groups after each separator its first group may have.
_PHONE_NUMBER_END = _finds(
    *(rf"{sep}\d\d\d[ .-]\d\d\d\d(?<=\d\d\d{sep}\d\d\d[ .-]\d\d\d\d)" for sep in (" ", r"\.", "-"))
)
#: A phone number, and five digits after a blank (a ZIP code after its state), in a text's ``_shape``.
_SHAPED_PHONE_NUMBER = re.compile(rb"000[ .-]000[ .-]0000")
_SHAPED_ZIP = b" 00000"
_SHAPE = bytes.maketrans(b"0123456789\t\n\r\x0b\x0c\x1c\x1d\x1e\x1f", b"0000000000" + b" " * 9)


@lru_cache(maxsize=1)
def _shape(text: str) -> bytes | None:
    """An ASCII text as bytes with every digit written 0 and every blank a space (``None`` for other text).

    There ``\\d`` is a digit and ``\\s`` a blank; a literal scan of the shape replaces a slow scan of the text.
    """
    return text.encode("ascii").translate(_SHAPE) if text.isascii() else None


def _phone_guard(text: str) -> bool:
    shape = _shape(text)
    return bool(_PHONE_NUMBER_END(text)) if shape is None else _SHAPED_PHONE_NUMBER.search(shape) is not None


def _zip_guard(text: str) -> bool:
    """A state, blanks and five digits (``_city_state_zip`` redacts no other ZIP code)."""
    shape = _shape(text)
    return (shape is None or _SHAPED_ZIP in shape) and bool(_STATE_AND_ZIP(text))


PHONE_WITH_AREA_CODE = re.compile(r"\(\d{3}\)[ .-]?\d{3}[ .-]\d{4}(?![\w/-])")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
_STREET_SUFFIX = (
    r"Street|St|Avenue|Ave|Boulevard|Blvd|Road|Rd|Drive|Dr|Lane|Ln|Way|Court|Ct|Place|Pl|Parkway|Pkwy|"
    r"Highway|Hwy|Circle|Cir|Terrace|Ter|Trail|Trl|Plaza|Square|Sq|Alley"
)
STREET_ADDRESS = re.compile(
    rf"\d\d{{0,5}}[ \t]+(?:[NSEW]\.?[ \t]+)?(?:[A-Z0-9][\w'.-]*[ \t]+){{1,4}}(?:{_STREET_SUFFIX})\b\.?"
    rf"(?:,?[ \t]*(?:Suite|Ste\.?|Apt\.?|Apartment|Unit|#)[ \t]*[\w-]+)?"
)
#: ``STREET_ADDRESS`` up to its suffix in a text's ``_shape`` (digits 0, blanks spaces), and in any text its suffix.
_SHAPED_STREET_ADDRESS = re.compile(
    rb"00{0,5} +(?:[NSEW]\.? +)?(?:[A-Z0][\w'.-]* +){1,4}(?:" + _STREET_SUFFIX.encode() + rb")\b"
)
_STREET_SUFFIX_WORD = _finds_words(_STREET_SUFFIX.split("|"), r"\b")


def _street_address_guard(text: str) -> bool:
    shape = _shape(text)
    return bool(_STREET_SUFFIX_WORD(text)) if shape is None else _SHAPED_STREET_ADDRESS.search(shape) is not None


PO_BOX = re.compile(rf"P\.?\s*O\.?\s*(?:{_cased('Box')})\s+\d+\b")
_STATES = (
    r"A[LKZR]|C[AOT]|D[EC]|FL|GA|HI|I[DLNA]|K[SY]|LA|M[EDAINSOT]|N[EVHJMYCD]|O[HKR]|PA|RI|S[CD]|T[NX]|UT|"
    r"V[TA]|W[AVIY]|California"
)
ZIP = re.compile(r"\d\d\d\d\d(?:-\d{4})?\b")
_STATE_AND_ZIP = _finds(rf"(?:{_STATES})\s+\d\d\d\d\d")
#: A city and state directly before a ZIP code (matched backwards from the ZIP, which is rare and cheap to find).
_CITY_STATE_BEFORE = re.compile(rf"(?:[A-Z][a-zA-Z.'-]+[ \t]){{0,3}}[A-Z][a-zA-Z.'-]+,?\s+(?:{_STATES})\s+$")
#: Characters other than letters and digits that join a match to the token before it (with ``_`` that is
#: ``[\w/.@-]``).
_TOKEN_PUNCTUATION = "_/.@-"


@dataclass(frozen=True)
class _Rule:
    """One redaction: a pattern, a guard, and how to replace a match.

    ``guard`` is a cheap test that holds whenever the rule would change the text (for most rules: whenever
    ``pattern`` matches it), so that skipping the rule when the guard fails changes nothing.
    """

    pattern: re.Pattern[str]
    #: The replacement for a match, or ``None`` to leave it.
    replace: Callable[[re.Match[str]], str | None]
    guard: Guard = _always
    #: A match right after a letter, digit or one of ``_/.@-`` is part of a longer token: left alone.
    whole_word: bool = True
    #: Where the redacted span starts when it reaches back before the match.
    start_of: Callable[[re.Match[str]], int] = re.Match.start


def _labelled(match: re.Match[str]) -> str | None:
    first_word = match.group("value").split()[0].casefold().strip("[]")
    return None if first_word in _NOT_NAMES else match.group("label") + REDACTED


def _field_rule(field: _Field, guard: Guard) -> _Rule:
    """The rule that redacts the value of ``field`` lines, keeping the label."""

    def replace(match: re.Match[str]) -> str | None:
        start = field.line_start(match)
        if start is None or match.group("value").split()[0].casefold().strip("[]") in _NOT_NAMES:
            return None
        return match.string[start : match.start("value")] + REDACTED

    def line_start(match: re.Match[str]) -> int:
        return match.string.rfind("\n", 0, match.start()) + 1

    return _Rule(field.pattern, replace, guard, whole_word=False, start_of=line_start)


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


RULES = (
    _field_rule(PERSON_FIELD, _contains(":")),
    _Rule(SALUTATION, _labelled),
    _Rule(HONORIFIC, _labelled, _HONORIFIC_GUARD),
    _Rule(NAMED_PERSON, _labelled, _NAMED_PERSON_GUARD),
    _field_rule(ORG_FIELD, _contains(":")),
    _Rule(EMAIL, _redacted, _contains("@"), whole_word=False),
    _Rule(LABELLED_SSN, _labelled, _finds("S(?:S[N#]|ecurity|ECURITY)")),
    _Rule(SSN, _redacted, _finds(r"-\d\d-\d\d\d\d(?<=\d\d\d-\d\d-\d\d\d\d)")),
    _Rule(CLAIM_NUMBER, _labelled, _claim_number_guard),
    _Rule(ADJ_NUMBER, _redacted),
    _Rule(PHONE, _redacted, _phone_guard),
    _Rule(PHONE_WITH_AREA_CODE, _redacted),
    _Rule(STREET_ADDRESS, _redacted, _street_address_guard),
    _Rule(PO_BOX, _redacted),
    _Rule(ZIP, _city_state_zip, _zip_guard, start_of=_city_start),
    _Rule(OLD_AGE, lambda match: "90", _finds(r"9\d(?:\s*|-)[Yy]", r"1[01]\d(?:\s*|-)[Yy]")),
)


def find_names(text: str) -> set[str]:
    """Person names the letter reveals through labels, salutations, honorifics or phrases."""
    found: set[str] = set()
    matches = [
        PERSON_FIELD.matches(text),
        SALUTATION.finditer(text),
        HONORIFIC.finditer(text) if _HONORIFIC_GUARD(text) else (),
        NAMED_PERSON.finditer(text) if _NAMED_PERSON_GUARD(text) else (),
    ]
    for match in (match for found_by_one in matches for match in found_by_one):
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
        replace_date = partial(_date_replacement, keep_public_date=keep_public_dates)
        checked: tuple[Guard, str, bool] | None = None
        for pattern, guard in DATES:
            # A guard two forms share is worked out once while the text stays the same.
            if checked is None or checked[0] is not guard or checked[1] != text:
                checked = (guard, text, bool(guard(text)))
            if checked[2]:
                text = pattern.sub(replace_date, text)
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
        if rule.whole_word and _after_token(text, start):
            continue
        replacement = rule.replace(match)
        if replacement is None:
            continue
        begin = max(rule.start_of(match), done)
        pieces += (text[done:begin], replacement)
        done = match.end()
    return "".join(pieces) + text[done:] if pieces else text


def _after_token(text: str, start: int) -> bool:
    """Whether the character before ``start`` is a letter, digit or one of ``_/.@-`` (part of a token)."""
    return start > 0 and (text[start - 1].isalnum() or text[start - 1] in _TOKEN_PUNCTUATION)


def _date_replacement(match: re.Match[str], keep_public_date: bool) -> str:
    """The year of a date ``match``; the date itself when it is part of a longer token or a public one."""
    text, start = match.string, match.start()
    if _after_token(text, start):
        return match.group(0)
    # A public label ends with a colon right before the date: test that first, it is much cheaper.
    window = max(0, start - 40)
    if (
        keep_public_date
        and text[window:start].rstrip().endswith(":")
        and _PUBLIC_DATE_LABEL.search(text, window, start)
    ):
        return match.group(0)
    year = match.group("year")
    return ("20" if int(year) < 50 else "19") + year if len(year) == 2 else year
