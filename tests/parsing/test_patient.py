"""Patient facts from the case summary (``determinations.parsing.patient``)."""

from __future__ import annotations

import pytest

from determinations.parsing.patient import parse_patient


@pytest.mark.parametrize(
    ("summary", "age", "sex"),
    [
        ("The patient is a 25-year-old male who reported an injury.", 25, "male"),
        ("The patient is a 25 year old female.", 25, "female"),
        ("The patient is a 38 year-old female delivery driver.", 38, "female"),
        ("This case involves a now 39-year-old male with a history of a claim.", 39, "male"),
        ("The injured worker is a(n) 57 year old male, who sustained an injury.", 57, "male"),
        ("The injured worker is a 93 year old woman.", 90, "female"),
        ("The patient is a 90-year-old gentleman.", 90, "male"),
        ("This 61-year-old claims adjuster says she has pain. Her pain is worse at night.", 61, "female"),
        ("The claimant, aged 47, reports that he lifted a box. His pain persists.", 47, "male"),
        ("The claimant is 45 years of age and male.", 45, "male"),
        ("The records describe a worker with neck pain.", None, None),
        ("He/she reports pain; his/her records were reviewed.", None, None),
    ],
)
def test_age_and_sex(summary: str, age: int | None, sex: str | None) -> None:
    patient = parse_patient(summary)
    assert (patient.age, patient.sex) == (age, sex)


@pytest.mark.parametrize(
    ("summary", "year"),
    [
        ("The patient is a 25-year-old male who reported an injury on 03/02/2011 due to a fall.", 2011),
        ("He was injured on January 5, 2010 when he slipped.", 2010),
        ("This is a 34 year-old female with a date of injury of 6/14/2013, when she was held up.", 2013),
        ("The injured worker sustained an industrial injury on 10-13-16. The injured worker", 2016),
        ("A now 56-year-old female with a history of an occupational claim from  10/26/2016.", 2016),
        ("A 42 year old male with an industrial injury date of 12-03-2016.", 2016),
        ("A 48 year old female who sustained a work related injury on October 13,  2016, incurring", 2016),
        ("She was injured in 2009 while lifting.", 2009),
        ("An MRI dated 07/19/2013 showed a disc protrusion.", None),
    ],
)
def test_injury_year_from_the_summary(summary: str, year: int | None) -> None:
    assert parse_patient(summary).injury_year == year


def test_header_date_of_injury_comes_first() -> None:
    patient = parse_patient("He reported an injury on 03/02/2011.", 2012)
    assert patient.injury_year == 2012


@pytest.mark.parametrize(
    ("summary", "mechanism"),
    [
        ("The patient reported an injury on 08/16/2012 due to a fall from a ladder.", "fall from a ladder"),
        ("He reported an injury on 03/02/2011 while lifting a box of parts onto a pallet.", "lifting"),
        ("She injured her right knee on 04/11/2013 when she twisted it while stepping down.", "twisting"),
        ("He was injured on January 5, 2010 when he slipped on wet grass and fell.", "slip and fall"),
        ("She reported an injury on 09/18/2012 attributed to repetitive keyboarding.", "repetitive motion"),
        ("He was injured on 5/5/2015 in a motor vehicle accident.", "vehicle accident"),
        ("She sustained an industrial injury on 10-13-16. She has neck pain.", None),
    ],
)
def test_mechanism(summary: str, mechanism: str | None) -> None:
    assert parse_patient(summary).mechanism == mechanism


def test_diagnoses_and_body_regions() -> None:
    patient = parse_patient(
        "He reported an injury on 08/16/2012 due to a fall from a ladder. The patient's diagnoses included "
        "low back pain, lumbar discogenic pain, and L4-5 and L5-S1 discogenic protrusions. Plan: rest."
    )
    assert patient.diagnoses == ("low back pain", "lumbar discogenic pain", "L4-5 and L5-S1 discogenic protrusions")
    assert patient.body_regions == ("Lumbar spine",)


@pytest.mark.parametrize(
    ("summary", "diagnoses"),
    [
        (
            "The diagnosis was a displaced tear of the right medial meniscus.",
            ("displaced tear of the right medial meniscus",),
        ),
        (
            "Diagnoses included an L4-5 disc protrusion and left L5 radiculopathy.",
            ("L4-5 disc protrusion", "left L5 radiculopathy"),
        ),
        (
            "The diagnoses are being evaluated. Diagnoses include cervicalgia; lumbago on 01/02/2016.",
            ("cervicalgia", "lumbago"),
        ),
        ("No diagnosis is listed", ()),
    ],
)
def test_diagnoses(summary: str, diagnoses: tuple[str, ...]) -> None:
    assert parse_patient(summary).diagnoses == diagnoses


def test_injury_sentence_lengths_are_no_body_region() -> None:
    patient = parse_patient("He sustained an injury on 11/17/2011 when he fell six feet from a scaffold onto his back.")
    assert patient.mechanism == "fall from a scaffold"
    assert patient.body_regions == ("Lumbar spine",)
