from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from chronik.gazetteer import Gazetteer, GazetteerEntry
from chronik.model import Mention, Paragraph
from chronik.nlp import mention_refine

from .conftest import model_mention, small_gazetteer, tokenized


def _gazetteer() -> Gazetteer:
    entries = [
        GazetteerEntry(name="Bern", label="LOC", kind="city", country="CHE"),
        GazetteerEntry(name="Schweiz", label="LOC", kind="country", country="CHE"),
    ]
    return small_gazetteer(entries)


def _refined(text: str, spans: list[tuple[str, str]]) -> list[tuple[str, str]]:
    article = tokenized(text)
    mentions = [model_mention(article, name, label) for name, label in spans]
    return [(m.text, m.label) for m in mention_refine.refine_mentions(article, mentions, _gazetteer())]


def test_refine_mentions_cuts_place_followed_by_common_nouns() -> None:
    text = "Laut Berns Chefunterhändler bringt der Schweiz Frieden nichts."
    found = _refined(text, [("Berns Chefunterhändler", "PER"), ("Schweiz Frieden", "ORG")])
    assert found == [("Berns", "LOC"), ("Schweiz", "LOC")]


def test_refine_mentions_keeps_place_before_a_name() -> None:
    assert _refined("Sie traf Bern Keller gestern.", [("Bern Keller", "PER")]) == [("Bern Keller", "PER")]


def test_refine_mentions_drops_byline_mentions() -> None:
    text = "Anna Keller Redaktorin\n\nAnna Keller traf Ben Roth."
    article = tokenized(text)
    article.paragraphs = [Paragraph(0, 22, text[:22], kind="byline"), Paragraph(24, len(text), text[24:])]
    mentions = [Mention(0, 11, "Anna Keller", "PER", source="model"), model_mention(article, "Ben Roth", "PER")]
    assert [m.text for m in mention_refine.refine_mentions(article, mentions, _gazetteer())] == ["Ben Roth"]


def test_refine_mentions_keeps_single_letter_only_after_auf() -> None:
    article = tokenized("Sie schrieb auf X, Variante X sei besser.")
    first = article.text.index("X")
    second = article.text.rindex("X")
    mentions = [
        Mention(first, first + 1, "X", "ORG", "gazetteer"),
        Mention(second, second + 1, "X", "ORG", "gazetteer"),
    ]
    assert [m.start for m in mention_refine.refine_mentions(article, mentions, _gazetteer())] == [first]


def test_refine_mentions_drops_single_common_noun_unknown_to_gazetteer() -> None:
    text = "In der Region Tacoma und in Bern stieg der Stand der Verhandlungen."
    spans = [("Region", "LOC"), ("Tacoma", "LOC"), ("Bern", "LOC"), ("Stand", "LOC"), ("Verhandlungen", "ORG")]
    assert _refined(text, spans) == [("Tacoma", "LOC"), ("Bern", "LOC")]


def test_refine_mentions_trims_function_words_and_leading_nouns() -> None:
    text = "Es siegte Hulk Der Trainer lebt in der Hauptstadt Mannheim."
    found = _refined(text, [("Hulk Der", "PER"), ("Hauptstadt Mannheim", "LOC")])
    assert found == [("Hulk", "PER"), ("Mannheim", "LOC")]


def test_misc_mentions_finds_currencies_wars_and_indices() -> None:
    text = "Nach dem Zweiten Weltkrieg kostete es 3 Millionen Franken, der DAX fiel, in Franken nicht."
    found = [(m.text, m.label) for m in mention_refine.misc_mentions(tokenized(text))]
    assert found == [("Zweiten Weltkrieg", "MISC"), ("Franken", "MISC"), ("DAX", "MISC")]


@given(st.lists(st.sampled_from(["Euro", "30", "Cent", "Zweiten", "Weltkrieg", "Franken", "DAX", "und", "."])))
def test_misc_mentions_are_disjoint_token_spans(words: list[str]) -> None:
    article = tokenized(" ".join(words))
    mentions = mention_refine.misc_mentions(article)
    starts, ends = {t.start for t in article.tokens}, {t.end for t in article.tokens}
    for mention in mentions:
        assert mention.start in starts and mention.end in ends and mention.label == "MISC"
    for first, second in itertools.pairwise(mentions):
        assert first.end <= second.start


def test_acronym_mentions_tags_bracketed_acronym_and_its_uses() -> None:
    text = "Die Kreditbank ( KBX ) wuchs. Später fiel die KBX, die Pleite ( Ende ) kam, GmbH ( G ) nicht."
    found = [(m.text, m.label) for m in mention_refine.acronym_mentions(tokenized(text))]
    assert found == [("KBX", "ORG"), ("KBX", "ORG")]
