"""Invented letters for the admin and settings tests, and a way to ingest them.

Two letters, no real person or case: ``CASE_A`` (format A, two items, no
warning) and ``CASE_B`` (format B, two items; its letter-level "UPHOLD"
contradicts item 1, so it is flagged for review).
"""

from __future__ import annotations

import io
from pathlib import Path

from django.core.management import call_command

from determinations.models import Determination

CASE_A = "CM21-0100001"
CASE_B = "CM21-0200002"

LETTER_A = """\
Case Number: CM21-0100001  Date Assigned: 02/05/2021
Date of Injury: 07/22/2019  Decision Date: 03/01/2021
UR Denial Date: 01/19/2021  Priority: Standard
Application Received: 01/30/2021
HOW THE IMR FINAL DETERMINATION WAS MADE
MAXIMUS Federal Services sent the complete case file to an expert reviewer. The expert
reviewer is Board Certified in Orthopedic Surgery, and is licensed to practice in California.
CLINICAL CASE SUMMARY
The expert reviewer developed the following clinical case summary based on a review of the
case file, including all medical records:
The injured worker is a 44-year-old female who reported an injury while lifting a crate.
Her diagnoses included lumbar strain and lumbar radiculopathy.
IMR ISSUES, DECISIONS AND RATIONALES
The Final Determination was based on decisions for the disputed items/services set forth below:
MRI OF THE LUMBAR SPINE: Upheld
Claims Administrator guideline: Decision based on MTUS Low Back Complaints 2004.
MAXIMUS guideline: Decision based on MTUS Low Back Complaints 2004, Section(s): Special Studies.
Decision rationale: There were no red flags and no new neurological deficit. Imaging is not
medically necessary.
NORCO 10/325MG #60: Upheld
Claims Administrator guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines.
MAXIMUS guideline: Decision based on MTUS Chronic Pain Medical Treatment Guidelines, Opioids, pages 74-96.
Decision rationale: There is no documented functional improvement from opioid use. The request is
not medically necessary.
"""

LETTER_B = """\
MAXIMUS FEDERAL SERVICES, INC.
Independent Medical Review
Final Determination Letter

Dated: 04/12/2021

IMR Case Number:  CM21-0200002
Date of Injury:  05/03/2018
Application Received:  03/20/2021
Date of UR Decision:  03/10/2021
Employee:  [redacted]
Claim Number:  [redacted]

Treatment(s) in Dispute Listed on IMR Application:
1. Orthopedic surgery consultation
2. Physical therapy 8 sessions for the right shoulder

Final Determination: UPHOLD. This means we decided that none of the disputed items/services are
medically necessary and appropriate.

HOW THE IMR FINAL DETERMINATION WAS MADE
MAXIMUS Federal Services sent the complete case file to an expert reviewer. The expert
reviewer is Board Certified in Physical Medicine and Rehabilitation and is licensed to practice
in California.

CLINICAL CASE SUMMARY
The patient is a 58 year old male warehouse worker who injured his right shoulder lifting boxes.
He has persistent pain and weakness despite home exercise.

IMR DECISION(S) AND RATIONALE(S)
1. Orthopedic surgery consultation is medically necessary and appropriate.

The Expert Reviewer based his/her decision on the MTUS ACOEM Shoulder Complaints chapter, page 209.

Rationale for the Decision:
Weakness persists after conservative care. Therefore, the request for an orthopedic surgery
consultation is medically necessary and appropriate.

2. Physical therapy 8 sessions for the right shoulder is not medically necessary and appropriate.

The Expert Reviewer based his/her decision on the MTUS Chronic Pain Medical Treatment Guidelines,
Physical Medicine, pages 98-99.

Rationale for the Decision:
He completed 24 sessions without functional gains. Therefore, the request for physical therapy
8 sessions for the right shoulder is not medically necessary and appropriate.
"""


def write_letters(folder: Path) -> Path:
    """Write both letters into ``folder`` and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "letter-a.txt").write_text(LETTER_A)
    (folder / "letter-b.txt").write_text(LETTER_B)
    return folder


def write_letter(path: Path, text: str) -> Path:
    """Write one letter file (creating its folder) and return its path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text)
    return path


def ingest(*paths: Path, report: Path | None = None) -> str:
    """Run ``manage.py ingest`` in-process on ``paths``; return its standard output."""
    out = io.StringIO()
    options = {"report": str(report)} if report else {}
    call_command("ingest", *map(str, paths), stdout=out, stderr=io.StringIO(), **options)
    return out.getvalue()


def letter(case_number: str) -> Determination:
    """The stored letter with this case number."""
    return Determination.objects.get(case_number=case_number)
