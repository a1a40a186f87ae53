"""From a letter's blocks to text as PDF extraction gives it: wrapped lines and extraction noise.

A letter is rendered (``render``) as a list of blocks: ``LINE`` (a line kept
as is), ``PARA`` (a paragraph wrapped at the page width), ``PROSE`` (a
paragraph that may also get hyphenated line breaks) and ``GAP`` (a paragraph
break). ``lay_out`` wraps the paragraphs and applies the noise the letter's
``Noise`` asks for:

- ``double``: an empty line after every line, as in the 2013-2015 letters;
- ``footers``: ``Page N of M`` footers every ``page_lines`` lines, with a
  running `` Case Number: CMyy-...`` header after them when ``running_header``
  is set; ``page_gaps``: a bare empty line at each page break instead (the
  2016-2017 PDFs);
- ``hyphens``: words of prose split across a line break (``radiculo-`` /
  ``pathy``);
- ``spacing``: doubled spaces inside a few lines.

Every line ends with a space, as extracted text does; a paragraph break is a
line holding one space; a page break (``page_gaps``) is a bare empty line.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

LINE, PARA, PROSE, GAP = "line", "para", "prose", "gap"
Block = tuple[str, str]

#: Never start a wrapped line with "12." or "3)": it would read as a new numbered entry.
_NUMBERED = r"\d{1,2}[.)](?: |$)"
_SPLITTABLE = re.compile(r"[a-z]{9,}")
_SUFFIXES = ("pathy", "ation", "itis", "ment", "ology", "ectomy", "otomy", "plasty", "ular", "ical", "ally", "sion")
_PROTECTED = frozenset({"medically", "necessary", "unnecessary", "appropriate", "authorized"})
_WRAPPERS: dict[int, re.Pattern[str]] = {}


@dataclass(frozen=True)
class Noise:
    """The extraction noise of one letter (see the module docstring)."""

    width: int = 96
    double: bool = False
    footers: bool = False
    running_header: str = ""
    page_gaps: bool = False
    page_lines: int = 48
    hyphens: int = 0
    spacing: int = 0


def _wrapper(width: int) -> re.Pattern[str]:
    pattern = _WRAPPERS.get(width)
    if pattern is None:
        pattern = re.compile(rf"(\S.{{0,{width - 1}}})(?: +(?!{_NUMBERED})|$)|(\S+) *")
        _WRAPPERS[width] = pattern
    return pattern


def wrap(text: str, width: int) -> list[str]:
    """``text`` (one line) broken at spaces into lines of at most ``width`` characters where possible."""
    return [m.group(1) or m.group(2) for m in _wrapper(width).finditer(text)]


def lay_out(blocks: list[Block], noise: Noise, rng: random.Random, tail: str = "") -> str:
    """The letter's text: ``blocks`` wrapped, with ``noise`` applied, then a paragraph holding ``tail``."""
    lines: list[str | None] = []  # None is a paragraph break
    prose: list[int] = []
    for kind, text in blocks:
        if kind == GAP:
            lines.append(None)
        elif kind == LINE:
            lines.append(text)
        else:
            wrapped = wrap(text, noise.width)
            if kind == PROSE:
                prose.extend(range(len(lines), len(lines) + len(wrapped) - 1))
            lines.extend(wrapped)
    for _ in range(noise.hyphens):
        if prose:
            _hyphenate(lines, rng.choice(prose))
    for _ in range(noise.spacing):
        _double_a_space(lines, rng.randrange(len(lines)), rng)
    paginated = _paginate(lines, noise)
    if tail:
        paginated += [None, tail]
    out = [" " if line is None else line and line + " " for line in paginated]
    if noise.double:
        return "\n\n".join(out) + "\n\n"
    return "\n".join(out) + "\n"


def _hyphenate(lines: list[str | None], i: int) -> None:
    """Move the head of line ``i + 1``'s first long word, with a hyphen, to the end of line ``i``."""
    following = lines[i + 1]
    if not following or not lines[i] or lines[i].endswith("-"):
        return
    word = following.split(" ", 1)[0]
    if not _SPLITTABLE.fullmatch(word) or word in _PROTECTED:
        return
    cut = next((len(word) - len(s) for s in _SUFFIXES if word.endswith(s) and len(word) - len(s) >= 4), len(word) // 2)
    lines[i] = f"{lines[i]} {word[:cut]}-"
    lines[i + 1] = following[cut:]


def _double_a_space(lines: list[str | None], i: int, rng: random.Random) -> None:
    line = lines[i]
    if not line or line.count(" ") < 2:
        return
    spaces = [m.start() for m in re.finditer(" ", line)]
    at = rng.choice(spaces)
    lines[i] = line[:at] + rng.choice(("  ", "   ")) + line[at:]


def _paginate(lines: list[str | None], noise: Noise) -> list[str | None]:
    """``lines`` with page furniture inserted every ``noise.page_lines`` lines ("" is a bare empty line)."""
    if not (noise.footers or noise.page_gaps) or len(lines) <= noise.page_lines:
        return lines
    pages = -(-len(lines) // noise.page_lines)
    out: list[str | None] = []
    for number in range(1, pages + 1):
        out.extend(lines[(number - 1) * noise.page_lines : number * noise.page_lines])
        if noise.page_gaps:
            if number < pages:
                out.append("")
        elif noise.footers:
            out.extend((None, f"Page {number} of {pages}", None))
            if noise.running_header and number < pages:
                out.extend(("", noise.running_header, None))
    return out
