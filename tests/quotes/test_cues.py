"""Cue rules of the third error study: separable verbs written apart, objects in the first position,
focus particles and appositions before the subject, cues after "zu", and verbs that report only with
a content clause. All sentences are written for these tests."""

from __future__ import annotations

import pytest

from tests.quotes.test_constructions import indirect, message, quotes_of, speaker_of


def test_find_cues_takes_the_pronoun_after_the_verb_when_an_object_comes_first() -> None:
    quotes = quotes_of("Die neue Regel bezeichnete er als «völlig unbrauchbar».", "Direct")
    assert len(quotes) == 1
    assert speaker_of(quotes[0]) == "er"


def test_find_cues_skips_an_object_phrase_opened_by_den() -> None:
    quotes = quotes_of("Den Entwurf nannte die Ministerin «einen Rückschritt».", "Direct")
    assert len(quotes) == 1
    assert speaker_of(quotes[0]) == "die Ministerin"


def test_find_cues_reads_the_subject_after_a_focus_particle() -> None:
    quotes = indirect("Auch der frühere Trainer Kurt Brandl kritisierte, die Mannschaft habe kaum gekämpft.")
    assert len(quotes) == 1
    assert speaker_of(quotes[0]) == "der frühere Trainer Kurt Brandl"


def test_find_cues_prefers_the_subject_before_an_apposition_over_the_object() -> None:
    quotes = quotes_of(
        "Die Vorsitzende des Mieterverbands, Erika Lanz, bezeichnete die Erhöhung als «reine Abzocke».", "Direct"
    )
    assert len(quotes) == 1
    assert speaker_of(quotes[0]) == "Die Vorsitzende des Mieterverbands"


def test_find_cues_skips_a_relative_clause_between_subject_and_verb() -> None:
    quotes = quotes_of(
        "Jonas Keller, der im Finale verletzt ausschied, nannte die Entscheidung «überhart», "
        "Trainerin Mara Huber bezeichnete das Spiel als «unglücklich».",
        "Direct",
    )
    assert [speaker_of(quote) for quote in quotes] == ["Jonas Keller", "Trainerin Mara Huber"]


def test_find_cues_accepts_a_cue_after_zu_when_a_dass_clause_follows() -> None:
    quotes = indirect("Dem Verband war es wichtig zu betonen, dass die Spiele stattfinden.")
    assert len(quotes) == 1
    assert message(quotes[0]) == "dass die Spiele stattfinden"


def test_find_cues_ignores_a_zu_infinitive_without_content_clause() -> None:
    assert indirect("Der Sprecher hatte am Abend nichts mehr zu sagen.") == []


def test_find_cues_reads_the_participle_geheissen() -> None:
    quotes = indirect("Am Morgen hatte es noch geheißen, die Strasse werde erst am Abend geöffnet.")
    assert len(quotes) == 1
    assert message(quotes[0]) == "die Strasse werde erst am Abend geöffnet"
    assert quotes[0].speaker is None  # "Am Morgen" is a time, not a source


def test_find_cues_reads_vertreten_with_a_konjunktiv_clause() -> None:
    quotes = indirect("Die Ökonomin vertrat in einem Interview die These, die Inflation sinke bald.")
    assert len(quotes) == 1
    assert message(quotes[0]) == "die Inflation sinke bald"


def test_find_indirect_takes_zeigen_only_with_a_dass_clause() -> None:
    assert len(indirect("Die Studie zeigt, dass Kinder zu wenig schlafen.")) == 1
    assert indirect("Die Parteien zeigten sich entschlossen, das Gesetz noch im Sommer zu verabschieden.") == []


def test_find_indirect_does_not_take_a_subject_with_relative_clause_for_a_message() -> None:
    quotes = indirect("Die Gruppe, die das Gebiet kontrolliert, erklärte den Waffenstillstand für beendet.")
    assert quotes == []


def test_classify_keeps_a_single_quoted_noun_after_a_naming_verb() -> None:
    quotes = quotes_of("Der Sprecher nannte den Bericht eine «Zeitungsente».", "Direct")
    assert [span.text for quote in quotes for span in quote.message] == ["«Zeitungsente»"]
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Der Sprecher"


def test_classify_keeps_a_quoted_word_after_bezeichnete_als() -> None:
    quotes = quotes_of("Das Magazin bezeichnete die Firma als «Schatten-Geheimdienst».", "Direct")
    assert len(quotes) == 1


def test_classify_still_drops_a_name_after_a_determiner_without_naming_verb() -> None:
    assert quotes_of("Am Abend legte die «Seestern» im Hafen an.", "Direct") == []


def test_reported_takes_a_verb_with_its_governed_preposition() -> None:
    quotes = quotes_of("Die Veranstalter sprachen von über zehntausend Teilnehmern.", "Reported")
    assert len(quotes) == 1
    assert quotes[0].speaker is not None and quotes[0].speaker.text == "Die Veranstalter"


def test_reported_ignores_sprechen_without_its_preposition() -> None:
    assert quotes_of("Die Ministerin sprach am Abend in der Stadthalle.", "Reported") == []


def test_find_cues_takes_the_source_of_hervorgehen_after_aus() -> None:
    quotes = quotes_of(
        "Die Fabrik soll im Herbst schliessen. Dies geht aus einem Schreiben der Geschäftsleitung hervor.",
        "Indirect",
    )
    assert len(quotes) == 1
    assert speaker_of(quotes[0]) == "einem Schreiben der Geschäftsleitung"


def test_noun_cue_takes_a_hypothesis_with_its_dass_clause() -> None:
    quotes = indirect("Die Forscherinnen formulierten die Hypothese, dass Bienen Farben unterscheiden.")
    assert len(quotes) == 1
    assert message(quotes[0]) == "dass Bienen Farben unterscheiden"


def test_classify_drops_a_single_quoted_noun_without_naming_verb() -> None:
    text = "Der Minister sagte, der Plan gebe den Gemeinden ihre «Eigenverantwortung» zurück."
    assert [quote for quote in quotes_of(text, "Direct") if quote.partial] == []
    assert len(indirect(text)) == 1


def test_classify_keeps_a_quoted_phrase_of_two_words_inside_indirect_speech() -> None:
    text = "Der Minister sagte, der Plan sei «gut durchdacht»."
    partials = [quote for quote in quotes_of(text, "Direct") if quote.partial]
    assert len(partials) == 1


def test_find_cues_reads_a_coordinated_subject() -> None:
    quotes = quotes_of("Gewerkschaften und Arbeitgeber werfen der Regierung Untätigkeit vor.", "Reported")
    assert len(quotes) == 1
    assert speaker_of(quotes[0]) == "Gewerkschaften und Arbeitgeber"


def test_reported_needs_the_topic_of_the_speech_act() -> None:
    assert quotes_of("Der Minister kündigte eine Lösung an.", "Reported") == []
    assert len(quotes_of("Die Gesandte äusserte sich zum Treffen.", "Reported")) == 1
    assert len(quotes_of("Der Minister kündigte eine Lösung für die Pendler an.", "Reported")) == 1


def test_reported_takes_a_demand_whose_object_is_its_content() -> None:
    assert len(quotes_of("Die Opposition forderte den Rücktritt des Ministers.", "Reported")) == 1


def test_find_cues_zitieren_takes_the_quoted_object_as_speaker() -> None:
    quotes = quotes_of("Die Zeitung zitiert den Bürgermeister mit den Worten: «Wir bauen die Brücke neu.»", "Direct")
    assert [speaker_of(quote) for quote in quotes] == ["den Bürgermeister", "Die Zeitung"]  # the paper quotes him


def test_find_cues_a_date_in_apposition_is_no_speaker() -> None:
    quotes = indirect(
        "Gysi hatte am Donnerstag, den 7. Oktober, in einem Interview die These vertreten, die Partei stagniere."
    )
    assert len(quotes) == 1
    assert speaker_of(quotes[0]) == "Gysi"


@pytest.mark.parametrize(
    "text",
    [
        "Als der Pächter erfuhr, dass die Miete steigt, kündigte er den Vertrag.",
        "Nachdem die Wirtin bemerkt hatte, dass die Kasse fehlte, rief sie die Polizei.",
    ],
)
def test_find_cues_ignores_learning_something_in_a_temporal_clause(text: str) -> None:
    assert indirect(text) == []


def test_find_cues_keeps_a_perception_verb_in_a_main_clause() -> None:
    assert [message(quote) for quote in indirect("Die Polizei bemerkte, dass die Tür offen stand.")] == [
        "dass die Tür offen stand"
    ]


def test_find_cues_reads_a_relative_clause_cue_not_as_anaphoric() -> None:
    quotes = indirect("Ein neuer Antrag kam von der Gemeinde, die vorschlug, die Strasse im Herbst zu sperren.")
    assert [message(quote) for quote in quotes] == ["die Strasse im Herbst zu sperren"]


def test_find_cues_keeps_an_anaphoric_das_after_a_comma_when_its_verb_stands_second() -> None:
    quotes = indirect("Die Brücke bleibt bis Mai gesperrt, das teilte das Bauamt mit.")
    assert [(message(quote), speaker_of(quote)) for quote in quotes] == [
        ("Die Brücke bleibt bis Mai gesperrt", "das Bauamt")
    ]


def test_find_cues_reads_a_participle_tagged_as_an_adverb_before_a_dass_clause() -> None:
    quotes = indirect("Für Basel hat die Handelskammer ausgerechnet, dass jeder Gast etwa 90 Franken ausgibt.")
    assert [(message(quote), speaker_of(quote)) for quote in quotes] == [
        ("dass jeder Gast etwa 90 Franken ausgibt", "die Handelskammer")
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Ausgerechnet am Montag fiel der Strom aus.",
        "«Bibi», wie die Sängerin von ihren Fans genannt wird, trat in Wien auf.",
    ],
)
def test_find_cues_reads_no_quotation_into_an_adverb_or_a_naming_aside(text: str) -> None:
    assert indirect(text) == [] and quotes_of(text, "Reported") == []


def test_find_cues_reads_waehrend_as_a_conjunction_when_the_verb_closes_its_clause() -> None:
    text = "Während die Trainerin erklärte, müde zu sein, räumte der Kapitän ein, Fehler gemacht zu haben."
    assert [(message(quote), speaker_of(quote)) for quote in indirect(text)] == [
        ("müde zu sein", "die Trainerin"),
        ("Fehler gemacht zu haben", "der Kapitän"),
    ]


def test_find_cues_takes_no_genitive_phrase_for_a_subject() -> None:
    text = "Des Weiteren verwies die Ministerin darauf, dass der Entwurf verfassungskonform sei."
    assert [speaker_of(quote) for quote in indirect(text)] == ["die Ministerin"]


def test_find_cues_takes_no_genitive_preposition_phrase_for_a_subject() -> None:
    text = "Bezüglich des Startortes meldete die Agentur, die Maschine sei vom Hangar losgeflogen."
    assert [speaker_of(quote) for quote in indirect(text)] == ["die Agentur"]
