"""``manage.py parse``: one JSON line per file in the DESIGN.md section 3 shape, exit status 1 on failure."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from tests.parsing.contract import CONTRACT_KEYS, run_parse

PROJECT_DIR = Path(__file__).resolve().parents[2]
LETTERS = Path(__file__).resolve().parent / "letters"


def test_one_line_per_file_in_order_with_every_key() -> None:
    names = ["a-partial-authorisation.txt", "c-single-issue.txt"]
    records, status = run_parse(*(LETTERS / n for n in names))
    assert status == 0
    assert [r["source"] for r in records] == [str(LETTERS / n) for n in names]
    for record in records:
        assert set(record) == CONTRACT_KEYS
        assert set(record["reviewer"]) == {"specialty", "subspecialty", "license_state"}
        assert set(record["patient"]) == {"age", "sex", "injury_year"}
        for item in record["items"]:
            assert set(item) == {"request", "outcome", "category", "guideline_sources"}
            assert item["outcome"] in {"upheld", "overturned"}
            assert item["guideline_sources"] == sorted(set(item["guideline_sources"]))


def test_failures_print_an_error_line_and_the_batch_continues() -> None:
    records, status = run_parse(LETTERS / "not-a-letter.txt", LETTERS / "c-single-issue.txt", LETTERS / "empty.txt")
    assert status == 1
    assert [set(r) for r in records] == [{"source", "error"}, CONTRACT_KEYS, {"source", "error"}]


def test_command_line_source_is_the_path_as_given_and_exit_status() -> None:
    env = {**os.environ, "DJANGO_SETTINGS_MODULE": "imrcases.settings"}
    given = ["tests/parsing/letters/c-single-issue.txt", "tests/parsing/letters/junk.bin"]
    done = subprocess.run(
        [sys.executable, "manage.py", "parse", *given],
        cwd=PROJECT_DIR,
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    lines = [json.loads(line) for line in done.stdout.splitlines()]
    assert [line["source"] for line in lines] == given
    assert "error" in lines[1]
    assert done.returncode == 1
    assert "1 of 2" in done.stderr


def test_parser_imports_no_django() -> None:
    code = "import sys, determinations.parsing; print('django' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], cwd=PROJECT_DIR, capture_output=True, text=True, check=True)
    assert done.stdout.strip() == "False"
