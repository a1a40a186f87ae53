"""The anonymous expert reviewer: specialty, subspecialty and state(s) of licensure.

Two ways letters describe the reviewer:

- a credentials block (from 2016): ``State(s) of Licensure: California,North
  Carolina`` and ``Certification(s)/Specialty: Physical Medicine &
  Rehabilitation, Pain Management`` (lists may wrap onto following lines). The
  specialty is the first certification, the subspecialty the others joined
  with ``, ``;
- prose: "is Board Certified in X[, has a subspecialty in Y] and is licensed
  to practice in Z", or "is Licensed in Chiropractic", wrapped anywhere.

Several states are joined with ``, `` in the order written.
"""

from __future__ import annotations

import re

from .letter import ReviewerProfile
from .text import collapse

# The lookahead names the letters a match starts with: other positions are skipped at once.
_BLOCK_LABEL = re.compile(
    r"(?=[bcs])(?P<label>State\(?s?\)?\s+of\s+Licensure|Certifications?\(?s?\)?\s*/\s*Specialt(?:y|ies)"
    r"|Board\s+Certifications?|\bSpecialt(?:y|ies)|\bSubspecialt(?:y|ies))[ \t]*:[ \t]*",
    re.IGNORECASE,
)
_HEADING_LINE = re.compile(r"[A-Z0-9 ,&()/'-]{6,}")
_TITLE_WORD = r"(?:[A-Z][\w'/-]*|&|and|of|the|in|for)"
_LIST_LINE = re.compile(rf"{_TITLE_WORD}(?:[ \t,]+{_TITLE_WORD})*,?")
#: Led by a class of its first letters ("\b" checked after the letter, each alternative picking its letter by
#: a lookbehind): scanned far faster than a case-insensitive pattern.
_PROSE = re.compile(
    r"[BbLl](?<!\w[BbLl])(?i:(?:(?<=[Bb])oard[\s-]+Certified|(?<=[Ll])icensed)\s+in\s+(?P<specialty>.+?)"
    r"(?:,?\s+(?:and\s+)?has\s+a\s+sub-?specialty\s+in\s+(?P<subspecialty>.+?))?"
    r"(?:,?\s+and\s+(?:is\s+)?licensed\s+to\s+practice\s+in\s+(?P<state>.+?))?"
    r"(?=\.\s|\.$|;|,?\s+He/she\b|,?\s+and\s+(?:is\s+)?(?:currently|has\s+been)\b|$))"
)
_STATE_SEPARATOR = re.compile(r"\s*(?:,|;|\band\b|&)\s*(?:and\s+)?", re.IGNORECASE)
_LIST_SEPARATOR = re.compile(r"\s*[,;]\s*")


def parse_reviewer(text: str) -> ReviewerProfile:
    """The reviewer described in ``text`` (the section that introduces the reviewer)."""
    block = _credentials_block(text)
    if block.specialty or block.license_state:
        return block
    found = _PROSE.search(collapse(text))
    if not found:
        return ReviewerProfile()
    return ReviewerProfile(
        specialty=_tidy(found.group("specialty")),
        subspecialty=_tidy(found.group("subspecialty")),
        license_state=_states(found.group("state")),
    )


def _credentials_block(text: str) -> ReviewerProfile:
    values: dict[str, str] = {}
    labels = list(_BLOCK_LABEL.finditer(text)) if ":" in text else []
    for i, match in enumerate(labels):
        label = match.group("label").casefold()
        key = "states" if label.startswith("state") else "subspecialty" if label.startswith("sub") else "cert"
        line_end = text.find("\n", match.end())
        line_end = len(text) if line_end < 0 else line_end
        next_label = labels[i + 1].start() if i + 1 < len(labels) else len(text)
        if next_label < line_end:
            values.setdefault(key, collapse(text[match.end() : next_label]))
        else:
            values.setdefault(key, _with_continuation(text, match.end(), line_end))
    certifications = [c for c in _LIST_SEPARATOR.split(values.get("cert", "")) if c]
    subspecialties = certifications[1:] + [s for s in _LIST_SEPARATOR.split(values.get("subspecialty", "")) if s]
    return ReviewerProfile(
        specialty=certifications[0] if certifications else None,
        subspecialty=", ".join(subspecialties) or None,
        license_state=_states(values.get("states")),
    )


def _with_continuation(text: str, start: int, line_end: int) -> str:
    """A block value plus the lines it wrapped onto (up to a blank line, heading or other text)."""
    parts = [text[start:line_end].strip()]
    for line in text[line_end + 1 :].split("\n", 3)[:3]:
        label = _BLOCK_LABEL.search(line)
        line = (line[: label.start()] if label else line).strip()
        if not _LIST_LINE.fullmatch(line) or _HEADING_LINE.fullmatch(line):
            break
        parts.append(line)
        if label:
            break
    return collapse(" ".join(parts))


def _states(value: str | None) -> str | None:
    if not value:
        return None
    states = [s for s in _STATE_SEPARATOR.split(collapse(value).rstrip(".")) if s]
    return ", ".join(states) or None


def _tidy(value: str | None) -> str | None:
    if not value:
        return None
    return collapse(value).strip(" ,.;") or None
