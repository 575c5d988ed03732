"""Zu-infinitive messages without their comma (ninth round). All sentences are written for these tests."""

from __future__ import annotations

import pytest

from chronik.quotes.infinitives import ends_in_zu_infinitive
from chronik.quotes.view import Word
from tests.quotes.test_constructions import message, quotes_of, single_indirect


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        (
            "Die Anwohner wurden aufgefordert Türen und Fenster geschlossen zu halten.",
            "Türen und Fenster geschlossen zu halten",
        ),
        ("Der Minister hat versprochen den Bauern rasch zu helfen.", "den Bauern rasch zu helfen"),
    ],
)
def test_find_quotes_reads_a_zu_infinitive_without_its_comma(text: str, clause: str) -> None:
    assert [message(quote) for quote in quotes_of(text, "Indirect")] == [clause]


@pytest.mark.parametrize(
    "text",
    [
        "Die Kandidatin muss sich stellen, um im Amt bestätigt zu werden.",  # the cue is in the infinitive
        "Die Polizei sucht Zeugen, um den Täter zu ermitteln und ihn zu fassen.",
    ],
)
def test_find_quotes_ignores_a_cue_inside_a_zu_infinitive(text: str) -> None:
    assert quotes_of(text, "Indirect") == []


def _word(text: str, pos: str) -> Word:
    return Word(index=0, start=0, end=len(text), text=text, key=text.lower(), pos=pos, lemma="", morph={}, sentence=0)


@pytest.mark.parametrize(
    ("text", "pos", "infinitive"),
    [
        ("zurückzustellen", "ADJA", True),  # a tagging slip: no adjective ends like this
        ("einzubringen", "VVINF", True),
        ("abzuschliessenden", "ADJA", False),  # the gerundive "die abzuschliessenden Verträge"
        ("Anzugeben", "NN", False),
    ],
)
def test_ends_in_zu_infinitive_reads_the_infix_whatever_the_adjective_tag(
    text: str, pos: str, infinitive: bool
) -> None:
    words = [_word("Massnahmen", "NN"), _word(text, pos)]
    assert ends_in_zu_infinitive(words, (0, 2)) is infinitive


@pytest.mark.parametrize(
    "text",
    [
        "Die Hilfsorganisation forderte einen Korridor, um Medikamente ins Land zu bringen.",
        "Die Firma bietet den Kunden ein Konto an, ohne Gebühren zu verlangen.",
    ],
)
def test_purpose_infinitive_is_no_message(text: str) -> None:
    assert [message(quote) for quote in quotes_of(text, "Indirect")] == []


def test_thinking_a_plan_over_takes_its_zu_infinitive() -> None:
    assert single_indirect("Die Verantwortlichen überlegten kurz, den Zug in die Halle zurückzuschieben.") == (
        "den Zug in die Halle zurückzuschieben",
        "Die Verantwortlichen",
    )
