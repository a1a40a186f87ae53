"""Invented messy letters in ``letters/`` (no real person or case) through ``manage.py parse``.

Each letter exercises the layout problems of PDF-extracted text: wrapped
headings, outcomes on their own line, double spacing, page footers and running
headers inside sentences, hyphenation, two-column headers, partial
authorisations, contradictions, and inputs that are no letter at all.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from determinations.letterfiles import read_letter
from determinations.parsing import parse_letter
from tests.parsing.contract import CONTRACT_KEYS, mismatches, run_parse

LETTERS = Path(__file__).resolve().parent / "letters"

EXPECTED: dict[str, dict] = {
    "a-double-spaced-two-column.txt": {
        "format": "A",
        "case_number": "CM98-0012345",
        "decision_date": "2016-03-01",
        "date_assigned": "2016-02-03",
        "ur_denial_date": "2016-01-15",
        "application_received": "2016-01-28",
        "priority": "expedited",
        "reviewer": {
            "specialty": "Neurology",
            "subspecialty": "Clinical Neurophysiology, Pain Medicine",
            "license_state": "Oregon, Nevada, California",
        },
        "patient": {"age": 90, "sex": "female", "injury_year": 2014},
        "items": [
            {
                "request": "CERVICAL EPIDURAL STEROID INJECTION AT C5-6 UNDER FLUOROSCOPIC GUIDANCE",
                "outcome": "overturned",
                "category": "Injections & Procedures",
                "guideline_sources": ["MTUS"],
            },
            {
                "request": "Gabapentin 600mg #90",
                "outcome": "upheld",
                "category": "Pharmaceuticals",
                "guideline_sources": ["ODG"],
            },
            {
                "request": "X-Ray of the cervical spine, 3 views",
                "outcome": "upheld",
                "category": "Diagnostic Testing",
                "guideline_sources": ["ACOEM", "MTUS"],
            },
        ],
        "warnings": [],
    },
    "a-partial-authorisation.txt": {
        "format": "A",
        "case_number": "CM97-0054321",
        "decision_date": "2015-06-01",
        "priority": "standard",
        "reviewer": {
            "specialty": "Orthopaedic Surgery",
            "subspecialty": "Hand Surgery",
            "license_state": "Texas, Colorado",
        },
        "patient": {"age": 44, "sex": "male", "injury_year": 2012},
        "items": [
            {
                "request": "Physical therapy 6 sessions for the right elbow",
                "outcome": "upheld",
                "category": "Rehabilitation",
                "guideline_sources": ["MTUS"],
            },
            {
                "request": "Retrospective request: Elbow brace (DOS: 3/2/2015)",
                "outcome": "overturned",
                "category": "DMEPOS",
                "guideline_sources": ["ACOEM", "OTHER"],
            },
            {
                "request": "Norco 10/325mg #60",
                "outcome": "upheld",
                "category": "Pharmaceuticals",
                "guideline_sources": [],
            },
        ],
        "warnings": [],
    },
    "a-contradiction-crlf-cp1252.txt": {
        "format": "A",
        "case_number": None,
        "decision_date": None,
        "priority": None,
        "reviewer": {"specialty": "Acupuncture", "subspecialty": None, "license_state": "California"},
        "patient": {"age": 61, "sex": "female", "injury_year": 2009},
        "items": [
            {
                "request": "ACUPUNCTURE 2 TIMES A WEEK FOR 3 WEEKS FOR THE LOW BACK",
                "outcome": "upheld",
                "category": "Rehabilitation",
                "guideline_sources": ["MTUS"],
            },
            {
                "request": "LUMBAR SUPPORT CUSHION",
                "outcome": "upheld",
                "category": "DMEPOS",
                "guideline_sources": ["ODG"],
            },
        ],
        "warnings": ["the heading says Upheld but the rationale concludes it is medically necessary"],
    },
    "b-final-determination-contradiction.txt": {
        "format": "B",
        "case_number": "CM18-0099001",
        "decision_date": "2018-03-03",
        "date_assigned": None,
        "ur_denial_date": "2018-01-10",
        "application_received": "2018-01-22",
        "priority": None,
        "reviewer": {"specialty": "Psychiatry", "subspecialty": None, "license_state": "California"},
        "patient": {"age": 29, "sex": "male", "injury_year": 2016},
        "items": [
            {
                "request": "Psychotherapy 8 sessions",
                "outcome": "overturned",
                "category": "Behavioral Health",
                "guideline_sources": ["ODG", "OTHER"],
            },
            {
                "request": "Zolpidem 10mg #30",
                "outcome": "upheld",
                "category": "Pharmaceuticals",
                "guideline_sources": ["ODG"],
            },
        ],
        "warnings": ["Final Determination OVERTURN contradicts item 2 (Zolpidem 10mg #30)"],
    },
    "b-wrapped-statements.txt": {
        "format": "B",
        "case_number": "CM17-0200456",
        "decision_date": "2017-11-14",
        "ur_denial_date": "2017-09-21",
        "application_received": "2017-10-02",
        "reviewer": {"specialty": "Family Medicine", "subspecialty": "Sports Medicine", "license_state": "Washington"},
        "patient": {"age": 52, "sex": "female", "injury_year": 2015},
        "items": [
            {
                "request": "Tizanidine 4mg #60",
                "outcome": "upheld",
                "category": "Pharmaceuticals",
                "guideline_sources": ["OTHER"],
            },
            {
                "request": "Aquatic therapy 2x6 for the lumbar spine",
                "outcome": "overturned",
                "category": "Rehabilitation",
                "guideline_sources": ["ODG"],
            },
            {
                "request": "Lumbar support brace",
                "outcome": "upheld",
                "category": "DMEPOS",
                "guideline_sources": ["ACOEM"],
            },
        ],
        "warnings": [],
    },
    "c-numbered-items.txt": {
        "format": "C",
        "case_number": "CM15-0777001",
        "decision_date": None,
        "reviewer": {"specialty": "Orthopedic Surgery", "subspecialty": None, "license_state": "Arizona"},
        "patient": {"age": 57, "sex": "male", "injury_year": 2015},
        "items": [
            {
                "request": "Omeprazole 20mg #30",
                "outcome": "upheld",
                "category": "Pharmaceuticals",
                "guideline_sources": ["MTUS"],
            },
            {
                "request": "Left knee arthroscopy with partial medial meniscectomy",
                "outcome": "overturned",
                "category": "Surgery",
                "guideline_sources": ["ACOEM", "MTUS"],
            },
            {
                "request": "Post-operative cold therapy unit, 7-day rental",
                "outcome": "overturned",
                "category": "DMEPOS",
                "guideline_sources": ["ODG"],
            },
        ],
        "warnings": [],
    },
    "c-single-issue.txt": {
        "format": "C",
        "case_number": None,
        "reviewer": {"specialty": "Internal Medicine", "subspecialty": "Sleep Medicine", "license_state": "Illinois"},
        "patient": {"age": 38, "sex": "female", "injury_year": 2014},
        "items": [
            {
                "request": "Polysomnography (sleep study)",
                "outcome": "upheld",
                "category": "Diagnostic Testing",
                "guideline_sources": ["ODG", "OTHER"],
            }
        ],
        "warnings": [],
    },
    "a-second-sources-wrapped-opening.txt": {
        "format": "A",
        "case_number": "CM96-0023456",
        "decision_date": "2016-06-10",
        "date_assigned": "2016-05-02",
        "ur_denial_date": "2016-04-18",
        "application_received": "2016-04-27",
        "priority": "standard",
        "reviewer": {"specialty": "Anesthesiology", "subspecialty": "Pain Medicine", "license_state": "Michigan"},
        "patient": {"age": 39, "sex": "male", "injury_year": 2013},
        "items": [
            {
                "request": "Spinal cord stimulator trial",
                "outcome": "overturned",
                "category": "Injections & Procedures",
                "guideline_sources": ["MTUS", "OTHER"],
            },
            {
                "request": "Oxycodone 10mg #120",
                "outcome": "upheld",
                "category": "Pharmaceuticals",
                "guideline_sources": ["MTUS", "OTHER"],
            },
            {
                "request": "Interdisciplinary pain program evaluation",
                "outcome": "upheld",
                "category": "Evaluation & Management",
                "guideline_sources": ["MTUS"],
            },
            {
                "request": "Custom thumb spica splint, right wrist",
                "outcome": "upheld",
                "category": "DMEPOS",
                "guideline_sources": ["ACOEM", "OTHER"],
            },
        ],
        "warnings": [],
    },
    "b-claims-cite-nothing.txt": {
        "format": "B",
        "case_number": "CM19-0310777",
        "decision_date": "2019-04-09",
        "ur_denial_date": "2019-02-26",
        "application_received": "2019-03-11",
        "reviewer": {
            "specialty": "Physical Medicine & Rehabilitation",
            "subspecialty": None,
            "license_state": "Oregon",
        },
        "patient": {"age": 47, "sex": "male", "injury_year": 2017},
        "items": [
            {
                "request": "Shower chair with back rest",
                "outcome": "upheld",
                "category": "DMEPOS",
                "guideline_sources": ["ODG"],
            },
            {
                "request": "Baclofen 10mg #60",
                "outcome": "upheld",
                "category": "Pharmaceuticals",
                "guideline_sources": [],
            },
            {
                "request": "Home exercise kit for the left shoulder",
                "outcome": "upheld",
                "category": "DMEPOS",
                "guideline_sources": ["ACOEM"],
            },
        ],
        "warnings": [],
    },
    "b-footer-in-heading.txt": {
        "format": "B",
        "case_number": "CM20-0456812",
        "decision_date": "2020-10-02",
        "ur_denial_date": "2020-08-20",
        "application_received": "2020-09-03",
        "reviewer": {"specialty": "Anesthesiology", "subspecialty": "Pain Medicine", "license_state": "Ohio"},
        "patient": {"age": 63, "sex": "female", "injury_year": 2016},
        "items": [
            {
                "request": "Topical compound: diclofenac 3%, baclofen 2%, gabapentin 6% 180gm in Lipoderm base",
                "outcome": "upheld",
                "category": "Pharmaceuticals",
                "guideline_sources": ["MTUS"],
            },
            {
                "request": "Lumbar traction unit for home use, as prescribed on the PR-2 progress report",
                "outcome": "overturned",
                "category": "DMEPOS",
                "guideline_sources": ["ODG"],
            },
        ],
        "warnings": [],
    },
    "not-a-letter.txt": {"error": "not an IMR determination letter"},
    "empty.txt": {"error": "empty"},
    "junk.bin": {"error": "binary"},
    "a-no-outcome.txt": {"error": "no disputed item with an outcome found"},
    "c-no-conclusion.txt": {"error": "no outcome found for item 2 (Massage therapy 6 sessions)"},
}


def test_every_letter_has_expectations() -> None:
    assert sorted(p.name for p in LETTERS.iterdir()) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_letter_parses_as_expected(name: str) -> None:
    expected = EXPECTED[name]
    records, status = run_parse(LETTERS / name)
    assert len(records) == 1
    record = records[0]
    assert record["source"] == str(LETTERS / name)
    if "error" in expected:
        assert status == 1
        assert set(record) == {"source", "error"}
        assert expected["error"] in record["error"]
        return
    assert status == 0
    assert set(record) == CONTRACT_KEYS
    problems = mismatches(expected, record)
    assert not problems, "\n".join(problems)
    for wanted, got in zip(expected["warnings"], record["warnings"], strict=True):
        assert wanted in got


def _letter(name: str):
    return parse_letter(read_letter(LETTERS / name))


def test_double_spaced_letter_text_is_mended() -> None:
    letter = _letter("a-double-spaced-two-column.txt")
    summary = letter.sections["Clinical case summary"]
    assert "right C6 radiculopathy." in summary
    assert "and physical therapy without lasting benefit" in " ".join(summary.split())
    assert "short- and long-term goals" in summary
    assert "an X-Ray of the cervical spine" in summary
    assert "Page 1 of 3" not in letter.text
    assert letter.text.count("CM98-0012345") == 1
    assert "\n\n\n" not in letter.text


def test_double_spaced_letter_items() -> None:
    letter = _letter("a-double-spaced-two-column.txt")
    injection, gabapentin, xray = letter.items
    assert (injection.body_region, injection.quantity) == ("Cervical spine", None)
    assert (gabapentin.quantity, gabapentin.body_region) == (90, None)
    assert xray.body_region == "Cervical spine"
    assert gabapentin.reviewer_citation.startswith("The Expert Reviewer based their decision")
    assert gabapentin.rationale.endswith("the request for Gabapentin 600mg #90 is not medically necessary.")
    assert "Page 2 of 3" not in gabapentin.rationale
    assert injection.guidelines[0].document == "MTUS Chronic Pain Medical Treatment 2016"
    assert injection.guidelines[0].topic == "Epidural steroid injections (ESIs)"
    assert letter.patient.mechanism == "fall on stairs"
    assert letter.patient.diagnoses == (
        "cervical radiculopathy",
        "cervical spondylosis",
        "right carpal tunnel syndrome",
    )


def test_partial_authorisation_items_keep_their_parts() -> None:
    therapy, brace, norco = _letter("a-partial-authorisation.txt").items
    assert therapy.quantity == 6
    assert therapy.claims_administrator_citation == "Decision based on MTUS Elbow Disorders (Revised 2007)."
    assert therapy.rationale.endswith("is not medically necessary.")
    assert brace.body_region == "Elbow"
    assert [g.family for g in brace.guidelines] == ["ACOEM", "OTHER"]
    assert brace.guidelines[0].pages == "45"
    assert norco.guidelines == []
    assert norco.quantity == 60


def test_b_letter_sections_and_citations() -> None:
    letter = _letter("b-final-determination-contradiction.txt")
    assert list(letter.sections) == [
        "How the IMR final determination was made",
        "Documents reviewed",
        "Clinical case summary",
        "IMR decision(s) and rationale(s)",
    ]
    assert letter.sections["Documents reviewed"].startswith("\u2022 Application of Independent Medical Review")
    psychotherapy = letter.items[0]
    assert psychotherapy.claims_administrator_citation.startswith("The Claims Administrator based its decision")
    assert psychotherapy.reviewer_citation.startswith("The Expert Reviewer based his/her decision")
    assert psychotherapy.rationale.startswith("The guidelines support up to 13 to 20 visits")
    assert letter.patient.mechanism == "assault"
    assert letter.needs_review


def test_b_wrapped_statements_quantities_and_footer() -> None:
    tizanidine, aquatic, brace = _letter("b-wrapped-statements.txt").items
    assert (tizanidine.quantity, aquatic.quantity, brace.quantity) == (60, 12, None)
    assert aquatic.rationale.endswith("is medically necessary and appropriate.")
    assert brace.body_region == "Lumbar spine"


def test_c_letter_entries_are_matched_to_items() -> None:
    letter = _letter("c-numbered-items.txt")
    omeprazole, surgery, cold = letter.items
    assert omeprazole.reviewer_citation.startswith("The Professional Reviewer based his/her decision on the MTUS")
    assert surgery.rationale.startswith("Arthroscopic partial meniscectomy is indicated")
    assert [g.family for g in cold.guidelines] == ["ODG"]
    assert "Rationale for why the requested treatment/service is/was not medically necessary" in letter.sections
    assert letter.patient.mechanism == "twisting"
    assert letter.patient.body_regions == ("Knee",)


def test_second_sources_are_told_from_topics_of_the_same_document() -> None:
    letter = _letter("a-second-sources-wrapped-opening.txt")
    stimulator, oxycodone, program, splint = letter.items
    assert stimulator.request == "Spinal cord stimulator trial"
    assert [(g.family, g.document[:24]) for g in stimulator.guidelines] == [
        ("MTUS", "MTUS Chronic Pain Medica"),
        ("OTHER", "Centers for Medicare & M"),
    ]
    assert oxycodone.guidelines[1].document.startswith("Washington State Agency")
    assert [(g.family, g.pages) for g in program.guidelines] == [("MTUS", "30-34"), ("MTUS", "32")]
    assert program.guidelines[1].topic == "Interdisciplinary Pain Programs, Predictors of Success"
    assert [g.family for g in splint.guidelines] == ["ACOEM", "OTHER"]
    assert "Hand, Wrist, and Forearm Disorders Chapter" in splint.guidelines[0].document + splint.guidelines[0].topic


def test_claims_administrator_statements_that_cite_nothing() -> None:
    chair, baclofen, kit = _letter("b-claims-cite-nothing.txt").items
    assert chair.claims_administrator_citation == (
        "The Claims Administrator did not cite any medical evidence for its decision."
    )
    assert chair.reviewer_citation.startswith("The Expert Reviewer based his/her decision on the Official")
    assert baclofen.reviewer_citation == "The Expert Reviewer did not cite any medical evidence for his/her decision."
    assert baclofen.guidelines == []
    assert kit.claims_administrator_citation.startswith("The Claims Administrator relied on its own")
    assert kit.rationale.startswith("Exercise for the shoulder needs no special equipment")


def test_page_footer_inside_a_wrapped_heading() -> None:
    letter = _letter("b-footer-in-heading.txt")
    compound, traction = letter.items
    assert compound.claims_administrator_citation.startswith("The Claims Administrator based its decision")
    assert "Page 2 of 3" not in compound.request + traction.request
    assert traction.reviewer_citation.endswith("Low Back Chapter, Traction.")
