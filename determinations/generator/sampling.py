"""Weighted choice, fast enough to be called a few hundred times per letter."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Mapping
from itertools import accumulate
from typing import Any


class Weighted:
    """A fixed population with weights; ``draw`` picks one member in proportion to its weight.

    Members keep the order of the mapping (insertion order), so draws are
    reproducible for a given ``random.Random`` state.
    """

    __slots__ = ("_cumulative", "_members", "_total")

    def __init__(self, weights: Mapping[Any, float]) -> None:
        if not weights or min(weights.values()) < 0 or sum(weights.values()) <= 0:
            raise ValueError("Weighted needs at least one member and non-negative weights with a positive sum")
        self._members = tuple(weights)
        self._cumulative = tuple(accumulate(weights.values()))
        self._total = self._cumulative[-1]

    def draw(self, rng: random.Random) -> Any:
        """One member, chosen with probability proportional to its weight."""
        return self._members[min(bisect(self._cumulative, rng.random() * self._total), len(self._members) - 1)]

    @property
    def members(self) -> tuple[Any, ...]:
        """All members, in order."""
        return self._members
