"""``WebQuery``: the one reading of the web-search syntax that both databases share."""

from __future__ import annotations

from determinations.search import MAX_TERMS, WebQuery


def terms(text: str) -> list[list[tuple[str, bool]]]:
    return [[(" ".join(t.words), t.negated) for t in alternative] for alternative in WebQuery.parse(text).alternatives]


def test_words_phrases_or_and_exclusions():
    assert terms('epidural "work conditioning" -cervical OR norco -"physical therapy"') == [
        [("epidural", False), ("work conditioning", False), ("cervical", True)],
        [("norco", False), ("physical therapy", True)],
    ]


def test_stop_words_punctuation_and_operators_of_fts5_are_plain_text():
    assert terms("the NEAR(norco* ^lidoderm) col:term AND") == [
        [("near norco", False), ("lidoderm", False), ("col term", False)]
    ]
    assert WebQuery.parse("the of and").is_empty
    assert WebQuery.parse('"" - * ^ :').is_empty


def test_fts5_strings_are_always_quoted():
    query = WebQuery.parse('say "hello"" world" x"y')
    assert all(t.fts5.startswith('"') and t.fts5.endswith('"') and t.fts5.count('"') == 2 for t in query.positive_terms)


def test_dangling_or_and_unbalanced_quotes():
    assert terms("OR norco OR") == [[("norco", False)]]
    assert terms('"work conditioning') == [[("work conditioning", False)]]


def test_possessives_and_contractions():
    assert terms("patient's don't") == [[("patient", False)]]


def test_long_queries_are_truncated():
    query = WebQuery.parse(" ".join(f"word{i}" for i in range(40)))
    assert len(query.positive_terms) == MAX_TERMS
    assert query.truncated


def test_nul_bytes_are_spaces():
    assert terms("norco\x00lidoderm") == [[("norco", False), ("lidoderm", False)]]
