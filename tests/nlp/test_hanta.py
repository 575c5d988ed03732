from __future__ import annotations

from chronik.nlp.hanta import CachedHanta, _read_forms, load_hanta


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
    plain = CachedHanta(forms=False)
    tag2int = plain._tagger.tag2int
    forms = _read_forms(tag2int)
    assert len(forms.analyses) > 1_000 and len(forms.lemmas) > 1_000
    for word in sorted(forms.analyses)[:: len(forms.analyses) // 25]:
        assert forms.analysis(word) == list(plain._tagger.analyze_forward(word))
    for (word, tag), lemma in sorted(forms.lemmas.items())[:: len(forms.lemmas) // 25]:
        assert plain._tagger._analyze(word, tag2int[tag], 1)[0] == lemma
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
