"""``/export.csv``: columns, whole result, order, filters, formula neutralisation, headers."""

from __future__ import annotations

import csv
import io

import pytest

from determinations.export import COLUMNS
from tests.factories import ItemSpec, LetterSpec, create_letter, create_letters, create_many
from tests.search.corpus import create_corpus

pytestmark = pytest.mark.django_db


def export(client, query: str = "") -> list[dict[str, str]]:
    response = client.get(f"/export.csv{query}")
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8")
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_columns_exactly_in_order(client):
    create_corpus()
    response = client.get("/export.csv")
    header = next(iter(response.streaming_content)).decode("utf-8").splitlines()[0]
    assert header == (
        "case_number,decision_date,request,category,subcategory,outcome,reviewer_specialty,"
        "guideline_families,guideline_citation,rationale,letter_url,synthetic"
    )
    assert list(COLUMNS)[:11] == header.split(",")[:11]


def test_headers(client):
    create_corpus()
    response = client.get("/export.csv?q=pain")
    assert response.streaming
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="imr-decisions-')
    assert response["Content-Disposition"].endswith('.csv"')
    assert not b"".join(response.streaming_content).startswith(b"\xef\xbb\xbf"), "no byte-order mark"


def test_one_row_per_decision_of_the_whole_result(client):
    create_many(15, items_per_letter=2)
    rows = export(client)
    assert len(rows) == 30, "every decision, not one page of 20"
    assert len({row["letter_url"] for row in rows}) == 30


def test_same_result_and_order_as_the_search(client):
    create_corpus()
    rows = export(client, "?q=pain&outcome=upheld&sort=oldest")
    assert [row["request"] for row in rows] == [
        "Tramadol ER 150 mg",
        "Cervical epidural steroid injection",
        "MRI of the right shoulder",
        "TENS unit rental",
    ]
    page = client.get("/?q=pain&outcome=upheld&sort=oldest").content.decode()
    positions = [page.index(row["request"]) for row in rows]
    assert positions == sorted(positions)


def test_a_row_holds_the_decision(client):
    create_corpus()
    (row,) = export(client, "?q=lumbar")
    assert row == {
        "case_number": "CM15-0000002",
        "decision_date": "2015-05-01",
        "request": "Lumbar epidural steroid injections at L4-L5",
        "category": "Injections & Procedures",
        "subcategory": "",
        "outcome": "overturned",
        "reviewer_specialty": "Physical Medicine & Rehabilitation",
        "guideline_families": "MTUS, ACOEM",
        "guideline_citation": "MTUS guideline ACOEM guideline",
        "rationale": "Epidural steroids are recommended as an option for radicular pain.",
        "letter_url": "http://testserver/letters/CM15-0000002/#item-2",
        "synthetic": "false",
    }


def test_letters_without_case_number_and_synthetic_letters(client):
    letter = create_letter(case_number=None, synthetic=True)
    (row,) = export(client)
    assert row["case_number"] == ""
    assert row["letter_url"] == f"http://testserver/letters/sha-{letter.sha256[:12]}/#item-1"
    assert row["synthetic"] == "true"


@pytest.mark.parametrize("dangerous", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\rcmd"])
def test_formula_cells_are_neutralised(client, dangerous):
    create_letters([LetterSpec(items=[ItemSpec(dangerous, rationale=dangerous, reviewer_citation=dangerous)])])
    (row,) = export(client)
    for column in ("request", "rationale", "guideline_citation"):
        assert row[column] == "'" + dangerous


def test_ordinary_text_is_left_alone(client):
    create_letters([LetterSpec(items=[ItemSpec("Norco 10/325 - '=' twice", rationale="")])])
    (row,) = export(client)
    assert row["request"] == "Norco 10/325 - '=' twice"
    assert row["rationale"] == ""


@pytest.mark.parametrize(
    "text",
    ['Say "no", twice', "line one\nline two", "carriage\rreturn", 'a "quote"', "comma, only", "plain", '=x, "y"'],
)
def test_free_text_is_quoted_and_survives_intact(client, text):
    create_letters([LetterSpec(items=[ItemSpec(text, rationale=text, reviewer_citation=text)])])
    response = client.get("/export.csv")
    body = b"".join(response.streaming_content).decode("utf-8")
    _, row = list(csv.reader(io.StringIO(body, newline="")))
    expected = "'" + text if text.startswith("=") else text
    for column in ("request", "guideline_citation", "rationale"):
        assert row[COLUMNS.index(column)] == expected
    assert body.endswith("\r\n") and body.count("\r\n") == 2, "CRLF ends each of the two lines, nothing else"
    quoted = '"' + expected.replace('"', '""') + '"'
    assert f",{quoted}," in body, "free text is quoted, its quotes doubled"


def test_unicode_survives(client):
    create_letters([LetterSpec(items=[ItemSpec("Ibuprofen 800 mg – “as needed” ½ tablet")])])
    (row,) = export(client)
    assert row["request"] == "Ibuprofen 800 mg – “as needed” ½ tablet"


def test_an_invalid_parameter_is_a_400_not_a_wider_export(client):
    create_corpus()
    response = client.get("/export.csv?outcome=sideways")
    assert response.status_code == 400
    assert "Outcome" in response.content.decode()
