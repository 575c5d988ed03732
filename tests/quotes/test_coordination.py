"""Coordinated reporting clauses (tenth round): a message ends before a coordinated speech verb, and a
content clause belongs to the speech verb right before it. All sentences are written for these tests."""

from __future__ import annotations

from tests.quotes.test_constructions import message as message_text
from tests.quotes.test_constructions import quotes_of


def test_find_quotes_ends_a_message_before_a_coordinated_speech_verb_without_comma() -> None:
    text = "Die Abgeordnete Eva Roth erklärte, der Plan sei falsch und kündigte an, im Herbst anzutreten."
    found = {
        message_text(quote): quote.speaker.text if quote.speaker else None for quote in quotes_of(text, "Indirect")
    }
    assert found == {
        "der Plan sei falsch": "Die Abgeordnete Eva Roth",
        "im Herbst anzutreten": "Die Abgeordnete Eva Roth",
    }


def test_find_quotes_keeps_a_coordinated_predicate_without_speech_in_the_message() -> None:
    text = "Nach Angaben der Armee seien die Soldaten beschossen worden und erwiderten das Feuer."
    assert [message_text(quote) for quote in quotes_of(text, "Indirect")] == [
        "seien die Soldaten beschossen worden und erwiderten das Feuer"
    ]


def test_find_quotes_gives_the_clause_to_the_speech_verb_right_before_it() -> None:
    quotes = quotes_of("Der Trainer lobte die Mannschaft und sagte, sie habe gut gekämpft.", "Indirect")
    assert [(message_text(quote), quote.cue_lemma) for quote in quotes] == [("sie habe gut gekämpft", "sagen")]
