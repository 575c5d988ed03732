"""German verb mood for quotation rules: finite verbs and Konjunktiv I/II, with guards against
tagging errors (a capitalised noun tagged as a verb, a past "-te" form, a Konjunktiv I read as an adjective)."""

from __future__ import annotations

from collections.abc import Sequence

from chronik.quotes.lexicon import QuoteLexicon, key
from chronik.quotes.view import Word

_FINITE_TAGS = ("VVFIN", "VAFIN", "VMFIN")
_THIRD_PERSON_SUBJECTS = frozenset({"er", "sie", "es", "dies", "das", "dieses", "man", "dieser", "diese"})


def is_finite(word: Word) -> bool:
    return word.pos in _FINITE_TAGS


def konjunktiv(words: Sequence[Word], index: int, lexicon: QuoteLexicon) -> str | None:
    """ "I" or "II" when the word at `index` is a finite verb in Konjunktiv I or II, else None."""
    word = words[index]
    if _tagging_error(words, index):
        return None
    if word.morph.get("Mood") == "Sub" and word.morph.get("Konj") in ("I", "II"):
        return word.morph["Konj"]
    if _konjunktiv_tagged_as_adjective(words, index):
        return "I"
    if word.pos and not is_finite(word):
        return None
    if _first_person_nearby(words, index):
        return None
    listed = lexicon.konjunktiv.get(word.key)
    if listed is not None:
        return listed
    if word.morph.get("Mood") == "Ind":
        return None
    return "I" if is_finite(word) and _looks_konjunktiv_one(word) else None


def _konjunktiv_tagged_as_adjective(words: Sequence[Word], index: int) -> bool:
    """A Konjunktiv I form the tagger read as an adjective right after a pronoun subject ("Dies bedinge
    schwere Böen", "Er vermute …"): no attributive adjective follows a pronoun, and an "-e" verb form
    after a third-person subject is Konjunktiv I (not a past "-te")."""
    word = words[index]
    if word.pos != "ADJA" or index == 0 or word.capitalized or not word.key.endswith("e") or word.key.endswith("te"):
        return False
    previous = words[index - 1]
    following = words[index + 1].pos if index + 1 < len(words) else ""
    if following in ("NN", "NE", "ADJA", "TRUNC"):
        return False  # an attribute after all: "war sie stellvertretende Vorsitzende"
    return previous.pos in ("PPER", "PDS", "PIS") and previous.key in _THIRD_PERSON_SUBJECTS


def _tagging_error(words: Sequence[Word], index: int) -> bool:
    """A verb tag the mood rules should not trust: a capitalised word inside the sentence or after an
    opening bracket is a noun ("Die Notstandserlasse lösen …"), and a full verb's "-te"/"-ten" form other
    than its stem is a past tense, the same in indicative and Konjunktiv II ("hinschaute"; not Konjunktiv I
    "berichte")."""
    word = words[index]
    if word.capitalized and index > 0 and (not words[index - 1].is_punct or words[index - 1].text == "("):
        return True  # also a name in brackets: "Peter Sagan (Bora-hansgrohe) wurde Zweiter"
    lemma = key(word.lemma)
    past = word.key.endswith(("te", "ten")) and word.key not in (lemma, lemma[:-1])
    return word.pos == "VVFIN" and bool(lemma) and past


def _looks_konjunktiv_one(word: Word) -> bool:
    """A finite "-e" form equal to the lemma minus "n" ("hänge" of "hängen"), not a past tense."""
    lemma = key(word.lemma)
    return word.key.endswith("e") and lemma.endswith("en") and word.key == lemma[:-1] and not word.key.endswith("te")


def _first_person_nearby(words: Sequence[Word], index: int) -> bool:
    neighbours = words[max(0, index - 1) : index + 2]
    return any(word.key == "ich" for word in neighbours)
