"""Outcomes: the outcome word of a format A heading, and the conclusion of a statement.

IMR upholds a denial when the treatment is *not* medically necessary and
overturns it when it *is*. ``conclusion`` reads the last "is (not) medically
necessary" statement of a text; ``outcome_word`` maps ``Upheld``/``Overturned``.
"""

from __future__ import annotations

import re

UPHELD = "upheld"
OVERTURNED = "overturned"

_STATEMENT = re.compile(r"\bmedically\s+(?:(un)necessary|necessary|indicated|warranted)\b", re.IGNORECASE)
_NEGATION = re.compile(
    r"\b(?:not|cannot|never|neither|nor|isn't|aren't|wasn't|weren't|no\s+longer)\b|n't\b", re.IGNORECASE
)
_CLAUSE_BREAK = re.compile(r"[.;:!?]\s|\b(?:but|however|although|while|whereas)\b", re.IGNORECASE)
_WINDOW = 60


def conclusion(text: str) -> str | None:
    """``upheld``/``overturned`` from the last "(not) medically necessary" statement, else ``None``."""
    statements = list(_STATEMENT.finditer(text))
    if not statements:
        return None
    last = statements[-1]
    if last.group(1):
        return UPHELD
    before = text[max(0, last.start() - _WINDOW) : last.start()]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    return UPHELD if _NEGATION.search(before) else OVERTURNED


def outcome_word(word: str) -> str:
    """``upheld`` or ``overturned`` for a heading's outcome word (any case)."""
    return UPHELD if word.casefold().startswith("uph") else OVERTURNED
