"""``search.index_determinations`` writes one search row per decision with the facet columns of its letter."""

from __future__ import annotations

import datetime

import pytest

from determinations import search
from determinations.models import SearchEntry
from tests.factories import ItemSpec, LetterSpec, create_letters

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (None, ""),
        (18, "under-30"),
        (29, "under-30"),
        (30, "30-39"),
        (49, "40-49"),
        (69, "60-69"),
        (70, "70-plus"),
        (90, "70-plus"),
    ],
)
def test_age_bands(age, band):
    (letter,) = create_letters([LetterSpec(age=age)])
    assert SearchEntry.objects.get(determination=letter).age_band == band


def test_entry_columns_come_from_letter_item_and_decision():
    (letter,) = create_letters(
        [
            LetterSpec(
                case_number="cm16-0000042",
                decision_date=datetime.date(2016, 2, 29),
                specialty="Psychology",
                sex="female",
                priority="expedited",
                needs_review=True,
                synthetic=True,
                items=[
                    ItemSpec(
                        "CBT 6 sessions",
                        outcome="overturned",
                        category="Behavioral Health",
                        subcategory="Cognitive behavioral therapy",
                        families=("ODG", "OTHER"),
                        region="Head",
                    )
                ],
            )
        ]
    )
    entry = SearchEntry.objects.get(determination=letter)
    assert (entry.case_number, entry.decision_date, entry.year) == ("CM16-0000042", datetime.date(2016, 2, 29), 2016)
    assert (entry.outcome, entry.category, entry.subcategory, entry.region) == (
        "overturned",
        "Behavioral Health",
        "Cognitive behavioral therapy",
        "Head",
    )
    assert (entry.cites_mtus, entry.cites_acoem, entry.cites_odg, entry.cites_other) == (False, False, True, True)
    assert (entry.specialty, entry.sex, entry.priority) == ("Psychology", "female", "expedited")
    assert entry.needs_review and entry.synthetic


def test_reindexing_replaces_rows_and_follows_edits():
    (letter,) = create_letters([LetterSpec(items=[ItemSpec("Norco"), ItemSpec("Soma")])])
    item = letter.items.get(position=2)
    item.request = "Baclofen"
    item.save()
    search.index_determinations([letter.pk, letter.pk])
    assert SearchEntry.objects.filter(determination=letter).count() == 2
    assert set(
        search.text_match(SearchEntry.objects.all(), "baclofen").values_list("decision__item__position", flat=True)
    ) == {2}
    assert not search.text_match(SearchEntry.objects.all(), "soma").exists()


def test_deleted_letters_drop_out():
    (letter,) = create_letters([LetterSpec(items=[ItemSpec("Norco")])])
    pk = letter.pk
    letter.delete()
    search.index_determinations([pk])
    assert not SearchEntry.objects.exists()
    assert not search.text_match(SearchEntry.objects.all(), "norco").exists()
