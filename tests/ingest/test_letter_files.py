"""Reading letter files (``determinations.letterfiles``) and refusing what is no letter text."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest

from determinations.letterfiles import READ_AHEAD, SkippedFile, iter_sources, read_letter
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


def test_a_folder_is_walked_in_name_order_with_its_archives_in_place(tmp_path: Path) -> None:
    """More files than are read ahead at once, an archive among them, a hidden file, a file ingest does not read."""
    names = [f"{n:03}.txt" for n in range(READ_AHEAD * 2 + 5)]
    for name in names:
        (tmp_path / "letters" / name[0]).mkdir(parents=True, exist_ok=True)
        (tmp_path / "letters" / name[0] / name).write_text(f"letter {name}")
    with zipfile.ZipFile(tmp_path / "letters" / "0" / "050.zip", "w") as archive:
        archive.writestr("b.txt", "member b")
        archive.writestr("a.txt", "member a")
    (tmp_path / "letters" / "0" / ".hidden.txt").write_text("hidden")
    (tmp_path / "letters" / "0" / "050.jpg").write_bytes(b"\xff\xd8")

    found = list(iter_sources([tmp_path / "letters"]))

    folder = tmp_path / "letters" / "0"
    expected = [str(tmp_path / "letters" / name[0] / name) for name in names]
    at = expected.index(str(folder / "050.txt"))
    expected[at : at + 1] = [str(folder / n) for n in ("050.jpg", "050.txt", "050.zip/a.txt", "050.zip/b.txt")]
    assert [item.name for item in found] == expected
    assert isinstance(found[at], SkippedFile)
    assert [item.data for item in found[at + 2 : at + 4]] == [b"member a", b"member b"]
    assert found[0].data == b"letter 000.txt" and found[-1].data == f"letter {names[-1]}".encode()
