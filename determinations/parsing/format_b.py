"""Format B items (MAXIMUS letterhead): a statement or heading, citations, then "Rationale for the Decision".

Each item in the decisions section is

- a heading: "1. X is not medically necessary and appropriate." (the statement
  may wrap), or "1) Regarding the request for X:" (the conclusion is then in the
  rationale), numbered or not;
- the citations: the Claims Administrator's statement ("The Claims Administrator
  based its decision on ...", "The Claims Administrator did not cite any medical
  evidence ...") and the reviewer's ("The Expert Reviewer based his/her decision
  on ..."), optionally under "Medical Treatment Guideline(s) Relied Upon:"; the
  first line since the previous rationale label that starts with "The Claims
  Administrator" or "The (Expert) Reviewer", whatever follows, starts them;
- "Rationale for the Decision:" and the rationale.

The outcome is the heading's statement, else the rationale's conclusion; when
both exist and disagree the heading wins and a warning is given.
"""

from __future__ import annotations

import re

from .items import build_item, split_citations
from .letter import ParsedItem, ParseError
from .outcomes import conclusion
from .text import LinePattern, collapse

_RATIONALE = LinePattern(
    r"[ \t]*(?:Rationale\s+for\s+(?:the\s+)?Decision[ \t]*:?|(?:Decision\s+)?Rationale[ \t]*:)[ \t]*",
    re.IGNORECASE,
    initials="[RD]",
)
_CITATION_START = LinePattern(
    r"[ \t]*(?:Medical\s+Treatment\s+Guidelines?(?:\(s\))?\s+Relied\s+Upon"
    r"|The\s+(?:Claims\s+Administrator|(?:Expert\s+|Professional\s+)?Reviewer)\b)",
    re.IGNORECASE,
    initials="[MT]",
)
#: Led by a class of its first letter, which is scanned far faster than a case-insensitive pattern.
_RELIED_UPON = re.compile(r"[Mm](?i:edical\s+Treatment\s+Guidelines?(?:\(s\))?\s+Relied\s+Upon\s*:?)")
_NUMBERED = re.compile(r"^\s*(?:\(\d{1,2}\)|\d{1,2}\s*[.)])\s+")
_TERMINATED = re.compile(r"[.!?:][\"'\u201d)\]]*$")
_STRUCTURAL = re.compile(r"^The\s+Final\s+Determination\s+was\s+based", re.IGNORECASE)
_STATEMENT = re.compile(
    r"^(?P<request>.+?)\s*,?\s+(?:is|are|was|were)\s+(?P<not>not\s+)?medically\s+necessary\b", re.IGNORECASE
)
_MAX_HEADING_LINES = 8


def read_items(issues: str) -> tuple[list[ParsedItem], list[str]]:
    """The disputed items of a format B decisions section, and any warnings."""
    rationales = list(_RATIONALE.finditer(issues))
    if not rationales:
        raise ParseError("no disputed item found: no 'Rationale for the Decision' in the decisions section")
    items: list[ParsedItem] = []
    warnings: list[str] = []
    floor = 0
    blocks = []
    for label in rationales:
        citation = _CITATION_START.search(issues, floor, label.start())
        heading_end = citation.start() if citation else label.start()
        heading_start = _heading_start(issues, floor, heading_end)
        blocks.append((heading_start, issues[heading_start:heading_end], issues[heading_end : label.start()], label))
        floor = label.end()
    for index, (_, heading, citations, label) in enumerate(blocks):
        end = blocks[index + 1][0] if index + 1 < len(blocks) else len(issues)
        rationale = issues[label.end() : end]
        item, warning = _item(index + 1, collapse(heading), citations, rationale)
        items.append(item)
        warnings.extend(warning)
    return items, warnings


def _heading_start(text: str, floor: int, end: int) -> int:
    """Where the heading that ends at ``end`` begins: its number, else the end of the previous sentence.

    The heading may wrap over several lines, also across blank lines (a page footer removed from the
    middle of a heading leaves some): a blank line ends the heading only when the line before it ends
    a sentence.
    """
    lines = text[floor:end].rstrip().split("\n")
    offsets = [floor]
    for line in lines[:-1]:
        offsets.append(offsets[-1] + len(line) + 1)
    last = start = len(lines) - 1
    filled = 0
    for k in range(last, -1, -1):
        line = lines[k].strip()
        if not line:
            continue
        if k < last and (_TERMINATED.search(line) or _STRUCTURAL.match(line)):
            break
        start = k
        filled += 1
        if _NUMBERED.match(line) or filled == _MAX_HEADING_LINES:
            break
    return offsets[start]


def _item(position: int, heading: str, citations: str, rationale: str) -> tuple[ParsedItem, list[str]]:
    statement = _STATEMENT.match(heading)
    request = statement.group("request") if statement else heading
    stated = ("upheld" if statement.group("not") else "overturned") if statement else None
    concluded = conclusion(rationale)
    outcome = stated or concluded
    if outcome is None:
        raise ParseError(f"no outcome found for item {position} ({collapse(request)[:80]})")
    claims, reviewer = split_citations(_RELIED_UPON.sub(" ", citations))
    item = build_item(
        position,
        request,
        outcome,
        claims_administrator_citation=claims,
        reviewer_citation=reviewer,
        rationale=rationale,
    )
    if stated and concluded and stated != concluded:
        return item, [
            f"Item {position} ({item.request}): the statement says it is {'not ' if stated == 'upheld' else ''}"
            f"medically necessary but the rationale concludes the opposite; kept {stated}"
        ]
    return item, []
