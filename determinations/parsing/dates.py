"""Dates as letters print them: ``11/03/2016``, ``10-13-16``, ``2016-11-03``, ``January 5, 2010``.

``DATE`` is a regular expression (a string, to embed in larger patterns) that
matches one such date; ``parse_date`` turns the first date in a text into a
``datetime.date`` (US month/day order; two-digit years are 19xx or 20xx,
whichever is not in the future).
"""

from __future__ import annotations

import datetime
import re

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "mar": 3,
    "apr": 4,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "aug": 8,
    "sep": 9,
    "oct": 10,
    "nov": 11,
    "dec": 12,
}
_MONTH_NAME = (
    r"\b(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b"
)
DATE = (
    r"(?<![\d/.-])(?:\d{4}-\d{1,2}-\d{1,2}|(?:\d{1,2}/\d{1,2}/|\d{1,2}-\d{1,2}-|\d{1,2}\.\d{1,2}\.)(?:\d{4}|\d{2})(?!\d)"
    rf"|{_MONTH_NAME}\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}|\d{{1,2}}\s+{_MONTH_NAME}\.?,?\s+\d{{4}})"
)
_ISO = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")
_NUMERIC = re.compile(r"(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})")
_LONG = re.compile(rf"({_MONTH_NAME})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?,?\s+(\d{{4}})", re.IGNORECASE)
_DAY_FIRST = re.compile(rf"(\d{{1,2}})\s+({_MONTH_NAME})\.?,?\s+(\d{{4}})", re.IGNORECASE)
_FIRST_DATE = re.compile(DATE, re.IGNORECASE)


def parse_date(text: str) -> datetime.date | None:
    """The first date in ``text``, or ``None`` when there is none (or it is impossible)."""
    found = _FIRST_DATE.search(text)
    if not found:
        return None
    value = found.group(0)
    if m := _ISO.fullmatch(value):
        year, month, day = (int(g) for g in m.groups())
    elif m := _NUMERIC.fullmatch(value):
        month, day, year = int(m.group(1)), int(m.group(2)), _full_year(m.group(3))
    elif m := _LONG.fullmatch(value):
        month, day, year = _MONTHS[m.group(1)[:3].casefold()], int(m.group(2)), int(m.group(3))
    else:
        m = _DAY_FIRST.fullmatch(value)
        day, month, year = int(m.group(1)), _MONTHS[m.group(2)[:3].casefold()], int(m.group(3))
    try:
        return datetime.date(year, month, day)
    except ValueError:
        return None


def _full_year(digits: str) -> int:
    if len(digits) == 4:
        return int(digits)
    year = 2000 + int(digits)
    return year if year <= datetime.date.today().year + 1 else year - 100
