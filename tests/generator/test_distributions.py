"""The synthetic set looks like the DWC corpus (DESIGN.md section 1) in the aggregate."""

from __future__ import annotations

import collections
import statistics

import pytest

from determinations.generator import intended
from determinations.taxonomy import CATEGORIES, classify

SEED = "distributions"
RECORDS = 20_000


@pytest.fixture(scope="module")
def records() -> list[dict]:
    return [intended(SEED, index) for index in range(RECORDS)]


@pytest.fixture(scope="module")
def items(records) -> list[dict]:
    return [item for record in records for item in record["items"]]


def test_items_per_letter(records):
    counts = [len(record["items"]) for record in records]
    assert 2.2 <= statistics.mean(counts) <= 2.4
    assert min(counts) == 1
    assert max(counts) == 6


def test_overturn_rate_overall_and_by_category(items):
    overturned = sum(item["outcome"] == "overturned" for item in items)
    assert 0.09 <= overturned / len(items) <= 0.13
    by_category = collections.defaultdict(list)
    for item in items:
        by_category[item["category"]].append(item["outcome"] == "overturned")
    rate = {category: statistics.mean(flags) for category, flags in by_category.items()}
    assert rate["Pharmaceuticals"] < rate["Surgery"]
    assert rate["Pharmaceuticals"] < rate["Evaluation & Management"]
    assert rate["Pharmaceuticals"] < rate["Diagnostic Testing"]


def test_category_mix(items):
    share = collections.Counter(item["category"] for item in items)
    assert 0.30 <= share["Pharmaceuticals"] / len(items) <= 0.40
    assert set(share) == set(CATEGORIES)
    ranked = [category for category, _ in share.most_common()]
    assert ranked[:2] == ["Pharmaceuticals", "Rehabilitation"]
    assert ranked[-1] == "Other"


def test_intended_category_is_the_taxonomy_category(items):
    wrong = [item for item in items if classify(item["request"]).category != item["category"]]
    assert not wrong, wrong[:10]


def test_years_and_formats(records):
    years = collections.Counter(int(record["decision_date"][:4]) for record in records if record["decision_date"])
    assert set(years) == set(range(2013, 2026))
    assert years[2018] > years[2014] > years[2013]
    formats = collections.Counter(record["format"] for record in records)
    assert set(formats) == {"A", "B", "C"}
    assert 0.05 <= formats["C"] / RECORDS <= 0.11
    by_year = collections.defaultdict(collections.Counter)
    for record in records:
        if record["decision_date"]:
            by_year[int(record["decision_date"][:4])][record["format"]] += 1
    assert by_year[2015]["B"] == 0
    assert by_year[2019]["A"] == 0


def test_dates_are_in_order_and_case_numbers_unique(records):
    for record in records:
        dates = [record[key] for key in ("ur_denial_date", "application_received", "date_assigned", "decision_date")]
        known = [date for date in dates if date]
        assert known == sorted(known) and len(set(known)) == len(known)
        if record["decision_date"]:
            assert record["patient"]["injury_year"] <= int(record["decision_date"][:4])
    names = [record["source"] for record in records]
    assert len(set(names)) == len(names)
    assert len({name[5:12] for name in names}) == len(names)


def test_patients_reviewers_and_guidelines(records, items):
    ages = [record["patient"]["age"] for record in records]
    assert min(ages) >= 18 and max(ages) == 90
    assert {record["patient"]["sex"] for record in records} == {"male", "female"}
    reviewers = {tuple(record["reviewer"].values()) for record in records}
    assert len(reviewers) >= 300
    families = collections.Counter(family for item in items for family in item["guideline_sources"])
    assert families.most_common(1)[0][0] == "MTUS"
    assert set(families) == {"MTUS", "ACOEM", "ODG", "OTHER"}
    assert any(not item["guideline_sources"] for item in items)
