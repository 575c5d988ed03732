"""Verb mood for finite German verbs: indicative, Konjunktiv I, Konjunktiv II, imperative.

The tagger knows the lemma; `ablaut` conjugates it into full paradigm tables (present,
preterite, Konjunktiv I and II, imperative). A finite form's candidate readings are the
table cells it appears in. Where readings disagree:

- a form that is the Konjunktiv I 3rd person singular ("hänge", "gebe", "habe") but not
  the indicative 3rd singular is Konjunktiv I, unless "ich" is its subject (then it is the
  indicative 1st singular: "ich gebe");
- plural "-en" forms shared by indicative and Konjunktiv I ("sie geben") are indicative;
- weak preterites that double as Konjunktiv II ("sagte", "sollte") are indicative, as UD
  annotates them; only forms that are distinct Konjunktiv II ("gäbe", "hätte") are Sub/II.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

_PERSONS = (("1", "Sing"), ("2", "Sing"), ("3", "Sing"), ("1", "Plur"), ("2", "Plur"), ("3", "Plur"))
_FIRST_SINGULAR_SUBJECTS = frozenset({"ich"})
_FIRST_PLURAL_SUBJECTS = frozenset({"wir"})


@dataclass(frozen=True, slots=True)
class Reading:
    """One cell of a verb paradigm."""

    mood: str  # Ind | Sub | Imp
    konj: str  # "" | I | II
    tense: str  # Pres | Past | ""
    person: str
    number: str

    def features(self) -> dict[str, str]:
        features = {"Mood": self.mood, "VerbForm": "Fin"}
        if self.konj:
            features["Konj"] = self.konj
        if self.tense:
            features["Tense"] = self.tense
        if self.person:
            features["Person"] = self.person
        if self.number:
            features["Number"] = self.number
        return features


def _cell_forms(cell: str | None) -> list[str]:
    """Surface forms for a table cell: "hänge ab" → "hänge" (main clause) and "abhänge"."""
    words = (cell or "").lower().split()
    if not words:
        return []
    if len(words) == 1:
        return words
    return [words[0], "".join(words[1:]) + words[0]]


@lru_cache(maxsize=20000)
def paradigm(lemma: str) -> dict[str, tuple[Reading, ...]]:
    """Finite form → readings for `lemma` (empty when ablaut cannot conjugate it)."""
    import ablaut

    try:
        table = ablaut.conjugate(lemma)
    except (ValueError, RuntimeError):
        return {}
    readings: dict[str, list[Reading]] = {}
    rows = (
        (table.present, "Ind", "", "Pres"),
        (table.preterite, "Ind", "", "Past"),
        (table.konjunktiv1, "Sub", "I", "Pres"),
        (table.konjunktiv2, "Sub", "II", "Past"),
    )
    for cells, mood, konj, tense in rows:
        for (person, number), cell in zip(_PERSONS, cells or (), strict=False):
            for form in _cell_forms(cell):
                readings.setdefault(form, []).append(Reading(mood, konj, tense, person, number))
    for cell, number in zip(table.imperative or (), ("Sing", "Plur"), strict=False):
        for form in _cell_forms(cell):
            readings.setdefault(form, []).append(Reading("Imp", "", "", "2", number))
    return {_fold(form): tuple(cells) for form, cells in readings.items()}


def _fold(form: str) -> str:
    """Lower case with Swiss "ss" for "ß", so "heisst" finds "heißt"."""
    return form.lower().replace("ß", "ss")


def _pick(readings: tuple[Reading, ...], subject: str | None) -> Reading:
    """The reading to report when a form has several (see module docstring)."""
    finite = [r for r in readings if r.mood != "Imp"] or list(readings)
    if subject in _FIRST_SINGULAR_SUBJECTS:
        first = [r for r in finite if r.person == "1" and r.number == "Sing" and r.mood == "Ind"]
        if first:
            return first[0]
    indicative = [r for r in finite if r.mood == "Ind"]
    konj1_3sg = [r for r in finite if r.konj == "I" and r.person == "3" and r.number == "Sing"]
    if konj1_3sg and not any(r.person == "3" and r.number == "Sing" for r in indicative):
        return konj1_3sg[0]
    if indicative:
        third = [r for r in indicative if r.person == "3"]
        if subject in _FIRST_PLURAL_SUBJECTS:
            third = [r for r in indicative if r.person == "1"] or third
        return (third or indicative)[0]
    third_sub = [r for r in finite if r.person == "3"]
    return (third_sub or finite)[0]


def finite_verb_features(form: str, lemma: str, *, subject: str | None = None) -> dict[str, str]:
    """UD features (Mood, Konj, Tense, Person, Number, VerbForm) of a finite verb form.

    `subject` is a lower-cased pronoun next to the verb ("ich", "wir"), if any.
    """
    readings = paradigm(lemma.lower()).get(_fold(form), ())
    if subject is not None:  # a verb with a subject is not an imperative ("hab ich")
        readings = tuple(r for r in readings if r.mood != "Imp")
    if not readings:
        return _SUBJECT_DEFAULTS.get(subject or "", {"Mood": "Ind", "VerbForm": "Fin"}).copy()
    return _pick(readings, subject).features()


_SUBJECT_DEFAULTS = {
    pronoun: {"Mood": "Ind", "VerbForm": "Fin", "Person": person, "Number": number}
    for pronoun, person, number in (
        ("ich", "1", "Sing"),
        ("du", "2", "Sing"),
        ("er", "3", "Sing"),
        ("es", "3", "Sing"),
        ("man", "3", "Sing"),
        ("wir", "1", "Plur"),
        ("ihr", "2", "Plur"),
    )
}


def imperative_features(form: str, lemma: str) -> dict[str, str]:
    """Features of a verb the tagger called an imperative."""
    readings = paradigm(lemma.lower()).get(_fold(form), ())
    numbers = {r.number for r in readings if r.mood == "Imp"}
    features = {"Mood": "Imp", "VerbForm": "Fin", "Person": "2"}
    if len(numbers) == 1:
        features["Number"] = numbers.pop()
    return features
