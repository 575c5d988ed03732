"""Separable speech verbs: where the particle stands and which sense of a verb form it selects.

"teilte … mit", "gab … bekannt", "hat bekannt gegeben", "teilte der Direktor, Hans Muster, mit",
"ging … aus der Version hervor" (hervorgehen, not ausgehen), "sagten … aus" (not sagen).
Positions index the sentence's word list.
"""

from __future__ import annotations

from collections.abc import Sequence

from chronik.quotes.grammar import CLAUSE_REACH, DETERMINERS, SENTENCE_FINAL, is_finite, trim_punct
from chronik.quotes.lexicon import VerbSense
from chronik.quotes.view import Word

# Separable particles that stand apart before the verb ("hat bekannt gegeben"); "zu sagen" is no "zusagen".
_PARTICLES_WRITTEN_APART = frozenset({"bekannt", "klar", "fest", "kund", "publik"})
_PHRASE_OPENING_TAGS = frozenset({"ADJA", "ART", "PPOSAT", "PIAT", "PDAT", "CARD"})
_CASUALTIES = ("todesopfer", "menschenleben", "opfer", "tote", "toten", "verletzte", "verletzten")
_REFLEXIVE_NON_SPEECH = frozenset({"bestätigen", "ergeben", "erweisen", "versprechen"})


def matching_sense(
    words: Sequence[Word], position: int, segment: tuple[int, int], senses: list[VerbSense]
) -> VerbSense | None:
    """The sense whose separated particle stands last in the clause ("ging … aus der Version hervor" is
    "hervorgehen", "sagten … zu" is "zusagen"), else the plain verb."""
    best: tuple[int, VerbSense] | None = None
    plain: VerbSense | None = None
    for sense in senses:
        if sense.lemma == "heissen" and not _next_to_es(words, position, segment):
            continue
        if sense.particle is None:
            plain = plain or sense
            continue
        found = particle_position(words, position, segment, sense.particle)
        if found >= 0 and (best is None or found > best[0]):
            best = (found, sense)
    return best[1] if best is not None else plain


def _next_to_es(words: Sequence[Word], position: int, segment: tuple[int, int]) -> bool:
    """ "heisst es", "es heisst", "hatte es geheissen": impersonal "heissen" reports, "heisst Anna" names."""
    neighbours = words[max(0, position - 1) : position + 2]
    if any(word.key == "es" for word in neighbours):
        return True
    return words[position].key == "geheissen" and any(w.key == "es" for w in words[segment[0] : position])


def particle_position(words: Sequence[Word], position: int, segment: tuple[int, int], particle: str) -> int:
    """Where the separated particle of a verb stands: after it ("gab … bekannt") or, written apart,
    right before it ("hat bekannt gegeben", "wie die Polizei bekannt gab")."""
    if particle in _PARTICLES_WRITTEN_APART and position > segment[0] and words[position - 1].key == particle:
        return position - 1
    for later in range(position + 1, min(segment[1], position + 1 + CLAUSE_REACH)):
        if words[later].key == particle and (
            later + 1 >= len(words) or later + 1 == segment[1] or not _opens_phrase(words[later + 1])
        ):
            return later  # not a preposition before its phrase: "gab … an das Rote Kreuz"
    return _particle_after_apposition(words, segment, particle)


def _opens_phrase(word: Word) -> bool:
    """A word that a preposition governs: "an das Rote Kreuz", "an einzelnen Orten", "auf 626"."""
    return word.capitalized or word.key in DETERMINERS or word.pos in _PHRASE_OPENING_TAGS


def non_speech_sense(words: Sequence[Word], position: int, segment: tuple[int, int], lemma: str) -> bool:
    """Uses of speech verbs that report nothing: reflexive "bestätigt sich" / "ergibt sich" (turns out),
    "zum Sieger erklärt" (declares something to be), "auf Hilfe angewiesen" (depends on)."""
    after = words[position + 1 : min(segment[1], position + 3)]
    if lemma in _REFLEXIVE_NON_SPEECH and any(word.key == "sich" for word in after):
        return True
    before = words[max(segment[0], position - CLAUSE_REACH) : position]
    if lemma == "erklären" and any(word.key in ("zum", "zur") for word in before):
        return True
    if lemma == "erklären" and _declared_as(words, position, segment):
        return True
    if lemma == "fordern" and any(word.key.endswith(_CASUALTIES) for word in words[segment[0] : segment[1]]):
        return True  # "Das Unwetter forderte 92 Menschenleben" claims lives, nobody speaks
    return lemma == "anweisen" and words[position].key == "angewiesen" and any(w.key == "auf" for w in before)


def _declared_as(words: Sequence[Word], position: int, segment: tuple[int, int]) -> bool:
    """ "erklärte die Sitzung für beendet", "erklärt den Vertrag für nichtig", "hat den Vertrag für nichtig
    erklärt": "für" and a predicate in the verb's clause declare a state, they report nothing ("erklärte
    sich für die Reform" has no predicate)."""
    start = segment[0] if words[position].pos == "VVPP" else position + 1  # before a participle at the end
    end = min(segment[1], position + CLAUSE_REACH)
    return any(
        words[at].key == "für" and words[at + 1].pos in ("ADJD", "VVPP") and not words[at + 1].capitalized
        for at in range(start, end - 1)
        if at != position
    )


def _particle_after_apposition(words: Sequence[Word], segment: tuple[int, int], particle: str) -> int:
    """ "teilte der Direktor der Behörde, Hans Muster, mit.": the particle ends the sentence after an
    apposition between commas; after a relative clause it opens the rest of the clause ("hält das
    Verfahren, das im Mai begann, für verfassungswidrig")."""
    for later in range(segment[1], min(len(words) - 1, segment[1] + 12)):
        if words[later].key == particle and words[later - 1].text == "," and words[later + 1].text in SENTENCE_FINAL:
            return later
    return _particle_after_relative_clause(words, segment, particle)


def _particle_after_relative_clause(words: Sequence[Word], segment: tuple[int, int], particle: str) -> int:
    """The particle right after the comma that closes a relative clause ending the cue's clause, when no
    phrase follows it ("…, für verfassungswidrig", "…, mit, dass …"; not "…, für die Opfer")."""
    opener = segment[1] + 1
    if opener >= len(words) or words[segment[1]].text != "," or not words[opener].pos.startswith("PREL"):
        return -1
    for later in range(opener + 1, min(len(words) - 1, opener + CLAUSE_REACH)):
        if words[later].text in SENTENCE_FINAL:
            return -1
        if words[later].text == "," and is_finite(words[later - 1]):
            found = later + 1
            follows_phrase = found + 1 < len(words) and _opens_phrase(words[found + 1])
            return found if words[found].key == particle and not follows_phrase else -1
    return -1


_OTHER_VERB_PARTICLES = frozenset(
    {
        "aus",
        "ab",
        "an",
        "zu",
        "auf",
        "ein",
        "vor",
        "nach",
        "um",
        "durch",
        "frei",
        "los",
        "nieder",
        "zurück",
        "weg",
        "fort",
    }
)


def foreign_particle(words: Sequence[Word], position: int, segment: tuple[int, int], lemma: str) -> bool:
    """A separated particle (PTKVZ) at the end of the clause that the lemma lacks makes another verb:
    "sagten … vor Gericht aus" is "aussagen", not "sagen" ("kündigte … an" stays "ankündigen")."""
    if not is_finite(words[position]):
        return False
    last = trim_punct(words, segment[1], position + 1) - 1
    if last - position > CLAUSE_REACH:
        return False
    between = words[position + 1 : last]
    particle = words[last]
    if particle.pos != "PTKVZ" or lemma.startswith(particle.key) or any(is_finite(word) for word in between):
        return False
    return particle.key in _OTHER_VERB_PARTICLES  # "sprach ihn … frei" is "freisprechen"


def finite_in_clause(words: Sequence[Word], position: int, segment: tuple[int, int]) -> bool:
    """Whether the verb is finite; a plural present the tagger read as an infinitive counts when its
    clause has no other verb form that could be finite ("Die Bauern dagegen sehen im Gesetz eine Gefahr")."""
    word = words[position]
    if not word.pos or is_finite(word):
        return True
    if word.pos != "VVINF" or position == segment[0] or words[position - 1].key in ("zu", "um"):
        return False
    start, end = segment
    return not any(is_finite(other) or other.pos in ("VAINF", "VMINF") for other in words[start:end])
