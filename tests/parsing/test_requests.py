"""Request clean-up, quantity and body region (``requests``, ``regions``) and conclusions (``outcomes``)."""

from __future__ import annotations

import pytest

from determinations.parsing.outcomes import conclusion
from determinations.parsing.regions import regions_in
from determinations.parsing.requests import body_region, clean_request, quantity


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("1. Functional restoration program 160 hours", "Functional restoration program 160 hours"),
        ("1) Regarding the request for Orthopedic surgery\nconsultation:", "Orthopedic surgery consultation"),
        ("Regarding the request for MRI of the knee", "MRI of the knee"),
        ('"X-rays lumbar spine"', "X-rays lumbar spine"),
        ("ASSOCIATED SURGICAL SERVICE: PRE-OPERATIVE LABS:", "ASSOCIATED SURGICAL SERVICE: PRE-OPERATIVE LABS"),
        ("12 SESSIONS OF WORK CONDITIONING", "12 SESSIONS OF WORK CONDITIONING"),
    ],
)
def test_clean_request(raw: str, expected: str) -> None:
    assert clean_request(raw) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Norco 10/325mg #90", 90),
        ("12 SESSIONS OF WORK CONDITIONING FOR THE LUMBAR SPINE", 12),
        ("Physical therapy 2 times a week for 6 weeks", 12),
        ("PT 2x/week x 4 weeks", 8),
        ("Aquatic therapy 2x6", 12),
        ("Additional physical therapy two times four visits (8)", 8),
        ("Physical therapy additional 3 visits per week for 2 weeks", 6),
        ("NCV bilateral lower extremities QTY: 2", 2),
        ("Acupuncture 6 sessions", 6),
        ("Occupational therapy for six sessions", 6),
        ("Two physical therapy sessions for the lumbar", 2),
        ("Norco 5/325mg oral tablet, one tablet twice daily 14 days #40", 40),
        ("Gabapentin 600 mg 90 tablets", 90),
        ("Norco 10/325 mg tabs", None),
        ("Deprizine (unknown quantity)", None),
        ("MRI of the right shoulder", None),
    ],
)
def test_quantity(text: str, expected: int | None) -> None:
    assert quantity(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("MRI of the cervical spine without contrast", "Cervical spine"),
        ("12 SESSIONS OF WORK CONDITIONING FOR THE LUMBAR SPINE AND LEFT LEG", "Lumbar spine"),
        ("Physical therapy for the upper back", "Thoracic spine"),
        ("EMG bilateral lower extremities", "Lower extremity"),
        ("NCS/EMG RUE", "Upper extremity"),
        ("Right L5-S1 epidural steroid injection", "Lumbar spine"),
        ("MRI of the fingers of the right hand", "Wrist/Hand"),
        ("Right knee arthroscopy", "Knee"),
        ("X-rays of right hip", "Hip"),
        ("Custom foot orthotics", "Ankle/Foot"),
        ("MRI of the brain", "Head"),
        ("Bilateral hearing aids", "Ear"),
        ("Right elbow MRI", "Elbow"),
        ("Right shoulder arthroscopy", "Shoulder"),
        ("Norco 10/325mg #90", None),
    ],
)
def test_body_region(text: str, expected: str | None) -> None:
    assert body_region(text) == expected


def test_regions_in_order_of_mention_without_lengths() -> None:
    assert regions_in("fell six feet; neck and low back pain, numbness of the left foot") == [
        "Cervical spine",
        "Lumbar spine",
        "Ankle/Foot",
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("As such, the request is medically necessary and appropriate.", "overturned"),
        ("Therefore, the request for X is not medically necessary.", "upheld"),
        ("Although the surgery was found medically necessary, the cold unit is not medically necessary.", "upheld"),
        ("The request cannot be considered medically necessary.", "upheld"),
        ("The requested service is medically unnecessary.", "upheld"),
        ("The Orthopedic surgery consultation is medically necessary and appropriate.", "overturned"),
        ("The records were incomplete.", None),
    ],
)
def test_conclusion(text: str, expected: str | None) -> None:
    assert conclusion(text) == expected
