"""The reviewer's specialty, subspecialty and states (``determinations.parsing.reviewer``)."""

from __future__ import annotations

import pytest

from determinations.parsing.letter import ReviewerProfile
from determinations.parsing.reviewer import parse_reviewer


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The expert\nreviewer is Board Certified in Physical Medicine & Rehabilitation, and is licensed to practice in\n"
            "California. He/she has been in active clinical practice",
            ReviewerProfile("Physical Medicine & Rehabilitation", None, "California"),
        ),
        (
            "reviewer is Board Certified in Anesthesiology, has a subspecialty in Pain Medicine and is licensed\n"
            "to practice in California. He/she",
            ReviewerProfile("Anesthesiology", "Pain Medicine", "California"),
        ),
        (
            "reviewer is Board Certified in Physical Medicine &\nRehabilitation, and is licensed to practice in Ohio.",
            ReviewerProfile("Physical Medicine & Rehabilitation", None, "Ohio"),
        ),
        (
            "The expert reviewer is Licensed in Chiropractic, and is licensed to practice in California.",
            ReviewerProfile("Chiropractic", None, "California"),
        ),
        (
            "is Board Certified in Internal Medicine and is licensed to practice in Texas and New Mexico.",
            ReviewerProfile("Internal Medicine", None, "Texas, New Mexico"),
        ),
        ("The reviewer is Board Certified in Orthopaedic Surgery. He/she", ReviewerProfile("Orthopaedic Surgery")),
        ("No reviewer is described here.", ReviewerProfile()),
    ],
)
def test_prose(text: str, expected: ReviewerProfile) -> None:
    assert parse_reviewer(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Expert Reviewer has the following credentials:\nState(s) of Licensure: California,North Carolina\n"
            "Certification(s)/Specialty: Family Practice\n\nCLINICAL CASE SUMMARY",
            ReviewerProfile("Family Practice", None, "California, North Carolina"),
        ),
        (
            "State(s) of Licensure: Texas, California, New Mexico\n"
            "Certification(s)/Specialty: Physical Medicine & Rehabilitation, Pain Management\nCLINICAL CASE SUMMARY",
            ReviewerProfile("Physical Medicine & Rehabilitation", "Pain Management", "Texas, California, New Mexico"),
        ),
        (
            "State(s) of Licensure: Ohio,West Virginia,\nCalifornia\n"
            "Certification(s)/Specialty: Anesthesiology, Pain Management, Hospice &\nPalliative Medicine\n"
            "He/she has been in active practice.",
            ReviewerProfile(
                "Anesthesiology", "Pain Management, Hospice & Palliative Medicine", "Ohio, West Virginia, California"
            ),
        ),
    ],
)
def test_credentials_block(text: str, expected: ReviewerProfile) -> None:
    assert parse_reviewer(text) == expected
