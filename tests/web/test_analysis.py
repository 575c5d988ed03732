"""Turning posted text into an article: ids, paragraphs and offsets."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from chronik.web.analysis import ArticleInput, article_from_input, split_paragraphs


def test_article_from_input_derives_id_from_content() -> None:
    first = article_from_input(ArticleInput(text="Ein Text."))
    again = article_from_input(ArticleInput(text="Ein Text."))
    assert first.id == again.id and first.id.startswith("a-") and len(first.id) == 18
    assert article_from_input(ArticleInput(text="Ein Text.", id="eigene-id")).id == "eigene-id"


def test_split_paragraphs_finds_title_and_body() -> None:
    text = "Wien tagt\n\nDer Rat tagte.\n  \nNoch ein Absatz."
    paragraphs = split_paragraphs(text, has_title=True)
    assert [(p.kind, p.text) for p in paragraphs] == [
        ("title", "Wien tagt"),
        ("body", "Der Rat tagte."),
        ("body", "Noch ein Absatz."),
    ]


def test_split_paragraphs_keeps_given_title_out_of_the_text() -> None:
    assert [p.kind for p in split_paragraphs("Kurz\n\nLang.", has_title=False)] == ["body", "body"]


@given(st.text(alphabet=st.sampled_from(list("ab .\n\t")), max_size=80))
def test_split_paragraphs_offsets_point_into_text(text: str) -> None:
    for paragraph in split_paragraphs(text, has_title=True):
        assert text[paragraph.start : paragraph.end] == paragraph.text
        assert paragraph.text.strip() == paragraph.text != ""
