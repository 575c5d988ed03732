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


def test_find_quotes_ends_a_message_before_a_coordinated_clause_whose_subject_has_attributes() -> None:
    text = (
        "Der Experte Jan Weber kritisierte, die Kommission habe sich der Firma untergeordnet und die Fraktion "
        "der Grünen im Landtag von Sachsen forderte vom Minister einen Anbaustopp."
    )
    assert [message_text(quote) for quote in quotes_of(text, "Indirect")] == [
        "die Kommission habe sich der Firma untergeordnet"
    ]
    reported = quotes_of(text, "Reported")
    assert [message_text(quote) for quote in reported] == [
        "und die Fraktion der Grünen im Landtag von Sachsen forderte vom Minister einen Anbaustopp."
    ]
    assert reported[0].speaker is not None and reported[0].speaker.text.startswith("die Fraktion der Grünen")


def test_find_quotes_keeps_coordinated_subjects_in_a_reported_speech_act() -> None:
    text = "Die Gewerkschaft und die Arbeitgeber forderten mehr Geld vom Bund."
    assert [message_text(quote) for quote in quotes_of(text, "Reported")] == [text]


def test_message_runs_past_a_correlate_verb_without_its_correlate() -> None:
    text = "Laut der Feuerwehr habe jedoch keine Gefahr für die Anwohner bestanden."
    assert [message_text(quote) for quote in quotes_of(text, "Indirect")] == [
        "habe jedoch keine Gefahr für die Anwohner bestanden"
    ]
