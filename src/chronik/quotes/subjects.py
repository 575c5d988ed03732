"""Subjects of speech-verb cues: the phrase before an apposition ("X, Chef von Y, sagte"), a pronoun
right after a verb-first cue, the subject of a clause of its own after a comma, and the checks that
reject a fronted object or the opening words of a quote."""

from __future__ import annotations

from collections.abc import Sequence

from chronik.quotes.clause_scan import before_relative_clauses, clause_start_before
from chronik.quotes.draft import Cue
from chronik.quotes.grammar import (
    AUXILIARIES,
    CLAUSE_REACH,
    COORDINATORS,
    FOCUS_PARTICLES,
    NON_NP_OPENERS,
    OBJECT_DETERMINERS,
    PRONOUNS,
    QUOTE_MARKS,
    SUBORDINATORS,
    is_finite,
    is_temporal,
    noun_phrase_left,
    noun_phrase_right,
    speaker_right,
    subject_of,
)
from chronik.quotes.view import Word

# Pronouns that are always nominative: right after a finite verb they are its subject.
SUBJECT_PRONOUNS = frozenset({"er", "wir", "ich"})
_DEMONSTRATIVE_SUBJECTS = frozenset({"dieser", "diese", "jener", "jene", "letzterer", "letztere"})


def own_main_clause(words: Sequence[Word], first: int, position: int) -> bool:
    """The cue's segment after a comma is a main clause of its own: a noun phrase, then its finite verb."""
    if first == 0 or words[first - 1].text != "," or not np_opener(words[first]):
        return False
    finite = next((p for p in range(first + 1, min(position, first + CLAUSE_REACH)) if is_finite(words[p])), None)
    if finite is None or any(word.key in COORDINATORS for word in words[finite:position]):
        return False  # "…, X sei „…“ und kündigte an, …": the cue has another subject
    return noun_phrase_left(words, first, finite) is not None


def np_opener(word: Word) -> bool:
    """A word that may open a subject (not a conjunction, relative pronoun or adverb)."""
    blocked = word.key in SUBORDINATORS or word.key in NON_NP_OPENERS or word.pos.startswith(("PREL", "KO", "PW"))
    return not blocked and (word.capitalized or word.text[:1].isdigit() or word.pos in ("ART", "PPER", "PPOSAT"))


def pronoun_subject(word: Word) -> bool:
    """A pronoun right after a verb-first cue that is its subject: "lehnt er ab", "so schrieb diese"."""
    return word.key in SUBJECT_PRONOUNS or (word.pos == "PDS" and word.key in _DEMONSTRATIVE_SUBJECTS)


def bracket_subject(words: Sequence[Word], start: int) -> tuple[int, int] | None:
    """The subject of a verb bracket that a participle closes after an apposition: the phrase after a
    clause-initial finite verb ("«…», wird X, Chef von Y, zitiert"), else the sentence's subject."""
    for position in range(start - 1, max(-1, start - CLAUSE_REACH), -1):
        word = words[position]
        if not (is_finite(word) or (not word.pos and word.key in AUXILIARIES)):
            continue
        clause_initial = position == 0 or words[position - 1].text in (",", ":", "„", "“", "«", "»", '"')
        if clause_initial:
            return speaker_right(words, position + 1, start) or subject_of(words, 0, start)
        break
    return subject_of(words, 0, start)


def bare_name_or_pronoun(words: Sequence[Word], phrase: tuple[int, int]) -> bool:
    """A subject of its own in a relative clause: "die Alternative, die Roßberg nannte" (a name or
    "er"/"sie"/"wir" without article; "welche die Regierung auffordert" keeps the antecedent)."""
    first = words[phrase[0]]
    return first.key in ("er", "sie", "wir", "ich") or (first.pos == "NE" if first.pos else False)


def fronted_object(words: Sequence[Word], phrase: tuple[int, int], anchor: int) -> bool:
    """The phrase before the finite verb is its object, the subject follows: "Den Plan nannte er
    «Unsinn»", "Die Tat bezeichnete sie als sinnlos" (a pronoun right after the verb is its subject)."""
    if words[phrase[0]].key in OBJECT_DETERMINERS:
        return True
    after = anchor + 1
    fronted_pronoun = phrase[1] - phrase[0] == 1 and words[phrase[0]].key in PRONOUNS
    return after < len(words) and words[after].key in SUBJECT_PRONOUNS and not fronted_pronoun


def apposition_subject(words: Sequence[Word], segment: tuple[int, int], cue: Cue, *, inserted: bool = False) -> None:
    """ "Klaus Stöhr, Leiter des Programms, sagte": the subject stands before the commas. With
    `inserted`, only a subject followed by an apposition or relative clause counts (not "Die Lage, sagte er")."""
    if segment[0] < 2:
        return
    comma = before_relative_clauses(words, segment[0] - 1)
    first = clause_start_before(words, comma)
    while first < segment[0] - 2 and words[first].key in (*FOCUS_PARTICLES, "und"):
        first += 1  # "Auch Winfried Hassemer, Papiers Stellvertreter, glaubt"
    if first >= comma or words[first].key in NON_NP_OPENERS:
        return
    if inserted and comma == segment[0] - 1 and not any(word.text == "," for word in words[first:comma]):
        return
    subject = noun_phrase_right(words, first, limit=comma)
    if subject is not None and not is_temporal(words, subject) and not opens_quote(words, subject):
        cue.speaker = subject
        cue.verb_initial = False


def opens_quote(words: Sequence[Word], phrase: tuple[int, int]) -> bool:
    """A phrase with an unclosed quotation mark is the start of a quote, no subject: "…, „die Welt zu
    verbessern, um …“, schrieb X" (a quoted name closes its marks: "„Ärzte ohne Grenzen“ erklärten")."""
    return sum(1 for word in words[phrase[0] : phrase[1]] if word.text in QUOTE_MARKS) % 2 == 1
