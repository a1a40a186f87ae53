"""Letter text and user input are escaped everywhere: a letter containing ``<script>`` renders inert."""

from __future__ import annotations

import pytest

from tests.factories import ItemSpec, create_letter

pytestmark = pytest.mark.django_db

SCRIPT = '<script>alert("x")</script>'
ESCAPED = "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"


@pytest.fixture
def hostile_letter():
    return create_letter(
        case_number="CM15-0000666",
        summary=f"Summary {SCRIPT} scriptword",
        specialty=f"Surgery {SCRIPT}",
        subspecialty=SCRIPT,
        license_state=SCRIPT,
        warnings=[f"Warning {SCRIPT}"],
        needs_review=True,
        sections=[[f"Title {SCRIPT}", f"Body {SCRIPT}"], ["IMR issues, decisions and rationales", ""]],
        items=[
            ItemSpec(
                f"Request {SCRIPT}",
                category="Surgery",
                subcategory=SCRIPT,
                rationale=f"Rationale {SCRIPT} scriptword",
                reviewer_citation=f"Cited {SCRIPT}",
                claims_citation=f"Claims {SCRIPT}",
            )
        ],
    )


def assert_inert(html: str) -> None:
    assert "<script" not in html
    assert ESCAPED in html


def test_search_results(client, hostile_letter):
    for query in ("", "?q=scriptword"):
        assert_inert(client.get("/" + query).content.decode())
    assert "<mark>scriptword</mark>" in client.get("/?q=scriptword").content.decode()


def test_a_query_holding_markup(client, hostile_letter):
    """PostgreSQL's parser skips HTML tags in text, so only the escaping (not the matches) is compared."""
    html = client.get("/?q=" + SCRIPT).content.decode()
    assert "<script" not in html
    assert "&lt;script&gt;" in html


def test_letter_page(client, hostile_letter):
    assert_inert(client.get("/letters/CM15-0000666/").content.decode())


def test_statistics(client, hostile_letter):
    html = client.get("/stats/?q=scriptword").content.decode()
    assert "<script" not in html
    assert "Surgery &lt;script&gt;" in html
    assert "<script" not in client.get("/stats/?q=" + SCRIPT).content.decode()


def test_user_text_in_chips_and_notices(client, hostile_letter):
    html = client.get("/?case=" + SCRIPT + "&outcome=" + SCRIPT + "&date_from=" + SCRIPT).content.decode()
    assert "<script" not in html
    assert "&lt;script&gt;" in html
