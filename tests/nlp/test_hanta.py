from __future__ import annotations

from chronik.nlp.hanta import load_hanta


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
