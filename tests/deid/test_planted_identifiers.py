"""No planted identifier survives ingest, in any stored column or on any page (DESIGN.md section 5).

Two invented letters (formats A and B) carry fake names, claim numbers, SSNs,
phone and fax numbers, e-mail addresses, street addresses, and patient dates in
the places leftovers really occur: party fields, salutations, the summary, a
request and a rationale. After ingest, every column of every table is searched
for every planted string.
"""

from __future__ import annotations

import io
import json

import pytest
from django.core.management import call_command

from determinations.deid import redact_text
from determinations.models import Determination, Patient
from tests.database import stored_text

pytestmark = pytest.mark.django_db

LETTER_A = """\
Case Number: CM18-0551234  Date Assigned: 02/05/2018
Date of Injury: 07/22/2016  Decision Date: 03/01/2018
UR Denial Date: 01/19/2018  Priority: Standard
Application Received: 01/30/2018
Employee: Rosalind Featherstonehaugh
Claim Number: WC-88231-QX
HOW THE IMR FINAL DETERMINATION WAS MADE
MAXIMUS Federal Services sent the complete case file to an expert reviewer. The expert
reviewer is Board Certified in Orthopedic Surgery, and is licensed to practice in California.
CLINICAL CASE SUMMARY
The expert reviewer developed the following clinical case summary based on a review of the
case file, including all medical records:
The injured worker, Rosalind Featherstonehaugh, is a 44-year-old female who reported an injury on
07/22/2016 while lifting a crate. Her date of birth is 03/14/1973 and her SSN is 512-44-9031. She was
seen by Dr. Quentin Abernathy on 11/05/2017 at 4417 Larkspur Canyon Road, Suite 12, Sacramento,
CA 95814, telephone (916) 555-0148, fax 916.555.0172, e-mail rosalind.f@example.org. Ms.
Featherstonehaugh's WCAB case is ADJ10398877 and her claim no. 5550193827. Her diagnoses included
lumbar strain.
IMR ISSUES, DECISIONS AND RATIONALES
The Final Determination was based on decisions for the disputed items/services set forth below:
RETROSPECTIVE MRI OF THE LUMBAR SPINE DOS: 11/05/2017: Upheld
Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.
MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.
Decision rationale: Ms. Featherstonehaugh (SSN 512449031) had no red flags on 11/05/2017 per
Dr. Abernathy; call (916) 555-0148 for records. Imaging is not medically necessary.
"""

LETTER_B = """\
MAXIMUS FEDERAL SERVICES, INC.
Independent Medical Review
Final Determination Letter

Bartholomew Quillfeather
88 Wisteria Lane
Fresno, CA 93721

Dated: 09/14/2020

IMR Case Number:  CM20-0771234  Date of Injury:  02/02/2019
Claim Number:  7730-QZ-55102  Application Received:  08/20/2020
Employee:  Bartholomew Quillfeather
Claims Administrator:  Northwind Mutual Claims
Employer:  Quillfeather Orchards LLC
Requesting Physician:  Ignatius Pembrook
Date of UR Decision:  08/10/2020

Treatment(s) in Dispute Listed on IMR Application:
1. Physical therapy 8 sessions for the right shoulder

Dear Mr. Quillfeather:

Final Determination: UPHOLD. This means we decided that none of the disputed items/services are
medically necessary and appropriate.

HOW THE IMR FINAL DETERMINATION WAS MADE
MAXIMUS Federal Services sent the complete case file to an expert reviewer. The expert
reviewer is Board Certified in Physical Medicine and Rehabilitation and is licensed to practice
in California.

CLINICAL CASE SUMMARY
The patient is a 61 year old male born on February 3, 1959 who injured his right shoulder on
February 2, 2019. Mr. Quillfeather can be reached at bq@quillfeather.example.com or 559-555-0133.

IMR DECISION(S) AND RATIONALE(S)
1. Physical therapy 8 sessions for the right shoulder is not medically necessary and appropriate.

The Expert Reviewer based his/her decision on the MTUS Chronic Pain Medical Treatment Guidelines,
Physical Medicine, pages 98-99.

Rationale for the Decision:
Mr. Quillfeather completed 24 sessions through 06/30/2020 without functional gains. Therefore, the
request for physical therapy 8 sessions for the right shoulder is not medically necessary and
appropriate.
"""

PLANTED = [
    "Rosalind",
    "Featherstonehaugh",
    "Quentin",
    "Abernathy",
    "Bartholomew",
    "Quillfeather",
    "Ignatius",
    "Pembrook",
    "Northwind",
    "WC-88231-QX",
    "7730-QZ-55102",
    "5550193827",
    "ADJ10398877",
    "512-44-9031",
    "512449031",
    "555-0148",
    "555.0172",
    "555-0133",
    "example.org",
    "example.com",
    "Larkspur",
    "Wisteria",
    "95814",
    "93721",
    "03/14/1973",
    "1973-03-14",
    "07/22/2016",
    "2016-07-22",
    "11/05/2017",
    "2017-11-05",
    "February 3, 1959",
    "1959-02-03",
    "February 2, 2019",
    "02/02/2019",
    "2019-02-02",
    "06/30/2020",
]


@pytest.fixture
def planted_letters(tmp_path):
    folder = tmp_path / "letters"
    folder.mkdir()
    (folder / "featherstonehaugh-imr.txt").write_text(LETTER_A)
    (folder / "quillfeather.txt").write_text(LETTER_B)
    call_command("ingest", str(folder), stdout=io.StringIO(), stderr=io.StringIO())
    return folder


def test_both_planted_letters_are_ingested(planted_letters):
    assert set(Determination.objects.values_list("case_number", flat=True)) == {"CM18-0551234", "CM20-0771234"}


@pytest.mark.parametrize("identifier", PLANTED)
def test_no_planted_identifier_survives_in_any_column(planted_letters, identifier):
    assert identifier.casefold() not in stored_text().casefold()


def test_patient_dates_are_reduced_to_years_and_citation_dates_kept(planted_letters):
    letter = Determination.objects.get(case_number="CM18-0551234")
    assert "Decision Date: 03/01/2018" in letter.full_text
    assert "Date of Injury: 2016" in letter.full_text
    assert "1973" in letter.summary
    assert letter.decision_date.isoformat() == "2018-03-01"
    request = letter.items.get().request
    assert request.endswith("DOS: 2017")


def test_patient_record_holds_no_exact_date_or_name(planted_letters):
    for patient in Patient.objects.all():
        assert patient.injury_year in {2016, 2019}
        assert not any(name in str(vars(patient)) for name in ("Rosalind", "Quillfeather"))


@pytest.mark.parametrize("identifier", PLANTED)
def test_no_planted_identifier_on_letter_pages(planted_letters, client, identifier):
    for letter in Determination.objects.all():
        page = client.get(letter.get_absolute_url())
        assert page.status_code == 200
        assert identifier.casefold() not in page.content.decode().casefold()


def test_parse_command_prints_the_letter_as_written(tmp_path):
    """The parse contract reports the letter itself; redaction happens on the way into the database."""
    path = tmp_path / "a.txt"
    path.write_text(LETTER_A)
    out = io.StringIO()
    call_command("parse", str(path), stdout=out)
    parsed = json.loads(out.getvalue())
    assert parsed["items"][0]["request"].endswith("DOS: 11/05/2017")
    assert parsed["patient"] == {"age": 44, "sex": "female", "injury_year": 2016}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("seen 10-13-16 for pain", "seen 2016 for pain"),
        ("on January 5, 2010 he fell", "on 2010 he fell"),
        ("on 5 January 2010 he fell", "on 2010 he fell"),
        ("dated 2014-03-04.", "dated 2014."),
        (
            "pain 7/10 at L4-5, 6-8 on a 10-point scale, pages 30-34",
            "pain 7/10 at L4-5, 6-8 on a 10-point scale, pages 30-34",
        ),
        ("Norco 10/325mg #90", "Norco 10/325mg #90"),
        ("a 93-year-old man", "a 90-year-old man"),
        ("a 45-year-old man", "a 45-year-old man"),
        ("Case Number: CM14-0004521", "Case Number: CM14-0004521"),
        ("ICD-10 M54.5 and CPT 97110", "ICD-10 M54.5 and CPT 97110"),
        ("call 415-555-0199 today", "call [REDACTED] today"),
        ("PO Box 1234, Oakland, CA 94612", "[REDACTED], [REDACTED]"),
    ],
)
def test_redaction_rules(text, expected):
    assert redact_text(text) == expected


@pytest.mark.parametrize("identifier", PLANTED)
def test_no_planted_identifier_in_search_results_export_or_stats(planted_letters, client, identifier):
    pages = [
        client.get("/?q=lumbar"),
        client.get("/?q=therapy"),
        client.get("/"),
        client.get("/stats/"),
    ]
    export = client.get("/export.csv")
    texts = [page.content.decode() for page in pages] + [b"".join(export.streaming_content).decode()]
    assert all(page.status_code == 200 for page in pages)
    for text in texts:
        assert identifier.casefold() not in text.casefold()
