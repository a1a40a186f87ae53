"""Format A items: ``<REQUEST>: Upheld|Overturned`` headings, each followed by its citations and rationale.

A heading ends with its outcome word, after a colon (``: Upheld``) or, in a
partial-authorisation paragraph, after "is" (``..., Z is: Upheld``); the word may
sit alone on the next line. The heading starts after the previous sentence
ended, so it may wrap over several lines (and blank lines) and contain colons
of its own. In a partial-authorisation paragraph (``X was the original
request. Y was authorized ... The remaining IMR eligible portion of the
original request, Z is: Upheld``) the disputed item is Z. A rationale that
repeats such a paragraph without the outcome word is not a heading.

Each item's body holds ``Claims Administrator guideline:``, ``MAXIMUS
guideline:`` (the reviewer's citation) and ``Decision rationale:``. A rationale
that concludes the opposite of its heading keeps the heading's outcome and
gives a warning.
"""

from __future__ import annotations

import re

from .items import build_item
from .letter import ParsedItem
from .outcomes import conclusion, outcome_word
from .text import LinePattern, collapse

_HEADING_END = re.compile(
    r"^(?P<head>.*?)[ \t]*(?P<sep>:|\bis\b[ \t]*:?)[ \t]*(?P<outcome>upheld|overturned)[ \t]*\.?$", re.IGNORECASE
)
_LONE_OUTCOME = re.compile(r"^:?[ \t]*(?P<outcome>upheld|overturned)[ \t]*\.?$", re.IGNORECASE)
_OPEN_END = re.compile(r"(?::|\bis\b:?)$", re.IGNORECASE)
_TERMINATED = re.compile(r"[.!?][\"'\u201d)\]]*$")
_STRUCTURAL = re.compile(
    r"^(?:The\s+Final\s+Determination\s+was\s+based|Claims\s+Administrator\S*\s+guideline|MAXIMUS\s+guideline"
    r"|Expert\s+Reviewer\S*\s+guideline"
    r"|Decision\s+rationale)",
    re.IGNORECASE,
)
_LABEL = LinePattern(
    r"[ \t]*(?:(?P<claims>Claims\s+Administrator(?:'s)?\s+guidelines?(?:\(s\))?)"
    r"|(?P<reviewer>(?:MAXIMUS|Expert\s+Reviewer(?:'s)?)\s+guidelines?(?:\(s\))?)"
    r"|(?P<rationale>Decision\s+rationale))[ \t]*:",
    re.IGNORECASE,
    initials="[CMED]",
)
#: The sentence that opens the issues section ("The Final Determination was based on decisions for the
#: disputed items/services set forth below:"), however it wraps: it is no part of the first heading.
_OPENING = re.compile(r"\s*The\s+Final\s+Determination\s+was\s+based\b(?:[^:.\n]|\n(?![ \t]*\n))*[:.]", re.IGNORECASE)
_PARTIAL_MARK = re.compile(r"original\s+request", re.IGNORECASE)
_PARTIAL_TAIL = re.compile(r"(?:the\s+)?(?:original\s+request|remaining\s+(?:IMR\s+)?eligible\s+portion)\b", re.I)
_PARTIAL_ITEM = re.compile(r"original\s+request\s*(?:,|\bis\b|:)\s*(?:is\b\s*)?", re.IGNORECASE)
_TRAILING_IS = re.compile(r"[\s,]*(?:\bis\b)?[\s:]*$", re.IGNORECASE)
_SENTENCE_BREAK = re.compile(r"[.!?]\s+(?=[A-Z0-9])")
_MAX_HEADING_LINES = 12
_OUTCOME_WORDS = ("upheld", "overturned")


def read_items(issues: str) -> tuple[list[ParsedItem], list[str]]:
    """The disputed items of a format A issues section, and any warnings."""
    if opening := _OPENING.match(issues):
        issues = issues[opening.end() :]
    lines = issues.split("\n")
    headings = _headings(lines)
    items: list[ParsedItem] = []
    warnings: list[str] = []
    for index, (_, end, heading, word) in enumerate(headings):
        next_start = headings[index + 1][0] if index + 1 < len(headings) else len(lines)
        body = _labelled_parts("\n".join(lines[end + 1 : next_start]))
        item = build_item(
            index + 1,
            _request(heading),
            outcome_word(word),
            claims_administrator_citation=body.get("claims", ""),
            reviewer_citation=body.get("reviewer", ""),
            rationale=body.get("rationale", ""),
        )
        concluded = conclusion(item.rationale)
        if concluded and concluded != item.outcome:
            warnings.append(
                f"Item {item.position} ({item.request}): the heading says {word.capitalize()} but the rationale "
                f"concludes it is {'not ' if concluded == 'upheld' else ''}medically necessary; "
                f"kept {item.outcome}"
            )
        items.append(item)
    return items, warnings


def _headings(lines: list[str]) -> list[tuple[int, int, str, str]]:
    """(first line, last line, heading text without its outcome, outcome word) of every heading."""
    found: list[tuple[int, int, str, str]] = []
    floor = 0
    # Both outcome words end in "d" (and only "d" and "D" case-fold to a text ending in "d").
    for j in (j for j, line in enumerate(lines) if line.rstrip(" .").endswith(("d", "D"))):
        end = _heading_end(lines, j, floor)
        if end is None:
            continue
        head, word = end
        start = _heading_start(lines, j, floor)
        text = collapse(" ".join([*lines[start:j], head]))
        if text:
            found.append((start, j, text, word))
            floor = j + 1
    return found


def _heading_end(lines: list[str], j: int, floor: int) -> tuple[str, str] | None:
    """(the heading's own text on line ``j``, outcome word) when line ``j`` ends a heading."""
    line = lines[j]
    if not line.rstrip(" .").casefold().endswith(_OUTCOME_WORDS):
        return None
    lone = _LONE_OUTCOME.match(line)
    if lone:
        previous = _previous_filled(lines, j, floor)
        if previous is None or not (line.startswith(":") or _OPEN_END.search(lines[previous])):
            return None
        return "", lone.group("outcome")
    found = _HEADING_END.match(line)
    if not found or not found.group("outcome")[0].isupper():
        return None
    if found.group("sep").casefold().startswith("is") and ":" not in found.group("sep"):
        paragraph = " ".join(lines[max(floor, j - _MAX_HEADING_LINES) : j + 1])
        if not _PARTIAL_MARK.search(paragraph):
            return None
    return found.group("head"), found.group("outcome")


def _heading_start(lines: list[str], j: int, floor: int) -> int:
    """The first line of the heading ending on line ``j``, with the whole partial-authorisation paragraph."""
    start = _paragraph_start(lines, j, floor)
    if _PARTIAL_TAIL.match(lines[start]):
        previous = _previous_filled(lines, start, floor)
        if previous is not None:
            earlier = _paragraph_start(lines, previous, floor)
            if _PARTIAL_MARK.search(" ".join(lines[earlier : previous + 1])):
                return earlier
    return start


def _paragraph_start(lines: list[str], j: int, floor: int) -> int:
    """The first line of the sentence run that ends on line ``j`` (line ``j`` itself always belongs)."""
    start = j
    k = j - 1
    while k >= floor and j - k <= _MAX_HEADING_LINES:
        line = lines[k]
        if not line:
            previous = _previous_filled(lines, k, floor)
            if previous is None or _TERMINATED.search(lines[previous]) or _STRUCTURAL.match(lines[previous]):
                break
            k = previous
            continue
        if _TERMINATED.search(line) or _STRUCTURAL.match(line):
            break
        start = k
        k -= 1
    return start


def _previous_filled(lines: list[str], j: int, floor: int) -> int | None:
    k = j - 1
    while k >= floor and not lines[k]:
        k -= 1
    return k if k >= floor else None


def _request(heading: str) -> str:
    """The disputed request named by a heading (the Z of a partial-authorisation paragraph)."""
    heading = _TRAILING_IS.sub("", heading) if _PARTIAL_MARK.search(heading) else heading.rstrip(" :")
    partial = list(_PARTIAL_ITEM.finditer(heading))
    if partial and partial[-1].end() < len(heading):
        return heading[partial[-1].end() :]
    if _PARTIAL_MARK.search(heading):
        return _SENTENCE_BREAK.split(heading)[-1]
    return heading


def _labelled_parts(body: str) -> dict[str, str]:
    labels = list(_LABEL.finditer(body))
    parts: dict[str, str] = {}
    for i, label in enumerate(labels):
        end = labels[i + 1].start() if i + 1 < len(labels) else len(body)
        parts.setdefault(label.lastgroup or "", body[label.end() : end].strip())
    return parts
