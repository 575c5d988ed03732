"""Speakers of direct quotes without a speech verb, from the clause that opens them. All sentences
are written for these tests (German, Swiss and Austrian style)."""

from __future__ import annotations

from chronik.model import Quote
from tests.quotes.test_constructions import quotes_of, speaker_of


def direct_quotes(text: str) -> list[Quote]:
    return [quote for quote in quotes_of(text, "Direct") if not quote.partial]


def last_direct(text: str) -> Quote:
    quotes = direct_quotes(text)
    assert quotes, quotes_of(text, "Direct")
    return quotes[-1]


def test_speak_without_cue_keeps_an_owned_noun_for_an_utterance() -> None:
    text = (
        "Die Ministerin Lea Graf besuchte das Spital. Ihre Antwort auf die Kritik: „Wir haben alles richtig gemacht.“"
    )
    assert speaker_of(last_direct(text)) == "Ihre Antwort"


def test_speak_without_cue_drops_an_owned_noun_for_anything_else() -> None:
    text = "Die Ministerin Lea Graf besuchte das Spital. Ihre Zuversicht ist gross: «Wir schaffen das bis im Sommer.»"
    assert speaker_of(last_direct(text)) != "Ihre Zuversicht"


def test_colon_subject_reads_past_a_scare_quote_inside_the_clause() -> None:
    text = (
        "Die letzten Worte des Trainers vor dem Abstieg gelten heute als «geflügeltes Wort»: "
        "«Der Ball ist rund und ein Spiel dauert neunzig Minuten.»"
    )
    assert speaker_of(last_direct(text)) == "Die letzten Worte des Trainers"


def test_colon_subject_starts_after_a_quote_standing_on_its_own() -> None:
    text = "Gelobt haben die Präsidentin Anna Meier („Ein verdienter Sieg.“) und der Bürgermeister: „Wir sind stolz.“"
    assert speaker_of(last_direct(text)) == "der Bürgermeister"


def test_utterance_phrase_speaks_words_someone_else_published() -> None:
    text = "Das Wahlkampfteam veröffentlichte die Antwort, „Dazu kann ich leider nichts sagen“, noch am selben Abend."
    assert speaker_of(last_direct(text)) == "die Antwort"


def test_utterance_phrase_gives_way_to_the_place_that_holds_the_words() -> None:
    text = "In der Zeitung fand sich dazu die Feststellung „Die Redaktion bleibt unabhängig und frei“."
    assert speaker_of(last_direct(text)) == "der Zeitung"


def test_naming_predicate_makes_the_named_utterance_the_speaker() -> None:
    text = "„Jeder Zweite fühlt sich von der Politik vergessen.“ Das ist die zentrale Aussage einer neuen Studie."
    quote = last_direct(text)
    assert (speaker_of(quote) or "").startswith("die zentrale Aussage")
    assert quotes_of(text, "Reported") == []


def test_naming_predicate_needs_a_noun_for_an_utterance() -> None:
    text = "„Jeder Zweite fühlt sich von der Politik vergessen.“ Das ist eine traurige Entwicklung für das Land."
    assert speaker_of(last_direct(text)) != "eine traurige Entwicklung für das Land"
