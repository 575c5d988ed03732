from __future__ import annotations

import pytest

from chronik.nlp.mood import finite_verb_features, imperative_features, paradigm


def test_paradigm_has_konjunktiv_cells() -> None:
    cells = paradigm("geben")
    assert any(r.konj == "II" for r in cells["gäbe"])
    assert {r.mood for r in cells["gebe"]} == {"Ind", "Sub"}


def test_paradigm_unknown_lemma_is_empty() -> None:
    assert paradigm("xyzzy") == {} or "xyzzy" not in paradigm("xyzzy")


@pytest.mark.parametrize(
    ("form", "lemma", "subject", "expected"),
    [
        ("gebe", "geben", None, ("Sub", "I")),
        ("gebe", "geben", "ich", ("Ind", None)),
        ("geben", "geben", None, ("Ind", None)),
        ("sei", "sein", None, ("Sub", "I")),
        ("sei", "sein", "ich", ("Sub", "I")),
        ("seien", "sein", None, ("Sub", "I")),
        ("hätten", "haben", None, ("Sub", "II")),
        ("sagte", "sagen", None, ("Ind", None)),
        ("würde", "werden", None, ("Sub", "II")),
        ("heisst", "heißen", None, ("Ind", None)),
        ("hab", "haben", "ich", ("Ind", None)),
    ],
)
def test_finite_verb_features_mood(
    form: str, lemma: str, subject: str | None, expected: tuple[str, str | None]
) -> None:
    features = finite_verb_features(form, lemma, subject=subject)
    assert (features["Mood"], features.get("Konj")) == expected


def test_finite_verb_features_person_and_tense() -> None:
    features = finite_verb_features("hängt", "hängen")
    assert features == {"Mood": "Ind", "VerbForm": "Fin", "Tense": "Pres", "Person": "3", "Number": "Sing"}


def test_finite_verb_features_unknown_verb_defaults_to_indicative() -> None:
    assert finite_verb_features("blorpt", "blorpen")["Mood"] == "Ind"


def test_imperative_features_number() -> None:
    assert imperative_features("gib", "geben")["Number"] == "Sing"
    assert imperative_features("gebt", "geben")["Mood"] == "Imp"
