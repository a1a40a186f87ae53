"""Outcomes: the outcome word of a format A heading, and the conclusion of a statement.

IMR upholds a denial when the treatment is *not* medically necessary and
overturns it when it *is*. ``conclusion`` reads the last "is (not) medically
necessary" statement of a text; ``outcome_word`` maps ``Upheld``/``Overturned``.
"""

from __future__ import annotations

import re

UPHELD = "upheld"
OVERTURNED = "overturned"

#: "medically (un)necessary" in any case; led by a class of its first letter (and the ``\b`` before it checked
#: after it), which Python's regex engine scans far faster than a case-insensitive pattern.
_STATEMENT = re.compile(r"[Mm](?<!\w[Mm])(?i:edically\s+(?:(un)necessary|necessary|indicated|warranted))\b")
# The lookaheads name the characters a match starts with: other positions are skipped at once.
_NEGATION = re.compile(
    r"(?=[acinw])(?:\b(?:not|cannot|never|neither|nor|isn't|aren't|wasn't|weren't|no\s+longer)\b|n't\b)",
    re.IGNORECASE,
)
_CLAUSE_BREAK = re.compile(r"(?=[.;:!?abhw])(?:[.;:!?]\s|\b(?:but|however|although|while|whereas)\b)", re.IGNORECASE)
_WINDOW = 60
_TAIL = 400


def conclusion(text: str) -> str | None:
    """``upheld``/``overturned`` from the last "(not) medically necessary" statement, else ``None``."""
    last = _last_statement(text)
    if last is None:
        return None
    if last.group(1):
        return UPHELD
    before = text[max(0, last.start() - _WINDOW) : last.start()]
    breaks = list(_CLAUSE_BREAK.finditer(before))
    if breaks:
        before = before[breaks[-1].end() :]
    return UPHELD if _NEGATION.search(before) else OVERTURNED


def _last_statement(text: str) -> re.Match[str] | None:
    """The last ``_STATEMENT`` in ``text``, looked for in its end first (where the conclusion usually is).

    Statements cannot overlap, so the last one found from any position on is the last one of the text.
    """
    tail = max(0, len(text) - _TAIL)
    statements = list(_STATEMENT.finditer(text, tail)) or (list(_STATEMENT.finditer(text)) if tail else [])
    return statements[-1] if statements else None


def outcome_word(word: str) -> str:
    """``upheld`` or ``overturned`` for a heading's outcome word (any case)."""
    return UPHELD if word.casefold().startswith("uph") else OVERTURNED
