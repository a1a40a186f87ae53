"""The letter page at ``/letters/<citation_id>/``."""

from __future__ import annotations

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import ItemSpec, LetterSpec, create_letter, create_letters

pytestmark = pytest.mark.django_db


def letter_page(client, citation_id: str) -> str:
    response = client.get(f"/letters/{citation_id}/")
    assert response.status_code == 200
    return response.content.decode()


@pytest.fixture
def letter():
    return create_letter(
        case_number="CM14-0004521",
        decision_date=datetime.date(2014, 3, 11),
        specialty="Orthopedic Surgery",
        subspecialty="Hand Surgery",
        license_state="California, Nevada",
        age=57,
        sex="female",
        injury_year=2011,
        priority="expedited",
        summary="The worker fell from a ladder.",
        sections=[
            ["How the IMR final determination was made", "The reviewer is board certified."],
            ["Clinical case summary", "The worker fell from a ladder."],
            ["IMR issues, decisions and rationales", "RAW ITEMS TEXT"],
            ["Appendix", "Last words."],
        ],
        items=[
            ItemSpec(
                "Right carpal tunnel release",
                outcome="overturned",
                category="Surgery",
                families=("ACOEM", "MTUS"),
                reviewer_citation="MTUS/ACOEM Chapter 11, Forearm, Wrist and Hand Complaints, page 270",
                claims_citation="ODG Carpal Tunnel Syndrome",
                rationale="Release is indicated after failed conservative care.",
            ),
            ItemSpec("Post-operative therapy 12 sessions", category="Rehabilitation", families=("MTUS",)),
        ],
    )


class TestLetter:
    def test_citation_line_and_metadata(self, client, letter):
        html = letter_page(client, "CM14-0004521")
        assert "<h1>IMR CM14-0004521 (Cal. DWC Mar. 11, 2014)</h1>" in html
        for text in ("Orthopedic Surgery", "Hand Surgery", "California, Nevada", "57 years old, female", "2011"):
            assert text in html
        assert "Expedited" in html and "A (2013–2017 letter)" in html
        assert letter.source_name not in html
        assert letter.sha256 not in html

    def test_sections_in_order_with_the_items_rendered_from_the_items(self, client, letter):
        html = letter_page(client, "CM14-0004521")
        positions = [html.index(t) for t in ("How the IMR", "Clinical case summary", "IMR issues", "Appendix")]
        assert positions == sorted(positions)
        assert "RAW ITEMS TEXT" not in html
        items_at = html.index('id="item-1"')
        assert positions[2] < items_at < html.index('id="item-2"') < positions[3]

    def test_each_item_has_its_outcome_citations_and_rationale(self, client, letter):
        html = letter_page(client, "CM14-0004521")
        item = html[html.index('id="item-1"') : html.index('id="item-2"')]
        assert "Right carpal tunnel release" in item
        assert 'badge-overturned">Overturned' in item
        assert "Reviewer's guideline citation (ACOEM, MTUS)" in item
        assert "MTUS/ACOEM Chapter 11, Forearm, Wrist and Hand Complaints, page 270" in item
        assert "ODG Carpal Tunnel Syndrome" in item
        assert "Release is indicated after failed conservative care." in item
        assert 'href="#item-1"' in html

    def test_a_letter_without_sections_still_lists_its_items(self, client):
        create_letter(case_number="CM15-0000777", sections=[])
        html = letter_page(client, "CM15-0000777")
        assert 'id="item-1"' in html and "<h2" in html

    def test_needs_review_and_synthetic_notices(self, client):
        create_letter(
            case_number="CM18-0000001",
            needs_review=True,
            warnings=["Item 1 says Upheld but concludes necessary."],
            synthetic=True,
        )
        html = letter_page(client, "CM18-0000001")
        assert "This letter needs review" in html
        assert "Item 1 says Upheld but concludes necessary." in html
        assert "Synthetic (generated) letter." in html

    def test_a_published_letter_has_no_synthetic_banner(self, client, letter):
        assert "Synthetic (generated)" not in letter_page(client, "CM14-0004521")

    def test_query_count_is_small(self, client, letter):
        with CaptureQueriesContext(connection) as queries:
            letter_page(client, "CM14-0004521")
        assert len(queries) <= 7


class TestCitationIds:
    def test_sha_id_for_a_letter_without_case_number(self, client):
        letter = create_letter(case_number=None)
        html = letter_page(client, f"sha-{letter.sha256[:12]}")
        assert f"IMR letter sha-{letter.sha256[:12]}" in html

    def test_sha_id_of_a_numbered_letter_redirects_to_its_case_number(self, client, letter):
        response = client.get(f"/letters/sha-{letter.sha256[:12]}/")
        assert response.status_code == 301
        assert response["Location"] == "/letters/CM14-0004521/"

    def test_lower_case_case_number_redirects(self, client, letter):
        response = client.get("/letters/cm14-0004521/")
        assert response.status_code == 301 and response["Location"] == "/letters/CM14-0004521/"

    @pytest.mark.parametrize("citation_id", ["CM99-9999999", "sha-000000000000", "sha-xyz", "nothing"])
    def test_unknown_ids_are_404(self, client, letter, citation_id):
        assert client.get(f"/letters/{citation_id}/").status_code == 404


class TestSimilarDecisions:
    def test_same_category_and_a_shared_family_from_other_letters_newest_first(self, client):
        def one(case, day, category, families):
            return LetterSpec(
                case_number=case,
                decision_date=datetime.date(2016, 1, day),
                items=[ItemSpec(f"Request {case}", category=category, families=families)],
            )

        create_letters(
            [
                one("CM16-0000001", 1, "Surgery", ("MTUS", "ODG")),
                one("CM16-0000002", 2, "Surgery", ("ODG",)),
                one("CM16-0000003", 3, "Surgery", ("ACOEM",)),
                one("CM16-0000004", 4, "Pharmaceuticals", ("MTUS",)),
                one("CM16-0000005", 5, "Surgery", ("MTUS",)),
                *[one(f"CM16-00001{n:02d}", 6 + n, "Surgery", ("MTUS",)) for n in range(8)],
            ]
        )
        html = letter_page(client, "CM16-0000001")
        similar = html[html.index('id="similar-heading"') :]
        links = re.findall(r'href="/letters/([^/]+)/#item-1"', similar)
        assert links == [f"CM16-00001{n:02d}" for n in range(7, 1, -1)]
        html = letter_page(client, "CM16-0000002")
        similar = html[html.index('id="similar-heading"') :]
        assert "CM16-0000001" in similar and "CM16-0000005" not in similar
