"""Speakers of speech cues in clauses the earlier rules missed: adverbial clauses opened by "als",
demonstrative and reflexive subjects, plurals the tagger misreads, relative "in der es heisst", an
apposition that is really the start of a quote, and a second main clause after a comma. All sentences
are written for these tests (German, Swiss and Austrian spelling)."""

from __future__ import annotations

import pytest

from tests.quotes.test_constructions import indirect, message, quotes_of, single_indirect, speaker_of


def test_attach_speaker_reads_the_subject_of_an_als_clause() -> None:
    text = "Als der Gemeindepräsident am Sonntag sagte, dass die Steuern sinken würden, war der Saal still."
    assert single_indirect(text) == ("dass die Steuern sinken würden", "der Gemeindepräsident")


@pytest.mark.parametrize("opener", ["Nachdem", "Weil", "Obwohl"])
def test_attach_speaker_reads_the_subject_of_other_adverbial_clauses(opener: str) -> None:
    text = f"{opener} die Landesrätin erklärt hatte, dass das Spital schliesse, gingen viele auf die Strasse."
    quotes = indirect(text)
    assert [speaker_of(quote) for quote in quotes] == ["die Landesrätin"]


def test_attach_speaker_takes_a_demonstrative_after_a_verb_first_cue() -> None:
    text = "Die Lage, so schrieb diese in einer Stellungnahme, sei ernst."
    assert single_indirect(text) == ("Die Lage // sei ernst", "diese")


def test_find_cues_leaves_a_speech_noun_after_a_preposition_to_its_verb() -> None:
    quotes = indirect("Für die Sängerin, so schrieb diese in einer Stellungnahme, sei es eine Ehre, hier aufzutreten.")
    assert len(quotes) == 1
    assert quotes[0].cue is not None and quotes[0].cue.text == "schrieb"
    assert speaker_of(quotes[0]) == "diese"
    assert message(quotes[0]) == "Für die Sängerin // sei es eine Ehre, hier aufzutreten"


def test_find_cues_keeps_a_speech_noun_after_als() -> None:
    quotes = indirect("Die Autoren sehen als wichtigste Aussage der Studie, dass die Mieten weiter steigen.")
    assert [message(quote) for quote in quotes] == ["dass die Mieten weiter steigen"]


def test_noun_phrase_reads_a_feminine_plural_tagged_as_adverb() -> None:
    text = "Die Tournee beginnt im Mai in Graz. Das teilten die beiden Sängerinnen am Montag mit."
    quotes = indirect(text)
    assert [speaker_of(quote) for quote in quotes] == ["die beiden Sängerinnen"]


def test_impersonal_cue_in_a_relative_clause_takes_the_antecedent() -> None:
    text = "Man zitiert eine Erklärung der Behörde, in der es heisst, dass die Sperre rechtens sei."
    assert single_indirect(text) == ("dass die Sperre rechtens sei", "eine Erklärung der Behörde")


def test_subject_of_skips_a_reflexive_pronoun_after_the_verb() -> None:
    text = "Mit Kritik an der Reform hält sich Gruber zurück. So sei im Entwurf eine gute Lösung gewählt worden."
    quotes = quotes_of(text, "FreeIndirect")
    assert [speaker_of(quote) for quote in quotes] == ["Gruber"]


def test_subject_of_reads_a_verb_tagged_as_noun() -> None:
    quotes = quotes_of("Hier sparte der Bundespräsident nicht mit Kritik: «Jeder muss sparen.»", "Direct")
    assert [speaker_of(quote) for quote in quotes] == ["der Bundespräsident"]


def test_apposition_subject_is_never_the_start_of_a_quote() -> None:
    text = "Er habe daran mitgewirkt, „die Welt zu verbessern, um den Krieg zu beenden“, schrieb die Stiftung."
    quotes = indirect(text)
    assert len(quotes) == 1
    assert speaker_of(quotes[0]) == "die Stiftung"
    assert message(quotes[0]).startswith("Er habe daran mitgewirkt")


def test_fallback_speaker_takes_the_subject_of_the_cues_own_main_clause() -> None:
    text = (
        "Zwar sind 62 Prozent der Befragten zufrieden, 37 Prozent sind jedoch der gegenteiligen Auffassung, "
        "dass die Demokratie schlecht funktioniert."
    )
    assert single_indirect(text) == ("dass die Demokratie schlecht funktioniert", "37 Prozent")


def test_fallback_speaker_skips_a_clause_coordinated_with_the_cue() -> None:
    text = "Die Abgeordnete erklärte, der Minister sei «ein Zauderer» und kündigte an, gegen ihn anzutreten."
    speakers = [speaker_of(quote) for quote in indirect(text)]
    assert speakers and all(speaker == "Die Abgeordnete" for speaker in speakers)


def test_second_main_clause_reads_a_plural_present_tagged_as_infinitive() -> None:
    text = "Das war nicht der erste Streit um die Blockaden und die Anwohner befürchten, dass es nicht der letzte sei."
    assert single_indirect(text) == ("dass es nicht der letzte sei", "die Anwohner")


def test_frame_cue_laut_with_a_relative_pronoun_takes_the_antecedent() -> None:
    text = "Das Gesetz folgte den Plänen der Regierung, laut denen jeder Haushalt ein Radio haben sollte."
    quotes = indirect(text)
    assert [message(quote) for quote in quotes] == ["jeder Haushalt ein Radio haben sollte"]
    speaker = speaker_of(quotes[0])
    assert speaker is not None and speaker.startswith("den Plänen der Regierung")


def test_finite_anchor_takes_the_auxiliary_of_a_coordinated_passive() -> None:
    text = (
        "Die Verkehrsbetriebe gelten als nahe an der Partei und wurden gestern im «Standard» als "
        "«eine bedeutende Organisation» bezeichnet."
    )
    quotes = quotes_of(text, "Direct")
    assert [(message(quote), speaker_of(quote)) for quote in quotes] == [
        ("«eine bedeutende Organisation»", "«Standard»")
    ]
