"""A disputed item's request text: its clean form, its quantity and its body region.

- ``clean_request``: whitespace collapsed, without a leading item number
  (``1.``, ``2)``), a leading "Regarding the request for", enclosing quotes or
  a trailing colon.
- ``quantity``: the number of units requested: ``#90``, ``QTY: 2``,
  ``2 times a week for 6 weeks`` (12), ``12 sessions``; ``None`` when the
  request states none.
- ``body_region``: the first region of the ``regions`` vocabulary named.
"""

from __future__ import annotations

import re

from .regions import first_region
from .text import collapse

_NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "fifteen": 15,
    "sixteen": 16,
    "eighteen": 18,
    "twenty": 20,
    "twenty-four": 24,
    "thirty": 30,
    "sixty": 60,
    "ninety": 90,
}
_N = r"(\d{1,4}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + r")"
_LEAD = re.compile(
    r"^(?:(?:item\s+)?\d{1,2}\s*[.):]\s+|\(\d{1,2}\)\s*|[-\u2022*]\s+)?"
    r"(?:(?:regarding|concerning)\s+(?:the\s+)?(?:request(?:ed)?\s+(?:for|of)\s+)?"
    r"|(?:the\s+)?request(?:ed)?\s+(?:for|of)\s+)?",
    re.IGNORECASE,
)
_COUNT = re.compile(r"#\s*(\d{1,5})\b|\b(?:QTY|Quantity|Qty\.?)\s*[:#]?\s*(\d{1,5})\b", re.IGNORECASE)
_FREQUENCY = re.compile(
    rf"\b{_N}\s*(?:x|times?|visits?|sessions?)\s*(?:a|per|/|each)?\s*(?:week|wk)s?\s*(?:for|x|times|over)?\s*{_N}\s*"
    r"(?:weeks?|wks?)\b"
    rf"|\b{_N}\s*(?:x|times?)\s*{_N}\s*(?:weeks?|wks?|visits?|sessions?)?\b",
    re.IGNORECASE,
)
_UNITS = re.compile(
    rf"(?<![/.])\b{_N}\s*(?:\([^)]*\)\s*)?(?:(?!(?:mg|mcg|ml|gm?|milligrams?)\b)[A-Za-z-]+\s+){{0,3}}?"
    r"(?:sessions?|visits?|treatments?|hours?|tablets?|tabs?|capsules?|caps?|patch(?:es)?|pills?|injections?|units?)\b",
    re.IGNORECASE,
)


def clean_request(text: str) -> str:
    """The request as the letter names it, tidied (see the module docstring)."""
    text = _LEAD.sub("", collapse(text), count=1)
    text = text.strip().rstrip(":").strip()
    if len(text) > 1 and text[0] in "\"'\u201c" and text[-1] in "\"'\u201d":
        text = text[1:-1].strip()
    return text


def quantity(request: str) -> int | None:
    """The number of units the request asks for, or ``None``."""
    if found := _COUNT.search(request):
        return int(found.group(1) or found.group(2))
    if found := _FREQUENCY.search(request):
        numbers = [_number(g) for g in found.groups() if g]
        return numbers[0] * numbers[1]
    if found := _UNITS.search(request):
        return _number(found.group(1))
    return None


def body_region(request: str) -> str | None:
    """The body region the request names, or ``None``."""
    return first_region(request)


def _number(token: str) -> int:
    return int(token) if token.isdigit() else _NUMBER_WORDS[token.casefold()]
