"""Reading letter files (``determinations.letterfiles``) and refusing what is no letter text."""

from __future__ import annotations

from pathlib import Path

import pytest

from determinations.letterfiles import read_letter
from determinations.parsing import ParseError, parse_letter
from tests.pdfmaker import encrypt_with_empty_password, image_only_pdf, text_pdf

LETTER = Path(__file__).resolve().parents[1] / "parsing" / "letters" / "b-wrapped-statements.txt"


def test_utf8_text(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_text("caf\u00e9 \u2022 ok", encoding="utf-8")
    assert read_letter(path) == "caf\u00e9 \u2022 ok"


def test_windows_1252_text(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_bytes("provider\u2019s \u201cnotes\u201d".encode("cp1252"))
    assert read_letter(path) == "provider\u2019s \u201cnotes\u201d"


def test_latin_1_fallback(tmp_path: Path) -> None:
    path = tmp_path / "letter.txt"
    path.write_bytes(b"abc \x81 def")
    assert read_letter(path) == "abc \x81 def"


def test_encrypted_pdf_with_a_text_layer_parses_like_its_text(tmp_path: Path) -> None:
    text = LETTER.read_text(encoding="utf-8")
    path = tmp_path / "letter.pdf"
    path.write_bytes(encrypt_with_empty_password(text_pdf(text)))
    from_pdf, from_text = parse_letter(read_letter(path)), parse_letter(text)
    assert from_pdf.items == from_text.items
    assert from_pdf.case_number == from_text.case_number == "CM17-0200456"


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [
        ("scan.pdf", image_only_pdf(), "PDF has no text layer (scanned image?); run OCR first"),
        ("broken.pdf", b"%PDF-1.4\nnot really a pdf", "unreadable PDF"),
        ("letter.txt", b"", "empty file"),
        ("letter.txt", b" \n\n ", "empty file"),
        ("letter.txt", b"\x00\x01\x02binary", "binary data"),
    ],
)
def test_unreadable_files_raise_parse_error(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(ParseError, match=reason.replace("(", r"\(").replace(")", r"\)").replace("?", r"\?")):
        read_letter(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ParseError, match="cannot read file"):
        read_letter(tmp_path / "absent.txt")


@pytest.mark.parametrize(
    "text",
    [
        "",
        "\x01\x02\x03\x04\x05\x06\x07\x08" * 20,
        "\ufffd" * 50 + "HOW THE IMR FINAL DETERMINATION WAS MADE",
        "Just a note.\nNothing to see.",
        "CLINICAL CASE SUMMARY\nThe patient is a 40-year-old male.",
    ],
)
def test_texts_that_are_no_letter_raise_parse_error(text: str) -> None:
    with pytest.raises(ParseError):
        parse_letter(text)
