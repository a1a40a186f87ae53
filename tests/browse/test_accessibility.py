"""Markup rules for every page: one h1, headings in order, labelled controls, no inline script or style."""

from __future__ import annotations

import itertools
import re

import pytest

from tests.search.corpus import create_corpus

pytestmark = pytest.mark.django_db

PAGES = ["/", "/?q=pain&outcome=upheld", "/?q=hyperbaric", "/stats/", "/stats/?year=2015", "/letters/CM17-0000004/"]


@pytest.fixture
def html_of(client):
    create_corpus()

    def fetch(path: str) -> str:
        response = client.get(path)
        assert response.status_code == 200
        return response.content.decode()

    return fetch


@pytest.mark.parametrize("path", PAGES)
def test_one_h1_and_no_skipped_heading_level(html_of, path):
    levels = [int(level) for level in re.findall(r"<h([1-6])\b", html_of(path))]
    assert levels[0] == 1 and levels.count(1) == 1
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, levels


@pytest.mark.parametrize("path", PAGES)
def test_controls_are_labelled(html_of, path):
    html = html_of(path)
    for control_id in re.findall(r'<(?:input|select|textarea)\b[^>]*\bid="([^"]+)"', html):
        assert f'for="{control_id}"' in html, control_id
    unlabelled = re.findall(r"<(?:input|select|textarea)\b(?![^>]*\bid=)[^>]*>", html)
    assert unlabelled == []


@pytest.mark.parametrize("path", PAGES)
def test_no_inline_script_or_style(html_of, path):
    html = html_of(path)
    assert "<script" not in html
    assert "<style" not in html
    assert not re.search(r"\sstyle=", html)
    assert not re.search(r"\son[a-z]+=", html), "no inline event handlers"


@pytest.mark.parametrize("path", PAGES)
def test_skip_link_and_landmarks(html_of, path):
    html = html_of(path)
    assert '<a class="skip-link" href="#main">' in html and '<main id="main"' in html
    assert 'lang="en"' in html and 'name="viewport"' in html


def test_outcome_badges_say_the_outcome_in_words(html_of):
    html = html_of("/")
    assert re.search(r'class="badge badge-upheld">Upheld', html)
    assert re.search(r'class="badge badge-overturned">Overturned', html)
