"""The generator is deterministic, writes what it promises, and writes no identifiers."""

from __future__ import annotations

import io
import re

from django.core.management import call_command

from determinations.generator import SYNTHETIC_MARKER, generate, intended
from determinations.generator.output import FILES_PER_FOLDER, folder_of

PHONE = re.compile(r"\(?\b\d{3}\)?[-. ]\d{3}[-. ]\d{4}\b")
SSN = re.compile(r"\b\d{3}-\d{2}-\d{4}\b")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+\.[\w.-]+")


def test_same_seed_same_letter_and_letters_are_independent():
    first = [generate("det", index) for index in range(50)]
    again = [generate("det", index) for index in reversed(range(50))][::-1]
    assert first == again
    assert [letter.intended for letter in first] == [intended("det", index) for index in range(50)]


def test_different_seed_different_letters():
    assert generate("one", 7).text != generate("two", 7).text
    assert generate("one", 7).name != generate("two", 7).name


def test_command_writes_marked_files(tmp_path):
    out = io.StringIO()
    call_command("generate_letters", count=50, seed="cmd", out=str(tmp_path), stdout=out, stderr=io.StringIO())
    files = sorted(tmp_path.rglob("*.txt"))
    assert len(files) == 50
    assert {path.parent.name for path in files} == {"0000"}
    assert sorted(path.name for path in files) == sorted(generate("cmd", index).name for index in range(50))
    for path in files:
        text = path.read_text(encoding="utf-8")
        last_line = [line for line in text.splitlines() if line.strip()][-1]
        assert last_line.startswith(SYNTHETIC_MARKER)
    assert "wrote 50 letters" in out.getvalue()


def test_workers_and_resume_give_identical_files(tmp_path):
    quiet = {"stdout": io.StringIO(), "stderr": io.StringIO()}
    call_command("generate_letters", count=30, seed="par", out=str(tmp_path / "one"), **quiet)
    call_command("generate_letters", count=30, seed="par", out=str(tmp_path / "two"), workers=2, **quiet)
    call_command("generate_letters", count=10, seed="par", out=str(tmp_path / "three"), **quiet)
    call_command("generate_letters", count=20, start=10, seed="par", out=str(tmp_path / "three"), **quiet)
    one = {path.name: path.read_bytes() for path in (tmp_path / "one").rglob("*.txt")}
    for other in ("two", "three"):
        assert {path.name: path.read_bytes() for path in (tmp_path / other).rglob("*.txt")} == one


def test_json_beside_letters(tmp_path):
    quiet = {"stdout": io.StringIO(), "stderr": io.StringIO()}
    call_command("generate_letters", count=3, seed="js", out=str(tmp_path), with_json=True, **quiet)
    assert len(list(tmp_path.rglob("*.json"))) == 3


def test_folders_hold_at_most_ten_thousand_letters():
    assert folder_of(0) == folder_of(FILES_PER_FOLDER - 1) == "0000"
    assert folder_of(FILES_PER_FOLDER) == "0001"
    assert folder_of(999_999) == "0099"


def test_no_identifiers_in_letters():
    for index in range(1000):
        text = generate("privacy", index).text
        assert not PHONE.search(text), PHONE.search(text).group()
        assert not SSN.search(text), SSN.search(text).group()
        assert not EMAIL.search(text), EMAIL.search(text).group()
        for label in ("Employee:", "Claim Number:", "Employer:", "Requesting Physician:"):
            for line in text.splitlines():
                if line.startswith(label):
                    assert line.split(":", 1)[1].strip() in ("", "[redacted]") or "Application" in line
