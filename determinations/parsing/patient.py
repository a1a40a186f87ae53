"""The injured worker as the case summary describes them, in de-identifiable form.

- ``age``: "25-year-old", "25 year old", "38 year-old", "now 39-year-old",
  "aged 25"; 90 and over is reported as 90.
- ``sex``: the word after the age ("male", "woman", ...), else "male"/"female"
  anywhere in the summary, else a clear majority of he/she pronouns.
- ``injury_year``: the header's Date of Injury when printed, else the date in
  "reported an injury on 03/02/2011", "injured on January 5, 2010", "date of
  injury of 6/14/2013", "industrial injury on 10-13-16", "occupational claim
  from 10/18/2016".
- ``mechanism``: a short phrase from the ``MECHANISMS`` vocabulary ("fall from a
  ladder", "lifting") read in the sentence that reports the injury.
- ``diagnoses``: the short items of "diagnoses included ..." / "diagnosis was
  ...", without dates.
- ``body_regions``: the regions named by the diagnoses and the injury sentence.

None of these carries a name or an exact date.
"""

from __future__ import annotations

import re

from .dates import DATE, parse_date
from .letter import PatientProfile
from .regions import regions_in
from .text import collapse

#: (phrase, words that show it), most specific first; extend by adding a row.
MECHANISMS: tuple[tuple[str, str], ...] = (
    ("vehicle accident", r"motor\s+vehicle|\bMVA\b|car\s+accident|rear[- ]ended|vehicle\s+accident|collision|forklift"),
    ("assault", r"assault|attacked|robbery|gunpoint|\bstabbed\b|\bbitten\b"),
    ("fall from a ladder", r"\bladder\b"),
    ("fall from a scaffold", r"\bscaffold"),
    ("fall from height", r"\b(?:fell|fall(?:ing)?)\b[^.]{0,40}\b(?:roof|height|platform|truck|trailer|dock)"),
    ("fall on stairs", r"\b(?:fell|fall(?:ing)?|slipped|tripped)\b[^.]{0,40}\b(?:stairs?|steps|staircase)"),
    ("slip and fall", r"\bslip(?:ped|ping|s)?\b|\btrip(?:ped|ping|s)?\b"),
    ("fall", r"\bfell\b|\bfall(?:ing|s)?\b"),
    ("crush injury", r"\bcrush(?:ed|ing)?\b|caught\s+(?:in|between)"),
    ("struck by an object", r"\bstruck\b|\bhit\s+(?:by|on|in)\b"),
    ("lifting", r"\blift(?:ed|ing|s)?\b"),
    ("carrying", r"\bcarr(?:y|ied|ying)\b"),
    ("pushing or pulling", r"\bpush(?:ed|ing)?\b|\bpull(?:ed|ing)?\b"),
    ("twisting", r"\btwist(?:ed|ing)?\b"),
    ("bending", r"\bbend(?:ing)?\b|\bbent\b|\bstoop"),
    ("repetitive motion", r"repetitive|cumulative|continuous\s+trauma|keyboard|typing|overuse"),
    ("laceration", r"\bcut\b|lacerat"),
    ("burn", r"\bburn(?:ed|s)?\b"),
    ("exposure", r"\bexpos(?:ed|ure)\b|inhal"),
    ("work stress", r"\bstress\b|harass"),
)
_MECHANISMS = tuple((phrase, re.compile(words, re.IGNORECASE)) for phrase, words in MECHANISMS)
_AGE = re.compile(
    r"\b(\d{1,3})\s*-?\s*(?:years?|yrs?)\s*-?\s*(?:old\b|of\s+age\b)"
    r"|\baged?\s+(?:of\s+)?(\d{1,3})\b(?!\s*(?:%|mg|years?\s+ago))",
    re.IGNORECASE,
)
_SEX_WORD = re.compile(r"\b(male|female|man|woman|gentleman|lady|boy|girl)\b", re.IGNORECASE)
_FEMALE_WORDS = {"female", "woman", "lady", "girl"}
_SEX_ANYWHERE = re.compile(r"\b(male|female)\b", re.IGNORECASE)
_HE = re.compile(r"\b(?:he|his|him|himself)\b", re.IGNORECASE)
_SHE = re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE)
_EITHER = re.compile(r"\b(?:he|his|him)\s*/\s*(?:she|her)\b|\b(?:she|her)\s*/\s*(?:he|his|him)\b", re.IGNORECASE)
# Lookaheads name the letters a match starts with, and a pattern led by a class of its first letter (its
# "\b" checked after that letter) is scanned far faster than a case-insensitive one.
_INJURY_DATE = re.compile(
    r"\b(?=[iacd])(?:injur(?:y|ies|ed)|accident|claim|incident|DOI)\b[^.]{0,60}?"
    rf"(?=[ofd:])(?:\b(?:on|of|from|dated?|date\s+of)\b|:)\s*(?P<date>{DATE})",
    re.IGNORECASE,
)
#: A year alone where the injury date was: "injured in 2010", or "injury on 2016" once de-identification
#: has reduced the date to its year.
_INJURY_YEAR = re.compile(
    r"\b(?=[iacd])(?:injur(?:y|ies|ed)|accident|claim|incident|DOI)\b[^.]{0,60}?"
    r"(?=[iofd:])(?:\b(?:in|on|of|from|dated?|date\s+of)\b|:)\s*(?P<year>(?:19|20)\d\d)\b(?![/.-]\d)",
    re.IGNORECASE,
)
_INJURY_SENTENCE = re.compile(r"\b(?=[iah])(?:injur(?:y|ies|ed)|accident|hurt)\b[^.]*(?:\.(?=\d)[^.]*)*", re.IGNORECASE)
_DIAGNOSES = re.compile(
    r"[Dd](?<!\w[Dd])(?i:iagnos(?:is|es|ed)\b(?:,?\s*and-or\s+impressions,?)?\s*"
    r"(?:(?:that|which)\s+)?(?:(?:were|was|are|is|has\s+been|have\s+been)\s+)?"
    r"(?:documented\s+as|noted\s+to\s+include|as\s+follows|included|includes?|of|with|as|was|were|is|are)\s*:?\s+"
    r"(?P<list>[^.]+(?:\.(?=\d)[^.]*)*))"
)
_LIST_SEPARATOR = re.compile(r"\s*[;,]\s*(?:(?i:and|or)\s+)?|\s+(?i:and)\s+(?=(?:an?\s+)?[a-z])")
_NOT_A_LIST = re.compile(
    r"(?:being|pending|unknown|not|deferred|unclear|listed|documented|available|provided|given|noted)\b", re.IGNORECASE
)
_ARTICLE = re.compile(r"^(?:an?|the)\s+", re.IGNORECASE)
_DATE_TOKEN = re.compile(rf"(?:\s+(?:on|dated?|in|from|since|of))?\s*{DATE}", re.IGNORECASE)
_DIGIT = re.compile(r"\d")
_MAX_DIAGNOSES = 12
_MAX_DIAGNOSIS_LENGTH = 100


def parse_patient(summary: str, injury_year: int | None = None) -> PatientProfile:
    """The patient described by the case ``summary``; ``injury_year`` is the header's, when printed."""
    text = collapse(summary)
    age, sex = _age_and_sex(text)
    injury = _INJURY_DATE.search(text)
    injury_year = injury_year or _summary_injury_year(text, injury)
    sentence = _injury_sentence(text, injury)
    diagnoses = _diagnoses(text)
    return PatientProfile(
        age=age,
        sex=sex,
        injury_year=injury_year,
        mechanism=_mechanism(sentence),
        diagnoses=diagnoses,
        body_regions=tuple(regions_in(" ; ".join((*diagnoses, sentence)))),
    )


def _age_and_sex(text: str) -> tuple[int | None, str | None]:
    age_match = _AGE.search(text)
    age = None
    sex_word = None
    if age_match:
        age = min(int(age_match.group(1) or age_match.group(2)), 90)
        sex_word = _SEX_WORD.search(text, age_match.end(), age_match.end() + 40)
    sex_word = sex_word or _SEX_ANYWHERE.search(text)
    if sex_word:
        return age, "female" if sex_word.group(1).casefold() in _FEMALE_WORDS else "male"
    return age, _sex_from_pronouns(text)


def _sex_from_pronouns(text: str) -> str | None:
    text = _EITHER.sub(" ", text)
    he, she = len(_HE.findall(text)), len(_SHE.findall(text))
    if he >= 2 and she == 0:
        return "male"
    if she >= 2 and he == 0:
        return "female"
    return None


def _summary_injury_year(text: str, injury: re.Match[str] | None) -> int | None:
    if injury and (date := parse_date(injury.group("date"))):
        return date.year
    year = _INJURY_YEAR.search(text)
    return int(year.group("year")) if year else None


def _injury_sentence(text: str, injury: re.Match[str] | None) -> str:
    if injury:
        end = text.find(". ", injury.end())
        return text[injury.start() : end if end >= 0 else len(text)]
    found = _INJURY_SENTENCE.search(text)
    return found.group(0) if found else ""


def _mechanism(sentence: str) -> str | None:
    return next((phrase for phrase, words in _MECHANISMS if words.search(sentence)), None)


def _diagnoses(text: str) -> tuple[str, ...]:
    found = next((m for m in _DIAGNOSES.finditer(text) if not _NOT_A_LIST.match(m.group("list"))), None)
    if not found:
        return ()
    listing = found.group("list")
    if _DIGIT.search(listing):  # every date has a digit
        listing = _DATE_TOKEN.sub(" ", listing)
    items: list[str] = []
    for part in _LIST_SEPARATOR.split(listing):
        item = _ARTICLE.sub("", collapse(part)).strip(" ,;:\"'")
        if item and len(item) <= _MAX_DIAGNOSIS_LENGTH and item.casefold() not in {"and", "or"}:
            items.append(item)
    return tuple(items[:_MAX_DIAGNOSES])
