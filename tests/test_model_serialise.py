"""The hand-written serialisers in chronik.model equal `dataclasses.asdict`, field for field."""

from __future__ import annotations

import dataclasses
from typing import Any

from chronik.model import (
    Article,
    Author,
    Entity,
    Event,
    Mention,
    Paragraph,
    Participant,
    Place,
    Quote,
    Sentence,
    Span,
    TimeExpression,
    Token,
    article_dict,
)

TEXT = (
    "Kanzler trifft Gäste in Wien\n\n"
    "Bundeskanzler Karl Nehammer hat am Montag in Wien die Außenministerin Annalena Baerbock empfangen. "
    "«Wir stehen zusammen», sagte Nehammer. Baerbock, 44, sprach von guten Gesprächen."
)


def _span(needle: str) -> Span:
    start = TEXT.index(needle)
    return Span(start, start + len(needle), needle)


def rich_article() -> Article:
    """An article with every layer and every optional field filled (plus nested attribute values)."""
    nehammer, baerbock, wien = _span("Karl Nehammer"), _span("Annalena Baerbock"), _span("Wien")
    cue, message = _span("sagte"), _span("Wir stehen zusammen")
    return Article(
        id="wien-1", text=TEXT, source="test.txt", url="https://example.org/a", outlet="Beispielblatt",
        date="2025-03-03", title="Kanzler trifft Gäste in Wien", lead=None,
        authors=[Author("Anna Muster", "Redakteurin", 0, 5)],
        paragraphs=[Paragraph(0, 28, TEXT[:28], "title"), Paragraph(30, len(TEXT), TEXT[30:]),
                    Paragraph(0, 7, TEXT[:7], "subhead")],
        metadata={"tags": ["Politik", ("a", 1)], "nested": {"x": [1, 2.5, None, True]}},
        warnings=["W001"],
        tokens=[Token(0, 7, "Kanzler", "Kanzler", "NN", "NOUN", {"Number": "Sing"}, True)],
        sentences=[Sentence(30, 130, TEXT[30:130], 0, 12, 1)],
        mentions=[Mention(nehammer.start, nehammer.end, nehammer.text, "PER", "model", None, "E1", 0.98)],
        entities=[Entity("E1", "PER", "Karl Nehammer", [nehammer], {"roles": ["Bundeskanzler"], "age": None}),
                  Entity("E2", "PER", "Annalena Baerbock", [baerbock], {"age": 44, "roles": []})],
        quotes=[Quote("Q1", "Direct", [message], cue=cue, cue_lemma="sagen", speaker=_span("Nehammer."),
                      speaker_entity="E1", speaker_kind="person", speaker_name="Karl Nehammer", addressee=None,
                      medium="speech", partial=True, frame=cue, sentence_ids=[1], speakers=["E1"])],
        times=[TimeExpression(0, 6, "Montag", "2025-03-03", "day", True)],
        places=[Place(wien.start, wien.end, "Wien", "Wien", "AUT", 48.2, 16.37, "city")],
        events=[Event("V1", "CONSULT", cue, _span("Wir stehen zusammen"), "visit",
                      [Participant(nehammer.start, nehammer.end, nehammer.text, "E1", "Karl Nehammer", "AUT/GOV")],
                      [Participant(baerbock.start, baerbock.end, baerbock.text, None, None, None)], "planned", "Q1",
                      Place(wien.start, wien.end, "Wien", "Wien"), TimeExpression(0, 6, "Montag", None), "040")],
        stages=["ner", "quotes"],
    )  # fmt: skip


def reference_to_dict(article: Article, *, include_tokens: bool = False) -> dict[str, Any]:
    """The original `Article.to_dict`, built on `dataclasses.asdict`."""
    result = dataclasses.asdict(article)
    result["subheads"] = [dataclasses.asdict(p) for p in article.subheads]
    if not include_tokens:
        del result["tokens"]
    return result


def test_article_dict_equals_asdict_on_a_rich_article() -> None:
    article = rich_article()
    assert article.to_dict() == reference_to_dict(article)
    assert article_dict(article, include_tokens=True) == reference_to_dict(article, include_tokens=True)


def test_article_dict_keeps_key_order() -> None:
    article = rich_article()
    assert list(article.to_dict(include_tokens=True)) == list(reference_to_dict(article, include_tokens=True))


def test_article_dict_equals_asdict_on_an_empty_article() -> None:
    article = Article("leer", "")
    assert article.to_dict() == reference_to_dict(article)


def test_article_dict_copies_nested_values() -> None:
    article = rich_article()
    result = article.to_dict()
    result["metadata"]["nested"]["x"].append(99)
    result["entities"][0]["attributes"]["roles"].append("Parteichef")
    assert article.metadata["nested"]["x"] == [1, 2.5, None, True]
    assert article.entities[0].attributes["roles"] == ["Bundeskanzler"]


def test_article_dict_round_trips_through_from_dict() -> None:
    article = rich_article()
    assert Article.from_dict(article.to_dict(include_tokens=True)) == article
