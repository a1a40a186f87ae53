"""A fixed set of nine decisions in five letters, for tests that need to know exactly what matches."""

from __future__ import annotations

import datetime

from tests.factories import ItemSpec, LetterSpec, create_letters


def _item(request: str, rationale: str, category: str, outcome: str, families: tuple[str, ...]) -> ItemSpec:
    return ItemSpec(
        request,
        outcome=outcome,
        category=category,
        families=families,
        rationale=rationale,
        reviewer_citation=" ".join(f"{family} guideline" for family in families),
        claims_citation="",
    )


ITEMS = {
    "norco": _item(
        "Norco 10/325 mg #60",
        "Opioids are not recommended for long-term use without documented functional improvement.",
        "Pharmaceuticals",
        "upheld",
        ("MTUS",),
    ),
    "work_cond": _item(
        "12 sessions of work conditioning",
        "Work conditioning is recommended after an adequate trial of physical therapy.",
        "Rehabilitation",
        "upheld",
        ("MTUS",),
    ),
    "lidoderm": _item(
        "Lidoderm 5% patches",
        "Topical lidocaine is recommended for localized peripheral pain after first-line treatment.",
        "Pharmaceuticals",
        "overturned",
        ("ODG",),
    ),
    "esi_lumbar": _item(
        "Lumbar epidural steroid injections at L4-L5",
        "Epidural steroids are recommended as an option for radicular pain.",
        "Injections & Procedures",
        "overturned",
        ("MTUS", "ACOEM"),
    ),
    "esi_cervical": _item(
        "Cervical epidural steroid injection",
        "Not supported without radiculopathy on examination.",
        "Injections & Procedures",
        "upheld",
        ("MTUS",),
    ),
    "pt": _item(
        "Physical therapy 2x6 for the shoulder",
        "Therapy is supported; the conditioning program at work was not discussed.",
        "Rehabilitation",
        "overturned",
        ("OTHER",),
    ),
    "mri": _item(
        "MRI of the right shoulder",
        "Imaging is not indicated without red flags.",
        "Diagnostic Testing",
        "upheld",
        ("ACOEM",),
    ),
    "tens": _item(
        "TENS unit rental",
        "Electrical nerve stimulation is not supported as a primary treatment.",
        "DMEPOS",
        "upheld",
        ("ODG",),
    ),
    "tramadol": _item(
        "Tramadol ER 150 mg",
        "Tramadol is a centrally acting synthetic opioid analgesic.",
        "Pharmaceuticals",
        "upheld",
        ("MTUS",),
    ),
}
LETTERS = (
    (
        "CM14-0000001",
        datetime.date(2014, 3, 11),
        "The patient injured the lower back lifting boxes.",
        ["norco", "work_cond"],
    ),
    (
        "CM15-0000002",
        datetime.date(2015, 5, 1),
        "Chronic low back pain with radiating symptoms.",
        ["lidoderm", "esi_lumbar"],
    ),
    ("CM16-0000003", datetime.date(2016, 7, 1), "Neck pain radiating to the arm.", ["esi_cervical", "pt"]),
    (
        "CM17-0000004",
        datetime.date(2017, 1, 10),
        "The injured worker reports shoulder pain after a fall at work.",
        ["mri", "tens"],
    ),
    ("CM15-0000005", datetime.date(2015, 9, 9), "Ongoing pain management.", ["tramadol"]),
)


def create_corpus() -> dict[str, int]:
    """Write the nine decisions; return each one's decision id by name."""
    specs = [
        LetterSpec(
            case_number=case,
            decision_date=date,
            summary=summary,
            items=[ITEMS[name] for name in names],
            needs_review="tens" in names,
        )
        for case, date, summary, names in LETTERS
    ]
    letters = create_letters(specs)
    ids = {}
    for letter, (_, _, _, names) in zip(letters, LETTERS, strict=True):
        positions = dict(letter.items.values_list("position", "decision__id"))
        ids.update({name: positions[i] for i, name in enumerate(names, start=1)})
    return ids
