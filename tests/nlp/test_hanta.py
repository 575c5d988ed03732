from __future__ import annotations

import math
from typing import Any

from HanTa.HanoverTagger import HanoverTagger
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chronik.nlp.hanta import CachedHanta, TransitionTable, _advance, _read_forms, _state, load_hanta

TupleState = tuple[int, int]
VOCABULARY = [
    "Die",
    "der",
    "den",
    "dem",
    "des",
    "ein",
    "eine",
    "einen",
    "Regierung",
    "Ministerin",
    "Bürgermeister",
    "Gemeinderat",
    "hat",
    "haben",
    "wird",
    "sagte",
    "sagten",
    "beschloss",
    "beschlossen",
    "neue",
    "neuen",
    "alten",
    "am",
    "im",
    "in",
    "an",
    "auf",
    "mit",
    "nach",
    "vor",
    "seit",
    "Montag",
    "Dienstag",
    "Berlin",
    "Zürich",
    "Wien",
    "Sanktionen",
    "Vorschriften",
    "Haushalt",
    "Abgeordneten",
    "und",
    "oder",
    "aber",
    "nicht",
    "dass",
    "weil",
    "wenn",
    "gestern",
    "heute",
    "sehr",
    "schnell",
    "12",
    "2025",
    ",",
    ".",
    ":",
    "?",
    "(",
    ")",
    '"',
    "-",
    "Grenzschutzvereinbarungen",
    "herrschten",
    "Quarkgremium",
    "Xyzzy",
    "grossen",
    "heisst",
    "Ex-Klimagipfelteilnehmer",
]


def test_viterbi_matches_hanta_reference() -> None:
    hanta = load_hanta()
    words = ["Die", "Regierung", "hat", "am", "Montag", "neue", "Sanktionen", "beschlossen", "."]
    assert hanta.viterbi(words) == hanta._tagger.tag_sent_viterbi(words)


def test_tag_compound_through_head() -> None:
    ((lemma, tag),) = load_hanta().tag(["Grenzschutzvereinbarungen"])
    assert tag == "NN"
    assert lemma == "Grenzschutzvereinbarung"


def test_tag_adjective_by_suffix_class() -> None:
    result = load_hanta().tag(["die", "ostkaribischen", "Staaten"])
    assert result[1] == ("ostkaribisch", "ADJ(A)")


def test_tag_empty_sentence() -> None:
    assert load_hanta().tag([]) == []


def test_analogue_transfers_lemma_change() -> None:
    ((lemma, tag),) = load_hanta().tag(["Grenzschützern"])
    assert tag == "NN"
    assert lemma == "Grenzschützer"


def test_analyse_mode_uses_full_analysis() -> None:
    hanta = load_hanta(analogy=False)
    assert hanta._analogue("herrschten") is None
    assert load_hanta()._analogue("herrschten") is not None


def test_swiss_spelling_uses_eszett_analysis() -> None:
    result = load_hanta().tag(["die", "grossen", "Fragen", "heissen", "anders"])
    assert result[1] == ("groß", "ADJ(A)")
    assert result[3][0] == "heißen"


def test_shipped_forms_equal_hanta_own_analyses() -> None:
    pristine = HanoverTagger("morphmodel_ger.pgz")  # HanTa itself, none of our replacements
    tag2int = pristine.tag2int
    forms = _read_forms(tag2int)
    assert len(forms.analyses) > 1_000 and len(forms.lemmas) > 1_000
    for word in sorted(forms.analyses)[:: len(forms.analyses) // 25]:
        assert forms.analysis(word) == pristine.analyze_forward(word)
    for (word, tag), lemma in sorted(forms.lemmas.items())[:: len(forms.lemmas) // 25]:
        assert pristine._analyze(word, tag2int[tag], 1)[0] == lemma
    assert forms.analysis("Quarkgremiumsvorsitzende") is None


def test_tag_same_with_and_without_shipped_forms() -> None:
    words = ["Die", "Abgeordneten", "verabschiedeten", "Haushaltsbegleitgesetze", "und", "Vorschriften", "."]
    assert CachedHanta(forms=True).tag(words) == CachedHanta(forms=False).tag(words)


def test_hyphenated_word_with_unknown_compound_head() -> None:
    hanta = load_hanta()
    assert hanta._head_of("Ex-Klimagipfelteilnehmer") == ("Teilnehmer", None)
    ((lemma, tag),) = hanta.tag(["Ex-Klimagipfelteilnehmern"])
    assert tag == "NN"
    assert lemma == "Ex-Klimagipfelteilnehmer"


def test_hanta_model_is_the_shared_instance_with_its_word_list() -> None:
    from chronik.nlp.hanta import hanta_model, load_hanta

    model = hanta_model()
    assert model is load_hanta(analogy=True)._tagger
    assert hanta_model() is model
    assert "haus" in model.cache and "NN" in model.tag2int


def _reference_step(
    previous: dict[TupleState, float], transitions: Any, emissions: tuple[tuple[int, float], ...]
) -> tuple[dict[TupleState, float], dict[TupleState, TupleState]]:
    """The Viterbi step as first written here: tuple states, dict per state, same beam and ties."""
    ranked = sorted(previous.values(), reverse=True)
    bound = ranked[5] - 1 if len(ranked) > 5 else -1e6
    row: dict[TupleState, float] = {}
    back: dict[TupleState, TupleState] = {}
    for state, score in previous.items():
        if score < bound:
            continue
        followers = transitions[state]
        for tag, value in emissions if emissions else followers.items():
            if emissions and tag not in followers:
                continue
            total = score + (followers[tag] + value) if emissions else score + value
            new = (state[1], tag)
            if tag != 2 and total > -1e6 and (new not in row or total > row[new]):
                row[new] = total
                back[new] = state
    return row, back


def _reference_viterbi(hanta: CachedHanta, words: list[str]) -> list[int]:
    transitions = hanta._tagger.LP_trans_word
    previous: dict[TupleState, float] = {(0, 1): 0.0}
    backs = []
    for position, word in enumerate(words):
        emissions = hanta.emissions(word, case_sensitive=position > 0)
        row, back = _reference_step(previous, transitions, emissions)
        if not row and emissions:
            row, back = _reference_step(previous, transitions, ())
        backs.append(back)
        previous = row
    state = max(previous, key=lambda s: previous[s] + transitions[s].get(2, -math.inf))
    tags = [state[1]]
    for back in reversed(backs[1:]):
        state = back[state]
        tags.append(state[1])
    return tags[::-1]


def _assert_steps_equal_reference(hanta: CachedHanta, words: list[str]) -> None:
    """Every Viterbi row (scores bit for bit, order) and back pointer equals the reference's."""
    transitions = hanta._tagger.LP_trans_word
    expected: dict[TupleState, float] = {(0, 1): 0.0}
    previous = {_state(0, 1): 0.0}
    for position, word in enumerate(words):
        emissions = hanta.emissions(word, case_sensitive=position > 0)
        expected_row, expected_back = _reference_step(expected, transitions, emissions)
        row, back = _advance(previous, hanta._model, emissions)
        if not expected_row and emissions:
            expected_row, expected_back = _reference_step(expected, transitions, ())
            row, back = _advance(previous, hanta._model, ())
        assert list(row.items()) == [(_state(*s), score) for s, score in expected_row.items()], word
        assert back == {_state(*s): _state(*b) for s, b in expected_back.items()}, word
        expected, previous = expected_row, row


def test_viterbi_equals_reference_on_sentences() -> None:
    hanta = load_hanta()
    sentences = [
        "Der Gemeinderat von Wil hat am Dienstag neue Vorschriften für den Haushalt beschlossen .",
        "« Wir werden das nicht hinnehmen » , sagte die Ministerin gestern in Wien .",
        "Die grossen Fragen heissen anders : Wer zahlt ?",
        "12 Abgeordnete stimmten dagegen , 2025 soll es weitergehen .",
    ]
    for sentence in sentences:
        words = sentence.split()
        assert hanta.viterbi(words) == _reference_viterbi(hanta, words), sentence
        _assert_steps_equal_reference(hanta, words)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(VOCABULARY), min_size=1, max_size=30))
def test_viterbi_equals_reference_on_any_word_sequence(words: list[str]) -> None:
    hanta = load_hanta()
    assert hanta.viterbi(words) == _reference_viterbi(hanta, words)
    _assert_steps_equal_reference(hanta, words)


def test_advance_for_unknown_word_follows_every_transition() -> None:
    hanta = load_hanta()
    transitions = hanta._tagger.LP_trans_word
    previous = {(0, 1): 0.0}
    for word in ["Die", "Regierung", "hat"]:
        previous, _ = _reference_step(previous, transitions, hanta.emissions(word, case_sensitive=True))
    expected_row, expected_back = _reference_step(previous, transitions, ())
    row, back = _advance({_state(*s): score for s, score in previous.items()}, hanta._model, ())
    assert len(row) > 20  # any tag may follow
    assert row == {_state(*s): score for s, score in expected_row.items()}
    assert list(row) == [_state(*s) for s in expected_row]  # same order: ties resolve alike
    assert back == {_state(*s): _state(*b) for s, b in expected_back.items()}


def test_transition_table_holds_hanta_scores() -> None:
    transitions = load_hanta()._tagger.LP_trans_word
    table = TransitionTable(transitions)
    for (before, tag), followers in transitions.items():
        state = _state(before, tag)
        offset = table.rows[state]
        assert table.final[state] == followers.get(2, -math.inf)
        held = {after: table.scores[offset + after] for after in range(128) if table.scores[offset + after] is not None}
        assert held == {after: score for after, score in followers.items() if after != 2}
    assert table.rows[_state(127, 127)] == -1
