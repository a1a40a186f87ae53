"""A ``ParsedItem`` from the pieces every format yields: request, outcome, citations, rationale.

The format readers find the pieces; this module derives the rest the same way
for all of them: the category (``determinations.taxonomy.classify``), quantity,
body region and the reviewer's guideline citations. Texts are stored with
their whitespace collapsed.
"""

from __future__ import annotations

import re

from ..taxonomy import classify
from .citations import parse_citations
from .letter import ParsedItem
from .requests import body_region, clean_request, quantity
from .text import collapse

_REVIEWER_STATEMENT = re.compile(
    r"\bThe\s+(?:Expert\s+|Professional\s+|Medical\s+)?Reviewer\s+(?:based|did\s+not)\b", re.IGNORECASE
)
_CLAIMS_STATEMENT = re.compile(r"\bThe\s+Claims\s+Administrator\s+based\b", re.IGNORECASE)


def split_citations(text: str) -> tuple[str, str]:
    """(Claims Administrator's statement, reviewer's statement) of a format B or C citation text.

    The reviewer's statement runs from "The Expert/Professional Reviewer based ..." to the end; the
    Claims Administrator's from "The Claims Administrator based ..." to the reviewer's. A text with
    neither statement is taken as the reviewer's.
    """
    reviewer = _REVIEWER_STATEMENT.search(text)
    claims = _CLAIMS_STATEMENT.search(text)
    if not claims:
        return "", text[reviewer.start() :] if reviewer else text
    if not reviewer:
        return text[claims.start() :], ""
    if reviewer.start() < claims.start():
        return text[claims.start() :], text[reviewer.start() : claims.start()]
    return text[claims.start() : reviewer.start()], text[reviewer.start() :]


def build_item(
    position: int,
    request: str,
    outcome: str,
    *,
    claims_administrator_citation: str = "",
    reviewer_citation: str = "",
    rationale: str = "",
) -> ParsedItem:
    """One disputed item; the guidelines are read from the reviewer's citation."""
    request = clean_request(request)
    classification = classify(request)
    reviewer_citation = collapse(reviewer_citation)
    return ParsedItem(
        position=position,
        request=request,
        outcome=outcome,
        category=classification.category,
        subcategory=classification.subcategory,
        quantity=quantity(request),
        body_region=body_region(request),
        claims_administrator_citation=collapse(claims_administrator_citation),
        reviewer_citation=reviewer_citation,
        rationale=collapse(rationale),
        guidelines=parse_citations(reviewer_citation),
    )
