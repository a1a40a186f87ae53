"""What one synthetic letter says: a ``Case`` drawn from realistic distributions.

``draw_case(rng, seed, index)`` decides everything that the parse contract
(DESIGN.md section 3) reports: format, printed header fields, dates, reviewer
as printed, patient, and the disputed items with their request wording,
outcome and cited guideline families. Rendering (``render``) then only
chooses wording and layout, so ``Case.contract`` is exactly what parsing the
rendered letter must give.

Distributions (see also ``treatments`` and ``reviewers``):

- decision year weighted like DWC volume (``YEAR_WEIGHTS``, 2013 from July);
- format A before October 2017 and B from then on; C (``C_SHARE``) in every
  year; A letters from 2016 describe the reviewer in a credentials block;
- 1 to 6 items per letter, mean about 2.3 (``ITEM_COUNTS``); about a third
  of items repeat the previous item's category, as letters cluster;
- overturned per category (``treatments.OVERTURN_RATES``) times a mild year
  trend, about 11% overall;
- reviewer families per item (``FAMILY_SETS``): MTUS in about 70% of items,
  ODG in about 30%, ACOEM in about 12%, OTHER in about 6%, none in 4%;
- ages mostly 18 to 79 (mean 46), a few 80 to 97 (reported as 90 from 90 on);
- 2013-2015 A letters print requests in upper case (75%); A letters put a
  partially authorised request in the "original request" paragraph (2% of
  eligible items before 2016, 8% after);
- dates: injury < UR denial < application received < date assigned <
  decision; the case number ``CMyy-NNNNNNN`` (yy: year assigned) has a serial
  that is a bijection of the index, so numbers never repeat within a seed
  for up to ten million letters.
"""

from __future__ import annotations

import datetime
import hashlib
import itertools
import random
import string
from collections.abc import Iterator
from dataclasses import dataclass, field

from .regions import PRIMARY_REGION_WEIGHTS, REGION_BY_KEY, Region
from .reviewers import REVIEWERS_BY_CATEGORY, ReviewerProfile
from .sampling import Weighted
from .treatments import KINDS, OVERTURN_RATES, Kind

#: Letters per decision year (thousands), after DWC/CWCI volume figures.
YEAR_WEIGHTS: dict[int, float] = {
    2013: 40, 2014: 144, 2015: 166, 2016: 176, 2017: 172, 2018: 185, 2019: 165,
    2020: 145, 2021: 150, 2022: 148, 2023: 145, 2024: 142, 2025: 140,
}  # fmt: skip
FIRST_DECISION = datetime.date(2013, 7, 1)
LAST_DECISION = datetime.date(2025, 12, 31)
FORMAT_B_START = datetime.date(2017, 10, 1)
CREDENTIALS_START = datetime.date(2016, 1, 1)
C_SHARE = 0.08
A_WITHOUT_HEADER = 0.06
EXPEDITED = 0.02
ITEM_COUNTS = Weighted({1: 36, 2: 28, 3: 17, 4: 10, 5: 5.5, 6: 3.5})
SAME_CATEGORY = 0.35
#: Overturn rates drift down over the years.
YEAR_TREND: dict[int, float] = {2013: 1.2, 2014: 1.12, 2015: 1.05, 2016: 1.0, 2017: 0.96}
LATER_TREND = 0.93
#: Guideline families the reviewer cites for one item (sorted, as the contract reports them).
FAMILY_SETS = Weighted({
    ("MTUS",): 50, ("MTUS", "ODG"): 10, ("ODG",): 18, ("ACOEM", "MTUS"): 6, ("ACOEM",): 4,
    ("ODG", "OTHER"): 2, ("OTHER",): 3, ("MTUS", "OTHER"): 1.5, ("ACOEM", "MTUS", "ODG"): 1.5, (): 4,
})  # fmt: skip
CLAIMS_FAMILY_SETS = Weighted({("MTUS",): 55, ("MTUS", "ODG"): 12, ("ODG",): 20, ("ACOEM", "MTUS"): 5, (): 3})
#: Age in years: mostly working age; a few older, some 90 or over (reported as 90).
AGE_BANDS = Weighted({(18, 79): 992, (80, 89): 6, (90, 97): 2})
INJURY_LAG_DAYS = Weighted({(14, 365): 20, (366, 730): 28, (731, 1825): 27, (1826, 4380): 20, (4381, 9000): 5})
UPPERCASE_REQUESTS = {"early": 0.75, "late": 0.05}
PARTIAL_SHARE = {"early": 0.02, "late": 0.08}
SERIAL_MODULUS = 10_000_000
SERIAL_MULTIPLIER = 7_368_787  # coprime with SERIAL_MODULUS: the serial is a bijection of the index

FREQUENCIES = Weighted({(2, 6): 30, (3, 4): 20, (2, 4): 15, (1, 6): 8, (3, 6): 8, (2, 3): 8, (1, 8): 5, (2, 8): 6})
FREQUENCY_WORDINGS = Weighted({
    "{f} times a week for {w} weeks": 45, "{f}x{w}": 20, "{f} x {w} weeks": 10, "{f} times per week for {w} weeks": 10,
    "{f}x/week x {w} weeks": 10, "{f} times a week for {w} weeks ({total} sessions)": 5,
})  # fmt: skip
DURATIONS = {
    "days": (5, 7, 10, 14, 21, 30),
    "weeks": (4, 6, 8),
    "hours": (4, 6, 8),
    "program_hours": (80, 96, 160),
    "months": (1, 2, 3, 6),
}


@dataclass(frozen=True)
class Dates:
    """The dates of one case, in order."""

    injury: datetime.date
    ur_denial: datetime.date
    received: datetime.date
    assigned: datetime.date
    decision: datetime.date


@dataclass(frozen=True)
class Partial:
    """UR authorised part of the original request; the item in dispute is the rest (or the whole)."""

    original: str
    authorized: str
    leaves_whole: bool


@dataclass
class Item:
    """One disputed item as the letter prints it, and what the reviewer decided.

    ``request`` is the heading's wording (upper case in some early letters),
    ``prose`` the same wording as sentences use it.
    """

    kind: Kind
    request: str
    prose: str
    region: Region
    side: str
    outcome: str
    families: tuple[str, ...]
    claims_families: tuple[str, ...]
    drug: str = ""
    partial: Partial | None = None


@dataclass(frozen=True)
class Reviewer:
    """The reviewer as this letter prints them."""

    profile: ReviewerProfile
    block: bool
    specialty: str
    subspecialties: tuple[str, ...]
    states: tuple[str, ...]


@dataclass
class Patient:
    """The injured worker: age as written, sex, and injured regions with their sides."""

    age: int
    sex: str
    regions: dict[str, str] = field(default_factory=dict)

    @property
    def primary(self) -> Region:
        """The region injured first, which the case summary describes."""
        return REGION_BY_KEY[next(iter(self.regions))]


@dataclass
class Case:
    """Everything one letter reports (see the module docstring)."""

    format: str
    case_number: str
    dates: Dates
    priority: str
    header: bool
    printed: frozenset[str]
    reviewer: Reviewer
    patient: Patient
    items: list[Item]

    @property
    def name(self) -> str:
        """The letter's file name."""
        return f"{self.case_number}.txt"

    @property
    def era(self) -> str:
        """``early`` (2013-2015 layout) or ``late`` (2016 and after)."""
        return "early" if self.dates.decision < CREDENTIALS_START else "late"

    def contract(self) -> dict:
        """The DESIGN.md section 3 object that ``manage.py parse`` must print for this letter."""
        dates = {
            "decision_date": self.dates.decision,
            "date_assigned": self.dates.assigned,
            "ur_denial_date": self.dates.ur_denial,
            "application_received": self.dates.received,
        }
        return {
            "source": self.name,
            "format": self.format,
            "case_number": self.case_number if "case_number" in self.printed else None,
            **{key: value.isoformat() if key in self.printed else None for key, value in dates.items()},
            "priority": self.priority if "priority" in self.printed else None,
            "reviewer": {
                "specialty": self.reviewer.specialty,
                "subspecialty": ", ".join(self.reviewer.subspecialties) or None,
                "license_state": ", ".join(self.reviewer.states),
            },
            "patient": {
                "age": min(self.patient.age, 90),
                "sex": self.patient.sex,
                "injury_year": self.dates.injury.year,
            },
            "items": [
                {
                    "request": item.request,
                    "outcome": item.outcome,
                    "category": item.kind.category,
                    "guideline_sources": list(item.families),
                }
                for item in self.items
            ],
            "warnings": [],
        }


_YEARS = Weighted(YEAR_WEIGHTS)
_KINDS = Weighted({kind: kind.weight for kind in KINDS})
_KINDS_BY_CATEGORY = {
    category: Weighted({kind: kind.weight for kind in KINDS if kind.category == category})
    for category in dict.fromkeys(kind.category for kind in KINDS)
}
_PRIMARY_REGIONS = Weighted(PRIMARY_REGION_WEIGHTS)
_FIELDS = {
    template: tuple(dict.fromkeys(name for _, name, _, _ in string.Formatter().parse(template) if name))
    for kind in KINDS
    for template in kind.requests
}
_PRINTED = {
    "A": frozenset({"case_number", "decision_date", "date_assigned", "ur_denial_date", "application_received",
                    "priority", "injury_date"}),
    "B": frozenset({"case_number", "decision_date", "ur_denial_date", "application_received", "injury_date"}),
}  # fmt: skip


def serial(seed: str | int, index: int) -> int:
    """The case number's serial for letter ``index``: distinct for every index below ``SERIAL_MODULUS``."""
    offset = int.from_bytes(hashlib.sha256(str(seed).encode()).digest()[:8], "big")
    return (index * SERIAL_MULTIPLIER + offset) % SERIAL_MODULUS


def draw_case(rng: random.Random, seed: str | int, index: int) -> Case:
    """The case of letter ``index`` (see the module docstring)."""
    patient = _patient(rng)
    dates, priority = _dates(rng, patient.age)
    fmt = "C" if rng.random() < C_SHARE else ("A" if dates.decision < FORMAT_B_START else "B")
    header, printed = _printed(rng, fmt)
    era = "early" if dates.decision < CREDENTIALS_START else "late"
    uppercase = fmt == "A" and rng.random() < UPPERCASE_REQUESTS[era]
    partial_share = PARTIAL_SHARE[era] if fmt == "A" and not uppercase else 0.0
    items = _items(rng, patient, dates.decision.year, uppercase, partial_share)
    return Case(
        format=fmt,
        case_number=f"CM{dates.assigned.year % 100:02d}-{serial(seed, index):07d}",
        dates=dates,
        priority=priority,
        header=header,
        printed=printed,
        reviewer=_reviewer(rng, fmt, dates.decision, items[0].kind.category),
        patient=patient,
        items=items,
    )


def _dates(rng: random.Random, age: int) -> tuple[Dates, str]:
    """Decision date by year weight, the earlier dates before it; injured at 16 or older."""
    year = _YEARS.draw(rng)
    first = max(datetime.date(year, 1, 1), FIRST_DECISION).toordinal()
    last = min(datetime.date(year, 12, 31), LAST_DECISION).toordinal()
    decision = rng.randint(first, last)
    expedited = rng.random() < EXPEDITED
    assigned = decision - (rng.randint(1, 5) if expedited else rng.randint(14, 40))
    received = assigned - rng.randint(1, 21)
    ur_denial = received - rng.randint(1, 35)
    low, high = INJURY_LAG_DAYS.draw(rng)
    longest = max(14, (age - 16) * 365)
    injury = ur_denial - rng.randint(min(low, longest), min(high, longest))
    day = datetime.date.fromordinal
    return (
        Dates(day(injury), day(ur_denial), day(received), day(assigned), day(decision)),
        "expedited" if expedited else "standard",
    )


def _printed(rng: random.Random, fmt: str) -> tuple[bool, frozenset[str]]:
    """Whether the letter has a header, and which contract fields it prints."""
    if fmt == "A":
        header = rng.random() >= A_WITHOUT_HEADER
        return header, _PRINTED["A"] if header else frozenset()
    if fmt == "B":
        return True, _PRINTED["B"]
    printed = {"case_number"} if rng.random() < 0.9 else set()
    if rng.random() < 0.8:
        printed.add("decision_date")
    if rng.random() < 0.5:
        printed.add("injury_date")
    return bool(printed), frozenset(printed)


def _patient(rng: random.Random) -> Patient:
    low, high = AGE_BANDS.draw(rng)
    age = min(max(round(rng.gauss(46, 11)), low), high) if low == 18 else rng.randint(low, high)
    primary = _PRIMARY_REGIONS.draw(rng)
    patient = Patient(age, "male" if rng.random() < 0.56 else "female")
    patient.regions[primary] = rng.choice(("right", "left"))
    return patient


def _items(rng: random.Random, patient: Patient, year: int, uppercase: bool, partial_share: float) -> list[Item]:
    """1 to 6 items; a kind appears once per letter, a drug kind once per drug."""
    items: list[Item] = []
    seen: set[tuple[str, str]] = set()
    trend = YEAR_TREND.get(year, LATER_TREND)
    for _ in range(ITEM_COUNTS.draw(rng)):
        for _attempt in range(8):
            if items and rng.random() < SAME_CATEGORY:
                kind = _KINDS_BY_CATEGORY[items[-1].kind.category].draw(rng)
            else:
                kind = _KINDS.draw(rng)
            item = _item(rng, kind, patient, uppercase, partial_share, trend)
            if (kind.key, item.drug) not in seen:
                break
        seen.add((kind.key, item.drug))
        items.append(item)
    return items


def _item(rng: random.Random, kind: Kind, patient: Patient, uppercase: bool, share: float, trend: float) -> Item:
    region_key = _region_for(rng, kind, patient)
    region, side = REGION_BY_KEY[region_key], patient.regions.get(region_key) or rng.choice(("right", "left"))
    template = rng.choice(kind.requests)
    slots = _slots(rng, kind, template, region, side)
    prose = template.format_map(slots)
    partial = None
    counted = "n" if "n" in slots else "qty" if "qty" in slots else None
    if counted and slots[counted] >= 4 and rng.random() < share:
        partial, prose = _partial(rng, template, slots, counted)
    overturned = rng.random() < OVERTURN_RATES[kind.category] * trend
    return Item(
        kind=kind,
        request=prose.upper() if uppercase else prose,
        prose=prose,
        region=region,
        side=side,
        outcome="overturned" if overturned else "upheld",
        families=FAMILY_SETS.draw(rng),
        claims_families=CLAIMS_FAMILY_SETS.draw(rng),
        drug=slots.get("drug", "").split(" ")[0],
        partial=partial,
    )


def _region_for(rng: random.Random, kind: Kind, patient: Patient) -> str:
    """The region the item concerns: one of the patient's when the kind allows it, else a new one."""
    if not kind.regions:
        return next(iter(patient.regions))
    own = [key for key in patient.regions if key in kind.regions]
    if own:
        return own[0]
    key = rng.choice(kind.regions)
    patient.regions.setdefault(key, rng.choice(("right", "left")))
    return key


def _slots(rng: random.Random, kind: Kind, template: str, region: Region, side: str) -> dict:
    return {
        name: _frequency(rng) if name == "freq" else rng.choice(slot_choices(kind, name, region, side))
        for name in _FIELDS[template]
    }


def slot_choices(kind: Kind, name: str, region: Region, side: str) -> tuple:
    """The values placeholder ``name`` of a ``kind`` request can take for ``region`` and ``side``."""
    if name == "drug":
        return kind.drugs
    if name in ("n", "qty"):
        return kind.counts
    if name == "freq":
        return tuple(
            wording.format(f=f, w=w, total=f * w)
            for f, w in FREQUENCIES.members
            for wording in FREQUENCY_WORDINGS.members
        )
    if name in DURATIONS:
        return DURATIONS[name]
    if name == "level":
        return region.levels
    words = {
        "region": region.name.format(side=side),
        "side": side,
        "Side": side.capitalize(),
        "joint": region.adjective,
        "spine": region.adjective,
        "Spine": region.adjective.capitalize(),
        "limbs": region.limbs.format(side=side),
    }
    return (words[name],)


def request_wordings(kind: Kind) -> Iterator[str]:
    """Every wording a ``kind`` request can take (for checking them all against the taxonomy)."""
    regions = [REGION_BY_KEY[key] for key in kind.regions] or list(REGION_BY_KEY.values())
    for template in kind.requests:
        for region in regions:
            for side in ("right", "left"):
                names = _FIELDS[template]
                for values in itertools.product(*(slot_choices(kind, name, region, side) for name in names)):
                    yield template.format_map(dict(zip(names, values, strict=True)))


def _frequency(rng: random.Random) -> str:
    f, w = FREQUENCIES.draw(rng)
    return FREQUENCY_WORDINGS.draw(rng).format(f=f, w=w, total=f * w)


def _partial(rng: random.Random, template: str, slots: dict, counted: str) -> tuple[Partial, str]:
    """UR authorised ``authorized`` of the original count; the rest (or, sometimes, the whole) is disputed."""
    original = slots[counted]
    authorized = rng.choice([k for k in (original // 2, original // 3, original - original // 4) if 0 < k < original])
    words = {count: template.format_map({**slots, counted: count}) for count in (original, authorized)}
    leaves_whole = rng.random() < 0.2
    disputed = words[original] if leaves_whole else template.format_map({**slots, counted: original - authorized})
    return Partial(words[original], words[authorized], leaves_whole), disputed


def _reviewer(rng: random.Random, fmt: str, decision: datetime.date, category: str) -> Reviewer:
    profile: ReviewerProfile = REVIEWERS_BY_CATEGORY[category].draw(rng)
    block = (fmt == "A" and decision >= CREDENTIALS_START) or (fmt == "B" and rng.random() < 0.6)
    if block:
        return Reviewer(profile, True, profile.specialty, profile.subspecialties, profile.states)
    specialty = profile.specialty
    if "&" in specialty and rng.random() < 0.25:
        specialty = specialty.replace("&", "and")
    subspecialties = profile.subspecialties[:1] if rng.random() < 0.85 else ()
    states = profile.states[:2] if len(profile.states) > 1 and rng.random() < 0.1 else profile.states[:1]
    return Reviewer(profile, False, specialty, subspecialties, states)
