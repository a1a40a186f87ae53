"""Every letter of the shared corpus, parsed by ``manage.py parse``, matches its expected ``.json``.

The corpus is read in place under ``../shared/corpus``. Without it these tests
skip with the reason (and fail under ``CI=true``, see ``tests.shared_corpus``);
a folder with no letters gives one failing case rather than none.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.parsing.contract import CONTRACT_KEYS, mismatches, run_parse
from tests.shared_corpus import CORPUS_FOLDERS, letter_files, require_shared


def _cases() -> list:
    cases = []
    for folder in CORPUS_FOLDERS:
        files = letter_files(folder)
        cases += [pytest.param(path, id=f"{folder}/{path.name}") for path in files]
        if not files:
            cases.append(pytest.param(None, id=f"{folder}/no-letters"))
    return cases


@pytest.mark.parametrize("path", _cases())
def test_corpus_letter_matches_expected_parse(path: Path | None) -> None:
    corpus = require_shared()
    if path is None:
        pytest.fail(f"no letter with an expected parse found in a folder of {corpus}")
    expected = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    records, status = run_parse(path)
    assert status == 0
    assert len(records) == 1
    record = records[0]
    assert set(record) == CONTRACT_KEYS
    assert record["source"] == str(path)
    problems = mismatches(expected, record)
    assert not problems, "\n".join(problems)
