"""A ``ParsedItem`` from the pieces every format yields: request, outcome, citations, rationale.

The format readers find the pieces; this module derives the rest the same way
for all of them: the category (``determinations.taxonomy.classify``), quantity,
body region and the reviewer's guideline citations. Texts are stored with
their whitespace collapsed.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..taxonomy import Classification, classify
from .citations import parse_citations
from .letter import ParsedItem
from .requests import body_region, clean_request, quantity
from .text import collapse

#: A sentence that starts the Claims Administrator's or the reviewer's statement.
_STATEMENT = re.compile(
    r"(?:^|[.!?:;]\s|\n)\s*(?:(?P<claims>The\s+Claims\s+Administrator)"
    r"|(?P<reviewer>The\s+(?:(?:Expert|Professional|Medical)\s+)?Reviewer))\b",
    re.IGNORECASE,
)


def split_citations(text: str) -> tuple[str, str]:
    """(Claims Administrator's statement, reviewer's statement) of a format B or C citation text.

    Each statement starts with the first sentence that starts "The Claims Administrator ..." or "The
    (Expert/Professional) Reviewer ..." ("... based its decision on ...", "... did not cite any medical
    evidence ...") and runs to the other statement or the end. A text with neither statement is taken
    as the reviewer's.
    """
    starts: dict[str, int] = {}
    for found in _STATEMENT.finditer(text):
        kind = "claims" if found.group("claims") else "reviewer"
        starts.setdefault(kind, found.start(kind))
        if len(starts) == 2:
            break
    claims, reviewer = starts.get("claims"), starts.get("reviewer")
    if claims is None:
        return "", text[reviewer:] if reviewer is not None else text
    if reviewer is None:
        return text[claims:], ""
    if reviewer < claims:
        return text[claims:], text[reviewer:claims]
    return text[claims:reviewer], text[reviewer:]


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
    request, classification, count, region = _request_facts(request)
    reviewer_citation = collapse(reviewer_citation)
    return ParsedItem(
        position=position,
        request=request,
        outcome=outcome,
        category=classification.category,
        subcategory=classification.subcategory,
        quantity=count,
        body_region=region,
        claims_administrator_citation=collapse(claims_administrator_citation),
        reviewer_citation=reviewer_citation,
        rationale=collapse(rationale),
        guidelines=parse_citations(reviewer_citation),
    )


@lru_cache(maxsize=8192)
def _request_facts(request: str) -> tuple[str, Classification, int | None, str | None]:
    """(clean request, classification, quantity, body region) of a request as the letter names it; remembered,
    because the same requests come back letter after letter."""
    request = clean_request(request)
    return request, classify(request), quantity(request), body_region(request)
