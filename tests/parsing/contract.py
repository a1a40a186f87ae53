"""Helpers for checking ``manage.py parse`` output against expected values.

``norm`` is the comparison of ``../shared/tools/compare_parse.py`` (DESIGN.md
section 3): strings case-insensitively with whitespace collapsed (also around
commas), ``&`` and ``and`` alike, a trailing colon ignored; lists as sorted
normalised values.
"""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

from django.core.management import CommandError, call_command

TOP_FIELDS = (
    "format",
    "case_number",
    "decision_date",
    "date_assigned",
    "ur_denial_date",
    "application_received",
    "priority",
)
CONTRACT_KEYS = {*TOP_FIELDS, "source", "reviewer", "patient", "items", "warnings"}
REVIEWER_FIELDS = ("specialty", "subspecialty", "license_state")
PATIENT_FIELDS = ("age", "sex", "injury_year")
ITEM_FIELDS = ("request", "outcome", "category", "guideline_sources")


def norm(value):
    """A value as the outside checks compare it."""
    if isinstance(value, str):
        text = re.sub(r"\s+", " ", value).strip().casefold()
        text = text.replace("&", "and").rstrip(":").strip()
        text = re.sub(r"\s*,\s*", ", ", text)
        return re.sub(r"\s+", " ", text)
    if isinstance(value, list):
        return sorted(norm(v) for v in value)
    return value


def run_parse(*paths: str | Path) -> tuple[list[dict], int]:
    """``manage.py parse`` in-process: the JSON objects it printed and its exit status."""
    out = io.StringIO()
    try:
        call_command("parse", *map(str, paths), stdout=out)
        status = 0
    except CommandError as exc:
        status = exc.returncode
    return [json.loads(line) for line in out.getvalue().splitlines() if line.strip()], status


def mismatches(expected: dict, actual: dict) -> list[str]:
    """Every field where ``actual`` differs from ``expected`` (only the fields ``expected`` has)."""
    if "error" in expected:
        return [] if "error" in actual else [f"expected a parse error, got {actual}"]
    if "error" in actual:
        return [f"parser failed: {actual['error']}"]
    found: list[str] = []

    def check(label: str, want, got) -> None:
        if norm(want) != norm(got):
            found.append(f"{label}: expected {want!r}, got {got!r}")

    for name in TOP_FIELDS:
        if name in expected:
            check(name, expected[name], actual.get(name))
    for group, names in (("reviewer", REVIEWER_FIELDS), ("patient", PATIENT_FIELDS)):
        for name in names:
            if name in expected.get(group, {}):
                check(f"{group}.{name}", expected[group][name], (actual.get(group) or {}).get(name))
    if "items" in expected:
        check("len(items)", len(expected["items"]), len(actual.get("items") or []))
        for i, (want, got) in enumerate(zip(expected["items"], actual.get("items") or [], strict=False)):
            for name in ITEM_FIELDS:
                if name in want:
                    check(f"items[{i}].{name}", want[name], got.get(name))
    if "warnings" in expected:
        check("warnings present", bool(expected["warnings"]), bool(actual.get("warnings")))
    return found
