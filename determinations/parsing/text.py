"""Clean-up of text extracted from letter PDFs.

``clean_text`` turns raw extracted text into lines a parser can rely on:

- line endings, tabs, no-break spaces, ligatures and PDF bullet glyphs (U+F0B7)
  are normalised, trailing and repeated spaces removed;
- "double-spaced" extractions (an empty line after every line) are folded, so
  that only real paragraph breaks remain, as one empty line each;
- page footers (``Page 1 of 3``) and repeated running headers
  (`` Case Number:  CM15-0093814``) are dropped, and the sentence they
  interrupted is joined again;
- words hyphenated across a line break are mended: ``radiculo-``/``pathy``
  becomes ``radiculopathy`` when the letter itself supports the joined word,
  while real hyphens (``L4-``/``5``, ``X-``/``Ray``, ``non-``/``radicular``,
  ``short-``/``and long-term``) are kept.

The result has one text line per line and exactly one empty line between
paragraphs. ``collapse`` squeezes any text to single-spaced one-line form;
``LinePattern`` finds a pattern at line starts fast.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from itertools import pairwise

_TRANSLATE = str.maketrans(
    {
        "\r": "\n",
        "\f": "\n",
        "\v": "\n",
        "\t": " ",
        "\u00a0": " ",
        "\u2007": " ",
        "\u202f": " ",
        "\u200b": None,
        "\ufeff": None,
        "\u00ad": None,
        "\ufb01": "fi",
        "\ufb02": "fl",
        "\ufb00": "ff",
        "\ufb03": "ffi",
        "\ufb04": "ffl",
        "\uf0b7": "\u2022",
        "\uf0a7": "\u2022",
        "\uf076": "\u2022",
        "\uf0d8": "\u2022",
        "\uf0fc": "\u2022",
        "\x00": None,
    }
)

#: (character, replacement) for the characters ``_TRANSLATE`` rewrites, in ASCII and not.
_ASCII_REPLACEMENTS = tuple((chr(code), new or "") for code, new in _TRANSLATE.items() if code < 128)
_OTHER_REPLACEMENTS = {chr(code): new or "" for code, new in _TRANSLATE.items() if code >= 128}
#: Runs of spaces, wide spaces among them; and, as a faster pattern led by a literal, runs of " " alone.
_SPACES = re.compile(r"[ \u2000-\u200a\u3000][ \u2000-\u200a\u3000]+")
_PLAIN_SPACES = re.compile("  +")
#: ASCII whitespace other than " " and "\n" (``str.split`` splits at these too).
_OTHER_ASCII_WHITESPACE = "\t\r\x0b\x0c\x1c\x1d\x1e\x1f"
_WIDE_SPACES = frozenset(map(chr, [*range(0x2000, 0x200B), 0x3000]))
#: Any character outside ASCII that is replaced or squeezed.
_UNUSUAL = re.compile("[" + re.escape("".join(_OTHER_REPLACEMENTS)) + r"\u2000-\u200a\u3000]")
_FOOTER = re.compile(
    r"(?:page|pg\.?)\s*\d{1,3}\s*(?:of|/)\s*\d{1,3}|page\s+\d{1,3}|-\s*\d{1,3}\s*-|\d{1,3}\s+of\s+\d{1,3}",
    re.IGNORECASE,
)
_RUNNING_HEADER = re.compile(
    r"(?:IMR\s+)?Case\s+(?:Number|No\.?)\s*:?\s*(?P<number>[A-Z]{1,4}\d{2}-\d{3,9})", re.IGNORECASE
)
_SENTENCE_END = re.compile(r"[.!?:;][\"')\]]*$")
#: A word of the letter's vocabulary (in its case-folded text).
_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*")
_LEADING_WORD = re.compile(r"[A-Za-z0-9]+")
_LINE_END_HYPHEN = re.compile("-\n")
_TRAILING_FRAGMENT = re.compile(r"([A-Za-z0-9]+)-$")
#: Endings that are not words on their own: a line starting with one of them
#: after a hyphen is the rest of a split word (``radiculo-``/``pathy``).
_SUFFIX_FRAGMENT = re.compile(
    r"(?:pathy|pathic|tion|tions|sion|sions|ment|ments|ness|ity|ities|ology|ologist|logy|itis|ectomy|otomy|"
    r"ostomy|plasty|scopy|graphy|gram|ular|ally|ical|ated|ation|ations|ized|izing|ism|ic|ive|ous|ence|ance)s?"
)
_FURNITURE_LENGTH = 48
_SUSPENDED = frozenset({"and", "or", "to", "nor", "und"})


class LinePattern:
    """A pattern that matches at line starts only: the matches of ``^(?:pattern)`` in MULTILINE mode.

    They are found from the newlines (a scan for a literal character), several times faster than by trying
    ``^`` at every position. ``initials``, a character class that the first character of every match after
    its leading blanks is in, lets most lines be passed over at once. The pattern must not match the empty
    string.
    """

    def __init__(self, pattern: str, flags: int = 0, initials: str | None = None) -> None:
        self.pattern = re.compile(f"^(?:{pattern})", flags | re.MULTILINE)
        lead = f"(?=[ \t]*{initials})" if initials else ""
        self._after_newline = re.compile(f"\n{lead}(?={pattern})", flags | re.MULTILINE)

    def search(self, text: str, pos: int = 0, endpos: int | None = None) -> re.Match[str] | None:
        """The first match at or after ``pos`` (ending by ``endpos``), as ``self.pattern.search`` finds it."""
        endpos = len(text) if endpos is None else endpos
        if pos == 0 or text[pos - 1 : pos] == "\n":
            found = self.pattern.match(text, pos, endpos)
            if found:
                return found
        newline = self._after_newline.search(text, pos, endpos)
        return self.pattern.match(text, newline.start() + 1, endpos) if newline else None

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """Every match, as ``self.pattern.finditer`` finds them."""
        pos = 0
        while found := self.search(text, pos):
            yield found
            pos = found.end()


def collapse(text: str) -> str:
    """``text`` on one line with runs of whitespace squeezed to one space: ``" ".join(text.split())``.

    ``str.split`` splits where ``\\s+`` matches. Cleaned ASCII text is done faster: when its lines joined by
    single spaces hold no other whitespace than those single spaces, stripping is all that remains.
    """
    if text.isascii():
        joined = " ".join(filter(None, text.split("\n")))
        if not _PLAIN_SPACES.search(joined) and not any(space in joined for space in _OTHER_ASCII_WHITESPACE):
            return joined.strip()
    return " ".join(text.split())


def clean_text(raw: str) -> str:
    """The cleaned text of a letter (see the module docstring)."""
    lines = [line.strip() for line in _normalise_characters(raw).split("\n")]
    if _is_double_spaced(lines):
        lines = _fold_double_spacing(lines)
    lines = _drop_page_furniture(lines)
    if _LINE_END_HYPHEN.search("\n".join(lines)):
        lines = _mend_hyphenation(lines)
    return "\n".join(_squeeze_blank_lines(lines))


def _normalise_characters(raw: str) -> str:
    """``raw`` with its line endings and ``_TRANSLATE``'s characters normalised and runs of spaces squeezed.

    The same as ``_SPACES.sub(" ", raw.replace("\\r\\n", "\\n").translate(_TRANSLATE))``, only faster: just the
    characters present are replaced (no replacement contains a character that is replaced itself), and a
    text without wide spaces has only its plain spaces squeezed.
    """
    text = raw.replace("\r\n", "\n") if "\r" in raw else raw
    for char, replacement in _ASCII_REPLACEMENTS:
        if char in text:
            text = text.replace(char, replacement)
    if not text.isascii():
        unusual = set(_UNUSUAL.findall(text))
        for char in unusual.intersection(_OTHER_REPLACEMENTS):
            text = text.replace(char, _OTHER_REPLACEMENTS[char])
        if not unusual.isdisjoint(_WIDE_SPACES):
            return _SPACES.sub(" ", text)
    return _PLAIN_SPACES.sub(" ", text)


def _is_double_spaced(lines: list[str]) -> bool:
    next_filled = [bool(next_line) for line, next_line in pairwise(lines) if line]
    filled, followed = len(next_filled), next_filled.count(False)
    return filled >= 4 and followed >= 0.8 * filled


def _fold_double_spacing(lines: list[str]) -> list[str]:
    """One empty line after each line is layout; two or more mark a paragraph break."""
    out: list[str] = []
    blank_run = 0
    for line in lines:
        if line:
            if blank_run >= 2 and out:
                out.append("")
            blank_run = 0
            out.append(line)
        else:
            blank_run += 1
    return out


def _drop_page_furniture(lines: list[str]) -> list[str]:
    """Remove footers and repeated running headers, re-joining what they split."""
    # Only short lines that end with a digit or "-" can be footers, only lines with "-" (in the case
    # number) running headers.
    candidates = [
        i
        for i, line in enumerate(lines)
        if (len(line) < _FURNITURE_LENGTH and (line[-1:].isdecimal() or line.endswith("-")))
        or ("-" in line and ("ase" in line or "ASE" in line))
    ]
    removed: list[int] = []
    case_numbers: set[str] = set()
    for i in candidates:
        line = lines[i]
        if len(line) < _FURNITURE_LENGTH and _FOOTER.fullmatch(line):
            removed.append(i)
            continue
        header = _RUNNING_HEADER.search(line) if "-" in line and ("ase" in line or "ASE" in line) else None
        if header:
            number = header.group("number").upper()
            if number in case_numbers and header.group(0) == line and len(line) < _FURNITURE_LENGTH:
                removed.append(i)
                continue
            case_numbers.add(number)
    if not removed:
        return lines
    kept = lines.copy()
    for i in reversed(removed):
        del kept[i]
    # Where each removed line was among the lines kept.
    return _rejoin(kept, {i - before for before, i in enumerate(removed)})


def _rejoin(lines: list[str], joins: set[int]) -> list[str]:
    """``lines`` without the blank lines a removed footer left inside a sentence (``joins``: where footers were)."""
    dropped: set[int] = set()
    for join in joins:
        start = end = join
        while start > 0 and not lines[start - 1]:
            start -= 1
        while end < len(lines) and not lines[end]:
            end += 1
        if 0 < start < end < len(lines) and _cut_mid_sentence(lines[start - 1], lines[end]):
            dropped.update(range(start, end))
    for i in sorted(dropped, reverse=True):
        del lines[i]
    return lines


def _cut_mid_sentence(before: str, after: str) -> bool:
    """Whether the line ``before`` and the line ``after`` are one sentence."""
    return not _SENTENCE_END.search(before) and (after[:1].islower() or before.endswith((",", "-")))


def _mend_hyphenation(lines: list[str]) -> list[str]:
    out: list[str] = []
    vocabulary: _Vocabulary | None = None
    for line in lines:
        fragment = _TRAILING_FRAGMENT.search(out[-1]) if out and out[-1].endswith("-") else None
        word = _LEADING_WORD.match(line) if fragment else None
        if not fragment or not word:
            out.append(line)
            continue
        head, tail = fragment.group(1), word.group(0)
        if tail.casefold() in _SUSPENDED:
            out[-1] += " " + line
            continue
        if vocabulary is None:
            vocabulary = _Vocabulary("\n".join(lines))
        out[-1] = (out[-1][:-1] if _is_split_word(head, tail, vocabulary) else out[-1]) + line
    return out


class _Vocabulary:
    """How often a word occurs in a text: the count ``Counter(_WORD.findall(text.casefold()))`` would give,
    worked out only for the words asked about (by a search for the word as a whole ``_WORD``)."""

    def __init__(self, text: str) -> None:
        self._text = text.casefold()
        self._counts: dict[str, int] = {}

    def __getitem__(self, word: str) -> int:
        if word not in self._counts:
            # A whole word: no letter, nor letter and hyphen, before it; no letter, nor hyphen and letter, after it.
            whole = f"{re.escape(word)}(?<![a-z]{re.escape(word)})(?<![a-z]-{re.escape(word)})(?![a-z]|-[a-z])"
            self._counts[word] = len(re.findall(whole, self._text)) if _WORD.fullmatch(word) else 0
        return self._counts[word]


def _is_split_word(head: str, tail: str, vocabulary: _Vocabulary) -> bool:
    """Whether ``head-`` + ``tail`` is one word broken by a line wrap (not a real hyphen)."""
    if not (head.isalpha() and tail.isalpha() and tail.islower()) or len(head) < 2:
        return False
    joined = (head + tail).casefold()
    if vocabulary[joined]:
        return not vocabulary[f"{head}-{tail}".casefold()]
    return bool(_SUFFIX_FRAGMENT.fullmatch(tail)) and vocabulary[tail] < 2


def _squeeze_blank_lines(lines: list[str]) -> list[str]:
    out: list[str] = []
    for line in lines:
        if line or (out and out[-1]):
            out.append(line)
    while out and not out[-1]:
        out.pop()
    return out
