from __future__ import annotations

import pytest

from chronik.model import Article, Paragraph
from chronik.nlp.tokenizer import create_stage
from chronik.spans import TokenIndex, char_span, sentence_of, token_index_at, token_range, tokens_in

TEXT = "Anna Roth kam. Sie blieb lange."


@pytest.fixture
def article() -> Article:
    return create_stage()(Article(id="t", text=TEXT, paragraphs=[Paragraph(0, len(TEXT), TEXT)]))


def test_token_index_at_inside_and_between_tokens(article: Article) -> None:
    assert token_index_at(article, 0) == 0
    assert token_index_at(article, 3) == 0
    assert token_index_at(article, 4) is None  # the space
    assert token_index_at(article, 5) == 1
    assert token_index_at(article, len(TEXT)) is None


def test_tokens_in_overlapping_range(article: Article) -> None:
    assert [t.text for t in tokens_in(article, 2, 7)] == ["Anna", "Roth"]
    assert list(token_range(article, 4, 5)) == []
    assert [t.text for t in tokens_in(article, 15, 24)] == ["Sie", "blieb"]


def test_sentence_of_char(article: Article) -> None:
    first, second = article.sentences
    assert sentence_of(article, 0) is first
    assert sentence_of(article, TEXT.index("lange")) is second
    assert sentence_of(article, 14) is None


def test_char_span_round_trip(article: Article) -> None:
    span = char_span(article, 0, 2)
    assert (span.start, span.end, span.text) == (0, 9, "Anna Roth")
    index = TokenIndex(article)
    assert list(index.token_range(span.start, span.end)) == [0, 1]
    assert index.sentence_index_of_token(4) == 1
    with pytest.raises(IndexError):
        char_span(article, 2, 2)
