"""The reviewer's guideline citation text as a list of ``GuidelineCitation``.

Contract (DESIGN.md section 3): one citation per cited document (and per
topic of it that carries its own pages), with its family:

- ``MTUS``: an MTUS document is cited ("Decision based on MTUS ...", or an MTUS
  document such as the Chronic Pain Medical Treatment Guidelines). A
  ``Non-MTUS Citation``, a basis "outside of the MTUS" or a remark that the
  MTUS does not address something does not count.
- ``ACOEM``: ACOEM is named; an ``MTUS/ACOEM`` document counts as both MTUS
  and ACOEM (two citations).
- ``ODG``: "ODG" or "Official Disability Guidelines".
- ``OTHER``: any other source (a journal, a web address, FDA labelling,
  another society's guideline, "Other Medical Treatment Guidelines"), or a
  Non-MTUS citation that names no source.

"The Expert Reviewer did not cite any medical evidence" gives no citation.

Sources are told apart where a statement starts ("Decision based on ...", "The
Expert Reviewer based ..."), after "; ", and after "and" or ". " when a source's
name follows: a known one (``_HEAD``), after "and the" any capitalised name, after
", and" a name of capitalised words. A topic of the same document after ", and"
(it carries its own pages) and the last word of a list in a chapter title
("Hand, Wrist, and Forearm Disorders") start no new source.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .letter import GuidelineCitation
from .text import collapse

MTUS, ACOEM, ODG, OTHER = "MTUS", "ACOEM", "ODG", "OTHER"

# The lookaheads that lead several patterns name the characters a match can start with: positions without
# one are skipped at once instead of trying every alternative (several times faster).
_NO_EVIDENCE = re.compile(
    r"(?=[dn])(?:did\s+not\s+cite\s+any|no\s+(?:medical\s+evidence|guidelines?)\s+(?:was|were)\s+cited)",
    re.IGNORECASE,
)
#: Wording that names the MTUS without citing it: removed before reading families.
_OUTSIDE_MTUS = re.compile(r"\boutside\s+(?:of\s+)?the\s+(?:CA\s+|California\s+)?MTUS\b", re.IGNORECASE)
#: (Only where ``_may_hold_non_citation``.)
_NOT_A_CITATION = re.compile(
    r",?\s*\bbecause\b[^.]*\.?"
    r"|\b(?:the\s+)?(?:CA\s+|California\s+)?MTUS\b[^.;,]{0,30}?\b(?:does|do|did|is|are)\s+(?:not|silent)\b[^.;]*[.;]?",
    re.IGNORECASE,
)
#: MTUS documents that letters name without the word MTUS; the first ones may start a new document.
_MTUS_DOCUMENT_START = (
    r"(?:Chronic\s+Pain|Opioids?|Post-?surgical|Acupuncture)\s+(?:Medical\s+)?Treatment"
    r"|General\s+Approaches\s+(?:19|20)\d\d"
)
_MTUS_DOCUMENT = (
    rf"{_MTUS_DOCUMENT_START}|[A-Z][A-Za-z,]*(?:\s+(?:and\s+)?[A-Z][A-Za-z,]*){{0,4}}\s+Complaints\s+(?:19|20)\d\d"
)
_HEAD = (
    r"(?:Non-?\s?MTUS\s+Citation|(?:CA\s+|California\s+)?MTUS\b|ACOEM\b|Official\s+Disability\s+Guidelines|ODG\b"
    r"|Other\s+(?:Medical\s+Treatment\s+)?Guidelines?\b|https?://|www\.|American\s+[A-Z]|National\s+[A-Z]"
    r"|International\s+[A-Z]|Journal\b|FDA\b|(?:U\.?S\.?\s+)?Food\s+and\s+Drug|Medicare\b|CMS\b|Work\s+Loss\s+Data"
    rf"|{_MTUS_DOCUMENT_START})"
)
#: Where a citation may start a new source. Starting another statement or after "; " it always does;
#: after "and", ". " or ", " only as ``_starts_source`` decides.
_BREAK = re.compile(
    r"(?=[DdTtEePpMmRr;,.\s])"
    r"(?i:\bDecision\s+based\s+on\s+(?:the\s+)?"
    r"|(?:\bThe\s+)?(?:(?:Expert|Professional|Medical)\s+)?Reviewer\s+based\s+\S+\s+decisions?\s+on\s+(?:the\s+)?"
    r"|;\s*(?:and\s+)?(?:on\s+)?(?:the\s+)?)"
    r"|(?P<and>(?P<comma>,)?\s+(?i:and)\s+(?i:on\s+)?(?P<the>(?i:the)\s+)?)"
    r"|(?P<stop>\.\s+(?i:the\s+)?)"
    r"|,\s+(?=https?://|www\.|(?:the\s+)?(?:Official\s+Disability|ODG\b|Non-?\s?MTUS))"
)
_HEAD_AT = re.compile(_HEAD)
#: A name of two or more capitalised words ("Centers for Medicare & Medicaid Services", "North American
#: Spine Society"), unlike a topic in sentence case ("Nerve conduction studies").
_PROPER_NAME = re.compile(r"[A-Z][\w'&.-]*(?:\s+(?:(?:of|for|on|and|&|the|in|to)\s+)*[A-Z][\w'&.-]*)+")
#: The end of a list of single capitalised words ("MTUS Hand, Wrist" before ", and Forearm Disorders"):
#: the ", and" that ends such a list continues the name it is part of. The list's first word follows no
#: other capitalised word ("Pain Chapter, Exercise" is no list).
_LIST_END = re.compile(r"(?:^|[^a-z\s]\s)[A-Z][a-z]+,\s+[A-Z][a-z]+$")
_NON_MTUS = re.compile(r"^(?:the\s+)?Non-?\s?MTUS\s+Citation\s*:?\s*(?:the\s+)?", re.IGNORECASE)
_MTUS_ACOEM = re.compile(r"\bMTUS\s*/\s*ACOEM\b|\bACOEM\s*/\s*MTUS\b", re.IGNORECASE)
_MTUS_NAMED = re.compile(rf"^(?:the\s+)?(?:CA\s+|California\s+)?MTUS\b|^(?:the\s+)?(?:{_MTUS_DOCUMENT})")
_ACOEM_NAMED = re.compile(r"\bACOEM\b|American\s+College\s+of\s+Occupational", re.IGNORECASE)
_ODG_NAMED = re.compile(r"\bODG\b|Official\s+Disability\s+Guidelines", re.IGNORECASE)
_TOPIC_BREAK = re.compile(r"(?<=\d),?\s+and\s+(?=[A-Z])")
_SECTION_LABEL = re.compile(r"(?=[,\ss]),?\s*Sections?\(?s?\)?\s*:\s*", re.IGNORECASE)
_GUIDELINES_TITLE = re.compile(
    r"^.*?\bGuidelines?\b(?:\s*\((?:ODG|MTUS|ACOEM)\))?"
    r"(?:,?\s+\d+(?:st|nd|rd|th)\s+(?:Edition|ed\.?)(?:\s*\(\d{4}\))?)?(?!\s+(?:for|on|of)\b)",
    re.IGNORECASE,
)
_PAGES = re.compile(
    r"(?=[,\sp]),?\s*(?:Page\(s\)|pages?|pp?\.|pgs?\.?)\s*:?\s*"
    r"(\d+(?:\s*[-\u2013]\s*\d+)?(?:\s*(?:,|and|&)\s*\d+(?:\s*[-\u2013]\s*\d+)?)*)",
    re.IGNORECASE,
)
_WORDLIKE = re.compile(r"[A-Za-z]{3}")
_EDGES = " ,.;:-"


def parse_citations(text: str) -> list[GuidelineCitation]:
    """Every guideline document the reviewer cited in ``text``, in order, with its family."""
    return list(_citations(collapse(text)))


@lru_cache(maxsize=8192)
def _citations(text: str) -> tuple[GuidelineCitation, ...]:
    """``parse_citations`` of a collapsed text; remembered, because letters repeat citations word for word."""
    if not text or _NO_EVIDENCE.search(text):
        return ()
    text = _drop_outside_mtus(text)
    if _may_hold_non_citation(text):
        text = _NOT_A_CITATION.sub(" ", text)
    citations: list[GuidelineCitation] = []
    for segment in _split_sources(text):
        segment = segment.strip(_EDGES)
        non_mtus = bool(_NON_MTUS.match(segment))
        if non_mtus:
            segment = _NON_MTUS.sub("", segment).strip(_EDGES)
        families = _families(segment, non_mtus)
        if not families:
            continue
        first, *more = _TOPIC_BREAK.split(segment)
        document, topic, pages = _document_topic_pages(first)
        if families[0] == MTUS and document and "MTUS" not in document.upper():
            document = f"MTUS {document}"
        for part_topic, part_pages in [(topic, pages), *map(_topic_pages, more)]:
            citations.extend(GuidelineCitation(family, document, part_topic, part_pages) for family in families)
    return tuple(citations)


def _split_sources(text: str) -> list[str]:
    """``text`` cut where each cited source starts."""
    parts: list[str] = []
    start = position = 0
    while found := _BREAK.search(text, position):
        if _starts_source(text, found):
            parts.append(text[start : found.start()])
            start = position = found.end()
        else:
            position = found.start() + 1
    parts.append(text[start:])
    return parts


def _starts_source(text: str, found: re.Match[str]) -> bool:
    """Whether the text after the break ``found`` names another source.

    After "and" or ". ": a known source (``_HEAD``). After "and the": any capitalised name. After ", and":
    also a name of capitalised words, unless the ", and" ends a list of words (``_LIST_END``) or the name
    carries its own pages (then it is another topic of the same document: "..., pages 30-34, and
    Functional Restoration Programs, page 49").
    """
    if not (found.group("and") or found.group("stop")):
        return True
    end = found.end()
    if _HEAD_AT.match(text, end):
        return True
    if not found.group("and"):
        return False
    if found.group("the"):
        return text[end : end + 1].isupper()
    if not (found.group("comma") and _PROPER_NAME.match(text, end)):
        return False
    if _LIST_END.search(text, max(0, found.start() - 60), found.start()):
        return False
    following = _BREAK.search(text, end)
    return not _PAGES.search(text, end, following.start() if following else len(text))


def _may_hold_non_citation(text: str) -> bool:
    """Whether ``_NOT_A_CITATION`` can match ``text``: it needs "because", or "MTUS" and "not" or "silent".

    A cheap test of the case-folded text: ``re.IGNORECASE`` matches exactly the characters that case-fold
    onto these words' letters (they have no "i", which it also matches to "ı").
    """
    folded = text.casefold()
    return "because" in folded or ("mtus" in folded and ("not" in folded or "lent" in folded))


def _drop_outside_mtus(text: str) -> str:
    """``text`` without the sentences that place the decision outside of the MTUS."""
    while found := _OUTSIDE_MTUS.search(text):
        start = text.rfind(". ", 0, found.start()) + 1
        end = text.find(". ", found.end())
        text = text[:start] + (text[end + 1 :] if end >= 0 else "")
    return text


def _families(segment: str, non_mtus: bool) -> list[str]:
    if _MTUS_ACOEM.search(segment[:40]):
        return [ACOEM] if non_mtus else [MTUS, ACOEM]
    if not non_mtus and _MTUS_NAMED.match(segment):
        return [MTUS]
    if _ODG_NAMED.search(segment[:60]):
        return [ODG]
    if _ACOEM_NAMED.search(segment[:60]):
        return [ACOEM]
    return [OTHER] if non_mtus or _WORDLIKE.search(segment) else []


def _topic_pages(part: str) -> tuple[str, str]:
    found = _PAGES.search(part)
    if not found:
        return part.strip(_EDGES), ""
    pages = re.sub(r"\s*[-\u2013]\s*", "-", found.group(1))
    return (part[: found.start()] + part[found.end() :]).strip(_EDGES), pages


def _document_topic_pages(part: str) -> tuple[str, str, str]:
    part, pages = _topic_pages(part)
    section = _SECTION_LABEL.search(part)
    if section:
        document, topic = part[: section.start()], part[section.end() :]
    elif title := _GUIDELINES_TITLE.match(part):
        document, topic = title.group(0), part[title.end() :]
    else:
        document, _, topic = part.partition(",")
    return document.strip(_EDGES), topic.strip(_EDGES), pages
