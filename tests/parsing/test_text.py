"""Clean-up of PDF-extracted text (``determinations.parsing.text``)."""

from __future__ import annotations

import pytest

from determinations.parsing.text import clean_text, collapse


def double_spaced(*lines: str) -> str:
    """Lines as some extractions give them: a trailing space and an empty line after each."""
    return "".join(f"{line} \n\n" for line in lines)


def test_double_spacing_is_folded_and_paragraph_breaks_kept() -> None:
    raw = double_spaced("HEADING", "first line of a", "paragraph.", "", "Next paragraph.")
    assert clean_text(raw) == "HEADING\nfirst line of a\nparagraph.\n\nNext paragraph."


def test_single_spaced_text_keeps_its_blank_lines() -> None:
    assert clean_text("One.\n\nTwo.\n \nThree.") == "One.\n\nTwo.\n\nThree."


def test_line_endings_tabs_no_break_spaces_and_bullets() -> None:
    raw = "A\tB\u00a0 C\r\n\uf0b7 item one\r\n\uf0b7 item two\rEnd\ufb01nal"
    assert clean_text(raw) == "A B C\n\u2022 item one\n\u2022 item two\nEndfinal"


def test_irregular_spacing_is_squeezed() -> None:
    assert clean_text("  low back   pain  \n") == "low back pain"


def test_page_footer_and_running_header_inside_a_sentence() -> None:
    raw = (
        "Case Number: CM99-0000001\nThe patient was treated with\nPage 1 of 2\n"
        " Case Number:  CM99-0000001\nphysical therapy.\nPage 2 of 2\n"
    )
    assert clean_text(raw) == "Case Number: CM99-0000001\nThe patient was treated with\nphysical therapy."


def test_footer_with_blank_lines_around_it_rejoins_the_sentence() -> None:
    head = "Case Number: CM99-0000001\nDate Assigned: 01/02/2015\n\n"
    tail = "physical therapy.\nIt helped.\nThen it did not."
    raw = head + "The patient was treated with\n\nPage 1 of 2\n\nCase Number: CM99-0000001\n\n" + tail
    assert clean_text(raw) == head + "The patient was treated with\n" + tail


def test_running_header_after_a_two_column_header_line() -> None:
    raw = "IMR Case Number:  CM99-0000002  Date of Injury: 01/02/2015\nHe was treated with\nIMR Case Number: CM99-0000002\nrest."
    assert clean_text(raw) == "IMR Case Number: CM99-0000002 Date of Injury: 01/02/2015\nHe was treated with\nrest."


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("a chronic radiculo-\npathy. Radiculopathy is", "a chronic radiculopathy. Radiculopathy is"),
        ("at L4-\n5 and L5-S1", "at L4-5 and L5-S1"),
        ("an X-\nray of the knee", "an X-ray of the knee"),
        ("an X-\nRay of the knee", "an X-Ray of the knee"),
        ("pain that is non-\nradicular", "pain that is non-radicular"),
        ("short-\nand long-term goals", "short- and long-term goals"),
        ("signs of inflamma-\ntion were noted", "signs of inflammation were noted"),
        ("on 10-30-\n2016 the", "on 10-30-2016 the"),
        ("fear-\navoidance beliefs", "fear-avoidance beliefs"),
        ("https://www.cms.gov/Regulations-and-\nGuidance/x.pdf", "https://www.cms.gov/Regulations-and-Guidance/x.pdf"),
    ],
)
def test_hyphenation_across_lines(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


def test_hyphenated_form_used_elsewhere_keeps_the_hyphen() -> None:
    raw = "a follow-up visit and a follow-\nup call"
    assert clean_text(raw) == "a follow-up visit and a follow-up call"


def test_empty_and_blank_inputs() -> None:
    assert clean_text("") == ""
    assert clean_text(" \n\n \t\n") == ""


def test_collapse() -> None:
    assert collapse("  a\n b\t\tc ") == "a b c"
