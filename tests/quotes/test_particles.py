"""Separable speech verbs: the particle written apart, at the clause end, after an apposition, and
the sense it selects. All sentences are written for these tests."""

from __future__ import annotations

from chronik.quotes.lexicon import load_lexicon
from chronik.quotes.particles import finite_in_clause
from chronik.quotes.view import Word
from tests.quotes.test_constructions import indirect, message, quotes_of, speaker_of


def test_verb_senses_know_the_participle_of_a_separable_verb_written_apart() -> None:
    senses = load_lexicon().verb_senses("gegeben")
    assert any(sense.lemma == "bekanntgeben" and sense.particle == "bekannt" for sense in senses)


def test_find_cues_reads_a_particle_written_before_the_participle() -> None:
    quotes = indirect("Die Stadtverwaltung hat am Montag bekannt gegeben, dass das Hallenbad im Mai schliesst.")
    assert len(quotes) == 1
    assert message(quotes[0]) == "dass das Hallenbad im Mai schliesst"
    assert speaker_of(quotes[0]) == "Die Stadtverwaltung"
    assert quotes[0].cue_lemma == "bekanntgeben"


def test_find_cues_reads_a_particle_before_a_verb_at_the_clause_end() -> None:
    quotes = indirect("Die Preise steigen weiter, wie das Statistikamt am Freitag bekannt gab.")
    assert len(quotes) == 1
    assert message(quotes[0]) == "Die Preise steigen weiter"
    assert quotes[0].cue_lemma == "bekanntgeben"


def test_find_cues_reads_a_separated_particle_as_another_verb() -> None:
    # "sagten … aus" is "aussagen" (testify), no speech act with content to report.
    assert quotes_of("Im Prozess sagten zwölf Zeuginnen vor dem Gericht aus.", "Reported") == []


def test_find_cues_prefers_the_sense_whose_particle_is_present() -> None:
    quotes = quotes_of("Die Nachbarländer sagten rasche Hilfe zu.", "Reported")
    assert len(quotes) == 1
    assert quotes[0].cue_lemma == "zusagen"


def test_find_cues_takes_the_particle_at_the_clause_end() -> None:
    # "aus" before "einer" is a preposition; "hervor" closes the clause: "hervorgehen", no speech act.
    assert quotes_of("Das Programm ging aus einer älteren Version hervor.", "Reported") == []


def test_find_cues_ignores_a_preposition_that_looks_like_a_particle() -> None:
    assert quotes_of("Es gab eine Spende von hundert Franken an das Rote Kreuz.", "Reported") == []


def test_find_cues_finds_the_particle_after_an_apposition() -> None:
    quotes = indirect("Der Strom fiel um acht Uhr aus, teilte der Sprecher des Werks, Otto Brunner, mit.")
    assert len(quotes) == 1
    assert message(quotes[0]) == "Der Strom fiel um acht Uhr aus"
    assert quotes[0].cue_lemma == "mitteilen"


def _tagged(pairs: list[tuple[str, str]]) -> list[Word]:
    return [
        Word(i, i * 10, i * 10 + len(text), text, text.lower(), pos, text, {}, 0) for i, (text, pos) in enumerate(pairs)
    ]


def test_finite_in_clause_reads_a_plural_present_tagged_as_infinitive() -> None:
    words = _tagged([("Die", "ART"), ("Bauern", "NN"), ("dagegen", "PROAV"), ("sehen", "VVINF"), ("Gefahren", "NN")])
    assert finite_in_clause(words, 3, (0, len(words)))


def test_finite_in_clause_rejects_an_infinitive_beside_a_finite_verb_or_after_zu() -> None:
    modal = _tagged([("Die", "ART"), ("Bauern", "NN"), ("wollen", "VMFIN"), ("Gefahren", "NN"), ("sehen", "VVINF")])
    assert not finite_in_clause(modal, 4, (0, len(modal)))
    after_zu = _tagged([("um", "KOUI"), ("Gefahren", "NN"), ("zu", "PTKZU"), ("sehen", "VVINF")])
    assert not finite_in_clause(after_zu, 3, (0, len(after_zu)))
