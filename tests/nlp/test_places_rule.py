from __future__ import annotations

from chronik.model import Mention, Paragraph
from chronik.nlp import places_rule

from .conftest import tokenized


def _found(text: str, *existing: tuple[str, str]) -> list[tuple[str, str, str | None]]:
    article = tokenized(text)
    mentions = []
    for span, label in existing:
        start = article.text.index(span)
        mentions.append(Mention(start, start + len(span), span, label, source="model"))
    return [(m.text, m.label, m.kind) for m in places_rule.add_places(article, mentions)]


def test_places_list_is_keyed_by_first_word_longest_first() -> None:
    listed = places_rule.places()
    assert len(listed) > 2000
    assert listed["Frankfurt"][0].words == ("Frankfurt", "am", "Main")
    assert listed["Essen"][0].model_only
    assert not listed["Böhmen"][0].model_only


def test_unknown_places_are_added_with_their_kind() -> None:
    text = "Die Wanderer zogen von Böhmen über Trient bis zum Großglockner."
    assert _found(text) == [
        ("Böhmen", "LOC", "landscape"),
        ("Trient", "LOC", "city"),
        ("Großglockner", "LOC", "mountain"),
    ]


def test_genitive_and_multiword_places_are_found() -> None:
    text = "Die Gipfel des Großglockners und die Banken in Frankfurt am Main."
    assert _found(text) == [("Großglockners", "LOC", "mountain"), ("Frankfurt am Main", "LOC", "city")]


def test_places_that_are_also_words_or_names_are_never_added_alone() -> None:
    text = "Nach dem Essen fuhr Anna Wolf mit dem Brand in der Halle nach Hagen."
    assert _found(text, ("Anna Wolf", "PER")) == [("Anna Wolf", "PER", None)]


def test_places_inside_found_mentions_or_after_club_words_are_not_added() -> None:
    text = "Der FC Schalke spielte gegen Eintracht Trier, die Universität Tübingen staunte."
    found = _found(text, ("FC Schalke", "ORG"))
    assert ("Trier", "LOC", "city") not in found
    assert ("Tübingen", "LOC", "city") not in found


def test_a_place_before_a_name_is_not_added_but_a_genitive_is() -> None:
    text = "Paris Hilton lobte Berlins Regierenden Bürgermeister."
    assert _found(text) == [("Berlins", "LOC", "city")]


def test_places_in_bylines_are_not_added() -> None:
    article = tokenized("Von Eva Roth, Trient\n\nIn Böhmen regnet es.")
    article.paragraphs = [Paragraph(0, 19, article.text[:19], kind="byline")]
    found = [m.text for m in places_rule.add_places(article, [])]
    assert found == ["Böhmen"]


def test_motorways_and_federal_roads_by_number_are_places() -> None:
    text = "Auf der A 7 und der Bundesstraße 27 staute es sich, nicht auf Papier in DIN A 4."
    assert _found(text) == [("A 7", "LOC", "road"), ("Bundesstraße 27", "LOC", "road")]


def test_existing_mentions_are_kept_unchanged() -> None:
    text = "Kanzler Cleveland besuchte Lüttich."
    assert _found(text, ("Cleveland", "PER")) == [("Cleveland", "PER", None), ("Lüttich", "LOC", "city")]
