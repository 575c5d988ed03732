"""The article view corrects verb tags inside names the NER found (sentences written for these tests)."""

from __future__ import annotations

from chronik.model import Article, Mention, Paragraph, Sentence, Token
from chronik.quotes.view import ArticleView

TEXT = "Henk Moser sagte nichts."
TAGS = [("Henk", "VVIMP"), ("Moser", "NE"), ("sagte", "VVFIN"), ("nichts", "PIS"), (".", "$.")]


def tagged_article(mentions: list[Mention]) -> Article:
    tokens = []
    start = 0
    for word, tag in TAGS:
        start = TEXT.index(word, start)
        tokens.append(Token(start, start + len(word), word, word.lower(), tag))
        start += len(word)
    sentence = Sentence(0, len(TEXT), TEXT, 0, len(tokens))
    return Article(
        id="v", text=TEXT, paragraphs=[Paragraph(0, len(TEXT), TEXT)], tokens=tokens, sentences=[sentence],
        mentions=mentions,
    )  # fmt: skip


def test_article_view_reads_a_verb_tag_inside_a_person_name_as_proper_noun() -> None:
    view = ArticleView(tagged_article([Mention(0, 10, "Henk Moser", "PER")]))
    assert [word.pos for word in view.words] == ["NE", "NE", "VVFIN", "PIS", "$."]


def test_article_view_keeps_the_tags_outside_names() -> None:
    view = ArticleView(tagged_article([]))
    assert view.words[0].pos == "VVIMP"


def test_article_view_reads_an_adverb_tag_inside_a_person_name_as_proper_noun() -> None:
    text = "Anna Frei sagte nichts."
    tags = [("Anna", "NE"), ("Frei", "ADJD"), ("sagte", "VVFIN"), ("nichts", "PIS"), (".", "$.")]
    tokens, start = [], 0
    for word, tag in tags:
        start = text.index(word, start)
        tokens.append(Token(start, start + len(word), word, word.lower(), tag))
        start += len(word)
    article = Article(
        id="v", text=text, paragraphs=[Paragraph(0, len(text), text)], tokens=tokens,
        sentences=[Sentence(0, len(text), text, 0, len(tokens))], mentions=[Mention(0, 9, "Anna Frei", "PER")],
    )  # fmt: skip
    assert [word.pos for word in ArticleView(article).words] == ["NE", "NE", "VVFIN", "PIS", "$."]
