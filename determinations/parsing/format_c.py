"""Format C items (medical professional review): issue list, guideline entries and rationale entries.

The items are the entries of ``ISSUE AT DISPUTE`` (numbered "1. X", or one
unnumbered issue). Each item's entry under the guidelines heading holds the
reviewer's citation ("The Professional Reviewer based his/her decision on ...
because ...", possibly after the Claims Administrator's), and its entry under
the rationale heading ends with its conclusion, which gives the outcome (the
rationale heading itself says "NOT MEDICALLY NECESSARY" for every item, so it
is no signal). Entries are matched by their number, or taken whole for a
single unnumbered item.
"""

from __future__ import annotations

import re

from .items import build_item, split_citations
from .letter import ParsedItem, ParseError
from .outcomes import conclusion
from .text import LinePattern, collapse

_NUMBER = LinePattern(r"[ \t]*(?:\((\d{1,2})\)|(\d{1,2})[.)])[ \t]+", initials=r"[(\d]")
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_COLON = re.compile(r":\s*")


def read_items(issues: str, guidelines: str, rationales: str) -> tuple[list[ParsedItem], list[str]]:
    """The disputed items of a format C letter, from its three sections' texts, and any warnings."""
    requests = _entries(issues)
    if not requests:
        raise ParseError("no disputed item found under ISSUE AT DISPUTE")
    guideline_entries = _entries(guidelines)
    rationale_entries = _entries(rationales)
    lines = [line for line in issues.split("\n") if line.strip()]
    if len(requests) == 1 and len(rationale_entries) > 1 and len(lines) == len(rationale_entries):
        requests = lines
    warnings = [
        f"{len(entries)} {name} entries for {len(requests)} disputed items; matched by order where possible"
        for name, entries in (("guideline", guideline_entries), ("rationale", rationale_entries))
        if entries and len(entries) != len(requests)
    ]
    items = []
    for position, request in enumerate(requests, start=1):
        request = collapse(request)
        rationale = _strip_request(_entry(rationale_entries, position), request)
        outcome = conclusion(rationale)
        if outcome is None:
            raise ParseError(f"no outcome found for item {position} ({request[:80]})")
        claims, reviewer = split_citations(_strip_request(_entry(guideline_entries, position), request))
        items.append(
            build_item(
                position,
                request,
                outcome,
                claims_administrator_citation=claims,
                reviewer_citation=reviewer,
                rationale=rationale,
            )
        )
    return items, warnings


def _entries(text: str) -> list[str]:
    """Numbered entries 1, 2, 3, ... of a section, or the whole text as one entry when unnumbered."""
    starts: list[re.Match[str]] = []
    for match in _NUMBER.finditer(text):
        if int(match.group(1) or match.group(2)) == len(starts) + 1:
            starts.append(match)
    if not starts:
        return [text.strip()] if text.strip() else []
    return [
        text[m.end() : starts[i + 1].start() if i + 1 < len(starts) else len(text)].strip()
        for i, m in enumerate(starts)
    ]


def _entry(entries: list[str], position: int) -> str:
    """The entry of item ``position``: by order, or the only one there is."""
    if len(entries) == 1:
        return entries[0]
    return entries[position - 1] if position <= len(entries) else ""


def _strip_request(entry: str, request: str) -> str:
    """``entry`` without the request name that introduces it ("X: The Professional Reviewer ...")."""
    entry = collapse(entry)
    wanted = _key(request)
    for colon in _COLON.finditer(entry, 0, len(request) + 20):
        if _key(entry[: colon.start()]) == wanted:
            return entry[colon.end() :]
    return entry


def _key(text: str) -> str:
    return _NON_ALNUM.sub("", text.casefold())
