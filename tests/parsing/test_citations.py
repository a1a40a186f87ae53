"""The reviewer's citation as guideline families and documents (``determinations.parsing.citations``)."""

from __future__ import annotations

import pytest

from determinations.parsing.citations import parse_citations
from determinations.parsing.letter import GuidelineCitation


def families(text: str) -> list[str]:
    return sorted({c.family for c in parse_citations(text)})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Decision based on MTUS/ACOEM Practice Guidelines, 2nd Edition (2004), Chapter 13, page 345.",
            ["ACOEM", "MTUS"],
        ),
        ("Decision based on MTUS Shoulder Complaints 2004, Section(s): Special Studies.", ["MTUS"]),
        (
            "The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines. "
            "Decision based on Non-MTUS Citation ACOEM Hip and Groin Chapter/Diagnostic and treatment recommendations.",
            ["ACOEM"],
        ),
        (
            "The Expert Reviewer based their decision on recommendation(s) outside of the MTUS Guidelines. "
            "Decision based on Non-MTUS Citation Official Disability Guidelines (ODG) Elbow, MRI.",
            ["ODG"],
        ),
        ("Decision based on Non-MTUS Citation http://www.example.org/rehabilitation-settings.", ["OTHER"]),
        ("Decision based on Non-MTUS Citation", ["OTHER"]),
        (
            "Decision based on MTUS Low Back Complaints 2004, Section(s): Physical Methods. Decision based on Non- MTUS "
            "Citation Official Disability Guidelines (ODG) Low Back Chapter, ESI and Other Medical Treatment Guidelines "
            "www.mdguidelines.com.",
            ["MTUS", "ODG", "OTHER"],
        ),
        (
            "Decision based on the Official Disability Guidelines (ODG), Low Back Chapter, Preoperative lab testing; "
            "and the American Society of Anesthesiologists Practice Advisory for Preanesthesia Evaluation (2012).",
            ["ODG", "OTHER"],
        ),
        ("The Expert Reviewer did not cite any medical evidence for its decision.", []),
        (
            "The Professional Reviewer based his/her decision on the Official Disability Guidelines (ODG), Mental "
            "Illness & Stress Chapter, and on the American Psychiatric Association Practice Guideline, because the "
            "MTUS does not address psychotherapy for posttraumatic stress disorder.",
            ["ODG", "OTHER"],
        ),
        (
            "The Professional Reviewer based his/her decision on the ODG, as the CA MTUS is silent on this topic.",
            ["ODG"],
        ),
        (
            "Decision based on MTUS Chronic Pain Medical Treatment 2016, Section(s): Compound drugs, and Opioid "
            "Treatment 2016, Section(s): 3.3 Opioids for Chronic Pain.",
            ["MTUS"],
        ),
        (
            "The Expert Reviewer based his/her decision on the Chronic Pain Medical Treatment Guidelines, "
            "Opioids, page 80.",
            ["MTUS"],
        ),
        ("The Expert Reviewer based his/her decision on the FDA prescribing information for tizanidine.", ["OTHER"]),
        (
            "Decision based on MTUS Shoulder Complaints 2004, Section(s): Summary. Decision based on Non-MTUS Citation "
            "ACOEM Occupational Medicine Practice Guidelines, 3rd ed., Shoulder Disorders, pg. 64.",
            ["ACOEM", "MTUS"],
        ),
        ("", []),
    ],
)
def test_families(text: str, expected: list[str]) -> None:
    assert families(text) == expected


def test_one_citation_per_document_with_topic_and_pages() -> None:
    assert parse_citations(
        "Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids, Criteria for Use, pages 78-80."
    ) == [
        GuidelineCitation(
            "MTUS", "MTUS Chronic Pain Medical Treatment Guidelines", "Opioids, Criteria for Use", "78-80"
        )
    ]


def test_section_label_separates_document_and_topic() -> None:
    assert parse_citations("Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.") == [
        GuidelineCitation("MTUS", "MTUS Low Back Complaints 2004", "Special Studies")
    ]


def test_mtus_acoem_document_gives_two_citations() -> None:
    citations = parse_citations(
        "Decision based on MTUS/ACOEM Practice Guidelines, Chapter 12, Low Back Complaints, page 300."
    )
    assert [c.family for c in citations] == ["MTUS", "ACOEM"]
    assert {(c.document, c.topic, c.pages) for c in citations} == {
        ("MTUS/ACOEM Practice Guidelines", "Chapter 12, Low Back Complaints", "300")
    }


def test_topics_with_their_own_pages_share_the_document() -> None:
    citations = parse_citations(
        "The Expert Reviewer based his/her decision on the MTUS Chronic Pain Medical Treatment Guidelines, "
        "Topical Analgesics, pages 111-113, and Muscle relaxants (for pain), page 63."
    )
    assert citations == [
        GuidelineCitation("MTUS", "MTUS Chronic Pain Medical Treatment Guidelines", "Topical Analgesics", "111-113"),
        GuidelineCitation(
            "MTUS", "MTUS Chronic Pain Medical Treatment Guidelines", "Muscle relaxants (for pain)", "63"
        ),
    ]


def test_a_second_mtus_document_named_without_mtus() -> None:
    citations = parse_citations(
        "Decision based on MTUS Low Back Complaints 2004, Section(s): Physical Methods, and Chronic Pain Medical "
        "Treatment 2009, Section(s): Epidural steroid injections (ESIs)."
    )
    assert [(c.family, c.document) for c in citations] == [
        ("MTUS", "MTUS Low Back Complaints 2004"),
        ("MTUS", "MTUS Chronic Pain Medical Treatment 2009"),
    ]


def test_urls_are_separate_documents() -> None:
    citations = parse_citations("Decision based on Non-MTUS Citation http://a.example/x, https://b.example/y.")
    assert [(c.family, c.document) for c in citations] == [
        ("OTHER", "http://a.example/x"),
        ("OTHER", "https://b.example/y"),
    ]
