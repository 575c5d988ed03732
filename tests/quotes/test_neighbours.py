"""Speakers of direct quotes without a speech verb, from the words next to the quote. All sentences
are written for these tests."""

from __future__ import annotations

import pytest

from chronik.model import Quote
from tests.quotes.test_constructions import quotes_of, speaker_of


def direct(text: str) -> Quote:
    quotes = quotes_of(text, "Direct")
    assert len(quotes) == 1, quotes
    return quotes[0]


def test_subject_after_quote_takes_the_subject_of_any_verb_after_the_quote() -> None:
    quote = direct("„Wir sind froh“, freut sich die Trainerin Eva Keller.")
    assert (speaker_of(quote), quote.cue_lemma) == ("die Trainerin Eva Keller", "freuen")


def test_subject_after_quote_takes_a_predicative_clause_with_sein() -> None:
    assert speaker_of(direct("„Das ist zu wenig“, ist Gewerkschaftschef Otto Brenner überzeugt.")) == (
        "Gewerkschaftschef Otto Brenner"
    )


def test_subject_after_quote_ignores_sein_without_predicative() -> None:
    assert speaker_of(direct("„Der Zug kam zu spät“, war die Antwort auf alles.")) is None


def test_verbless_colon_subject_skips_the_adverb() -> None:
    assert speaker_of(direct("Dazu die Ministerin Lea Graf: „Das prüfen wir noch.“")) == "die Ministerin Lea Graf"


def test_inscription_source_takes_the_place_the_words_stand_on() -> None:
    assert speaker_of(direct("Auf dem Plakat stand: „Nie wieder Krieg und Hunger.“")) == "dem Plakat"
    text = "Die Demonstranten trugen ein Plakat. Darauf waren die Worte zu lesen: „Freiheit für alle.“"
    assert speaker_of(direct(text)) == "Darauf"


def test_inscription_source_needs_the_place_first() -> None:
    assert speaker_of(direct("Der Minister steht in der Kritik: „Ich trete nicht zurück.“")) == "Der Minister"


def test_speakers_from_next_sentence_follow_a_back_reference() -> None:
    text = "„Das ist ein guter Tag für die Stadt.“ Mit diesen Worten kommentierte Bürgermeister Peter Haas die Wahl."
    quote = direct(text)
    assert (speaker_of(quote), quote.cue_lemma) == ("Bürgermeister Peter Haas", "kommentieren")
    assert quotes_of(text, "Reported") == []


def test_speakers_from_next_sentence_need_the_back_reference() -> None:
    text = "„Das ist ein guter Tag für die Stadt.“ Später kommentierte Bürgermeister Peter Haas die Wahl."
    assert speaker_of(direct(text)) is None


def test_classify_drops_a_short_title_after_a_colon() -> None:
    text = "Am Abend stellte die Band ihre neue CD vor: „Blaue Tage am Meer“."
    assert quotes_of(text, "Direct") == []


def test_classify_keeps_a_sentence_after_a_colon_with_a_title_noun() -> None:
    text = "Zur neuen CD sagte der Sänger: „Wir haben lange daran gearbeitet.“"
    assert speaker_of(direct(text)) == "der Sänger"


def test_classify_drops_a_name_given_by_genannt_or_sich_nennen() -> None:
    assert quotes_of("Von Freunden stets „der Dicke“ genannt, galt er als mächtig und beliebt.", "Direct") == []
    text = "Die Junta, die sich selbst „Rat für Reform“ nennt, will an der Macht bleiben und das Land führen."
    assert quotes_of(text, "Direct") == []


def test_classify_keeps_a_word_applied_by_nennen_before_its_object() -> None:
    quote = direct("„Unsinn“ nannte der Minister den Vorschlag der Opposition.")
    assert (speaker_of(quote), quote.cue_lemma) == ("der Minister", "nennen")


def test_free_indirect_without_speaker_takes_a_document_of_the_sentence_before() -> None:
    text = (
        "Im weiteren Verlauf der Pressemitteilung der Behörde wird deutlich, warum der Start abgesagt wurde. "
        "Auch eine Reparatur am Roboterarm sei nötig."
    )
    quote = quotes_of(text, "FreeIndirect")
    assert len(quote) == 1
    assert speaker_of(quote[0]) == "der Pressemitteilung der Behörde"


def test_free_indirect_takes_the_subject_after_the_verb_when_an_object_comes_first() -> None:
    text = "Einen neuen Virusstamm haben die Gesundheitsbehörden entdeckt. Er sei gegen Medikamente resistent."
    quote = quotes_of(text, "FreeIndirect")
    assert len(quote) == 1
    assert speaker_of(quote[0]) == "die Gesundheitsbehörden"


@pytest.mark.parametrize(
    ("text", "speaker", "cue"),
    [
        ("Die Trainerin kam zurück. „Guten Tag, da bin ich wieder“, mit diesen Worten begrüßte Jan Roth die Presse.",
         "Jan Roth", "begrüssen"),
        ("Der Rat tagte. «Wir bleiben dran», mit den Worten schloss die Präsidentin Eva Graf die Sitzung.",
         "die Präsidentin Eva Graf", "schliessen"),
    ],
)  # fmt: skip
def test_subject_after_quote_reads_a_back_reference_in_the_same_sentence(text: str, speaker: str, cue: str) -> None:
    quote = direct(text)
    assert (speaker_of(quote), quote.cue_lemma) == (speaker, cue)


def test_speakers_from_next_sentence_read_a_verb_bracket_after_das() -> None:
    text = "Der Rat tagte lange. „Ja, es gibt Härten.“ Das musste Finanzminister Beat Keller am Montag einräumen."
    quote = direct(text)
    assert (speaker_of(quote), quote.cue_lemma) == ("Finanzminister Beat Keller", "einräumen")
    assert quotes_of(text, "Reported") == []
    text = "Die Lage war ernst. „Wir kämpfen weiter.“ Dies hat die Landeshauptfrau in Wien gesagt."
    assert speaker_of(direct(text)) == "die Landeshauptfrau"
    text = "Der Kanton prüft. «Wir sind bereit.» Das wollte Regierungsrat Urs Meier am Dienstag betonen."
    assert speaker_of(direct(text)) == "Regierungsrat Urs Meier"


def test_speakers_from_next_sentence_need_the_subject_right_after_the_auxiliary() -> None:
    text = "Die Lage war ernst. „Wir kämpfen weiter.“ Das hat am Montag in Wien niemand bestritten."
    assert speaker_of(direct(text)) != "niemand"


@pytest.mark.parametrize(
    "text",
    [
        "Ab 1939 musste an jedem Radio ein Zettel kleben, auf dem geschrieben stand: «Fremde Sender sind verboten.»",
        "Seit Montag hängt am Tor ein Zettel, auf dem geschrieben steht: „Wegen Krankheit bis Freitag geschlossen.“",
    ],
)
def test_inscription_bearer_is_what_a_relative_clause_of_place_refers_to(text: str) -> None:
    quote = direct(text)
    assert (speaker_of(quote), quote.medium) == ("ein Zettel", "writing")


def test_inscription_bearer_needs_an_inscription_verb() -> None:
    text = "Seit Montag hängt am Tor ein Zettel, auf dem jemand fragt: „Wer hat meinen Hund gesehen?“"
    assert speaker_of(direct(text)) != "ein Zettel"
