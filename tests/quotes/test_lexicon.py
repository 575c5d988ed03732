"""The quotation lexicon: generated verb forms, separable verbs, Swiss spelling, user files."""

from __future__ import annotations

from pathlib import Path

import pytest

from chronik.errors import ChronikError
from chronik.quotes.lexicon import function_words, key, load_lexicon, weak_forms


def test_key_writes_sharp_s_as_double_s() -> None:
    assert key("Heißt") == key("heisst") == "heisst"


@pytest.mark.parametrize(
    ("stem", "expected"),
    [("sag", {"sagt", "sagte", "gesagt", "sage"}), ("betont", set()), ("berichte", set())],
)
def test_weak_forms_build_the_regular_forms(stem: str, expected: set[str]) -> None:
    assert expected <= weak_forms(stem, prefixed=False)


def test_weak_forms_insert_e_after_t_and_consonant_nasal() -> None:
    assert {"berichtet", "berichtete"} <= weak_forms("bericht", prefixed=True)
    assert "rechnet" in weak_forms("rechn", prefixed=False)
    assert "betont" in weak_forms("beton", prefixed=True)


@pytest.mark.parametrize(
    ("form", "lemma", "particle"),
    [("sagte", "sagen", None), ("teilte", "mitteilen", "mit"), ("mitgeteilt", "mitteilen", None),
     ("heisst", "heissen", None), ("heißt", "heissen", None), ("betonten", "betonen", None)],
)  # fmt: skip
def test_verb_senses_find_speech_verbs_by_form(form: str, lemma: str, particle: str | None) -> None:
    senses = load_lexicon().verb_senses(form)
    assert any(sense.lemma == lemma and sense.particle == particle for sense in senses)


def test_verb_senses_fall_back_to_the_taggers_lemma() -> None:
    assert load_lexicon().verb_senses("sagtet", "sagen")[0].lemma == "sagen"


@pytest.mark.parametrize("noun", ["Erklärung", "US-Sicherheitsstrategie", "Grundsatzpapier", "Statement", "Berichte"])
def test_is_document_accepts_document_nouns_and_compounds(noun: str) -> None:
    assert load_lexicon().is_document(noun)


@pytest.mark.parametrize("noun", ["Minister", "Regierung", "Frieden"])
def test_is_document_rejects_other_nouns(noun: str) -> None:
    assert not load_lexicon().is_document(noun)


def test_load_lexicon_extends_with_a_user_file(tmp_path: Path) -> None:
    extra = tmp_path / "speech_verbs.tsv"
    extra.write_text("# mine\nzwitschern\twriting\n", encoding="utf-8")
    lexicon = load_lexicon((str(extra),))
    assert lexicon.verb_senses("zwitscherte")[0].medium == "writing"
    assert lexicon.verb_senses("sagte")


def test_load_lexicon_rejects_a_bad_medium(tmp_path: Path) -> None:
    extra = tmp_path / "speech_verbs.tsv"
    extra.write_text("flüstern\tloud\n", encoding="utf-8")
    with pytest.raises(ChronikError) as error:
        load_lexicon((str(extra),))
    assert error.value.code == "E040"


def test_load_lexicon_rejects_an_unknown_file_name(tmp_path: Path) -> None:
    extra = tmp_path / "verbs.txt"
    extra.write_text("x\n", encoding="utf-8")
    with pytest.raises(ChronikError) as error:
        load_lexicon((str(extra),))
    assert error.value.code == "E040"


def test_function_words_are_loaded_as_keys() -> None:
    assert "dass" in function_words("subordinators")
    assert "ausserdem" in function_words("non_np_openers")
