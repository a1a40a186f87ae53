"""Header fields read by their labels, in any of the letter formats.

The header is the text before a letter's first section heading. Labels are
found wherever they are (``Case Number:``, ``IMR Case Number:``, ``Dated:``,
``Decision Date:``, ``UR Denial Date:``, ``Date of UR Decision:``, ...), also in
two-column layouts where a label wraps away from its value (``Priority:
Standard Application`` / ``Received:`` / ``11/03/2016``): the header is read as
one line, each label's value runs to the next label, and a date label left
without a date takes the next spare date. A field the letter does not print
stays ``None``.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass

from .dates import DATE, parse_date
from .text import collapse

#: Every label starts a word with one of the letters of the lookahead, which lets the scan skip other
#: positions cheaply (several times faster than trying every label everywhere).
_LABELS = re.compile(
    r"\b(?=[CIUDAPFERT])"
    r"(?:(?P<case_number>(?:IMR\s+)?Case\s+(?:Number|No\.?|#))"
    r"|(?P<ur_denial_date>UR\s+Denial\s+Date|Date\s+of\s+UR\s+(?:Decision|Denial)|UR\s+Decision\s+Date)"
    r"|(?P<decision_date>Decision\s+Date|Date\s+of\s+(?:IMR\s+)?Decision|Dated)"
    r"|(?P<date_assigned>Date\s+Assigned)"
    r"|(?P<injury_date>Date\s+of\s+Injury|DOI)"
    r"|(?P<application_received>(?:Date\s+)?(?:IMR\s+)?Application\s+Received)"
    r"|(?P<priority>Priority)"
    r"|(?P<final_determination>Final\s+Determination)"
    r"|(?P<other>Claim\s+(?:Number|No\.?|#)|Employee|Claims\s+Administrator|Employer"
    r"|Requesting\s+(?:Physician|Provider)|Treatment\(?s?\)?\s+in\s+Dispute[^:]{0,40}|Dear"
    r"|Patient\s+Name|Injured\s+Worker))\s*:",
    re.IGNORECASE,
)
#: "Treatment(s) in Dispute", 40 more characters, a space and the colon, with room to spare.
_LONGEST_LABEL = 80
_DATE_FIELDS = ("decision_date", "date_assigned", "ur_denial_date", "application_received", "injury_date")
_DATES = re.compile(DATE, re.IGNORECASE)
_BARE_YEAR = re.compile(r"\s*((?:19|20)\d\d)(?![\d/.-])")
_CASE_NUMBER = re.compile(r"\b[A-Z]{1,4}\d{2}-\d{3,9}\b")
_PRIORITY = re.compile(r"\b(standard|regular|expedited|urgent)\b", re.IGNORECASE)
_FINAL = re.compile(
    r"\b(?:(overturn(?:ed)?\s+in\s+part|uphold\s+in\s+part|partial(?:ly)?\s+overturn(?:ed)?|"
    r"partial(?:ly)?\s+uphe?ld)|(overturn(?:ed)?)|(uphold|upheld))\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Header:
    """The labelled header fields of one letter."""

    case_number: str | None = None
    decision_date: datetime.date | None = None
    date_assigned: datetime.date | None = None
    ur_denial_date: datetime.date | None = None
    application_received: datetime.date | None = None
    injury_date: datetime.date | None = None
    #: The injury date's year; also read when de-identification left only the year.
    injury_year: int | None = None
    priority: str | None = None
    #: The letter-level decision of format B: ``UPHOLD``, ``OVERTURN`` or ``OVERTURN IN PART``.
    final_determination: str | None = None


def parse_header(text: str) -> Header:
    """The labelled fields in ``text`` (the part of a letter before its first section)."""
    line = collapse(text)
    found = _labels(line)
    values: dict[str, object] = {}
    waiting: list[str] = []
    for i, match in enumerate(found):
        name = match.lastgroup or "other"
        value = line[match.end() : found[i + 1].start() if i + 1 < len(found) else len(line)]
        if name == "injury_date" and not _DATES.search(value) and (year := _BARE_YEAR.match(value)):
            values["injury_year"] = int(year.group(1))
        elif name in _DATE_FIELDS:
            dates = [d for d in map(parse_date, _DATES.findall(value)) if d]
            while waiting and len(dates) > 1:
                values[waiting.pop(0)] = dates.pop(0)
            if name not in values:
                if dates:
                    values[name] = dates.pop(0)
                else:
                    waiting.append(name)
            while dates and waiting:
                values[waiting.pop(0)] = dates.pop(0)
        elif name not in values:
            reader = _VALUE_READERS.get(name)
            if reader and (read := reader(value)):
                values[name] = read
    if isinstance(values.get("injury_date"), datetime.date):
        values["injury_year"] = values["injury_date"].year
    return Header(**values)


def _labels(line: str) -> list[re.Match[str]]:
    """``list(_LABELS.finditer(line))``, found from the colons.

    Every label ends with a colon, and in the collapsed header (one space between words) none is longer
    than ``_LONGEST_LABEL``: only the text right before each colon needs to be searched.
    """
    found: list[re.Match[str]] = []
    done = 0
    colon = line.find(":")
    while colon >= 0:
        label = _LABELS.search(line, max(done, colon - _LONGEST_LABEL), colon + 1)
        if label:
            found.append(label)
            done = label.end()
        colon = line.find(":", colon + 1)
    return found


def _case_number(value: str) -> str | None:
    found = _CASE_NUMBER.search(value)
    return found.group(0) if found else None


def _priority(value: str) -> str | None:
    found = _PRIORITY.search(value)
    if not found:
        return None
    return "expedited" if found.group(1).casefold() in {"expedited", "urgent"} else "standard"


def _final_determination(value: str) -> str | None:
    found = _FINAL.search(value[:80])
    if not found:
        return None
    if found.group(1):
        return "OVERTURN IN PART"
    return "OVERTURN" if found.group(2) else "UPHOLD"


_VALUE_READERS = {
    "case_number": _case_number,
    "priority": _priority,
    "final_determination": _final_determination,
}
