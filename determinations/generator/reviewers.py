"""The pool of anonymous expert reviewers, as data, and the fixed pool built from it.

``SPECIALTIES`` lists each specialty with its weight, how letters introduce it
("Board Certified in" a medical specialty, "Licensed in" a licensed
profession), its possible subspecialties and the treatment categories it
usually reviews. ``REVIEWER_POOL`` is a fixed set of a few hundred reviewer
profiles (specialty, subspecialties, states of licensure) drawn once from a
constant seed, so every generation run, whatever its seed, shares the same
realistic population of reviewers.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

from .sampling import Weighted


@dataclass(frozen=True)
class Specialty:
    """A reviewer specialty: how letters introduce it and what it usually reviews."""

    name: str
    weight: float
    licensed: bool
    subspecialties: tuple[str, ...]
    categories: tuple[str, ...]


@dataclass(frozen=True)
class ReviewerProfile:
    """One reviewer: specialty, further certifications (possibly none) and states of licensure in order."""

    specialty: str
    licensed: bool
    subspecialties: tuple[str, ...]
    states: tuple[str, ...]
    categories: tuple[str, ...]


PHARMA, REHAB, DIAG, DME = "Pharmaceuticals", "Rehabilitation", "Diagnostic Testing", "DMEPOS"
EM, INJ, SURG, BH, PROG = (
    "Evaluation & Management",
    "Injections & Procedures",
    "Surgery",
    "Behavioral Health",
    "Programs & Services",
)
ALL = (PHARMA, REHAB, DIAG, DME, EM, INJ, SURG, BH, PROG, "Other")

# fmt: off
SPECIALTIES: tuple[Specialty, ...] = (
    Specialty("Physical Medicine & Rehabilitation", 20, False,
              ("Pain Medicine", "Pain Management", "Sports Medicine", "Spinal Cord Injury Medicine",
               "Brain Injury Medicine", "Electrodiagnostic Medicine", "Neuromuscular Medicine"), ALL),
    Specialty("Orthopedic Surgery", 14, False,
              ("Sports Medicine", "Surgery of the Hand", "Orthopaedic Sports Medicine"),
              (SURG, DIAG, DME, REHAB, INJ, EM)),
    Specialty("Family Practice", 12, False,
              ("Sports Medicine", "Geriatric Medicine", "Hospice & Palliative Medicine"), ALL),
    Specialty("Internal Medicine", 8, False,
              ("Occupational Medicine", "Rheumatology", "Geriatric Medicine", "Hospice & Palliative Medicine",
               "Pulmonary Disease"), (PHARMA, DIAG, EM, PROG, DME)),
    Specialty("Anesthesiology", 10, False,
              ("Pain Medicine", "Pain Management", "Hospice & Palliative Medicine", "Critical Care Medicine"),
              (PHARMA, INJ, DIAG, DME, PROG)),
    Specialty("Preventive Medicine", 7, False,
              ("Occupational Medicine", "Medical Toxicology", "Undersea & Hyperbaric Medicine"), ALL),
    Specialty("Occupational Medicine", 5, False, (), ALL),
    Specialty("Emergency Medicine", 3, False, ("Medical Toxicology", "Sports Medicine"), (PHARMA, DIAG, EM, DME)),
    Specialty("Neurology", 3, False,
              ("Pain Management", "Clinical Neurophysiology", "Sleep Medicine", "Neuromuscular Medicine"),
              (DIAG, PHARMA, INJ, EM)),
    Specialty("Neurological Surgery", 1.5, False, (), (SURG, DIAG, INJ)),
    Specialty("Psychiatry", 3, False,
              ("Addiction Psychiatry", "Forensic Psychiatry", "Psychosomatic Medicine", "Addiction Medicine"),
              (BH, PHARMA, PROG)),
    Specialty("Psychology", 2.5, True, (), (BH, PROG)),
    Specialty("Chiropractic", 5, True, (), (REHAB, DIAG, DME)),
    Specialty("Acupuncture", 1, True, (), (REHAB,)),
    Specialty("Plastic Surgery", 0.7, False, ("Surgery of the Hand",), (SURG, REHAB, INJ)),
    Specialty("General Surgery", 0.5, False, (), (SURG,)),
    Specialty("Otolaryngology", 0.3, False, (), (DME, DIAG)),
    Specialty("Rheumatology", 0.5, False, (), (PHARMA, INJ, DIAG)),
)

#: States of licensure (weights), California first and most common.
STATES: dict[str, float] = {
    "California": 80, "Texas": 8, "New York": 7, "Florida": 6, "Ohio": 4, "Pennsylvania": 4,
    "North Carolina": 4, "Illinois": 3, "Arizona": 3, "Massachusetts": 3, "Washington": 3, "Oregon": 2,
    "Georgia": 2, "New Jersey": 2, "Michigan": 2, "Maryland": 2, "Virginia": 2, "Colorado": 2, "Nevada": 1.5,
    "Utah": 1.5, "Minnesota": 1.5, "Wisconsin": 1, "Tennessee": 1, "Missouri": 1, "Connecticut": 1,
    "New Mexico": 1, "West Virginia": 1, "Indiana": 1, "Kentucky": 0.7, "South Carolina": 0.7, "Louisiana": 0.7,
    "Oklahoma": 0.5, "Iowa": 0.5, "Kansas": 0.5, "Hawaii": 0.5, "Idaho": 0.4, "Rhode Island": 0.3,
    "New Hampshire": 0.3, "Maine": 0.3, "Alabama": 0.3,
}
# fmt: on

POOL_SIZE = 420
_POOL_SEED = "imr-reviewer-pool-v1"
_STATE_COUNTS = Weighted({1: 60, 2: 27, 3: 13})
_SUBSPECIALTY_COUNTS = Weighted({0: 55, 1: 35, 2: 10})


def _draw_profile(rng: random.Random, specialties: Weighted, states: Weighted) -> ReviewerProfile:
    specialty: Specialty = specialties.draw(rng)
    count = min(_SUBSPECIALTY_COUNTS.draw(rng), len(specialty.subspecialties))
    subspecialties = tuple(rng.sample(specialty.subspecialties, count))
    chosen: list[str] = []
    for _ in range(_STATE_COUNTS.draw(rng)):
        state = states.draw(rng)
        if state not in chosen:
            chosen.append(state)
    return ReviewerProfile(specialty.name, specialty.licensed, subspecialties, tuple(chosen), specialty.categories)


def build_pool(size: int = POOL_SIZE) -> tuple[ReviewerProfile, ...]:
    """``size`` distinct reviewer profiles drawn from ``SPECIALTIES`` and ``STATES`` with a constant seed."""
    rng = random.Random(_POOL_SEED)
    specialties = Weighted({s: s.weight for s in SPECIALTIES})
    states = Weighted(STATES)
    pool: dict[tuple, ReviewerProfile] = {}
    while len(pool) < size:
        profile = _draw_profile(rng, specialties, states)
        pool.setdefault((profile.specialty, profile.subspecialties, profile.states), profile)
    return tuple(pool.values())


REVIEWER_POOL: tuple[ReviewerProfile, ...] = build_pool()


def _pool_by_category() -> dict[str, Weighted]:
    """For each treatment category, the reviewers who review it, with Zipf-like workloads."""
    table: dict[str, dict[ReviewerProfile, float]] = {category: {} for category in ALL}
    for rank, profile in enumerate(REVIEWER_POOL, start=1):
        for category in profile.categories:
            table[category][profile] = 1.0 / (rank**0.6)
    return {category: Weighted(weights) for category, weights in table.items()}


REVIEWERS_BY_CATEGORY: dict[str, Weighted] = _pool_by_category()
