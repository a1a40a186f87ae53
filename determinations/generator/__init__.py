"""Synthetic IMR determination letters for benchmarks and tests (no Django).

Contract:

- ``generate(seed, index)`` returns letter number ``index`` of the set ``seed``
  as a ``GeneratedLetter``: its file name (``CMyy-NNNNNNN.txt``), its text (as
  extracted from a PDF, in format A, B or C, with realistic extraction noise)
  and ``intended``, exactly the DESIGN.md section 3 object that
  ``manage.py parse`` must print for that file (``source`` is the bare file
  name; ``warnings`` is empty, as no letter is made contradictory).
- ``intended(seed, index)`` is the same object without rendering the text
  (fast, for distribution checks).
- A letter depends only on ``(seed, index)`` (``random.Random(f"{seed}:{index}")``):
  the same pair always gives byte-identical text, so sets can be generated
  in parallel, in pieces or resumed. Case numbers never repeat within a seed
  (below ten million letters).
- Every letter ends with a line holding ``SYNTHETIC_MARKER``, so a letter can
  be recognised as generated however it is ingested. Letters contain no
  personal names, addresses, phone numbers, claim numbers or SSNs; party
  fields read ``[redacted]`` or are blank.

Distributions (decision years, formats, items, outcomes, categories,
reviewers, guideline families) are documented in ``case``; wording and noise
in ``render``, ``prose``, ``citations`` and ``layout``.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .case import draw_case
from .render import SYNTHETIC_MARKER, SYNTHETIC_NOTE, render

__all__ = ["SYNTHETIC_MARKER", "SYNTHETIC_NOTE", "GeneratedLetter", "generate", "intended"]


@dataclass(frozen=True)
class GeneratedLetter:
    """One synthetic letter: file name, text and the parse it is meant to give."""

    name: str
    text: str
    intended: dict


def _rng(seed: str | int, index: int) -> random.Random:
    return random.Random(f"{seed}:{index}")


def generate(seed: str | int, index: int) -> GeneratedLetter:
    """Letter ``index`` of the set ``seed`` (see the module docstring)."""
    rng = _rng(seed, index)
    case = draw_case(rng, seed, index)
    return GeneratedLetter(case.name, render(case, rng), case.contract())


def intended(seed: str | int, index: int) -> dict:
    """The parse contract of letter ``index`` of the set ``seed``, without writing the letter."""
    return draw_case(_rng(seed, index), seed, index).contract()
