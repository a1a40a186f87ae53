"""Header fields by label (``determinations.parsing.header``) and dates (``dates``)."""

from __future__ import annotations

import datetime

import pytest

from determinations.parsing.dates import parse_date
from determinations.parsing.header import parse_header

D = datetime.date


def test_one_field_per_line() -> None:
    header = parse_header(
        " Case Number: CM14-0000001\nDate Assigned: 03/24/2014\nDate of Injury: 03/02/2011\n"
        "Decision Date: 05/02/2014\nUR Denial Date: 02/18/2014\nPriority: Standard\nApplication Received: 03/06/2014\n"
    )
    assert header.case_number == "CM14-0000001"
    assert header.date_assigned == D(2014, 3, 24)
    assert header.injury_date == D(2011, 3, 2)
    assert header.decision_date == D(2014, 5, 2)
    assert header.ur_denial_date == D(2014, 2, 18)
    assert header.priority == "standard"
    assert header.application_received == D(2014, 3, 6)


def test_two_columns_with_a_label_wrapped_away_from_its_value() -> None:
    header = parse_header(
        "Case Number: CM16-0000002\nDate Assigned: 11/09/2016 Date of Injury:  10/13/2016\n"
        "Decision Date: 12/09/2016 UR Denial Date:  11/03/2016\nPriority:  Expedited Application\nReceived:\n11/04/2016\n"
    )
    assert header.priority == "expedited"
    assert header.application_received == D(2016, 11, 4)
    assert header.date_assigned == D(2016, 11, 9)
    assert header.ur_denial_date == D(2016, 11, 3)


def test_labels_wrapped_before_their_values_take_the_spare_dates_in_order() -> None:
    header = parse_header("Date Assigned:   Date of Injury:\n11/09/2016   10/13/2016\nDecision Date: 12/09/2016")
    assert header.date_assigned == D(2016, 11, 9)
    assert header.injury_date == D(2016, 10, 13)
    assert header.decision_date == D(2016, 12, 9)


def test_format_b_labels() -> None:
    header = parse_header(
        "MAXIMUS FEDERAL SERVICES, INC.\nDated: March 3, 2018\n"
        "IMR Case Number:  CM18-0000003   Date of Injury:  04/05/2016\n"
        "Claim Number:  [redacted]   Application Received:  01/22/2018\nEmployee:  [redacted]\n"
        "Date of UR Decision:  01/10/2018\nTreatment(s) in Dispute Listed on IMR Application:\n1. MRI\n"
        "Dear [redacted]:\nFinal Determination: OVERTURN IN PART. This means we decided that some"
    )
    assert header.case_number == "CM18-0000003"
    assert header.decision_date == D(2018, 3, 3)
    assert header.application_received == D(2018, 1, 22)
    assert header.ur_denial_date == D(2018, 1, 10)
    assert header.final_determination == "OVERTURN IN PART"
    assert header.date_assigned is None
    assert header.priority is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("UPHOLD. This means", "UPHOLD"),
        ("OVERTURN. This", "OVERTURN"),
        ("Upheld", "UPHOLD"),
        ("Partially Overturned", "OVERTURN IN PART"),
    ],
)
def test_final_determination(value: str, expected: str) -> None:
    assert parse_header(f"Final Determination: {value}").final_determination == expected


def test_fields_not_printed_are_none_and_redacted_values_ignored() -> None:
    header = parse_header("IMR Case Number: [redacted]\nPriority: \n")
    assert header == type(header)()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11/03/2016", D(2016, 11, 3)),
        ("on 10-13-16.", D(2016, 10, 13)),
        ("11-2-16", D(2016, 11, 2)),
        ("2016-11-03", D(2016, 11, 3)),
        ("January 5, 2010", D(2010, 1, 5)),
        ("Oct. 20,  2016", D(2016, 10, 20)),
        ("5 March 2012", D(2012, 3, 5)),
        ("6/14/1998", D(1998, 6, 14)),
        ("13/45/2012", None),
        ("pain rated 6-7/10", None),
        ("no date here", None),
    ],
)
def test_parse_date(text: str, expected: D | None) -> None:
    assert parse_date(text) == expected
